// The store: migrations, WAL, the audit state machine (conditional updates, atomic report
// writes), crash recovery, cursor pages, API keys and schedules. Real SQLite files in a temp dir.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../src/server/store/index.js';
import { loadMigrations, migrate } from '../../src/server/store/migrate.js';
import { hashKey } from '../../src/server/store/keys.js';
import { initialProgress } from '../../src/server/jobs/progress.js';
import { tempDb, type TempDir } from './helpers.js';

const SUMMARY = { overall: 50, lenses: { core: 50, businessReadiness: 40, aiVisibility: 60 }, focusAreas: {}, pagesFetched: 3, tokens: { prompt: 0, completion: 0 }, finalUrl: 'https://a.example/' };
const P = initialProgress(10);

let tmp: TempDir;
let store: Store;
let clock: number;

beforeEach(() => {
  tmp = tempDb();
  clock = 1_700_000_000_000;
  store = openStore(tmp.file, { now: () => clock });
});
afterEach(() => {
  store.close();
  tmp.remove();
});

const create = (url = 'https://a.example/', extra: Record<string, unknown> = {}) =>
  store.audits.create({ url, host: new URL(url).host, options: {}, ...extra });

describe('opening and migrating', () => {
  it('creates the folder, uses WAL and records every migration once', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const versions = store.db.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toEqual(loadMigrations().map((m) => ({ version: m.version })));
    store.close();
    store = openStore(tmp.file);
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
      // 001 stayed applied; 002 rolled back entirely (table b does not exist).
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
});

describe('audit state machine', () => {
  it('claims the oldest queued audit, counts the attempt, completes with the report atomically', () => {
    const a = create();
    clock++;
    const b = create('https://b.example/');
    const claimed = store.audits.claimNext(P)!;
    expect(claimed).toMatchObject({ id: a.id, status: 'running', attempts: 1, startedAt: clock });
    expect(store.audits.complete(a.id, '{"r":1}', SUMMARY, 1234, P)).toBe(true);
    expect(store.audits.get(a.id)).toMatchObject({ status: 'done', durationMs: 1234, summary: { overall: 50 } });
    expect(store.audits.reportJson(a.id)).toBe('{"r":1}');
    expect(store.audits.claimNext(P)!.id).toBe(b.id);
    expect(store.audits.claimNext(P)).toBeUndefined();
  });

  it('never writes a report for an audit that is no longer running', () => {
    const a = create();
    store.audits.claimNext(P);
    expect(store.audits.cancel(a.id)).toMatchObject({ status: 'cancelled', error: { code: 'PP_ERR_ABORTED' } });
    expect(store.audits.complete(a.id, '{}', SUMMARY, 1, P)).toBe(false);
    expect(store.audits.fail(a.id, 'PP_ERR_TIMEOUT', 'late', 1)).toBe(false);
    expect(store.audits.reportJson(a.id)).toBeUndefined();
    expect(store.audits.get(a.id)!.status).toBe('cancelled');
  });

  it('rolls back the status change when the report cannot be written', () => {
    const a = create();
    store.audits.claimNext(P);
    store.db.prepare('INSERT INTO reports (audit_id, json, summary) VALUES (?, ?, ?)').run(a.id, 'x', '{}');
    // The audit already has a report row, so the insert inside complete() fails; status must stay running.
    expect(() => store.audits.complete(a.id, '{}', SUMMARY, 1, P)).toThrow();
    expect(store.audits.get(a.id)!.status).toBe('running');
  });

  it('cancels only queued or running audits and deletes only finished ones (with their report)', () => {
    const a = create();
    expect(store.audits.delete(a.id)).toBe(false);
    store.audits.claimNext(P);
    store.audits.complete(a.id, '{}', SUMMARY, 1, P);
    expect(store.audits.cancel(a.id)).toBeUndefined();
    expect(store.audits.delete(a.id)).toBe(true);
    expect(store.audits.get(a.id)).toBeUndefined();
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM reports').get()).toEqual({ n: 0 });
  });

  it('re-queues interrupted audits and fails them with a reason after maxAttempts starts', () => {
    const a = create();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(store.audits.claimNext(P)!.attempts).toBe(attempt);
      const recovered = store.audits.recoverInterrupted(3);
      if (attempt < 3) expect(recovered).toEqual({ requeued: [a.id], failed: [] });
      else expect(recovered).toEqual({ requeued: [], failed: [a.id] });
    }
    expect(store.audits.get(a.id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'PP_ERR_INTERNAL', message: expect.stringContaining('interrupted 3 times') },
    });
  });

  it('a graceful re-queue refunds the attempt', () => {
    const a = create();
    store.audits.claimNext(P);
    expect(store.audits.requeue(a.id, true)).toBe(true);
    expect(store.audits.get(a.id)).toMatchObject({ status: 'queued', attempts: 0, startedAt: null });
  });

  it('pages newest first with a cursor, filters by host and status, and rejects a forged cursor', () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(create(i % 2 ? 'https://b.example/' : 'https://a.example/').id);
    // Two audits in the same millisecond: the id breaks the tie.
    ids.push(create().id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = store.audits.list({ limit: 2, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(store.audits.list({ host: 'b.example' }).items.map((a) => a.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect(store.audits.list({ status: 'running' }).items).toEqual([]);
    expect(() => store.audits.list({ cursor: 'bm9wZQ' })).toThrow(/cursor is not valid/);
  });

  it('keeps per-portal history of done audits only, newest first', () => {
    for (const overall of [40, 55]) {
      const a = create();
      store.audits.claimNext(P);
      clock += 1000;
      store.audits.complete(a.id, '{}', { ...SUMMARY, overall }, 1, P);
    }
    create();
    const history = store.audits.history('a.example', 10);
    expect(history.map((h) => h.summary.overall)).toEqual([55, 40]);
    expect(store.audits.latestDone('a.example')!.summary!.overall).toBe(55);
    expect(store.audits.countByStatus()).toEqual({ queued: 1, running: 0, done: 2, failed: 0, cancelled: 0 });
  });
});

describe('API keys', () => {
  it('stores only the sha-256, verifies active keys, refuses revoked and unknown ones', () => {
    const created = store.keys.create('ci');
    expect(created.key).toMatch(/^ppk_[A-Za-z0-9_-]{43}$/);
    const row = store.db.prepare('SELECT * FROM api_keys').get() as Record<string, unknown>;
    expect(row.hash).toBe(hashKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    expect(store.keys.verify(created.key)).toMatchObject({ id: created.id, name: 'ci', lastUsedAt: clock });
    expect(store.keys.verify(`${created.key}x`)).toBeUndefined();
    expect(store.keys.revoke(created.id).revokedAt).toBe(clock);
    expect(store.keys.verify(created.key)).toBeUndefined();
    expect(() => store.keys.revoke('key_nope')).toThrow(/does not exist/);
  });
});

describe('schedules', () => {
  it('enqueues due schedules once, advances next_run_at, skips while the last run is active', () => {
    const s = store.schedules.create({ url: 'https://a.example/', host: 'a.example', everySeconds: 3600, options: { maxPages: 5 } });
    const first = store.schedules.enqueueDue();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ scheduleId: s.id, options: { maxPages: 5 }, status: 'queued' });
    expect(store.schedules.get(s.id)).toMatchObject({ nextRunAt: clock + 3_600_000, lastAuditId: first[0].id });
    expect(store.schedules.enqueueDue()).toEqual([]);
    // Due again while the first audit is still queued: the run is skipped, the clock still advances.
    clock += 3_600_000;
    expect(store.schedules.enqueueDue()).toEqual([]);
    expect(store.schedules.get(s.id)!.nextRunAt).toBe(clock + 3_600_000);
    // After downtime of several intervals, one run, and the next one interval from now.
    store.audits.claimNext(P);
    store.audits.complete(first[0].id, '{}', SUMMARY, 1, P);
    clock += 5 * 3_600_000;
    expect(store.schedules.enqueueDue()).toHaveLength(1);
    expect(store.schedules.get(s.id)!.nextRunAt).toBe(clock + 3_600_000);
    expect(store.schedules.delete(s.id)).toBe(true);
    expect(store.schedules.list()).toEqual([]);
  });
});
