// The SQLite store's own parts: opening (folder, WAL, foreign keys), versioned migrations (each in
// its own transaction; a database newer than the code is refused), the upgrade from version 1
// (reports become compressed, tenants filled in), and the in-process queue's crash recovery.
// Everything both stores share is in store-contract.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqlite, type SqliteStore } from '../../src/server/store/index.js';
import { loadMigrations, migrate } from '../../src/server/store/migrate.js';
import { initialProgress } from '../../src/server/jobs/progress.js';
import { tempDb, type TempDir } from './helpers.js';

const P = initialProgress(10);
let tmp: TempDir;
let store: SqliteStore;

beforeEach(() => {
  tmp = tempDb();
  store = openSqlite(tmp.file);
});
afterEach(async () => {
  await store.close();
  tmp.remove();
});

describe('opening and migrating', () => {
  it('creates the folder, uses WAL and records every migration once', async () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const versions = store.db.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toEqual(loadMigrations().map((m) => ({ version: m.version })));
    await store.close();
    store = openSqlite(tmp.file);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: loadMigrations().length });
  });

  it('applies only newer migrations, each in its own transaction', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-mig-'));
    try {
      writeFileSync(join(dir, '001_a.sql'), 'CREATE TABLE a (x INTEGER);');
      writeFileSync(join(dir, '002_b.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);');
      writeFileSync(join(dir, 'README.txt'), 'ignored');
      const db = new Database(':memory:');
      expect(() => migrate(db, loadMigrations(dir))).toThrow(/002_b\.sql failed/);
      expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
      writeFileSync(join(dir, '002_b.sql'), 'CREATE TABLE b (x INTEGER);');
      expect(migrate(db, loadMigrations(dir))).toEqual([2]);
      expect(migrate(db, loadMigrations(dir))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database newer than the code', () => {
    store.db.prepare('INSERT INTO schema_migrations VALUES (999, ?, 0)').run('future');
    expect(() => migrate(store.db)).toThrow(/newer than this portalprobe knows/);
  });

  it('upgrades a version-1 database: reports kept readable, owners become tenants', async () => {
    await store.close();
    tmp.remove();
    tmp = tempDb();
    const [v1] = loadMigrations();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(tmp.dir, 'data'), { recursive: true });
    const old = new Database(tmp.file);
    migrate(old, [v1]);
    old.prepare(`INSERT INTO api_keys (id, name, hash, prefix, created_at) VALUES ('key_a', 'a', 'h', 'ppk_', 1)`).run();
    old.prepare(`INSERT INTO audits (id, url, host, status, api_key_id, created_at, finished_at) VALUES ('aud_1', 'https://a.example/', 'a.example', 'done', 'key_a', 1, 2)`).run();
    old.prepare(`INSERT INTO reports (audit_id, json, summary) VALUES ('aud_1', '{"old":true}', '{"overall":1}')`).run();
    old.close();
    store = openSqlite(tmp.file);
    expect((await store.audits.report('aud_1', 'key_a'))!.json).toBe('{"old":true}');
    expect((await store.keys.list())[0]).toMatchObject({ tenant: 'key_a', admin: false });
    expect(await store.audits.history('a.example', 5, 'key_a')).toHaveLength(1);
  });
});

describe('in-process queue recovery', () => {
  it('claims the oldest queued audit; re-queues interrupted audits and fails them after maxAttempts starts', async () => {
    const a = await store.audits.create({ url: 'https://a.example/', host: 'a.example', options: {} });
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await store.audits.claimNext(P))!.attempts).toBe(attempt);
      const recovered = store.audits.recoverInterrupted(3);
      if (attempt < 3) expect(recovered).toEqual({ requeued: [a.id], failed: [] });
      else expect(recovered).toEqual({ requeued: [], failed: [a.id] });
    }
    expect(await store.audits.get(a.id)).toMatchObject({ status: 'failed', attempts: 3, error: { code: 'PP_ERR_INTERNAL', message: expect.stringContaining('interrupted 3 times') } });
    expect(await store.audits.claimNext(P)).toBeUndefined();
  });
});
