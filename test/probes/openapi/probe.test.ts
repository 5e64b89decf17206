// Tests for probes/openapi/index.ts: in-memory contexts for each outcome (no spec, soft 404, malformed,
// alias bomb, too large, robots, caps, findings), and integration runs with the real HTTP client
// against the fixture portal test/fixtures/openapi/site (startStaticPortal) and a raw node:http
// server that serves a 20 MB spec.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import openapiProbe, { MAX_CANDIDATES } from '../../../probes/openapi/index.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import type { HttpClient } from '../../../src/fetch/types.js';
import { COMMON_SPEC_PATHS } from '../../../probes/openapi/discover.js';
import type { OpenapiFacts } from '../../../src/contract/index.js';
import { hugeSpec, yamlAliasBomb } from './hostile-inputs.js';
import { makeContext, makePage, makeSnapshot, type FakeResponse, contextOf } from '../../helpers/probe-context.js';

const ORIGIN = 'https://developer.acme.io';
const SITE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/openapi/site');

const GOOD_SPEC = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'Good', version: '1.0.0' },
  servers: [{ url: 'https://api.acme.io' }],
  paths: {
    '/a': {
      get: {
        operationId: 'getA', summary: 'Get A', description: 'Gets A.',
        responses: { 200: { description: 'ok', content: { 'application/json': { example: { a: 1 } } } }, 404: { description: 'none' } },
      },
    },
  },
});

async function run(responses: Record<string, FakeResponse>, html = '<html><body></body></html>') {
  const snapshot = makeSnapshot(ORIGIN, [makePage({ url: `${ORIGIN}/`, html })]);
  const { ctx, calls } = makeContext(snapshot, responses);
  const out = await openapiProbe.run(ctx);
  return { ...out, calls };
}

const json = (body: string, status = 200): FakeResponse => ({ status, headers: { 'content-type': 'application/json' }, body });

describe('openapi probe (in-memory)', () => {
  it('reports no spec when every candidate is missing', async () => {
    const { facts, findings, calls } = await run({});
    expect(facts.present).toBe(false);
    expect(facts.documents).toEqual([]);
    expect(facts.candidatesChecked).toBe(COMMON_SPEC_PATHS.length);
    expect(facts.candidates.every((c) => c.outcome === 'missing' && c.foundVia[0] === 'common-path')).toBe(true);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('No OpenAPI') });
    // Each URL once: 6 usual paths + api-catalog + apis.json.
    expect(calls.map((c) => c.url).sort()).toEqual([...new Set(calls.map((c) => c.url))].sort());
    expect(calls).toHaveLength(COMMON_SPEC_PATHS.length + 2);
  });

  it('does not take an HTML soft 404 at /openapi.json for a spec', async () => {
    const { facts, findings } = await run({
      [`${ORIGIN}/openapi.json`]: { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><html><body><h1>Page not found</h1></body></html>' },
    });
    expect(facts.documents).toEqual([]);
    expect(facts.candidates.find((c) => c.url === `${ORIGIN}/openapi.json`)?.outcome).toBe('html');
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('No OpenAPI')]);
  });

  it('reports malformed JSON as an unreadable document with the parse error', async () => {
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json('{"openapi": "3.0.3", "info": ') });
    expect(facts.present).toBe(false);
    expect(facts.documents).toHaveLength(1);
    expect(facts.documents[0]).toMatchObject({ url: `${ORIGIN}/openapi.json`, valid: false, specification: null });
    const f = findings.find((x) => x.severity === 'error');
    expect(f?.message).toMatch(/cannot be read: malformed JSON/);
    expect(f?.url).toBe(`${ORIGIN}/openapi.json`);
  });

  it('reports a YAML alias bomb as a finding, fast', async () => {
    const started = Date.now();
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.yaml`]: { status: 200, headers: { 'content-type': 'application/yaml' }, body: yamlAliasBomb() } });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(facts.documents[0]).toMatchObject({ valid: false, format: 'yaml' });
    expect(findings.some((f) => f.severity === 'error' && /alias bomb/.test(f.message))).toBe(true);
  });

  it('reports a 20 MB spec as tooLarge without parsing it', async () => {
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json(hugeSpec(20 * 1024 * 1024)) });
    expect(facts.documents).toHaveLength(1);
    expect(facts.documents[0]).toMatchObject({ tooLarge: true, valid: null, version: '3.0.3', operationCount: 0 });
    expect(facts.present).toBe(false);
    expect(findings.some((f) => f.severity === 'warning' && /too large/.test(f.message))).toBe(true);
    expect(findings.some((f) => /No OpenAPI/.test(f.message))).toBe(false);
  });

  it('validates and measures a good spec found at a usual path', async () => {
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json(GOOD_SPEC) });
    expect(facts.present).toBe(true);
    expect(facts.validCount).toBe(1);
    expect(facts.documents[0]).toMatchObject({
      url: `${ORIGIN}/openapi.json`, foundVia: ['common-path'], version: '3.0.3', specification: 'OpenAPI', valid: true,
      operationCount: 1, title: 'Good', apiVersion: '1.0.0', qualityScore: 1, errors: [],
    });
    expect(facts.qualityScore).toBe(1);
    expect(facts.discoveredVia).toEqual({ 'common-path': 1 });
    expect(findings).toEqual([]);
  });

  it('reports poor quality, useless servers and external refs', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Poor', version: '1' },
      servers: [{ url: 'http://localhost:3000' }],
      paths: {
        '/a': { get: { responses: { 200: { $ref: 'responses.yaml#/Ok' } } } },
        '/b': { get: { summary: 'B', responses: { 200: { description: 'ok' } } } },
        '/c': { get: { responses: { 200: { description: 'ok' } } } },
      },
    };
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json(JSON.stringify(spec)) });
    const doc = facts.documents[0];
    expect(doc.summaryShare).toBeCloseTo(0.333, 3);
    expect(doc.externalRefs).toEqual(['responses.yaml#/Ok']);
    const poor = findings.find((f) => /Few of the 3 operations/.test(f.message));
    expect(poor?.message).toContain('33% have a summary');
    expect(poor?.evidence).toContain('GET /a lacks');
    expect(findings.find((f) => /no server URL a client could call/.test(f.message))?.evidence).toContain('http://localhost:3000');
    expect(findings.find((f) => /external \$ref/.test(f.message))?.evidence).toBe('$ref: responses.yaml#/Ok');
  });

  it('reports an invalid document with its reasons', async () => {
    const bad = { openapi: '3.0.3', info: { title: 'Bad' }, paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } } };
    const { facts, findings } = await run({ [`${ORIGIN}/openapi.json`]: json(JSON.stringify(bad)) });
    expect(facts.present).toBe(true);
    expect(facts.documents[0].valid).toBe(false);
    expect(facts.documents[0].errors[0]).toMatch(/version/);
    expect(findings.find((f) => f.severity === 'error')?.message).toMatch(/\(3\.0\.3\) does not validate: .*version/);
  });

  it('uses a crawled HTML page instead of fetching it again, and flags a declared spec that is HTML or 404', async () => {
    const home = makePage({
      url: `${ORIGIN}/`,
      html: '<html><head><link rel="service-desc" href="/reference/"><link rel="service-desc" href="/gone.yaml"></head><body></body></html>',
    });
    const reference = makePage({ url: `${ORIGIN}/reference/`, html: '<html><body><h1>Reference</h1></body></html>' });
    const { ctx, calls } = makeContext(makeSnapshot(ORIGIN, [home, reference]), {});
    const { facts, findings } = await openapiProbe.run(ctx);
    expect(calls.some((c) => c.url === `${ORIGIN}/reference/`)).toBe(false);
    expect(facts.candidates.find((c) => c.url === `${ORIGIN}/reference/`)).toMatchObject({ outcome: 'html', foundVia: ['link-service-desc'] });
    expect(findings.find((f) => f.url === `${ORIGIN}/reference/`)?.message).toMatch(/not an OpenAPI document/);
    expect(findings.find((f) => f.url === `${ORIGIN}/gone.yaml`)?.message).toMatch(/answers HTTP 404/);
  });

  it('reports robots-disallowed declared specs as not checked, not missing', async () => {
    const html = '<html><head><link rel="service-desc" href="/private/openapi.json"></head><body></body></html>';
    const snapshot = makeSnapshot(ORIGIN, [makePage({ url: `${ORIGIN}/`, html })]);
    const { ctx } = makeContext(snapshot, {});
    const robotsCtx = contextOf({
      ...ctx,
      async fetch(url, request) {
        if (url.includes('/private/')) {
          return { url, finalUrl: url, status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, redirects: [], bytes: 0, durationMs: 0, ttfbMs: 0, error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'robots.txt disallows it' } };
        }
        return ctx.fetch(url, request);
      },
    });
    const { facts, findings } = await openapiProbe.run(robotsCtx);
    expect(facts.candidates[0]).toMatchObject({ url: `${ORIGIN}/private/openapi.json`, outcome: 'robots' });
    expect(findings.find((f) => f.url === `${ORIGIN}/private/openapi.json`)).toMatchObject({ severity: 'info', message: expect.stringContaining('not checked (robots.txt') });
  });

  it('reports one document reached through a redirect once, but every gated URL apart', async () => {
    const login = { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body><form><input type="password"></form></body></html>', finalUrl: `${ORIGIN}/login` };
    const { facts } = await run(
      {
        [`${ORIGIN}/openapi.json`]: { ...json(GOOD_SPEC), finalUrl: `${ORIGIN}/v1/openapi.json`, redirects: [`${ORIGIN}/openapi.json`] },
        [`${ORIGIN}/v1/openapi.json`]: json(GOOD_SPEC),
        [`${ORIGIN}/a.yaml`]: { ...login, redirects: [`${ORIGIN}/a.yaml`] },
        [`${ORIGIN}/b.yaml`]: { ...login, redirects: [`${ORIGIN}/b.yaml`] },
      },
      '<html><head><link rel="service-desc" href="/v1/openapi.json"><link rel="service-desc" href="/a.yaml"><link rel="service-desc" href="/b.yaml"></head><body></body></html>',
    );
    const specs = facts.documents.filter((d) => !d.gated);
    expect(specs).toHaveLength(1);
    expect(specs[0]).toMatchObject({ url: `${ORIGIN}/v1/openapi.json`, foundVia: ['link-service-desc', 'common-path'] });
    expect(facts.gatedUrls).toEqual([`${ORIGIN}/a.yaml`, `${ORIGIN}/b.yaml`]);
  });

  it('reads a catalog linked with rel="api-catalog" when the well-known one is absent', async () => {
    const catalog = JSON.stringify({ linkset: [{ anchor: `${ORIGIN}/apis/a`, 'service-desc': [{ href: '/specs/a.json' }] }] });
    const { facts } = await run(
      {
        [`${ORIGIN}/meta/catalog`]: { status: 200, headers: { 'content-type': 'application/linkset+json' }, body: catalog },
        [`${ORIGIN}/specs/a.json`]: json(GOOD_SPEC),
      },
      '<html><head><link rel="api-catalog" href="/meta/catalog"></head><body></body></html>',
    );
    expect(facts.documents[0]).toMatchObject({ url: `${ORIGIN}/specs/a.json`, foundVia: ['api-catalog'], valid: true });
  });

  it(`checks at most ${MAX_CANDIDATES} candidates, declared ones first`, async () => {
    const links = Array.from({ length: 30 }, (_, i) => `<a href="/specs/s${i}.openapi.json">spec ${i}</a>`).join('');
    const { facts, findings, calls } = await run({}, `<html><head><link rel="service-desc" href="/declared.json"></head><body>${links}</body></html>`);
    expect(facts.candidatesChecked).toBe(MAX_CANDIDATES);
    expect(facts.candidates[0].url).toBe(`${ORIGIN}/declared.json`);
    expect(facts.candidates.filter((c) => c.outcome === 'notChecked')).toHaveLength(30 + 1 + COMMON_SPEC_PATHS.length - MAX_CANDIDATES);
    expect(calls).toHaveLength(MAX_CANDIDATES + 2);
    expect(findings.some((f) => /were not checked \(limit 20\)/.test(f.message))).toBe(true);
  });
});

describe('openapi probe against the fixture portal (real client)', () => {
  let portal: RunningPortal;
  let client: HttpClient;
  let facts: OpenapiFacts;
  let findings: Awaited<ReturnType<typeof openapiProbe.run>>['findings'];

  beforeAll(async () => {
    portal = await startStaticPortal({ root: SITE, host: '127.0.0.1', port: 0 });
    client = createHttpClient({ allowPrivate: true });
    const fetch = createAuditFetch(client);
    const pages = [];
    for (const p of ['/', '/reference/']) {
      const res = await fetch(portal.url + p);
      pages.push(makePage({ url: portal.url + p, html: res.body.toString('utf8'), status: res.status, headers: res.headers }));
    }
    const ctx = contextOf({
      snapshot: makeSnapshot(portal.url, pages),
      fetch,
      signal: new AbortController().signal,
      options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
    });
    ({ facts, findings } = await openapiProbe.run(ctx));
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await portal?.close();
  });

  const doc = (p: string) => facts.documents.find((d) => d.url === portal.url + p);

  it('finds a document through each route', () => {
    expect(doc('/openapi.json')).toMatchObject({ version: '3.0.3', valid: true, operationCount: 2, foundVia: ['docs-ui', 'common-path'] });
    expect(doc('/specs/shipping.yaml')).toMatchObject({ version: '3.1.0', valid: true, operationCount: 2, foundVia: ['link-service-desc'], format: 'yaml' });
    expect(doc('/specs/payments.yaml')).toMatchObject({ version: '3.0.3', valid: true, operationCount: 1, foundVia: ['api-catalog'] });
    expect(doc('/specs/orders.json')).toMatchObject({ version: '2.0', specification: 'Swagger', valid: true, operationCount: 1, foundVia: ['apis-json'] });
    expect(facts.present).toBe(true);
    expect(facts.validCount).toBe(4);
    expect(facts.discoveredVia).toMatchObject({ 'docs-ui': 1, 'common-path': 1, 'link-service-desc': 1, 'api-catalog': 1, 'apis-json': 1, 'anchor-text': 1 });
  });

  it('reports the spec behind a login as gated, not missing', () => {
    expect(doc('/specs/private.json')).toMatchObject({ gated: true, valid: null, foundVia: ['anchor-text'] });
    expect(facts.gatedUrls).toEqual([`${portal.url}/specs/private.json`]);
    const f = findings.find((x) => x.url === `${portal.url}/specs/private.json`);
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/needs a login/);
    expect(f?.evidence).toBe(`redirects to ${portal.url}/login`);
  });

  it('takes spec URLs from the RFC 9727 catalog and APIs.json, and leaves their facts to agent-discovery', () => {
    expect(doc('/specs/payments.yaml')?.foundVia).toEqual(['api-catalog']);
    expect(doc('/specs/orders.json')?.foundVia).toEqual(['apis-json']);
    expect(facts).not.toHaveProperty('apiCatalog');
    expect(facts).not.toHaveProperty('apisJson');
  });

  it('judges quality per document', () => {
    expect(doc('/openapi.json')?.qualityScore).toBe(1);
    expect(doc('/specs/shipping.yaml')?.qualityScore).toBe(0);
    expect(findings.find((f) => f.url === `${portal.url}/specs/shipping.yaml` && /Few of the 2 operations/.test(f.message))).toBeDefined();
    expect(findings.find((f) => f.url === `${portal.url}/specs/shipping.yaml` && /no server URL a client could call/.test(f.message))).toBeDefined();
    expect(findings.some((f) => /No OpenAPI/.test(f.message))).toBe(false);
  });

  it('leaves guessed paths that answer 404 silent', () => {
    expect(facts.candidates.find((c) => c.url === `${portal.url}/swagger.json`)).toMatchObject({ outcome: 'missing', status: 404 });
    expect(findings.some((f) => f.url === `${portal.url}/swagger.json`)).toBe(false);
  });
});

describe('openapi probe: a 20 MB spec through the real client', () => {
  let server: Server;
  let origin = '';
  const body = hugeSpec(20 * 1024 * 1024);

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/openapi.json') res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      else res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not found</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reports tooLarge (the body is cut at the fetch limit), no crash', async () => {
    const client = createHttpClient({ allowPrivate: true });
    try {
      const ctx = contextOf({
        snapshot: makeSnapshot(origin, [makePage({ url: `${origin}/`, html: '<html><body></body></html>' })]),
        fetch: createAuditFetch(client),
        signal: new AbortController().signal,
        options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
      });
      const { facts, findings } = await openapiProbe.run(ctx);
      expect(facts.documents).toHaveLength(1);
      expect(facts.documents[0]).toMatchObject({ url: `${origin}/openapi.json`, tooLarge: true, version: '3.0.3', valid: null });
      expect(facts.candidates[0].note).toMatch(/cut at the fetch limit/);
      expect(findings.some((f) => /too large/.test(f.message))).toBe(true);
    } finally {
      await client.close();
    }
  }, 60_000);
});
