// Versioned migrations for the PostgreSQL store: SQL files in src/server/store/pg/migrations/
// (same NNN_name.sql naming and loader as SQLite's), recorded in <schema>.schema_migrations, each
// in its own transaction. Many processes may start at once: a session advisory lock keyed by the
// schema lets one migrate while the others wait, then find nothing left to do.
import { join } from 'node:path';
import type pg from 'pg';
import { PortalProbeError } from '../../../errors.js';
import { packageRoot } from '../../../util/package-info.js';
import { loadMigrations, type Migration } from '../migrate.js';
import { withClient } from './connection.js';

export const PG_MIGRATIONS_DIR = 'src/server/store/pg/migrations';

export function pgMigrations(): Migration[] {
  return loadMigrations(join(packageRoot(), PG_MIGRATIONS_DIR));
}

export async function migratePg(pool: pg.Pool, schema: string, migrations = pgMigrations()): Promise<number[]> {
  return withClient(pool, async (client) => {
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`portalprobe-migrate:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const current = (await client.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${schema}.schema_migrations`)).rows[0].v ?? 0;
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) {
      throw new PortalProbeError('PP_ERR_INTERNAL', `The database is at schema version ${current}, newer than this portalprobe knows (${known}); upgrade portalprobe`);
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL search_path = ${schema}`);
        await client.query(m.sql);
        await client.query(`INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, [m.version, m.name, Date.now()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw new PortalProbeError('PP_ERR_INTERNAL', `Migration ${m.file} failed: ${(err as Error).message}`, { file: m.file }, { cause: err });
      }
      applied.push(m.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`portalprobe-migrate:${schema}`]).catch(() => {});
  }
  });
}
