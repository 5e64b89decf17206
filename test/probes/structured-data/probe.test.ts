// Tests for probes/structured-data/index.ts: page selection, facts and findings over hand-built snapshots,
// and an integration run against a fixture portal (test/fixtures/structured-data/site) served by
// the real static server and fetched with the real HTTP client.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import structuredDataProbe, { isApiPage } from '../../../probes/structured-data/index.js';
import { htmlPages } from '../../../src/crawl/page-views.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import { decodeBody } from '../../../src/fetch/decode.js';
import type { HttpClient } from '../../../src/fetch/types.js';
import type { Finding, StructuredDataFacts } from '../../../src/contract/index.js';
import { makeContext, makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

const O = 'https://portal.example';
const ld = (v: object): string => `<script type="application/ld+json">${JSON.stringify(v)}</script>`;
const html = (head: string, body = '<p>Hello</p>'): string => `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;
const ORG = ld({ '@context': 'https://schema.org', '@type': 'Organization', name: 'Acme', url: `${O}/` });

async function run(pages: ReturnType<typeof makePage>[]) {
  const { ctx, calls } = makeContext(makeSnapshot(O, pages));
  const out = await structuredDataProbe.run(ctx);
  return { ...out, calls };
}
const messages = (findings: Finding[]): string[] => findings.map((f) => f.message);

describe('structured-data probe (snapshots)', () => {
  it('is registered under its file name and reads only pages', () => {
    expect(structuredDataProbe.id).toBe('structured-data');
    expect(structuredDataProbe.reads).toEqual(['pages']);
  });

  it('reports a site without structured data, without fetching anything', async () => {
    const { facts, findings, calls } = await run([makePage({ url: `${O}/`, html: html('') }), makePage({ url: `${O}/docs`, html: html('') })]);
    expect(calls).toEqual([]);
    expect(facts).toMatchObject({ types: [], invalidBlocks: 0, pagesChecked: 2, pagesWithStructuredData: 0, organization: null, webApi: null, faqQuestions: 0, homeTypes: [] });
    expect(findings.map((f) => [f.severity, f.message.slice(0, 40)])).toEqual([
      ['warning', 'No schema.org structured data on any of '],
      ['warning', 'No schema.org Organization (or subtype s'],
    ]);
    expect(findings[0].url).toBe(`${O}/`);
  });

  it('flags a home page without structured data when other pages have some', async () => {
    const { findings } = await run([makePage({ url: `${O}/`, html: html('') }), makePage({ url: `${O}/about`, html: html(ORG) })]);
    const home = findings.find((f) => f.message.startsWith('The home page has no'));
    expect(home).toMatchObject({ severity: 'warning', url: `${O}/`, evidence: '0 JSON-LD block(s), no schema.org type' });
    expect(messages(findings).some((m) => m.startsWith('No schema.org Organization'))).toBe(false);
  });

  it('notes API pages without a WebAPI (info), and not when one exists', async () => {
    const api = makePage({ url: `${O}/api/reference`, html: html('') });
    const { findings } = await run([makePage({ url: `${O}/`, html: html(ORG) }), api]);
    expect(findings).toEqual([expect.objectContaining({ severity: 'info', url: `${O}/api/reference`, evidence: `API pages: ${O}/api/reference` })]);
    const withApi = makePage({ url: `${O}/docs`, html: html(ld({ '@context': 'https://schema.org', '@type': 'WebAPI', name: 'X' })) });
    expect((await run([makePage({ url: `${O}/`, html: html(ORG) }), api, withApi])).findings).toEqual([]);
  });

  it('reports invalid and recovered blocks with url and located evidence', async () => {
    const broken = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Product" "name": "x"}</script>';
    const lenient = '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Offer", }</script>';
    const { facts, findings } = await run([makePage({ url: `${O}/`, html: html(ORG + broken + lenient) })]);
    expect(facts.invalidBlocks).toBe(2);
    expect(facts.recoveredBlocks).toBe(1);
    expect(facts.types).toEqual(['Offer', 'Organization']);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', url: `${O}/`, evidence: expect.stringMatching(/^JSON-LD block 2: Expected ',' or '}' after property value \(line 1, column 55\)/) }),
      expect.objectContaining({ severity: 'warning', url: `${O}/`, evidence: expect.stringMatching(/^JSON-LD block 3: .*recovered by removing trailing commas/) }),
    ]);
  });

  it('warns about a missing @context with the block and its types', async () => {
    const { findings } = await run([makePage({ url: `${O}/`, html: html(ld({ '@type': 'Organization', name: 'Acme' })) })]);
    expect(findings).toEqual([
      { severity: 'warning', message: expect.stringContaining('no @context'), url: `${O}/`, evidence: 'JSON-LD block 1: no @context (types: Organization); consumers must guess the vocabulary' },
    ]);
  });

  it('caps findings per kind and says how many more', async () => {
    const blocks = Array.from({ length: 120 }, () => '<script type="application/ld+json">{oops}</script>').join('');
    const { facts, findings } = await run([makePage({ url: `${O}/`, html: html(ORG + blocks) })]);
    expect(facts.invalidBlocks).toBe(120);
    expect(facts.invalid).toHaveLength(100);
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(10);
    expect(findings.at(-1)).toEqual({ severity: 'info', message: '110 more invalid block(s) not listed here (see facts).' });
  });

  it('checks 2xx HTML pages once per final URL', () => {
    const snapshot = makeSnapshot(O, [
      makePage({ url: `${O}/`, html: html(ORG) }),
      makePage({ url: `${O}/index.html`, finalUrl: `${O}/`, html: html(ORG) }),
      makePage({ url: `${O}/gone`, status: 404, html: html(ORG) }),
      makePage({ url: `${O}/openapi.json`, html: '{}', headers: { 'content-type': 'application/json' } }),
      makePage({ url: `${O}/empty`, html: '' }),
    ]);
    expect(htmlPages(snapshot).map((p) => p.url)).toEqual([`${O}/`]);
  });

  it.each([
    ['/api', true], ['/docs/api/payments', true], ['/reference/', true], ['/openapi.yaml', true], ['/apis', true],
    ['/docs/guides', false], ['/capital', false], ['/', false],
  ])('isApiPage(%s) = %s', (path, expected) => {
    expect(isApiPage(O + path)).toBe(expected);
  });

  it('stops when the audit is cancelled', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [makePage({ url: `${O}/`, html: html(ORG) })]));
    const controller = new AbortController();
    controller.abort();
    await expect(structuredDataProbe.run({ ...ctx, signal: controller.signal })).rejects.toMatchObject({ code: 'PP_ERR_ABORTED' });
  });
});

describe('structured-data probe (fixture portal over HTTP)', () => {
  const PATHS = ['/', '/docs/api/', '/faq', '/pricing', '/changelog', '/about', '/missing'];
  let portal: RunningPortal;
  let client: HttpClient;
  let facts: StructuredDataFacts;
  let findings: Finding[];
  let fetches = 0;

  beforeAll(async () => {
    portal = await startStaticPortal({ root: fileURLToPath(new URL('../../fixtures/structured-data/site', import.meta.url)), host: '127.0.0.1', port: 0 });
    client = createHttpClient({ allowPrivate: true });
    const auditFetch = createAuditFetch(client);
    const pages = [];
    for (const path of PATHS) {
      const res = await auditFetch(portal.url + path);
      pages.push(makePage({ url: res.url, finalUrl: res.finalUrl, status: res.status, headers: res.headers, html: decodeBody(res.body, res.headers['content-type']) }));
    }
    fetches = auditFetch.distinctFetches;
    const ctx = contextOf({
      snapshot: makeSnapshot(portal.url, pages),
      fetch: auditFetch,
      signal: new AbortController().signal,
      options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
    });
    ({ facts, findings } = await structuredDataProbe.run(ctx));
    expect(auditFetch.distinctFetches).toBe(fetches); // the probe fetched nothing itself
  });

  afterAll(async () => {
    await client?.close();
    await portal?.close();
  });

  it('finds every type, nested included, in all three syntaxes', () => {
    expect(facts.types).toEqual([
      'AboutPage', 'Answer', 'BreadcrumbList', 'ContactPoint', 'Corporation', 'EntryPoint', 'FAQPage', 'ImageObject', 'ListItem',
      'Offer', 'Organization', 'Product', 'Question', 'SearchAction', 'WebAPI', 'WebSite',
    ]);
    expect(facts.pagesChecked).toBe(6);
    expect(facts.pagesWithStructuredData).toBe(5);
    expect(facts.syntaxes).toEqual({ jsonLd: 3, microdata: 1, rdfa: 1 });
    expect(facts.byType.Product).toEqual([`${portal.url}/pricing`]);
    expect(facts.byType.Organization).toEqual([`${portal.url}/docs/api/`, `${portal.url}/about`]);
  });

  it('answers the business questions', () => {
    expect(facts.businessTypes).toMatchObject({
      Organization: true, WebSite: true, SearchAction: true, ContactPoint: true, WebAPI: true, Product: true, Offer: true,
      FAQPage: true, BreadcrumbList: true, HowTo: false, Event: false, SoftwareApplication: false,
    });
    expect(facts.organization).toEqual({
      type: 'Corporation', name: 'Acme Payments Ltd', url: `${portal.url}/`, logo: `${portal.url}/logo.png`,
      sameAs: ['https://github.com/acme-payments', 'https://www.linkedin.com/company/acme-payments'],
      contactPoint: [{ contactType: 'sales', email: 'sales@acme.example' }, { contactType: 'technical support', url: `${portal.url}/support` }],
      foundOn: `${portal.url}/`,
    });
    expect(facts.webApi).toEqual({
      name: 'Acme Payments API', documentation: `${portal.url}/docs/api/`, termsOfService: `${portal.url}/terms`, provider: 'Acme Payments Ltd',
      foundOn: `${portal.url}/docs/api/`,
    });
    expect(facts.faqQuestions).toBe(3);
    expect(facts.homeTypes).toEqual(['ContactPoint', 'Corporation', 'EntryPoint', 'ImageObject', 'SearchAction', 'WebSite']);
  });

  it('counts the malformed block and reports it with its line', () => {
    expect(facts.invalidBlocks).toBe(1);
    expect(facts.invalid).toEqual([{ url: `${portal.url}/changelog`, syntax: 'json-ld', block: 0, recovered: false, reason: expect.stringContaining('(line 5, column 5)') }]);
    expect(findings).toEqual([
      {
        severity: 'error',
        message: 'A JSON-LD block is not valid JSON, so search engines and answer engines ignore it.',
        url: `${portal.url}/changelog`,
        evidence: expect.stringMatching(/^JSON-LD block 1: Expected ',' or '}' after property value \(line 5, column 5\) near ".*"name": "Acme Payments changelog"/),
      },
    ]);
  });

  it('gives facts that survive JSON (the report contract)', () => {
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });

  it('lists per-page items', () => {
    const pricing = facts.pages.find((p) => p.url === `${portal.url}/pricing`);
    expect(pricing?.items).toEqual([{ syntax: 'microdata', types: ['Product'], properties: ['description', 'name', 'offers'], nestedTypes: ['Offer'] }]);
    const about = facts.pages.find((p) => p.url === `${portal.url}/about`);
    expect(about?.items).toEqual([{ syntax: 'rdfa', types: ['AboutPage'], properties: ['description', 'mainEntity'], nestedTypes: ['Organization'] }]);
  });
});
