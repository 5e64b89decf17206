// PostgreSQL connections for the store and the queue: one pg.Pool per process, its schema on the
// search_path, BIGINT read as numbers (the store's times are epoch milliseconds, far below 2^53).
// An idle pooled connection that dies (database restart, pg_terminate_backend) is dropped by the
// pool and reported on 'error'; without a listener that event would crash the process. The next
// query opens a fresh connection, so the service reconnects by itself.
import pg from 'pg';
import { UsageError } from '../../../errors.js';

export const DEFAULT_SCHEMA = 'portalprobe';
const SCHEMA_RE = /^[a-z_][a-z0-9_]{0,40}$/;
const INT8_OID = 20;

export interface PgLocation {
  /** The connection string handed to pg (without our `schema` parameter). */
  connectionString: string;
  /** Where our tables live. pg-boss uses `<schema>_boss`. */
  schema: string;
  /** For logs and messages: the URL without its password. */
  display: string;
}

/** Parses `postgres://user:pass@host:port/db?schema=name` (schema optional). */
export function parsePgUrl(location: string): PgLocation {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new UsageError(`Not a valid PostgreSQL URL: ${redact(location)}`);
  }
  const schema = url.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  if (!SCHEMA_RE.test(schema)) throw new UsageError(`schema must be a lower-case SQL name (letters, digits, _), not "${schema}"`);
  url.searchParams.delete('schema');
  const display = new URL(url.href);
  if (display.password) display.password = '***';
  return { connectionString: url.href, schema, display: `${display.href}${schema === DEFAULT_SCHEMA ? '' : `${url.search ? '&' : '?'}schema=${schema}`}` };
}

function redact(text: string): string {
  return text.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export interface PoolLogger {
  warn(obj: object, msg: string): void;
}

export function createPool(location: PgLocation, options: { max?: number; log?: PoolLogger; applicationName?: string } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'portalprobe',
    options: `-c search_path=${location.schema}`,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  pool.on('error', (err) => options.log?.warn({ err: err.message }, 'database connection lost; the next query reconnects'));
  return pool;
}

/** Something that runs SQL: the pool, or one client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/** Runs `fn` in one transaction on one pooled client (rolled back when it throws). */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  });
}

/**
 * Runs `fn` on one checked-out client. The pool listens for errors only on idle clients; a
 * connection killed while checked out (database restart) would emit an unhandled 'error' and
 * crash the process, so one is handled here (the failing query rejects on its own), and a client
 * that failed is destroyed on release instead of going back to the pool.
 */
export async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    return await fn(client);
  } catch (err) {
    broken ??= isConnectionError(err) ? (err as Error) : undefined;
    throw err;
  } finally {
    client.off('error', onError);
    client.release(broken ?? false);
  }
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  // 57P01 admin_shutdown (pg_terminate_backend, restart), 08xxx connection exceptions, socket errors.
  return code === '57P01' || code.startsWith('08') || code === 'ECONNRESET' || code === 'EPIPE' || /terminat|Connection/i.test((err as Error).message ?? '');
}
