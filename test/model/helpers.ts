// Builders for small synthetic models and probe facts used across the model tests.
import type { FactsByProbe, Model, PracticeDef, Rule } from '../../src/model/types.js';
import { validateModel } from '../../src/model/validate.js';
import { FOCUS_AREAS, type FocusAreaId, LENSES, type LensId } from '../../src/contract/index.js';

export const MANUAL: Rule = { type: 'manual', hint: 'look at it' };

/** One enabler per focus area, named `<focusArea>-e`. */
export function baseModelData(practices: Partial<PracticeDef>[]): Record<string, unknown> {
  return {
    id: 'test-model',
    version: '0.0.1',
    schemaVersion: 1,
    focusAreas: FOCUS_AREAS.map((id) => ({ id, name: id, description: `the ${id} area` })),
    lenses: LENSES.map((id) => ({ id, name: id, description: `the ${id} lens` })),
    enablers: FOCUS_AREAS.map((fa) => ({ id: enablerOf(fa), name: `${fa} enabler`, focusArea: fa, description: 'd' })),
    practices: practices.map((p, i) => ({
      id: `p-${i}`,
      name: `Practice ${i}`,
      definition: `definition ${i}`,
      enabler: enablerOf('discovery'),
      stage: 1,
      lenses: ['core'],
      evidence: MANUAL,
      ...p,
    })),
  };
}

export function enablerOf(fa: FocusAreaId): string {
  return `${fa.toLowerCase()}-e`;
}

/**
 * A valid model from practice overrides; enablers with no practice get a filler manual practice so
 * the model validates (every enabler needs one).
 */
export function buildModel(practices: Partial<PracticeDef>[]): Model {
  const data = baseModelData(practices);
  const used = new Set((data.practices as PracticeDef[]).map((p) => p.enabler));
  for (const fa of FOCUS_AREAS) {
    if (!used.has(enablerOf(fa))) {
      (data.practices as Partial<PracticeDef>[]).push({
        id: `filler-${fa.toLowerCase()}`, name: 'filler', definition: 'filler', enabler: enablerOf(fa), stage: 1, lenses: ['core'], evidence: MANUAL,
      });
    }
  }
  return validateModel(data);
}

export function practice(id: string, fa: FocusAreaId, stage: 1 | 2 | 3, evidence: Rule, extra: Partial<PracticeDef> = {}): Partial<PracticeDef> {
  return { id, name: id, definition: `def of ${id}`, enabler: enablerOf(fa), stage, lenses: ['core'] as LensId[], evidence, ...extra };
}

export function factRule(probe: string, fact: string, op: string, value?: unknown, partialAt?: number): Rule {
  const test: Record<string, unknown> = { op };
  if (value !== undefined) test.value = value;
  if (partialAt !== undefined) test.partialAt = partialAt;
  return { type: 'fact', probe, fact, test } as unknown as Rule;
}

export function ok(facts: Record<string, unknown>): FactsByProbe[string] {
  return { status: 'ok', facts };
}

export function agents(...list: [agent: string, purpose: string, access: string, group?: string | null][]): Record<string, unknown>[] {
  return list.map(([agent, purpose, access, group]) => ({ agent, operator: 'op', purpose, access, group: group === undefined ? '*' : group }));
}
