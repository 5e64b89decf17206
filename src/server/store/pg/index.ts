// The PostgreSQL store: many API and worker processes share it. Opening connects a pool, migrates
// (one process at a time, under an advisory lock) and returns the Store plus the pool, which the
// pg-boss queue, the event relay and the rate-limit counters share.
import type pg from 'pg';
import { PortalProbeError } from '../../../errors.js';
import type { Store } from '../types.js';
import { PgAuditStore } from './audits.js';
import { createPool, parsePgUrl, type PgLocation, type PoolLogger } from './connection.js';
import { PgKeyStore } from './keys.js';
import { migratePg } from './migrate.js';
import { PgScheduleStore } from './schedules.js';

export interface PgStore extends Store {
  readonly kind: 'postgres';
  readonly pool: pg.Pool;
  readonly pg: PgLocation;
  readonly audits: PgAuditStore;
  readonly schedules: PgScheduleStore;
}

export interface OpenPgStoreOptions {
  now?: () => number;
  poolSize?: number;
  log?: PoolLogger;
}

export async function openPgStore(location: string, options: OpenPgStoreOptions = {}): Promise<PgStore> {
  const where = parsePgUrl(location);
  const pool = createPool(where, { max: options.poolSize, log: options.log });
  try {
    await migratePg(pool, where.schema);
  } catch (err) {
    await pool.end().catch(() => {});
    if (err instanceof PortalProbeError) throw err;
    throw new PortalProbeError('PP_ERR_INTERNAL', `Cannot open the database ${where.display}: ${(err as Error).message}`, { db: where.display }, { cause: err });
  }
  const now = options.now ?? Date.now;
  const audits = new PgAuditStore(pool, now);
  let closed = false;
  return {
    kind: 'postgres',
    location: where.display,
    pg: where,
    pool,
    audits,
    keys: new PgKeyStore(pool, now),
    schedules: new PgScheduleStore(pool, audits, now),
    get closed() {
      return closed;
    },
    async ping() {
      if (closed) return false;
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
