import { describe, expect, it } from 'vitest';
import { AssessmentInvalidError } from '../../src/errors.js';
import { factsFromProbes } from '../../src/model/facts.js';
import { loadModel } from '../../src/model/load.js';
import { scorePractices } from '../../src/model/score.js';
import type { FactsByProbe } from '../../src/model/types.js';
import type { PracticeResult } from '../../src/contract/index.js';
import { buildModel, factRule, MANUAL, ok, practice } from './helpers.js';
import { badFacts, goodFacts } from './fixtures.js';

const model = loadModel();
const byId = (results: PracticeResult[]): Record<string, PracticeResult> => Object.fromEntries(results.map((r) => [r.id, r]));

describe('scorePractices with the bundled model', () => {
  it('returns one result per practice, in model order, with the contract fields', () => {
    const results = scorePractices(model, goodFacts, []);
    expect(results.map((r) => r.id)).toEqual(model.practices.map((p) => p.id));
    const r = byId(results)['xml-sitemap-present'];
    expect(r).toMatchObject({
      name: 'XML sitemap', focusArea: 'discovery', enabler: 'search', stage: 1, lenses: ['core', 'aiVisibility'],
      score: 1, status: 'pass', decidedBy: 'probe', weight: 1,
    });
    expect(r.definition).toBeTruthy();
  });

  it('passes every probe-decided practice on a well-prepared portal', () => {
    const results = scorePractices(model, goodFacts, []);
    const probeDecided = results.filter((r) => r.decidedBy === 'probe');
    expect(probeDecided.length).toBe(16);
    expect(probeDecided.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status}`)).toEqual([]);
    // Everything else is an assessor's job and carries no score.
    for (const r of results.filter((x) => x.decidedBy === 'none')) expect(r).toMatchObject({ status: 'manual', score: 0 });
  });

  it('fails the AI practices of a portal that blocks AI crawlers, saying why', () => {
    const r = byId(scorePractices(model, badFacts, []));
    expect(r['ai-search-crawlers-allowed']).toMatchObject({ status: 'fail', score: 0 });
    expect(r['ai-search-crawlers-allowed'].evidence).toContainEqual({
      url: 'https://dev.example/robots.txt', note: 'robots: OAI-SearchBot access none (group *)',
    });
    expect(r['ai-training-policy-explicit'].status).toBe('fail');
    expect(r['no-ai-agent-blocked'].status).toBe('fail');
    expect(r['generic-crawlers-allowed'].status).toBe('fail');
    expect(r['llms-txt-present'].evidence).toEqual([{ note: 'llms-txt: present = false (expected true)' }]);
    // No sitemap: its lastmod coverage was not measured, yet the practice fails on the missing sitemap.
    expect(r['sitemap-lastmod']).toMatchObject({ status: 'fail', decidedBy: 'probe' });
    expect(r['robots-txt-present'].status).toBe('pass');
  });

  it('gives partial credit where the model allows it', () => {
    const facts: FactsByProbe = { ...goodFacts, sitemap: ok({ present: true, urlCount: 10, errors: [], lastmodCoverage: 0.6, crawledPagesListed: 0.3 }) };
    const r = byId(scorePractices(model, facts, []));
    expect(r['sitemap-lastmod']).toMatchObject({ status: 'partial', score: 0.6 });
    expect(r['sitemap-covers-crawled-pages']).toMatchObject({ status: 'fail', score: 0 });
  });

  it('makes practices manual, not failed, when their probe errored or was skipped', () => {
    const facts: FactsByProbe = { ...badFacts, robots: { status: 'error', facts: {} }, 'llms-txt': { status: 'skipped', facts: {} } };
    const r = byId(scorePractices(model, facts, []));
    expect(r['ai-search-crawlers-allowed']).toMatchObject({
      status: 'manual', score: 0, decidedBy: 'none', evidence: [{ note: 'evidence unavailable: probe robots failed' }],
    });
    expect(r['robots-txt-present']).toMatchObject({ status: 'manual', evidence: [{ note: 'evidence unavailable: probe robots failed' }] });
    expect(r['llms-txt-valid']).toMatchObject({ status: 'manual', evidence: [{ note: 'evidence unavailable: probe llms-txt was skipped' }] });
    // The sitemap probe ran, so its practices are still decided.
    expect(r['xml-sitemap-present'].status).toBe('fail');
  });

  it('is deterministic: same input twice gives deep-equal output, whatever the key order of facts', () => {
    const reversed = Object.fromEntries(Object.entries(badFacts).reverse().map(([k, v]) => [k, { facts: Object.fromEntries(Object.entries(v.facts).reverse()), status: v.status }]));
    const a = scorePractices(model, badFacts, []);
    expect(scorePractices(model, badFacts, [])).toEqual(a);
    expect(scorePractices(model, reversed, [])).toEqual(a);
  });

  it('accepts probe entries from a report', () => {
    const facts = factsFromProbes([
      { id: 'robots', status: 'ok', facts: (goodFacts.robots.facts) },
      { id: 'robots', status: 'error', facts: {} },
    ]);
    expect(facts.robots.status).toBe('ok');
    expect(byId(scorePractices(model, facts, []))['robots-txt-present'].status).toBe('pass');
  });
});

describe('scorePractices: notApplicable and decidedBy', () => {
  it('rule outcomes map to statuses and decidedBy', () => {
    const m = buildModel([
      practice('by-probe', 'discovery', 1, factRule('robots', 'present', 'truthy')),
      practice('by-fit', 'decisionMaking', 1, { type: 'fitCheck', questions: ['q1'], need: 'any' }),
      practice('by-nobody', 'onboarding', 1, MANUAL),
    ]);
    const fit = [{
      id: 'q1', persona: 'buyer', question: 'Q?', answerable: true, answer: 'a', confidence: 1,
      citations: [{ url: 'https://x/p', quote: 'q', verified: true }], human: { clickDepth: 1 }, agent: { reachable: true, blockedBy: [] },
    }];
    const r = byId(scorePractices(m, { robots: ok({ present: true }) }, fit));
    expect(r['by-probe']).toMatchObject({ status: 'pass', decidedBy: 'probe' });
    expect(r['by-fit']).toMatchObject({ status: 'pass', decidedBy: 'fitCheck' });
    expect(r['by-nobody']).toMatchObject({ status: 'manual', decidedBy: 'none', evidence: [{ note: 'needs an assessor: look at it' }] });
  });
});

describe('scorePractices with assessor input', () => {
  it('assessor scores override probe evidence, which stays visible as overridden', () => {
    const r = byId(scorePractices(model, badFacts, [], {
      practices: {
        'public-pricing': { score: 'pass', note: 'Plans table at /pricing' },
        'ai-search-crawlers-allowed': { score: 0.5, note: 'Blocks are being lifted next week' },
        'mcp-server': { score: 'notApplicable' },
        'status-page': { score: 'partial' },
      },
    }));
    expect(r['public-pricing']).toMatchObject({ status: 'pass', score: 1, decidedBy: 'assessor', evidence: [{ note: 'assessor: Plans table at /pricing' }] });
    expect(r['public-pricing'].evidence).toHaveLength(1);
    const ai = r['ai-search-crawlers-allowed'];
    expect(ai).toMatchObject({ status: 'partial', score: 0.5, decidedBy: 'assessor' });
    expect(ai.evidence[0]).toEqual({ note: 'assessor: Blocks are being lifted next week' });
    expect(ai.evidence[1]).toEqual({ url: 'https://dev.example/robots.txt', note: 'overridden by assessor: robots: OAI-SearchBot access none (group *)' });
    expect(r['mcp-server']).toMatchObject({ status: 'notApplicable', score: 0, decidedBy: 'assessor', evidence: [{ note: 'assessor: scored notApplicable' }] });
    expect(r['status-page']).toMatchObject({ status: 'partial', score: 0.5 });
  });

  it('rejects assessments naming practices the model does not have', () => {
    expect(() => scorePractices(model, goodFacts, [], { practices: { 'public-prices': { score: 1 } } })).toThrow(AssessmentInvalidError);
  });
});
