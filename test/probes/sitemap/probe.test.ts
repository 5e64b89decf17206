// Integration: the sitemap probe against a real node:http server on 127.0.0.1 — robots.txt names an
// index, the index lists two urlsets (one gzipped), the default locations are a 404 and a soft 404.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchRequest, FetchResult } from '../../../src/fetch/types.js';
import type { ProbeContext } from '../../../src/contract/index.js';
import sitemapProbe from '../../../probes/sitemap/index.js';
import { startServer, type TestServer } from '../../fetch/test-server.js';
import { contextOf, makePage, makeSnapshot } from '../../helpers/probe-context.js';

/**
 * ctx.fetch for tests: node's fetch against 127.0.0.1, answers shaped like FetchResult, never throws.
 * One retry on a network error: on a busy machine a kept-alive socket can be closed by the server
 * just as it is reused ("other side closed"), which says nothing about the probe.
 */
async function httpFetch(url: string, request: FetchRequest = {}, retried = false): Promise<FetchResult> {
  try {
    const res = await fetch(url, { method: request.method ?? 'GET', headers: request.headers });
    const body = Buffer.from(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => { headers[name] = value; });
    return { url, finalUrl: res.url || url, status: res.status, headers, body, truncated: false, redirects: [], bytes: body.length, durationMs: 1, ttfbMs: 1 };
  } catch (err) {
    if (!retried) return httpFetch(url, request, true);
    return {
      url, finalUrl: url, status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, redirects: [], bytes: 0, durationMs: 1, ttfbMs: 0,
      error: { code: 'PP_ERR_CONNECTION', message: err instanceof Error ? err.message : String(err) },
    };
  }
}

function context(origin: string, paths: string[]): ProbeContext {
  const pages = paths.map((p) => makePage({ url: `${origin}${p}`, html: `<html><body><h1>${p}</h1></body></html>` }));
  // One non-HTML page: it is not a page a sitemap should list, so it does not count.
  pages.push(makePage({ url: `${origin}/logo.png`, headers: { 'content-type': 'image/png' } }));
  return contextOf({
    snapshot: makeSnapshot(origin, pages),
    fetch: httpFetch,
    signal: new AbortController().signal,
    options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
  });
}

const urlset = (entries: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</urlset>`;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(routes: (origin: string) => Record<string, { status?: number; type: string; body: string | Buffer }>): Promise<TestServer> {
  let table: ReturnType<typeof routes> = {};
  server = await startServer((req, res) => {
    const route = table[req.url ?? ''];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type }).end(route.body);
  });
  table = routes(server.origin);
  return server;
}

const countOf = (s: TestServer, path: string) => s.requests.filter((r) => r.url === path).length;

describe('sitemap probe', () => {
  it('follows robots.txt → index → urlsets (one gzipped) and summarises them', async () => {
    const s = await serve((o) => ({
      '/robots.txt': { type: 'text/plain', body: `User-agent: *\nAllow: /\n\nSitemap: ${o}/maps/index.xml\n` },
      '/maps/index.xml': {
        type: 'application/xml',
        body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>${o}/maps/pages.xml</loc><lastmod>2025-01-01</lastmod></sitemap>
          <sitemap><loc>${o}/maps/docs.xml.gz</loc></sitemap></sitemapindex>`,
      },
      '/maps/pages.xml': {
        type: 'application/xml',
        body: urlset(`<url><loc>${o}/</loc><lastmod>2025-03-01</lastmod></url>
          <url><loc>${o}/pricing</loc><lastmod>2025-05-17T10:00:00+02:00</lastmod></url>
          <url><loc>${o}/about</loc><lastmod>last tuesday</lastmod></url>
          <url><loc>https://elsewhere.example/x</loc></url>`),
      },
      '/maps/docs.xml.gz': {
        type: 'application/gzip',
        body: gzipSync(urlset(`<url><loc>${o}/docs/a</loc><lastmod>2024-12-31</lastmod></url><url><loc>${o}/docs/b</loc></url><url><loc>${o}/</loc></url>`)),
      },
      '/sitemap_index.xml': { type: 'text/html', body: '<!doctype html><html><body>Page not found</body></html>' },
    }));
    const o = s.origin;
    const { facts, findings } = await sitemapProbe.run(context(o, ['/', '/pricing', '/docs/a', '/contact']));

    expect(facts).toMatchObject({
      url: `${o}/maps/index.xml`,
      present: true,
      urlCount: 6, // '/' is listed twice
      declaredInRobots: [`${o}/maps/index.xml`],
      lastmodCoverage: 0.5, // /, /pricing, /docs/a of 6
      newestLastmod: '2025-05-17T10:00:00+02:00',
      newestLastmodAgeDays: 228, // 2025-05-17T08:00Z to the snapshot's start 2026-01-01T00:00Z: 228 days and 16 hours
      sameHostShare: 0.833, // 5 of 6
      crawledPagesListed: 0.75, // /, /pricing, /docs/a of 4 HTML pages
      indexDepth: 1,
      urlCountCapped: false,
    });
    expect(facts.sitemaps).toEqual([
      { url: `${o}/maps/index.xml`, status: 200, kind: 'index', urlCount: 0, errors: [], depth: 0, parent: null },
      { url: `${o}/maps/pages.xml`, status: 200, kind: 'urlset', urlCount: 4, errors: [expect.stringContaining('last tuesday')], depth: 1, parent: `${o}/maps/index.xml` },
      { url: `${o}/maps/docs.xml.gz`, status: 200, kind: 'urlset', urlCount: 3, errors: [], depth: 1, parent: `${o}/maps/index.xml` },
    ]);
    expect(facts.errors).toEqual([{ url: `${o}/maps/pages.xml`, code: 'invalid-lastmod', message: expect.any(String) }]);
    expect(findings).toContainEqual({ severity: 'error', message: expect.stringContaining('not a W3C datetime'), url: `${o}/maps/pages.xml` });
    expect(findings).toContainEqual({ severity: 'warning', message: expect.stringContaining('another host'), url: `${o}/maps/pages.xml` });
    expect(findings).toContainEqual({ severity: 'info', message: expect.stringContaining('soft 404'), url: `${o}/sitemap_index.xml` });
    // The missing /sitemap.xml is no error of the site: it is not a declared sitemap.
    expect(findings.some((f) => f.url === `${o}/sitemap.xml`)).toBe(false);
    // Each file fetched once.
    for (const path of ['/robots.txt', '/maps/index.xml', '/maps/pages.xml', '/maps/docs.xml.gz', '/sitemap.xml', '/sitemap_index.xml']) {
      expect(countOf(s, path)).toBe(1);
    }
  });

  it('reports no sitemap when robots.txt names none and the default locations are missing', async () => {
    const s = await serve(() => ({ '/robots.txt': { type: 'text/plain', body: 'User-agent: *\nDisallow:\n' } }));
    const { facts, findings } = await sitemapProbe.run(context(s.origin, ['/', '/docs']));
    expect(facts).toMatchObject({ url: null, present: false, urlCount: 0, errors: [], sitemaps: [], crawledPagesListed: 0, lastmodCoverage: null, newestLastmodAgeDays: null, indexDepth: 0 });
    expect(findings).toEqual([{ severity: 'warning', message: expect.stringContaining('No sitemap found') }]);
  });

  it('treats a declared sitemap that 404s as an error and a malformed /sitemap.xml as present with errors', async () => {
    const s = await serve((o) => ({
      '/robots.txt': { type: 'text/plain', body: `Sitemap: ${o}/declared.xml` },
      '/sitemap.xml': { type: 'application/xml', body: urlset(`<url><loc>${o}/a</loc><changefreq>always<</changefreq></url>`) },
    }));
    const o = s.origin;
    const { facts, findings } = await sitemapProbe.run(context(o, ['/a']));
    expect(facts.present).toBe(true);
    expect(facts.url).toBe(`${o}/sitemap.xml`);
    expect(facts.errors.map((e) => [e.url, e.code])).toEqual([[`${o}/declared.xml`, 'http-status'], [`${o}/sitemap.xml`, 'malformed-xml']]);
    expect(facts.urlCount).toBe(0);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.url)).toEqual([`${o}/declared.xml`, `${o}/sitemap.xml`]);
  });

  it('survives an unreachable site', async () => {
    const s = await serve(() => ({}));
    const origin = s.origin;
    await s.close();
    server = undefined;
    const { facts } = await sitemapProbe.run(context(origin, []));
    expect(facts).toMatchObject({ present: false, urlCount: 0, crawledPagesListed: null });
  });
});
