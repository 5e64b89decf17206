// Tests for reports/summary.ts: strengths and weaknesses, score bands, roadmap grouping, the
// practice drill-down grouping and the compact view of probe facts.
import { describe, expect, it } from 'vitest';
import {
  STRENGTH_MIN,
  WEAKNESS_BELOW,
  enablerScored,
  focusAreaAssessed,
  focusAreaValues,
  lensAssessed,
  keyFacts,
  practiceScore,
  practicesByArea,
  roadmapByPriority,
  scoreBand,
  summarize,
} from '../../reports/summary.js';
import { FOCUS_AREAS } from '../../src/contract/index.js';
import { sampleReport } from './sample-report.js';

describe('summarize', () => {
  it('picks the top focus areas and enablers as strengths and the bottom ones as weaknesses', () => {
    const { strengths, weaknesses } = summarize(sampleReport());
    expect(strengths.map((s) => `${s.kind}:${s.id}:${s.score}`)).toEqual([
      'focusArea:goLive:82',
      'focusArea:onboarding:71',
      'enabler:lifecycle-versioning:100', // ties at 100 broken by id
      'enabler:support:100',
      'enabler:use-cases:100',
    ]);
    expect(weaknesses.map((s) => `${s.kind}:${s.id}:${s.score}`)).toEqual([
      'focusArea:community:33',
      'focusArea:decisionMaking:44',
      'enabler:commercial-transparency:20',
      'enabler:operational-transparency:25',
      'enabler:community-engagement:40',
    ]);
  });

  it('leaves out an enabler with no scored practices (total 0), however low its score', () => {
    const { weaknesses } = summarize(sampleReport(), { enablers: 20 });
    expect(weaknesses.map((w) => w.id)).not.toContain('marketing-bizdev');
  });

  it.each([
    [STRENGTH_MIN, 'strength'],
    [STRENGTH_MIN - 1, 'neither'],
    [WEAKNESS_BELOW, 'neither'],
    [WEAKNESS_BELOW - 1, 'weakness'],
  ])('a focus area scoring %s is a %s', (score, kind) => {
    const report = sampleReport();
    for (const fa of FOCUS_AREAS) report.scores.focusAreas[fa].score = 55;
    report.scores.enablers = [];
    report.scores.focusAreas.goLive.score = score;
    const { strengths, weaknesses } = summarize(report);
    expect(strengths.map((s) => s.id)).toEqual(kind === 'strength' ? ['goLive'] : []);
    expect(weaknesses.map((s) => s.id)).toEqual(kind === 'weakness' ? ['goLive'] : []);
  });

  it('lists a focus area or enabler that was not assessed neither as a weakness nor as a strength', () => {
    const report = sampleReport();
    report.scores.focusAreas.community = { score: 0, stage: 0, assessed: false };
    report.scores.focusAreas.goLive = { score: 82, stage: 1, assessed: false }; // score ignored once flagged
    report.scores.enablers[2].assessed = false; // commercial-transparency, 20
    const { strengths, weaknesses } = summarize(report, { enablers: 20, focusAreas: 6 });
    expect(weaknesses.map((w) => w.id)).toEqual(['decisionMaking', 'operational-transparency', 'community-engagement']);
    expect(strengths.map((w) => w.id)).not.toContain('goLive');
  });

  it('honours the list sizes', () => {
    const { strengths, weaknesses } = summarize(sampleReport(), { enablers: 1, focusAreas: 1 });
    expect(strengths.map((s) => s.id)).toEqual(['goLive', 'lifecycle-versioning']);
    expect(weaknesses.map((s) => s.id)).toEqual(['community', 'commercial-transparency']);
  });
});

describe('scoreBand', () => {
  it.each([
    [100, 'Strong'],
    [75, 'Strong'],
    [74.9, 'Fair'],
    [50, 'Fair'],
    [49.9, 'Weak'],
    [25, 'Weak'],
    [24, 'Poor'],
    [0, 'Poor'],
    [Number.NaN, 'Poor'],
  ])('%s is %s', (score, label) => {
    expect(scoreBand(score).label).toBe(label);
  });
});

describe('roadmapByPriority', () => {
  it('groups P1, P2, P3 keeping the report order within a priority', () => {
    const groups = roadmapByPriority(sampleReport());
    expect(groups.map((g) => [g.priority, g.items.map((i) => i.practiceId)])).toEqual([
      [1, ['decision.pricing-public', 'discovery.ai-crawlers-allowed']],
      [2, ['maintenance.status-page', 'maintenance.changelog']],
      [3, ['community.forum']],
    ]);
  });

  it('omits empty priorities', () => {
    const report = sampleReport();
    report.roadmap = report.roadmap.filter((i) => i.priority === 3);
    expect(roadmapByPriority(report).map((g) => g.priority)).toEqual([3]);
  });
});

describe('practicesByArea', () => {
  it('groups by focus area in model order, then by enabler in score-table order', () => {
    const groups = practicesByArea(sampleReport());
    expect(groups.map((g) => g.focusArea)).toEqual([...FOCUS_AREAS]);
    expect(groups[1].enablers.map((e) => [e.id, e.name, e.practices.length])).toEqual([
      ['commercial-transparency', 'Commercial transparency', 2],
      ['use-cases', 'Use cases & solutions', 2],
    ]);
  });

  it('keeps a practice whose enabler has no score row, named by its id, after the known ones', () => {
    const report = sampleReport();
    report.practices[0].enabler = 'mystery';
    const discovery = practicesByArea(report)[0];
    expect(discovery.enablers.map((e) => e.name)).toEqual(['Search', 'AI visibility', 'mystery']);
    expect(discovery.enablers[2].score).toBeUndefined();
  });

  it('drops focus areas without practices', () => {
    const report = sampleReport();
    report.practices = report.practices.filter((p) => p.focusArea === 'goLive');
    expect(practicesByArea(report).map((g) => g.focusArea)).toEqual(['goLive']);
  });
});

describe('small helpers', () => {
  it('enablerScored is false for total 0 or assessed: false', () => {
    const e = { id: 'x', name: 'X', focusArea: 'discovery' as const, score: 0 };
    expect([enablerScored(e), enablerScored({ ...e, total: 2 }), enablerScored({ ...e, total: 0 }), enablerScored({ ...e, total: 2, assessed: false })]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('focusAreaAssessed reads the flag; older reports without it count as assessed', () => {
    const report = sampleReport();
    report.scores.focusAreas.goLive.assessed = false;
    report.scores.focusAreas.community.assessed = true;
    expect(FOCUS_AREAS.map((fa) => focusAreaAssessed(report, fa))).toEqual([true, true, true, false, true, true]);
  });

  it('focusAreaValues gives null (not 0) for a focus area not assessed', () => {
    const report = sampleReport();
    report.scores.focusAreas.goLive = { score: 0, stage: 0, assessed: false };
    expect(focusAreaValues(report)).toEqual({ discovery: 62, decisionMaking: 44, onboarding: 71, goLive: null, maintenance: 55, community: 33 });
  });

  it('lensAssessed: a lens with a score, or with a scored practice, is assessed; one with neither is not', () => {
    const report = sampleReport();
    expect(lensAssessed(report, 'aiVisibility')).toBe(true);
    report.scores.lenses.aiVisibility = 0;
    expect(lensAssessed(report, 'aiVisibility')).toBe(true); // discovery.ai-crawlers-allowed (fail) counts toward it
    report.practices = report.practices.map((p) => (p.lenses.includes('aiVisibility') ? { ...p, status: 'manual' as const } : p));
    expect(lensAssessed(report, 'aiVisibility')).toBe(false);
    expect(lensAssessed(report, 'core')).toBe(true);
  });

  it('practiceScore shows no number for manual and not-applicable practices', () => {
    const [p] = sampleReport().practices;
    expect(['pass', 'partial', 'fail', 'manual', 'notApplicable'].map((status) => practiceScore({ ...p, score: 0.5, status: status as never }))).toEqual([
      '0.50',
      '0.50',
      '0.50',
      '–',
      '–',
    ]);
  });

  it.each([
    [{ present: true, count: 3 }, ['present: true', 'count: 3']],
    [{ sitemaps: ['a', 'b'] }, ['sitemaps: a, b']],
    [{ sitemaps: ['a', 'b', 'c', 'd'] }, ['sitemaps: 4 items']],
    [{ agents: [{ a: 1 }] }, ['agents: 1 item']],
    [{ empty: [], none: null, text: '' }, ['empty: none', 'none: none', 'text: (empty)']],
    [{ nested: { a: 1, b: 2 } }, ['nested: 2 fields']],
    [{ long: 'x'.repeat(200) }, [`long: ${'x'.repeat(79)}…`]],
  ])('keyFacts(%j)', (facts, expected) => {
    expect(keyFacts(facts).map((f) => `${f.key}: ${f.value}`)).toEqual(expected);
  });

  it('keyFacts shows at most six facts by default', () => {
    const facts = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    expect(keyFacts(facts)).toHaveLength(6);
  });
});
