import { describe, expect, it } from 'vitest';
import { scoreModel, staircase } from '../../src/model/aggregate.js';
import { loadModel } from '../../src/model/load.js';
import { scorePractices } from '../../src/model/score.js';
import type { Model } from '../../src/model/types.js';
import type { FocusAreaId, LensId, PracticeResult, PracticeStatus } from '../../src/contract/index.js';
import { buildModel, enablerOf, MANUAL, practice } from './helpers.js';
import { badFacts, goodFacts } from './fixtures.js';

/** A practice result as scorePractices would give it. */
function result(m: Model, id: string, status: PracticeStatus, score?: number): PracticeResult {
  const def = m.practices.find((p) => p.id === id)!;
  const fa = m.enablers.find((e) => e.id === def.enabler)!.focusArea;
  const s = score ?? (status === 'pass' ? 1 : status === 'partial' ? 0.5 : 0);
  return {
    id, name: def.name, focusArea: fa, enabler: def.enabler, stage: def.stage, lenses: [...def.lenses],
    score: s, status, evidence: [], decidedBy: 'probe', weight: def.weight,
  };
}

describe('staircase', () => {
  const p = (stage: 1 | 2 | 3, status: PracticeStatus) => ({ stage, status });
  it.each([
    ['nothing scored', [], 0],
    ['stage 1 all pass', [p(1, 'pass'), p(1, 'pass')], 1],
    ['stages 1–3 all pass', [p(1, 'pass'), p(2, 'pass'), p(3, 'pass')], 3],
    ['a stage-1 miss gives 0 despite stage-3 passes', [p(1, 'fail'), p(2, 'pass'), p(3, 'pass'), p(3, 'pass')], 0],
    ['partial is not met', [p(1, 'pass'), p(2, 'partial'), p(3, 'pass')], 1],
    ['an empty stage does not raise the level and stops the climb', [p(1, 'pass'), p(3, 'pass')], 1],
    ['an empty stage 1 gives 0', [p(2, 'pass'), p(3, 'pass')], 0],
    ['a stage-3 miss keeps level 2', [p(1, 'pass'), p(2, 'pass'), p(3, 'fail')], 2],
  ] as const)('%s → %d', (_name, list, level) => {
    expect(staircase(list)).toBe(level);
  });
});

describe('scoreModel: weighted means', () => {
  const m = buildModel([
    practice('heavy', 'discovery', 1, MANUAL, { weight: 3, weightWhy: 'test', lenses: ['core', 'aiVisibility'] }),
    practice('light', 'discovery', 1, MANUAL, { lenses: ['core'] }),
    practice('unknown', 'discovery', 2, MANUAL, { lenses: ['core', 'aiVisibility'] }),
    practice('na', 'discovery', 2, MANUAL, { lenses: ['core'] }),
    practice('biz', 'decisionMaking', 1, MANUAL, { lenses: ['businessReadiness'] }),
  ]);
  const results = [
    result(m, 'heavy', 'pass'),
    result(m, 'light', 'fail'),
    result(m, 'unknown', 'manual'),
    result(m, 'na', 'notApplicable'),
    result(m, 'biz', 'partial', 0.5),
  ];
  const scores = scoreModel(m, results);

  it('enabler score is the weighted mean of scored practices; manual and notApplicable carry no weight', () => {
    const e = scores.enablers.find((x) => x.id === enablerOf('discovery'))!;
    // (3×1 + 1×0) / 4
    expect(e).toMatchObject({ score: 75, met: 1, total: 2, stage: 0, assessed: true });
  });

  it('focus areas: weighted mean and staircase stage', () => {
    expect(scores.focusAreas.discovery).toEqual({ score: 75, stage: 0, assessed: true });
    expect(scores.focusAreas.decisionMaking).toEqual({ score: 50, stage: 0, assessed: true });
  });

  it('a focus area or enabler with nothing scored gets 0 and assessed: false', () => {
    expect(scores.focusAreas.community).toEqual({ score: 0, stage: 0, assessed: false });
    expect(scores.enablers.find((x) => x.id === enablerOf('community'))).toMatchObject({ score: 0, met: 0, total: 0, assessed: false });
  });

  it('lenses: weighted mean over practices tagged with the lens', () => {
    expect(scores.lenses).toEqual({ core: 75, aiVisibility: 100, businessReadiness: 50 } satisfies Record<LensId, number>);
  });

  it('overall is the mean of the assessed focus areas only', () => {
    expect(scores.overall).toBe(62.5);
  });

  it('rounds to one decimal on the 0–100 scale', () => {
    const m2 = buildModel([practice('a', 'goLive', 1, MANUAL), practice('b', 'goLive', 1, MANUAL), practice('c', 'goLive', 1, MANUAL)]);
    const s = scoreModel(m2, [result(m2, 'a', 'pass'), result(m2, 'b', 'fail'), result(m2, 'c', 'fail')]);
    expect(s.focusAreas.goLive.score).toBe(33.3);
  });

  it('uses the model weights, not weights claimed by the results', () => {
    const tampered = results.map((r) => (r.id === 'light' ? { ...r, weight: 100 } : r));
    expect(scoreModel(m, tampered)).toEqual(scores);
  });

  it('with nothing scored at all, everything is 0 and unassessed', () => {
    const s = scoreModel(m, results.map((r) => ({ ...r, status: 'manual' as const, score: 0 })));
    expect(s.overall).toBe(0);
    expect(Object.values(s.focusAreas).every((f) => f.assessed === false && f.score === 0)).toBe(true);
    expect(s.lenses).toEqual({ core: 0, businessReadiness: 0, aiVisibility: 0 });
  });
});

describe('scoreModel: stages per focus area and enabler', () => {
  const m = buildModel([
    practice('s1', 'maintenance', 1, MANUAL),
    practice('s2', 'maintenance', 2, MANUAL),
    practice('s3a', 'maintenance', 3, MANUAL),
    practice('s3b', 'maintenance', 3, MANUAL),
  ]);
  it.each([
    ['all pass', { s1: 'pass', s2: 'pass', s3a: 'pass', s3b: 'pass' }, 3],
    ['stage-1 miss', { s1: 'fail', s2: 'pass', s3a: 'pass', s3b: 'pass' }, 0],
    ['stage-2 partial', { s1: 'pass', s2: 'partial', s3a: 'pass', s3b: 'pass' }, 1],
    ['stage 2 not scored', { s1: 'pass', s2: 'manual', s3a: 'pass', s3b: 'pass' }, 1],
    ['stage-3 one of two', { s1: 'pass', s2: 'pass', s3a: 'pass', s3b: 'fail' }, 2],
    ['stage-3 one unknown, the other passes', { s1: 'pass', s2: 'pass', s3a: 'manual', s3b: 'pass' }, 3],
  ] as const)('%s → stage %d', (_name, statuses, stage) => {
    const s = scoreModel(m, Object.entries(statuses).map(([id, st]) => result(m, id, st)));
    expect(s.focusAreas.maintenance.stage).toBe(stage);
    expect(s.enablers.find((e) => e.id === enablerOf('maintenance'))!.stage).toBe(stage);
  });
});

describe('scoreModel with the bundled model', () => {
  const model = loadModel();

  it('scores a well-prepared portal high on AI visibility and leaves manual-only areas unassessed', () => {
    const s = scoreModel(model, scorePractices(model, goodFacts, []));
    expect(s.lenses.aiVisibility).toBe(100);
    expect(s.focusAreas.discovery).toMatchObject({ score: 100, stage: 3, assessed: true });
    // Onboarding's stage-1 practices are all manual: probe passes at stages 2–3 earn no level.
    expect(s.focusAreas.onboarding).toMatchObject({ score: 100, stage: 0, assessed: true });
    for (const fa of ['decisionMaking', 'goLive', 'maintenance', 'community'] as FocusAreaId[]) {
      expect(s.focusAreas[fa]).toEqual({ score: 0, stage: 0, assessed: false });
    }
    expect(s.overall).toBe(100);
    expect(s.enablers).toHaveLength(model.enablers.length);
  });

  it('scores a blocking portal low, and is deterministic', () => {
    const s = scoreModel(model, scorePractices(model, badFacts, []));
    expect(s.lenses.aiVisibility).toBeLessThan(20);
    expect(s.focusAreas.discovery.stage).toBe(0);
    expect(scoreModel(model, scorePractices(model, badFacts, []))).toEqual(s);
  });
});
