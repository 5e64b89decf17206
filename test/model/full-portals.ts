// Probe facts for every probe, shaped like the probes' Facts types, for two imaginary portals: one
// that does everything the automatic rules look for, and one that publishes next to nothing. Used
// to prove each automatic rule points the right way (the first passes everything, the second fails).
import type { FitCheckEntry } from '../../src/contract/index.js';
import type { FactsByProbe } from '../../src/model/types.js';
import { agents, ok } from './helpers.js';

const O = 'https://dev.example';
const kind = (found: boolean, path: string) => ({
  found, status: found ? 'found' : 'missing', url: found ? `${O}${path}` : null, confidence: found ? 0.9 : 0, evidence: [],
  linkedOnly: false, gated: false, broken: false, external: false, otherUrls: [],
});
const KINDS: Record<string, string> = {
  pricing: '/pricing', freeTier: '/pricing#free', useCases: '/use-cases', caseStudies: '/customers', compliance: '/trust', sla: '/sla',
  statusPage: '/status', changelog: '/changelog', roadmap: '/roadmap', deprecationPolicy: '/deprecation', support: '/support',
  sandbox: '/sandbox', gettingStarted: '/quickstart', apiKeys: '/keys', sdks: '/sdks', apiReference: '/reference', community: '/community',
  blog: '/blog', events: '/events', partners: '/partners', termsOfUse: '/terms', privacy: '/privacy', dataResidency: '/trust#residency',
  rateLimits: '/limits', webhooks: '/webhooks', authentication: '/auth', errors: '/errors', faq: '/faq',
};
const keyPage = (path: string, gated: boolean) => ({ url: `${O}${path}`, gated, gate: gated ? 'login-redirect' : 'open', status: 200, source: 'crawl' });

export function preparedPortal(certifications: string[] = ['ISO 27001', 'SOC 2', 'GDPR']): FactsByProbe {
  const businessTypes = Object.fromEntries(['Organization', 'WebSite', 'SearchAction', 'ContactPoint', 'WebAPI', 'APIReference', 'TechArticle',
    'SoftwareApplication', 'SoftwareSourceCode', 'Product', 'Offer', 'Service', 'FAQPage', 'HowTo', 'BreadcrumbList', 'Event'].map((t) => [t, true]));
  return {
    robots: ok({
      url: `${O}/robots.txt`, present: true, status: 200,
      aiAgents: agents(['GPTBot', 'training', 'none', 'GPTBot'], ['OAI-SearchBot', 'search', 'all'], ['ChatGPT-User', 'user', 'all'], ['Manus', 'other', 'all']),
      sitemaps: [`${O}/sitemap.xml`], contentSignals: [{ agent: '*', value: 'search=yes, ai-input=yes, ai-train=no', line: 3 }],
      blockedPurposes: {}, portalprobeAllowed: true, sizeBytes: 300, lintErrors: 0, checkedPaths: 40,
    }),
    sitemap: ok({
      url: `${O}/sitemap.xml`, present: true, urlCount: 240, errors: [], sitemaps: [], declaredInRobots: [`${O}/sitemap.xml`],
      lastmodCoverage: 1, newestLastmod: '2026-11-01', sameHostShare: 1, crawledPagesListed: 0.98, indexDepth: 0, urlCountCapped: false,
    }),
    'llms-txt': ok({
      url: `${O}/llms.txt`, present: true, valid: true, title: 'Dev', summary: 's', sectionCount: 5, linkCount: 40, optionalLinkCount: 5,
      links: [], checkedLinks: 40, brokenLinks: 0, brokenLinkUrls: [], sameSiteLinkShare: 1, mdLinkShare: 0.95, tokens: 2000, errors: [],
      fullUrl: `${O}/llms-full.txt`, fullPresent: true, fullTokens: 90_000, fullTruncated: false,
    }),
    openapi: ok({
      present: true, validCount: 1, operationCount: 40, qualityScore: 0.92, candidatesChecked: 3, candidates: [], gatedUrls: [],
      apiCatalog: { present: true }, apisJson: { present: true }, discoveredVia: { 'link-service-desc': 1 },
      documents: [{
        url: `${O}/openapi.json`, valid: true, errors: [], specification: 'OpenAPI', version: '3.1.0', operationCount: 40,
        foundVia: ['link-service-desc'], summaryShare: 1, descriptionShare: 0.95, operationIdShare: 1, exampleShare: 0.9, errorResponseShare: 0.95,
        securitySchemes: [{ name: 'oauth', type: 'oauth2' }],
        servers: [{ url: 'https://sandbox.api.dev.com', useful: true }, { url: 'https://api.dev.com', useful: true }],
      }],
    }),
    'structured-data': ok({
      types: Object.keys(businessTypes), invalidBlocks: 0, recoveredBlocks: 0, pagesChecked: 60, pagesWithStructuredData: 60, jsonLdBlocks: 80,
      syntaxes: { jsonLd: 60, microdata: 0, rdfa: 0 }, byType: {}, typePageCounts: {}, otherTypes: [], invalid: [], contextWarnings: 0,
      businessTypes,
      organization: { type: 'Organization', name: 'Dev Inc.', url: 'https://dev.com', logo: 'https://dev.com/logo.png', sameAs: ['https://github.com/dev'], foundOn: `${O}/` },
      webApi: { name: 'Dev API', documentation: `${O}/reference`, termsOfService: `${O}/terms`, provider: 'Dev Inc.', foundOn: `${O}/reference` },
      faqQuestions: 12, homeTypes: ['Organization', 'WebSite'], pages: [],
    }),
    indexability: ok({
      pagesChecked: 60, indexableShare: 1, noindexUrls: [], nofollowUrls: [], snippetRestrictedUrls: [], agentSpecificBlocks: [], robotsTxt: 'parsed',
      robotsTxtBlockedUrls: [], canonicalIssues: 0, canonicalProblems: [], canonicalTargets: { checked: 60, notCheckedRobots: 0, notCheckedLimit: 0 },
      hreflangIssues: [], pagesWithoutTitle: [], titleLengthIssues: [], duplicateTitles: [], pagesWithoutDescription: [], errorStatusUrls: [],
    }),
    gating: ok({
      gatedUrls: [`${O}/console`], loginWall: false, loginWallBecause: [], pages: [], gatedShare: 0.01, assessedPages: 60, gateCounts: {},
      keyPages: { docs: keyPage('/docs', false), reference: keyPage('/reference', false), pricing: keyPage('/pricing', false), sandbox: keyPage('/sandbox', false),
        specs: keyPage('/openapi.json', false), gettingStarted: keyPage('/quickstart', false), apiKeys: keyPage('/console', true) },
      gatedKeyPages: ['apiKeys'], loginUrls: [`${O}/login`], botBlockedUrls: [], keyPagesFetched: 0,
    }),
    rendering: ok({ mode: 'browser', jsOnlyUrls: [], pages: [{ url: `${O}/`, jsOnly: false }], renderedOnlyLinks: [], pagesRendered: 10, likelyShellUrls: [], renderErrors: 0 }),
    markdown: ok({
      negotiation: true, mdSiblings: true, pagesSampled: 4, sampledUrls: [], negotiatingUrls: [`${O}/a`, `${O}/b`, `${O}/c`, `${O}/d`], varyAcceptMissing: [],
      negotiationChecks: [], mdSiblingUrls: [], alternateLinks: [], notChecked: [],
      tokens: { pages: [], medianHtmlTokens: 3000, medianMainTokens: 1500, htmlOverheadRatio: 2 }, pageTokenLimit: 32000,
      oversizedUrls: [], oversizedHtmlUrls: [], oversizedTextUrls: [], llmsFullUrl: `${O}/llms-full.txt`, llmsFullTokens: 90_000,
      llmsFullTokenLimit: 128_000, llmsFullTooLarge: false, llmsFullTruncated: false,
    }),
    'agent-discovery': ok({
      apiCatalog: { present: true, url: `${O}/.well-known/api-catalog`, valid: true, linkCount: 3, apiCount: 1 },
      apisJson: { present: true, url: `${O}/apis.json`, valid: true, name: 'Dev', apiCount: 1, apis: [] },
      mcp: { present: true, url: `${O}/.well-known/mcp/server-card.json`, name: 'dev', version: '1', endpoint: 'https://mcp.dev.com', transport: 'http', toolCount: 12, checkedUrls: [], preStandard: true },
      aiPlugin: { present: false }, a2aAgentCard: { present: false },
      securityTxt: { present: true, url: `${O}/.well-known/security.txt`, legacyLocation: false, signed: false, fields: {}, missingRequired: [], expired: false, expires: '2027-01-01', expiresInDays: 200, contentType: 'text/plain' },
      openSearch: { present: true, url: `${O}/opensearch.xml`, valid: true, shortName: 'Dev', template: `${O}/search?q={searchTerms}`, declaredOn: `${O}/` },
      feeds: [{ url: `${O}/changelog.atom`, type: 'application/atom+xml', declaredOn: `${O}/changelog`, valid: true, format: 'atom', title: 'Changelog', entries: 30, newest: '2026-11-01', error: null }],
      contentSignals: [], contentSignalPreStandard: true, llmsTxt: { present: true }, notChecked: [], signalsFound: [], preStandardFound: [],
      authMetadata: { found: true, valid: true, protectedResource: false, documents: [], checked: [], linkedFromDocs: true, links: [], authorizationHosts: [], issuers: [O] },
    }),
    navigation: ok({
      pagesChecked: 60, searchUi: true, searchUiShare: 1, searchKinds: ['landmark'], breadcrumbs: true, breadcrumbShare: 0.9,
      openGraphShare: 1, ogImageShare: 1, twitterCardShare: 1,
    }),
    'business-surface': ok({
      pagesChecked: 60, linksChecked: 100, languages: ['en'],
      pages: Object.fromEntries(Object.entries(KINDS).map(([k, path]) => [k, kind(true, path)])),
      foundKinds: Object.keys(KINDS), missingKinds: [], gatedKinds: [], brokenKinds: [],
      sdkLanguages: ['Java', 'Python', 'JavaScript', 'Go'], sdkEvidence: [],
      certifications, certificationEvidence: certifications.map((name) => ({ name, url: `${O}/trust`, note: 'stated on the compliance page' })),
      communityChannels: { github: 'https://github.com/dev', forum: 'https://forum.dev.com', chat: 'https://discord.gg/dev', stackOverflow: null },
      supportChannels: { email: [{ value: 'help@dev.com', url: `${O}/support` }], form: [], phone: [{ value: '+1 555', url: `${O}/support` }], chat: [], helpCenter: [{ value: 'https://help.dev.com', url: `${O}/support` }] },
      pricingModel: [{ url: `${O}/pricing`, quote: '$0.01 per call', model: 'perCall' }],
      changelogNewestDate: '2026-11-01', changelogNewestAgeDays: 20, blogNewestDate: '2026-11-10', blogNewestAgeDays: 11,
      statusMachineReadable: { found: true, endpointsFound: 1, url: 'https://status.dev.com/api/v2/status.json', kind: 'statuspage-json', checked: [] },
    }),
  };
}

/** A portal with robots.txt and pages but none of what the rules look for. */
export function barePortal(): FactsByProbe {
  const good = preparedPortal();
  const bare: FactsByProbe = {
    robots: ok({ ...good.robots.facts, present: false, sitemaps: [], contentSignals: [], lintErrors: 0,
      aiAgents: agents(['GPTBot', 'training', 'none', '*'], ['OAI-SearchBot', 'search', 'none', '*'], ['ChatGPT-User', 'user', 'none', '*'], ['Manus', 'other', 'none', '*']),
      portalprobeAllowed: false }),
    sitemap: ok({ ...good.sitemap.facts, url: null, present: false, urlCount: 0, lastmodCoverage: null, crawledPagesListed: null }),
    'llms-txt': ok({ ...good['llms-txt'].facts, present: false, valid: false, sectionCount: 0, linkCount: 0, mdLinkShare: null, fullPresent: false, fullTokens: null }),
    openapi: ok({ ...good.openapi.facts, present: false, documents: [], validCount: 0, operationCount: 0, qualityScore: null }),
    'structured-data': ok({ ...good['structured-data'].facts, types: [], pagesWithStructuredData: 0, invalidBlocks: 0,
      businessTypes: Object.fromEntries(Object.keys(good['structured-data'].facts.businessTypes as object).map((t) => [t, false])),
      organization: null, webApi: null, faqQuestions: 0 }),
    indexability: ok({ ...good.indexability.facts, indexableShare: 0.5, canonicalIssues: 20, pagesWithoutTitle: Array.from({ length: 40 }, (_, i) => `${O}/${i}`),
      pagesWithoutDescription: Array.from({ length: 50 }, (_, i) => `${O}/${i}`), errorStatusUrls: Array.from({ length: 10 }, (_, i) => ({ url: `${O}/x${i}`, status: 404 })) }),
    gating: ok({ ...good.gating.facts, loginWall: true, loginWallBecause: ['start-page'], botBlockedUrls: [`${O}/`] }),
    rendering: ok({ ...good.rendering.facts, jsOnlyUrls: [`${O}/`], pages: [{ url: `${O}/`, jsOnly: true }] }),
    markdown: ok({ ...good.markdown.facts, negotiation: false, mdSiblings: false, negotiatingUrls: [], mdSiblingUrls: [], oversizedUrls: [`${O}/big`],
      tokens: { pages: [], medianHtmlTokens: 40000, medianMainTokens: 1000, htmlOverheadRatio: 40 }, llmsFullTokens: null }),
    'agent-discovery': ok({ ...good['agent-discovery'].facts,
      apiCatalog: { present: false, valid: false }, apisJson: { present: false, valid: false },
      mcp: { present: false, endpoint: null }, securityTxt: { present: false, missingRequired: ['contact', 'expires'], expired: false, legacyLocation: false },
      openSearch: { present: false, valid: false }, feeds: [],
      authMetadata: { ...(good['agent-discovery'].facts.authMetadata as object), found: false, valid: false } }),
    navigation: ok({ ...good.navigation.facts, searchUi: false, searchUiShare: 0, searchKinds: [], breadcrumbs: false, breadcrumbShare: 0,
      openGraphShare: 0, ogImageShare: 0, twitterCardShare: 0 }),
    'business-surface': ok({ ...good['business-surface'].facts,
      pages: Object.fromEntries(Object.keys(KINDS).map((k) => [k, kind(false, '')])), foundKinds: [], missingKinds: Object.keys(KINDS),
      sdkLanguages: [], certifications: [], certificationEvidence: [],
      communityChannels: { github: null, forum: null, chat: null, stackOverflow: null },
      supportChannels: { email: [], form: [], phone: [], chat: [], helpCenter: [] }, pricingModel: [],
      changelogNewestDate: '2024-01-01', changelogNewestAgeDays: 1000, blogNewestDate: null, blogNewestAgeDays: null,
      statusMachineReadable: { found: false, endpointsFound: 0, url: null, kind: null, checked: [] } }),
  };
  return bare;
}

/** One fit-check entry per question id, all answered (or none). */
export function fitCheckAll(ids: Iterable<string>, answerable: boolean): FitCheckEntry[] {
  return [...ids].map((id) => ({
    id, persona: 'buyer', question: id, answerable, answer: answerable ? 'yes' : '', confidence: answerable ? 1 : 0,
    citations: answerable ? [{ url: `${O}/page`, quote: 'a quote', verified: true }] : [],
    human: { clickDepth: 1 }, agent: { reachable: true, blockedBy: [] },
  }));
}
