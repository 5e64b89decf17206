// Runs probes side by side over one Snapshot. Each probe gets only the inputs its `reads` declares
// (probe-context.ts) and its own abort signal, linked to the audit's: when the probe runs out of
// time the signal is aborted with a ProbeTimeoutError, so its fetches and renders stop too. A probe
// that throws or times out becomes an `error` entry with a stable code; the audit always completes.
// Probes never see each other's results.
import { setMaxListeners } from 'node:events';
import { ProbeTimeoutError, toPortalProbeError } from '../errors.js';
import type { Probe, ProbeResultEntry } from '../contract/index.js';
import { probeContext, type ProbeSupplies } from './probe-context.js';

export interface ProbeRunHooks {
  onProbeStart?: (id: string) => void;
  onProbeDone?: (entry: ProbeResultEntry) => void;
}

export interface RunProbesOptions {
  /** Probe ids to skip (reported as `skipped`). */
  skip?: string[];
  /** Longest a single probe may run before it is aborted and reported as an error. @default 120_000 */
  probeTimeoutMs?: number;
}

export async function runProbe(probe: Probe, supplies: ProbeSupplies, timeoutMs: number): Promise<ProbeResultEntry> {
  const t0 = performance.now();
  const own = new AbortController();
  const signal = AbortSignal.any([supplies.signal, own.signal]);
  // Every fetch and render of the probe listens on this signal.
  setMaxListeners(0, signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new ProbeTimeoutError(probe.id, timeoutMs);
      own.abort(err);
      reject(err);
    }, timeoutMs);
  });
  try {
    const output = await Promise.race([probe.run(probeContext(probe.reads, supplies, signal)), timedOut]);
    return {
      id: probe.id,
      status: 'ok',
      durationMs: Math.round(performance.now() - t0),
      facts: output.facts as Record<string, unknown>,
      findings: output.findings,
    };
  } catch (err) {
    const error = toPortalProbeError(err);
    return {
      id: probe.id,
      status: 'error',
      durationMs: Math.round(performance.now() - t0),
      facts: {},
      findings: [{ severity: 'error', message: `Probe ${probe.id} failed: ${error.message}` }],
      error: { code: error.code, message: error.message },
    };
  } finally {
    clearTimeout(timer);
  }
}

export async function runProbes(probes: Probe[], supplies: ProbeSupplies, hooks: ProbeRunHooks = {}, options: RunProbesOptions = {}): Promise<ProbeResultEntry[]> {
  const skip = new Set(options.skip ?? []);
  const timeoutMs = options.probeTimeoutMs ?? 120_000;
  const results = await Promise.all(probes.map(async (probe) => {
    if (skip.has(probe.id)) {
      const entry: ProbeResultEntry = { id: probe.id, status: 'skipped', durationMs: 0, facts: {}, findings: [] };
      hooks.onProbeDone?.(entry);
      return entry;
    }
    hooks.onProbeStart?.(probe.id);
    const entry = await runProbe(probe, supplies, timeoutMs);
    hooks.onProbeDone?.(entry);
    return entry;
  }));
  return results;
}
