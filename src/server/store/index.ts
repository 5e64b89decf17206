// Opens the service store named by `--db`: a file path → the embedded SQLite store; a
// postgres:// or postgresql:// URL → the PostgreSQL store shared by API and worker processes.
import type { Store } from './types.js';
import { openSqliteStore, type OpenStoreOptions, type SqliteStore } from './sqlite.js';

export const DEFAULT_DB_FILE = './data/portalprobe.db';

export type { Store, Scope } from './types.js';
export type { SqliteStore } from './sqlite.js';

/** True for a PostgreSQL connection URL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** `--db` if given, else DATABASE_URL when it is a PostgreSQL URL, else the default SQLite file. */
export function dbLocation(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.DATABASE_URL && isPostgresUrl(env.DATABASE_URL)) return env.DATABASE_URL;
  return DEFAULT_DB_FILE;
}

export interface OpenAnyStoreOptions extends OpenStoreOptions {
  /** PostgreSQL pool size. @default 10 */
  poolSize?: number;
  /** PostgreSQL: where lost connections are reported. */
  log?: { warn(obj: object, msg: string): void };
}

/** Opens and migrates the store at `location`. */
export async function openStore(location: string = DEFAULT_DB_FILE, options: OpenAnyStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { openPgStore } = await import('./pg/index.js');
    return openPgStore(location, options);
  }
  return openSqliteStore(location, options);
}

/** The SQLite store, synchronously (tests and tools that want its `db` handle). */
export function openSqlite(file: string = DEFAULT_DB_FILE, options: OpenStoreOptions = {}): SqliteStore {
  return openSqliteStore(file, options);
}
