import { describe, expect, it } from 'vitest';
import { runProbes } from '../../src/audit/probe-runner.js';
import { TooLargeError } from '../../src/errors.js';
import type { Probe } from '../../src/contract/index.js';
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
