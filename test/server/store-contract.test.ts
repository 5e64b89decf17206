// One contract for both stores (issue 15 item 1): the same cases run against SQLite (a temp file)
// and PostgreSQL (a fresh schema). The audit state machine with run tokens, atomic report writes,
// compressed reports read in one query, tenant scoping (another tenant's object is not there),
// the per-tenant active cap, cursor pages, history, keys (hash only, admin, tenant) and schedules
// (one audit per due time, even when several callers tick at once).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { ActiveAuditLimitError } from '../../src/errors.js';
import { initialProgress } from '../../src/server/jobs/progress.js';
import { hashKey } from '../../src/server/store/keys.js';
import { openPgStore, type PgStore } from '../../src/server/store/pg/index.js';
import { openSqliteStore, type SqliteStore } from '../../src/server/store/sqlite.js';
import type { Store } from '../../src/server/store/types.js';
import { tempDb, type TempDir } from './helpers.js';
import { freshSchema, type TestSchema } from './pg.js';

const SUMMARY = { overall: 50, lenses: { core: 50, businessReadiness: 40, aiVisibility: 60 }, focusAreas: {}, pagesFetched: 3, tokens: { prompt: 0, completion: 0 }, finalUrl: 'https://a.example/' };
const P = initialProgress(10);

interface Backend {
  name: 'sqlite' | 'postgres';
  open(now: () => number): Promise<Store>;
  /** Raw rows of the reports table: [{ body, encoding }]. */
  reportRows(store: Store): Promise<{ body: Buffer; encoding: string }[]>;
  cleanup(): Promise<void>;
}

let schema: TestSchema;
beforeAll(async () => {
  schema = await freshSchema('contract');
});
afterAll(async () => schema?.drop());

const backends: Backend[] = [
  (() => {
    let tmp: TempDir | undefined;
    return {
      name: 'sqlite' as const,
      open: async (now: () => number) => {
        tmp = tempDb();
        return openSqliteStore(tmp.file, { now });
      },
      reportRows: async (store: Store) => (store as SqliteStore).db.prepare('SELECT body, encoding FROM reports').all() as { body: Buffer; encoding: string }[],
      cleanup: async () => tmp?.remove(),
    };
  })(),
  {
    name: 'postgres' as const,
    // One schema per file; each test starts from empty tables.
    open: async (now: () => number) => {
      const store = await openPgStore(schema.url, { now });
      await store.pool.query('TRUNCATE audits, reports, api_keys, schedules, rate_limits');
      return store;
    },
    reportRows: async (store: Store) => (await (store as PgStore).pool.query('SELECT body, encoding FROM reports')).rows,
    cleanup: async () => {},
  },
];

describe.each(backends)('store contract: $name', (backend) => {
  let store: Store;
  let clock: number;

  beforeEach(async () => {
    clock = 1_700_000_000_000;
    store = await backend.open(() => clock);
  });
  afterEach(async () => {
    await store.close();
    await backend.cleanup();
  });

  const create = (url = 'https://a.example/', extra: Record<string, unknown> = {}) =>
    store.audits.create({ url, host: new URL(url).host, options: {}, ...extra });

  it('runs an audit: start counts the attempt, complete stores the report compressed, read in one call', async () => {
    const a = await create();
    const run = (await store.audits.start(a.id, P))!;
    expect(run).toMatchObject({ id: a.id, status: 'running', attempts: 1, startedAt: clock });
    const big = JSON.stringify({ r: 'x'.repeat(200_000) });
    expect(await store.audits.setProgress(a.id, 1, { ...P, pagesFetched: 2 })).toBe(true);
    expect(await store.audits.complete(a.id, 1, big, SUMMARY, 1234, P)).toBe(true);
    expect(await store.audits.get(a.id)).toMatchObject({ status: 'done', durationMs: 1234, summary: { overall: 50 } });
    const stored = (await store.audits.report(a.id))!;
    expect(stored.audit.status).toBe('done');
    expect(stored.json).toBe(big);
    const [row] = await backend.reportRows(store);
    expect(row.encoding).toBe('gzip');
    expect(row.body.length).toBeLessThan(big.length / 20);
    expect(gunzipSync(row.body).toString('utf8')).toBe(big);
    // A queued audit has no report yet.
    const b = await create();
    expect((await store.audits.report(b.id))!.json).toBeUndefined();
  });

  it('a superseded or cancelled run writes nothing', async () => {
    const a = await create();
    await store.audits.start(a.id, P);
    // A second start (the job was retried elsewhere) makes run 2 current; run 1 is stale.
    expect((await store.audits.start(a.id, P))!.attempts).toBe(2);
    expect(await store.audits.setProgress(a.id, 1, P)).toBe(false);
    expect(await store.audits.complete(a.id, 1, '{}', SUMMARY, 1, P)).toBe(false);
    expect(await store.audits.fail(a.id, 1, 'PP_ERR_TIMEOUT', 'late', 1)).toBe(false);
    expect(await store.audits.cancel(a.id)).toMatchObject({ status: 'cancelled', error: { code: 'PP_ERR_ABORTED' } });
    expect(await store.audits.complete(a.id, 2, '{}', SUMMARY, 1, P)).toBe(false);
    expect(await store.audits.start(a.id, P)).toBeUndefined();
    expect((await store.audits.report(a.id))!.json).toBeUndefined();
    expect((await store.audits.get(a.id))!.status).toBe('cancelled');
  });

  it('re-queues a run (refunding the attempt at a graceful stop) and fails an interrupted audit with the reason', async () => {
    const a = await create();
    await store.audits.start(a.id, P);
    expect(await store.audits.requeue(a.id, 1, true)).toBe(true);
    expect(await store.audits.get(a.id)).toMatchObject({ status: 'queued', attempts: 0, startedAt: null });
    await store.audits.start(a.id, P);
    await store.audits.start(a.id, P);
    expect(await store.audits.failInterrupted(a.id)).toBe(true);
    expect(await store.audits.get(a.id)).toMatchObject({ status: 'failed', error: { code: 'PP_ERR_INTERNAL', message: expect.stringContaining('interrupted 2 times') } });
    expect(await store.audits.failInterrupted(a.id)).toBe(false);
  });

  it('cancels only queued or running audits and deletes only finished ones, with their report', async () => {
    const a = await create();
    expect(await store.audits.delete(a.id)).toBe(false);
    await store.audits.start(a.id, P);
    await store.audits.complete(a.id, 1, '{}', SUMMARY, 1, P);
    expect(await store.audits.cancel(a.id)).toBeUndefined();
    expect(await store.audits.delete(a.id)).toBe(true);
    expect(await store.audits.get(a.id)).toBeUndefined();
    expect(await backend.reportRows(store)).toEqual([]);
  });

  it('scopes every read and change to the tenant; null scope sees all', async () => {
    const mine = await create('https://a.example/', { tenant: 'ten_a' });
    const theirs = await create('https://a.example/', { tenant: 'ten_b' });
    for (const a of [mine, theirs]) {
      await store.audits.start(a.id, P);
      clock += 10;
      await store.audits.complete(a.id, 1, JSON.stringify({ who: a.tenant }), SUMMARY, 1, P);
    }
    expect(await store.audits.get(theirs.id, 'ten_a')).toBeUndefined();
    expect(await store.audits.get(theirs.id, null)).toBeDefined();
    expect(await store.audits.report(theirs.id, 'ten_a')).toBeUndefined();
    expect((await store.audits.list({}, 'ten_a')).items.map((a) => a.id)).toEqual([mine.id]);
    expect((await store.audits.list({}, null)).items).toHaveLength(2);
    expect((await store.audits.history('a.example', 10, 'ten_a')).map((h) => h.auditId)).toEqual([mine.id]);
    expect((await store.audits.latestDone('a.example', 'ten_a'))!.json).toBe('{"who":"ten_a"}');
    expect((await store.audits.latestDone('a.example', null))!.audit.id).toBe(theirs.id);
    expect(await store.audits.delete(theirs.id, 'ten_a')).toBe(false);
    expect(await store.audits.get(theirs.id)).toBeDefined();
    const queued = await create('https://b.example/', { tenant: 'ten_b' });
    expect(await store.audits.cancel(queued.id, 'ten_a')).toBeUndefined();
    expect((await store.audits.get(queued.id))!.status).toBe('queued');
    expect(await store.audits.cancel(queued.id, 'ten_b')).toMatchObject({ status: 'cancelled' });
  });

  it('refuses an audit over the tenant cap, even for concurrent submits', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => create('https://a.example/', { tenant: 'ten_a' }).then(() => undefined)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(8);
    const capped = await Promise.allSettled(Array.from({ length: 6 }, () => store.audits.create({ url: 'https://a.example/', host: 'a.example', options: {}, tenant: 'ten_c' }, { maxActive: 3 })));
    expect(capped.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = capped.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.every((r) => r.reason instanceof ActiveAuditLimitError)).toBe(true);
    // Another tenant is not held back by ten_c's audits.
    await expect(store.audits.create({ url: 'https://a.example/', host: 'a.example', options: {}, tenant: 'ten_d' }, { maxActive: 1 })).resolves.toBeDefined();
  });

  it('pages newest first with a cursor, filters by host and status, and rejects a forged cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(i % 2 ? 'https://b.example/' : 'https://a.example/')).id);
    ids.push((await create()).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.audits.list({ limit: 2, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(6);
    expect((await store.audits.list({ host: 'b.example' })).items.map((a) => a.id).sort()).toEqual([ids[1], ids[3]].sort());
    expect((await store.audits.list({ status: 'running' })).items).toEqual([]);
    await expect(store.audits.list({ cursor: 'bm9wZQ' })).rejects.toThrow(/cursor is not valid/);
  });

  it('keeps per-portal history of done audits only, newest first, and counts by status', async () => {
    for (const overall of [40, 55]) {
      const a = await create();
      await store.audits.start(a.id, P);
      clock += 1000;
      await store.audits.complete(a.id, 1, '{}', { ...SUMMARY, overall }, 1, P);
    }
    await create();
    expect((await store.audits.history('a.example', 10)).map((h) => h.summary.overall)).toEqual([55, 40]);
    expect((await store.audits.latestDone('a.example'))!.audit.summary!.overall).toBe(55);
    expect(await store.audits.countByStatus()).toEqual({ queued: 1, running: 0, done: 2, failed: 0, cancelled: 0 });
  });

  it('API keys: hash only, tenant and admin, revoke', async () => {
    const created = await store.keys.create({ name: 'ci' });
    expect(created.key).toMatch(/^ppk_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ tenant: created.id, admin: false });
    const team = await store.keys.create({ name: 'team', tenant: created.id });
    const admin = await store.keys.create({ name: 'root', admin: true });
    expect(team.tenant).toBe(created.id);
    expect(admin.admin).toBe(true);
    expect((await store.keys.list()).map((k) => k.name).sort()).toEqual(['ci', 'root', 'team']);
    expect(JSON.stringify(await store.keys.list())).not.toContain(created.key);
    expect(hashKey(created.key)).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.keys.verify(created.key)).toMatchObject({ id: created.id, lastUsedAt: clock });
    expect(await store.keys.verify(`${created.key}x`)).toBeUndefined();
    expect((await store.keys.revoke(created.id)).revokedAt).toBe(clock);
    expect(await store.keys.verify(created.key)).toBeUndefined();
    await expect(store.keys.revoke('key_nope')).rejects.toThrow(/does not exist/);
  });

  it('schedules: one audit per due time, even when callers tick at once; skipped while active; scoped', async () => {
    const s = await store.schedules.create({ url: 'https://a.example/', host: 'a.example', everySeconds: 3600, options: { maxPages: 5 }, tenant: 'ten_a' });
    const ticks = await Promise.all([store.schedules.enqueueDue(), store.schedules.enqueueDue(), store.schedules.enqueueDue()]);
    const first = ticks.flat();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ scheduleId: s.id, tenant: 'ten_a', options: { maxPages: 5 }, status: 'queued' });
    expect(await store.schedules.get(s.id)).toMatchObject({ nextRunAt: clock + 3_600_000, lastAuditId: first[0].id });
    clock += 3_600_000;
    expect(await store.schedules.enqueueDue()).toEqual([]);
    expect((await store.schedules.get(s.id))!.nextRunAt).toBe(clock + 3_600_000);
    await store.audits.start(first[0].id, P);
    await store.audits.complete(first[0].id, 1, '{}', SUMMARY, 1, P);
    clock += 5 * 3_600_000;
    expect(await store.schedules.enqueueDue()).toHaveLength(1);
    expect(await store.schedules.get(s.id, 'ten_b')).toBeUndefined();
    expect(await store.schedules.list('ten_b')).toEqual([]);
    expect(await store.schedules.delete(s.id, 'ten_b')).toBe(false);
    expect(await store.schedules.delete(s.id, 'ten_a')).toBe(true);
    expect(await store.schedules.list()).toEqual([]);
  });
});
