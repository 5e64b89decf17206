// The crawl with failed fetches that carry a redirect chain (finalUrl = the URL that failed): the
// start page failing is still PP_ERR_TARGET_UNAUDITABLE, and a failed page's finalUrl neither
// becomes the audit's finalUrl/origin nor takes another page's place in the click-depth graph.
import { describe, expect, it } from 'vitest';
import { crawl, type AuditFetch } from '../../src/crawl/crawler.js';
import { createPageParser } from '../../src/crawl/parse-pool.js';
import type { FetchResult } from '../../src/fetch/types.js';

const O = 'https://developer.bank.example';

function ok(url: string, body: string): FetchResult {
  const buf = Buffer.from(`<!doctype html><html><head><title>${url}</title></head><body>${body}</body></html>`);
  return { url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html' }, body: buf, truncated: false, redirects: [], bytes: buf.length, durationMs: 1, ttfbMs: 1 };
}

function failed(url: string, redirects: string[], finalUrl: string, code: string): FetchResult {
  return {
    url, finalUrl, status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, redirects, bytes: 0, durationMs: 1, ttfbMs: 0,
    error: { code: code as never, message: `${code} at ${finalUrl}` },
  };
}

function fakeFetch(responses: Record<string, FetchResult>, delays: Record<string, number> = {}): AuditFetch {
  return async (url) => {
    if (delays[url]) await new Promise((r) => setTimeout(r, delays[url]));
    return responses[url] ?? failed(url, [], url, 'PP_ERR_CONNECTION');
  };
}

describe('crawl with failed redirect chains', () => {
  it('a start page sent to a login host that times out is still unauditable', async () => {
    const fetch = fakeFetch({ [`${O}/`]: failed(`${O}/`, [`${O}/`], 'https://sso.bank.example/login', 'PP_ERR_TIMEOUT') });
    const err = await crawl(`${O}/`, { fetch, parser: createPageParser(0), robotsPolicy: 'respected' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PP_ERR_TARGET_UNAUDITABLE', details: { url: `${O}/`, reason: 'PP_ERR_TIMEOUT' } });
  });

  it('keeps a failed page with its chain, and its finalUrl does not shadow a crawled page in click depths', async () => {
    // /docs redirected to /deep and timed out there; /deep itself, reached via /about, answered.
    const fetch = fakeFetch(
      {
        [`${O}/`]: ok(`${O}/`, '<a href="/docs">Docs</a> <a href="/about">About</a>'),
        [`${O}/about`]: ok(`${O}/about`, '<a href="/deep">Deep</a>'),
        [`${O}/deep`]: ok(`${O}/deep`, '<p>deep</p>'),
        [`${O}/docs`]: failed(`${O}/docs`, [`${O}/docs`], `${O}/deep`, 'PP_ERR_TIMEOUT'),
      },
      // The failed page is recorded last, where it would overwrite /deep in the link graph.
      { [`${O}/docs`]: 40 },
    );
    const snapshot = await crawl(`${O}/`, { fetch, parser: createPageParser(0), robotsPolicy: 'respected' }, { concurrency: 4 });
    expect(snapshot.finalUrl).toBe(`${O}/`);
    expect(snapshot.origin).toBe(O);
    const byUrl = new Map(snapshot.pages.map((p) => [p.url, p]));
    expect(snapshot.pages.at(-1)?.url).toBe(`${O}/docs`);
    expect(byUrl.get(`${O}/docs`)).toMatchObject({ status: 0, finalUrl: `${O}/deep`, redirects: [`${O}/docs`], error: { code: 'PP_ERR_TIMEOUT' }, depth: 1 });
    expect(byUrl.get(`${O}/deep`)).toMatchObject({ status: 200, depth: 2 });
  });
});
