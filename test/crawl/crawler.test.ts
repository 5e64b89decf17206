import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startStaticPortal } from '../../src/demo/static-server.js';
import { createHttpClient } from '../../src/fetch/client.js';
import { createAuditFetch } from '../../src/fetch/audit-fetch.js';
import { crawl } from '../../src/crawl/crawler.js';
import { createPageParser } from '../../src/crawl/parse-pool.js';
import { discoverSeeds } from '../../src/crawl/seeds.js';
import { loadRobotsPolicy } from '../../src/audit/robots-policy.js';
import type { Snapshot } from '../../src/contract/index.js';

const ROOT = fileURLToPath(new URL('../fixtures/crawl/site/', import.meta.url));
let server: { url: string; close(): Promise<void> };
let origin: string;

beforeAll(async () => {
  server = await startStaticPortal({ root: ROOT, host: '127.0.0.1', port: 0 });
  origin = new URL(server.url).origin;
});
afterAll(async () => server.close());

async function crawlFixture(opts: { ignoreRobots?: boolean; maxPages?: number; maxDepth?: number } = {}) {
  const client = createHttpClient({ allowPrivate: true });
  const raw = createAuditFetch(client);
  const robots = await loadRobotsPolicy(origin, raw, client.userAgent, opts.ignoreRobots ?? false);
  const fetch = robots.wrap(raw);
  const snapshot = await crawl(`${origin}/`, {
    fetch, parser: createPageParser(0), robotsPolicy: robots.policy, seeds: (o) => discoverSeeds(o, fetch),
    requestCount: () => client.stats,
  }, { maxPages: opts.maxPages ?? 50, maxDepth: opts.maxDepth ?? 5 });
  await client.close();
  return { snapshot, robots };
}

const paths = (s: Snapshot) => s.pages.map((p) => new URL(p.url).pathname).sort();

describe('crawl of a fixture portal on 127.0.0.1', () => {
  it('follows links, sitemap and llms.txt seeds, and respects robots.txt for its own User-Agent', async () => {
    const { snapshot, robots } = await crawlFixture();
    expect(paths(snapshot)).toEqual([
      '/', '/docs/', '/docs/a', '/docs/b', '/docs/deep/1', '/docs/deep/2', '/docs/deep/3', '/docs/from-llms', '/orphan',
    ]);
    expect(snapshot.robotsPolicy).toBe('respected');
    expect(snapshot.skippedByRobots).toEqual([`${origin}/private/secret`]);
    expect(robots.skipped()).toContain(`${origin}/private/secret`);
    // Not followed: nofollow links, other origins, binary files.
    expect(paths(snapshot)).not.toContain('/nofollow');
    expect(paths(snapshot)).not.toContain('/files/guide.pdf');
  });

  it('records click depth over the link graph, null for pages no crawled page links to', async () => {
    const { snapshot } = await crawlFixture();
    const depth = Object.fromEntries(snapshot.pages.map((p) => [new URL(p.url).pathname, p.depth]));
    expect(depth).toMatchObject({ '/': 0, '/docs/': 1, '/docs/a': 2, '/docs/b': 2, '/docs/deep/1': 3, '/docs/deep/3': 5, '/orphan': null, '/docs/from-llms': null });
    const via = Object.fromEntries(snapshot.pages.map((p) => [new URL(p.url).pathname, p.via]));
    expect(via).toMatchObject({ '/': 'start', '/docs/': 'link', '/orphan': 'sitemap', '/docs/from-llms': 'llms-txt' });
  });

  it('keeps what probes need from each page', async () => {
    const { snapshot } = await crawlFixture();
    const home = snapshot.pages.find((p) => new URL(p.url).pathname === '/')!;
    expect(home.status).toBe(200);
    expect(home.title).toBe('Home');
    expect(home.contentType).toMatch(/text\/html/);
    expect(home.mainText).toContain('Welcome to the crawl fixture portal');
    expect(home.anchors.map((a) => a.text)).toEqual(expect.arrayContaining(['Docs', 'Secret']));
    expect(home.timing.totalMs).toBeGreaterThanOrEqual(0);
    expect(snapshot.requests).toBeGreaterThan(snapshot.pages.length);
  });

  it('fetches disallowed pages with --ignore-robots and records that it did', async () => {
    const { snapshot, robots } = await crawlFixture({ ignoreRobots: true });
    expect(snapshot.robotsPolicy).toBe('ignored');
    expect(paths(snapshot)).toContain('/private/secret');
    expect(snapshot.skippedByRobots).toEqual([]);
    expect(robots.ignoredOn()).toEqual([`${origin}/private/secret`]);
  });

  it('follows links that only a rendered page shows, and records those pages as via "rendered"', async () => {
    const client = createHttpClient({ allowPrivate: true });
    const fetch = createAuditFetch(client);
    const rendered: string[] = [];
    // A stand-in for the browser: the start page "renders" a link the raw HTML does not have.
    const renderLinks = async (page: { url: string }) => {
      rendered.push(page.url);
      return new URL(page.url).pathname === '/' ? [`${origin}/orphan`] : [];
    };
    const snapshot = await crawl(`${origin}/`, {
      fetch, parser: createPageParser(0), robotsPolicy: 'respected', renderLinks,
    }, { maxPages: 50, maxDepth: 5 });
    await client.close();
    const page = snapshot.pages.find((p) => new URL(p.url).pathname === '/orphan');
    expect(page).toMatchObject({ via: 'rendered', depth: null, status: 200 });
    // Every page is offered to the renderer once, except those at maxDepth (their links are not followed).
    expect(rendered[0]).toBe(`${origin}/`);
    expect(new Set(rendered).size).toBe(rendered.length);
    expect(rendered).not.toContain(`${origin}/docs/deep/3`);
  });

  it('stops at maxPages and maxDepth', async () => {
    const small = await crawlFixture({ maxPages: 3 });
    expect(small.snapshot.pages).toHaveLength(3);
    expect(small.snapshot.notFetched).toBeGreaterThan(0);
    const shallow = await crawlFixture({ maxDepth: 1 });
    const linkPaths = shallow.snapshot.pages.filter((p) => p.via === 'link').map((p) => new URL(p.url).pathname);
    expect(linkPaths).toEqual(['/docs/']);
  });
});
