// The probe ids and top-level fact names the model may refer to, one list per probe in probes/.
// The validator rejects a `fact` rule or a check's `uses` that names anything else, so a typo in the
// model data fails at load instead of silently scoring "unknown".
//
// Each list is checked at compile time against the probe's Facts type in src/contract/facts/
// (`factNames`): a name the type lacks, or a key of the type the list forgets, is a type error, and
// so is a probe id without a list. So when a probe gains, renames or drops a fact, `tsc` points here.
// The model depends on the contract only, never on the probes' code.
import type { AgentDiscoveryFacts, BusinessSurfaceFacts, GatingFacts, IndexabilityFacts, LlmsTxtFacts, MarkdownFacts, NavigationFacts, OpenapiFacts, ProbeId, RenderingFacts, RobotsFacts, SitemapFacts, StructuredDataFacts } from '../contract/index.js';

/** `never` unless `L` lists every key of `T` (keys outside `T` are refused by the parameter type). */
type AllKeysOf<T, L extends readonly string[]> = [Exclude<keyof T, L[number]>] extends [never] ? L : never;

/** The top-level fact names of a probe's Facts type, proven complete and correct by the compiler. */
function factNames<T>() {
  return <const L extends readonly (keyof T & string)[]>(names: L & AllKeysOf<T, L>): readonly string[] => names;
}

/** Top-level fact names per probe id. */
export const KNOWN_PROBE_FACTS: Readonly<Record<string, readonly string[]>> = ({
  robots: factNames<RobotsFacts>()([
    'url', 'present', 'status', 'aiAgents', 'sitemaps', 'contentSignals', 'blockedPurposes', 'portalprobeAllowed', 'sizeBytes',
    'lintErrors', 'checkedPaths',
  ]),
  sitemap: factNames<SitemapFacts>()([
    'url', 'present', 'urlCount', 'errors', 'sitemaps', 'declaredInRobots', 'lastmodCoverage', 'newestLastmod', 'newestLastmodAgeDays', 'sameHostShare',
    'crawledPagesListed', 'listedPageUrls', 'indexDepth', 'urlCountCapped',
  ]),
  'llms-txt': factNames<LlmsTxtFacts>()([
    'url', 'present', 'valid', 'title', 'summary', 'sectionCount', 'linkCount', 'optionalLinkCount', 'links', 'checkedLinks',
    'brokenLinks', 'brokenLinkUrls', 'sameSiteLinkShare', 'mdLinkShare', 'tokens', 'errors', 'fullUrl', 'fullPresent', 'fullTokens',
    'fullTruncated',
  ]),
  openapi: factNames<OpenapiFacts>()([
    'present', 'documents', 'validCount', 'operationCount', 'qualityScore', 'candidatesChecked', 'candidates', 'gatedUrls',
    'discoveredVia', 'rateLimits', 'deprecation',
  ]),
  'structured-data': factNames<StructuredDataFacts>()([
    'types', 'invalidBlocks', 'recoveredBlocks', 'pagesChecked', 'pagesWithStructuredData', 'jsonLdBlocks', 'syntaxes', 'byType',
    'typePageCounts', 'otherTypes', 'invalid', 'contextWarnings', 'businessTypes', 'organization', 'webApi', 'faqQuestions',
    'homeTypes', 'pages',
  ]),
  indexability: factNames<IndexabilityFacts>()([
    'pagesChecked', 'indexableShare', 'noindexUrls', 'nofollowUrls', 'snippetRestrictedUrls', 'agentSpecificBlocks', 'robotsTxt',
    'robotsTxtBlockedUrls', 'canonicalIssues', 'canonicalProblems', 'canonicalTargets', 'hreflangIssues', 'pagesWithoutTitle',
    'titleLengthIssues', 'duplicateTitles', 'pagesWithoutDescription', 'errorStatusUrls',
  ]),
  gating: factNames<GatingFacts>()([
    'gatedUrls', 'loginWall', 'loginWallBecause', 'pages', 'gatedShare', 'assessedPages', 'gateCounts', 'keyPages', 'gatedKeyPages',
    'loginUrls', 'botBlockedUrls', 'keyPagesFetched',
  ]),
  rendering: factNames<RenderingFacts>()([
    'mode', 'jsOnlyUrls', 'pages', 'renderedOnlyLinks', 'pagesRendered', 'likelyShellUrls', 'browserUnavailableReason', 'renderErrors',
  ]),
  markdown: factNames<MarkdownFacts>()([
    'negotiation', 'mdSiblings', 'pagesSampled', 'sampledUrls', 'negotiatingUrls', 'varyAcceptMissing', 'negotiationChecks',
    'mdSiblingUrls', 'alternateLinks', 'notChecked', 'tokens', 'pageTokenLimit', 'oversizedUrls', 'oversizedHtmlUrls',
    'oversizedTextUrls', 'llmsFullUrl', 'llmsFullTokens', 'llmsFullTokenLimit', 'llmsFullTooLarge', 'llmsFullTruncated',
  ]),
  'agent-discovery': factNames<AgentDiscoveryFacts>()([
    'apiCatalog', 'apisJson', 'mcp', 'aiPlugin', 'a2aAgentCard', 'securityTxt', 'openSearch', 'feeds', 'newestFeedAgeDays', 'contentSignals',
    'contentSignalPreStandard', 'llmsTxt', 'authMetadata', 'notChecked', 'signalsFound', 'preStandardFound',
  ]),
  'business-surface': factNames<BusinessSurfaceFacts>()([
    'pagesChecked', 'linksChecked', 'languages', 'pages', 'foundKinds', 'missingKinds', 'gatedKinds', 'brokenKinds', 'sdkLanguages',
    'sdkEvidence', 'certifications', 'certificationEvidence', 'communityChannels', 'supportChannels', 'pricingModel',
    'changelogNewestDate', 'changelogNewestAgeDays', 'blogNewestDate', 'blogNewestAgeDays', 'dateQuotes', 'statusMachineReadable',
  ]),
  navigation: factNames<NavigationFacts>()([
    'pagesChecked', 'searchUi', 'searchUiShare', 'searchUiPages', 'searchKinds', 'searchKindPages', 'searchExamples',
    'pagesWithoutSearch', 'breadcrumbs', 'breadcrumbShare', 'breadcrumbPages', 'breadcrumbKinds', 'breadcrumbKindPages',
    'breadcrumbExamples', 'breadcrumbListPages', 'pagesWithoutBreadcrumbs', 'openGraphShare', 'openGraphPages', 'ogImageShare',
    'ogImagePages', 'twitterCardShare', 'twitterCardTypes', 'pagesMissingOpenGraph', 'pagesMissingOgImage', 'ogImageNotAbsolute',
    'homePreview',
  ]),
}) satisfies Record<ProbeId, readonly string[]>;

export const KNOWN_PROBES: readonly string[] = Object.keys(KNOWN_PROBE_FACTS);

/** Problem text when `probe.fact` (a dotted path) names an unknown probe or fact; undefined if fine. */
export function factPathProblem(probe: string, factPath: string): string | undefined {
  if (!Object.hasOwn(KNOWN_PROBE_FACTS, probe)) return `unknown probe "${probe}" (known: ${KNOWN_PROBES.join(', ')})`;
  const segments = factPath.split('.');
  if (factPath === '' || segments.some((s) => s === '')) return `fact path "${factPath}" is empty or has an empty segment`;
  if (segments.some((s) => s === '__proto__' || s === 'constructor' || s === 'prototype')) {
    return `fact path "${factPath}" uses a reserved name`;
  }
  const known = KNOWN_PROBE_FACTS[probe];
  if (!known.includes(segments[0])) return `probe "${probe}" has no fact "${segments[0]}" (known: ${known.join(', ')})`;
  return undefined;
}
