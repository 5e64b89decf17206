import { describe, expect, it } from 'vitest';
import { CHECKS, type CheckOutcome } from '../../src/model/checks.js';
import { agents } from './helpers.js';

const run = (name: string, robots: Record<string, unknown>): CheckOutcome => CHECKS[name].run({ robots });
const scoreOf = (o: CheckOutcome): number | null | 'notApplicable' => ('notApplicable' in o ? 'notApplicable' : o.score);

describe('aiSearchAgentsAllowed', () => {
  it.each([
    ['all search and user agents allowed', agents(['OAI-SearchBot', 'search', 'all'], ['ChatGPT-User', 'user', 'all'], ['GPTBot', 'training', 'none', 'GPTBot']), 1],
    ['one of two blocked', agents(['OAI-SearchBot', 'search', 'all'], ['PerplexityBot', 'search', 'none', 'PerplexityBot']), 0.5],
    ['partial counts half', agents(['OAI-SearchBot', 'search', 'partial'], ['ChatGPT-User', 'user', 'all']), 0.75],
    ['all blocked', agents(['OAI-SearchBot', 'search', 'none'], ['ChatGPT-User', 'user', 'none']), 0],
    ['training agents do not count', agents(['GPTBot', 'training', 'none'], ['Claude-SearchBot', 'search', 'all']), 1],
    ['no search or user agents: cannot tell', agents(['GPTBot', 'training', 'all']), null],
  ])('%s', (_name, list, expected) => {
    expect(scoreOf(run('aiSearchAgentsAllowed', { aiAgents: list }))).toBe(expected);
  });

  it('names the blocked agent and its group, with the robots url', () => {
    const out = run('aiSearchAgentsAllowed', {
      url: 'https://p.example/robots.txt',
      aiAgents: agents(['OAI-SearchBot', 'search', 'all'], ['PerplexityBot', 'search', 'none', 'PerplexityBot']),
    });
    expect(out.evidence).toEqual([{ url: 'https://p.example/robots.txt', note: 'robots: PerplexityBot access none (group PerplexityBot)' }]);
  });

  it('bounds the number of per-agent notes', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ agent: `Bot${i}`, purpose: 'search', access: 'none', group: '*' }));
    const out = run('aiSearchAgentsAllowed', { aiAgents: many });
    expect(out.evidence).toHaveLength(9);
    expect(out.evidence.at(-1)?.note).toBe('robots: … and 22 more agents');
  });

  it.each([undefined, 'nope', [null, 3, { agent: 1 }]])('malformed aiAgents %j never throws', (aiAgents) => {
    expect(() => run('aiSearchAgentsAllowed', { aiAgents })).not.toThrow();
    expect(scoreOf(run('aiSearchAgentsAllowed', { aiAgents }))).toBeNull();
  });
});

describe('aiTrainingPolicyExplicit', () => {
  it.each([
    ['a training agent refused in its own group', agents(['GPTBot', 'training', 'none', 'GPTBot']), 1],
    ['a training agent allowed in its own group', agents(['CCBot', 'training', 'all', 'CCBot']), 1],
    ['training agents only under *', agents(['GPTBot', 'training', 'all', '*'], ['CCBot', 'training', 'all', '*']), 0],
    ['no robots.txt (no group applies)', agents(['GPTBot', 'training', 'all', null]), 0],
    ['a named search group is not a training policy', agents(['OAI-SearchBot', 'search', 'all', 'OAI-SearchBot'], ['GPTBot', 'training', 'all', '*']), 0],
    ['no training agents evaluated', agents(['OAI-SearchBot', 'search', 'all']), null],
  ])('%s', (_name, list, expected) => {
    expect(scoreOf(run('aiTrainingPolicyExplicit', { aiAgents: list }))).toBe(expected);
  });

  it('says where training crawlers fall when none is named', () => {
    expect(run('aiTrainingPolicyExplicit', { aiAgents: agents(['GPTBot', 'training', 'all', '*'], ['CCBot', 'training', 'all', '*']) }).evidence)
      .toEqual([{ note: 'robots: no group names an AI training crawler; they fall under the * group (2 evaluated)' }]);
  });

  it('says which agent shows the policy', () => {
    expect(run('aiTrainingPolicyExplicit', { aiAgents: agents(['GPTBot', 'training', 'none', 'GPTBot']) }).evidence)
      .toEqual([{ note: 'robots: training crawler GPTBot is named in its own group (access none)' }]);
  });
});

describe('noAgentBlockedFromDocs', () => {
  it.each([
    ['nobody blocked', agents(['OAI-SearchBot', 'search', 'all'], ['Manus', 'other', 'partial']), 1],
    ['training blocks are a legitimate choice', agents(['GPTBot', 'training', 'none'], ['OAI-SearchBot', 'search', 'all']), 1],
    ['one of four blocked', agents(['A', 'search', 'all'], ['B', 'user', 'all'], ['C', 'other', 'all'], ['D', 'other', 'none']), 0.75],
    ['all blocked', agents(['A', 'search', 'none'], ['B', 'user', 'none']), 0],
    ['only training agents: cannot tell', agents(['GPTBot', 'training', 'none']), null],
  ])('%s', (_name, list, expected) => {
    expect(scoreOf(run('noAgentBlockedFromDocs', { aiAgents: list }))).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------
// Checks over the other probes. Each table gives the facts of the probes the check reads and the
// expected score (null = cannot tell, 'notApplicable').
// ---------------------------------------------------------------------------------------------------
type Facts = Record<string, Record<string, unknown>>;
const score = (name: string, facts: Facts): number | null | 'notApplicable' => scoreOf(CHECKS[name].run(facts));

const keyPage = (url: string, gated: boolean | null, gate: string | null = gated ? 'login-redirect' : 'open') => ({ url, gated, gate, status: 200, source: 'crawl' });
const gating = (keyPages: Record<string, unknown>, loginWall = false, loginWallBecause: string[] = []): Facts => ({ gating: { keyPages, loginWall, loginWallBecause } });

describe('docsKeyPagesOpen', () => {
  it.each([
    ['all documentation key pages open', gating({ docs: keyPage('https://p/docs', false), reference: keyPage('https://p/ref', false), pricing: keyPage('https://p/pricing', true) }), 1],
    ['reference behind a login', gating({ docs: keyPage('https://p/docs', false), reference: keyPage('https://p/ref', true) }), 0.5],
    ['login wall', gating({ docs: keyPage('https://p/docs', false) }, true, ['start-page']), 0],
    ['only pricing and sandbox found', gating({ pricing: keyPage('https://p/pricing', true), sandbox: keyPage('https://p/s', true) }), null],
    ['key page not checked does not count', gating({ docs: keyPage('https://p/docs', null), reference: keyPage('https://p/ref', false) }), 1],
    ['malformed keyPages', { gating: { keyPages: 'nope', loginWall: false } }, null],
  ] as [string, Facts, number | null][])('%s', (_n, facts, expected) => {
    expect(score('docsKeyPagesOpen', facts)).toBe(expected);
  });

  it('names the gated page first, with its url', () => {
    const out = CHECKS.docsKeyPagesOpen.run(gating({ docs: keyPage('https://p/docs', false), reference: keyPage('https://p/ref', true, 'status-401') }));
    expect(out.evidence[0]).toEqual({ url: 'https://p/ref', note: 'gating: the API reference (https://p/ref) is behind a login (status-401)' });
  });
});

const pages = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `https://p/${i}`, jsOnly: false }));

describe('contentWithoutJavaScript', () => {
  it.each([
    ['no JS-only page', { jsOnlyUrls: [], pages: pages(10), mode: 'browser' }, 1],
    ['1 of 10', { jsOnlyUrls: ['https://p/1'], pages: pages(10), mode: 'heuristic' }, 0.9],
    ['half need JS', { jsOnlyUrls: ['a', 'b'], pages: pages(4), mode: 'browser' }, 0],
    ['heuristic list longer than the sample', { jsOnlyUrls: ['a', 'b', 'c'], pages: pages(2), mode: 'heuristic' }, 0],
    ['nothing sampled', { jsOnlyUrls: [], pages: [], mode: 'browser' }, null],
    ['malformed', { jsOnlyUrls: 'x', pages: [] }, null],
  ] as [string, Record<string, unknown>, number | null][])('%s', (_n, rendering, expected) => {
    expect(score('contentWithoutJavaScript', { rendering })).toBe(expected);
  });

  it('bounds its per-page notes', () => {
    const urls = Array.from({ length: 20 }, (_, i) => `https://p/${i}`);
    const out = CHECKS.contentWithoutJavaScript.run({ rendering: { jsOnlyUrls: urls, pages: pages(100), mode: 'browser' } });
    expect(out.evidence).toHaveLength(10);
    expect(out.evidence.at(-1)?.note).toBe('rendering: … and 12 more pages that need JavaScript');
  });
});

describe('brokenLinkRate', () => {
  const errors = (...statuses: number[]) => statuses.map((status, i) => ({ url: `https://p/e${i}`, status }));
  it.each([
    ['no errors', { errorStatusUrls: [], pagesChecked: 50 }, 1],
    ['login walls are not broken', { errorStatusUrls: errors(401, 403), pagesChecked: 50 }, 1],
    ['1 of 101 broken (≤ 1%)', { errorStatusUrls: errors(404), pagesChecked: 100 }, 1],
    ['1 of 33 broken (3%)', { errorStatusUrls: errors(404, 401), pagesChecked: 31 }, 0.5],
    ['5xx counts', { errorStatusUrls: errors(500, 502), pagesChecked: 10 }, 0],
    ['nothing crawled', { errorStatusUrls: [], pagesChecked: 0 }, null],
  ] as [string, Record<string, unknown>, number | null][])('%s', (_n, indexability, expected) => {
    expect(score('brokenLinkRate', { indexability })).toBe(expected);
  });
});

describe('uniquePageTitles and metaDescriptionCoverage', () => {
  it.each([
    ['all titled, no duplicates', { pagesChecked: 20, pagesWithoutTitle: [], duplicateTitles: [] }, 1],
    ['query-string variants are one page', { pagesChecked: 20, pagesWithoutTitle: [], duplicateTitles: [{ title: 'Sign in', urls: ['https://p/login', 'https://p/login?next=/a', 'https://p/login?next=/b'] }] }, 1],
    ['two different pages share a title', { pagesChecked: 10, pagesWithoutTitle: [], duplicateTitles: [{ title: 'Docs', urls: ['https://p/a', 'https://p/b'] }] }, 0.9],
    ['most untitled', { pagesChecked: 10, pagesWithoutTitle: ['1', '2', '3', '4', '5', '6'], duplicateTitles: [] }, 0],
    ['nothing checked', { pagesChecked: 0, pagesWithoutTitle: [], duplicateTitles: [] }, null],
  ] as [string, Record<string, unknown>, number | null][])('titles: %s', (_n, indexability, expected) => {
    expect(score('uniquePageTitles', { indexability })).toBe(expected);
  });

  it.each([
    [{ pagesChecked: 31, pagesWithoutDescription: ['https://p/x'] }, 1],
    [{ pagesChecked: 10, pagesWithoutDescription: ['1', '2', '3'] }, 0.7],
    [{ pagesChecked: 10, pagesWithoutDescription: ['1', '2', '3', '4', '5', '6'] }, 0],
    [{ pagesChecked: 0, pagesWithoutDescription: [] }, null],
  ] as [Record<string, unknown>, number | null][])('descriptions: %j → %s', (indexability, expected) => {
    expect(score('metaDescriptionCoverage', { indexability })).toBe(expected);
  });
});

describe('markdownCoverage', () => {
  const twin = (page: string) => ({ page, md: `${page}.md`, via: 'convention' });
  it.each([
    ['every page has a twin', { pagesSampled: 4, mdSiblingUrls: ['a', 'b', 'c', 'd'].map(twin), negotiatingUrls: [] }, 1],
    ['twins and negotiation counted once per page', { pagesSampled: 5, mdSiblingUrls: [twin('a'), twin('b')], negotiatingUrls: ['a', 'c', 'd'] }, 1],
    ['one of 15', { pagesSampled: 15, mdSiblingUrls: [twin('a')], negotiatingUrls: ['a'] }, 0.5],
    ['none', { pagesSampled: 15, mdSiblingUrls: [], negotiatingUrls: [] }, 0],
    ['nothing sampled', { pagesSampled: 0, mdSiblingUrls: [], negotiatingUrls: [] }, null],
  ] as [string, Record<string, unknown>, number | null][])('%s', (_n, markdown, expected) => {
    expect(score('markdownCoverage', { markdown })).toBe(expected);
  });
});

const doc = (over: Record<string, unknown> = {}) => ({
  url: 'https://p/openapi.json', valid: true, errors: [], specification: 'OpenAPI', version: '3.1.0', operationCount: 10,
  foundVia: ['link-service-desc'], summaryShare: 1, exampleShare: 0.5, errorResponseShare: 0.4,
  securitySchemes: [{ name: 'oauth', type: 'oauth2' }],
  servers: [{ url: 'https://api.p.com', useful: true }, { url: 'http://localhost', useful: false, reason: 'localhost' }],
  ...over,
});
const openapi = (...documents: unknown[]): Facts => ({ openapi: { documents } });

describe('openapi checks', () => {
  it.each([
    ['specsValid', openapi(doc()), 1],
    ['specsValid', openapi(doc(), doc({ url: 'https://p/b.json', valid: false, errors: ['bad $ref'] })), 0.5],
    ['specsValid', openapi(doc({ valid: null, gated: true, operationCount: 0 })), null],
    ['specsValid', openapi(), 0],
    ['specOperationSummaries', openapi(doc()), 1],
    ['specOperationSummaries', openapi(doc({ summaryShare: 0.727 })), 0.727],
    ['specOperationSummaries', openapi(doc({ summaryShare: 0.4 })), 0],
    ['specExampleCoverage', openapi(doc()), 0.5],
    ['specErrorResponseCoverage', openapi(doc()), 0],
    ['specErrorResponseCoverage', openapi(doc({ errorResponseShare: 0.91 })), 1],
    ['specSecuritySchemes', openapi(doc()), 1],
    ['specSecuritySchemes', openapi(doc({ securitySchemes: [] })), 0],
    ['specEnvironments', openapi(doc()), 1],
    ['specEnvironments', openapi(doc({ servers: [{ url: 'https://api.p.com', useful: true }] })), 0.5],
    ['specEnvironments', openapi(doc({ servers: [] })), 0],
    ['specServersUsable', openapi(doc()), 0.5],
    ['specDiscoverable', openapi(doc()), 1],
    ['specDiscoverable', openapi(doc({ foundVia: ['common-path'] })), 0],
    ['specDiscoverable', openapi(), 0],
    ['specExampleCoverage', openapi(), 0],
    ['specExampleCoverage', { openapi: { documents: 'nope' } }, null],
  ] as [string, Facts, number | null][])('%s → %s', (name, facts, expected) => {
    expect(score(name, facts)).toBe(expected);
  });

  it('judges the document with the most operations', () => {
    const small = doc({ url: 'https://p/petstore.json', operationCount: 2, exampleShare: 0 });
    const main = doc({ url: 'https://p/main.json', operationCount: 40, exampleShare: 0.9 });
    const out = CHECKS.specExampleCoverage.run(openapi(small, main));
    expect(scoreOf(out)).toBe(1);
    expect(out.evidence[0]).toMatchObject({ url: 'https://p/main.json' });
  });

  it('names an invalid document with its first error', () => {
    const out = CHECKS.specsValid.run(openapi(doc({ valid: false, errors: ['paths./x: missing responses'] })));
    expect(out.evidence).toEqual([{ url: 'https://p/openapi.json', note: 'openapi: https://p/openapi.json does not validate: paths./x: missing responses' }]);
  });
});

describe('structured-data, business-surface and feed checks', () => {
  const sd = (f: Record<string, unknown>): Facts => ({ 'structured-data': f });
  const bs = (f: Record<string, unknown>): Facts => ({ 'business-surface': f });
  const feeds = (...list: Record<string, unknown>[]): Facts => ({ 'agent-discovery': { feeds: list } });
  const feed = (over: Record<string, unknown> = {}) => ({ url: 'https://p/changelog.atom', valid: true, title: 'API changelog', format: 'atom', entries: 6, newest: '2026-11-12T12:00:00.000Z', error: null, ...over });
  it.each([
    ['organizationStructuredData', sd({ organization: { type: 'Organization', name: 'N', url: 'https://n', logo: null, sameAs: ['https://github.com/n'], foundOn: 'https://p/' } }), 1],
    ['organizationStructuredData', sd({ organization: { type: 'Corporation', name: 'N', url: null, logo: null, sameAs: [], foundOn: 'https://p/' } }), 1 / 3],
    ['organizationStructuredData', sd({ organization: null }), 0],
    ['webApiStructuredData', sd({ webApi: { name: 'A', documentation: '/docs', termsOfService: '/terms', provider: 'N', foundOn: 'https://p/ref' } }), 1],
    ['webApiStructuredData', sd({ webApi: { name: 'A', documentation: '/docs', termsOfService: null, provider: null, foundOn: 'https://p/ref' } }), 1 / 3],
    ['webApiStructuredData', sd({ webApi: null }), 0],
    ['businessStructuredDataTypes', sd({ businessTypes: { Organization: true, WebAPI: true, FAQPage: true, Service: true } }), 0.5],
    ['businessStructuredDataTypes', sd({ businessTypes: { Organization: true, WebSite: true, WebAPI: true, APIReference: true } }), 1],
    ['businessStructuredDataTypes', sd({ businessTypes: { TechArticle: true, APIReference: true } }), 0],
    ['businessStructuredDataTypes', sd({ businessTypes: null }), null],
    ['certificationsStated', bs({ certifications: ['ISO 27001', 'PSD2'], certificationEvidence: [] }), 1],
    ['certificationsStated', bs({ certifications: ['GDPR', 'PSD2', 'eIDAS'], certificationEvidence: [] }), 0],
    ['certificationsStated', bs({ certifications: [], certificationEvidence: [] }), 0],
    ['supportChannelKinds', bs({ supportChannels: { email: [{ value: 'a@b.example', url: 'https://p/s' }], form: [{ value: 'https://p/f', url: 'https://p/s' }], phone: [], chat: [], helpCenter: [] } }), 1],
    ['supportChannelKinds', bs({ supportChannels: { email: [{ value: 'a@b.example', url: 'https://p/s' }], form: [], phone: [], chat: [], helpCenter: [] } }), 0.5],
    ['supportChannelKinds', bs({ supportChannels: { email: [], form: [], phone: [], chat: [], helpCenter: [] } }), 0],
    ['validFeedDeclared', feeds(feed()), 1],
    ['validFeedDeclared', feeds(feed({ valid: false, error: 'not XML' })), 0],
    ['validFeedDeclared', feeds(), 0],
    ['changelogFeed', feeds(feed({ title: 'Blog', url: 'https://p/blog.rss' }), feed()), 1],
    ['changelogFeed', feeds(feed({ title: 'Blog', url: 'https://p/blog.rss' })), 0],
    ['changelogFeed', feeds(feed({ title: 'Release notes', url: 'https://p/feed.xml' })), 1],
    ['changelogFeed', { 'agent-discovery': { feeds: null } }, null],
  ] as [string, Facts, number | null][])('%s → %s', (name, facts, expected) => {
    const s = score(name, facts);
    if (typeof s === 'number' && typeof expected === 'number') expect(s).toBeCloseTo(expected, 3);
    else expect(s).toBe(expected);
  });

  it('cites where a certification is stated, with the quote', () => {
    const out = CHECKS.certificationsStated.run(bs({
      certifications: ['PSD2', 'SOC 2'],
      certificationEvidence: [{ name: 'SOC 2', url: 'https://p/security', note: 'stated on the compliance page', quote: '…SOC 2 Type II…' }],
    }));
    expect(out.evidence).toEqual([{ url: 'https://p/security', note: 'business-surface: SOC 2 stated (stated on the compliance page)', quote: '…SOC 2 Type II…' }]);
  });
});

describe('PSD2 checks: notApplicable unless PSD2 is stated', () => {
  const bank = (certifications: string[], pages: Record<string, unknown> = {}): Facts => ({
    'business-surface': {
      certifications,
      certificationEvidence: certifications.map((name) => ({ name, url: 'https://bank.example/security', note: 'stated on the compliance page', quote: `…${name}…` })),
      pages,
    },
  });
  const page = (found: boolean) => ({ found, status: found ? 'found' : 'missing', url: found ? 'https://bank.example/x' : null });
  it.each([
    ['psd2CertificatesStated', bank(['ISO 27001']), 'notApplicable'],
    ['psd2CertificatesStated', bank(['PSD2', 'eIDAS']), 1],
    ['psd2CertificatesStated', bank(['PSD2']), 0],
    ['psd2InterfaceSummary', bank(['GDPR'], { apiReference: page(true) }), 'notApplicable'],
    ['psd2InterfaceSummary', bank(['PSD2'], { apiReference: page(true) }), 1],
    ['psd2InterfaceSummary', bank(['PSD2'], { apiReference: page(false) }), 0],
    ['psd2TestingFacility', bank(['PSD2'], { sandbox: page(true) }), 1],
    ['psd2TestingFacility', bank(['PSD2'], {}), null],
    ['psd2AssessorJudges', bank([]), 'notApplicable'],
    ['psd2AssessorJudges', bank(['PSD2']), null],
    ['psd2AssessorJudges', { 'business-surface': { certifications: 'nope' } }, null],
  ] as [string, Facts, number | null | 'notApplicable'][])('%s → %s', (name, facts, expected) => {
    expect(score(name, facts)).toBe(expected);
  });

  it('says why it applies, citing the PSD2 statement', () => {
    const out = CHECKS.psd2AssessorJudges.run(bank(['PSD2']));
    expect(out.evidence[0]).toEqual({ url: 'https://bank.example/security', note: 'business-surface: PSD2 stated (stated on the compliance page), so this regulated-banking practice applies', quote: '…PSD2…' });
    expect(CHECKS.psd2AssessorJudges.applicabilityOnly).toBe(true);
  });
});

describe('every check survives hostile facts', () => {
  const hostile: unknown[] = [undefined, null, 'x', 42, [], {}, [null, 1, 'a', { url: 3 }], { __proto__: { evil: true } }];
  it.each(Object.keys(CHECKS))('%s never throws and never returns an out-of-range score', (name) => {
    const probes = [...new Set(CHECKS[name].uses.map((u) => u.split('.')[0]))];
    for (const value of hostile) {
      const facts: Facts = Object.fromEntries(probes.map((p) => [p, Object.fromEntries(CHECKS[name].uses.filter((u) => u.startsWith(`${p}.`)).map((u) => [u.slice(p.length + 1), value]))]));
      const out = CHECKS[name].run(facts);
      expect(Array.isArray(out.evidence)).toBe(true);
      const s = scoreOf(out);
      if (typeof s === 'number') { expect(s).toBeGreaterThanOrEqual(0); expect(s).toBeLessThanOrEqual(1); }
    }
  });
});
