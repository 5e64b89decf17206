// Request counters for @fastify/rate-limit in PostgreSQL, so a key's limit holds across every API
// process (the default store counts in one process's memory). Fixed windows aligned to the
// window length: one upsert per request returns the window's count. Old windows are deleted now
// and then (at most once a minute per process).
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type pg from 'pg';

const SWEEP_EVERY_MS = 60_000;

export function pgRateLimitStore(pool: pg.Pool): FastifyRateLimitStoreCtor {
  let lastSweep = 0;
  class PgRateLimitStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = Date.now();
      const windowStart = now - (now % timeWindow);
      pool
        .query<{ hits: number }>(
          `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
           ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits`,
          [key, windowStart],
        )
        .then((r) => callback(null, { current: r.rows[0].hits, ttl: windowStart + timeWindow - now }), (err: Error) => callback(err));
      if (now - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = now;
        pool.query('DELETE FROM rate_limits WHERE window_start < $1', [windowStart - timeWindow]).catch(() => {});
      }
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return PgRateLimitStore;
}
