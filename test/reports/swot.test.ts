// Tests for reports/swot.ts: opportunities (cheap, high-weight failing practices) and threats (AI
// agents blocked, login walls, gated key pages, bot blocks, JavaScript-only pages, unreachable
// fit-check answers, lenses far apart), all derived from data already in the report.
import { describe, expect, it } from 'vitest';
import { LENS_GAP, MAX_OPPORTUNITIES, opportunities, swot, threats } from '../../reports/swot.js';
import type { ProbeResultEntry, Report } from '../../src/contract/index.js';
import { sampleReport } from './sample-report.js';

function probe(id: string, facts: Record<string, unknown>, status: ProbeResultEntry['status'] = 'ok'): ProbeResultEntry {
  return { id, status, durationMs: 1, facts, findings: [] };
}

/** The sample with no threat-raising data: robots allow everyone, all questions reachable, lenses close. */
function calmReport(): Report {
  const r = sampleReport();
  r.probes = [probe('robots', { url: 'https://x.example/robots.txt', aiAgents: [{ agent: 'PerplexityBot', operator: 'Perplexity', purpose: 'search', access: 'all' }] })];
  r.fitCheck = r.fitCheck.map((q) => ({ ...q, agent: { reachable: true, blockedBy: [] } }));
  r.scores.lenses = { core: 60, businessReadiness: 55, aiVisibility: 50 };
  return r;
}

describe('opportunities', () => {
  it('lists failing stage-1 practices and stage-2 ones in strong enablers, by weighted gain', () => {
    expect(opportunities(sampleReport()).map((o) => [o.practiceId, o.stage, o.status])).toEqual([
      // Weight 1 each, gain 1: stage 1 first, then stronger enablers first, then id.
      ['discovery.ai-crawlers-allowed', 1, 'fail'],
      ['maintenance.status-page', 1, 'fail'],
      ['decision.pricing-public', 1, 'fail'],
      ['golive.sla', 2, 'fail'],
      ['onboarding.openapi', 2, 'fail'],
    ]);
  });

  it('prefers the higher weight, and a fail over a partial (bigger gain)', () => {
    const r = sampleReport();
    r.practices.find((p) => p.id === 'maintenance.changelog')!.weight = 3; // partial: gain 1.5
    r.practices.find((p) => p.id === 'decision.pricing-public')!.weight = 2; // fail: gain 2
    const list = opportunities(r);
    expect(list.slice(0, 2).map((o) => [o.practiceId, o.gain])).toEqual([
      ['decision.pricing-public', 2],
      ['maintenance.changelog', 1.5],
    ]);
  });

  it.each([
    ['stage 2 in a weak enabler', 'community.forum'], // Community & engagement scores 40
    ['stage 2 partial in an enabler just under the bar', 'onboarding.sdks'], // SDKs & tools 50
    ['a passing practice', 'onboarding.quickstart'],
    ['a manual practice', 'decision.customer-stories'],
  ])('leaves out %s', (_why, id) => {
    expect(opportunities(sampleReport(), 50).map((o) => o.practiceId)).not.toContain(id);
  });

  it('never lists stage 3 and caps the list', () => {
    const r = sampleReport();
    for (let i = 0; i < 10; i++) r.practices.push({ ...r.practices[2], id: `extra.${i}` });
    r.practices.push({ ...r.practices[2], id: 'advanced', stage: 3 });
    const list = opportunities(r);
    expect(list).toHaveLength(MAX_OPPORTUNITIES);
    expect(opportunities(r, 100).map((o) => o.practiceId)).not.toContain('advanced');
  });

  it('explains stage-2 picks by the enabler score', () => {
    const sla = opportunities(sampleReport()).find((o) => o.practiceId === 'golive.sla')!;
    expect(sla.why).toBe('Stage-2 practice in an otherwise strong enabler: Go-live essentials (82)');
    expect(sla.enablerName).toBe('Go-live essentials');
  });
});

describe('threats', () => {
  it('finds none in a calm report', () => {
    expect(threats(calmReport())).toEqual([]);
  });

  it('derives the sample report threats from robots facts, the fit check and the lens spread', () => {
    const list = threats(sampleReport());
    expect(list.map((t) => t.id)).toEqual(['ai-agents-blocked', 'fit-check-unreachable', 'lens-gap']);
    const [ai, fit, lens] = list;
    // GPTBot (training) is blocked too, but blocking training is a choice: only PerplexityBot counts.
    expect(ai.detail).toBe('robots.txt lets PerplexityBot fetch nothing: answer engines cannot cite what they cannot read.');
    expect(ai.evidence).toEqual([{ url: 'https://developer.example-pay.com/robots.txt', note: 'PerplexityBot: none' }]);
    expect(fit.detail).toBe('Agents cannot reach the answer to 2 of 3 buyer questions.');
    expect(lens.detail).toBe('AI visibility (41) trails Core (64) by 23 points: the portal serves one audience much better than another.');
  });

  it('names agents with partial access as well', () => {
    const r = calmReport();
    r.probes = [probe('robots', { aiAgents: [
      { agent: 'OAI-SearchBot', purpose: 'search', access: 'none' },
      { agent: 'ChatGPT-User', purpose: 'user', access: 'partial' },
      { agent: 'CCBot', purpose: 'training', access: 'none' },
    ] })];
    const [t] = threats(r);
    expect(t.detail).toBe('robots.txt lets OAI-SearchBot fetch nothing and keeps ChatGPT-User from part of the public content: answer engines cannot cite what they cannot read.');
    expect(t.evidence[0].url).toBe('https://developer.example-pay.com/robots.txt'); // built from the target when facts have no url
  });

  it('reads gating facts: login wall, gated key pages (API keys expected), bot blocks', () => {
    const r = calmReport();
    r.probes.push(
      probe('gating', {
        loginWall: true,
        gatedShare: 0.8,
        gatedUrls: ['https://x.example/docs', 'https://x.example/ref'],
        gatedKeyPages: ['pricing', 'apiKeys', 'reference'],
        keyPages: { pricing: { url: 'https://x.example/pricing', gate: 'login-redirect' }, reference: { url: 'https://x.example/ref', gate: 'status-401' } },
        botBlockedUrls: ['https://x.example/a'],
      }),
    );
    const list = threats(r);
    expect(list.map((t) => t.id)).toEqual(['login-wall', 'gated-key-pages', 'bot-blocked']);
    expect(list[0].detail).toBe('80% of the pages checked need a sign-in: agents, answer engines and evaluators see almost nothing.');
    expect(list[1].detail).toBe('The pricing page and the API reference cannot be read without an account, so buyers and agents cannot evaluate them.');
    expect(list[1].evidence).toEqual([
      { url: 'https://x.example/pricing', note: 'The pricing page is gated (login-redirect)' },
      { url: 'https://x.example/ref', note: 'The API reference is gated (status-401)' },
    ]);
    expect(list[2].detail).toBe('1 page answered with a bot block instead of content.');
  });

  it('raises no gating threat when only the API keys page needs a login', () => {
    const r = calmReport();
    r.probes.push(probe('gating', { loginWall: false, gatedUrls: ['https://x.example/keys'], gatedKeyPages: ['apiKeys'], botBlockedUrls: [] }));
    expect(threats(r)).toEqual([]);
  });

  it('reads JavaScript-only pages from the rendering probe', () => {
    const r = calmReport();
    r.probes.push(probe('rendering', { mode: 'heuristic', jsOnlyUrls: ['https://x.example/a', 'https://x.example/b'] }));
    expect(threats(r).map((t) => [t.id, t.detail])).toEqual([['js-only', '2 pages show their content only after scripts run; most AI crawlers do not run them.']]);
  });

  it('ignores facts of probes that errored and facts of the wrong shape (saved reports are untrusted)', () => {
    const r = calmReport();
    r.probes = [
      probe('robots', { aiAgents: [{ agent: 'PerplexityBot', purpose: 'search', access: 'none' }] }, 'error'),
      probe('gating', { loginWall: 'yes', gatedKeyPages: 'pricing', botBlockedUrls: [1, 2] }),
      probe('rendering', { jsOnlyUrls: { a: 1 } }),
    ];
    expect(threats(r)).toEqual([]);
  });

  it('says when humans can reach what agents cannot', () => {
    const r = calmReport();
    r.fitCheck[2].agent = { reachable: false, blockedBy: ['robots.txt'] };
    const [t] = threats(r);
    expect(t.detail).toBe('Agents cannot reach the answer to 1 of 3 buyer questions, although a human finds them.');
  });

  it.each([
    [LENS_GAP, true],
    [LENS_GAP - 0.1, false],
  ])('lens spread %s is a threat: %s', (gap, expected) => {
    const r = calmReport();
    r.scores.lenses = { core: 50 + gap, businessReadiness: 55, aiVisibility: 50 };
    expect(threats(r).some((t) => t.id === 'lens-gap')).toBe(expected);
  });

  it('ignores a lens nothing could assess when comparing lenses', () => {
    const r = calmReport();
    r.scores.lenses = { core: 80, businessReadiness: 75, aiVisibility: 0 };
    r.practices = r.practices.map((p) => ({ ...p, lenses: p.lenses.filter((l) => l !== 'aiVisibility') }));
    expect(threats(r)).toEqual([]);
  });
});

describe('swot', () => {
  it('combines strengths and weaknesses (assessed only) with opportunities and threats', () => {
    const r = sampleReport();
    r.scores.focusAreas.community = { score: 0, stage: 0, assessed: false };
    const s = swot(r);
    expect(s.weaknesses.map((w) => w.id)).not.toContain('community');
    expect(s.weaknesses[0].id).toBe('decisionMaking');
    expect(s.opportunities.length).toBeGreaterThan(0);
    expect(s.threats.length).toBe(3);
  });

  it('is deterministic', () => {
    expect(swot(sampleReport())).toEqual(swot(sampleReport()));
  });
});
