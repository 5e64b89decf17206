// A crawled Page as the FetchResult a render serves for its navigation, so rendering a page the
// crawl already holds costs no new request for the HTML (probe rule: never re-fetch a page the
// snapshot holds). The crawl keeps the HTML decoded, so it is served as UTF-8 — the HTTP charset
// outranks any <meta charset> in the page (WHATWG HTML, "determining the character encoding").
import type { Page } from '../contract/index.js';
import type { FetchResult } from '../fetch/types.js';

export function pageDocument(page: Page): FetchResult {
  const body = Buffer.from(page.html, 'utf8');
  const headers: Record<string, string> = { ...page.headers, 'content-type': 'text/html; charset=utf-8' };
  return {
    url: page.url,
    finalUrl: page.finalUrl,
    status: page.status,
    headers,
    body,
    truncated: page.truncated,
    redirects: page.redirects,
    bytes: page.bytes,
    durationMs: page.timing.totalMs,
    ttfbMs: page.timing.ttfbMs,
  };
}
