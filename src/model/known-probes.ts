// The probe ids and top-level fact names the model may refer to (../../shared/DESIGN.md §3 and the
// work items that add probes). The validator rejects a `fact` rule or a check's `uses` that names
// anything else, so a typo in the model data fails at load instead of silently scoring "unknown".
// When a probe gains a fact, add it here in the same change.

/** Top-level fact names per probe id; `null` means the probe's facts are not fixed yet (any name). */
export const KNOWN_PROBE_FACTS: Readonly<Record<string, readonly string[] | null>> = {
  robots: ['url', 'present', 'aiAgents', 'sitemaps', 'portalprobeAllowed', 'contentSignals'],
  sitemap: ['url', 'present', 'urlCount', 'errors', 'lastmodCoverage', 'crawledPagesListed'],
  'llms-txt': ['url', 'present', 'valid', 'title', 'sectionCount', 'linkCount', 'brokenLinks', 'fullPresent', 'fullTokens'],
  openapi: ['present', 'documents', 'validCount', 'operationCount', 'qualityScore', 'candidatesChecked', 'candidates', 'gatedUrls', 'apiCatalog', 'apisJson', 'discoveredVia'],
  'structured-data': ['types', 'invalidBlocks', 'recoveredBlocks', 'pagesChecked', 'pagesWithStructuredData', 'jsonLdBlocks', 'syntaxes', 'byType', 'typePageCounts', 'otherTypes', 'invalid', 'contextWarnings', 'businessTypes', 'organization', 'webApi', 'faqQuestions', 'homeTypes', 'pages'],
  indexability: ['pagesChecked', 'indexableShare', 'noindexUrls', 'nofollowUrls', 'snippetRestrictedUrls', 'agentSpecificBlocks', 'robotsTxtBlockedUrls', 'canonicalIssues', 'canonicalProblems', 'hreflangIssues', 'pagesWithoutTitle', 'titleLengthIssues', 'duplicateTitles', 'pagesWithoutDescription', 'errorStatusUrls'],
  gating: null,
  rendering: null,
  markdown: ['negotiation', 'mdSiblings'],
  'agent-discovery': null,
  'business-surface': null,
};

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
  if (known && !known.includes(segments[0])) return `probe "${probe}" has no fact "${segments[0]}" (known: ${known.join(', ')})`;
  return undefined;
}
