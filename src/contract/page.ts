// The Snapshot: everything the crawl gathered, once per audit, reduced to what probes and the
// fit-check need. DOMs are never kept; each page keeps its raw HTML (bounded) and the artifacts
// extracted from it in one parse.

export type DiscoveredVia = 'start' | 'link' | 'sitemap' | 'llms-txt' | 'rendered';

export interface MetaTag {
  name?: string;
  property?: string;
  httpEquiv?: string;
  content: string;
}

export interface LinkTag {
  rel: string;
  href: string;
  type?: string;
  hreflang?: string;
  title?: string;
}

export interface Anchor {
  /** Absolute URL (fragment removed). */
  href: string;
  text: string;
  rel?: string;
}

export interface Heading {
  level: number;
  text: string;
}

export interface FormSummary {
  action: string | null;
  method: string;
  hasPassword: boolean;
  inputTypes: string[];
  /** Visible text of the form (labels, buttons). */
  text: string;
}

export interface Section {
  /** The heading that opens the section ('' for text before the first heading). */
  heading: string;
  text: string;
}

/** One way-finding element seen on a page: what kind it is and how it looks in the markup. */
export interface NavigationSignal {
  /** Search: landmark, search-input, search-form, docsearch, algolia, coveo, elastic, google-cse. Breadcrumbs: aria-label, class, microdata. */
  kind: string;
  /** A CSS-like description of the element, e.g. `form[role="search"]`, `nav[aria-label="Breadcrumb"]`. */
  element: string;
}

/** Search UI and breadcrumb trails found among the visible elements (probes/navigation/elements.ts). */
export interface PageNavigation {
  search: NavigationSignal[];
  breadcrumbs: NavigationSignal[];
}

export interface PageTiming {
  /** ms since the audit started. */
  startedAt: number;
  ttfbMs: number;
  totalMs: number;
}

/**
 * What probes collect during the crawl's one walk over each page's DOM, by artifact name. The crawl
 * knows only these names and their empty values; the collectors come from the probes (probes/index.ts
 * PAGE_COLLECTORS) and are handed to the parser by the audit.
 */
export interface CollectedArtifacts {
  /** Search UI and breadcrumbs among the visible elements (probes/navigation/collector.ts). */
  navigation: PageNavigation;
}

/** What a page has when no collector ran for an artifact (fresh objects: pages never share lists). */
export function emptyCollected(): CollectedArtifacts {
  return { navigation: { search: [], breadcrumbs: [] } };
}

/** Sees one page's visible body elements, in document order, each with the form it sits in. */
export interface ElementVisitor<R> {
  visit(el: Element, tag: string, form: Element | null): void;
  result(): R;
}

/** A probe's part of the crawl's DOM walk. */
export interface PageCollector<K extends keyof CollectedArtifacts = keyof CollectedArtifacts> {
  artifact: K;
  /** The module whose default export this collector is: a parse worker thread loads it from there. */
  module: string;
  /** A visitor for one page; the raw HTML lets it skip checks that cannot match. */
  start(html: string): ElementVisitor<CollectedArtifacts[K]>;
}

/** What one parse of a page's HTML yields (src/crawl/parse-page.ts). */
export interface PageArtifacts extends CollectedArtifacts {
  lang: string | null;
  title: string | null;
  /** Main content text per @mozilla/readability ('' when it found none). */
  mainText: string;
  /** Main content split by headings (for retrieval). */
  sections: Section[];
  /** All visible body text: hidden elements, <template>, <script>, <style> and comments removed. */
  visibleText: string;
  meta: MetaTag[];
  linkTags: LinkTag[];
  anchors: Anchor[];
  headings: Heading[];
  forms: FormSummary[];
  /** Raw contents of <script type="application/ld+json"> blocks. */
  jsonLd: string[];
  scripts: { count: number; inlineBytes: number; external: string[] };
  noscriptText: string;
  /** Text length of the raw body before readability (after removing scripts/styles). */
  rawTextLength: number;
  /** Set when hostile markup had to be simplified before parsing. */
  parseNote?: string;
}

export interface Page extends PageArtifacts {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  /** Click depth from the start page over the links the crawl saw (0 for it); null when no crawled page links here. */
  depth: number | null;
  /** How the crawl first found this URL. */
  via: DiscoveredVia;
  /** The page that linked here first, when known. */
  referrer: string | null;
  redirects: string[];
  bytes: number;
  timing: PageTiming;
  /** Set when the fetch failed without a response (status 0). */
  error?: { code: string; message: string };
  /** Raw HTML (bounded by the body limit); empty for non-HTML resources. */
  html: string;
  truncated: boolean;
}

export interface Snapshot {
  startUrl: string;
  finalUrl: string;
  /** Origin of finalUrl; the crawl stays on it (and on the start URL's origin). */
  origin: string;
  startedAt: string;
  finishedAt: string;
  pages: Page[];
  /** URLs the crawl did not fetch because robots.txt disallows them for portalprobe. */
  skippedByRobots: string[];
  robotsPolicy: 'respected' | 'ignored';
  /** URLs found but not fetched because maxPages or maxDepth was reached. */
  notFetched: number;
  requests: number;
  bytesFetched: number;
}
