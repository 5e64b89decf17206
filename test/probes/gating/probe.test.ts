// Tests for probes/gating/index.ts: hand-built snapshots over an in-memory fetch, then the fixture portal
// (test/fixtures/gating/site) served on 127.0.0.1 with its _routes.json gates, fetched with the real
// client. The portal's /sandbox goes to an "external" Keycloak realm: a second local server that the
// client's resolver maps idp.example-bank.test to, so the redirect chain really leaves the portal.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import gatingProbe, { GATING_RULES, MAX_KEY_FETCHES, sameSite } from '../../../probes/gating/index.js';
import { crawl } from '../../../src/crawl/crawler.js';
import { createPageParser } from '../../../src/crawl/parse-pool.js';
import type { GatingFacts, Page, ProbeContext } from '../../../src/contract/index.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import { decodeBody } from '../../../src/fetch/decode.js';
import type { FetchResult, HostResolver } from '../../../src/fetch/types.js';
import { fetchResult, makeContext, makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

const O = 'https://developer.example-bank.test';
const PARA = 'The Accounts API returns balances and transactions of consented accounts over OAuth 2.0 and mutual TLS. ';
const doc = (title: string, body = PARA.repeat(12), nav = ''): string =>
  `<html><head><title>${title}</title></head><body><nav><a href="/docs/">Docs</a> <a href="/docs/reference">API reference</a> <a href="/pricing">Pricing</a> <a href="/login">Log in</a>${nav}</nav><main><h1>${title}</h1><p>${body}</p></main></body></html>`;
const LOGIN = '<html><head><title>Log in</title></head><body><h1>Log in</h1><form action="/session" method="post"><input type="email"><input type="password"><button>Log in</button></form></body></html>';

describe('gating probe (hand-built snapshots)', () => {
  it('has the contract metadata', () => {
    expect(gatingProbe).toMatchObject({ id: 'gating', reads: ['pages', 'fetch'] });
    expect(gatingProbe.title).toBeTruthy();
    expect(GATING_RULES.keyKinds).toHaveLength(7);
    expect(MAX_KEY_FETCHES).toBe(7);
  });

  it('an open portal has no gated pages, no findings and fetches nothing it already has', async () => {
    const pages = [
      makePage({ url: `${O}/`, html: doc('Home') }),
      makePage({ url: `${O}/docs/`, html: doc('Docs') }),
      makePage({ url: `${O}/docs/reference`, html: doc('API reference') }),
      makePage({ url: `${O}/pricing`, html: doc('Pricing', `${PARA.repeat(4)} Sandbox is free; production costs EUR 0.02 per call.`) }),
      makePage({ url: `${O}/login`, html: LOGIN }),
    ];
    const { ctx, calls } = makeContext(makeSnapshot(O, pages));
    const { facts, findings } = await gatingProbe.run(ctx);
    expect(facts).toMatchObject({ gatedUrls: [], loginWall: false, loginWallBecause: [], pages: [], gatedShare: 0, assessedPages: 4, gatedKeyPages: [], botBlockedUrls: [], loginUrls: [`${O}/login`] });
    expect(facts.keyPages.docs).toEqual({ url: `${O}/docs/`, gated: false, gate: 'open', status: 200, source: 'crawl' });
    expect(facts.keyPages.pricing).toMatchObject({ url: `${O}/pricing`, gated: false });
    expect(facts.keyPages.sandbox).toBeNull();
    expect(findings).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('fetches a key page the crawl missed (same site only), and reports it gated', async () => {
    const home = makePage({
      url: `${O}/`,
      html: doc('Home', PARA.repeat(12), '<a href="https://partners.example-bank.test/sandbox">Sandbox</a> <a href="https://other.example/openapi.yaml">OpenAPI</a>'),
    });
    const { ctx, calls } = makeContext(makeSnapshot(O, [home, makePage({ url: `${O}/docs/`, html: doc('Docs') }), makePage({ url: `${O}/docs/reference`, html: doc('Reference') })]), {
      [`${O}/pricing`]: { status: 200, finalUrl: `${O}/login?next=%2Fpricing`, redirects: [`${O}/pricing`], headers: { 'content-type': 'text/html' }, body: LOGIN },
      'https://partners.example-bank.test/sandbox': { status: 401, headers: { 'content-type': 'text/html', 'www-authenticate': 'Basic realm="sandbox"' }, body: '<html><body>401</body></html>' },
    });
    const { facts, findings } = await gatingProbe.run(ctx);
    expect(facts.keyPages.pricing).toEqual({ url: `${O}/pricing`, gated: true, gate: 'login-redirect', status: 200, source: 'link' });
    expect(facts.keyPages.sandbox).toEqual({ url: 'https://partners.example-bank.test/sandbox', gated: true, gate: 'status-401', status: 401, source: 'link' });
    expect(facts.keyPages.specs).toEqual({ url: 'https://other.example/openapi.yaml', gated: null, gate: null, status: null, source: 'link', notChecked: 'other site' });
    expect(calls.map((c) => c.url).sort()).toEqual([`${O}/pricing`, 'https://partners.example-bank.test/sandbox']);
    expect(calls.every((c) => /text\/html/.test(c.request?.headers?.accept ?? ''))).toBe(true);
    expect(facts.keyPagesFetched).toBe(2);
    expect(facts.gatedUrls).toEqual([`${O}/pricing`, 'https://partners.example-bank.test/sandbox']);
    expect(facts.loginUrls).toEqual([`${O}/login`]);
    const sandbox = findings.find((f) => f.url === 'https://partners.example-bank.test/sandbox');
    expect(sandbox).toMatchObject({ severity: 'warning' });
    expect(sandbox?.evidence).toContain('WWW-Authenticate: Basic realm="sandbox"');
  });

  it('a key page the crawl has at 404 is missing, not gated', async () => {
    const pages = [makePage({ url: `${O}/`, html: doc('Home') }), makePage({ url: `${O}/pricing`, status: 404, html: doc('Not found', 'No page here.') })];
    const { ctx } = makeContext(makeSnapshot(O, pages));
    const { facts } = await gatingProbe.run(ctx);
    expect(facts.keyPages.pricing).toEqual({ url: `${O}/pricing`, gated: false, gate: 'open', status: 404, source: 'crawl' });
    expect(facts.gatedKeyPages).toEqual([]);
  });

  it('a key page disallowed by robots.txt is "not checked", never fetched and never missing', async () => {
    const home = makePage({ url: `${O}/`, html: doc('Home') });
    const snapshot = makeSnapshot(O, [home]);
    snapshot.skippedByRobots = [`${O}/docs/`];
    const robotsRefusal = async (url: string): Promise<FetchResult> => ({
      ...fetchResult(url, { status: 0 }),
      status: 0,
      error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'robots.txt disallows it' },
    });
    const calls: string[] = [];
    const ctx = contextOf({ ...makeContext(snapshot).ctx, fetch: async (url) => (calls.push(url), robotsRefusal(url)) });
    const { facts, findings } = await gatingProbe.run(ctx);
    expect(facts.keyPages.docs).toMatchObject({ url: `${O}/docs/`, gated: null, notChecked: 'robots.txt' });
    expect(facts.keyPages.reference).toMatchObject({ url: `${O}/docs/reference`, gated: null, notChecked: 'robots.txt' });
    expect(calls).not.toContain(`${O}/docs/`);
    expect(calls).toContain(`${O}/docs/reference`);
    expect(findings.filter((f) => f.severity === 'info' && /not checked \(robots\.txt\)/.test(f.message))).toHaveLength(3);
    expect(facts.loginWall).toBe(false);
  });

  it('a link that goes straight to the sign-in page gates its key page without a fetch', async () => {
    const home = makePage({ url: `${O}/`, html: doc('Home', PARA.repeat(12), '<a href="/login?next=/keys">Get an API key</a>') });
    const { ctx, calls } = makeContext(makeSnapshot(O, [home, makePage({ url: `${O}/docs/`, html: doc('Docs') }), makePage({ url: `${O}/docs/reference`, html: doc('Ref') }), makePage({ url: `${O}/pricing`, html: doc('Pricing') })]));
    const { facts, findings } = await gatingProbe.run(ctx);
    expect(facts.keyPages.apiKeys).toEqual({ url: `${O}/login?next=/keys`, gated: true, gate: 'login-redirect', status: null, source: 'link' });
    expect(facts.gatedKeyPages).toEqual(['apiKeys']);
    expect(facts.pages).toContainEqual(expect.objectContaining({ url: `${O}/login?next=/keys`, gate: 'login-redirect', evidence: expect.objectContaining({ via: 'link' }) }));
    // API keys belong to an account: noted, not warned about.
    expect(findings).toEqual([expect.objectContaining({ severity: 'info', url: `${O}/login?next=/keys` })]);
    expect(calls).toEqual([]);
  });

  it('a start page that redirects to an identity provider is a login wall', async () => {
    const start = makePage({ url: `${O}/`, finalUrl: 'https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize?client_id=1&redirect_uri=x', redirects: [`${O}/`] });
    const { ctx } = makeContext(makeSnapshot(O, [start]));
    const { facts, findings } = await gatingProbe.run(ctx);
    expect(facts).toMatchObject({ gatedUrls: [`${O}/`], loginWall: true, loginWallBecause: ['start', 'most-pages'], gatedShare: 1 });
    expect(facts.loginUrls).toEqual(['https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize']);
    const wall = findings.find((f) => /Login wall/.test(f.message));
    expect(wall).toMatchObject({ severity: 'error', url: `${O}/` });
    expect(wall?.evidence).toContain('login.microsoftonline.com');
  });

  it('bot blocks are warnings, listed apart from login walls and capped', async () => {
    const blocked = (path: string): Page =>
      makePage({ url: `${O}${path}`, status: 403, headers: { 'cf-ray': '1-AMS' }, html: '<html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>' });
    const pages = [makePage({ url: `${O}/`, html: doc('Home') }), ...['/a', '/b', '/c', '/d', '/e', '/f', '/g'].map(blocked)];
    const { ctx } = makeContext(makeSnapshot(O, pages));
    const { facts, findings } = await gatingProbe.run(ctx);
    expect(facts.gatedUrls).toEqual([]);
    expect(facts.botBlockedUrls).toHaveLength(7);
    expect(facts.loginWall).toBe(false);
    const bot = findings.filter((f) => /bot block/.test(f.message));
    expect(bot).toHaveLength(6);
    expect(bot.every((f) => f.severity === 'warning')).toBe(true);
    expect(bot[5].message).toContain('2 more');
  });

  it('sameSite groups subdomains of one registrable domain', () => {
    expect(sameSite('https://developer.bank.example/x', 'https://bank.example/')).toBe(true);
    expect(sameSite('https://developer.bank.co.uk/', 'https://login.bank.co.uk/')).toBe(true);
    expect(sameSite('https://bank.co.uk/', 'https://other.co.uk/')).toBe(false);
    expect(sameSite('http://127.0.0.1:1/', 'http://127.0.0.2:1/')).toBe(false);
  });
});

// ——— integration: the fixture portal on 127.0.0.1 ———

const SITE = fileURLToPath(new URL('../../fixtures/gating/site/', import.meta.url));
const IDP = fileURLToPath(new URL('../../fixtures/gating/idp/', import.meta.url));
const KEYCLOAK_PATH = '/realms/dev/protocol/openid-connect/auth';
const IDP_HOST = 'idp.example-bank.test';
const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
const CRAWLED = ['/', '/docs/', '/docs/getting-started', '/docs/reference', '/products/payments-api', '/pricing', '/sandbox', '/console', '/partners', '/login', '/status', '/admin'];

/** Only the fixture IdP name resolves (to loopback); everything else fails as DNS would offline. */
const lookup: HostResolver = async (hostname) => (hostname === IDP_HOST ? [{ address: '127.0.0.1', family: 4 }] : []);

let idp: RunningPortal;
let idpOrigin: string;
const portals: RunningPortal[] = [];

async function startSite(routes?: Parameters<typeof startStaticPortal>[0]['routes']): Promise<string> {
  const portal = await startStaticPortal({ root: SITE, host: '127.0.0.1', port: 0, routes });
  portals.push(portal);
  return portal.url;
}

beforeAll(async () => {
  idp = await startStaticPortal({ root: IDP, host: '127.0.0.1', port: 0 });
  idpOrigin = `http://${IDP_HOST}:${new URL(idp.url).port}`;
});

afterAll(async () => {
  await Promise.all([idp.close(), ...portals.map((p) => p.close())]);
});

/** The snapshot from real fetches: each path fetched with the real client, parsed with the crawl's parser. */
async function fetchedContext(origin: string, paths: string[]) {
  const client = createHttpClient({ allowPrivate: true, lookup, maxRetries: 0 });
  const auditFetch = createAuditFetch(client);
  const fetched: string[] = [];
  const fetch: ProbeContext['fetch'] = (url, request) => (fetched.push(url), auditFetch(url, request));
  const pages: Page[] = [];
  for (const path of paths) {
    const res = await auditFetch(`${origin}${path}`, { headers: { accept: HTML_ACCEPT } });
    const html = /html/.test(res.headers['content-type'] ?? '') ? decodeBody(res.body, res.headers['content-type']) : '';
    const page = makePage({ url: res.url, finalUrl: res.finalUrl, redirects: res.redirects, status: res.status, headers: res.headers, html, depth: path === '/' ? 0 : 1 });
    if (res.error) page.error = res.error;
    pages.push(page);
  }
  const ctx = contextOf({ snapshot: makeSnapshot(origin, pages), fetch, signal: new AbortController().signal, options: { maxLinkChecks: 50, maxSitemapDepth: 3 } });
  return { ctx, fetched, close: () => client.close() };
}

const sandboxToIdp = () => ({
  redirects: {
    '/sandbox': { status: 302 as const, location: `${idpOrigin}${KEYCLOAK_PATH}?client_id=dev-portal&response_type=code&redirect_uri={{origin}}/sandbox/callback` },
  },
});

describe('gating probe on the fixture portal (real client, 127.0.0.1)', () => {
  it('finds every gate the portal declares, with evidence', async () => {
    const origin = await startSite(sandboxToIdp());
    const { ctx, fetched, close } = await fetchedContext(origin, CRAWLED);
    const { facts, findings } = await gatingProbe.run(ctx);
    await close();
    const u = (p: string) => `${origin}${p}`;

    expect([...facts.gatedUrls].sort()).toEqual([u('/admin'), u('/console'), u('/partners'), u('/pricing'), u('/products/payments-api'), u('/sandbox')]);
    expect(facts.botBlockedUrls).toEqual([u('/status')]);
    expect(facts.loginWall).toBe(false);
    expect(facts.gateCounts).toEqual({ 'login-redirect': 2, 'status-401': 1, 'status-403': 1, 'bot-blocked': 1, 'registration-interstitial': 1, partial: 1 });
    // 12 assessed: 11 crawled pages (the sign-in page itself is neither open nor gated) + /openapi.json fetched by the probe.
    expect(facts.assessedPages).toBe(12);
    expect(facts.gatedShare).toBe(0.5);

    const gate = (p: string) => facts.pages.find((x) => x.url === u(p));
    expect(gate('/pricing')).toMatchObject({ gate: 'login-redirect', finalUrl: u('/login?next=/pricing'), evidence: { status: 200, redirects: [u('/pricing'), u('/login?next=/pricing')], loginUrl: u('/login'), loginRule: 'path segment "login"' } });
    expect(gate('/sandbox')).toMatchObject({
      gate: 'login-redirect',
      evidence: { loginUrl: `${idpOrigin}${KEYCLOAK_PATH}`, loginRule: `identity provider path /realms/[^/]+/protocol/openid-connect/auth\\b` },
    });
    expect(gate('/sandbox')?.evidence.redirects?.[1]).toMatch(new RegExp(`^${idpOrigin}${KEYCLOAK_PATH}\\?client_id=dev-portal&`));
    expect(gate('/console')).toMatchObject({ gate: 'status-401', evidence: { status: 401, wwwAuthenticate: 'Bearer realm="developer-console"' } });
    expect(gate('/partners')).toMatchObject({ gate: 'registration-interstitial', evidence: { cta: 'Register now' } });
    expect(gate('/partners')?.evidence.sentence).toContain('Register to view partner pricing');
    expect(gate('/products/payments-api')?.evidence.sentence).toContain('Log in to see pricing');
    expect(gate('/status')).toMatchObject({ gate: 'bot-blocked', evidence: { status: 403, signature: 'cloudflare-block', vendor: 'Cloudflare' } });
    expect(gate('/admin')).toMatchObject({ gate: 'status-403', evidence: { status: 403 } });
    expect(gate('/docs/')).toBeUndefined();

    expect(facts.keyPages).toEqual({
      docs: { url: u('/docs/'), gated: false, gate: 'open', status: 200, source: 'crawl' },
      reference: { url: u('/docs/reference'), gated: false, gate: 'open', status: 200, source: 'crawl' },
      pricing: { url: u('/pricing'), gated: true, gate: 'login-redirect', status: 200, source: 'crawl' },
      sandbox: { url: u('/sandbox'), gated: true, gate: 'login-redirect', status: 200, source: 'crawl' },
      specs: { url: u('/openapi.json'), gated: false, gate: 'open', status: 200, source: 'link' },
      gettingStarted: { url: u('/docs/getting-started'), gated: false, gate: 'open', status: 200, source: 'crawl' },
      apiKeys: { url: u('/console'), gated: true, gate: 'status-401', status: 401, source: 'crawl' },
    });
    expect(facts.gatedKeyPages).toEqual(['pricing', 'sandbox', 'apiKeys']);
    expect(facts.keyPagesFetched).toBe(1);
    expect(fetched).toEqual([u('/openapi.json')]);
    expect([...facts.loginUrls].sort()).toEqual([`${idpOrigin}${KEYCLOAK_PATH}`, u('/login'), u('/register')].sort());

    const bySeverity = (s: string) => findings.filter((f) => f.severity === s).map((f) => f.url ?? f.message);
    expect(bySeverity('error')).toEqual([]);
    expect(bySeverity('warning')).toEqual([u('/pricing'), u('/sandbox'), u('/status')]);
    expect(bySeverity('info')).toHaveLength(2);
    expect(findings.find((f) => f.url === u('/pricing'))?.evidence).toContain(`redirects ${u('/pricing')} → ${u('/login?next=/pricing')}`);
    expect(findings.find((f) => /other page/.test(f.message))?.message).toMatch(/^3 other page\(s\) need a login/);
  });

  it('documentation behind a login is a login wall (error findings)', async () => {
    const origin = await startSite({ ...sandboxToIdp(), redirects: { ...sandboxToIdp().redirects, '/docs*': { status: 302, location: '/login?next=/docs' } } });
    const { ctx, close } = await fetchedContext(origin, CRAWLED);
    const { facts, findings } = await gatingProbe.run(ctx);
    await close();
    expect(facts.loginWall).toBe(true);
    expect(facts.loginWallBecause).toEqual(['docs', 'reference', 'gettingStarted', 'most-pages']);
    expect(facts.gatedKeyPages).toEqual(['docs', 'reference', 'pricing', 'sandbox', 'gettingStarted', 'apiKeys']);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.url)).toEqual([`${origin}/docs/`, `${origin}/docs/`, `${origin}/docs/reference`]);
    expect(errors[0].message).toMatch(/^Login wall: the documentation, the API reference, the getting-started guide/);
    // getting started is documentation too, but its finding is a warning per the data file.
    expect(findings.find((f) => f.url === `${origin}/docs/getting-started`)?.severity).toBe('warning');
  });

  it('a redirect to an identity provider that cannot be reached is still a login redirect', async () => {
    // The portal's own _routes.json sends /sandbox to https://idp.example-bank.test/…, which does not resolve here.
    const origin = await startSite();
    const { ctx, close } = await fetchedContext(origin, CRAWLED);
    const { facts, findings } = await gatingProbe.run(ctx);
    await close();
    // The client fails on the IdP hop (status 0) but keeps the chain: the visitor was sent to sign in.
    expect(facts.keyPages.sandbox).toEqual({ url: `${origin}/sandbox`, gated: true, gate: 'login-redirect', status: 0, source: 'crawl' });
    expect(facts.gatedUrls).toContain(`${origin}/sandbox`);
    const entry = facts.pages.find((p) => p.url === `${origin}/sandbox`);
    expect(entry?.finalUrl).toMatch(/^https:\/\/idp\.example-bank\.test\/realms\/dev\//);
    expect(entry?.evidence).toMatchObject({ status: 0, fetchError: expect.stringMatching(/^PP_ERR_(DNS|CONNECTION)$/), loginUrl: `https://${IDP_HOST}${KEYCLOAK_PATH}` });
    expect(findings.find((f) => f.url === `${origin}/sandbox`)?.evidence).toMatch(/then no answer from idp\.example-bank\.test \(PP_ERR_(DNS|CONNECTION)\)/);
  });

  it('works on a snapshot from the real crawler', async () => {
    const origin = await startSite(sandboxToIdp());
    const client = createHttpClient({ allowPrivate: true, lookup, maxRetries: 0 });
    const fetch = createAuditFetch(client);
    const snapshot = await crawl(`${origin}/`, { fetch, parser: createPageParser(0), robotsPolicy: 'ignored' }, { maxPages: 40, maxDepth: 3 });
    const ctx = contextOf({ snapshot, fetch, signal: new AbortController().signal, options: { maxLinkChecks: 50, maxSitemapDepth: 3 } });
    const { facts } = await gatingProbe.run(ctx);
    await client.close();
    expect(facts.gatedUrls).toEqual(expect.arrayContaining([`${origin}/pricing`, `${origin}/sandbox`, `${origin}/console`, `${origin}/partners`]));
    expect(facts.botBlockedUrls).toEqual([`${origin}/status`]);
    expect(facts.gatedKeyPages).toEqual(['pricing', 'sandbox', 'apiKeys']);
    expect(facts.loginWall).toBe(false);
  });
});
