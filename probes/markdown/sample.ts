// Which crawled pages the markdown probe checks: a bounded sample, start page first, then
// documentation pages (what agents read most), then the shallowest of the rest. Pure.
import type { Page, Snapshot } from '../../src/contract/index.js';
import { isHtmlPage } from '../../src/crawl/page-views.js';

/** Pages sampled at most: each costs up to 1 + MAX_SIBLING_CANDIDATES requests. */
export const MAX_SAMPLE = 15;

/** A path segment that names documentation (guides, references, tutorials…). */
const DOCS_SEGMENT = /^(?:docs?|documentation|guides?|reference|api|apis|api-reference|api-docs|developers?|tutorials?|quickstart|getting-started|learn|sdks?|manual|handbook|kb|help)(?:\.html?)?$/i;

export function isDocsUrl(url: string): boolean {
  try {
    return new URL(url).pathname.split('/').some((segment) => DOCS_SEGMENT.test(segment));
  } catch {
    return false;
  }
}

/** Up to `max` distinct HTML pages: the start page, docs pages, then the rest by click depth. */
export function samplePages(snapshot: Snapshot, max = MAX_SAMPLE): Page[] {
  const start = new Set([snapshot.startUrl, snapshot.finalUrl]);
  const rank = (page: Page): number => {
    if (start.has(page.url) || start.has(page.finalUrl)) return 0;
    if (isDocsUrl(page.finalUrl || page.url)) return 1;
    return 2;
  };
  const candidates = snapshot.pages
    .map((page, index) => ({ page, index }))
    .filter(({ page }) => isHtmlPage(page))
    .sort((a, b) =>
      rank(a.page) - rank(b.page)
      || (a.page.depth ?? Number.MAX_SAFE_INTEGER) - (b.page.depth ?? Number.MAX_SAFE_INTEGER)
      || a.index - b.index);
  const seen = new Set<string>();
  const out: Page[] = [];
  for (const { page } of candidates) {
    const key = page.finalUrl || page.url;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(page);
    if (out.length >= max) break;
  }
  return out;
}
