// The bundled model's content (src/model/model.v1.json): its size, the share decided automatically,
// stage coverage per focus area, roadmap priorities as issue 4 defines them, the PSD2
// not-applicable rule, and its links to the fit-check questions in prompts/questions/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../src/fitcheck/questions.js';
import { CHECKS } from '../../src/model/checks.js';
import { factPathProblem, KNOWN_PROBES } from '../../src/model/known-probes.js';
import { loadModel } from '../../src/model/load.js';
import { scorePractices } from '../../src/model/score.js';
import { isAutomatic, modelStats, ruleLeaves } from '../../src/model/stats.js';
import type { FactsByProbe } from '../../src/model/types.js';
import { FOCUS_AREAS, LENSES } from '../../src/contract/index.js';
import { barePortal, fitCheckAll, preparedPortal } from './full-portals.js';
import { ok } from './helpers.js';

const model = loadModel();
const stats = modelStats(model);
const focusOf = new Map(model.enablers.map((e) => [e.id, e.focusArea]));
const byId = new Map(model.practices.map((p) => [p.id, p]));
const leaves = model.practices.flatMap((p) => ruleLeaves(p.evidence).map((rule) => ({ p, rule })));

describe('size and shape', () => {
  it('has 6 focus areas, 3 lenses, 20–30 enablers and at least 130 practices with unique ids', () => {
    expect(model.version).toBe('1.2.0');
    expect(model.focusAreas.map((f) => f.id)).toEqual([...FOCUS_AREAS]);
    expect(model.lenses.map((l) => l.id)).toEqual([...LENSES]);
    expect(model.enablers.length).toBeGreaterThanOrEqual(20);
    expect(model.enablers.length).toBeLessThanOrEqual(30);
    expect(model.practices.length).toBeGreaterThanOrEqual(130);
    expect(new Set(model.practices.map((p) => p.id)).size).toBe(model.practices.length);
    expect(new Set(model.enablers.map((e) => e.id)).size).toBe(model.enablers.length);
  });

  it('decides at least 60% of practices automatically from public evidence', () => {
    expect(stats.automatic).toBe(model.practices.filter(isAutomatic).length);
    expect(stats.automaticShare).toBeGreaterThanOrEqual(0.6);
    expect(stats.automatic / stats.practices).toBeGreaterThanOrEqual(0.6);
  });

  it.each(FOCUS_AREAS)('focus area %s has practices at stages 1, 2 and 3, some of them automatic', (fa) => {
    const mine = model.practices.filter((p) => focusOf.get(p.enabler) === fa);
    expect([...new Set(mine.map((p) => p.stage))].sort()).toEqual([1, 2, 3]);
    expect(mine.some(isAutomatic)).toBe(true);
    expect(stats.byFocusArea[fa].practices).toBe(mine.length);
  });

  it('gives every enabler a practice and every lens at least 30 practices', () => {
    for (const e of model.enablers) expect(model.practices.some((p) => p.enabler === e.id), e.id).toBe(true);
    for (const l of LENSES) expect(stats.byLens[l], l).toBeGreaterThanOrEqual(30);
  });

  it('writes every practice out: name, one-line definition, roadmap why/done and an explicit priority', () => {
    for (const p of model.practices) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.name.length, p.id).toBeGreaterThanOrEqual(3);
      expect(p.definition, p.id).not.toMatch(/\n/);
      expect(p.definition.length, p.id).toBeLessThan(320);
      expect(p.roadmap?.why, p.id).toBeTruthy();
      expect(p.roadmap?.done, p.id).toBeTruthy();
      expect([1, 2, 3], p.id).toContain(p.roadmap?.priority);
      if (p.weight !== 1) expect(p.weightWhy, p.id).toBeTruthy();
    }
  });

  it('gives every manual rule a hint an assessor can act on', () => {
    for (const { p, rule } of leaves) if (rule.type === 'manual') expect(rule.hint.length, p.id).toBeGreaterThan(30);
  });
});

describe('evidence rules refer to real probe facts and checks', () => {
  it('every fact rule names a known probe and a top-level fact of its Facts type', () => {
    const facts = leaves.filter(({ rule }) => rule.type === 'fact');
    expect(facts.length).toBeGreaterThan(60);
    for (const { p, rule } of facts) {
      if (rule.type !== 'fact') continue;
      expect(KNOWN_PROBES, p.id).toContain(rule.probe);
      expect(factPathProblem(rule.probe, rule.fact), p.id).toBeUndefined();
    }
  });

  it('uses every named check, and every check reads only known facts', () => {
    const used = new Set(leaves.flatMap(({ rule }) => (rule.type === 'check' ? [rule.check] : [])));
    expect([...used].sort()).toEqual(Object.keys(CHECKS).sort());
    for (const [name, check] of Object.entries(CHECKS)) {
      expect(check.uses.length, name).toBeGreaterThan(0);
      expect(check.description, name).toBeTruthy();
      for (const use of check.uses) {
        const [probe, ...fact] = use.split('.');
        expect(factPathProblem(probe, fact.join('.')), `${name} uses ${use}`).toBeUndefined();
      }
    }
  });

  it('decides every robots, sitemap and llms-txt fact of docs/ARCHITECTURE.md §3', () => {
    const used = new Set(leaves.flatMap(({ rule }) =>
      rule.type === 'fact' ? [`${rule.probe}.${rule.fact}`] : rule.type === 'check' ? CHECKS[rule.check].uses : []));
    for (const f of ['robots.present', 'robots.aiAgents', 'robots.sitemaps', 'robots.portalprobeAllowed', 'robots.contentSignals',
      'sitemap.present', 'sitemap.urlCount', 'sitemap.errors', 'sitemap.lastmodCoverage', 'sitemap.crawledPagesListed',
      'llms-txt.present', 'llms-txt.valid', 'llms-txt.sectionCount', 'llms-txt.linkCount', 'llms-txt.brokenLinks',
      'llms-txt.fullPresent', 'llms-txt.fullTokens', 'openapi.documents', 'structured-data.invalidBlocks', 'indexability.canonicalIssues',
      'gating.loginWall', 'rendering.jsOnlyUrls', 'rendering.mode', 'markdown.negotiation']) {
      expect(used, f).toContain(f);
    }
  });

  // Probes registered before their rules are in model.v1.json (the lead adds them); remove an entry
  // when its rules land — the second expectation fails until then, so the list cannot go stale.
  const AWAITING_MODEL_RULES: string[] = [];

  it('reads every probe that has facts', () => {
    const probes = new Set(leaves.flatMap(({ rule }) => (rule.type === 'fact' ? [rule.probe] : rule.type === 'check' ? CHECKS[rule.check].uses.map((u) => u.split('.')[0]) : [])));
    expect([...probes].sort()).toEqual(KNOWN_PROBES.filter((p) => !AWAITING_MODEL_RULES.includes(p)).sort());
    for (const p of AWAITING_MODEL_RULES) expect(probes.has(p), `${p} is read by the model now: drop it from AWAITING_MODEL_RULES`).toBe(false);
  });
});

describe('roadmap priorities (issue 4 §3)', () => {
  it.each([
    // P1: failing stage-1 practices that block evaluation or commercial engagement.
    ['public-pricing', 1], ['terms-of-use-public', 1], ['docs-without-login', 1], ['site-search', 1],
    ['ai-search-crawlers-allowed', 1], ['api-reference-public', 1], ['getting-started-guide', 1], ['sandbox-environment', 1],
    // P2: trust during live integration and over the lifecycle.
    ['status-page', 2], ['changelog', 2], ['deprecation-policy', 2], ['support-channel', 2], ['sla-published', 2],
    ['data-residency-stated', 2], ['go-live-process', 2],
    // P3: reach and community.
    ['multi-language-sdks', 3], ['community-qa-space', 3], ['developer-events', 3], ['mcp-server', 3], ['partner-programme', 3],
  ] as const)('%s is P%d', (id, priority) => {
    expect(byId.get(id)?.roadmap?.priority).toBe(priority);
  });

  it('puts only stage-1 practices of the evaluation journey in P1', () => {
    const p1 = model.practices.filter((p) => p.roadmap?.priority === 1);
    expect(p1.length).toBeGreaterThanOrEqual(15);
    for (const p of p1) {
      expect(p.stage, p.id).toBe(1);
      expect(['discovery', 'decisionMaking', 'onboarding'], p.id).toContain(focusOf.get(p.enabler));
    }
  });

  it('weights the commercial and access blockers double, each with a reason', () => {
    const heavy = model.practices.filter((p) => p.weight > 1).map((p) => p.id).sort();
    expect(heavy).toEqual(['ai-search-crawlers-allowed', 'docs-without-login', 'public-pricing']);
  });
});

describe('PSD2 practices are notApplicable for non-bank portals', () => {
  const psd2Ids = model.practices
    .filter((p) => ruleLeaves(p.evidence).some((r) => r.type === 'check' && r.check.startsWith('psd2')))
    .map((p) => p.id);
  const surface = (certifications: string[]): FactsByProbe => ({
    'business-surface': ok({
      certifications,
      certificationEvidence: certifications.map((name) => ({ name, url: 'https://bank.example/security', note: 'stated on the compliance page' })),
      pages: { apiReference: { found: true, status: 'found', url: 'https://bank.example/reference' }, sandbox: { found: false, status: 'missing', url: null } },
    }),
  });

  it('covers the regulated-access enabler and the PSD2 onboarding practices', () => {
    expect(psd2Ids).toEqual(expect.arrayContaining(['regulated-onboarding-prerequisites', 'public-interface-summary-psd2', 'psd2-sca-approaches']));
    for (const p of model.practices.filter((x) => x.enabler === 'regulated-access')) expect(psd2Ids).toContain(p.id);
  });

  it('without PSD2 stated, every one of them is notApplicable', () => {
    const results = scorePractices(model, surface(['ISO 27001', 'SOC 2', 'GDPR']), []).filter((r) => psd2Ids.includes(r.id));
    expect(results).toHaveLength(psd2Ids.length);
    for (const r of results) expect(r, r.id).toMatchObject({ status: 'notApplicable', score: 0 });
  });

  it('with PSD2 stated, they apply: decided where a fact says so, otherwise left to an assessor', () => {
    const r = Object.fromEntries(scorePractices(model, surface(['PSD2', 'eIDAS']), []).map((x) => [x.id, x]));
    expect(r['psd2-tpp-identification'].status).toBe('pass');
    expect(r['public-interface-summary-psd2'].status).toBe('pass');
    expect(r['psd2-testing-facility'].status).toBe('fail');
    expect(r['psd2-sca-approaches']).toMatchObject({ status: 'manual', decidedBy: 'none' });
    expect(r['psd2-sca-approaches'].evidence[0]).toMatchObject({ url: 'https://bank.example/security' });
  });
});

describe('fit-check questions feed the model (prompts/questions/*.yaml)', () => {
  const { questions } = loadQuestions();
  const questionIds = new Set(questions.map((q) => q.id));
  const referenced = new Map<string, string[]>();
  for (const { p, rule } of leaves) {
    if (rule.type !== 'fitCheck') continue;
    for (const q of rule.questions) referenced.set(q, [...(referenced.get(q) ?? []), p.id]);
  }
  /**
   * `informs` links the model does not follow, on purpose: pricing-public is a second name for
   * public-pricing; a partner programme does not prove an app gallery; SDK languages are counted
   * from business-surface, which a yes/no answer cannot do.
   */
  const NOT_WIRED = new Set(['pricing-model→pricing-public', 'partner-programme→app-gallery', 'sdk-languages→multi-language-sdks']);

  it('references only questions that exist, and uses every question', () => {
    expect([...referenced.keys()].filter((q) => !questionIds.has(q))).toEqual([]);
    expect([...questionIds].filter((q) => !referenced.has(q))).toEqual([]);
  });

  it('follows every informs link of the questions into the practice named', () => {
    const missing: string[] = [];
    for (const q of questions) {
      for (const practice of q.informs) {
        const link = `${q.id}→${practice}`;
        if (NOT_WIRED.has(link)) continue;
        if (!byId.has(practice)) missing.push(`${link} (no such practice)`);
        else if (!(referenced.get(q.id) ?? []).includes(practice)) missing.push(`${link} (not in its rule)`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('every automatic rule points the right way', () => {
  const questionIds = new Set(leaves.flatMap(({ rule }) => (rule.type === 'fitCheck' ? rule.questions : [])));
  const automatic = model.practices.filter(isAutomatic).map((p) => p.id);

  it('a portal that does everything passes every automatic practice (PSD2 ones do not apply)', () => {
    const results = scorePractices(model, preparedPortal(), fitCheckAll(questionIds, true));
    const r = Object.fromEntries(results.map((x) => [x.id, x]));
    const psd2 = (id: string): boolean => ruleLeaves(byId.get(id)!.evidence).some((l) => l.type === 'check' && l.check.startsWith('psd2'));
    const notPassing = automatic.filter((id) => r[id].status !== (psd2(id) ? 'notApplicable' : 'pass'));
    expect(notPassing.map((id) => `${id}: ${r[id].status} ${r[id].evidence.map((e) => e.note).join(' | ')}`)).toEqual([]);
  });

  it('the same portal as a PSD2 bank passes the automatic PSD2 practices too', () => {
    const r = Object.fromEntries(scorePractices(model, preparedPortal(['ISO 27001', 'PSD2', 'eIDAS']), fitCheckAll(questionIds, true)).map((x) => [x.id, x]));
    for (const id of automatic) expect(r[id].status, id).toBe('pass');
  });

  it('a portal that publishes nothing and blocks agents fails every automatic practice (PSD2 ones do not apply)', () => {
    const results = scorePractices(model, barePortal(), fitCheckAll(questionIds, false));
    const r = Object.fromEntries(results.map((x) => [x.id, x]));
    for (const id of automatic) {
      const psd2 = ruleLeaves(byId.get(id)!.evidence).some((l) => l.type === 'check' && l.check.startsWith('psd2'));
      expect(r[id], id).toMatchObject({ status: psd2 ? 'notApplicable' : 'fail', score: 0 });
    }
  });
});

describe('src/model/README.md quotes the data', () => {
  const readme = readFileSync(fileURLToPath(new URL('../../src/model/README.md', import.meta.url)), 'utf8');

  it('has the per-focus-area counts and the automatic share of modelStats', () => {
    for (const fa of model.focusAreas) {
      const s = stats.byFocusArea[fa.id];
      const row = `| ${fa.name} | ${s.practices} | ${s.byStage.join(' / ')} | ${s.automatic} |`;
      expect(readme, fa.id).toContain(row);
    }
    expect(readme).toContain(`| **total** | **${stats.practices}** | **${stats.byStage.join(' / ')}** | **${stats.automatic}** (${(stats.automaticShare * 100).toFixed(1)}%) |`);
    expect(readme).toContain(`${model.enablers.length} enablers and ${stats.practices}\npractices, ${stats.automatic} of them`);
  });

  it('maps every practice to its catalogue provenance', () => {
    for (const p of model.practices) expect(readme, p.id).toMatch(new RegExp(`^\\| ${p.id} \\| ${p.stage} \\| ${p.roadmap?.priority} \\|`, 'm'));
  });
});
