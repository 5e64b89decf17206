// Shared by the service tests: an app over a temporary database, a controllable fake audit core
// (progress events, a gate to hold it "running", abort support) and small request helpers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/config.js';
import type { AuditRunner } from '../../src/server/jobs/queue.js';
import type { AuditOptions } from '../../src/audit/options.js';
import type { HostResolver } from '../../src/fetch/types.js';
import type { Report } from '../../src/contract/index.js';
import { sampleReport } from '../reports/sample-report.js';

export interface TempDir {
  dir: string;
  file: string;
  remove(): void;
}

export function tempDb(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'pp-server-'));
  return { dir, file: join(dir, 'data', 'portalprobe.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface FakeRunner extends AuditRunner {
  calls: { url: string; options: AuditOptions }[];
  /** Lets every held audit finish. */
  release(): void;
  /** Resolves once `n` audits have started. */
  started(n: number): Promise<void>;
}

export interface FakeRunnerOptions {
  /** Hold each audit until release(). @default false */
  hold?: boolean;
  /** Throw this instead of returning a report. */
  fail?: Error;
  /** Report for a URL. @default sampleReport() aimed at the URL */
  report?: (url: string, n: number) => Report;
}

/** A stand-in for runAudit: emits the same kinds of progress events, honours the abort signal. */
export function fakeRunner(opts: FakeRunnerOptions = {}): FakeRunner {
  let release: () => void = () => {};
  let gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (!opts.hold) release();
  const waiters: { n: number; resolve: () => void }[] = [];
  const calls: FakeRunner['calls'] = [];
  const runner = (async (url: string, options: AuditOptions) => {
    calls.push({ url, options });
    for (const w of waiters.filter((w) => calls.length >= w.n)) w.resolve();
    const emit = options.onProgress ?? (() => {});
    emit({ type: 'phase', phase: 'crawl', at: Date.now() });
    for (let i = 1; i <= 3; i++) emit({ type: 'page', url: `${url}p${i}`, status: 200, fetched: i, maxPages: options.maxPages ?? 200 });
    await new Promise<void>((resolve, reject) => {
      if (options.signal?.aborted) return reject(options.signal.reason);
      options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true });
      void gate.then(resolve);
    });
    emit({ type: 'phase', phase: 'probes', at: Date.now() });
    emit({ type: 'probe', id: 'robots', status: 'running' });
    emit({ type: 'probe', id: 'robots', status: 'ok', durationMs: 3 });
    emit({ type: 'phase', phase: 'score', at: Date.now() });
    if (opts.fail) throw opts.fail;
    const report = opts.report ? opts.report(url, calls.length) : aimedAt(sampleReport(), url);
    emit({ type: 'phase', phase: 'done', at: Date.now() });
    return report;
  }) as FakeRunner;
  runner.calls = calls;
  runner.release = () => {
    release();
    gate = Promise.resolve();
  };
  runner.started = (n) => (calls.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })));
  return runner;
}

export function aimedAt(report: Report, url: string): Report {
  report.target = { ...report.target, url, finalUrl: url };
  return report;
}

/** Resolves every name to one public documentation address (TEST-NET is refused, so a real unicast one). */
export const publicLookup: HostResolver = async () => [{ address: '93.184.215.14', family: 4 }];

export interface TestApp {
  app: FastifyInstance;
  db: TempDir;
  close(): Promise<void>;
}

export async function testApp(config: Partial<ServerConfig> = {}, runner: AuditRunner = fakeRunner(), lookup: HostResolver = publicLookup): Promise<TestApp> {
  const db = tempDb();
  const app = await buildApp({ config: { auth: false, logLevel: 'silent', db: db.file, ...config }, runner, lookup });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      db.remove();
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000, stepMs = 20): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`waitFor: timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export async function waitForStatus(app: FastifyInstance, id: string, statuses: string[], headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return waitFor(async () => {
    const res = await app.inject({ url: `/v1/audits/${id}`, headers });
    const body = res.json() as Record<string, unknown>;
    return statuses.includes(body.status as string) ? body : undefined;
  });
}
