// API keys on /v1 (Bearer, RFC 6750), public routes, per-key rate limits and the per-key cap on
// concurrent audits.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeRunner, testApp, type TestApp } from './helpers.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('API keys', () => {
  it.each([
    ['no Authorization header', {}, /valid API key is required/],
    ['a Basic credential', { authorization: 'Basic dXNlcjpwYXNz' }, /valid API key is required/],
    ['an empty bearer', { authorization: 'Bearer ' }, /valid API key is required/],
    ['an unknown key', bearer('ppk_unknown'), /unknown or revoked/],
  ])('401 with %s', async (_name, headers, message) => {
    t = await testApp({ auth: true });
    const res = await t.app.inject({ url: '/v1/audits', headers });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="portalprobe"');
    expect(res.json().error).toMatchObject({ code: 'PP_ERR_AUTH', message: expect.stringMatching(message) });
  });

  it('a valid key works until it is revoked', async () => {
    t = await testApp({ auth: true });
    const { id, key } = (await t.app.store.keys.create({ name: 'ci' }));
    expect((await t.app.inject({ url: '/v1/audits', headers: bearer(key) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/v1/audits', headers: { authorization: `bearer  ${key}` } })).statusCode).toBe(200);
    await t.app.store.keys.revoke(id);
    const res = await t.app.inject({ url: '/v1/audits', headers: bearer(key) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/revoked/);
  });

  it('protects every /v1 route, even unknown ones, and records the key on audits', async () => {
    t = await testApp({ auth: true });
    for (const [method, url] of [['POST', '/v1/audits'], ['GET', '/v1/audits/aud_x'], ['DELETE', '/v1/audits/aud_x'], ['GET', '/v1/audits/aud_x/events'], ['GET', '/v1/portals/a.example/history'], ['POST', '/v1/comparisons'], ['GET', '/v1/schedules'], ['GET', '/v1/nothing']] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
    const { id, key } = (await t.app.store.keys.create({ name: 'ci' }));
    const res = await t.app.inject({ method: 'POST', url: '/v1/audits', headers: bearer(key), payload: { url: 'https://a.example/' } });
    expect(res.statusCode).toBe(202);
    expect((await t.app.store.audits.get(res.json().id))!.apiKeyId).toBe(id);
  });

  it.each(['/healthz', '/readyz', '/metrics', '/openapi.json', '/docs/', '/llms.txt', '/robots.txt', '/', '/dashboard/app.js', '/v1/model'])('%s needs no key', async (url) => {
    t = await testApp({ auth: true });
    expect((await t.app.inject({ url })).statusCode).toBe(200);
  });

  it('with --no-auth, /v1 needs no key', async () => {
    t = await testApp({ auth: false });
    expect((await t.app.inject({ url: '/v1/audits' })).statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('429 after N requests per key per window, with Retry-After; other keys are unaffected', async () => {
    t = await testApp({ auth: true, rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const a = (await t.app.store.keys.create({ name: 'a' })).key;
    const b = (await t.app.store.keys.create({ name: 'b' })).key;
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ url: '/v1/audits', headers: bearer(a) })).statusCode).toBe(200);
    const limited = await t.app.inject({ url: '/v1/audits', headers: bearer(a) });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'PP_ERR_RATE_LIMITED', message: expect.stringMatching(/3 requests per 60 s/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect((await t.app.inject({ url: '/v1/audits', headers: bearer(b) })).statusCode).toBe(200);
    // Health, readiness and metrics are never limited.
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('without auth the bucket is the client IP', async () => {
    t = await testApp({ auth: false, rateLimit: { max: 2, timeWindowMs: 60_000 } });
    const from = (ip: string) => t!.app.inject({ url: '/v1/audits', remoteAddress: ip });
    expect((await from('10.0.0.1')).statusCode).toBe(200);
    expect((await from('10.0.0.1')).statusCode).toBe(200);
    expect((await from('10.0.0.1')).statusCode).toBe(429);
    expect((await from('10.0.0.2')).statusCode).toBe(200);
  });

  it('caps the audits one key may have queued or running', async () => {
    const runner = fakeRunner({ hold: true });
    t = await testApp({ auth: true, maxActivePerKey: 2, concurrency: 1 }, runner);
    const a = (await t.app.store.keys.create({ name: 'a' })).key;
    const b = (await t.app.store.keys.create({ name: 'b' })).key;
    const submit = (key: string) => t!.app.inject({ method: 'POST', url: '/v1/audits', headers: bearer(key), payload: { url: 'https://a.example/' } });
    expect((await submit(a)).statusCode).toBe(202);
    expect((await submit(a)).statusCode).toBe(202);
    const third = await submit(a);
    expect(third.statusCode).toBe(429);
    expect(third.json().error).toMatchObject({ code: 'PP_ERR_RATE_LIMITED', details: { active: 2, limit: 2 } });
    expect((await submit(b)).statusCode).toBe(202);
    runner.release();
  });
});
