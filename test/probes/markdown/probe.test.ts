// The markdown probe: unit cases over in-memory responses (negotiation with and without Vary, .md
// twins, broken rel="alternate" links, robots.txt, oversized pages, llms-full.txt size) and an
// integration run against the fixture portal test/fixtures/markdown/site served over HTTP.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { get_encoding } from 'tiktoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import markdownProbe from '../../../probes/markdown/index.js';
import { CRAWL_ACCEPT } from '../../../src/audit/resource.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import { decodeBody } from '../../../src/fetch/decode.js';
import type { FetchRequest, HttpClient } from '../../../src/fetch/types.js';
import { FULL_TOKEN_LIMIT, PAGE_TOKEN_LIMIT } from '../../../probes/markdown/token-stats.js';
import type { Finding, MarkdownFacts } from '../../../src/contract/index.js';
import { countTokens } from '../../../src/util/tokens.js';
import { makeContext, makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

const O = 'https://acme.test';
const MD = 'text/markdown';
const article = (title: string, body = 'The Acme API sends payments in forty countries with one key. '.repeat(8)) =>
  `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>${title}</h1><p>${body}</p></article></main></body></html>`;
const mdOk = (body: string, headers: Record<string, string> = {}) => ({ status: 200, headers: { 'content-type': 'text/markdown; charset=utf-8', ...headers }, body });

describe('markdown probe (in-memory responses)', () => {
  it('finds negotiation, reports a missing Vary: Accept on both answers, and uses the twin for tokens', async () => {
    const page = makePage({ url: `${O}/docs/a`, html: article('A') });
    const { ctx, calls } = makeContext(makeSnapshot(O, [page]), {
      [`${O}/docs/a|${MD}`]: mdOk('# A\n\nThe Acme API sends payments.\n'),
    });
    const { facts, findings } = await markdownProbe.run(ctx);
    expect(facts).toMatchObject({ negotiation: true, mdSiblings: false, pagesSampled: 1, negotiatingUrls: [`${O}/docs/a`], varyAcceptMissing: [`${O}/docs/a`] });
    expect(facts.negotiationChecks[0]).toMatchObject({ outcome: 'markdown', varyAccept: false, htmlVaryAccept: false, vary: null });
    expect(facts.tokens.pages[0]).toMatchObject({ markdownSource: 'negotiated', markdownTokens: countTokens('# A\n\nThe Acme API sends payments.\n'), estimatedMarkdownTokens: null });
    const vary = findings.find((f) => f.message.includes('Vary: Accept'));
    expect(vary).toMatchObject({ severity: 'warning', url: `${O}/docs/a`, evidence: 'Markdown answer Vary: (absent); HTML answer Vary: (absent)' });
    expect(vary!.message).toContain('Markdown and HTML answers');
    // The crawled page is never fetched again the crawl's way; only with Accept: text/markdown.
    expect(calls.filter((c) => c.url === `${O}/docs/a`).map((c) => c.request?.headers?.accept)).toEqual([MD]);
  });

  it('accepts Vary: Accept on both answers (no finding)', async () => {
    const page = makePage({ url: `${O}/docs/a`, html: article('A'), headers: { vary: 'Accept-Encoding, Accept' } });
    const { ctx } = makeContext(makeSnapshot(O, [page]), { [`${O}/docs/a|${MD}`]: mdOk('# A\n', { vary: 'accept' }) });
    const { facts, findings } = await markdownProbe.run(ctx);
    expect(facts.varyAcceptMissing).toEqual([]);
    expect(findings.filter((f) => f.message.includes('Vary'))).toEqual([]);
  });

  it('reports no Markdown at all, estimates it with turndown, and checks each sibling candidate once', async () => {
    const pages = [makePage({ url: `${O}/`, html: article('Home') }), makePage({ url: `${O}/docs/`, html: article('Docs') })];
    const { ctx, calls } = makeContext(makeSnapshot(O, pages));
    const { facts, findings } = await markdownProbe.run(ctx);
    expect(facts).toMatchObject({ negotiation: false, mdSiblings: false, negotiatingUrls: [], mdSiblingUrls: [], alternateLinks: [], llmsFullTokens: null });
    for (const p of facts.tokens.pages) {
      expect(p.markdownTokens).toBeNull();
      expect(p.estimatedMarkdownTokens).toBeGreaterThan(0);
      expect(p.htmlTokens).toBeGreaterThan(p.mainTokens);
    }
    expect(facts.tokens.htmlOverheadRatio).toBeGreaterThan(1);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('None of the 2 sampled pages offers Markdown') }));
    const urls = calls.map((c) => c.url);
    expect(urls).toEqual(expect.arrayContaining([`${O}/index.md`, `${O}/index.html.md`, `${O}/docs/index.md`, `${O}/docs.md`, `${O}/docs/index.html.md`, `${O}/llms-full.txt`]));
    // 2 negotiations + 5 sibling candidates + llms-full.txt, each once; the pages only with Accept: text/markdown.
    expect(urls).toHaveLength(8);
    expect(new Set(urls).size).toBe(8);
    expect(calls.filter((c) => c.url === `${O}/` || c.url === `${O}/docs/`).every((c) => c.request?.headers?.accept === MD)).toBe(true);
  });

  it('finds a .md sibling and a working alternate, and reports a broken alternate and a mislabelled answer', async () => {
    const home = makePage({
      url: `${O}/`,
      html: `<html><head><title>Home</title><link rel="alternate" type="text/markdown" href="/missing.md"></head><body><p>${'Welcome to Acme. '.repeat(20)}</p></body></html>`,
    });
    const guide = makePage({
      url: `${O}/guides/x`,
      html: `<html><head><title>X</title><link rel="alternate" type="text/markdown" href="/md/x"></head><body><article><p>${'Guide text. '.repeat(30)}</p></article></body></html>`,
    });
    const ref = makePage({ url: `${O}/reference/y.html`, html: article('Y') });
    const { ctx } = makeContext(makeSnapshot(O, [home, guide, ref]), {
      [`${O}/md/x`]: { status: 200, headers: { 'content-type': 'text/plain' }, body: '# X\n\nGuide text.' },
      [`${O}/reference/y.html.md`]: { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><p>soft 404</p>' },
      [`${O}/reference/y.md`]: mdOk('# Y\n'),
      [`${O}/guides/x|${MD}`]: { status: 200, headers: { 'content-type': 'text/markdown' }, body: '<!DOCTYPE html><html><body>app shell</body></html>' },
    });
    const { facts, findings } = await markdownProbe.run(ctx);
    expect(facts.negotiation).toBe(false);
    expect(facts.mdSiblings).toBe(true);
    expect(facts.mdSiblingUrls).toEqual([
      { page: `${O}/guides/x`, md: `${O}/md/x`, via: 'alternate' },
      { page: `${O}/reference/y.html`, md: `${O}/reference/y.md`, via: 'convention' },
    ]);
    expect(facts.alternateLinks).toEqual([
      { page: `${O}/`, href: `${O}/missing.md`, ok: false, outcome: 'failed', status: 404 },
      { page: `${O}/guides/x`, href: `${O}/md/x`, ok: true, outcome: 'twin', status: 200 },
    ]);
    expect(facts.tokens.pages.find((p) => p.url === `${O}/guides/x`)).toMatchObject({ markdownSource: 'alternate', markdownTokens: countTokens('# X\n\nGuide text.') });
    expect(findings).toContainEqual(expect.objectContaining({
      severity: 'warning', url: `${O}/`, message: expect.stringContaining('declares a Markdown version at https://acme.test/missing.md'),
      evidence: '<link rel="alternate" type="text/markdown" href="https://acme.test/missing.md"> → HTTP 404',
    }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', url: `${O}/guides/x`, evidence: 'Content-Type: text/markdown' }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('none of the 3 sampled pages answers Accept: text/markdown') }));
  });

  it('reports robots.txt-blocked URLs as not checked, never as missing', async () => {
    const page = makePage({ url: `${O}/docs/a`, html: article('A') });
    const blocked = { status: 0 as const };
    const { ctx } = makeContext(makeSnapshot(O, [page]), {});
    const inner = ctx.fetch;
    ctx.fetch = async (url: string, request?: FetchRequest) => {
      if (url.endsWith('.md') || url.endsWith('llms-full.txt')) {
        const r = await inner(url, request);
        return { ...r, ...blocked, body: Buffer.alloc(0), error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'disallowed' } };
      }
      return inner(url, request);
    };
    const { facts, findings } = await markdownProbe.run(ctx);
    expect(facts.notChecked).toEqual([`${O}/docs/a.md`]);
    expect(facts.llmsFullTokens).toBeNull();
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('1 URL(s) not checked because robots.txt') }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('llms-full.txt not checked (robots.txt') }));
  });

  it('reads a twin the crawl already holds the crawl\'s way (a cache hit), not with a new Accept', async () => {
    const page = makePage({ url: `${O}/docs/a`, html: article('A') });
    const twin = makePage({ url: `${O}/docs/a.md`, html: '', headers: { 'content-type': 'text/markdown' } });
    const { ctx, calls } = makeContext(makeSnapshot(O, [page, twin]), { [`${O}/docs/a.md|${CRAWL_ACCEPT}`]: mdOk('# A twin\n') });
    const { facts } = await markdownProbe.run(ctx);
    expect(facts.mdSiblingUrls).toEqual([{ page: `${O}/docs/a`, md: `${O}/docs/a.md`, via: 'convention' }]);
    expect(calls.find((c) => c.url === `${O}/docs/a.md`)?.request?.headers?.accept).toBe(CRAWL_ACCEPT);
  });

  it(`flags pages over ${PAGE_TOKEN_LIMIT} tokens and llms-full.txt over ${FULL_TOKEN_LIMIT}`, async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `payment${i % 97} settles`).join(' ');
    // Markup weight as on many real pages: inline hydration data and SVG icons around a short article.
    const data = JSON.stringify(Array.from({ length: 2500 }, (_, i) => ({ id: `nav-${i}`, href: `/docs/p${i}`, label: `Page ${i}`, icon: 'chevron' })));
    const heavyHtml = `<html><head><title>Heavy</title><script>window.__DATA__ = ${data};</script></head><body>`
      + `${'<svg viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>'.repeat(300)}<article><h1>Heavy</h1><p>${words(300)}</p></article></body></html>`;
    const hugeText = article('Huge', words(14_000));
    const pages = [makePage({ url: `${O}/docs/heavy`, html: heavyHtml }), makePage({ url: `${O}/docs/huge`, html: hugeText })];
    const full = 'The Acme API sends payments. '.repeat(30_000);
    const { ctx } = makeContext(makeSnapshot(O, pages), { [`${O}/llms-full.txt`]: { status: 200, headers: { 'content-type': 'text/plain' }, body: full } });
    const { facts, findings } = await markdownProbe.run(ctx);
    const heavy = facts.tokens.pages.find((p) => p.url === `${O}/docs/heavy`)!;
    const huge = facts.tokens.pages.find((p) => p.url === `${O}/docs/huge`)!;
    expect(heavy.htmlTokens).toBeGreaterThan(PAGE_TOKEN_LIMIT);
    expect(heavy.mainTokens).toBeLessThan(PAGE_TOKEN_LIMIT);
    expect(huge.mainTokens).toBeGreaterThan(PAGE_TOKEN_LIMIT);
    expect(facts.oversizedHtmlUrls).toEqual([`${O}/docs/heavy`, `${O}/docs/huge`]);
    expect(facts.oversizedTextUrls).toEqual([`${O}/docs/huge`]);
    expect(facts.oversizedUrls).toEqual([`${O}/docs/heavy`, `${O}/docs/huge`]);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', url: `${O}/docs/heavy`, message: expect.stringContaining('the HTML is') }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', url: `${O}/docs/huge`, message: expect.stringContaining('even its text is') }));
    expect(facts.llmsFullTokens).toBe(countTokens(full));
    expect(facts.llmsFullTooLarge).toBe(true);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', url: `${O}/llms-full.txt`, message: expect.stringContaining('more than the 128,000') }));
  });

  it('checks a redirected page at the URL the crawl landed on', async () => {
    const page = makePage({ url: `${O}/docs`, finalUrl: `${O}/docs/`, redirects: [`${O}/docs`], html: article('Docs') });
    const { ctx, calls } = makeContext(makeSnapshot(O, [page]), { [`${O}/docs/|${MD}`]: mdOk('# Docs\n', { vary: 'Accept' }) });
    const { facts } = await markdownProbe.run(ctx);
    expect(facts.negotiatingUrls).toEqual([`${O}/docs/`]);
    expect(facts.sampledUrls).toEqual([`${O}/docs/`]);
    expect(calls.map((c) => c.url)).toContain(`${O}/docs/index.md`);
    expect(calls.map((c) => c.url)).not.toContain(`${O}/docs`);
  });

  it('says so when no HTML page was crawled', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [makePage({ url: `${O}/`, status: 500, html: '' })]));
    const { facts, findings } = await markdownProbe.run(ctx);
    expect(facts.pagesSampled).toBe(0);
    expect(facts.tokens).toMatchObject({ pages: [], medianHtmlTokens: null, htmlOverheadRatio: null });
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('No HTML pages were crawled') }));
  });
});

describe('markdown probe (fixture portal over HTTP)', () => {
  const PATHS = ['/', '/docs/', '/docs/quickstart', '/about'];
  const root = fileURLToPath(new URL('../../fixtures/markdown/site', import.meta.url));
  let portal: RunningPortal;
  let client: HttpClient;
  let facts: MarkdownFacts;
  let findings: Finding[];
  let u: (path: string) => string;

  beforeAll(async () => {
    portal = await startStaticPortal({ root, host: '127.0.0.1', port: 0 });
    u = (path) => portal.url + path;
    client = createHttpClient({ allowPrivate: true });
    const auditFetch = createAuditFetch(client);
    const pages = [];
    for (const path of PATHS) {
      const res = await auditFetch(u(path), { headers: { accept: CRAWL_ACCEPT } });
      pages.push(makePage({ url: res.url, finalUrl: res.finalUrl, status: res.status, headers: res.headers, html: decodeBody(res.body, res.headers['content-type']), depth: path === '/' ? 0 : 1 }));
    }
    const ctx = contextOf({
      snapshot: makeSnapshot(portal.url, pages),
      fetch: auditFetch,
      signal: new AbortController().signal,
      options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
    });
    ({ facts, findings } = await markdownProbe.run(ctx));
  });

  afterAll(async () => {
    await client?.close();
    await portal?.close();
  });

  it('finds the negotiating page (with Vary: Accept) and the .md twins', () => {
    expect(facts.negotiation).toBe(true);
    expect(facts.negotiatingUrls).toEqual([u('/docs/')]);
    expect(facts.varyAcceptMissing).toEqual([]);
    expect(facts.negotiationChecks.find((c) => c.url === u('/'))).toMatchObject({ outcome: 'ignored', contentType: 'text/html' });
    expect(facts.mdSiblings).toBe(true);
    expect(facts.mdSiblingUrls).toEqual([
      { page: u('/docs/'), md: u('/docs/index.md'), via: 'convention' },
      { page: u('/docs/quickstart'), md: u('/docs/quickstart.md'), via: 'convention' },
    ]);
  });

  it('reports the alternate link to a missing file', () => {
    expect(facts.alternateLinks).toEqual([{ page: u('/'), href: u('/missing.md'), ok: false, outcome: 'failed', status: 404 }]);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', url: u('/'), message: expect.stringContaining(`declares a Markdown version at ${u('/missing.md')}`) }));
  });

  it('counts tokens: the served Markdown where there is one, a labelled estimate where not', () => {
    const twin = readFileSync(`${root}/docs/quickstart.md`, 'utf8');
    const byUrl = Object.fromEntries(facts.tokens.pages.map((p) => [p.url, p]));
    expect(byUrl[u('/docs/quickstart')]).toMatchObject({ markdownSource: 'sibling', markdownTokens: countTokens(twin), estimatedMarkdownTokens: null });
    expect(byUrl[u('/docs/')].markdownSource).toBe('negotiated');
    expect(byUrl[u('/about')]).toMatchObject({ markdownSource: null, markdownTokens: null });
    expect(byUrl[u('/about')].estimatedMarkdownTokens).toBeGreaterThan(20);
    // HTML costs more than its text on every page.
    for (const p of facts.tokens.pages) expect(p.htmlTokens).toBeGreaterThan(p.mainTokens);
    expect(facts.pagesSampled).toBe(4);
    expect(facts.oversizedUrls).toEqual([]);
  });

  it('counts llms-full.txt (finos/morphir, 82,816 bytes) with tiktoken o200k_base', () => {
    const text = readFileSync(`${root}/llms-full.txt`, 'utf8');
    // Independent check: tiktoken itself, in one pass, and its known count for a short string.
    const enc = get_encoding('o200k_base');
    try {
      expect(enc.encode_ordinary('hello world').length).toBe(2);
      const direct = enc.encode_ordinary(text).length;
      expect(direct).toBe(19_399);
      expect(Math.abs(facts.llmsFullTokens! - direct)).toBeLessThanOrEqual(direct * 0.005);
    } finally {
      enc.free();
    }
    // Size sanity: English Markdown runs 3–6 bytes per token; half the file is about half the tokens.
    expect(facts.llmsFullTokens!).toBeGreaterThan(82_816 / 6);
    expect(facts.llmsFullTokens!).toBeLessThan(82_816 / 3);
    const half = countTokens(text.slice(0, text.length / 2));
    expect(half).toBeLessThan(facts.llmsFullTokens!);
    expect(half).toBeGreaterThan(facts.llmsFullTokens! * 0.4);
    expect(facts.llmsFullTooLarge).toBe(false);
  });
});
