// Adapts the report's probe entries to the scorer's input: facts keyed by probe id. When a probe
// id appears twice (it should not), the first entry wins, so the result never depends on which
// duplicate came last.
import type { ProbeResultEntry } from '../contract/index.js';
import type { FactsByProbe } from './types.js';

export function factsFromProbes(entries: readonly Pick<ProbeResultEntry, 'id' | 'status' | 'facts'>[]): FactsByProbe {
  const out: FactsByProbe = {};
  for (const e of entries) {
    if (!Object.hasOwn(out, e.id)) out[e.id] = { status: e.status, facts: e.facts ?? {} };
  }
  return out;
}
