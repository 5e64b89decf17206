// The agent-discovery probe's `authMetadata` fact: OAuth / OIDC discovery metadata on the portal
// origin and on the authorization hosts the docs name (in-memory responses), and an integration run
// against test/fixtures/agent-discovery/auth-site served over HTTP (RFC 8414 path issuer via RFC 9728).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import agentDiscoveryProbe from '../../../probes/agent-discovery/index.js';
import { CRAWL_ACCEPT } from '../../../src/audit/resource.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import { decodeBody } from '../../../src/fetch/decode.js';
import type { FetchRequest, HttpClient } from '../../../src/fetch/types.js';
import type { AgentDiscoveryFacts, Finding } from '../../../src/contract/index.js';
import { makeContext, makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

const O = 'https://acme.test';
const AUTH = 'https://auth.acme.test';
const page = (path: string, body: string) => makePage({ url: `${O}${path}`, html: `<html><head><title>Acme</title></head><body><main><h1>Acme</h1>${body}</main></body></html>` });
const jsonResponse = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const asMetadata = (issuer: string) => jsonResponse({
  issuer, authorization_endpoint: `${issuer}/oauth2/authorize`, token_endpoint: `${issuer}/oauth2/token`, response_types_supported: ['code'],
  code_challenge_methods_supported: ['S256'], registration_endpoint: `${issuer}/oauth2/register`,
});
const wellKnownCalls = (calls: { url: string }[]) => calls.map((c) => c.url).filter((u) => /\/\.well-known\/(oauth-|openid-)/.test(u));
const byMessage = (findings: Finding[], text: string) => findings.filter((f) => f.message.includes(text));

describe('agent-discovery probe: authMetadata (in-memory responses)', () => {
  it('asks the origin\'s three well-known URLs and says plainly when nothing answers', async () => {
    const { ctx, calls } = makeContext(makeSnapshot(O, [page('/', '<p>Hello</p>')]));
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(wellKnownCalls(calls)).toEqual([`${O}/.well-known/oauth-authorization-server`, `${O}/.well-known/openid-configuration`, `${O}/.well-known/oauth-protected-resource`]);
    expect(facts.authMetadata).toMatchObject({ found: false, valid: false, protectedResource: false, documents: [], linkedFromDocs: false, authorizationHosts: [], issuers: [] });
    expect(facts.authMetadata.checked.map((c) => c.outcome)).toEqual(['HTTP 404, text/html', 'HTTP 404, text/html', 'HTTP 404, text/html']);
    expect(byMessage(findings, 'No OAuth / OpenID Connect discovery metadata found')).toEqual([expect.objectContaining({
      severity: 'info', url: `${O}/.well-known/oauth-authorization-server`,
      message: expect.stringContaining('(/.well-known/oauth-authorization-server, /.well-known/openid-configuration, /.well-known/oauth-protected-resource)'),
    })]);
    expect(facts.signalsFound).not.toContain('auth-metadata');
  });

  it('follows the token endpoint the docs print to the authorization host', async () => {
    const { ctx, calls } = makeContext(makeSnapshot(O, [page('/auth', `<p>Get a token: <code>POST ${AUTH}/oauth2/token</code></p>`)]), {
      [`${AUTH}/.well-known/oauth-authorization-server`]: asMetadata(AUTH),
    });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(wellKnownCalls(calls)).toContain(`${AUTH}/.well-known/oauth-authorization-server`);
    expect(facts.authMetadata).toMatchObject({ found: true, valid: true, linkedFromDocs: false, authorizationHosts: [AUTH], issuers: [AUTH], pkceS256: true, dynamicRegistration: true });
    expect(facts.authMetadata.documents).toEqual([expect.objectContaining({
      url: `${AUTH}/.well-known/oauth-authorization-server`, kind: 'oauth-authorization-server', source: 'endpoint-in-docs', via: `${AUTH}/oauth2/token on ${O}/auth`, valid: true, issues: [], warnings: [],
    })]);
    expect(facts.signalsFound).toContain('auth-metadata');
    expect(byMessage(findings, 'no crawled page links it')).toHaveLength(1);
  });

  it('warns when the named authorization host publishes no metadata', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [page('/auth', `<p><a href="${AUTH}/connect/authorize">Sign in</a></p>`)]));
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.authMetadata).toMatchObject({ found: false, authorizationHosts: [AUTH] });
    expect(byMessage(findings, 'name the authorization host')).toEqual([expect.objectContaining({
      severity: 'warning', url: `${AUTH}/.well-known/oauth-authorization-server`, evidence: expect.stringContaining(`${AUTH}/.well-known/openid-configuration: HTTP 404`),
    })]);
    expect(byMessage(findings, 'No OAuth / OpenID Connect')).toEqual([]);
  });

  it('says only "could not be checked" when the named host does not answer at all', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [page('/auth', `<p>${AUTH}/oauth2/token</p>`)]));
    const inner = ctx.fetch;
    ctx.fetch = async (url: string, request?: FetchRequest) => {
      const res = await inner(url, request);
      return url.startsWith(AUTH) ? { ...res, status: 0, headers: {}, body: Buffer.alloc(0), error: { code: 'PP_ERR_DNS', message: 'getaddrinfo ENOTFOUND' } } : res;
    };
    const { findings } = await agentDiscoveryProbe.run(ctx);
    expect(byMessage(findings, 'name the authorization host')).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringContaining('did not answer'), evidence: expect.stringContaining('no response: getaddrinfo ENOTFOUND') })]);
  });

  it('reports a linked metadata URL that is broken, and junk at a well-known URL', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [page('/auth', `<p><a href="${AUTH}/.well-known/openid-configuration">OIDC metadata</a></p>`)]), {
      [`${O}/.well-known/openid-configuration`]: { headers: { 'content-type': 'text/plain' }, body: 'issuer=https://acme.test' },
    });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.authMetadata).toMatchObject({ found: false, linkedFromDocs: true, links: [{ href: `${AUTH}/.well-known/openid-configuration`, page: `${O}/auth`, via: 'anchor' }] });
    expect(byMessage(findings, 'does not answer with metadata')).toEqual([expect.objectContaining({ severity: 'warning', url: `${AUTH}/.well-known/openid-configuration`, evidence: `linked by <a> on ${O}/auth` })]);
    expect(byMessage(findings, 'OpenID Connect Discovery metadata at')).toEqual([expect.objectContaining({ severity: 'warning', url: `${O}/.well-known/openid-configuration`, evidence: expect.stringContaining('not JSON') })]);
  });

  it('reads an invalid document as found but not valid, with the reasons as evidence', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [page('/', '<p>Hi</p>')]), {
      [`${O}/.well-known/openid-configuration`]: jsonResponse({ issuer: 'https://login.other.test', authorization_endpoint: `${O}/authorize`, token_endpoint: `${O}/token`, response_types_supported: ['code'] }),
    });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.authMetadata).toMatchObject({ found: true, valid: false, authorizationHosts: [O] });
    const warning = findings.find((f) => f.url === `${O}/.well-known/openid-configuration`);
    expect(warning).toMatchObject({ severity: 'warning' });
    expect(warning?.evidence).toMatch(/"https:\/\/login.other.test" is not identical to "https:\/\/acme.test".*jwks_uri is missing/);
  });

  it('never calls a robots.txt-blocked metadata URL missing', async () => {
    const { ctx } = makeContext(makeSnapshot(O, [page('/', '<p>Hi</p>')]));
    const inner = ctx.fetch;
    ctx.fetch = async (url: string, request?: FetchRequest) => {
      const res = await inner(url, request);
      return url.includes('/.well-known/') ? { ...res, status: 0, body: Buffer.alloc(0), error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'disallowed' } } : res;
    };
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.notChecked).toEqual(expect.arrayContaining([`${O}/.well-known/oauth-authorization-server`, `${O}/.well-known/openid-configuration`, `${O}/.well-known/oauth-protected-resource`]));
    expect(byMessage(findings, 'No OAuth')).toEqual([]);
  });

  it('keeps to its fetch budget however many hosts and links the docs name', async () => {
    const hosts = Array.from({ length: 10 }, (_, i) => `https://as${i}.acme.test`);
    const body = hosts.map((h) => `<p>${h}/oauth2/token and <a href="${h}/.well-known/openid-configuration">meta</a></p>`).join('');
    const { ctx, calls } = makeContext(makeSnapshot(O, [page('/auth', body)]));
    const { facts } = await agentDiscoveryProbe.run(ctx);
    expect(wellKnownCalls(calls).length).toBeLessThanOrEqual(8);
    expect(new Set(wellKnownCalls(calls)).size).toBe(wellKnownCalls(calls).length);
    // Two linked URLs, then two endpoint hosts, whose openid-configuration URLs were the linked ones.
    expect(facts.authMetadata.checked.map((c) => [c.source, new URL(c.url).host])).toEqual([
      ['portal-origin', 'acme.test'], ['portal-origin', 'acme.test'], ['portal-origin', 'acme.test'],
      ['page-link', 'as0.acme.test'], ['page-link', 'as1.acme.test'], ['endpoint-in-docs', 'as0.acme.test'], ['endpoint-in-docs', 'as1.acme.test'],
    ]);
  });

  it('asks only authorization hosts on the portal\'s own site (public-suffix aware) about endpoints printed in the text', async () => {
    const body = '<p>https://github.com/login/oauth/authorize https://a.other.test/oauth2/token https://login.acme.test/oauth2/token</p>';
    const { ctx } = makeContext(makeSnapshot(O, [page('/auth', body)]));
    const { facts } = await agentDiscoveryProbe.run(ctx);
    const hosts = facts.authMetadata.checked.filter((c) => c.source === 'endpoint-in-docs').map((c) => new URL(c.url).origin);
    expect([...new Set(hosts)]).toEqual(['https://login.acme.test']);
    // bank.co.uk and other.co.uk are different sites, though both end in co.uk.
    const uk = makeContext(makeSnapshot('https://developer.bank.co.uk', [
      makePage({ url: 'https://developer.bank.co.uk/auth', html: '<main><p>https://auth.bank.co.uk/oauth2/token https://auth.other.co.uk/oauth2/token</p></main>' }),
    ]));
    const ukFacts = (await agentDiscoveryProbe.run(uk.ctx)).facts;
    const ukHosts = ukFacts.authMetadata.checked.filter((c) => c.source === 'endpoint-in-docs').map((c) => new URL(c.url).origin);
    expect([...new Set(ukHosts)]).toEqual(['https://auth.bank.co.uk']);
  });
});

describe('agent-discovery probe: authMetadata (fixture portal over HTTP)', () => {
  const root = fileURLToPath(new URL('../../fixtures/agent-discovery/auth-site', import.meta.url));
  let portal: RunningPortal;
  let client: HttpClient;
  let facts: AgentDiscoveryFacts;
  let findings: Finding[];
  let u: (path: string) => string;
  let probeRequests: string[] = [];

  beforeAll(async () => {
    const requests: string[] = [];
    portal = await startStaticPortal({ root, host: '127.0.0.1', port: 0, onRequest: (r) => requests.push(r.url) });
    u = (path) => portal.url + path;
    client = createHttpClient({ allowPrivate: true });
    const auditFetch = createAuditFetch(client);
    const pages = [];
    for (const path of ['/', '/auth']) {
      const res = await auditFetch(u(path), { headers: { accept: CRAWL_ACCEPT } });
      pages.push(makePage({ url: res.url, finalUrl: res.finalUrl, status: res.status, headers: res.headers, html: decodeBody(res.body, res.headers['content-type']), depth: path === '/' ? 0 : 1 }));
    }
    const crawlRequests = requests.length;
    const ctx = contextOf({ snapshot: makeSnapshot(portal.url, pages), fetch: auditFetch, signal: new AbortController().signal, options: { maxLinkChecks: 50, maxSitemapDepth: 3 } });
    ({ facts, findings } = await agentDiscoveryProbe.run(ctx));
    probeRequests = requests.slice(crawlRequests);
  });

  afterAll(async () => {
    await client?.close();
    await portal?.close();
  });

  it('finds the origin\'s metadata, the path issuer named by RFC 9728, and judges each', () => {
    const a = facts.authMetadata;
    expect(a).toMatchObject({
      found: true, valid: true, protectedResource: true, linkedFromDocs: true, authorizationHosts: [portal.url],
      issuers: [portal.url, u('/tenant-a')], pkceS256: true, dynamicRegistration: true, mtls: true, privateKeyJwt: true,
    });
    expect(a.documents.map((d) => [d.url, d.kind, d.source, d.valid])).toEqual([
      [u('/.well-known/oauth-authorization-server'), 'oauth-authorization-server', 'portal-origin', true],
      [u('/.well-known/openid-configuration'), 'openid-configuration', 'portal-origin', false],
      [u('/.well-known/oauth-protected-resource'), 'oauth-protected-resource', 'portal-origin', true],
      [u('/.well-known/oauth-authorization-server/tenant-a'), 'oauth-authorization-server', 'protected-resource', true],
    ]);
    const [as, oidc, prm, tenant] = a.documents;
    expect(as).toMatchObject({ issuer: portal.url, expectedIdentifier: portal.url, grantTypes: ['authorization_code', 'client_credentials', 'refresh_token'], codeChallengeMethods: ['S256'], tokenEndpoint: u('/oauth2/token'), contentType: 'application/json' });
    expect(oidc.issues).toEqual([
      expect.stringContaining('"https://login.acme.example" is not identical to'),
      expect.stringContaining('id_token_signing_alg_values_supported is missing'),
    ]);
    expect(prm).toMatchObject({ resource: portal.url, authorizationServers: [u('/tenant-a')] });
    // RFC 8414 §3: the path issuer's document is at the inserted location, and its issuer matches it.
    expect(tenant).toMatchObject({ issuer: u('/tenant-a'), expectedIdentifier: u('/tenant-a'), via: u('/.well-known/oauth-protected-resource'), authorizationEndpoint: null, mtls: true });
    expect(tenant.warnings).toEqual(expect.arrayContaining([expect.stringContaining('erratum 7793')]));
  });

  it('records where every candidate came from and what it answered', () => {
    expect(facts.authMetadata.checked).toEqual([
      { url: u('/.well-known/oauth-authorization-server'), kind: 'oauth-authorization-server', source: 'portal-origin', via: 'portal origin', outcome: 'HTTP 200, valid' },
      { url: u('/.well-known/openid-configuration'), kind: 'openid-configuration', source: 'portal-origin', via: 'portal origin', outcome: expect.stringContaining('HTTP 200, invalid: issuer') },
      { url: u('/.well-known/oauth-protected-resource'), kind: 'oauth-protected-resource', source: 'portal-origin', via: 'portal origin', outcome: 'HTTP 200, valid' },
      { url: u('/.well-known/openid-configuration/legacy'), kind: 'openid-configuration', source: 'page-link', via: `<a> on ${u('/auth')}`, outcome: 'HTTP 404, text/html' },
      { url: u('/.well-known/oauth-authorization-server/tenant-a'), kind: 'oauth-authorization-server', source: 'protected-resource', via: u('/.well-known/oauth-protected-resource'), outcome: 'HTTP 200, valid' },
      { url: u('/tenant-a/.well-known/openid-configuration'), kind: 'openid-configuration', source: 'protected-resource', via: u('/.well-known/oauth-protected-resource'), outcome: 'HTTP 404, text/html' },
    ]);
    expect(facts.authMetadata.links.map((l) => [l.href, l.via])).toEqual([
      [u('/.well-known/oauth-authorization-server'), 'anchor'],
      [u('/.well-known/openid-configuration/legacy'), 'anchor'],
    ]);
    // Each metadata URL asked once; the crawled /auth page is not asked again.
    const authRequests = probeRequests.filter((p) => /oauth-|openid-/.test(p));
    expect(authRequests.sort()).toEqual(facts.authMetadata.checked.map((c) => new URL(c.url).pathname).sort());
    expect(probeRequests).not.toContain('/auth');
  });

  it('reports the invalid OpenID configuration and the broken link, and notes plain HTTP', () => {
    expect(findings.filter((f) => f.severity === 'warning' && f.url?.includes('/.well-known/openid-configuration'))).toEqual([
      expect.objectContaining({ url: u('/.well-known/openid-configuration'), message: expect.stringContaining('cannot be used by clients') }),
      expect.objectContaining({ url: u('/.well-known/openid-configuration/legacy'), message: expect.stringContaining('does not answer with metadata') }),
    ]);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', url: u('/.well-known/oauth-authorization-server'), evidence: expect.stringContaining('does not use https') }));
    expect(facts.signalsFound).toContain('auth-metadata');
  });
});
