// Scale-out with real processes (issue 15 item 5): one API process (`serve --workers 0`) and three
// `worker` processes of the compiled CLI share one PostgreSQL schema. 30 audits of local portals;
// one worker is SIGKILLed in the middle of an audit. Every audit ends done (or failed with the
// reason after max attempts), none is lost or completed twice, every SSE stream ends, and the
// killed worker's audit is finished by another worker. Then a schedule with three workers:
// exactly one audit per due time. Uses dist/ (npm test builds before vitest).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startStaticPortal, type RunningPortal } from '../../src/demo/static-server.js';
import { waitFor } from './helpers.js';
import { call, readEventStream } from './http-client.js';
import { freshSchema, pgQuery, type TestSchema } from './pg.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'dist/src/cli/main.js');
const SITE = join(ROOT, 'test/fixtures/crawl/site');
const AUDITS = 30;
// Long enough for an audit of these small portals on a loaded 2-core machine (a run that outlasts
// it is failed with PP_ERR_TIMEOUT), short enough that the killed worker's job is retried soon.
const EXPIRY = 30;

interface Child {
  child: ChildProcess;
  url: string;
  pid: number;
  exited: Promise<number | null>;
}

let schema: TestSchema;
const portals: RunningPortal[] = [];
const children = new Set<ChildProcess>();

/** Starts the compiled CLI with `args`; resolves once its stderr shows `ready`. */
async function start(args: string[], ready: RegExp): Promise<Child> {
  const child = spawn(process.execPath, [join(ROOT, 'test/server/serve-child.mjs'), pathToFileURL(MAIN).href, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    children.delete(child);
    resolve(code);
  }));
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start: ${stderr}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = ready.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return { child, url, pid: child.pid!, exited };
}

const common = () => ['--db', schema.url, '--allow-private', '--no-browser', '--log-level', 'warn', '--job-expiry', String(EXPIRY), '--min-schedule-seconds', '2'];
const startApi = () => start(['serve', '--port', '0', '--workers', '0', '--no-auth', '--rate-limit', '100000', ...common()], /listening at (http:\/\/127\.0\.0\.1:\d+)/);
const startWorker = () => start(['worker', '--concurrency', '1', '--port', '0', ...common()], /health and metrics at (http:\/\/127\.0\.0\.1:\d+)\/healthz/);

let api: Child;
let workers: Child[];

beforeAll(async () => {
  expect(existsSync(MAIN), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
  schema = await freshSchema('scale');
  // Three small portals whose pages answer a little slowly, so a worker is caught mid-audit.
  for (let i = 0; i < 3; i++) portals.push(await startStaticPortal({ root: SITE, host: '127.0.0.1', port: 0, routes: { delays: { '/docs/*': 150 } } }));
  api = await startApi();
  workers = await Promise.all([startWorker(), startWorker(), startWorker()]);
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const p of portals) await p.close();
  await schema?.drop();
});

describe('one API process, three workers, one database', () => {
  it('refuses a SQLite file for a worker with exit code 2', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'test/server/serve-child.mjs'), pathToFileURL(MAIN).href, 'worker', '--db', './nope.db'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs a PostgreSQL store/);
    expect(existsSync(join(ROOT, 'nope.db'))).toBe(false);
  });

  it('30 audits, a worker SIGKILLed mid-audit: all end, none lost or completed twice, every stream ends', async () => {
    // Warm-up: each worker's first audit loads the parser, tokenizer and model (seconds of CPU).
    const warm: string[] = [];
    for (let i = 0; i < 3; i++) warm.push((await call('POST', `${api.url}/v1/audits`, {}, { url: `${portals[i].url}/`, options: { maxPages: 2 } })).json.id);
    await Promise.all(warm.map((id) => readEventStream(`${api.url}/v1/audits/${id}/events`)));

    const ids: string[] = [];
    for (let i = 0; i < AUDITS; i++) {
      const res = await call('POST', `${api.url}/v1/audits`, {}, { url: `${portals[i % 3].url}/`, options: { maxPages: 4 } });
      expect(res.status).toBe(202);
      ids.push(res.json.id);
    }
    const streams = ids.map((id) => readEventStream(`${api.url}/v1/audits/${id}/events`));

    // Catch a worker in the middle of an audit (it has fetched a page) and kill it.
    const victim = await waitFor(async () => {
      const rows = await pgQuery<{ id: string; worker: string; progress: string }>(schema.url, `SELECT id, worker, progress FROM audits WHERE status = 'running'`);
      const mid = rows.find((r) => r.worker && JSON.parse(r.progress ?? '{}').pagesFetched >= 1);
      if (!mid) return undefined;
      const worker = workers.find((w) => mid.worker.endsWith(`:${w.pid}`));
      return worker ? { auditId: mid.id, worker } : undefined;
    }, 60_000, 50);
    victim.worker.child.kill('SIGKILL');
    expect(await victim.worker.exited).toBeNull();
    workers = workers.filter((w) => w !== victim.worker);

    const ended = await Promise.all(streams);
    const finals = ended.map((s) => s.events.at(-1)!);
    expect(finals.every((e) => e.event === 'done' || e.event === 'failed')).toBe(true);

    const rows = await pgQuery<{ id: string; status: string; attempts: number; worker: string; error_message: string | null; duration_ms: number }>(
      schema.url, 'SELECT id, status, attempts, worker, error_message, duration_ms FROM audits WHERE id = ANY($1)', [ids],
    );
    const twice = rows.filter((r) => r.attempts > 1);
    if (twice.length !== 1) {
      const jobs = await pgQuery(schema.url, `SELECT data->>'auditId' AS audit, state, retry_count, created_on, started_on, completed_on, output FROM ${schema.schema}_boss.job WHERE data->>'auditId' = ANY($1) ORDER BY created_on`, [twice.map((r) => r.id)]);
      console.warn(`runs repeated besides the killed one: ${JSON.stringify({ victim: victim.auditId, twice, jobs }, null, 1)}`);
    }
    expect(rows).toHaveLength(AUDITS);
    for (const row of rows) {
      if (row.status === 'failed') expect(row.error_message).toMatch(/interrupted/);
      else expect(row.status).toBe('done');
    }
    const done = rows.filter((r) => r.status === 'done').length;
    expect(done).toBeGreaterThanOrEqual(AUDITS - 1);
    // One report per done audit: nothing completed twice.
    expect((await pgQuery<{ n: number }>(schema.url, 'SELECT COUNT(*)::int AS n FROM reports WHERE audit_id = ANY($1)', [ids]))[0].n).toBe(done);
    // Runs are repeated only when a job is retried (a dead worker, or a job whose handler failed),
    // never beyond maxAttempts; the conditional writes keep a repeated run from completing twice.
    expect(Math.max(...rows.map((r) => r.attempts))).toBeLessThanOrEqual(3);
    const killed = rows.find((r) => r.id === victim.auditId)!;
    expect(killed).toMatchObject({ status: 'done', attempts: 2 });
    expect(killed.worker.endsWith(`:${victim.worker.pid}`)).toBe(false);
  }, 300_000);

  it('cancel reaches the worker that runs the audit in another process, which stops within seconds', async () => {
    workers.push(await startWorker());
    // Every page of this portal takes a second: the audit is still crawling when it is cancelled.
    const slow = await startStaticPortal({ root: SITE, host: '127.0.0.1', port: 0, routes: { delays: { '/*': 1_000 } } });
    portals.push(slow);
    const id = (await call('POST', `${api.url}/v1/audits`, {}, { url: `${slow.url}/`, options: { maxPages: 20 } })).json.id as string;
    const runner = await waitFor(async () => {
      const [row] = await pgQuery<{ worker: string | null; status: string }>(schema.url, 'SELECT worker, status FROM audits WHERE id = $1', [id]);
      return row.status === 'running' && row.worker ? workers.find((w) => row.worker!.endsWith(`:${w.pid}`)) : undefined;
    }, 30_000, 50);
    const stream = readEventStream(`${api.url}/v1/audits/${id}/events`);
    const running = async () => Number(/^portalprobe_audits_running_here (\d+)$/m.exec((await call('GET', `${runner.url}/metrics`)).text)![1]);
    expect(await running()).toBe(1);
    expect((await call('DELETE', `${api.url}/v1/audits/${id}`)).json.status).toBe('cancelled');
    // The worker re-reads its audits' state every second; allow a few for a loaded machine.
    await waitFor(async () => ((await running()) === 0 ? true : undefined), 10_000, 100);
    expect((await stream).events.at(-1)).toMatchObject({ event: 'failed', data: { status: 'cancelled' } });
    const [row] = await pgQuery<{ status: string }>(schema.url, 'SELECT status FROM audits WHERE id = $1', [id]);
    expect(row.status).toBe('cancelled');
  }, 60_000);

  it('a schedule with three workers queues exactly one audit per due time', async () => {
    const res = await call('POST', `${api.url}/v1/schedules`, {}, { url: `${portals[0].url}/`, every: 5, options: { maxPages: 2 } });
    expect(res.status).toBe(201);
    const scheduleId = res.json.id as string;
    const since = Date.now();
    // Five due times (t = 0, 5, 10, 15, 20 s).
    await new Promise((r) => setTimeout(r, 21_000));
    await call('DELETE', `${api.url}/v1/schedules/${scheduleId}`);
    const runs = await pgQuery<{ created_at: number }>(schema.url, 'SELECT created_at FROM audits WHERE schedule_id = $1 ORDER BY created_at', [scheduleId]);
    // At most one per due time; a due time is skipped only while the previous run is still going.
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(5);
    const gaps = runs.slice(1).map((r, i) => Number(r.created_at) - Number(runs[i].created_at));
    // Two audits for one due time would be (almost) simultaneous; due times are 5 s apart.
    expect(Math.min(...gaps)).toBeGreaterThan(4_000);
    expect(Number(runs[0].created_at) - since).toBeLessThan(2_000);
  }, 70_000);

  it('workers answer /healthz and /metrics on their own port', async () => {
    const w = workers[0];
    expect((await call('GET', `${w.url}/healthz`)).json).toEqual({ status: 'ok' });
    const metrics = await call('GET', `${w.url}/metrics`);
    expect(metrics.text).toMatch(/^portalprobe_audits\{status="done"\} \d+$/m);
    expect(metrics.text).toMatch(/^portalprobe_audits_finished_total\{status="done"\} [1-9]\d*$/m);
  });
});
