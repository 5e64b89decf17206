// Tests for src/compare/build.ts: three fixture portals whose ordering is known (rival-a > subject >
// rival-b), per focus area and lens scores with leaders, enabler leaders, "competitors have, you
// lack" with the competitor's evidence, not-assessed scores as null, ties, labels and notes.
import { describe, expect, it } from 'vitest';
import { buildComparison, leadersOf } from '../../src/compare/build.js';
import { FOCUS_AREAS } from '../../src/contract/index.js';
import { sampleReport } from '../reports/sample-report.js';
import { RIVAL_A, competitorReports, rivalA, rivalB } from './reports.js';

describe('buildComparison: three portals with a known ordering', () => {
  const c = buildComparison(competitorReports());

  it('keeps the subject first and labels portals by host', () => {
    expect(c.subject).toBe(0);
    expect(c.portals.map((p) => [p.index, p.label])).toEqual([
      [0, 'developer.example-pay.com'],
      [1, 'developer.rival-a.com'],
      [2, 'docs.rival-b.io'],
    ]);
    expect(c.kind).toBe('portalprobe-comparison');
    expect(c.tool).toEqual({ name: 'portalprobe', version: '0.1.0' });
  });

  it('ranks by overall score: rival-a, subject, rival-b', () => {
    expect(c.ranking).toEqual([1, 0, 2]);
    expect(c.portals.map((p) => p.rank)).toEqual([2, 1, 3]);
    expect(c.overall).toEqual({ scores: [58, 74, 40], leaders: [1], subjectGap: -16 });
  });

  it('compares every lens with its leader and the subject gap to the best competitor', () => {
    expect(c.lenses.core).toEqual({ scores: [64, 78, 45], leaders: [1], subjectGap: -14 });
    expect(c.lenses.aiVisibility).toEqual({ scores: [41, 72, 38], leaders: [1], subjectGap: -31 });
  });

  it('compares every focus area; one a report could not assess is null, not 0', () => {
    expect(Object.keys(c.focusAreas)).toEqual([...FOCUS_AREAS]);
    expect(c.focusAreas.goLive).toEqual({ scores: [82, 75, 40], stages: [1, 1, 0], leaders: [0], subjectGap: 7 });
    expect(c.focusAreas.onboarding.leaders).toEqual([2]);
    expect(c.focusAreas.community).toEqual({ scores: [33, 59, null], stages: [1, 1, null], leaders: [1], subjectGap: -26 });
  });

  it('gives each enabler its scores and leader; a tie has no clear leader', () => {
    const byId = Object.fromEntries(c.enablers.map((e) => [e.id, e]));
    expect(byId['commercial-transparency']).toMatchObject({ scores: [20, 90, 20], leaders: [1], subjectGap: -70 });
    expect(byId['operational-transparency']).toMatchObject({ scores: [25, 80, 25], leaders: [1] });
    expect(byId.search).toMatchObject({ scores: [75, 75, 75], leaders: [0, 1, 2], subjectGap: 0 });
    expect(leadersOf(byId.search)).toEqual([]);
    // rival-b has no community enablers at all; nobody scored marketing.
    expect(byId['community-engagement'].scores).toEqual([40, 40, null]);
    expect(leadersOf(byId['community-engagement'])).toEqual([]); // 40 = 40: a tie among those assessed
    expect(byId['marketing-bizdev']).toMatchObject({ scores: [null, null, null], leaders: [], subjectGap: null });
    expect(c.enablers.map((e) => e.id)).toEqual(sampleReport().scores.enablers.map((e) => e.id));
  });

  it('lists practices competitors pass and the subject fails, foundational first, with their evidence', () => {
    expect(c.gaps.map((g) => [g.practiceId, g.stage, g.competitors.map((x) => x.portal)])).toEqual([
      ['decision.pricing-public', 1, [1]],
      ['discovery.ai-crawlers-allowed', 1, [1]],
      ['maintenance.status-page', 1, [1]],
      ['onboarding.openapi', 2, [2]],
    ]);
    const pricing = c.gaps[0];
    expect(pricing.subject).toEqual({
      status: 'fail',
      score: 0,
      evidence: [{ url: 'https://developer.example-pay.com/pricing', note: 'The pricing page only offers a contact form', quote: 'Talk to our sales team for a custom quote.' }],
    });
    expect(pricing.competitors[0]).toEqual({ portal: 1, status: 'pass', evidence: [{ url: `${RIVAL_A}/pricing`, note: 'Per-transaction prices on a public page' }] });
    // Partly met on the subject (sitemap 0.5) but nobody passes it: not a gap.
    expect(c.gaps.map((g) => g.practiceId)).not.toContain('discovery.sitemap');
  });

  it('has no notes when every report used the same model', () => {
    expect(c.notes).toEqual([]);
  });

  it('is deterministic and JSON-safe', () => {
    expect(JSON.parse(JSON.stringify(buildComparison(competitorReports())))).toEqual(c);
  });
});

describe('buildComparison: edge cases', () => {
  it('needs at least two reports', () => {
    expect(() => buildComparison([sampleReport()])).toThrow(expect.objectContaining({ code: 'PP_ERR_USAGE' }));
  });

  it('numbers portals that share a host, and shares ranks on equal overall scores', () => {
    const a = sampleReport();
    const b = sampleReport();
    const c = buildComparison([a, b]);
    expect(c.portals.map((p) => p.label)).toEqual(['developer.example-pay.com', 'developer.example-pay.com (2)']);
    expect(c.portals.map((p) => p.rank)).toEqual([1, 1]);
    expect(c.ranking).toEqual([0, 1]);
    expect(c.gaps).toEqual([]);
  });

  it('counts a subject that only partly meets a practice a competitor passes', () => {
    const rival = rivalA();
    rival.practices.find((p) => p.id === 'discovery.sitemap')!.status = 'pass';
    const c = buildComparison([sampleReport(), rival]);
    const gap = c.gaps.find((g) => g.practiceId === 'discovery.sitemap')!;
    expect(gap.subject.status).toBe('partial');
  });

  it('notes reports scored with different model versions', () => {
    const other = rivalB();
    other.model = { id: 'portalprobe-maturity', version: '2.0.0' };
    const c = buildComparison([sampleReport(), other]);
    expect(c.notes).toEqual([
      'The reports were scored with different maturity models (developer.example-pay.com: portalprobe-maturity 1.0.0, docs.rival-b.io: portalprobe-maturity 2.0.0); practice gaps cover only practices with the same id in both.',
    ]);
  });

  it('gives a portal with no assessed focus area no overall score and ranks it last', () => {
    const empty = rivalB();
    for (const fa of FOCUS_AREAS) empty.scores.focusAreas[fa] = { score: 0, stage: 0, assessed: false };
    empty.scores.overall = 0;
    const c = buildComparison([empty, sampleReport()]);
    expect(c.overall.scores).toEqual([null, 58]);
    expect(c.overall.subjectGap).toBeNull();
    expect(c.ranking).toEqual([1, 0]);
    expect(c.portals.map((p) => p.rank)).toEqual([2, 1]);
  });

  it('uses the tool it is given', () => {
    expect(buildComparison(competitorReports(), { tool: { name: 'portalprobe', version: '9.9.9' } }).tool.version).toBe('9.9.9');
  });
});
