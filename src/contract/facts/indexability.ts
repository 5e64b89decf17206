// Facts of the `indexability` probe (probes/indexability/): can search and answer engines index each
// crawled page as itself (robots rules, canonical, hreflang, titles, descriptions, status).

export type CanonicalKind =
  | 'missing' | 'invalid' | 'relative' | 'conflict' | 'hreflang' | 'root' | 'cross-origin' | 'other-page'
  | 'target-error' | 'target-redirect' | 'target-noindex';

export type HreflangReason = 'language' | 'region' | 'relative' | 'missing-href';

export interface CanonicalProblemFact {
  url: string;
  kind: CanonicalKind;
  canonical?: string;
  candidates?: string[];
  /** The target's status, for target-error. */
  status?: number;
}

export interface IndexabilityFacts {
  /** Crawled 2xx HTML pages judged (one per final URL). */
  pagesChecked: number;
  /** Share of those pages that can be indexed as themselves: no noindex, not blocked by robots.txt, no canonical naming another URL. null when no page was checked. */
  indexableShare: number | null;
  /** Pages that tell every crawler noindex (meta robots or X-Robots-Tag: noindex, none, expired unavailable_after). */
  noindexUrls: string[];
  /** Pages that tell every crawler not to follow their links (nofollow, none). */
  nofollowUrls: string[];
  /** Pages that forbid text snippets for every crawler (nosnippet, max-snippet:0): answer engines cannot quote them. */
  snippetRestrictedUrls: Array<{ url: string; directives: string[] }>;
  /** Rules addressed to one crawler (meta name=googlebot/GPTBot…, X-Robots-Tag: agent: …) that withhold something. */
  agentSpecificBlocks: Array<{ url: string; agent: string; directives: string[]; blocksIndexing: boolean }>;
  /** How robots.txt was known: parsed (2xx), missing (4xx: no rules), unreachable (5xx/429: disallow all), not-checked (no response). */
  robotsTxt: 'parsed' | 'missing' | 'unreachable' | 'not-checked';
  /** Pages robots.txt closes to every search crawler Lighthouse checks (Googlebot, bingbot, DuckDuckBot, archive.org_bot, *). */
  robotsTxtBlockedUrls: string[];
  /** Pages with a canonical mistake (every kind except `missing` and `other-page`). */
  canonicalIssues: number;
  /** Every canonical observation, mistakes and notes (`missing`, `other-page`) alike. */
  canonicalProblems: CanonicalProblemFact[];
  /** Canonical targets whose status was learnt (crawled or fetched) / not fetched (robots.txt, or over maxLinkChecks). */
  canonicalTargets: { checked: number; notCheckedRobots: number; notCheckedLimit: number };
  hreflangIssues: Array<{ url: string; hreflang: string; href: string; source: 'head' | 'headers'; reasons: HreflangReason[]; suggestion?: string }>;
  pagesWithoutTitle: string[];
  titleLengthIssues: Array<{ url: string; length: number; kind: 'short' | 'long' }>;
  /** Titles shared by several pages (search engines cannot tell them apart). */
  duplicateTitles: Array<{ title: string; urls: string[] }>;
  pagesWithoutDescription: string[];
  /** Crawled URLs that answered 4xx or 5xx. */
  errorStatusUrls: Array<{ url: string; status: number }>;
}
