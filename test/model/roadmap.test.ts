import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/load.js';
import { buildRoadmap, defaultPriority, MAX_ITEMS_PER_PRIORITY } from '../../src/model/roadmap.js';
import { scorePractices } from '../../src/model/score.js';
import type { Model, PracticeDef } from '../../src/model/types.js';
import type { FocusAreaId, PracticeResult, PracticeStatus } from '../../src/contract/index.js';
import { buildModel, MANUAL, practice } from './helpers.js';
import { badFacts } from './fixtures.js';

function results(m: Model, statuses: Record<string, PracticeStatus>): PracticeResult[] {
  return m.practices.filter((p) => statuses[p.id]).map((def) => ({
    id: def.id, name: def.name, focusArea: m.enablers.find((e) => e.id === def.enabler)!.focusArea, enabler: def.enabler,
    stage: def.stage, lenses: [...def.lenses], score: statuses[def.id] === 'pass' ? 1 : statuses[def.id] === 'partial' ? 0.5 : 0,
    status: statuses[def.id], evidence: [{ note: `evidence for ${def.id}` }], decidedBy: 'probe', weight: def.weight,
  }));
}

describe('defaultPriority', () => {
  it.each([
    ['discovery', 1, 1], ['decisionMaking', 1, 1], ['onboarding', 1, 1],
    ['goLive', 1, 2], ['maintenance', 1, 2], ['discovery', 2, 2], ['maintenance', 2, 2], ['goLive', 2, 2],
    ['community', 1, 3], ['community', 2, 3], ['discovery', 3, 3], ['goLive', 3, 3], ['maintenance', 3, 3],
  ] as const)('%s stage %d → P%d', (fa, stage, priority) => {
    expect(defaultPriority(fa as FocusAreaId, stage)).toBe(priority);
  });
});

describe('buildRoadmap', () => {
  const m = buildModel([
    practice('disc-1', 'discovery', 1, MANUAL, { roadmap: { why: 'why disc', done: 'done disc' } }),
    practice('disc-3', 'discovery', 3, MANUAL),
    practice('dm-1-heavy', 'decisionMaking', 1, MANUAL, { weight: 2, weightWhy: 't' }),
    practice('dm-1-a', 'decisionMaking', 1, MANUAL),
    practice('gl-3-forced', 'goLive', 3, MANUAL, { roadmap: { priority: 1, why: 'w', done: 'd' } }),
    practice('mt-1', 'maintenance', 1, MANUAL),
    practice('co-2', 'community', 2, MANUAL),
    practice('partial-one', 'onboarding', 1, MANUAL),
    practice('manual-one', 'onboarding', 1, MANUAL),
    practice('passing', 'onboarding', 1, MANUAL),
  ]);
  const roadmap = buildRoadmap(m, results(m, {
    'disc-1': 'fail', 'disc-3': 'fail', 'dm-1-heavy': 'fail', 'dm-1-a': 'fail', 'gl-3-forced': 'fail', 'mt-1': 'fail',
    'co-2': 'fail', 'partial-one': 'partial', 'manual-one': 'manual', passing: 'pass',
  }));

  it('takes only failing practices, ordered by priority, stage, weight and id', () => {
    expect(roadmap.map((i) => `P${i.priority} ${i.practiceId}`)).toEqual([
      'P1 dm-1-heavy', 'P1 disc-1', 'P1 dm-1-a', 'P1 gl-3-forced',
      'P2 mt-1',
      'P3 co-2', 'P3 disc-3',
    ]);
  });

  it('items carry title, why, done, evidence and focus area', () => {
    expect(roadmap.find((i) => i.practiceId === 'disc-1')).toEqual({
      priority: 1, practiceId: 'disc-1', title: 'disc-1', why: 'why disc', done: 'done disc',
      evidence: [{ note: 'evidence for disc-1' }], focusArea: 'discovery',
    });
    // Without roadmap text the definition stands in.
    expect(roadmap.find((i) => i.practiceId === 'mt-1')).toMatchObject({ why: 'def of mt-1', done: 'def of mt-1' });
  });

  it('de-duplicates repeated results', () => {
    const r = results(m, { 'disc-1': 'fail' });
    expect(buildRoadmap(m, [...r, ...r])).toHaveLength(1);
  });

  it(`keeps at most ${MAX_ITEMS_PER_PRIORITY} items per priority, the first in order`, () => {
    const many: Partial<PracticeDef>[] = Array.from({ length: 14 }, (_, i) => practice(`d-${String(i).padStart(2, '0')}`, 'discovery', 1, MANUAL));
    many.push(practice('later', 'maintenance', 2, MANUAL));
    const big = buildModel(many);
    const statuses = Object.fromEntries(big.practices.map((p) => [p.id, 'fail' as PracticeStatus]));
    const items = buildRoadmap(big, results(big, statuses));
    const p1 = items.filter((i) => i.priority === 1).map((i) => i.practiceId);
    expect(p1).toHaveLength(10);
    expect(p1[0]).toBe('d-00');
    expect(p1.at(-1)).toBe('d-09');
    expect(items.some((i) => i.practiceId === 'later')).toBe(true);
  });

  it('on the bundled model, a portal blocking AI search crawlers gets that as a P1 item', () => {
    const model = loadModel();
    const items = buildRoadmap(model, scorePractices(model, badFacts, []));
    expect(items[0]).toMatchObject({ priority: 1, practiceId: 'ai-search-crawlers-allowed', title: 'AI search crawlers allowed' });
    expect(items[0].evidence?.length).toBeGreaterThan(0);
    expect(items.every((i, k) => k === 0 || items[k - 1].priority <= i.priority)).toBe(true);
    expect(buildRoadmap(model, scorePractices(model, badFacts, []))).toEqual(items);
  });
});
