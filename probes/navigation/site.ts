// Site-wide navigation facts from the per-page read-outs (page.ts): how many pages offer search
// and breadcrumbs, which kinds, and how pages preview when shared or cited (Open Graph, Twitter
// cards). Pure: the probe passes in the HTML pages.
import type { HomePreview, NavigationFacts, Page, SignalExample } from '../../src/contract/index.js';
import { pageWayfinding } from './page.js';

/** Bounds on the example lists (counts and shares stay exact). */
export const LIST_LIMITS = { examples: 5, missing: 10 } as const;

const share = (n: number, total: number): number | null => (total === 0 ? null : Math.round((n / total) * 1000) / 1000);
const pageUrl = (page: Page): string => page.finalUrl || page.url;

function count(map: Record<string, number>, kinds: Iterable<string>): void {
  for (const kind of new Set(kinds)) map[kind] = (map[kind] ?? 0) + 1;
}

function sortedKeys(map: Record<string, number>): string[] {
  return Object.keys(map).sort();
}

/** One example per kind first (so every kind seen is shown), then more of the same. */
function pickExamples(all: SignalExample[]): SignalExample[] {
  const firstOfKind = new Map<string, SignalExample>();
  for (const e of all) if (!firstOfKind.has(e.kind)) firstOfKind.set(e.kind, e);
  const picked = [...firstOfKind.values()].slice(0, LIST_LIMITS.examples);
  for (const e of all) {
    if (picked.length >= LIST_LIMITS.examples) break;
    if (!picked.includes(e)) picked.push(e);
  }
  return picked;
}

function isAbsoluteHttp(url: string): boolean {
  return /^https?:\/\/[^/\s]/i.test(url);
}

export function summarizeNavigation(pages: readonly Page[], startUrls: readonly string[] = []): NavigationFacts {
  const searchKindPages: Record<string, number> = {};
  const breadcrumbKindPages: Record<string, number> = {};
  const twitterCardTypes: Record<string, number> = {};
  const searchAll: SignalExample[] = [];
  const breadcrumbAll: SignalExample[] = [];
  const withoutSearch: string[] = [];
  const withoutBreadcrumbs: Page[] = [];
  const missingOg: string[] = [];
  const missingImage: string[] = [];
  const imageNotAbsolute: string[] = [];
  let searchPages = 0;
  let breadcrumbPages = 0;
  let breadcrumbListPages = 0;
  let ogPages = 0;
  let imagePages = 0;
  let cardPages = 0;
  let homePreview: HomePreview | null = null;
  const start = new Set(startUrls);

  for (const page of pages) {
    const url = pageUrl(page);
    const w = pageWayfinding(page);
    if (w.search.length > 0) {
      searchPages++;
      count(searchKindPages, w.search.map((s) => s.kind));
      if (searchAll.length < 200) searchAll.push(...w.search.map((s) => ({ url, ...s })));
    } else withoutSearch.push(url);
    if (w.breadcrumbs.length > 0) {
      breadcrumbPages++;
      count(breadcrumbKindPages, w.breadcrumbs.map((s) => s.kind));
      if (w.breadcrumbs.some((b) => b.kind === 'json-ld' || b.kind === 'microdata')) breadcrumbListPages++;
      if (breadcrumbAll.length < 200) breadcrumbAll.push(...w.breadcrumbs.map((s) => ({ url, ...s })));
    } else withoutBreadcrumbs.push(page);
    const p = w.preview;
    if (p.ogTitle && p.ogDescription) ogPages++;
    else missingOg.push(url);
    if (p.ogImage) {
      imagePages++;
      if (!isAbsoluteHttp(p.ogImage)) imageNotAbsolute.push(url);
    } else missingImage.push(url);
    if (p.twitterCard) {
      cardPages++;
      twitterCardTypes[p.twitterCard] = (twitterCardTypes[p.twitterCard] ?? 0) + 1;
    }
    if (!homePreview && (start.has(page.url) || start.has(url))) homePreview = { url, title: page.title, ...p };
  }

  const n = pages.length;
  const deepestFirst = [...withoutBreadcrumbs].sort((a, b) => (b.depth ?? -1) - (a.depth ?? -1));
  return {
    pagesChecked: n,
    searchUi: searchPages > 0,
    searchUiShare: share(searchPages, n),
    searchUiPages: searchPages,
    searchKinds: sortedKeys(searchKindPages),
    searchKindPages,
    searchExamples: pickExamples(searchAll),
    pagesWithoutSearch: withoutSearch.slice(0, LIST_LIMITS.missing),
    breadcrumbs: breadcrumbPages > 0,
    breadcrumbShare: share(breadcrumbPages, n),
    breadcrumbPages,
    breadcrumbKinds: sortedKeys(breadcrumbKindPages),
    breadcrumbKindPages,
    breadcrumbExamples: pickExamples(breadcrumbAll),
    breadcrumbListPages,
    pagesWithoutBreadcrumbs: deepestFirst.slice(0, LIST_LIMITS.missing).map(pageUrl),
    openGraphShare: share(ogPages, n),
    openGraphPages: ogPages,
    ogImageShare: share(imagePages, n),
    ogImagePages: imagePages,
    twitterCardShare: share(cardPages, n),
    twitterCardTypes,
    pagesMissingOpenGraph: missingOg.slice(0, LIST_LIMITS.missing),
    pagesMissingOgImage: missingImage.slice(0, LIST_LIMITS.missing),
    ogImageNotAbsolute: imageNotAbsolute.slice(0, LIST_LIMITS.missing),
    homePreview,
  };
}
