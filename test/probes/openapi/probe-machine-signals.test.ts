// Probe-level tests of the openapi probe's `rateLimits` and `deprecation` facts (probes/openapi/index.ts,
// probes/openapi/machine-signals.ts): in-memory contexts (a spec with 429 but no back-off headers, a
// real Adyen spec, an invalid spec left out, wrong types), and an integration run with the real
// HTTP client against the fixture portal test/fixtures/openapi/signals-site.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import openapiProbe from '../../../probes/openapi/index.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import type { HttpClient } from '../../../src/fetch/types.js';
import type { Finding, OpenapiFacts } from '../../../src/contract/index.js';
import { makeContext, makePage, makeSnapshot, type FakeResponse, contextOf } from '../../helpers/probe-context.js';

const ORIGIN = 'https://developer.acme.io';
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/openapi');
const json = (body: unknown): FakeResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const page = (p: string, body: string) => makePage({ url: `${ORIGIN}${p}`, html: `<!doctype html><html><body><main>${body}</main></body></html>` });

async function run(responses: Record<string, FakeResponse>, pages = [page('/', '<h1>Acme</h1>')]) {
  const { ctx } = makeContext(makeSnapshot(ORIGIN, pages), responses);
  return openapiProbe.run(ctx);
}

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Acme', version: '1' },
  servers: [{ url: 'https://api.acme.io' }],
  paths: {
    '/orders': {
      get: {
        operationId: 'listOrders', summary: 'List', description: 'Lists orders.',
        responses: { 200: { description: 'ok', content: { 'application/json': { example: [] } } }, 429: { $ref: '#/components/responses/TooMany' } },
      },
    },
    '/v1/orders': {
      get: {
        operationId: 'listOrdersV1', summary: 'List (v1)', description: 'Old listing.', deprecated: true,
        responses: { 200: { description: 'ok', content: { 'application/json': { example: [] } } }, '4XX': { description: 'error' } },
      },
    },
  },
  components: { responses: { TooMany: { description: 'Too Many Requests' } } },
};

const byMessage = (findings: Finding[], re: RegExp) => findings.filter((f) => re.test(f.message));

describe('openapi probe: rate limits and deprecation (in-memory)', () => {
  it('reports 429 without back-off headers and a deprecated operation without runtime headers', async () => {
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json(SPEC) });
    expect(facts.validCount).toBe(1);
    expect(facts.rateLimits).toMatchObject({
      documentsAssessed: 1, operationCount: 2, operationsWith429: 1, share429: 0.5, operationsWith4xxRange: 1,
      retryAfter: false, rateLimitHeaders: [], specDocumented: false, docsMention: false,
      evidence: [`${ORIGIN}/openapi.json#/paths/~1orders/get/responses/429`],
    });
    expect(facts.deprecation).toMatchObject({ documentsAssessed: 1, deprecatedOperations: 1, markedInSpec: true, headersInSpec: false, docsMention: false });
    const [noBackoff] = byMessage(findings, /document a 429 response, but none declares Retry-After/);
    expect(noBackoff).toMatchObject({ severity: 'warning', url: `${ORIGIN}/openapi.json`, evidence: `${ORIGIN}/openapi.json#/paths/~1orders/get/responses/429` });
    const [noHeaders] = byMessage(findings, /marked deprecated, but neither the spec nor the docs/);
    expect(noHeaders).toMatchObject({ severity: 'info', evidence: `${ORIGIN}/openapi.json#/paths/~1v1~1orders/get` });
  });

  it('takes crawled docs pages as evidence, by page URL', async () => {
    const pages = [
      page('/', '<h1>Acme</h1>'),
      page('/docs/limits', '<p>Over the limit the API answers <code>429 Too Many Requests</code> with a <code>Retry-After</code> header.</p>'),
      page('/docs/deprecation', '<p>Deprecation policy: twelve months of notice.</p><p>Deprecated endpoints send the <code>Sunset</code> header (RFC 8594).</p>'),
      makePage({ url: `${ORIGIN}/docs/gone`, status: 404, html: '<html><body><main>429 with Retry-After, Sunset header</main></body></html>' }),
    ];
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json(SPEC) }, pages);
    expect(facts.rateLimits.docsMention).toBe(true);
    expect(facts.rateLimits.docsPages).toEqual([{ url: `${ORIGIN}/docs/limits`, quote: expect.stringContaining('Retry-After'), backoff: false }]);
    expect(facts.rateLimits.docsBackoff).toBe(false);
    expect(facts.deprecation.docsPages).toEqual([{ url: `${ORIGIN}/docs/deprecation`, quote: expect.stringContaining('Sunset header') }]);
    // The docs give the guidance, so no warning; a 404 page is no evidence.
    expect(byMessage(findings, /Retry-After|Deprecation \(RFC 9745\)/)).toEqual([]);
  });

  it('judges a real spec (Adyen Open Banking: 429 on both operations, no headers)', async () => {
    const body = readFileSync(path.join(FIXTURES, 'adyen/OpenBankingService-v1.json'), 'utf8');
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json(body) });
    expect(facts.documents[0]).toMatchObject({ valid: true, operationCount: 2 });
    expect(facts.rateLimits).toMatchObject({ operationsWith429: 2, share429: 1, retryAfter: false, specDocumented: false });
    expect(byMessage(findings, /^2 operation\(s\) .* document a 429 response/)).toHaveLength(1);
  });

  it('leaves out a document the validator rejects, and reports empty facts without a spec', async () => {
    const invalid = { ...SPEC, info: { title: 'no version' } };
    const { facts } = await run({ [`${ORIGIN}/openapi.json`]: json(invalid) });
    expect(facts.documents[0].valid).toBe(false);
    expect(facts.rateLimits).toMatchObject({ documentsAssessed: 0, operationCount: 0, share429: null, documents: [] });
    expect(facts.deprecation).toMatchObject({ documentsAssessed: 0, markedInSpec: false });
    const none = await run({});
    expect(none.facts.rateLimits).toMatchObject({ documentsAssessed: 0, specDocumented: false, docsMention: false });
    expect(none.facts.deprecation).toMatchObject({ documentsAssessed: 0, headersInSpec: false, docsMention: false });
  });

  it('skips wrong types without throwing (a spec the validator never judged: OAS 3.2)', async () => {
    // @readme/openapi-parser 9 does not validate 3.2, so the document is assessed unvalidated.
    const odd = {
      openapi: '3.2.0', info: { title: 'odd', version: '1' },
      paths: {
        '/a': { get: { responses: [{ 429: {} }] } },
        '/b': { get: { responses: { 429: { description: 'x', headers: 'Retry-After' } } } },
        '/c': { get: { responses: { 429: { $ref: '#/components/responses/Loop' } } } },
      },
      components: { responses: { Loop: { $ref: '#/components/responses/Loop' } } },
    };
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json(odd) });
    expect(facts.documents[0].valid).toBeNull();
    expect(facts.rateLimits).toMatchObject({ documentsAssessed: 1, operationCount: 3, operationsWith429: 2, retryAfter: false });
    expect(byMessage(findings, /wrong type/)[0]).toMatchObject({
      severity: 'info',
      evidence: [`/paths/~1a/get/responses`, `/paths/~1b/get/responses/429/headers`, `/components/responses/Loop`].map((p) => `${ORIGIN}/openapi.json#${p}`).join('; '),
    });
  });
});

describe('openapi probe: rate limits and deprecation against the fixture portal (real client)', () => {
  let portal: RunningPortal;
  let client: HttpClient;
  let facts: OpenapiFacts;
  let findings: Finding[];

  beforeAll(async () => {
    portal = await startStaticPortal({ root: path.join(FIXTURES, 'signals-site'), host: '127.0.0.1', port: 0 });
    client = createHttpClient({ allowPrivate: true });
    const fetch = createAuditFetch(client);
    const pages = [];
    for (const p of ['/', '/docs/rate-limits', '/docs/versioning']) {
      const res = await fetch(portal.url + p);
      pages.push(makePage({ url: portal.url + p, html: res.body.toString('utf8'), status: res.status, headers: res.headers }));
    }
    const ctx = contextOf({ snapshot: makeSnapshot(portal.url, pages), fetch, signal: new AbortController().signal, options: { maxLinkChecks: 50, maxSitemapDepth: 3 } });
    ({ facts, findings } = await openapiProbe.run(ctx));
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await portal?.close();
  });

  it('finds the spec by its service-desc link and validates it', () => {
    expect(facts.documents.map((d) => [d.url, d.valid, d.operationCount])).toEqual([[`${portal.url}/openapi.yaml`, true, 3]]);
  });

  it('reads 429, Retry-After and the RateLimit fields through components', () => {
    const spec = `${portal.url}/openapi.yaml`;
    expect(facts.rateLimits).toMatchObject({
      documentsAssessed: 1, operationCount: 3, operationsWith429: 2, share429: 0.667, operationsWith4xxRange: 0, operationsWithDefaultOnly: 1,
      retryAfter: true, rateLimitHeaders: ['RateLimit', 'RateLimit-Policy'], rateLimitHeaderStyles: ['ietf'], specDocumented: true,
      docsMention: true, docsBackoff: true, docsPages: [{ url: `${portal.url}/docs/rate-limits`, backoff: true }],
    });
    expect(facts.rateLimits.evidence.slice(0, 3)).toEqual([
      `${spec}#/components/headers/RetryAfter`, `${spec}#/components/headers/RateLimit`, `${spec}#/components/headers/RateLimitPolicy`,
    ]);
  });

  it('reads deprecated markers and the Deprecation and Sunset headers, in the spec and the docs', () => {
    const spec = `${portal.url}/openapi.yaml`;
    expect(facts.deprecation).toMatchObject({
      deprecatedOperations: 1, deprecatedParameters: 1, deprecatedSchemas: 1, markedInSpec: true,
      deprecationHeader: true, sunsetHeader: true, headersInSpec: true, docsMention: true,
    });
    expect(facts.deprecation.docsPages.map((p) => p.url)).toEqual([`${portal.url}/docs/versioning`]);
    expect(facts.deprecation.docsPages[0].quote).toMatch(/Deprecation and Sunset headers|Deprecation: @1767225600/);
    expect(facts.deprecation.evidence).toContain(`${spec}#/paths/~1v1~1shipments/get`);
    expect(facts.deprecation.evidence).toContain(`${spec}#/components/parameters/PageToken`);
    expect(facts.deprecation.evidence).toContain(`${spec}#/components/schemas/Shipment/properties/weightLbs`);
  });

  it('has nothing to complain about', () => {
    expect(findings.filter((f) => /429|deprecated|wrong type/.test(f.message))).toEqual([]);
  });
});
