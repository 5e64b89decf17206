// Everything around the /v1 job routes: health and readiness, metrics, the generated OpenAPI
// document and its docs page, llms.txt and robots.txt, the dashboard files, security headers,
// limits, the 404 and the central error handler.
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { parseLlmsTxt } from '../../src/llms-txt/parse.js';
import { toApiError } from '../../src/server/http-errors.js';
import { PortalProbeError } from '../../src/errors.js';
import { renderApiCatalog, renderLlmsTxt, renderSitemap } from '../../src/server/routes/discovery.js';
import type { SqliteStore } from '../../src/server/store/index.js';
import { fakeRunner, testApp, waitForStatus, type TestApp } from './helpers.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('health and readiness', () => {
  it('healthz is always ok; readyz is ready, then 503 once the service is stopping', async () => {
    t = await testApp({ auth: true });
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', checks: { database: true, queue: true } });
    await t.app.queue.stop();
    const res = await t.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks).toEqual({ database: true, queue: false });
  });
});

describe('GET /metrics', () => {
  it('exposes audits by status, durations, pages fetched and tokens in Prometheus text format', async () => {
    t = await testApp({ auth: true });
    const key = await t.app.store.keys.create({ name: 'x' });
    const created = await t.app.store.audits.create({ url: 'https://a.example/', host: 'a.example', options: {}, tenant: key.tenant });
    t.app.queue.submitted(created);
    const id = created.id;
    await waitForStatus(t.app, id, ['done'], { authorization: `Bearer ${key.key}` });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = res.body;
    expect(text).toContain('# TYPE portalprobe_audits gauge');
    expect(text).toMatch(/^portalprobe_audits\{status="done"\} 1$/m);
    expect(text).toMatch(/^portalprobe_audits\{status="queued"\} 0$/m);
    expect(text).toMatch(/^portalprobe_audit_duration_seconds_count 1$/m);
    expect(text).toMatch(/^portalprobe_audit_duration_seconds_bucket\{le="\+Inf"\} 1$/m);
    // sampleReport: 212 pages, 48 210 prompt tokens (see test/reports/sample-report.ts).
    expect(text).toMatch(/^portalprobe_pages_fetched_total [1-9]\d*$/m);
    expect(text).toMatch(/^portalprobe_llm_tokens_total\{kind="prompt"\} [1-9]\d*$/m);
    // Every sample line is `name{labels} number`.
    for (const line of text.trim().split('\n').filter((l) => !l.startsWith('#'))) expect(line).toMatch(/^[a-z_]+(\{[a-z]+="[^"]*"\})? -?[\d.]+$/);
  });
});

describe('OpenAPI document and docs', () => {
  it('documents every route with its schemas, and the document is valid OpenAPI 3', async () => {
    t = await testApp({ auth: true });
    const res = await t.app.inject({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.0.3');
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
    expect(ops.sort()).toEqual([
      'DELETE /v1/audits/{id}',
      'DELETE /v1/schedules/{id}',
      'GET /healthz',
      'GET /llms.txt',
      'GET /metrics',
      'GET /readyz',
      'GET /v1/audits',
      'GET /v1/audits/{id}',
      'GET /v1/audits/{id}/diff',
      'GET /v1/audits/{id}/events',
      'GET /v1/audits/{id}/report',
      'GET /v1/model',
      'GET /v1/portals/{host}/history',
      'GET /v1/schedules',
      'GET /v1/schedules/{id}',
      'POST /v1/audits',
      'POST /v1/comparisons',
      'POST /v1/schedules',
    ]);
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; summary?: string }>>)) {
      for (const op of Object.values(item)) {
        expect(op.summary, path).toBeTruthy();
        expect(Object.keys(op.responses).length, path).toBeGreaterThan(0);
      }
    }
    expect(doc.paths['/v1/audits'].post.requestBody.content['application/json'].schema.properties.options).toEqual({ $ref: '#/components/schemas/AuditOptions' });
    expect(doc.components.schemas.AuditOptions.additionalProperties).toBe(false);
    expect(doc.paths['/v1/audits'].post.responses['400']).toBeDefined();
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/v1/model'].get.security).toEqual([]);
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.servers).toEqual([{ url: 'http://localhost:80', description: 'This service' }]);
    const result = await validate(doc);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('serves Swagger UI at /docs with a CSP that allows its own scripts', async () => {
    t = await testApp({ auth: true });
    const res = await t.app.inject({ url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui-bundle.js');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await t.app.inject({ url: '/docs/static/swagger-ui-bundle.js' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/docs/json' })).json().openapi).toBe('3.0.3');
  });
});

describe('llms.txt and robots.txt', () => {
  it('describes the API per llmstxt.org, without errors, linking public resources only', async () => {
    t = await testApp({ auth: true });
    const res = await t.app.inject({ url: '/llms.txt' });
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const doc = parseLlmsTxt(res.body, 'http://service.test/llms.txt');
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    expect(doc.title).toBe('portalprobe service');
    expect(doc.summary).toMatch(/audits how visible and usable/);
    expect(doc.sections.map((s) => s.name)).toEqual(['API reference', 'Service', 'Optional']);
    expect(doc.links.map((l) => l.href)).toContain('http://service.test/openapi.json');
    // Every linked resource answers without a key.
    for (const link of doc.links) expect((await t.app.inject({ url: new URL(link.href!).pathname })).statusCode, link.url).toBe(200);
    expect(res.body).toContain('Authorization: Bearer');
  });

  it('uses absolute links with a public URL and says when keys are off', () => {
    const text = renderLlmsTxt({ auth: false, publicUrl: 'https://probe.example.com/' });
    expect(text).toContain('(https://probe.example.com/openapi.json)');
    expect(text).toContain('--no-auth');
  });

  it('robots.txt lets crawlers read the public pages and names the sitemap', async () => {
    t = await testApp();
    const res = await t.app.inject({ url: '/robots.txt', headers: { host: 'probe.test:8080' } });
    expect(res.body).toMatch(/^User-agent: \*$/m);
    expect(res.body).toMatch(/^Disallow: \/v1\/audits$/m);
    expect(res.body).not.toMatch(/^Disallow: \/$/m);
    expect(res.body).toMatch(/^Sitemap: http:\/\/probe\.test:8080\/sitemap\.xml$/m);
  });

  it('serves a sitemap and an RFC 9727 API catalog with absolute URLs', async () => {
    t = await testApp({ publicUrl: 'https://probe.example.com/' });
    const sitemap = await t.app.inject({ url: '/sitemap.xml' });
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(sitemap.body).toBe(renderSitemap('https://probe.example.com'));
    expect(sitemap.body).toContain('<loc>https://probe.example.com/openapi.json</loc>');
    const catalog = await t.app.inject({ url: '/.well-known/api-catalog' });
    expect(catalog.headers['content-type']).toMatch(/^application\/linkset\+json; profile="https:\/\/www\.rfc-editor\.org\/info\/rfc9727"/);
    expect(catalog.json()).toEqual(renderApiCatalog('https://probe.example.com'));
    expect(catalog.json().linkset[0]['service-desc'][0].href).toBe('https://probe.example.com/openapi.json');
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(doc.servers).toEqual([{ url: 'https://probe.example.com', description: 'This service' }]);
  });

  it('the home page answers Accept: text/markdown with the llms.txt text', async () => {
    t = await testApp();
    const md = await t.app.inject({ url: '/', headers: { accept: 'text/markdown, text/html;q=0.5' } });
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers.vary).toMatch(/Accept/);
    expect(md.body).toBe((await t.app.inject({ url: '/llms.txt' })).body);
    const html = await t.app.inject({ url: '/', headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers.vary).toMatch(/Accept/);
  });
});

describe('dashboard and security headers', () => {
  it('serves the dashboard page and its files with security headers', async () => {
    t = await testApp({ auth: true });
    const page = await t.app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script src="/dashboard/app.js" defer></script>');
    expect(page.body).toContain('rel="service-desc"');
    // No inline script: the CSP forbids it.
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const js = await t.app.inject({ url: '/dashboard/app.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain('sessionStorage');
    expect((await t.app.inject({ url: '/dashboard/style.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
  });
});

describe('limits and errors', () => {
  it('unknown routes give the error shape with 404', async () => {
    t = await testApp();
    const res = await t.app.inject({ url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'PP_ERR_NOT_FOUND', message: 'No route for GET /nope' } });
  });

  it('refuses bodies over the limit (413) and malformed JSON (400)', async () => {
    t = await testApp({ bodyLimit: 1024 });
    const big = await t.app.inject({ method: 'POST', url: '/v1/audits', payload: { url: `https://a.example/${'x'.repeat(2000)}` } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PP_ERR_USAGE');
    const bad = await t.app.inject({ method: 'POST', url: '/v1/audits', headers: { 'content-type': 'application/json' }, payload: '{"url":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('PP_ERR_USAGE');
  });

  it('a server-side failure is a 500 with a request id, never a stack trace', async () => {
    t = await testApp();
    (t.app.store as SqliteStore).db.close();
    const res = await t.app.inject({ url: '/v1/audits' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('PP_ERR_INTERNAL');
    expect(body.error.message).toMatch(/^An unexpected error occurred \(request req-[\w-]+\)/);
    expect(res.body).not.toMatch(/database connection|\.ts:\d+|\.js:\d+|at /);
  });

  it.each([
    [new PortalProbeError('PP_ERR_AUTH', 'no key'), 401],
    [new PortalProbeError('PP_ERR_CONFLICT', 'busy'), 409],
    [new PortalProbeError('PP_ERR_RATE_LIMITED', 'slow'), 429],
    [new PortalProbeError('PP_ERR_BLOCKED_ADDRESS', 'no'), 400],
    [new PortalProbeError('PP_ERR_NOT_FOUND', 'gone'), 404],
    [new PortalProbeError('PP_ERR_MODEL_INVALID', 'bad model at /srv/x.json'), 500],
    [new TypeError('x is undefined'), 500],
    [Object.assign(new Error('Body is too large'), { statusCode: 413 }), 413],
  ])('maps %s to %i without leaking internals', (err, status) => {
    const api = toApiError(err, 'req-1');
    expect(api.status).toBe(status);
    expect(api.internal).toBe(status >= 500);
    if (status >= 500) expect(api.body.error.message).not.toContain('/srv/');
    expect(JSON.stringify(api.body)).not.toContain('stack');
  });

  it('GET /v1/model is public and lists the practices', async () => {
    t = await testApp({ auth: true });
    const res = await t.app.inject({ url: '/v1/model' });
    expect(res.statusCode).toBe(200);
    const model = res.json();
    expect(model.focusAreas.map((f: { id: string }) => f.id)).toEqual(['discovery', 'decisionMaking', 'onboarding', 'goLive', 'maintenance', 'community']);
    expect(model.practices.length).toBeGreaterThan(10);
    expect(model.practices[0]).toHaveProperty('evidence');
  });
});

describe('runs without a fake', () => {
  it('the queue drains after submissions when nothing holds it', async () => {
    const runner = fakeRunner();
    t = await testApp({}, runner);
    const id = (await t.app.inject({ method: 'POST', url: '/v1/audits', payload: { url: 'https://a.example/' } })).json().id;
    await waitForStatus(t.app, id, ['done']);
    expect(t.app.queue.activeCount).toBe(0);
  });
});
