// walkSitemaps over an in-memory fetch: index loops end, depth and count bounds hold, failures are
// records (never throws), and breaking out of the loop stops fetching.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FetchResult } from '../../src/fetch/types.js';
import { findSitemapCandidates, sitemapLinesFromRobots, sitemapPageUrls } from '../../src/sitemap/discover.js';
import { walkSitemaps, type SitemapFetch, type SitemapWalkItem, type WalkedSitemap } from '../../src/sitemap/walk.js';

const O = 'https://a.example';

function result(url: string, status: number, body: string | Buffer, headers: Record<string, string> = {}): FetchResult {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  return { url, finalUrl: url, status, headers, body: buf, truncated: false, redirects: [], bytes: buf.length, durationMs: 1, ttfbMs: 1 };
}

function fakeFetch(files: Record<string, string | Buffer>) {
  const calls: string[] = [];
  const fetch: SitemapFetch = async (url) => {
    calls.push(url);
    const body = files[url];
    if (body === undefined) return result(url, 404, 'not found', { 'content-type': 'text/plain' });
    if (body === 'NETWORK') return { ...result(url, 0, ''), error: { code: 'PP_ERR_CONNECTION', message: 'refused' } };
    return result(url, 200, body, { 'content-type': 'application/xml' });
  };
  return { fetch, calls };
}

const index = (...locs: string[]) =>
  `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<sitemap><loc>${l}</loc></sitemap>`).join('')}</sitemapindex>`;
const urlset = (...locs: string[]) =>
  `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((l) => `<url><loc>${l}</loc></url>`).join('')}</urlset>`;

async function collect(iter: AsyncIterable<SitemapWalkItem>) {
  const sitemaps: WalkedSitemap[] = [];
  const urls: string[] = [];
  for await (const item of iter) {
    if (item.type === 'sitemap') sitemaps.push(item);
    else urls.push(item.url.loc);
  }
  return { sitemaps, urls };
}

describe('walkSitemaps', () => {
  it('terminates on an index loop a → b → a and fetches each once', async () => {
    const { fetch, calls } = fakeFetch({
      [`${O}/a.xml`]: index(`${O}/b.xml`, `${O}/u1.xml`),
      [`${O}/b.xml`]: index(`${O}/a.xml`, `${O}/u2.xml`),
      [`${O}/u1.xml`]: urlset(`${O}/1`),
      [`${O}/u2.xml`]: urlset(`${O}/2`),
    });
    const { sitemaps, urls } = await collect(walkSitemaps([`${O}/a.xml`], fetch));
    expect(calls.sort()).toEqual([`${O}/a.xml`, `${O}/b.xml`, `${O}/u1.xml`, `${O}/u2.xml`]);
    expect(urls.sort()).toEqual([`${O}/1`, `${O}/2`]);
    expect(sitemaps.find((s) => s.url === `${O}/b.xml`)).toMatchObject({ kind: 'index', depth: 1, parent: `${O}/a.xml` });
    // An index inside an index is outside the protocol: flagged.
    expect(sitemaps.find((s) => s.url === `${O}/b.xml`)?.warnings.map((w) => w.code)).toContain('nested-index');
  });

  it('terminates on a self-referencing index', async () => {
    const { fetch, calls } = fakeFetch({ [`${O}/a.xml`]: index(`${O}/a.xml`) });
    const { sitemaps } = await collect(walkSitemaps([`${O}/a.xml`], fetch));
    expect(calls).toEqual([`${O}/a.xml`]);
    expect(sitemaps).toHaveLength(1);
  });

  it('stops at maxDepth and says so on the deepest index read', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`${O}/i${i}.xml`] = index(`${O}/i${i + 1}.xml`);
    const { fetch, calls } = fakeFetch(files);
    const { sitemaps } = await collect(walkSitemaps([`${O}/i0.xml`], fetch, { maxDepth: 2 }));
    expect(calls).toEqual([`${O}/i0.xml`, `${O}/i1.xml`, `${O}/i2.xml`]);
    expect(sitemaps.map((s) => s.depth)).toEqual([0, 1, 2]);
    expect(sitemaps[2].warnings.map((w) => w.code)).toContain('depth-limit');
  });

  it('fetches at most maxSitemaps files', async () => {
    const children = Array.from({ length: 10 }, (_, i) => `${O}/u${i}.xml`);
    const files: Record<string, string> = { [`${O}/idx.xml`]: index(...children) };
    for (const c of children) files[c] = urlset(`${c}/page`);
    const { fetch, calls } = fakeFetch(files);
    const { sitemaps } = await collect(walkSitemaps([`${O}/idx.xml`], fetch, { maxSitemaps: 4 }));
    expect(calls).toHaveLength(4);
    expect(sitemaps[0].warnings.find((w) => w.code === 'sitemap-limit')?.message).toMatch(/^7 listed sitemaps not read/);
  });

  it('ends after maxUrls URL entries', async () => {
    const { fetch } = fakeFetch({ [`${O}/s.xml`]: urlset(...Array.from({ length: 20 }, (_, i) => `${O}/${i}`)) });
    const { urls } = await collect(walkSitemaps([`${O}/s.xml`], fetch, { maxUrls: 5 }));
    expect(urls).toHaveLength(5);
  });

  it('records fetch failures, HTTP errors and gzip children as data', async () => {
    const { fetch } = fakeFetch({
      [`${O}/idx.xml`]: index(`${O}/gone.xml`, `${O}/down.xml`, `${O}/z.xml.gz`),
      [`${O}/down.xml`]: 'NETWORK',
      [`${O}/z.xml.gz`]: gzipSync(urlset(`${O}/zipped`)),
    });
    const { sitemaps, urls } = await collect(walkSitemaps([`${O}/idx.xml`], fetch));
    const by = (u: string) => sitemaps.find((s) => s.url === u);
    expect(by(`${O}/gone.xml`)).toMatchObject({ status: 404, kind: 'invalid', errors: [{ code: 'http-status' }] });
    expect(by(`${O}/down.xml`)).toMatchObject({ status: 0, errors: [{ code: 'fetch-failed' }] });
    expect(by(`${O}/z.xml.gz`)).toMatchObject({ status: 200, kind: 'urlset', gzipped: true, urlCount: 1 });
    expect(urls).toEqual([`${O}/zipped`]);
  });

  it('stops fetching when the consumer breaks out', async () => {
    const children = Array.from({ length: 5 }, (_, i) => `${O}/u${i}.xml`);
    const files: Record<string, string> = { [`${O}/idx.xml`]: index(...children) };
    for (const c of children) files[c] = urlset(`${c}/1`, `${c}/2`);
    const { fetch, calls } = fakeFetch(files);
    for await (const item of walkSitemaps([`${O}/idx.xml`], fetch)) {
      if (item.type === 'url') break;
    }
    expect(calls).toEqual([`${O}/idx.xml`, `${O}/u0.xml`]);
  });

  it('deduplicates roots and skips unparseable root URLs', async () => {
    const { fetch, calls } = fakeFetch({ [`${O}/s.xml`]: urlset(`${O}/x`) });
    await collect(walkSitemaps([`${O}/s.xml`, `${O}/s.xml#frag`, 'not a url', 'ftp://a.example/s.xml'], fetch));
    expect(calls).toEqual([`${O}/s.xml`]);
  });
});

describe('sitemapLinesFromRobots', () => {
  it.each([
    ['Sitemap: https://a.example/s.xml', ['https://a.example/s.xml']],
    ['user-agent: *\nDisallow: /x\n  SITEMAP:https://a.example/s.xml # main\r\nsitemap: /rel.xml', ['https://a.example/s.xml', 'https://a.example/rel.xml']],
    ['sitemap: https://a.example/s.xml\nSitemap: https://a.example/s.xml', ['https://a.example/s.xml']],
    ['# Sitemap: https://a.example/commented.xml\nsitemap:', []],
    // The robots.txt parser follows Google's robots.cc, which takes any key starting with "sitemap".
    ['Sitemaps: https://a.example/typo.xml', ['https://a.example/typo.xml']],
  ])('%j → %j', (robots, expected) => {
    expect(sitemapLinesFromRobots(robots, 'https://a.example/robots.txt')).toEqual(expected);
  });
});

describe('discovery', () => {
  it('lists declared sitemaps first, then the conventional ones not declared', async () => {
    const { fetch } = fakeFetch({ [`${O}/robots.txt`]: `Sitemap: ${O}/sitemap.xml\nSitemap: ${O}/news.xml` });
    expect(await findSitemapCandidates(`${O}/some/page`, fetch)).toEqual({
      declared: [`${O}/sitemap.xml`, `${O}/news.xml`],
      defaults: [`${O}/sitemap_index.xml`],
      robotsUrl: `${O}/robots.txt`,
      robotsStatus: 200,
    });
  });

  it('ignores an HTML robots.txt', async () => {
    const fetch: SitemapFetch = async (url) => result(url, 200, '<html>Sitemap: x</html>', { 'content-type': 'text/html' });
    expect((await findSitemapCandidates(O, fetch)).declared).toEqual([]);
  });

  it('sitemapPageUrls yields the page URLs of every sitemap found', async () => {
    const { fetch } = fakeFetch({
      [`${O}/robots.txt`]: `Sitemap: ${O}/idx.xml`,
      [`${O}/idx.xml`]: index(`${O}/a.xml`),
      [`${O}/a.xml`]: urlset(`${O}/1`, `${O}/2`),
      [`${O}/sitemap.xml`]: urlset(`${O}/3`),
    });
    const urls: string[] = [];
    for await (const url of sitemapPageUrls(O, fetch)) urls.push(url);
    expect(urls.sort()).toEqual([`${O}/1`, `${O}/2`, `${O}/3`]);
  });
});
