import { describe, expect, it } from 'vitest';
import { runProbes } from '../../src/audit/probe-runner.js';
import { AbortedError, ProbeTimeoutError, TooLargeError } from '../../src/errors.js';
import { defineProbe, type Probe, type ProbeInput } from '../../src/contract/index.js';
import { makeContext, makeSnapshot } from '../helpers/probe-context.js';

const ok: Probe<{ n: number }> = { id: 'ok', title: 'ok', description: '', reads: [], run: async () => ({ facts: { n: 1 }, findings: [] }) };
const typed: Probe = { id: 'typed', title: '', description: '', reads: [], run: async () => { throw new TooLargeError('http://x/', 10); } };
const plain: Probe = { id: 'plain', title: '', description: '', reads: [], run: async () => { throw new Error('boom'); } };
const hangs: Probe = { id: 'hangs', title: '', description: '', reads: [], run: () => new Promise(() => {}) };

describe('runProbes', () => {
  const { ctx } = makeContext(makeSnapshot('http://p.test', []));

  it('turns a throwing or hanging probe into an error entry and still returns every probe', async () => {
    const seen: string[] = [];
    const results = await runProbes([ok, typed, plain, hangs], ctx, { onProbeDone: (e) => seen.push(`${e.id}:${e.status}`) }, { probeTimeoutMs: 200 });
    expect(results.map((r) => [r.id, r.status, r.error?.code])).toEqual([
      ['ok', 'ok', undefined],
      ['typed', 'error', 'PP_ERR_TOO_LARGE'],
      ['plain', 'error', 'PP_ERR_INTERNAL'],
      ['hangs', 'error', 'PP_ERR_TIMEOUT'],
    ]);
    expect(results[0].facts).toEqual({ n: 1 });
    expect(results[2].findings[0]).toMatchObject({ severity: 'error', message: 'Probe plain failed: boom' });
    expect(seen.sort()).toEqual(['hangs:error', 'ok:ok', 'plain:error', 'typed:error']);
  });

  it('reports skipped probes without running them', async () => {
    let ran = false;
    const spy: Probe = { ...ok, id: 'spy', run: async () => { ran = true; return { facts: {}, findings: [] }; } };
    const [entry] = await runProbes([spy], ctx, {}, { skip: ['spy'] });
    expect(entry).toMatchObject({ id: 'spy', status: 'skipped', facts: {} });
    expect(ran).toBe(false);
  });
});

describe('the probe contract', () => {
  const { ctx: supplies, calls } = makeContext(makeSnapshot('http://p.test', []));
  const keysOf = (reads: ProbeInput[]) => {
    let keys: string[] = [];
    const probe: Probe = { id: `reads-${reads.join('-')}`, title: '', description: '', reads, run: async (ctx) => { keys = Object.keys(ctx).sort(); return { facts: {}, findings: [] }; } };
    return runProbes([probe], supplies).then(() => keys);
  };

  it('gives each probe only the inputs its reads declare', async () => {
    expect(await keysOf([])).toEqual(['options', 'signal']);
    expect(await keysOf(['pages'])).toEqual(['options', 'signal', 'snapshot']);
    expect(await keysOf(['fetch'])).toEqual(['fetch', 'options', 'read', 'signal']);
    expect(await keysOf(['browser'])).toEqual(['browser', 'options', 'signal']);
    expect(await keysOf(['pages', 'fetch', 'browser'])).toEqual(['browser', 'fetch', 'options', 'read', 'signal', 'snapshot']);
  });

  it('tells a probe that reads the browser when the audit has none, and why', async () => {
    let browser: unknown;
    const probe = defineProbe()({ id: 'b', title: '', description: '', reads: ['browser'], run: async (ctx) => { browser = ctx.browser; return { facts: {}, findings: [] }; } });
    await runProbes([probe], { ...supplies, browser: undefined });
    expect(browser).toEqual({ state: 'unavailable', reason: 'the audit runs without a headless browser' });
  });

  it('makes an undeclared input a compile error', async () => {
    const probe = defineProbe<{ pages: number }>()({
      id: 'pages-only', title: '', description: '', reads: ['pages'],
      run: async (ctx) => {
        // @ts-expect-error: the probe does not declare 'fetch', so its context has none
        expect(ctx.fetch).toBeUndefined();
        return { facts: { pages: ctx.snapshot.pages.length }, findings: [] };
      },
    });
    const [entry] = await runProbes([probe], supplies);
    expect(entry).toMatchObject({ status: 'ok', facts: { pages: 0 } });
  });

  it("sends the probe's own signal with fetches that name none", async () => {
    let signal: AbortSignal | undefined;
    const probe = defineProbe()({ id: 'f', title: '', description: '', reads: ['fetch'], run: async (ctx) => { signal = ctx.signal; await ctx.fetch('http://p.test/x'); return { facts: {}, findings: [] }; } });
    await runProbes([probe], supplies);
    expect(calls.at(-1)).toMatchObject({ url: 'http://p.test/x' });
    expect(calls.at(-1)?.request?.signal).toBe(signal);
  });
});

describe('probe timeouts and cancellation', () => {
  const { ctx: supplies } = makeContext(makeSnapshot('http://p.test', []));
  /** A probe that runs until its signal is aborted, then throws the abort reason. */
  const waiter = (seen: { reason?: unknown }): Probe => ({
    id: 'waits', title: '', description: '', reads: [],
    run: (ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => {
      seen.reason = ctx.signal.reason;
      reject(ctx.signal.reason);
    })),
  });

  it('aborts a probe that runs out of time with a ProbeTimeoutError', async () => {
    const seen: { reason?: unknown } = {};
    const [entry] = await runProbes([waiter(seen)], supplies, {}, { probeTimeoutMs: 50 });
    expect(entry).toMatchObject({ status: 'error', error: { code: 'PP_ERR_TIMEOUT', message: 'probe waits took longer than 50 ms' } });
    expect(seen.reason).toBeInstanceOf(ProbeTimeoutError);
  });

  it("aborts the probe's signal when the audit is cancelled", async () => {
    const audit = new AbortController();
    const seen: { reason?: unknown } = {};
    const running = runProbes([waiter(seen)], { ...supplies, signal: audit.signal }, {}, { probeTimeoutMs: 10_000 });
    audit.abort(new AbortedError('http://p.test/'));
    const [entry] = await running;
    expect(entry).toMatchObject({ status: 'error', error: { code: 'PP_ERR_ABORTED' } });
    expect(seen.reason).toBeInstanceOf(AbortedError);
  });
});
