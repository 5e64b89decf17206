// The business-surface probe's freshness facts (newest date on the changelog and blog pages, age at
// the audit start) and its machine-readable status check: in-memory cases with makeContext, and an
// integration run against test/fixtures/business-surface/freshness-site served on 127.0.0.1 and
// crawled with the real client.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import probe from '../../../probes/business-surface/index.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import type { BusinessSurfaceFacts, Finding } from '../../../src/contract/index.js';
import { crawlFixture } from './crawl-fixture.js';
import { makeContext, makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

const O = 'https://portal.acme.test';
const NAV = '<nav><a href="/changelog">Changelog</a> <a href="/blog/">Blog</a> <a href="/status">API status</a></nav>';
const doc = (title: string, main: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>${title}</title>${head}</head><body>${NAV}<main><h1>${title}</h1>${main}</main></body></html>`;

function portal(startedAt: string, pages: Record<string, string>, responses: Parameters<typeof makeContext>[1] = {}) {
  const snapshot = makeSnapshot(O, Object.entries(pages).map(([p, html]) => makePage({ url: `${O}${p}`, html })));
  snapshot.startedAt = startedAt;
  return makeContext(snapshot, responses);
}

const home = doc('Acme Developer Portal', '<p>Build with Acme.</p>');

describe('business-surface: newest changelog and blog dates (in memory)', () => {
  it.each([
    // [case, audit start, changelog main text, date, age]
    ['a recent entry', '2026-11-28T06:00:00Z', '<h2>12 November 2026 — Purpose codes</h2><h2>6 October 2026 — VoP</h2>', '2026-11-12', 16],
    ['the day of the audit', '2026-11-28T00:00:01Z', '<h2>2026-11-28</h2><p>Fix.</p>', '2026-11-28', 0],
    ['US order, a year old', '2026-11-28T06:00:00Z', '<h2>Nov 3, 2025</h2><p>v2</p>', '2025-11-03', 390],
    ['a planned date is not the newest entry', '2026-11-28T06:00:00Z', '<p>Coming 1 February 2027.</p><h2>03.10.2026</h2>', '2026-10-03', 56],
    ['no date at all', '2026-11-28T06:00:00Z', '<p>We ship continuously.</p>', null, null],
  ] as const)('%s', async (_name, startedAt, main, date, age) => {
    const { ctx } = portal(startedAt, { '/': home, '/changelog': doc('Changelog', main) });
    const { facts } = await probe.run(ctx);
    expect(facts.pages.changelog).toMatchObject({ status: 'found', url: `${O}/changelog` });
    expect(facts.changelogNewestDate).toBe(date);
    expect(facts.changelogNewestAgeDays).toBe(age);
  });

  it('a date within a day after the audit start counts as 0 days and is flagged', async () => {
    const { ctx } = portal('2026-11-28T20:00:00Z', { '/': home, '/changelog': doc('Changelog', '<h2>29 November 2026 — Release</h2>') });
    const { facts, findings } = await probe.run(ctx);
    expect(facts).toMatchObject({ changelogNewestDate: '2026-11-29', changelogNewestAgeDays: 0, dateQuotes: { changelog: { future: true, quote: '29 November 2026' } } });
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', url: `${O}/changelog`, message: expect.stringContaining('after the audit started') }));
  });

  it('says when the changelog is old or undated, and cites the words', async () => {
    const old = await probe.run(portal('2026-11-28T06:00:00Z', { '/': home, '/changelog': doc('Changelog', '<h2>Nov 3, 2025</h2>') }).ctx);
    expect(old.findings).toContainEqual({ severity: 'info', url: `${O}/changelog`, message: `The newest date on the changelog page ${O}/changelog is 390 days old (2025-11-03).`, evidence: "'Nov 3, 2025' (1 date(s) read)" });
    const undated = await probe.run(portal('2026-11-28T06:00:00Z', { '/': home, '/changelog': doc('Changelog', '<p>We ship continuously.</p>') }).ctx);
    expect(undated.findings).toContainEqual(expect.objectContaining({ severity: 'info', url: `${O}/changelog`, message: expect.stringContaining('shows no date portalprobe can read') }));
  });

  it('reads the blog page the same way', async () => {
    const { ctx } = portal('2026-11-28T06:00:00Z', { '/': home, '/blog/': doc('Blog', '<p>Posted 8 October 2026</p><p>Posted 2026-06-01</p>') });
    const { facts } = await probe.run(ctx);
    expect(facts.pages.blog).toMatchObject({ status: 'found', url: `${O}/blog/` });
    expect(facts).toMatchObject({ blogNewestDate: '2026-10-08', blogNewestAgeDays: 51, changelogNewestDate: null });
  });

  it('gives a date but no age when the snapshot start does not parse', async () => {
    const { ctx } = portal('not a date', { '/': home, '/changelog': doc('Changelog', '<h2>12 November 2026</h2>') });
    const { facts } = await probe.run(ctx);
    expect(facts).toMatchObject({ changelogNewestDate: '2026-11-12', changelogNewestAgeDays: null });
  });
});

describe('business-surface: machine-readable status (in memory)', () => {
  const statusHtml = doc('API status', '<p>All systems operational.</p>');

  it('finds the Statuspage JSON on the status page origin; the crawled status page is not fetched again', async () => {
    const { ctx, calls } = portal('2026-11-28T06:00:00Z', { '/': home, '/status': statusHtml }, {
      [`${O}/api/v2/status.json`]: { headers: { 'content-type': 'application/json' }, body: '{"status":{"indicator":"none","description":"All Systems Operational"}}' },
    });
    const { facts, findings } = await probe.run(ctx);
    expect(facts.statusMachineReadable).toMatchObject({ found: true, url: `${O}/api/v2/status.json`, kind: 'statuspage-json', endpointsFound: 1, statusPageRead: 'crawled' });
    expect(facts.statusMachineReadable.checked[0]).toMatchObject({ indicator: 'none' });
    expect(calls.map((c) => c.url)).toEqual([`${O}/api/v2/status.json`, `${O}/history.atom`, `${O}/history.rss`]);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: `The status is machine-readable: ${O}/api/v2/status.json (statuspage-json).` }));
  });

  it('reports a status page without any as missing (all checked) with what was asked', async () => {
    const { ctx } = portal('2026-11-28T06:00:00Z', { '/': home, '/status': statusHtml });
    const { facts, findings } = await probe.run(ctx);
    expect(facts.statusMachineReadable).toMatchObject({ found: false, endpointsFound: 0, notChecked: [] });
    const f = findings.find((x) => x.message.includes('offers no JSON status')) as Finding;
    expect(f).toMatchObject({ severity: 'info', url: `${O}/status` });
    expect(f.evidence).toContain(`${O}/api/v2/status.json: HTTP 404`);
  });

  it('robots.txt-blocked URLs are not checked, and absence is then not concluded', async () => {
    const blocked = { status: 0 } as const;
    const { ctx } = portal('2026-11-28T06:00:00Z', { '/': home, '/status': statusHtml });
    const inner = ctx.fetch;
    ctx.fetch = async (url, request) => {
      const r = await inner(url, request);
      return url.endsWith('/history.rss') ? { ...r, ...blocked, body: Buffer.alloc(0), error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'robots.txt' } } : r;
    };
    const { facts, findings } = await probe.run(ctx);
    expect(facts.statusMachineReadable).toMatchObject({ found: false, endpointsFound: null, notChecked: [{ url: `${O}/history.rss`, reason: 'not checked (robots.txt)' }] });
    expect(facts.statusMachineReadable.checked.map((c) => c.url)).toEqual([`${O}/api/v2/status.json`, `${O}/history.atom`]);
    expect(findings.some((x) => x.message.includes('offers no JSON status'))).toBe(false);
    expect(findings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('1 status URL(s) not checked') }));
  });
});

describe('business-surface: freshness fixture portal over HTTP', () => {
  let server: RunningPortal;
  let facts: BusinessSurfaceFacts;
  let findings: Finding[];
  let origin: string;
  const fetched: string[] = [];

  beforeAll(async () => {
    server = await startStaticPortal({ root: path.resolve('test/fixtures/business-surface/freshness-site'), host: '127.0.0.1', port: 0 });
    origin = server.url;
    const crawl = await crawlFixture(origin);
    crawl.snapshot.startedAt = '2026-11-28T06:00:00.000Z';
    const ctx = contextOf({
      snapshot: crawl.snapshot,
      fetch: (url, request) => {
        fetched.push(url);
        return crawl.fetch(url, request);
      },
      signal: new AbortController().signal,
      options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
    });
    ({ facts, findings } = await probe.run(ctx));
  });
  afterAll(async () => server?.close());

  it('reads the newest past changelog date, skipping the planned one, a version number and 1994', () => {
    expect(facts.pages.changelog).toMatchObject({ status: 'found', url: `${origin}/changelog` });
    expect(facts).toMatchObject({ changelogNewestDate: '2026-09-14', changelogNewestAgeDays: 75 });
    expect(facts.dateQuotes.changelog).toMatchObject({ quote: 'Sep 14, 2026', dates: 3, future: false });
  });

  it('reads the newest blog date', () => {
    expect(facts.pages.blog).toMatchObject({ status: 'found', url: `${origin}/blog/` });
    expect(facts).toMatchObject({ blogNewestDate: '2026-11-03', blogNewestAgeDays: 25 });
    expect(findings.some((f) => f.url === `${origin}/blog/`)).toBe(false);
  });

  it('finds the Statuspage JSON and the declared incident feed, at most four URLs', () => {
    expect(facts.pages.statusPage).toMatchObject({ status: 'found', url: `${origin}/status` });
    expect(facts.statusMachineReadable).toMatchObject({ found: true, url: `${origin}/api/v2/status.json`, kind: 'statuspage-json', endpointsFound: 2, statusPageRead: 'crawled' });
    expect(facts.statusMachineReadable.checked.map((c) => [c.url.slice(origin.length), c.source, c.result, c.kind])).toEqual([
      ['/api/v2/status.json', 'statuspage-api', 'found', 'statuspage-json'],
      ['/status/history.atom', 'link-alternate', 'found', 'feed'],
      ['/history.atom', 'statuspage-history', 'missing', null],
      ['/history.rss', 'statuspage-history', 'missing', null],
    ]);
    expect(facts.statusMachineReadable.checked[0].indicator).toBe('minor');
    // The site-wide blog feed declared on the home page is not taken for a status feed.
    expect(fetched).not.toContain(`${origin}/blog/feed.xml`);
    expect(fetched.length).toBeLessThanOrEqual(4);
  });
});
