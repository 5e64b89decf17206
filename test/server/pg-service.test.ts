// The service on PostgreSQL in one process (API + in-process pg-boss worker, fake audit core):
// submit → done through a pg-boss job, the SSE stream fed by LISTEN/NOTIFY ends, cancel reaches
// a running audit, a schedule queues one audit per due time, the active cap and the rate limit
// are counted in the database, and the API keeps working after its database connections are
// killed (pg_terminate_backend) — the pool reconnects and the queue keeps its jobs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/config.js';
import type { AuditRunner } from '../../src/server/jobs/execute.js';
import { fakeRunner, publicLookup, waitFor } from './helpers.js';
import { readEventStream } from './http-client.js';
import { freshSchema, pgQuery, type TestSchema } from './pg.js';

let schema: TestSchema;
const quick = fakeRunner();
const held = fakeRunner({ hold: true });
const runner: AuditRunner = (url, options) => (url.includes('held.example') ? held(url, options) : quick(url, options));

async function pgApp(config: Partial<ServerConfig>): Promise<FastifyInstance> {
  const app = await buildApp({
    config: { auth: false, logLevel: 'silent', db: schema.url, pollingSeconds: 0.5, cancelPollMs: 200, ssePollMs: 500, ...config },
    runner,
    lookup: publicLookup,
  });
  await app.ready();
  return app;
}

beforeAll(async () => {
  schema = await freshSchema('svc');
});
afterAll(async () => schema?.drop());

describe('service on PostgreSQL, one process', () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await pgApp({});
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => app?.close());

  const status = async (id: string) => (await app.inject({ url: `/v1/audits/${id}` })).json();

  it('runs an audit through a pg-boss job; its event stream ends with done', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/audits', payload: { url: 'https://a.example/' } });
    expect(res.statusCode).toBe(202);
    const stream = await readEventStream(`${base}/v1/audits/${res.json().id}/events`);
    expect(stream.events.at(-1)!.event).toBe('done');
    expect(stream.events.some((e) => e.event === 'progress')).toBe(true);
    expect((await app.inject({ url: `/v1/audits/${res.json().id}/report` })).json().target.url).toBe('https://a.example/');
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', checks: { database: true, queue: true } });
  });

  it('cancels a running audit: the run is aborted and the stream ends with failed/cancelled', async () => {
    const id = (await app.inject({ method: 'POST', url: '/v1/audits', payload: { url: 'https://held.example/' } })).json().id;
    await waitFor(async () => ((await status(id)).status === 'running' ? true : undefined));
    const streamed = readEventStream(`${base}/v1/audits/${id}/events`);
    const res = await app.inject({ method: 'DELETE', url: `/v1/audits/${id}` });
    expect(res.json().status).toBe('cancelled');
    const stream = await streamed;
    expect(stream.events.at(-1)).toMatchObject({ event: 'failed', data: { status: 'cancelled' } });
    await waitFor(() => (held.calls.at(-1)!.options.signal!.aborted ? true : undefined));
  });

  it('a schedule queues one audit per due time', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/schedules', payload: { url: 'https://s.example/', every: '1d' } });
    expect(res.statusCode).toBe(201);
    const first = res.json().lastAuditId;
    expect(first).toMatch(/^aud_/);
    await Promise.all([app.queue.tickSchedules(), app.queue.tickSchedules()]);
    const rows = await pgQuery(schema.url, 'SELECT id FROM audits WHERE schedule_id = $1', [res.json().id]);
    expect(rows.map((r) => r.id)).toEqual([first]);
  });

  it('survives its database connections being killed: the pool reconnects, jobs still run', async () => {
    await pgQuery(schema.url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database() AND application_name LIKE 'portalprobe%' AND query NOT ILIKE '%pg_terminate_backend%'`);
    // The first query after the kill may fail (a connection the pool still held); it then recovers.
    const id = await waitFor(async () => {
      const res = await app.inject({ method: 'POST', url: '/v1/audits', payload: { url: 'https://after-restart.example/' } });
      return res.statusCode === 202 ? (res.json().id as string) : undefined;
    }, 20_000, 200);
    await waitFor(async () => ((await status(id)).status === 'done' ? true : undefined), 30_000, 200);
  });
});

describe('limits across API processes (two apps, one database)', () => {
  it('the active-audit cap and the rate limit are counted in the database', async () => {
    const one = await pgApp({ auth: true, concurrency: 0, maxActivePerKey: 2, rateLimit: { max: 6, timeWindowMs: 60_000 } });
    const two = await pgApp({ auth: true, concurrency: 0, maxActivePerKey: 2, rateLimit: { max: 6, timeWindowMs: 60_000 } });
    try {
      const key = await one.store.keys.create({ name: 'capped' });
      const headers = { authorization: `Bearer ${key.key}` };
      const submit = (app: FastifyInstance, n: number) => app.inject({ method: 'POST', url: '/v1/audits', headers, payload: { url: `https://held.example/${n}` } });
      // Nothing runs them (concurrency 0), so they stay queued and count against the cap.
      const codes = (await Promise.all([submit(one, 1), submit(two, 2), submit(one, 3), submit(two, 4)])).map((r) => r.statusCode).sort();
      expect(codes).toEqual([202, 202, 429, 429]);
      // 4 requests so far; 2 more pass in total across both processes, then 429.
      const more = [];
      for (let i = 0; i < 4; i++) more.push((await (i % 2 ? one : two).inject({ url: '/v1/audits', headers })).statusCode);
      expect(more).toEqual([200, 200, 429, 429]);
    } finally {
      await one.close();
      await two.close();
    }
  });
});
