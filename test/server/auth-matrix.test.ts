// The auth matrix: every registered route × key state × path spelling. A route that is not marked
// public answers 401 to every spelling of its path without a valid key — the router decodes and
// matches `/%761/audits` as `/v1/audits`, so the check must follow the matched route, not the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { underApi } from '../../src/server/plugins/app/auth.js';
import { call } from './http-client.js';
import { testApp, type TestApp } from './helpers.js';

let t: TestApp;
let keys: { valid: string; revoked: string };
let base: string;

beforeAll(async () => {
  t = await testApp({ auth: true, rateLimit: { max: 100_000, timeWindowMs: 60_000 } });
  const valid = (await t.app.store.keys.create({ name: 'valid' }));
  const revoked = (await t.app.store.keys.create({ name: 'revoked' }));
  await t.app.store.keys.revoke(revoked.id);
  keys = { valid: valid.key, revoked: revoked.key };
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => t.close());

/** A concrete path for a route pattern: parameters and wildcards filled in. */
const concrete = (pattern: string) => pattern.replace(/:[A-Za-z_]\w*/g, 'aud_x1').replace(/\*/g, 'x');

/** The spellings of one path that a router or a proxy may treat as the same route. */
function spellings(path: string): [string, string][] {
  const [, first, ...rest] = path.split('/');
  const tail = rest.length ? `/${rest.join('/')}` : '';
  const encodeAll = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  return [
    ['plain', path],
    ['first letter percent-encoded', `/%${first.charCodeAt(0).toString(16)}${first.slice(1)}${tail}`],
    ['last letter percent-encoded', `/${first.slice(0, -1)}%${first.charCodeAt(first.length - 1).toString(16)}${tail}`],
    ['lower-case hex', `/${encodeAll(first).toLowerCase()}${tail}`],
    ['upper-case hex', `/${encodeAll(first).toUpperCase()}${tail}`],
    ['whole path encoded', `/${encodeAll(first)}${rest.map((s) => `/${encodeAll(s)}`).join('')}`],
    ['leading double slash', `/${path}`],
    ['all slashes doubled', path.replace(/\//g, '//')],
    ['trailing slash', `${path}/`],
    ['upper case', path.toUpperCase()],
    ['dot-dot segment', `/static/..${path}`],
    ['dot segment', `/.${path}`],
    ['encoded dot-dot', `/x/%2e%2e${path}`],
    ['query string', `${path}?apiKey=1`],
    ['encoded slash', `/${first}%2F${rest.join('%2F')}`],
  ];
}

describe('auth matrix', () => {
  it('knows the routes, and the public ones are exactly the documented public set', () => {
    const routes = t.app.routeAccess;
    expect(routes.length).toBeGreaterThan(20);
    const publicUrls = new Set(routes.filter((r) => r.public).map((r) => r.url));
    for (const url of ['/healthz', '/readyz', '/metrics', '/openapi.json', '/llms.txt', '/robots.txt', '/sitemap.xml', '/.well-known/api-catalog', '/', '/dashboard/app.js', '/v1/model']) {
      expect(publicUrls, url).toContain(url);
    }
    for (const url of publicUrls) {
      const documented = url.startsWith('/docs') || !url.startsWith('/v1/') || url === '/v1/model';
      expect(documented, `${url} is public`).toBe(true);
    }
    expect(routes.filter((r) => !r.public && r.url.startsWith('/v1/')).length).toBeGreaterThan(10);
  });

  it('every protected route × {no key, wrong key, revoked key} × 15 spellings → 401 (inject)', async () => {
    const protectedRoutes = t.app.routeAccess.filter((r) => !r.public);
    expect(protectedRoutes.length).toBeGreaterThan(10);
    const headerSets: [string, Record<string, string>][] = [
      ['no key', {}],
      ['wrong key', { authorization: 'Bearer ppk_wrong' }],
      ['revoked key', { authorization: `Bearer ${keys.revoked}` }],
    ];
    const failures: string[] = [];
    let checked = 0;
    for (const route of protectedRoutes) {
      for (const [spelling, url] of spellings(concrete(route.url))) {
        for (const [keyState, headers] of headerSets) {
          const res = await t.app.inject({ method: route.method as 'GET', url, headers, ...(route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH' ? { payload: {} } : {}) });
          checked++;
          if (res.statusCode !== 401) failures.push(`${route.method} ${route.url} (${spelling}: ${url}, ${keyState}) → ${res.statusCode}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });

  it('the same spellings over a real socket (as curl --path-as-is sends them) → 401 without a key', async () => {
    const failures: string[] = [];
    const protectedRoutes = t.app.routeAccess.filter((r) => !r.public && r.method !== 'HEAD');
    for (const route of protectedRoutes) {
      for (const [spelling, path] of spellings(concrete(route.url))) {
        const res = await call(route.method, `${base}${path}`, {}, route.method === 'POST' ? {} : undefined);
        if (res.status !== 401) failures.push(`${route.method} ${route.url} (${spelling}: ${path}) → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the reported bypass: /%761/audits and /v%31/audits neither list nor create without a key', async () => {
    for (const path of ['/%761/audits', '/v%31/audits']) {
      expect((await call('GET', `${base}${path}`)).status).toBe(401);
      expect((await call('POST', `${base}${path}`, {}, { url: 'https://a.example/' })).status).toBe(401);
    }
    expect((await t.app.store.audits.list({ limit: 10 })).items).toHaveLength(0);
  });

  it('a valid key reaches every protected route (not 401), so the matrix above tests the key check', async () => {
    for (const route of t.app.routeAccess.filter((r) => !r.public && r.method === 'GET')) {
      const res = await t.app.inject({ method: 'GET', url: concrete(route.url), headers: { authorization: `Bearer ${keys.valid}` } });
      expect(res.statusCode, `${route.url}`).not.toBe(401);
    }
  });

  it('public routes answer without a key', async () => {
    for (const route of t.app.routeAccess.filter((r) => r.public && r.method === 'GET' && !r.url.includes('*') && !r.url.includes(':'))) {
      const res = await t.app.inject({ url: route.url });
      expect(res.statusCode, route.url).not.toBe(401);
    }
  });

  it('unknown paths: under /v1 (in any spelling) 401, elsewhere 404', async () => {
    for (const path of ['/v1/nothing', '/%761/nothing', '/V1/nothing', '//v1//nothing', '/x/../v1/nothing', '/v1']) {
      expect((await t.app.inject({ url: path })).statusCode, path).toBe(401);
    }
    // A path that cannot be decoded is refused by the router before any handler.
    expect((await t.app.inject({ url: '/%zz/v1/audits' })).statusCode).toBe(400);
    for (const path of ['/nothing', '/v10/audits', '/favicon.ico']) {
      expect((await t.app.inject({ url: path })).statusCode, path).toBe(404);
    }
  });
});

describe('underApi', () => {
  it.each([
    ['/v1/audits', true],
    ['/%761/audits', true],
    ['/v%31', true],
    ['//v1', true],
    ['/a/../V1/x', true],
    ['/a/%2e%2e/v1/x', true],
    ['/%E0%A4%A', true],
    ['\\v1\\audits', true],
    ['/v1x', false],
    ['/v10/audits', false],
    ['/docs/v1', false],
    ['/', false],
  ])('%s → %s', (url, expected) => {
    expect(underApi(url)).toBe(expected);
  });
});
