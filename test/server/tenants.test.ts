// Keys own their audits (issue 14 item 2): key A, key B (another tenant), a team key (created
// into A's tenant) and an admin key × every route that takes an id or lists. Another tenant's
// object answers 404 exactly like a missing one; lists, history and comparisons leave it out; a
// delete or cancel by B changes nothing. The admin key sees and may act on everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRunner } from '../../src/server/jobs/execute.js';
import type { ApiKeyRecord } from '../../src/server/types.js';
import { fakeRunner, testApp, waitForStatus, type TestApp } from './helpers.js';
import { call, readEventStream } from './http-client.js';

let t: TestApp;
let base: string;
type Key = ApiKeyRecord & { key: string };
let A: Key, B: Key, team: Key, admin: Key;
const h = (k: Key) => ({ authorization: `Bearer ${k.key}` });
/** A's: two done audits of one portal, a held (running) audit, a schedule. */
let a1: string, a2: string, aRunning: string, aSchedule: string;
/** B's done audit of the same portal. */
let b1: string;
// Audits of held.example stay running until the end; the rest finish at once.
const quick = fakeRunner();
const held = fakeRunner({ hold: true });
const runner: AuditRunner = (url, options) => (url.includes('held.example') ? held(url, options) : quick(url, options));

beforeAll(async () => {
  t = await testApp({ auth: true, rateLimit: { max: 100_000, timeWindowMs: 60_000 }, concurrency: 2 }, runner);
  A = await t.app.store.keys.create({ name: 'a' });
  B = await t.app.store.keys.create({ name: 'b' });
  team = await t.app.store.keys.create({ name: 'a-team', tenant: A.tenant });
  admin = await t.app.store.keys.create({ name: 'root', admin: true });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const submit = async (k: Key, url = 'https://shared.example/') => (await t.app.inject({ method: 'POST', url: '/v1/audits', headers: h(k), payload: { url } })).json().id as string;
  a1 = await submit(A);
  await waitForStatus(t.app, a1, ['done'], h(A));
  a2 = await submit(team);
  await waitForStatus(t.app, a2, ['done'], h(A));
  b1 = await submit(B);
  await waitForStatus(t.app, b1, ['done'], h(B));
  aSchedule = (await t.app.inject({ method: 'POST', url: '/v1/schedules', headers: h(A), payload: { url: 'https://other.example/', every: '1d' } })).json().id;
  aRunning = await submit(A, 'https://held.example/');
}, 60_000);
afterAll(async () => t.close());

const get = (url: string, k: Key) => t.app.inject({ url, headers: h(k) });

describe('tenant scoping', () => {
  it('reading one audit, its report, its diff and its event stream: A, team and admin 200; B 404', async () => {
    const routes = [`/v1/audits/${a1}`, `/v1/audits/${a1}/report`, `/v1/audits/${a1}/report?format=md`, `/v1/audits/${a2}/diff?against=${a1}`];
    for (const url of routes) {
      for (const k of [A, team, admin]) expect((await get(url, k)).statusCode, `${url} ${k.name}`).toBe(200);
      const res = await get(url, B);
      expect(res.statusCode, `${url} B`).toBe(404);
      expect(res.json().error.code).toBe('PP_ERR_NOT_FOUND');
    }
    // A diff that mixes tenants is as if the other audit did not exist — for A and for B.
    expect((await get(`/v1/audits/${a1}/diff?against=${b1}`, A)).statusCode).toBe(404);
    expect((await get(`/v1/audits/${b1}/diff?against=${a1}`, B)).statusCode).toBe(404);
    expect((await get(`/v1/audits/${b1}/diff?against=${a1}`, admin)).statusCode).toBe(200);
    expect((await readEventStream(`${base}/v1/audits/${a1}/events`, h(B))).status).toBe(404);
    const own = await readEventStream(`${base}/v1/audits/${a1}/events`, h(team));
    expect(own.events.map((e) => e.event)).toEqual(['status', 'done']);
  });

  it('lists, history and schedules show only the caller tenant (admin: all)', async () => {
    const ids = async (k: Key) => (await get('/v1/audits?limit=100', k)).json().items.map((a: { id: string }) => a.id).sort();
    expect(await ids(A)).toEqual([a1, a2, aRunning, ...(await scheduledIds(A))].sort());
    expect(await ids(team)).toEqual(await ids(A));
    expect(await ids(B)).toEqual([b1]);
    expect((await ids(admin)).length).toBe((await ids(A)).length + 1);
    const points = async (k: Key) => (await get('/v1/portals/shared.example/history', k)).json().points.map((p: { auditId: string }) => p.auditId).sort();
    expect(await points(A)).toEqual([a1, a2].sort());
    expect(await points(B)).toEqual([b1]);
    expect(await points(admin)).toEqual([a1, a2, b1].sort());
    expect((await get('/v1/schedules', B)).json().items).toEqual([]);
    expect((await get('/v1/schedules', team)).json().items.map((s: { id: string }) => s.id)).toEqual([aSchedule]);
    expect((await get('/v1/schedules', admin)).json().items.map((s: { id: string }) => s.id)).toEqual([aSchedule]);
    expect((await get(`/v1/schedules/${aSchedule}`, B)).statusCode).toBe(404);
    expect((await get(`/v1/schedules/${aSchedule}`, admin)).statusCode).toBe(200);
  });

  it('comparisons by audit id or by URL only reach the caller tenant audits', async () => {
    const compare = (k: Key, payload: object) => t.app.inject({ method: 'POST', url: '/v1/comparisons', headers: h(k), payload });
    expect((await compare(A, { auditIds: [a1, a2] })).statusCode).toBe(200);
    expect((await compare(B, { auditIds: [a1, a2] })).statusCode).toBe(404);
    expect((await compare(B, { auditIds: [b1, a1] })).statusCode).toBe(404);
    expect((await compare(admin, { auditIds: [b1, a1] })).statusCode).toBe(200);
    // By URL: the latest done audit of the host in the caller's tenant.
    const byUrl = await compare(B, { urls: ['https://shared.example/', 'https://shared.example/docs'] });
    expect(byUrl.statusCode).toBe(200);
    expect(byUrl.json().auditIds).toEqual([b1, b1]);
    const mine = await compare(A, { urls: ['https://shared.example/', 'https://shared.example/docs'] });
    expect(mine.json().auditIds).toEqual([a2, a2]);
  });

  it('B can neither cancel nor delete A objects; admin can', async () => {
    await waitForStatus(t.app, aRunning, ['running'], h(A));
    const del = (url: string, k: Key) => t.app.inject({ method: 'DELETE', url, headers: h(k) });
    expect((await del(`/v1/audits/${aRunning}`, B)).statusCode).toBe(404);
    expect((await get(`/v1/audits/${aRunning}`, A)).json().status).toBe('running');
    expect((await del(`/v1/audits/${a1}`, B)).statusCode).toBe(404);
    expect((await get(`/v1/audits/${a1}`, A)).statusCode).toBe(200);
    expect((await del(`/v1/schedules/${aSchedule}`, B)).statusCode).toBe(404);
    expect((await get(`/v1/schedules/${aSchedule}`, A)).statusCode).toBe(200);
    expect((await del(`/v1/audits/${aRunning}`, admin)).json().status).toBe('cancelled');
    expect((await del(`/v1/audits/${b1}`, admin)).statusCode).toBe(204);
    expect((await del(`/v1/schedules/${aSchedule}`, admin)).statusCode).toBe(204);
  });
});

/** The schedule's first audit (queued at creation) belongs to A too. */
async function scheduledIds(k: Key): Promise<string[]> {
  const schedules = (await get('/v1/schedules', k)).json().items as { lastAuditId: string | null }[];
  return schedules.map((s) => s.lastAuditId).filter((id): id is string => id !== null);
}
