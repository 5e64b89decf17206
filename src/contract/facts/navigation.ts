// Facts of the `navigation` probe (probes/navigation/): on-site search, breadcrumb trails and link
// previews (Open Graph, Twitter cards) across the crawled pages.

export interface LinkPreview {
  ogTitle: string | null;
  ogDescription: string | null;
  ogImage: string | null;
  ogType: string | null;
  ogUrl: string | null;
  twitterCard: string | null;
}

export interface SignalExample {
  url: string;
  kind: string;
  element: string;
}

export interface HomePreview extends LinkPreview {
  url: string;
  title: string | null;
}

/** Facts of the navigation probe (see probes/navigation/index.ts). */
export type NavigationFacts = {
  /** Successful HTML pages read. */
  pagesChecked: number;
  /** At least one page offers a search UI. */
  searchUi: boolean;
  /** Share of pages with a search UI (0..1; null when no page was checked). */
  searchUiShare: number | null;
  searchUiPages: number;
  /** Kinds of search UI seen (landmark, search-input, search-form, docsearch, algolia, coveo, elastic, google-cse), sorted. */
  searchKinds: string[];
  /** Kind → pages where it was seen. */
  searchKindPages: Record<string, number>;
  searchExamples: SignalExample[];
  /** Pages without a search UI (first LIST_LIMITS.missing). */
  pagesWithoutSearch: string[];
  /** At least one page has a breadcrumb trail. */
  breadcrumbs: boolean;
  breadcrumbShare: number | null;
  breadcrumbPages: number;
  /** Kinds of breadcrumb seen (aria-label, class, microdata, json-ld), sorted. */
  breadcrumbKinds: string[];
  breadcrumbKindPages: Record<string, number>;
  breadcrumbExamples: SignalExample[];
  /** Pages with a schema.org BreadcrumbList (JSON-LD or microdata). */
  breadcrumbListPages: number;
  /** Deepest pages (by click depth) without a breadcrumb, where one helps most (first LIST_LIMITS.missing). */
  pagesWithoutBreadcrumbs: string[];
  /** Share of pages with both og:title and og:description. */
  openGraphShare: number | null;
  openGraphPages: number;
  /** Share of pages with og:image. */
  ogImageShare: number | null;
  ogImagePages: number;
  /** Share of pages with a twitter:card. */
  twitterCardShare: number | null;
  /** twitter:card value → pages (summary, summary_large_image …). */
  twitterCardTypes: Record<string, number>;
  /** Pages missing og:title or og:description (first LIST_LIMITS.missing). */
  pagesMissingOpenGraph: string[];
  pagesMissingOgImage: string[];
  /** Pages whose og:image is not an absolute http(s) URL, as ogp.me requires (first LIST_LIMITS.missing). */
  ogImageNotAbsolute: string[];
  /** The start page's preview, when it was among the pages. */
  homePreview: HomePreview | null;
};
