// Tests for probes/openapi/machine-signals.ts: the probe's `rateLimits` and `deprecation` facts summed
// over documents, with docs-page mentions and the findings they call for; and the measured result
// on every real third-party spec in test/fixtures/openapi (Adyen, Twilio, APIs.guru, OAI examples).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../probes/openapi/load.js';
import { machineSignals, MAX_EVIDENCE, type AssessedSpec } from '../../../probes/openapi/machine-signals.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/openapi');
const API = 'https://developer.acme.io';

function real(file: string): AssessedSpec {
  const loaded = loadSpec(readFileSync(path.join(ROOT, file), 'utf8'), file.endsWith('.json') ? 'application/json' : 'application/yaml');
  if (loaded.kind !== 'spec') throw new Error(`${file} is not a spec`);
  return { url: `${API}/${file}`, spec: loaded.spec, family: loaded.family, version: loaded.version };
}

const oas = (url: string, paths: Record<string, unknown>, components: Record<string, unknown> = {}): AssessedSpec => ({
  url, family: 'openapi', version: '3.0.3', spec: { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components },
});
const ok = { 200: { description: 'ok' } };
const TOO_MANY = { description: 'Too Many Requests' };

describe('machineSignals over real specs', () => {
  function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  }
  // Third-party documents only: not the OAI schema tests (fragments), the fixture portal or the handmade quality spec.
  const files = walk(ROOT)
    .map((f) => path.relative(ROOT, f))
    .filter((f) => /\.(json|ya?ml)$/.test(f) && !f.includes('schema-tests') && !/^(signals-)?site\//.test(f) && f !== 'quality-spec.yaml')
    .filter((f) => loadSpec(readFileSync(path.join(ROOT, f), 'utf8'), f.endsWith('.json') ? 'application/json' : 'application/yaml').kind === 'spec')
    .sort();

  it('reads all 39 real specs; only Adyen Open Banking documents 429, three mark things deprecated, none declares the headers', () => {
    expect(files).toHaveLength(39);
    const per = files.map((f) => ({ f, ...machineSignals([real(f)], []) }));
    expect(per.filter((p) => p.rateLimits.operationsWith429 > 0).map((p) => p.f)).toEqual(['adyen/OpenBankingService-v1.json']);
    expect(per.filter((p) => p.deprecation.markedInSpec).map((p) => p.f)).toEqual(['adyen/BalanceControlService-v1.json', 'adyen/CheckoutService-v71.json']);
    expect(per.filter((p) => p.rateLimits.retryAfter || p.rateLimits.rateLimitHeaders.length > 0 || p.deprecation.headersInSpec)).toEqual([]);
    // The petstores document `default` only: a 429 may hide there, but it is not stated.
    expect(per.filter((p) => p.rateLimits.operationsWithDefaultOnly > 0)).toHaveLength(16);
  });

  it.each([
    {
      file: 'adyen/OpenBankingService-v1.json',
      rate: { operationCount: 2, operationsWith429: 2, share429: 1, retryAfter: false, rateLimitHeaders: [], specDocumented: false },
      dep: { deprecatedOperations: 0, deprecatedSchemas: 0, markedInSpec: false },
      findings: [{ severity: 'warning', message: expect.stringMatching(/^2 operation\(s\) .* document a 429 response, but none declares Retry-After/) }],
    },
    {
      file: 'adyen/CheckoutService-v71.json',
      rate: { operationCount: 28, operationsWith429: 0, share429: 0 },
      dep: { deprecatedOperations: 1, deprecatedParameters: 0, deprecatedSchemas: 68, markedInSpec: true, headersInSpec: false },
      findings: [{ severity: 'info', message: expect.stringContaining('1 operation(s)'), evidence: `${API}/adyen/CheckoutService-v71.json#/paths/~1originKeys/post` }],
    },
    {
      file: 'adyen/BalanceControlService-v1.json',
      rate: { operationCount: 1, operationsWith429: 0 },
      dep: { deprecatedOperations: 1, deprecatedSchemas: 0, evidence: [`${API}/adyen/BalanceControlService-v1.json#/paths/~1balanceTransfer/post`] },
      findings: [{ severity: 'info', message: expect.stringContaining('Deprecation (RFC 9745) or Sunset (RFC 8594)') }],
    },
    {
      // "RateLimits" here are resources (paths and schemas), not headers.
      file: 'twilio/twilio_lookups_v2.json',
      rate: { operationCount: 10, operationsWith429: 0, rateLimitHeaders: [], retryAfter: false },
      dep: { markedInSpec: false },
      findings: [],
    },
  ])('$file', ({ file, rate, dep, findings }) => {
    const s = machineSignals([real(file)], []);
    expect(s.rateLimits).toMatchObject(rate);
    expect(s.deprecation).toMatchObject(dep);
    expect(s.findings).toEqual(findings.map((f) => expect.objectContaining(f)));
  });

  it('the 429 evidence of Open Banking is a spec URL with a JSON Pointer', () => {
    const s = machineSignals([real('adyen/OpenBankingService-v1.json')], []);
    expect(s.rateLimits.evidence).toHaveLength(2);
    expect(s.rateLimits.evidence[0]).toMatch(new RegExp(`^${API}/adyen/OpenBankingService-v1\\.json#/paths/~1[^/]+.*/responses/429$`));
    expect(s.findings[0].evidence).toBe(s.rateLimits.evidence[0]);
  });
});

describe('machineSignals aggregation and findings', () => {
  const withHeaders = oas(`${API}/a.json`, {
    '/a': { get: { responses: { ...ok, 429: { description: 'x', headers: { 'Retry-After': { schema: { type: 'integer' } } } } } } },
    '/b': { get: { deprecated: true, responses: { ...ok, 200: { description: 'ok', headers: { Sunset: { schema: { type: 'string' } } } } } } },
  });
  const bare = oas(`${API}/b.json`, {
    '/c': { get: { responses: { ...ok, 429: TOO_MANY } } },
    '/d': { get: { responses: ok } },
    '/e': { get: { responses: ok } },
    '/f': { get: { deprecated: true, responses: { '4XX': { description: 'x' } } } },
  });

  it('sums the documents and keeps per-document detail', () => {
    const { rateLimits, deprecation } = machineSignals([withHeaders, bare], []);
    expect(rateLimits).toMatchObject({
      documentsAssessed: 2, operationCount: 6, operationsWith429: 2, share429: 0.333, operationsWith4xxRange: 1, documentsWith429: 2,
      retryAfter: true, specDocumented: true, docsMention: false, docsPages: [],
    });
    expect(rateLimits.documents.map((d) => [d.url, d.operationsWith429, d.retryAfter])).toEqual([[withHeaders.url, 1, true], [bare.url, 1, false]]);
    expect(rateLimits.evidence[0]).toBe(`${withHeaders.url}#/paths/~1a/get/responses/429/headers/Retry-After`);
    expect(deprecation).toMatchObject({
      documentsAssessed: 2, deprecatedOperations: 2, markedInSpec: true, deprecationHeader: false, sunsetHeader: true, headersInSpec: true, docsMention: false,
    });
    expect(deprecation.evidence[0]).toBe(`${withHeaders.url}#/paths/~1b/get/responses/200/headers/Sunset`);
  });

  it('warns about a 429 without back-off headers, says when 429 is sparse, and stays quiet about deprecation when headers exist', () => {
    const { findings } = machineSignals([withHeaders, bare], []);
    expect(findings.map((f) => [f.severity, f.url])).toEqual([['warning', bare.url]]);
    expect(findings[0].evidence).toBe(`${bare.url}#/paths/~1c/get/responses/429`);
    const sparse = oas(`${API}/s.json`, {
      '/a': { get: { responses: { 429: { description: 'x', headers: { 'X-RateLimit-Reset': { schema: {} } } } } } },
      '/b': { get: { responses: ok } }, '/c': { get: { responses: ok } },
    });
    const s = machineSignals([sparse], []);
    expect(s.findings).toEqual([expect.objectContaining({ severity: 'info', message: expect.stringMatching(/^Only 1 of the 3 operations/) })]);
  });

  it('takes a docs page that names the headers near 429 as the back-off guidance', () => {
    const page = { url: `${API}/docs/rate-limits`, text: 'Over the limit you get 429 Too Many Requests; wait for the Retry-After seconds.' };
    const { rateLimits, findings } = machineSignals([bare], [page]);
    expect(rateLimits).toMatchObject({ docsMention: true, docsBackoff: false, specDocumented: false, docsPages: [{ url: page.url, quote: expect.stringContaining('Retry-After'), backoff: false }] });
    const advice = { ...page, text: `${page.text} Retry with exponential back-off.` };
    expect(machineSignals([bare], [advice]).rateLimits).toMatchObject({ docsBackoff: true, docsPages: [{ backoff: true }] });
    expect(findings.some((f) => f.severity === 'warning')).toBe(false);
  });

  it('says so when the docs describe 429 but no spec declares it', () => {
    const page = { url: `${API}/docs/limits`, text: 'HTTP 429 responses carry X-RateLimit-Reset.' };
    const quiet = oas(`${API}/q.json`, { '/a': { get: { responses: ok } } });
    const { findings } = machineSignals([quiet], [page]);
    expect(findings).toEqual([expect.objectContaining({ severity: 'info', url: page.url, message: expect.stringContaining('no OpenAPI document declares a 429') })]);
    // Without any operation there is nothing to compare.
    expect(machineSignals([], [page]).findings).toEqual([]);
  });

  it('counts a docs mention of the Sunset header as the runtime signal', () => {
    const page = { url: `${API}/docs/versioning`, text: 'Deprecated endpoints answer with a Sunset header (RFC 8594).' };
    const { deprecation, findings } = machineSignals([bare], [page]);
    expect(deprecation).toMatchObject({ docsMention: true, headersInSpec: false, docsPages: [{ url: page.url }] });
    expect(findings.filter((f) => /marked deprecated/.test(f.message))).toEqual([]);
    const without = machineSignals([bare], [{ url: page.url, text: 'Deprecation policy: twelve months of notice.' }]);
    expect(without.deprecation.docsMention).toBe(false);
    expect(without.findings.filter((f) => /marked deprecated/.test(f.message))).toHaveLength(1);
  });

  it('reports wrong types as an info finding with pointers', () => {
    const broken = oas(`${API}/x.json`, { '/a': { get: { responses: [] } }, '/b': { get: { responses: { 429: { description: 'x', headers: 'Retry-After' } } } } });
    const { findings, rateLimits } = machineSignals([broken], []);
    expect(rateLimits.operationsWith429).toBe(1);
    const f = findings.find((x) => /wrong type/.test(x.message));
    expect(f).toMatchObject({ severity: 'info', evidence: `${broken.url}#/paths/~1a/get/responses; ${broken.url}#/paths/~1b/get/responses/429/headers` });
  });

  it('reports empty facts without documents', () => {
    const { rateLimits, deprecation, findings } = machineSignals([], []);
    expect(rateLimits).toMatchObject({ documentsAssessed: 0, operationCount: 0, share429: null, retryAfter: false, specDocumented: false, documents: [] });
    expect(deprecation).toMatchObject({ documentsAssessed: 0, markedInSpec: false, headersInSpec: false, documents: [] });
    expect(findings).toEqual([]);
  });

  it(`keeps at most ${MAX_EVIDENCE} evidence entries`, () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) paths[`/r${i}`] = { get: { deprecated: true, responses: { 429: { description: 'x', headers: { [`X-RateLimit-${i}`]: {} } } } } };
    const docs = [0, 1, 2, 3].map((i) => oas(`${API}/${i}.json`, paths));
    const { rateLimits, deprecation } = machineSignals(docs, []);
    expect(rateLimits.evidence).toHaveLength(MAX_EVIDENCE);
    expect(deprecation.evidence).toHaveLength(MAX_EVIDENCE);
    expect(rateLimits.operationsWith429).toBe(120);
  });
});
