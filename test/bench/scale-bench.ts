// `npm run bench -- --scale`: the service on PostgreSQL with 1, 2 and 4 worker processes (the
// compiled CLI: one `serve --workers 0` API process and N `worker --concurrency 1` processes,
// fresh schema each) auditing a small generated portal 40 times: audits per minute, worker CPU
// seconds and peak RSS, pages audited, stored report bytes. Then the queue's own overhead: 100
// jobs queued before any worker starts, drained by an in-process worker whose audit core fails at
// after a fixed 600 ms (so only the queue is timed): overhead per job, submit → picked up on an idle
// worker, and NOTIFY → SSE relay delay.
// Needs a PostgreSQL server: PORTALPROBE_TEST_PG or postgres://postgres@127.0.0.1:5432/test.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { startGeneratedPortal } from '../../src/demo/generated-portal.js';
import { UsageError } from '../../src/errors.js';
import { AuditEvents } from '../../src/server/jobs/events.js';
import { PgQueue } from '../../src/server/jobs/pg-queue.js';
import { Metrics } from '../../src/server/metrics.js';
import { openPgStore } from '../../src/server/store/pg/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = pathToFileURL(join(ROOT, 'dist/src/cli/main.js')).href;
const CHILD = join(ROOT, 'test/server/serve-child.mjs');
const BASE = process.env.PORTALPROBE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const AUDITS = 40;
const PORTAL_PAGES = 15;
const QUEUED = 100;
const CLK_TCK = 100;
const JOB_MS = 600;

function urlFor(schema: string): string {
  return `${BASE}${BASE.includes('?') ? '&' : '?'}schema=${schema}`;
}

async function query<T extends pg.QueryResultRow>(schema: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: BASE, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_boss CASCADE`);
  await client.end();
}

function start(args: string[], ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CHILD, MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (c: Buffer) => {
      stderr += c.toString();
      const m = ready.exec(stderr);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`child exited with ${code}: ${stderr}`)));
  });
}

/** CPU seconds (user + system) and peak RSS (MiB) of a live process, from /proc. */
function usage(pid: number): { cpu: number; rssMiB: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / CLK_TCK;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpu, rssMiB: hwm ? Number(hwm[1]) / 1024 : 0 };
}

async function post(url: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 202) throw new Error(`submit: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

async function workersRun(n: number, portalUrl: string) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const common = ['--db', urlFor(schema), '--allow-private', '--no-browser', '--log-level', 'warn'];
  const api = await start(['serve', '--port', '0', '--workers', '0', '--no-auth', '--rate-limit', '1000000', ...common], /listening at (http:\/\/[\d.:]+)/);
  const workers = await Promise.all(Array.from({ length: n }, () => start(['worker', '--concurrency', '1', ...common], /metrics at (http:\/\/[\d.:]+)/)));
  try {
    const before = workers.map((w) => usage(w.child.pid!).cpu);
    const t0 = performance.now();
    for (let i = 0; i < AUDITS; i++) await post(`${api.url}/v1/audits`, { url: `${portalUrl}/`, options: { maxPages: PORTAL_PAGES } });
    for (;;) {
      const [row] = await query<{ n: number }>(schema, `SELECT COUNT(*)::int AS n FROM audits WHERE status IN ('queued', 'running')`);
      if (row.n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = (performance.now() - t0) / 1000;
    const after = workers.map((w) => usage(w.child.pid!));
    const cpu = after.reduce((s, u, i) => s + u.cpu - before[i], 0);
    const [agg] = await query<{ done: number; pages: number; bytes: number }>(
      schema,
      `SELECT COUNT(*)::int AS done, COALESCE(SUM((r.summary::json->>'pagesFetched')::int), 0)::int AS pages, COALESCE(SUM(length(r.body)), 0)::int AS bytes
       FROM audits a JOIN reports r ON r.audit_id = a.id WHERE a.status = 'done'`,
    );
    return { n, seconds, perMinute: (AUDITS / seconds) * 60, done: agg.done, pages: agg.pages, cpu, peakRss: Math.max(...after.map((u) => u.rssMiB)), bytes: agg.bytes };
  } finally {
    for (const p of [api, ...workers]) p.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await dropSchema(schema);
  }
}

/** 100 jobs queued first, then drained by one in-process worker of concurrency 4 whose core fails at once. */
async function queueOverhead() {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await openPgStore(urlFor(schema));
  const events = new AuditEvents();
  const common = {
    store, events, metrics: new Metrics(), maxAttempts: 3, allowPrivate: true, browser: false, shutdownGraceMs: 2_000,
    jobExpirySeconds: 60, pollingSeconds: 0.5, schedulerTickMs: 60_000,
    // Longer than the polling interval, so a slot asks for its next job at once (as after a real
    // audit) and what is left over per job is the queue's own work.
    runner: async () => {
      await new Promise((r) => setTimeout(r, JOB_MS));
      throw new UsageError('bench: no audit, queue only');
    },
  };
  const api = new PgQueue({ ...common, concurrency: 0 });
  await api.start();
  try {
    const ids: string[] = [];
    for (let i = 0; i < QUEUED; i++) ids.push((await store.audits.create({ url: 'http://127.0.0.1/', host: '127.0.0.1', options: {} })).id);
    // Watch every audit, as SSE streams would, so the relay forwards (and times) their events.
    for (const id of ids) events.subscribe(id, () => {});
    const worker = new PgQueue({ ...common, concurrency: 4, relayEvents: false });
    const t0 = Date.now();
    await worker.start();
    for (;;) {
      const [row] = await query<{ n: number }>(schema, `SELECT COUNT(*)::int AS n FROM audits WHERE status IN ('queued', 'running')`);
      if (row.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const drained = (Date.now() - t0) / 1000;
    await worker.stop();
    // Submit → picked up for one job on an idle queue, averaged over 20.
    const waits: number[] = [];
    const idle = new PgQueue({ ...common, concurrency: 1, relayEvents: false });
    await idle.start();
    for (let i = 0; i < 20; i++) {
      const a = await store.audits.create({ url: 'http://127.0.0.1/', host: '127.0.0.1', options: {} });
      for (;;) {
        const got = await store.audits.get(a.id);
        if (got?.startedAt) {
          waits.push(got.startedAt - got.createdAt);
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    await idle.stop();
    const delay = api.eventDelay!;
    return {
      drained,
      perJobMs: (drained * 1000 * 4) / QUEUED - JOB_MS,
      idlePickupMs: waits.reduce((s, w) => s + w, 0) / waits.length,
      idlePickupMaxMs: Math.max(...waits),
      eventDelayMeanMs: delay.count ? delay.sumMs / delay.count : 0,
      eventDelayMaxMs: delay.maxMs,
      events: delay.count,
    };
  } finally {
    await api.stop();
    await store.close();
    await dropSchema(schema);
  }
}

/** `counts`: worker process counts to run (default 1, 2, 4); `npm run bench -- --scale 4` runs one. */
export async function scaleBench(counts: number[] = [1, 2, 4]): Promise<void> {
  const portal = await startGeneratedPortal({ pages: PORTAL_PAGES, host: '127.0.0.1', port: 0 });
  console.log(`portalprobe scale bench — PostgreSQL ${BASE.replace(/:[^:@/]*@/, ':***@')}, ${AUDITS} audits of a ${PORTAL_PAGES}-page generated portal, worker processes of concurrency 1, no browser`);
  console.log('workers  seconds  audits/min  speed-up  done  pages  CPU s/page  worker peak RSS MiB  stored KB/page');
  let one = 0;
  try {
    for (const n of counts) {
      const r = await workersRun(n, portal.url);
      one ||= r.perMinute;
      console.log(`${String(n).padStart(7)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.perMinute.toFixed(1).padStart(10)}  ${(r.perMinute / one).toFixed(2).padStart(8)}  ${String(r.done).padStart(4)}  ${String(r.pages).padStart(5)}  ${(r.cpu / r.pages).toFixed(3).padStart(10)}  ${r.peakRss.toFixed(0).padStart(19)}  ${(r.bytes / 1024 / r.pages).toFixed(2).padStart(14)}`);
    }
  } finally {
    await portal.close();
  }
  const q = await queueOverhead();
  console.log(`queue: ${QUEUED} queued jobs of ${JOB_MS} ms drained by 4 slots in ${q.drained.toFixed(2)} s → ${q.perJobMs.toFixed(0)} ms of queue overhead per job (fetch, start, store the result, complete)`);
  console.log(`queue: submit → picked up on an idle worker (polling 0.5 s): mean ${q.idlePickupMs.toFixed(0)} ms, max ${q.idlePickupMaxMs} ms`);
  console.log(`events: NOTIFY → relay delay over ${q.events} events: mean ${q.eventDelayMeanMs.toFixed(1)} ms, max ${q.eventDelayMaxMs} ms`);
}
