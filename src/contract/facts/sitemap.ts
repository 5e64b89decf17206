// Facts of the `sitemap` probe (probes/sitemap/): the sitemaps found and how well they cover the site
// (https://www.sitemaps.org/protocol.html).

export type SitemapKind = 'urlset' | 'index' | 'invalid';

export interface SitemapSummary {
  url: string;
  status: number;
  kind: SitemapKind;
  urlCount: number;
  /** Messages of the sitemap's errors. */
  errors: string[];
  depth: number;
  parent: string | null;
}

export interface SitemapError {
  /** The sitemap file the error is about. */
  url: string;
  code: string;
  message: string;
}

/** A type alias, not an interface: it is then assignable to Record<string, unknown> (report.json `probes[].facts`). */
export type SitemapFacts = {
  /** The first sitemap found (declared ones first); null when none. */
  url: string | null;
  present: boolean;
  /** Distinct URLs listed across all urlsets read. */
  urlCount: number;
  errors: SitemapError[];
  sitemaps: SitemapSummary[];
  /** Sitemap URLs declared in robots.txt. */
  declaredInRobots: string[];
  /** Share of listed URLs with a valid <lastmod>; null when no URL is listed. */
  lastmodCoverage: number | null;
  newestLastmod: string | null;
  /** Whole days from newestLastmod to the audit start (Snapshot.startedAt); 0 when it is later; null without a lastmod. */
  newestLastmodAgeDays: number | null;
  /** Share of listed URLs on the audited origin's host; null when no URL is listed. */
  sameHostShare: number | null;
  /** Share of the crawl's 2xx HTML pages that a sitemap lists; null when the crawl has none. */
  crawledPagesListed: number | null;
  /**
   * The crawled HTML pages the sitemaps list, each URL as listed (a page's requested or final URL),
   * in crawl order; empty without a sitemap. Bounded by the crawl, not by the sitemaps' size.
   */
  listedPageUrls: string[];
  /** Index levels: 0 without an index, 1 for index → urlsets, 2 for a nested index. */
  indexDepth: number;
  /** True when the URL cap stopped the walk (counts cover the first MAX_URLS). */
  urlCountCapped: boolean;
};
