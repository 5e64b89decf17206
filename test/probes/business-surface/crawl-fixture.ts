// Test helper: a tiny breadth-first crawl of a fixture portal served on 127.0.0.1, with the real
// HTTP client (createAuditFetch(createHttpClient({ allowPrivate: true }))) and the crawl's own page
// parser (makePage), so the business-surface probe sees pages as an audit would record them.
import type { Page, Snapshot } from '../../../src/contract/index.js';
import { createAuditFetch, type AuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import { decodeBody } from '../../../src/fetch/decode.js';
import { makePage, makeSnapshot } from '../../helpers/probe-context.js';

export interface FixtureCrawl {
  snapshot: Snapshot;
  fetch: AuditFetch;
}

/** Crawls same-origin links from `${origin}/` (at most maxPages pages, no robots.txt). */
export async function crawlFixture(origin: string, maxPages = 60): Promise<FixtureCrawl> {
  const fetch = createAuditFetch(createHttpClient({ allowPrivate: true, maxRetries: 0 }));
  const queue = [`${origin}/`];
  const seen = new Set(queue);
  const pages: Page[] = [];
  while (queue.length > 0 && pages.length < maxPages) {
    const url = queue.shift()!;
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    const type = res.headers['content-type'] ?? '';
    const html = /html/i.test(type) ? decodeBody(res.body, type) : '';
    const page = makePage({ url, html, status: res.status, headers: res.headers, finalUrl: res.finalUrl, redirects: res.redirects });
    if (!/html/i.test(type)) page.contentType = type || null;
    pages.push(page);
    for (const a of page.anchors) {
      const next = new URL(a.href);
      next.hash = '';
      if (next.origin !== origin || seen.has(next.href)) continue;
      seen.add(next.href);
      queue.push(next.href);
    }
  }
  return { snapshot: makeSnapshot(origin, pages), fetch };
}
