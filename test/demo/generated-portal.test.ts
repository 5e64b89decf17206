// Tests of the generated benchmark portal: served over HTTP, every page is reachable from / by
// following links within depth 5, pages have the promised size and link count, the sitemap lists
// all N pages, and the content is deterministic for a seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGeneratedPortal, type RunningGeneratedPortal } from '../../src/demo/generated-portal.js';
import { createGeneratedSite, mulberry32, SITEMAP_MAX_URLS } from '../../src/demo/generated-content.js';
import { PortalProbeError } from '../../src/errors.js';
import { rawGet } from './raw-http.js';

const N = 300;
const MAX_DEPTH = 5;

/** Root-relative hrefs of <a> elements (the generated HTML writes every internal link that way). */
function internalLinks(html: string): string[] {
  return [...html.matchAll(/<a href="(\/[^"#?]*)"/g)].map((m) => m[1]);
}

interface Crawl {
  depthByPath: Map<string, number>;
  htmlByPath: Map<string, string>;
}

/** Breadth-first walk of the link graph by fetching each page from the server. */
async function walk(origin: string, maxDepth: number): Promise<Crawl> {
  const depthByPath = new Map<string, number>([['/', 0]]);
  const htmlByPath = new Map<string, string>();
  let frontier = ['/'];
  for (let depth = 0; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += 16) {
      const batch = frontier.slice(i, i + 16);
      const responses = await Promise.all(batch.map((p) => rawGet(origin, p, { 'Accept-Encoding': 'gzip' })));
      responses.forEach((res, k) => {
        expect(res.status, batch[k]).toBe(200);
        htmlByPath.set(batch[k], res.text);
        for (const link of internalLinks(res.text)) {
          if (!depthByPath.has(link)) {
            depthByPath.set(link, depth + 1);
            next.push(link);
          }
        }
      });
    }
    frontier = depth < maxDepth ? next : [];
  }
  return { depthByPath, htmlByPath };
}

let portal: RunningGeneratedPortal;
let crawl: Crawl;

beforeAll(async () => {
  portal = await startGeneratedPortal({ pages: N, host: '127.0.0.1', port: 0 });
  crawl = await walk(portal.url, MAX_DEPTH);
});

afterAll(async () => {
  await portal?.close();
});

describe('startGeneratedPortal', () => {
  it(`reaches all ${N} pages from / within depth ${MAX_DEPTH}`, () => {
    expect(crawl.htmlByPath.size).toBe(N);
    expect(Math.max(...crawl.depthByPath.values())).toBeLessThanOrEqual(MAX_DEPTH);
    const expected = Array.from({ length: N }, (_, i) => portal.site.pathOf(i)).sort();
    expect([...crawl.htmlByPath.keys()].sort()).toEqual(expected);
  });

  it('needs a real crawl: some pages are only reachable beyond depth 1', () => {
    expect(Math.max(...crawl.depthByPath.values())).toBeGreaterThanOrEqual(2);
  });

  it('serves pages of 15–30 KB with 10–20 distinct internal links each', () => {
    for (const [path, html] of crawl.htmlByPath) {
      const bytes = Buffer.byteLength(html);
      expect(bytes, path).toBeGreaterThanOrEqual(15_000);
      expect(bytes, path).toBeLessThanOrEqual(30_000);
      const distinct = new Set(internalLinks(html).filter((l) => l !== path));
      expect(distinct.size, path).toBeGreaterThanOrEqual(10);
      expect(distinct.size, path).toBeLessThanOrEqual(20);
    }
  });

  it('gives every page a unique title and a canonical link to itself', () => {
    const titles = new Set<string>();
    for (const [path, html] of crawl.htmlByPath) {
      titles.add(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '');
      expect(html).toContain(`<link rel="canonical" href="${path}">`);
    }
    expect(titles.size).toBe(N);
  });

  it('lists all N pages in sitemap.xml with absolute URLs', async () => {
    const res = await rawGet(portal.url, '/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const locs = [...res.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toHaveLength(N);
    expect(new Set(locs).size).toBe(N);
    expect(locs.every((l) => l.startsWith(`${portal.url}/`))).toBe(true);
    expect(new Set(locs.map((l) => new URL(l).pathname))).toEqual(new Set(crawl.htmlByPath.keys()));
  });

  it('serves robots.txt allowing everything with an absolute Sitemap line', async () => {
    const res = await rawGet(portal.url, '/robots.txt');
    expect(res.text).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${portal.url}/sitemap.xml\n`);
  });

  it('serves an llms.txt whose links all resolve', async () => {
    const res = await rawGet(portal.url, '/llms.txt');
    expect(res.text.startsWith('# ')).toBe(true);
    const links = [...res.text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const link of links) expect(crawl.htmlByPath.has(new URL(link).pathname), link).toBe(true);
  });

  it('gzips pages for clients that accept it', async () => {
    const res = await rawGet(portal.url, portal.site.pathOf(7), { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.raw.length).toBeLessThan(Buffer.byteLength(res.text) / 2);
  });

  it.each(['/nope', '/docs/guides/not-a-page-3', `/docs/guides/x-${N + 5}`, '/sitemap-1.xml'])('answers %s with 404', async (path) => {
    expect((await rawGet(portal.url, path)).status).toBe(404);
  });

  it('serves the same bytes for the same seed, other bytes for another seed', async () => {
    const again = await startGeneratedPortal({ pages: N });
    const other = await startGeneratedPortal({ pages: N, seed: 7 });
    try {
      const path = portal.site.pathOf(42);
      const a = (await rawGet(portal.url, path)).text;
      expect((await rawGet(again.url, path)).text).toBe(a);
      const otherPath = other.site.pathOf(42);
      const b = (await rawGet(other.url, otherPath)).text;
      expect(b).not.toBe(a);
    } finally {
      await again.close();
      await other.close();
    }
  });
});

describe('createGeneratedSite', () => {
  it('keeps every page within depth 5 up to the page limit', () => {
    const site = createGeneratedSite({ pages: 100_000 });
    expect(site.depthOf(99_999)).toBeLessThanOrEqual(5);
    expect(site.indexOf(site.pathOf(99_999))).toBe(99_999);
  });

  it('switches to a sitemap index past 50,000 URLs', () => {
    const site = createGeneratedSite({ pages: SITEMAP_MAX_URLS + 1 });
    expect(site.sitemapParts).toBe(2);
    const index = site.sitemapXml('http://h');
    expect(index).toContain('<sitemapindex');
    expect([...index.matchAll(/<loc>/g)]).toHaveLength(2);
    const last = site.sitemapPartXml('http://h', 2) ?? '';
    expect([...last.matchAll(/<loc>/g)]).toHaveLength(1);
    expect(site.sitemapPartXml('http://h', 3)).toBeNull();
  });

  it('maps paths and indexes both ways and rejects look-alike paths', () => {
    const site = createGeneratedSite({ pages: 50 });
    for (let i = 0; i < 50; i++) expect(site.indexOf(site.pathOf(i))).toBe(i);
    expect(site.indexOf(site.pathOf(7).replace(/-7$/, '-8'))).toBe(-1);
    expect(site.indexOf('/docs/guides/x-0')).toBe(-1);
  });

  it('works for tiny sites', () => {
    const site = createGeneratedSite({ pages: 1 });
    expect(site.linksOf(0)).toEqual([]);
    expect(site.renderPage(0)).toContain('<h1>');
  });

  it.each([0, -1, 1.5, 100_001, Number.NaN])('rejects pages=%s with PP_ERR_USAGE', (pages) => {
    try {
      createGeneratedSite({ pages });
      expect.unreachable();
    } catch (err) {
      expect((err as PortalProbeError).code).toBe('PP_ERR_USAGE');
    }
  });

  it('has a deterministic PRNG', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(seqA).size).toBe(5);
  });
});
