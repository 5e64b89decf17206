// Canonical kinds beyond Lighthouse's cases, hreflang per Google, page judging, canonical targets and
// the site facts built from them.
import { describe, expect, it } from 'vitest';
import { judgeCanonical } from '../../../probes/indexability/canonical.js';
import type { HeadLink } from '../../../probes/indexability/head-links.js';
import { checkLanguageTag, judgeHreflang } from '../../../probes/indexability/hreflang.js';
import { judgePage } from '../../../probes/indexability/page.js';
import { judgeTitle } from '../../../probes/indexability/page-text.js';
import { summarizeSite, type TargetCheck } from '../../../probes/indexability/site.js';
import { checkTargets, fromCrawl, fromFetch, type KnownPage } from '../../../probes/indexability/targets.js';
import { parseRobots } from '../../../src/robots/index.js';
import { fetchResult } from '../../helpers/probe-context.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const PAGE = 'https://docs.example.com/guide/start';

function canonicalLink(hrefRaw: string, source: HeadLink['source'] = 'head'): HeadLink {
  let href: string | null = null;
  try {
    href = new URL(hrefRaw, PAGE).href;
  } catch {
    href = null;
  }
  return { rel: ['canonical'], href, hrefRaw, hreflang: '', source };
}

describe('judgeCanonical beyond Lighthouse', () => {
  it.each([
    ['https://docs.example.com/guide/start', null],
    ['https://docs.example.com/guide/start#top', null],
    ['https://www.docs.example.com/guide/other', 'other-page'],
    ['https://docs.example.com/guide/start/', 'other-page'],
    ['http://docs.example.com/guide/start', 'other-page'],
    ['https://staging.example.com/guide/start', 'cross-origin'],
    ['http://localhost:3000/guide/start', 'cross-origin'],
    ['https://docs.example.com/', 'root'],
    ['javascript:void(0)', 'invalid'],
    ['//docs.example.com/guide/start', 'relative'],
    ['start', 'relative'],
  ])('%s → %s', (href, kind) => {
    const v = judgeCanonical(PAGE, [canonicalLink(href)]);
    expect(v.problems.map((p) => p.kind)).toEqual(kind ? [kind] : []);
  });

  it('names the self canonical and keeps the evidence of each declaration', () => {
    const v = judgeCanonical(PAGE, [canonicalLink(PAGE), canonicalLink(PAGE, 'headers')]);
    expect(v).toEqual({ canonical: PAGE, self: true, problems: [] });
    const elsewhere = judgeCanonical(PAGE, [canonicalLink('https://docs.example.com/other'), canonicalLink('https://docs.example.com/other', 'headers')]);
    expect(elsewhere.problems).toEqual([
      {
        kind: 'other-page',
        canonical: 'https://docs.example.com/other',
        evidence: ['<link rel="canonical" href="https://docs.example.com/other">', 'Link: <https://docs.example.com/other>; rel="canonical"'],
      },
    ]);
  });

  it('says missing when there is none (empty href and body links do not count)', () => {
    expect(judgeCanonical(PAGE, [canonicalLink(''), canonicalLink('https://x.example/', 'body')]).problems.map((p) => p.kind)).toEqual(['missing']);
  });
});

describe('hreflang per Google', () => {
  it.each([
    ['en-UK', { ok: false, reason: 'region', suggestion: 'GB' }],
    ['en-GB', { ok: true }],
    ['es-419', { ok: true }],
    ['en-ZZ', { ok: false, reason: 'region' }],
    ['en_US', { ok: false, reason: 'language' }],
    ['zz', { ok: false, reason: 'language' }],
    ['X-Default', { ok: true }],
    ['zh-Hant-HK', { ok: true }],
  ])('%s', (tag, expected) => {
    expect(checkLanguageTag(tag)).toEqual(expected);
  });

  it('reports a missing href apart from a relative one, with evidence', () => {
    const issues = judgeHreflang([
      { rel: ['alternate'], href: null, hrefRaw: '', hreflang: 'es', source: 'head' },
      { rel: ['alternate'], href: 'https://x.example/en', hrefRaw: 'https://x.example/en', hreflang: 'en-UK', source: 'headers' },
    ]);
    expect(issues).toEqual([
      { hreflang: 'es', href: '', source: 'head', reasons: ['missing-href'], evidence: '<link rel="alternate" hreflang="es" href="">' },
      {
        hreflang: 'en-UK', href: 'https://x.example/en', source: 'headers', reasons: ['region'], suggestion: 'GB',
        evidence: 'Link: <https://x.example/en>; rel="alternate"; hreflang="en-UK"',
      },
    ]);
  });
});

describe('judgeTitle', () => {
  it.each([
    [null, { missing: true, length: 0, tooShort: false, tooLong: false }],
    ['   ', { missing: true, length: 0, tooShort: false, tooLong: false }],
    ['Docs', { missing: false, length: 4, tooShort: true, tooLong: false }],
    ['Payments API reference — Acme Developers', { missing: false, length: 40, tooShort: false, tooLong: false }],
    ['x'.repeat(71), { missing: false, length: 71, tooShort: false, tooLong: true }],
  ])('%j', (title, expected) => expect(judgeTitle(title)).toEqual(expected));
});

describe('judgePage', () => {
  it('reads robots rules from the head, the crawl metas and the headers, and canonicals from the Link header', () => {
    const html = '<html><head><title>Start</title><meta name="GPTBot" content="noindex"><link rel="alternate" hreflang="xx" href="https://x.example/"></head><body><meta name="robots" content="nofollow"></body></html>';
    const v = judgePage(
      {
        url: PAGE,
        headers: { 'x-robots-tag': 'noarchive', link: '<https://docs.example.com/guide/start>; rel="canonical"' },
        html,
        title: 'Start',
        meta: [{ name: 'gptbot', content: 'noindex' }, { name: 'robots', content: 'nofollow' }],
      },
      { robots: null, now: NOW, knownAgents: new Set(['gptbot']) },
    );
    expect(v.robots.noindex).toEqual([]);
    expect(v.robots.nofollow).toEqual(['<meta name="robots" content="nofollow">']);
    expect(v.robots.agentSpecific).toEqual([{ agent: 'GPTBot', directives: ['noindex'], blocksIndexing: true, evidence: ['<meta name="GPTBot" content="noindex">'] }]);
    expect(v.canonical).toMatchObject({ canonical: PAGE, self: true, problems: [] });
    expect(v.hreflang.map((h) => h.hreflang)).toEqual(['xx']);
    expect(v.description.missing).toBe(true);
    expect(v.crawlable.blocked).toBe(false);
  });

  it('marks a page robots.txt closes to every search crawler', () => {
    const v = judgePage({ url: PAGE, headers: {}, html: '<title>x</title>', title: 'x' }, { robots: parseRobots('User-agent: *\nDisallow: /guide/'), now: NOW });
    expect(v.crawlable).toMatchObject({ blocked: true, robotsTxtBlocked: true, robotsTxtEvidence: 'robots.txt line 2: Disallow: /guide/' });
  });
});

describe('canonical targets', () => {
  const pages: KnownPage[] = [
    { url: 'https://e.com/a', finalUrl: 'https://e.com/a', status: 200, noindex: false },
    { url: 'https://e.com/old', finalUrl: 'https://e.com/new', status: 200, noindex: false },
    { url: 'https://e.com/hidden', finalUrl: 'https://e.com/hidden', status: 200, noindex: true },
    { url: 'https://e.com/gone', finalUrl: 'https://e.com/gone', status: 404, noindex: false },
  ];

  it.each([
    ['https://e.com/a#x', { checked: true, status: 200, redirected: false, noindex: false, via: 'crawl' }],
    ['https://e.com/new', { checked: true, status: 200, redirected: false, noindex: false, via: 'crawl' }],
    ['https://e.com/old', { checked: true, status: 200, redirected: true, noindex: false, via: 'crawl' }],
    ['https://e.com/hidden', { checked: true, status: 200, redirected: false, noindex: true, via: 'crawl' }],
    ['https://e.com/gone', { checked: true, status: 404, redirected: false, noindex: false, via: 'crawl' }],
    ['https://e.com/unknown', undefined],
  ])('from the crawl: %s', (url, expected) => expect(fromCrawl(url, pages)).toEqual(expected));

  it('reads a fetched target: redirects, X-Robots-Tag, meta robots, robots.txt refusals and failures', () => {
    const agents = new Set<string>();
    const redirected = { ...fetchResult('https://e.com/r', { status: 200, finalUrl: 'https://e.com/final', redirects: ['https://e.com/r'] }) };
    expect(fromFetch(redirected, agents, NOW)).toMatchObject({ checked: true, redirected: true, noindex: false });
    const header = fetchResult('https://e.com/h', { status: 200, headers: { 'x-robots-tag': 'noindex' } });
    expect(fromFetch(header, agents, NOW)).toMatchObject({ noindex: true });
    const meta = fetchResult('https://e.com/m', { status: 200, headers: { 'content-type': 'text/html' }, body: '<head><meta name="robots" content="none"></head>' });
    expect(fromFetch(meta, agents, NOW)).toMatchObject({ noindex: true });
    const refused = { ...fetchResult('https://e.com/x', {}), status: 0, error: { code: 'PP_ERR_ROBOTS_DISALLOWED' as const, message: 'no' } };
    expect(fromFetch(refused, agents, NOW)).toEqual({ checked: false, reason: 'robots' });
    const failed = { ...fetchResult('https://e.com/x', {}), status: 0, error: { code: 'PP_ERR_DNS' as const, message: 'no' } };
    expect(fromFetch(failed, agents, NOW)).toEqual({ checked: true, status: 0, redirected: false, noindex: false, via: 'fetch', error: 'PP_ERR_DNS' });
  });

  it('fetches only what the crawl does not hold, once each, within the limit', async () => {
    const calls: string[] = [];
    const fetch = async (url: string) => {
      calls.push(url);
      return fetchResult(url, { status: 200 });
    };
    const targets = await checkTargets(
      ['https://e.com/a', 'https://e.com/x', 'https://e.com/x', 'https://e.com/y', 'https://e.com/z', 'https://e.com/skipped'],
      pages,
      { fetch, limit: 2, signal: new AbortController().signal, skippedByRobots: ['https://e.com/skipped'], knownAgents: new Set(), now: NOW },
    );
    expect(calls).toEqual(['https://e.com/x', 'https://e.com/y']);
    expect(targets.get('https://e.com/a')).toMatchObject({ via: 'crawl' });
    expect(targets.get('https://e.com/z')).toEqual({ checked: false, reason: 'limit' });
    expect(targets.get('https://e.com/skipped')).toEqual({ checked: false, reason: 'robots' });
  });
});

describe('summarizeSite', () => {
  const page = (url: string, html: string, headers: Record<string, string> = {}) =>
    judgePage({ url, headers, html, title: /<title>(.*?)<\/title>/.exec(html)?.[1] ?? null }, { robots: null, now: NOW });

  it('counts canonical issues per page, leaves notes out, and computes the indexable share', () => {
    const verdicts = [
      page('https://e.com/', '<title>Home page of docs</title><meta name="description" content="d"><link rel="canonical" href="https://e.com/">'),
      page('https://e.com/a', '<title>Page A of docs</title><link rel="canonical" href="https://e.com/gone">'),
      page('https://e.com/b', '<title>Page B of docs</title><link rel="canonical" href="https://e.com/a">'),
      page('https://e.com/c', '<title>Page B of docs</title><meta name="robots" content="noindex">'),
      page('https://e.com/d', '<title>Page D</title><link rel="canonical" href="https://other.example/d"><link rel="canonical" href="https://other.example/d2">'),
    ];
    const targets = new Map<string, TargetCheck>([
      ['https://e.com/gone', { checked: true, status: 404, redirected: false, noindex: false, via: 'fetch' }],
      ['https://e.com/a', { checked: true, status: 200, redirected: false, noindex: false, via: 'crawl' }],
    ]);
    const facts = summarizeSite({
      verdicts,
      titles: new Map(verdicts.map((v, i) => [v.url, ['Home page of docs', 'Page A of docs', 'Page B of docs', 'Page B of docs', 'Page D'][i]])),
      statuses: [{ url: 'https://e.com/', status: 200 }, { url: 'https://e.com/x', status: 404 }, { url: 'https://e.com/y', status: 503 }],
      targets,
      robotsTxt: 'parsed',
    });
    expect(facts.canonicalProblems).toEqual([
      { url: 'https://e.com/a', kind: 'other-page', canonical: 'https://e.com/gone' },
      { url: 'https://e.com/a', kind: 'target-error', canonical: 'https://e.com/gone', status: 404 },
      { url: 'https://e.com/b', kind: 'other-page', canonical: 'https://e.com/a' },
      { url: 'https://e.com/c', kind: 'missing' },
      { url: 'https://e.com/d', kind: 'conflict', candidates: ['https://other.example/d', 'https://other.example/d2'] },
    ]);
    expect(facts.canonicalIssues).toBe(2);
    expect(facts.noindexUrls).toEqual(['https://e.com/c']);
    // Indexable as themselves: / (self canonical) and /d (conflicting canonicals are ignored).
    expect(facts.indexableShare).toBe(0.4);
    expect(facts.pagesChecked).toBe(5);
    expect(facts.duplicateTitles).toEqual([{ title: 'Page B of docs', urls: ['https://e.com/b', 'https://e.com/c'] }]);
    expect(facts.titleLengthIssues).toEqual([{ url: 'https://e.com/d', length: 6, kind: 'short' }]);
    expect(facts.pagesWithoutDescription).toEqual(['https://e.com/a', 'https://e.com/b', 'https://e.com/c', 'https://e.com/d']);
    expect(facts.errorStatusUrls).toEqual([{ url: 'https://e.com/x', status: 404 }, { url: 'https://e.com/y', status: 503 }]);
  });

  it('gives a null share when no page was checked', () => {
    const facts = summarizeSite({ verdicts: [], titles: new Map(), statuses: [], targets: new Map(), robotsTxt: 'not-checked' });
    expect(facts.indexableShare).toBeNull();
    expect(facts.canonicalIssues).toBe(0);
  });
});
