// Rolls practice results up into enabler, focus-area, lens and overall scores (0–100, one
// decimal) and staged maturity. Pure and deterministic; iterates in model order.
//
// - Only scored practices count: pass, partial, fail (assessor-scored included). `manual` (nobody
//   could judge it) and `notApplicable` carry no weight anywhere.
// - Enabler, focus-area and lens scores are weighted means of their scored practices.
// - Stage (focus area and enabler) is the focus-area-maturity-model staircase: the highest k such
//   that every scored practice with stage <= k passes. Partial is not met. A stage with no scored
//   practice does not raise the level and stops the climb (docs/ARCHITECTURE.md §2), so a
//   level is never granted on evidence nobody looked at.
// - Overall is the plain mean of the focus-area scores that have at least one scored practice.
// - Anything with nothing scored gets score 0 and `assessed: false`.
import { FOCUS_AREAS, type FocusAreaId, LENSES, type LensId, type PracticeResult, type Scores } from '../contract/index.js';
import { percent, weightedMean } from './numbers.js';
import type { Model } from './types.js';

interface Scored {
  result: PracticeResult;
  weight: number;
}

const SCORED_STATUSES = new Set(['pass', 'partial', 'fail']);

export function isScored(r: PracticeResult): boolean {
  return SCORED_STATUSES.has(r.status);
}

/** Highest stage k such that every scored practice at stage <= k passes; empty stages stop the climb. */
export function staircase(scored: readonly Pick<PracticeResult, 'stage' | 'status'>[]): 0 | 1 | 2 | 3 {
  let level: 0 | 1 | 2 | 3 = 0;
  for (const k of [1, 2, 3] as const) {
    const atK = scored.filter((r) => r.stage === k);
    if (atK.length === 0 || atK.some((r) => r.status !== 'pass')) break;
    level = k;
  }
  return level;
}

function meanOf(items: Scored[]): number | undefined {
  return weightedMean(items.map((s) => ({ score: s.result.score, weight: s.weight })));
}

export function scoreModel(model: Model, practices: readonly PracticeResult[]): Scores {
  const byId = new Map(practices.map((r) => [r.id, r]));
  // Model order, model weights: the results cannot change how much a practice counts.
  const scored: Scored[] = [];
  for (const def of model.practices) {
    const result = byId.get(def.id);
    if (result && isScored(result)) scored.push({ result, weight: def.weight });
  }

  const enablers: Scores['enablers'] = model.enablers.map((e) => {
    const mine = scored.filter((s) => s.result.enabler === e.id);
    const mean = meanOf(mine);
    return {
      id: e.id,
      name: e.name,
      focusArea: e.focusArea,
      score: mean === undefined ? 0 : percent(mean),
      stage: staircase(mine.map((s) => s.result)),
      met: mine.filter((s) => s.result.status === 'pass').length,
      total: mine.length,
      assessed: mine.length > 0,
    };
  });

  const focusMeans: number[] = [];
  const focusAreas = {} as Scores['focusAreas'];
  for (const fa of FOCUS_AREAS) {
    const mine = scored.filter((s) => s.result.focusArea === fa);
    const mean = meanOf(mine);
    if (mean !== undefined) focusMeans.push(mean);
    focusAreas[fa as FocusAreaId] = {
      score: mean === undefined ? 0 : percent(mean),
      stage: staircase(mine.map((s) => s.result)),
      assessed: mean !== undefined,
    };
  }

  const lenses = {} as Record<LensId, number>;
  for (const lens of LENSES) {
    const mean = meanOf(scored.filter((s) => s.result.lenses.includes(lens)));
    lenses[lens] = mean === undefined ? 0 : percent(mean);
  }

  const overall = focusMeans.length === 0 ? 0 : percent(focusMeans.reduce((a, b) => a + b, 0) / focusMeans.length);
  return { overall, lenses, focusAreas, enablers };
}
