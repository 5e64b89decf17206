// Runs probes side by side over one Snapshot. A probe that throws becomes an `error` entry with a
// stable code; the audit always completes. Probes never see each other's results.
import { toPortalProbeError } from '../errors.js';
import type { Probe, ProbeContext, ProbeResultEntry } from '../contract/index.js';

export interface ProbeRunHooks {
  onProbeStart?: (id: string) => void;
  onProbeDone?: (entry: ProbeResultEntry) => void;
}

export interface RunProbesOptions {
  /** Probe ids to skip (reported as `skipped`). */
  skip?: string[];
  /** Longest a single probe may run before it is reported as an error. @default 120_000 */
  probeTimeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, id: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`probe ${id} took longer than ${ms} ms`), { code: 'PP_ERR_TIMEOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runProbe(probe: Probe, ctx: ProbeContext, timeoutMs: number): Promise<ProbeResultEntry> {
  const t0 = performance.now();
  try {
    const output = await withTimeout(probe.run(ctx), timeoutMs, probe.id);
    return {
      id: probe.id,
      status: 'ok',
      durationMs: Math.round(performance.now() - t0),
      facts: output.facts as Record<string, unknown>,
      findings: output.findings,
    };
  } catch (err) {
    const error = toPortalProbeError(err);
    const code = (err as { code?: string })?.code && typeof (err as { code?: string }).code === 'string' && (err as { code: string }).code.startsWith('PP_ERR_')
      ? (err as { code: string }).code
      : error.code;
    return {
      id: probe.id,
      status: 'error',
      durationMs: Math.round(performance.now() - t0),
      facts: {},
      findings: [{ severity: 'error', message: `Probe ${probe.id} failed: ${error.message}` }],
      error: { code, message: error.message },
    };
  }
}

export async function runProbes(probes: Probe[], ctx: ProbeContext, hooks: ProbeRunHooks = {}, options: RunProbesOptions = {}): Promise<ProbeResultEntry[]> {
  const skip = new Set(options.skip ?? []);
  const timeoutMs = options.probeTimeoutMs ?? 120_000;
  const results = await Promise.all(probes.map(async (probe) => {
    if (skip.has(probe.id)) {
      const entry: ProbeResultEntry = { id: probe.id, status: 'skipped', durationMs: 0, facts: {}, findings: [] };
      hooks.onProbeDone?.(entry);
      return entry;
    }
    hooks.onProbeStart?.(probe.id);
    const entry = await runProbe(probe, ctx, timeoutMs);
    hooks.onProbeDone?.(entry);
    return entry;
  }));
  return results;
}
