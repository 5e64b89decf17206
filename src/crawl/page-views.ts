// Views of the Snapshot that several probes need, each computed once per Snapshot and shared (as
// Lighthouse's computed artifacts are): which pages are HTML pages, and the pages by URL. Probes
// read these instead of deriving their own, so they agree on what they count.
import type { Page, Snapshot } from '../contract/index.js';

/** A Content-Type that says HTML, or none at all (the crawl sniffs untyped bodies). */
export function isHtmlType(contentType: string | null | undefined): boolean {
  return !contentType || /html/i.test(contentType);
}

/**
 * A page the crawl read as HTML: it answered 2xx without a fetch error, is labelled HTML (or not
 * labelled) and has a body. Redirected pages count once per final URL in htmlPages().
 */
export function isHtmlPage(page: Page): boolean {
  return page.status >= 200 && page.status < 300 && !page.error && isHtmlType(page.contentType) && page.html !== '';
}

/** Index of pages by requested and final URL (the first page wins for each URL). */
export function pageIndex(pages: readonly Page[]): Map<string, Page> {
  const index = new Map<string, Page>();
  for (const page of pages) {
    if (!index.has(page.url)) index.set(page.url, page);
    if (page.finalUrl && !index.has(page.finalUrl)) index.set(page.finalUrl, page);
  }
  return index;
}

interface Views {
  htmlPages?: readonly Page[];
  byUrl?: ReadonlyMap<string, Page>;
}

// A Snapshot is never changed once the crawl returns it, so its views can be kept beside it.
const views = new WeakMap<Snapshot, Views>();

function viewsOf(snapshot: Snapshot): Views {
  let v = views.get(snapshot);
  if (!v) {
    v = {};
    views.set(snapshot, v);
  }
  return v;
}

/** The HTML pages (isHtmlPage), once per final URL, in crawl order. */
export function htmlPages(snapshot: Snapshot): readonly Page[] {
  const v = viewsOf(snapshot);
  if (!v.htmlPages) {
    const seen = new Set<string>();
    v.htmlPages = snapshot.pages.filter((p) => {
      const url = p.finalUrl || p.url;
      if (!isHtmlPage(p) || seen.has(url)) return false;
      seen.add(url);
      return true;
    });
  }
  return v.htmlPages;
}

/** Every crawled page by requested and final URL. */
export function pagesByUrl(snapshot: Snapshot): ReadonlyMap<string, Page> {
  const v = viewsOf(snapshot);
  v.byUrl ??= pageIndex(snapshot.pages);
  return v.byUrl;
}
