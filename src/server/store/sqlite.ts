// The embedded store: one SQLite file (better-sqlite3) in WAL mode, migrated on open. WAL lets the
// `keys` CLI and a backup read or write while the service runs; `busy_timeout` makes a second
// writer wait briefly instead of failing. One service process per file: its in-process queue
// assumes it is the only one taking work (see AuditStore.recoverInterrupted). Scale-out needs the
// PostgreSQL store (store/pg/).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { PortalProbeError } from '../../errors.js';
import { AuditStore } from './audits.js';
import { KeyStore } from './keys.js';
import { migrate } from './migrate.js';
import { ScheduleStore } from './schedules.js';
import type { Store } from './types.js';

const BUSY_TIMEOUT_MS = 5_000;

export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  readonly db: Database.Database;
  readonly file: string;
  readonly audits: AuditStore;
  readonly keys: KeyStore;
  readonly schedules: ScheduleStore;
}

export interface OpenStoreOptions {
  /** @default Date.now */
  now?: () => number;
}

/** Opens (creating folder and file if needed) and migrates the SQLite store at `file`. */
export function openSqliteStore(file: string, options: OpenStoreOptions = {}): SqliteStore {
  const path = file === ':memory:' ? file : resolve(file);
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (err) {
    throw new PortalProbeError('PP_ERR_INTERNAL', `Cannot open the database ${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode (only an OS crash or power loss
    // can lose the last commits), which is the failure this store is built to survive.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const now = options.now ?? Date.now;
  let closed = false;
  return {
    kind: 'sqlite',
    location: path,
    db,
    file: path,
    audits: new AuditStore(db, now),
    keys: new KeyStore(db, now),
    schedules: new ScheduleStore(db, now),
    get closed() {
      return closed;
    },
    async ping() {
      return !closed && db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
