// Versioned schema migrations for the service store. Each migration is an SQL file in
// src/server/store/migrations/ named `NNN_name.sql`; tsc does not copy .sql files, so they are read
// at runtime from the package root (the same folder under vitest and after a build). Applied
// versions are recorded in `schema_migrations`; each file runs in its own transaction, so a failed
// migration leaves the previous version intact.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { PortalProbeError } from '../../errors.js';
import { packageRoot } from '../../util/package-info.js';

const FILE_PATTERN = /^(\d+)_([a-z0-9_-]+)\.sql$/i;
const TEXT = {
  duplicate: 'Two migrations share version {version}: {a} and {b}',
  failed: 'Migration {file} failed: {message}',
  newer: 'The database is at schema version {version}, newer than this portalprobe knows ({known}); upgrade portalprobe',
};

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
}

/** Relative to the package root. */
export const MIGRATIONS_DIR = 'src/server/store/migrations';

export function defaultMigrationsDir(): string {
  return join(packageRoot(), MIGRATIONS_DIR);
}

/** Reads the migration files of `dir`, in version order. */
export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const m = FILE_PATTERN.exec(file);
    if (!m) continue;
    migrations.push({ version: Number(m[1]), name: m[2], file, sql: readFileSync(join(dir, file), 'utf8') });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i].version === migrations[i - 1].version) {
      throw new PortalProbeError('PP_ERR_INTERNAL', fill(TEXT.duplicate, { version: migrations[i].version, a: migrations[i - 1].file, b: migrations[i].file }));
    }
  }
  return migrations;
}

/** Applies every migration newer than the database's version; returns the versions applied. */
export function migrate(db: Database.Database, migrations = loadMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) throw new PortalProbeError('PP_ERR_INTERNAL', fill(TEXT.newer, { version: current, known }));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    try {
      db.transaction(() => {
        db.exec(m.sql);
        record.run(m.version, m.name, Date.now());
      })();
    } catch (err) {
      throw new PortalProbeError('PP_ERR_INTERNAL', fill(TEXT.failed, { file: m.file, message: (err as Error).message }), { file: m.file }, { cause: err });
    }
    applied.push(m.version);
  }
  return applied;
}

function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
}
