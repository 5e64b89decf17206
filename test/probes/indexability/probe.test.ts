// The indexability probe: wiring over in-memory snapshots (evidence, fetch bounds, robots.txt states,
// hostile input, abort) and an integration run against the fixture portal in
// test/fixtures/indexability/site served by startStaticPortal (X-Robots-Tag headers, a redirect and a
// 500 come from its _routes.json), fetched with the real HTTP client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import indexabilityProbe from '../../../probes/indexability/index.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import { decodeBody } from '../../../src/fetch/decode.js';
import type { HttpClient } from '../../../src/fetch/types.js';
import type { Finding, IndexabilityFacts } from '../../../src/contract/index.js';
import { makeContext, makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

const O = 'https://docs.example.com';
const ROBOTS_OK = { [`${O}/robots.txt`]: { status: 200, headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' } };

function html(head: string, body = '<p>Text</p>'): string {
  return `<!doctype html><html><head><title>A page title for tests</title><meta name="description" content="d">${head}</head><body>${body}</body></html>`;
}

describe('indexability probe (in-memory)', () => {
  it('cites the exact element or header for each finding', async () => {
    const pages = [
      makePage({ url: `${O}/`, html: html(`<link rel="canonical" href="${O}/">`) }),
      makePage({ url: `${O}/a`, html: html('<meta name="robots" content="noindex">') }),
      makePage({ url: `${O}/b`, html: html(''), headers: { 'x-robots-tag': 'noindex' } }),
      makePage({ url: `${O}/c`, html: html(`<link rel="canonical" href="/c">`) }),
      makePage({ url: `${O}/d`, html: html('<meta name="GPTBot" content="noindex, nofollow">') }),
    ];
    const { ctx } = makeContext(makeSnapshot(O, pages), ROBOTS_OK);
    const { facts, findings } = await indexabilityProbe.run(ctx);
    expect(facts.noindexUrls).toEqual([`${O}/a`, `${O}/b`]);
    const at = (url: string) => findings.filter((f) => f.url === url);
    expect(at(`${O}/a`)).toContainEqual(expect.objectContaining({ severity: 'warning', evidence: '<meta name="robots" content="noindex">' }));
    expect(at(`${O}/b`)).toContainEqual(expect.objectContaining({ evidence: 'X-Robots-Tag: noindex' }));
    expect(at(`${O}/c`)).toContainEqual(expect.objectContaining({ evidence: '<link rel="canonical" href="/c">' }));
    expect(at(`${O}/d`)).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('GPTBot'), evidence: '<meta name="GPTBot" content="noindex, nofollow">' }));
    expect(facts.agentSpecificBlocks).toEqual([{ url: `${O}/d`, agent: 'GPTBot', directives: ['noindex', 'nofollow'], blocksIndexing: true }]);
    expect(facts.canonicalProblems).toContainEqual({ url: `${O}/c`, kind: 'relative', canonical: '/c' });
    expect(facts.canonicalIssues).toBe(1);
    expect(facts.indexableShare).toBe(0.6);
  });

  it('never fetches a crawled page, fetches robots.txt once, and bounds canonical target checks', async () => {
    const pages = [
      makePage({ url: `${O}/`, html: html(`<link rel="canonical" href="${O}/kept">`) }),
      makePage({ url: `${O}/kept`, html: html('') }),
      ...[1, 2, 3, 4].map((i) => makePage({ url: `${O}/p${i}`, html: html(`<link rel="canonical" href="${O}/t${i}">`) })),
    ];
    const { ctx, calls } = makeContext(makeSnapshot(O, pages), { ...ROBOTS_OK, [`${O}/t1`]: { status: 200 }, [`${O}/t2`]: { status: 404 } });
    ctx.options.maxLinkChecks = 2;
    const { facts, findings } = await indexabilityProbe.run(ctx);
    expect(calls.map((c) => c.url)).toEqual([`${O}/robots.txt`, `${O}/t1`, `${O}/t2`]);
    expect(facts.canonicalTargets).toEqual({ checked: 3, notCheckedRobots: 0, notCheckedLimit: 2 });
    expect(facts.canonicalProblems.filter((p) => p.kind === 'target-error')).toEqual([{ url: `${O}/p2`, kind: 'target-error', canonical: `${O}/t2`, status: 404 }]);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'error', url: `${O}/p2`, evidence: `<link rel="canonical" href="${O}/t2"> → HTTP 404` }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('2 canonical target(s) were not fetched') }));
  });

  it('reports a target robots.txt keeps portalprobe from as not checked, never as broken', async () => {
    const pages = [makePage({ url: `${O}/`, html: html(`<link rel="canonical" href="${O}/private/x">`) })];
    const { ctx } = makeContext(makeSnapshot(O, pages), ROBOTS_OK);
    const inner = ctx.fetch;
    ctx.fetch = async (url, request) => {
      const res = await inner(url, request);
      return url.includes('/private/') ? { ...res, status: 0, error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'robots.txt' } } : res;
    };
    const { facts, findings } = await indexabilityProbe.run(ctx);
    expect(facts.canonicalProblems.map((p) => p.kind)).toEqual(['other-page']);
    expect(facts.canonicalTargets.notCheckedRobots).toBe(1);
    expect(findings).toContainEqual(expect.objectContaining({ message: '1 canonical target(s) not checked (robots.txt).' }));
  });

  it.each([
    [503, 'unreachable', true],
    [404, 'missing', false],
    [200, 'parsed', false],
  ] as const)('robots.txt HTTP %i → %s (pages blocked: %s)', async (status, state, blocked) => {
    const pages = [makePage({ url: `${O}/`, html: html('') })];
    const { ctx } = makeContext(makeSnapshot(O, pages), { [`${O}/robots.txt`]: { status, body: 'User-agent: *\nAllow: /' } });
    const { facts } = await indexabilityProbe.run(ctx);
    expect(facts.robotsTxt).toBe(state);
    expect(facts.robotsTxtBlockedUrls).toEqual(blocked ? [`${O}/`] : []);
  });

  it('says so when every page is noindex, caps per-kind findings, and counts error statuses', async () => {
    const pages = [
      ...Array.from({ length: 15 }, (_, i) => makePage({ url: `${O}/n${i}`, html: html('<meta name="robots" content="none">') })),
      makePage({ url: `${O}/missing`, status: 404, html: '<title>Not found</title>' }),
      makePage({ url: `${O}/down`, status: 503, html: '' }),
    ];
    const { ctx } = makeContext(makeSnapshot(O, pages), ROBOTS_OK);
    const { facts, findings } = await indexabilityProbe.run(ctx);
    expect(facts.pagesChecked).toBe(15);
    expect(facts.indexableShare).toBe(0);
    expect(findings[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('All 15 checked page(s) say noindex') });
    expect(findings.filter((f) => f.message.startsWith('This page tells every search engine'))).toHaveLength(10);
    expect(findings).toContainEqual({ severity: 'info', message: '5 more noindex page(s) not listed here (see facts).' });
    expect(facts.nofollowUrls).toHaveLength(15);
    expect(facts.errorStatusUrls).toEqual([{ url: `${O}/missing`, status: 404 }, { url: `${O}/down`, status: 503 }]);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'error', url: `${O}/down`, evidence: 'HTTP 503' }));
  });

  it('gives findings, not a crash or a hang, for hostile pages', async () => {
    const huge = `<html><head>${'<link rel="alternate" hreflang="zz" href="/x">'.repeat(50_000)}</head><body>${'<div>'.repeat(10_000)}</body></html>`;
    const pages = [
      makePage({ url: `${O}/huge`, html: html('') }),
      makePage({ url: `${O}/broken`, html: '<html><head><link rel=canonical href="http://[::1"><meta name=robots content="\u0000noindex\uFFFD"><title>\uD800</title>' }),
    ];
    pages[0].html = huge;
    pages[1].headers['x-robots-tag'] = 'noarchive, '.repeat(100_000);
    pages[1].headers.link = '<a>; rel="canonical", '.repeat(50_000);
    const { ctx } = makeContext(makeSnapshot(O, pages), ROBOTS_OK);
    const started = performance.now();
    const { facts, findings } = await indexabilityProbe.run(ctx);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(facts.pagesChecked).toBe(2);
    expect(facts.hreflangIssues.length).toBeGreaterThan(0);
    expect(facts.hreflangIssues.length).toBeLessThanOrEqual(500);
    expect(findings).toContainEqual(expect.objectContaining({ url: `${O}/huge`, message: expect.stringContaining('head is larger than portalprobe reads') }));
    expect(facts.canonicalProblems.find((p) => p.url === `${O}/broken`)?.kind).toBe('invalid');
  }, 30_000);

  it('stops with AbortedError when the audit is cancelled', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [makePage({ url: `${O}/`, html: html('') })]), ROBOTS_OK);
    const controller = new AbortController();
    controller.abort();
    await expect(indexabilityProbe.run({ ...ctx, signal: controller.signal })).rejects.toMatchObject({ code: 'PP_ERR_ABORTED' });
  });
});

describe('indexability probe against the fixture portal', () => {
  const PATHS = [
    '/', '/docs/noindex', '/docs/header-noindex', '/docs/canonical-404', '/docs/cross-origin', '/docs/gptbot',
    '/docs/googlebot-header', '/docs/moved', '/docs/new', '/docs/hreflang', '/docs/snippet', '/docs/untitled',
    '/internal/notes', '/broken',
  ];
  let portal: RunningPortal;
  let client: HttpClient;
  let facts: IndexabilityFacts;
  let findings: Finding[];
  let u: (path: string) => string;

  beforeAll(async () => {
    portal = await startStaticPortal({ root: 'test/fixtures/indexability/site', host: '127.0.0.1', port: 0 });
    u = (path) => `${portal.url}${path}`;
    // No name resolves: the cross-origin canonical (docs.acme.invalid) fails at DNS, never touching a network.
    client = createHttpClient({ allowPrivate: true, maxRetries: 0, lookup: async () => [] });
    const fetch = createAuditFetch(client);
    const pages = [];
    for (const path of PATHS) {
      const res = await fetch(u(path));
      pages.push(makePage({ url: u(path), finalUrl: res.finalUrl, status: res.status, headers: res.headers, html: decodeBody(res.body, res.headers['content-type']) }));
    }
    const ctx = contextOf({ snapshot: makeSnapshot(portal.url, pages), fetch, signal: new AbortController().signal, options: { maxLinkChecks: 50, maxSitemapDepth: 3 } });
    ({ facts, findings } = await indexabilityProbe.run(ctx));
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await portal?.close();
  });

  it('finds the meta noindex and the X-Robots-Tag noindex pages', () => {
    expect(facts.noindexUrls).toEqual([u('/docs/noindex'), u('/docs/header-noindex')]);
    expect(findings).toContainEqual(expect.objectContaining({ url: u('/docs/header-noindex'), evidence: 'X-Robots-Tag: noindex' }));
    expect(findings).toContainEqual(expect.objectContaining({ url: u('/docs/noindex'), evidence: '<meta name="robots" content="noindex, follow">' }));
  });

  it('finds the GPTBot-only noindex and the Googlebot-only header rules', () => {
    expect(facts.agentSpecificBlocks).toEqual([
      { url: u('/docs/gptbot'), agent: 'GPTBot', directives: ['noindex'], blocksIndexing: true },
      { url: u('/docs/googlebot-header'), agent: 'googlebot', directives: ['nosnippet', 'noarchive'], blocksIndexing: false },
    ]);
    expect(facts.noindexUrls).not.toContain(u('/docs/gptbot'));
    expect(facts.snippetRestrictedUrls).toEqual([{ url: u('/docs/snippet'), directives: ['nosnippet'] }]);
  });

  it('judges canonicals: a 404 target, another site, a redirecting target', () => {
    const kinds = (path: string) => facts.canonicalProblems.filter((p) => p.url === u(path)).map((p) => p.kind);
    expect(kinds('/docs/canonical-404')).toEqual(['other-page', 'target-error']);
    expect(facts.canonicalProblems).toContainEqual({ url: u('/docs/canonical-404'), kind: 'target-error', canonical: u('/docs/gone'), status: 404 });
    expect(kinds('/docs/cross-origin')).toEqual(['cross-origin', 'target-error']);
    expect(findings).toContainEqual(
      expect.objectContaining({ url: u('/docs/cross-origin'), evidence: '<link rel="canonical" href="http://docs.acme.invalid/guides/copied"> → no response (PP_ERR_DNS)' }),
    );
    expect(kinds('/docs/moved')).toEqual(['other-page', 'target-redirect']);
    expect(kinds('/docs/new')).toEqual([]);
    expect(kinds('/docs/untitled')).toEqual(['missing']);
    expect(facts.canonicalIssues).toBe(3);
  });

  it('judges hreflang, titles, descriptions, robots.txt and statuses', () => {
    expect(facts.hreflangIssues.map((h) => [h.hreflang, h.reasons, h.suggestion])).toEqual([
      ['en-UK', ['region'], 'GB'],
      ['de', ['relative'], undefined],
    ]);
    expect(facts.pagesWithoutTitle).toEqual([u('/docs/untitled')]);
    expect(facts.pagesWithoutDescription).toEqual([u('/docs/untitled')]);
    expect(facts.robotsTxt).toBe('parsed');
    expect(facts.robotsTxtBlockedUrls).toEqual([u('/internal/notes')]);
    expect(facts.errorStatusUrls).toEqual([{ url: u('/broken'), status: 500 }]);
    expect(facts.pagesChecked).toBe(13);
    // Indexable as themselves: /, gptbot, googlebot-header, new, hreflang, snippet, untitled (7 of 13).
    expect(facts.indexableShare).toBe(0.538);
  });
});
