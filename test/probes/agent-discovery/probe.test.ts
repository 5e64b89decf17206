// The agent-discovery probe: unit cases over in-memory responses (nothing there, SPA soft 404s, a
// catalog found only through a Link header, robots.txt-blocked URLs, security.txt at the legacy
// path) and an integration run against test/fixtures/agent-discovery/site served over HTTP.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import agentDiscoveryProbe, { createAgentDiscoveryProbe } from '../../../probes/agent-discovery/index.js';
import { CRAWL_ACCEPT } from '../../../src/audit/resource.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import { decodeBody } from '../../../src/fetch/decode.js';
import type { FetchRequest, FetchResult, HttpClient } from '../../../src/fetch/types.js';
import type { AgentDiscoveryFacts, Finding, ProbeContext } from '../../../src/contract/index.js';
import { contextOf, makeContext, makePage, makeSnapshot } from '../../helpers/probe-context.js';

const O = 'https://acme.test';
const home = (headers: Record<string, string> = {}, head = '') => makePage({ url: `${O}/`, headers, html: `<html><head><title>Acme</title>${head}</head><body><p>Acme</p></body></html>` });
const messages = (findings: Finding[]) => findings.map((f) => f.message).join('\n');

describe('agent-discovery probe (in-memory responses)', () => {
  it('reports absence plainly when nothing is there', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [home()]));
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.signalsFound).toEqual([]);
    expect(facts.preStandardFound).toEqual([]);
    expect(facts.apiCatalog).toMatchObject({ present: false, url: `${O}/.well-known/api-catalog`, valid: false, linkCount: 0, via: null });
    expect(facts.mcp).toMatchObject({ present: false, preStandard: true, checkedUrls: [`${O}/.well-known/mcp/server-card.json`, `${O}/.well-known/mcp.json`] });
    expect(facts.securityTxt).toMatchObject({ present: false, missingRequired: [], expired: false });
    expect(facts).toMatchObject({ feeds: [], contentSignals: [], contentSignalPreStandard: true, openSearch: { present: false } });
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('No agent discovery files found (/.well-known/api-catalog, /apis.json,') }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', url: `${O}/.well-known/security.txt`, evidence: 'HTTP 404, text/html' }));
  });

  it('does not take an SPA\'s HTML answers (200 everywhere) for files', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [home()]));
    const shell = '<!doctype html><html><body><div id="root"></div></body></html>';
    ctx.fetch = async (url: string): Promise<FetchResult> => ({
      url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(shell), truncated: false, redirects: [], bytes: shell.length, durationMs: 1, ttfbMs: 1,
    });
    const { facts } = await agentDiscoveryProbe.run(ctx);
    expect(facts.signalsFound).toEqual([]);
    expect(facts.llmsTxt.present).toBe(false);
  });

  it('follows a Link: rel="api-catalog" header when /.well-known/api-catalog is missing', async () => {
    const catalog = JSON.stringify({ linkset: [{ anchor: `${O}/apis/a`, 'service-desc': [{ href: `${O}/a.yaml` }] }] });
    const { ctx } = makeContext(makeSnapshot(O, [home({ link: '</catalog.json>; rel="api-catalog"' })]), {
      [`${O}/catalog.json`]: { headers: { 'content-type': 'application/json' }, body: catalog },
    });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.apiCatalog).toMatchObject({ present: true, url: `${O}/catalog.json`, valid: true, linkCount: 1, apiCount: 1, via: 'link-header', linked: `${O}/catalog.json`, profile: false });
    expect(facts.signalsFound).toEqual(['api-catalog']);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('is only linked'), evidence: `Link header on ${O}/` }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('requires application/linkset+json'), evidence: 'Content-Type: application/json' }));
  });

  it('reports an invalid catalog with the RFC 9264 reason', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [home()]), {
      [`${O}/.well-known/api-catalog|application/linkset+json, application/json;q=0.9, */*;q=0.5`]: {
        headers: { 'content-type': 'application/linkset+json' }, body: '{"linkset": [{"anchor": "https://acme.test/", "item": "https://acme.test/a"}]}',
      },
    });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.apiCatalog).toMatchObject({ present: true, valid: false, via: 'well-known' });
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', evidence: expect.stringContaining('must be an array of target objects') }));
  });

  it('never calls a robots.txt-blocked URL missing', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [home()]));
    const inner = ctx.fetch;
    ctx.fetch = async (url: string, request?: FetchRequest) => {
      if (url.includes('/.well-known/')) {
        return { ...(await inner(url, request)), status: 0, body: Buffer.alloc(0), error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'disallowed' } };
      }
      return inner(url, request);
    };
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.notChecked).toEqual(expect.arrayContaining([`${O}/.well-known/api-catalog`, `${O}/.well-known/security.txt`, `${O}/.well-known/mcp.json`]));
    expect(messages(findings)).toContain('not checked because robots.txt');
    // /.well-known/security.txt could not be asked for: no "No security.txt" claim.
    expect(messages(findings)).not.toContain('No security.txt');
    expect(facts.securityTxt.present).toBe(false);
    // …and the "none found" note names only what was checked.
    expect(findings.find((f) => f.message.startsWith('No agent discovery files found'))?.message).toBe('No agent discovery files found (/apis.json): agents cannot find the APIs or tools without reading pages.');
  });

  it('finds security.txt at the legacy top-level path and says where it belongs', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [home()]), {
      [`${O}/security.txt`]: { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Contact: mailto:sec@acme.test\nExpires: 2026-06-01T00:00:00Z\n' },
    });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.securityTxt).toMatchObject({ present: true, url: `${O}/security.txt`, legacyLocation: true, missingRequired: [], expired: false, expiresInDays: 151 });
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('legacy location'), evidence: `${O}/.well-known/security.txt: HTTP 404, text/html` }));
  });

  it('reports an expired security.txt and a missing Contact, with the clock injected', async () => {
    const body = 'Expires: 2025-01-01T00:00:00Z\n';
    const { ctx } = makeContext(makeSnapshot(O, [home()]), { [`${O}/.well-known/security.txt`]: { headers: { 'content-type': 'text/plain' }, body } });
    const probe = createAgentDiscoveryProbe({ now: () => new Date('2025-06-01T00:00:00Z') });
    const { facts, findings } = await probe.run(ctx);
    expect(facts.securityTxt).toMatchObject({ present: true, missingRequired: ['Contact'], expired: true, expires: '2025-01-01T00:00:00Z', expiresInDays: -151 });
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'error', message: 'security.txt: no Contact field (required, RFC 9116 §2.5.3).' }));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('is in the past') }));
  });

  it('reads a twin of a crawled well-known file the crawl\'s way', async () => {
    const robotsPage = makePage({ url: `${O}/robots.txt`, html: '', headers: { 'content-type': 'text/plain' } });
    const { ctx, calls } = makeContext(makeSnapshot(O, [home(), robotsPage]), {
      [`${O}/robots.txt|${CRAWL_ACCEPT}`]: { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nContent-Signal: ai-train=no\n' },
    });
    const { facts } = await agentDiscoveryProbe.run(ctx);
    expect(facts.contentSignals).toEqual([{ agent: '*', value: 'ai-train=no', signals: { 'ai-train': 'no' }, line: 2 }]);
    expect(calls.filter((c) => c.url === `${O}/robots.txt`).map((c) => c.request?.headers?.accept)).toEqual([CRAWL_ACCEPT]);
  });
});

describe('agent-discovery probe (fixture portal over HTTP)', () => {
  const root = fileURLToPath(new URL('../../fixtures/agent-discovery/site', import.meta.url));
  let portal: RunningPortal;
  let client: HttpClient;
  let ctx: ProbeContext;
  let facts: AgentDiscoveryFacts;
  let findings: Finding[];
  let u: (path: string) => string;
  let crawlFetches = 0;
  let probeFetches = 0;

  beforeAll(async () => {
    portal = await startStaticPortal({ root, host: '127.0.0.1', port: 0 });
    u = (path) => portal.url + path;
    client = createHttpClient({ allowPrivate: true });
    const auditFetch = createAuditFetch(client);
    const pages = [];
    for (const path of ['/', '/docs']) {
      const res = await auditFetch(u(path), { headers: { accept: CRAWL_ACCEPT } });
      pages.push(makePage({ url: res.url, finalUrl: res.finalUrl, status: res.status, headers: res.headers, html: decodeBody(res.body, res.headers['content-type']), depth: path === '/' ? 0 : 1 }));
    }
    crawlFetches = auditFetch.distinctFetches;
    ctx = contextOf({ snapshot: makeSnapshot(portal.url, pages), fetch: auditFetch, signal: new AbortController().signal, options: { maxLinkChecks: 50, maxSitemapDepth: 3 } });
    ({ facts, findings } = await createAgentDiscoveryProbe({ now: () => new Date('2026-03-01T00:00:00Z') }).run(ctx));
    probeFetches = auditFetch.distinctFetches - crawlFetches;
  });

  afterAll(async () => {
    await client?.close();
    await portal?.close();
  });

  it('finds every signal the portal publishes', () => {
    expect(facts.signalsFound).toEqual(['api-catalog', 'apis.json', 'mcp-server-card', 'ai-plugin', 'a2a-agent-card', 'security.txt', 'opensearch', 'feed', 'content-signal', 'llms.txt']);
    expect(facts.preStandardFound).toEqual(['mcp-server-card', 'ai-plugin', 'a2a-agent-card', 'content-signal', 'llms.txt']);
    expect(facts.notChecked).toEqual([]);
  });

  it('reads the RFC 9727 catalog, its profile and the Link header', () => {
    expect(facts.apiCatalog).toMatchObject({
      present: true, url: u('/.well-known/api-catalog'), valid: true, linkCount: 5, apiCount: 2, via: 'well-known', linked: u('/.well-known/api-catalog'),
      profile: true, errors: [],
    });
    expect(facts.apiCatalog.entries).toEqual([
      { anchor: u('/apis/payments'), serviceDesc: [u('/openapi/payments.json')], serviceDoc: [u('/docs/payments')] },
      { anchor: u('/apis/refunds'), serviceDesc: [u('/openapi/refunds.yaml')], serviceDoc: [u('/docs/refunds')] },
    ]);
    expect(facts.apisJson).toMatchObject({ present: true, valid: true, name: 'Acme Payments', apiCount: 2 });
    expect(facts.apisJson.apis[0]).toEqual({ name: 'Payments API', baseURL: 'https://api.acme.example/v1', humanURL: u('/docs/payments'), propertyTypes: ['OpenAPI'] });
  });

  it('reads the pre-standard agent files', () => {
    expect(facts.mcp).toMatchObject({
      present: true, url: u('/.well-known/mcp/server-card.json'), name: 'example.acme/payments', version: '1.4.0', endpoint: u('/mcp'), transport: 'streamable-http', toolCount: 3, preStandard: true,
    });
    expect(facts.aiPlugin).toMatchObject({ present: true, nameForModel: 'acme_payments', apiUrl: u('/openapi/payments.json'), schemaVersion: 'v1', preStandard: true });
    expect(facts.a2aAgentCard).toMatchObject({ present: true, name: 'Acme support agent', endpoint: u('/a2a'), skillCount: 2 });
    expect(facts.contentSignals).toEqual([{ agent: '*', value: 'search=yes, ai-input=yes, ai-train=no', signals: { search: 'yes', 'ai-input': 'yes', 'ai-train': 'no' }, line: 3 }]);
    expect(facts.llmsTxt).toEqual({ present: true, url: u('/llms.txt'), preStandard: true });
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('legacy OpenAI plugin manifest') }));
  });

  it('reads the signed security.txt', () => {
    expect(facts.securityTxt).toMatchObject({
      present: true, url: u('/.well-known/security.txt'), legacyLocation: false, signed: true, missingRequired: [], expired: false,
      expires: '2026-10-01T00:00:00Z', expiresInDays: 214, contentType: 'text/plain; charset=utf-8',
    });
    expect(facts.securityTxt.fields.contact).toEqual(['mailto:security@acme.example', 'https://acme.example/security/report']);
    expect(facts.securityTxt.fields.canonical).toEqual([u('/.well-known/security.txt')]);
    // The test server is http://, which RFC 9116 §3 does not allow (and so is the Canonical URL); nothing else is wrong.
    expect(findings.filter((f) => f.url?.endsWith('security.txt'))).toEqual([
      expect.objectContaining({ severity: 'info', message: expect.stringContaining('plain HTTP') }),
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('Canonical'), evidence: 'line 10' }),
    ]);
  });

  it('checks OpenSearch and the feeds (one malformed)', () => {
    expect(facts.openSearch).toEqual({ present: true, url: u('/opensearch.xml'), valid: true, shortName: 'Acme docs', template: u('/search?q={searchTerms}'), declaredOn: u('/') });
    expect(facts.feeds).toEqual([
      { url: u('/changelog.rss'), type: 'application/rss+xml', declaredOn: u('/'), valid: true, format: 'rss', title: 'Acme API changelog', entries: 3, newest: '2026-02-02T09:00:00.000Z', newestAgeDays: 26, error: null },
      { url: u('/blog.atom'), type: 'application/atom+xml', declaredOn: u('/'), valid: false, format: null, title: null, entries: 0, newest: null, newestAgeDays: null, error: expect.stringContaining('malformed XML') },
    ]);
    // 2026-02-02T09:00Z to the injected clock 2026-03-01T00:00Z: 26 whole days (and 15 hours). The malformed feed does not count.
    expect(facts.newestFeedAgeDays).toBe(26);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', url: u('/blog.atom'), message: expect.stringContaining('does not parse'), evidence: expect.stringMatching(/line \d+/) }));
  });

  it('asks each URL once and never refetches the crawled pages', () => {
    // catalog, apis.json, 2 MCP paths, ai-plugin, agent-card, security.txt, opensearch.xml, 2 feeds, robots.txt, llms.txt,
    // and the origin's 3 OAuth / OIDC metadata URLs (the portal names no other authorization host).
    expect(probeFetches).toBe(15);
    expect(facts.authMetadata).toMatchObject({ found: false, valid: false, linkedFromDocs: false, authorizationHosts: [] });
  });

  it('reports the same file expired when the clock moves past Expires', async () => {
    const later = await createAgentDiscoveryProbe({ now: () => new Date('2027-01-01T00:00:00Z') }).run(ctx);
    expect(later.facts.securityTxt).toMatchObject({ expired: true, expiresInDays: -92 });
    expect(later.findings).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringContaining('is in the past') }));
  });
});
