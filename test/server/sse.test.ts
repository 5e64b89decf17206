// Server-Sent Events over a real socket: a real audit of a fixture portal on 127.0.0.1, followed
// from the first status to the final `done`, with progress and heartbeats in between; and the
// immediate replay for audits that already ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startStaticPortal, type RunningPortal } from '../../src/demo/static-server.js';
import { resolveConfig } from '../../src/server/config.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { validateReport } from '../../reports/json.js';
import { tempDb, type TempDir } from './helpers.js';
import { call, readEventStream } from './http-client.js';

const SITE = fileURLToPath(new URL('../fixtures/crawl/site/', import.meta.url));

let portal: RunningPortal;
let server: RunningServer;
let db: TempDir;
let auth: Record<string, string>;
let tenant: string;

beforeAll(async () => {
  portal = await startStaticPortal({ root: SITE, host: '127.0.0.1', port: 0 });
  db = tempDb();
  server = await startServer(resolveConfig({ port: 0, db: db.file, allowPrivate: true, browser: false, heartbeatMs: 100, logLevel: 'silent' }));
  const key = await server.app.store.keys.create({ name: 'sse-test' });
  tenant = key.tenant;
  auth = { authorization: `Bearer ${key.key}` };
});
afterAll(async () => {
  await server.close();
  await portal.close();
  db.remove();
});

describe('GET /v1/audits/:id/events', () => {
  it('streams a real audit from its first status to done', async () => {
    const submitted = await call('POST', `${server.url}/v1/audits`, auth, { url: `${portal.url}/`, options: { maxPages: 20 } });
    expect(submitted.status).toBe(202);
    const id = submitted.json.id as string;
    const stream = await readEventStream(`${server.url}/v1/audits/${id}/events`, auth);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-cache, no-transform');
    const names = stream.events.map((e) => e.event);
    expect(names[0]).toBe('status');
    expect(names.at(-1)).toBe('done');
    expect(names.filter((n) => n === 'done' || n === 'failed')).toHaveLength(1);
    const progress = stream.events.filter((e) => e.event === 'progress').map((e) => e.data as { event: { type: string }; progress: { pagesFetched: number } });
    expect(progress.some((p) => p.event.type === 'page')).toBe(true);
    expect(progress.some((p) => p.event.type === 'probe')).toBe(true);
    expect(Math.max(...progress.map((p) => p.progress.pagesFetched))).toBeGreaterThanOrEqual(3);
    expect(stream.comments).toContain('heartbeat');
    const done = stream.events.at(-1)!.data as { status: string; links: { report: { json: string } } };
    expect(done.status).toBe('done');
    const report = await call('GET', `${server.url}${done.links.report.json}`, auth);
    expect(validateReport(report.json).target.url).toBe(`${portal.url}/`);
    expect(report.json.run.pagesFetched).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('replays an audit that already ended and closes at once', async () => {
    const id = (await server.app.store.audits.create({ url: 'https://gone.example/', host: 'gone.example', options: {}, tenant })).id;
    await server.app.queue.cancel(id, null);
    const stream = await readEventStream(`${server.url}/v1/audits/${id}/events`, auth);
    expect(stream.events.map((e) => e.event)).toEqual(['status', 'failed']);
    expect(stream.events[1].data).toMatchObject({ status: 'cancelled', error: { code: 'PP_ERR_ABORTED' } });
  });

  it('404 before any stream for an unknown audit, 401 without a key', async () => {
    const missing = await call('GET', `${server.url}/v1/audits/aud_none/events`, auth);
    expect(missing.status).toBe(404);
    expect((await call('GET', `${server.url}/v1/audits/aud_none/events`, {})).status).toBe(401);
  });
});
