// History, comparisons and schedules over inject(), with a fake audit core.
import { afterEach, describe, expect, it } from 'vitest';
import { sampleReport } from '../reports/sample-report.js';
import { aimedAt, fakeRunner, testApp, waitFor, waitForStatus, type TestApp } from './helpers.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Each audit scores 10 points more than the previous one. */
const risingRunner = () =>
  fakeRunner({
    report: (url, n) => {
      const r = aimedAt(sampleReport(), url);
      r.scores.overall = 40 + n * 10;
      r.scores.lenses.core = 30 + n * 10;
      return r;
    },
  });

async function auditDone(url: string): Promise<string> {
  const id = (await t!.app.inject({ method: 'POST', url: '/v1/audits', payload: { url } })).json().id;
  await waitForStatus(t!.app, id, ['done']);
  return id;
}

describe('GET /v1/portals/:host/history', () => {
  it('gives one point per done audit, oldest first, with the trend', async () => {
    t = await testApp({ concurrency: 1 }, risingRunner());
    const a1 = await auditDone('https://a.example/');
    await auditDone('https://b.example/');
    const a2 = await auditDone('https://a.example/docs');
    const res = await t.app.inject({ url: '/v1/portals/a.example/history' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.host).toBe('a.example');
    expect(body.points.map((p: { auditId: string; overall: number }) => [p.auditId, p.overall])).toEqual([[a1, 50], [a2, 70]]);
    expect(body.points[1]).toMatchObject({ url: 'https://a.example/docs', lenses: { core: 60 }, focusAreas: { discovery: { score: expect.any(Number), stage: expect.any(Number) } } });
    expect(body.trend).toEqual({ from: 50, to: 70, delta: 20 });
    expect((await t.app.inject({ url: '/v1/portals/a.example/history?limit=1' })).json().points.map((p: { auditId: string }) => p.auditId)).toEqual([a2]);
    expect((await t.app.inject({ url: '/v1/portals/nothing.example/history' })).json()).toEqual({ host: 'nothing.example', points: [], trend: null });
    expect((await t.app.inject({ url: '/v1/portals/a.example/history?limit=0' })).statusCode).toBe(400);
  });
});

describe('POST /v1/comparisons', () => {
  it('compares audits by id, or the latest done audit of each URL', async () => {
    t = await testApp({ concurrency: 1 }, risingRunner());
    const a = await auditDone('https://a.example/');
    const b = await auditDone('https://b.example/');
    const byId = await t.app.inject({ method: 'POST', url: '/v1/comparisons', payload: { auditIds: [a, b] } });
    expect(byId.statusCode).toBe(200);
    expect(byId.json().auditIds).toEqual([a, b]);
    const comparison = byId.json().comparison;
    expect(comparison).toMatchObject({ kind: 'portalprobe-comparison', schemaVersion: 1, subject: 0, ranking: [1, 0] });
    expect(comparison.portals.map((p: { host: string; overall: number }) => [p.host, p.overall])).toEqual([['a.example', 50], ['b.example', 60]]);
    expect(comparison.overall.scores).toEqual([50, 60]);
    expect(comparison.lenses.core.scores).toEqual([40, 50]);
    const byUrl = await t.app.inject({ method: 'POST', url: '/v1/comparisons', payload: { urls: ['https://b.example/x', 'https://a.example/'] } });
    expect(byUrl.json().auditIds).toEqual([b, a]);
    const md = await t.app.inject({ method: 'POST', url: '/v1/comparisons?format=md', payload: { auditIds: [a, b] } });
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toContain('a.example');
    const html = await t.app.inject({ method: 'POST', url: '/v1/comparisons?format=html', payload: { auditIds: [a, b] } });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toMatch(/^<!doctype html>/i);
    expect(html.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it.each([
    ['both urls and auditIds', { urls: ['https://a.example/', 'https://b.example/'], auditIds: ['aud_a', 'aud_b'] }, 400],
    ['neither', {}, 400],
    ['a single portal', { auditIds: ['aud_a'] }, 400],
    ['an unknown audit', { auditIds: ['aud_a', 'aud_b'] }, 404],
    ['a portal never audited', { urls: ['https://a.example/', 'https://never.example/'] }, 404],
  ])('refuses %s', async (_name, payload, status) => {
    t = await testApp();
    await auditDone('https://a.example/');
    const res = await t.app.inject({ method: 'POST', url: '/v1/comparisons', payload });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toMatch(/^PP_ERR_/);
  });

  it('409 for an audit that is not done', async () => {
    const runner = fakeRunner({ hold: true });
    t = await testApp({}, runner);
    const ids: string[] = [];
    for (const url of ['https://a.example/', 'https://b.example/']) ids.push((await t.app.inject({ method: 'POST', url: '/v1/audits', payload: { url } })).json().id);
    const res = await t.app.inject({ method: 'POST', url: '/v1/comparisons', payload: { auditIds: ids } });
    expect(res.statusCode).toBe(409);
    runner.release();
  });
});

describe('/v1/schedules', () => {
  it('creates a schedule, queues its first audit at once, lists, reads and deletes it', async () => {
    t = await testApp({ minScheduleSeconds: 60 });
    const res = await t.app.inject({ method: 'POST', url: '/v1/schedules', payload: { url: 'https://a.example/', every: '1h', options: { maxPages: 5 } } });
    expect(res.statusCode).toBe(201);
    const schedule = res.json();
    expect(schedule).toMatchObject({ url: 'https://a.example/', host: 'a.example', everySeconds: 3600, options: { maxPages: 5 } });
    expect(res.headers.location).toBe(`/v1/schedules/${schedule.id}`);
    const audits = await waitFor(async () => {
      const items = (await t!.app.inject({ url: '/v1/audits?status=done' })).json().items;
      return items.length === 1 ? items : undefined;
    });
    expect(audits[0]).toMatchObject({ scheduleId: schedule.id, options: { maxPages: 5 } });
    const read = (await t.app.inject({ url: `/v1/schedules/${schedule.id}` })).json();
    expect(read.lastAuditId).toBe(audits[0].id);
    expect(Date.parse(read.nextRunAt) - Date.parse(read.createdAt)).toBe(3_600_000);
    // A second tick before the hour is up queues nothing.
    expect(await t.app.queue.tickSchedules()).toEqual([]);
    expect((await t.app.inject({ url: '/v1/schedules' })).json().items.map((s: { id: string }) => s.id)).toEqual([schedule.id]);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/schedules/${schedule.id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/v1/schedules/${schedule.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/schedules/${schedule.id}` })).statusCode).toBe(404);
  });

  it.each([
    ['an interval below the server minimum', { url: 'https://a.example/', every: 30 }, /at least 60 seconds/],
    ['a malformed interval', { url: 'https://a.example/', every: 'hourly' }, /every/],
    ['a private target', { url: 'http://192.168.1.1/', every: '1d' }, /192\.168\.1\.1/],
    ['an unknown option', { url: 'https://a.example/', every: '1d', options: { depth: 2 } }, /"depth"/],
  ])('refuses %s with 400', async (_name, payload, message) => {
    t = await testApp({ minScheduleSeconds: 60 });
    const res = await t.app.inject({ method: 'POST', url: '/v1/schedules', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(message);
    expect(await t.app.store.schedules.list()).toEqual([]);
  });
});
