// Nothing is lost when the service stops. In process: a second app over the same database file
// recovers what a "crashed" first one left running, and gives up with a reason after N
// interruptions. As real processes (the compiled CLI, `portalprobe serve`): SIGKILL mid-audit,
// start again, the audit completes, with no report ever half-written; SIGTERM re-queues the
// running audit without charging an attempt, and the next start finishes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { startStaticPortal, type RunningPortal } from '../../src/demo/static-server.js';
import { buildApp } from '../../src/server/app.js';
import { validateReport } from '../../reports/json.js';
import { fakeRunner, publicLookup, tempDb, waitFor, waitForStatus } from './helpers.js';
import { call } from './http-client.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = join(ROOT, 'test/fixtures/crawl/site');
/** Inside the package (so packageRoot() and node_modules resolve), ignored by git. */
const BUILD_DIR = join(ROOT, 'node_modules/.cache/portalprobe-server-test');

describe('recovery in process (same database file, new app)', () => {
  const appOver = (file: string, runner = fakeRunner()) => buildApp({ config: { auth: false, logLevel: 'silent', db: file, maxAttempts: 3 }, runner, lookup: publicLookup });

  it('re-queues an audit a crash left running, and the next app completes it', async () => {
    const db = tempDb();
    try {
      const held = fakeRunner({ hold: true });
      const first = await appOver(db.file, held);
      await first.ready();
      const id = (await first.inject({ method: 'POST', url: '/v1/audits', payload: { url: 'https://a.example/' } })).json().id;
      await held.started(1);
      // The "crash": the database goes away under the running audit; nothing graceful runs.
      first.store.close();
      const second = await appOver(db.file);
      await second.ready();
      const done = await waitForStatus(second, id, ['done']);
      expect(done.attempts).toBe(2);
      expect((await second.store.audits.report(id))?.json).toBeDefined();
      await second.close();
      await first.close();
    } finally {
      db.remove();
    }
  });

  it('fails an audit interrupted maxAttempts times, with a reason', async () => {
    const db = tempDb();
    try {
      let id = '';
      for (let crash = 1; crash <= 3; crash++) {
        const held = fakeRunner({ hold: true });
        const app = await appOver(db.file, held);
        await app.ready();
        if (crash === 1) id = (await app.inject({ method: 'POST', url: '/v1/audits', payload: { url: 'https://a.example/' } })).json().id;
        await held.started(1);
        app.store.close();
        await app.close();
      }
      const last = await appOver(db.file);
      await last.ready();
      const failed = await waitForStatus(last, id, ['failed']);
      expect(failed.error).toEqual({ code: 'PP_ERR_INTERNAL', message: expect.stringMatching(/interrupted 3 times/) });
      expect((await last.store.audits.report(id))?.json).toBeUndefined();
      await last.close();
    } finally {
      db.remove();
    }
  });

  it('a graceful close re-queues the running audit without charging the attempt', async () => {
    const db = tempDb();
    try {
      const held = fakeRunner({ hold: true });
      const app = await appOver(db.file, held);
      await app.ready();
      const id = (await app.inject({ method: 'POST', url: '/v1/audits', payload: { url: 'https://a.example/' } })).json().id;
      await held.started(1);
      await app.close();
      expect(held.calls[0].options.signal!.aborted).toBe(true);
      const next = await appOver(db.file);
      // Before it starts work: queued, attempts refunded.
      expect(await next.store.audits.get(id)).toMatchObject({ status: 'queued', attempts: 0 });
      await next.ready();
      expect((await waitForStatus(next, id, ['done'])).attempts).toBe(1);
      await next.close();
    } finally {
      db.remove();
    }
  });
});

describe('real processes: kill -9 and SIGTERM mid-audit', () => {
  let portal: RunningPortal;
  const children = new Set<ChildProcess>();
  const db = tempDb();

  beforeAll(async () => {
    rmSync(BUILD_DIR, { recursive: true, force: true });
    // tsc exits non-zero when any file in the tree has a type error (other work in progress may);
    // it still emits, so success is judged by the entry file existing.
    await new Promise<void>((resolve) => {
      execFile(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', BUILD_DIR], { cwd: ROOT, timeout: 240_000 }, () => resolve());
    });
    expect(existsSync(join(BUILD_DIR, 'src/cli/main.js'))).toBe(true);
    // Every page answers slowly, so an audit is reliably caught mid-way.
    portal = await startStaticPortal({ root: SITE, host: '127.0.0.1', port: 0, routes: { delays: { '/*': 400 } } });
  }, 300_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await portal?.close();
    db.remove();
    rmSync(BUILD_DIR, { recursive: true, force: true });
  });

  /** Starts `portalprobe serve` from the build; resolves with its URL once it listens. */
  async function serve(): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
    const main = pathToFileURL(join(BUILD_DIR, 'src/cli/main.js')).href;
    const args = ['serve', '--port', '0', '--db', db.file, '--no-auth', '--allow-private', '--no-browser', '--log-level', 'warn', '--rate-limit', '100000'];
    const child = spawn(process.execPath, [join(ROOT, 'test/server/serve-child.mjs'), main, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(child);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => {
      children.delete(child);
      resolve(c);
    }));
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 60_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      void exited.then((c) => reject(new Error(`serve exited with ${c}: ${stderr}`)));
    });
    return { child, url, exited };
  }

  function readDb<T>(read: (db: Database.Database) => T): T {
    const handle = new Database(db.file, { readonly: true, fileMustExist: true });
    try {
      return read(handle);
    } finally {
      handle.close();
    }
  }

  const halfWritten = () => readDb((h) => (h.prepare(`SELECT COUNT(*) AS n FROM reports r JOIN audits a ON a.id = r.audit_id WHERE a.status != 'done'`).get() as { n: number }).n);

  async function startAuditAndWaitMidway(url: string): Promise<string> {
    const res = await call('POST', `${url}/v1/audits`, {}, { url: `${portal.url}/`, options: { maxPages: 20 } });
    expect(res.status).toBe(202);
    const id = res.json.id as string;
    await waitFor(async () => {
      const a = (await call('GET', `${url}/v1/audits/${id}`)).json;
      if (a.status !== 'queued' && a.status !== 'running') throw new Error(`the audit ended before the test could interrupt it: ${JSON.stringify(a)}`);
      return a.status === 'running' && a.progress?.pagesFetched >= 1 ? true : undefined;
    }, 60_000, 100);
    return id;
  }

  it('SIGKILL mid-audit: after a restart the audit completes, and no report is ever half-written', async () => {
    const a = await serve();
    const id = await startAuditAndWaitMidway(a.url);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBeNull();
    const left = readDb((h) => h.prepare('SELECT status, attempts FROM audits WHERE id = ?').get(id));
    expect(left).toEqual({ status: 'running', attempts: 1 });
    expect(readDb((h) => h.prepare('SELECT COUNT(*) AS n FROM reports').get())).toEqual({ n: 0 });

    const b = await serve();
    const done = await waitFor(async () => {
      const audit = (await call('GET', `${b.url}/v1/audits/${id}`)).json;
      return ['done', 'failed'].includes(audit.status) ? audit : undefined;
    }, 90_000, 200);
    expect(done).toMatchObject({ status: 'done', attempts: 2, error: null });
    const report = await call('GET', `${b.url}/v1/audits/${id}/report?format=json`);
    expect(validateReport(report.json).target.url).toBe(`${portal.url}/`);
    expect(halfWritten()).toBe(0);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 180_000);

  it('SIGTERM mid-audit: graceful exit re-queues the audit (no attempt charged) and the next start finishes it', async () => {
    const a = await serve();
    const id = await startAuditAndWaitMidway(a.url);
    const t0 = Date.now();
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(readDb((h) => h.prepare('SELECT status, attempts, started_at FROM audits WHERE id = ?').get(id))).toEqual({ status: 'queued', attempts: 0, started_at: null });
    expect(halfWritten()).toBe(0);

    const b = await serve();
    const done = await waitFor(async () => {
      const audit = (await call('GET', `${b.url}/v1/audits/${id}`)).json;
      return ['done', 'failed'].includes(audit.status) ? audit : undefined;
    }, 90_000, 200);
    expect(done).toMatchObject({ status: 'done', attempts: 1 });
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 180_000);
});
