// The per-audit cached fetch that probes use: one server hit per (method, url, Accept), and
// failures as data (status 0 + error), never exceptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditFetch, cacheKey } from '../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../src/fetch/client.js';
import type { FetchResponse, HttpClient } from '../../src/fetch/types.js';
import { startServer, type TestServer } from './test-server.js';

let server: TestServer;
let client: HttpClient;

beforeAll(async () => {
  server = await startServer((req, res) => {
    setTimeout(() => res.end(`${req.url} as ${req.headers.accept}`), 50);
  });
  client = createHttpClient({ allowPrivate: true });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('createAuditFetch', () => {
  it('two concurrent calls for the same URL share one server hit', async () => {
    const fetch = createAuditFetch(client);
    const before = server.requests.length;
    const [a, b] = await Promise.all([fetch(`${server.origin}/same`), fetch(`${server.origin}/same`)]);
    expect(server.requests.length - before).toBe(1);
    expect(a).toBe(b);
    expect(a.status).toBe(200);
    const later = await fetch(`${server.origin}/same#section`);
    expect(later).toBe(a);
    expect(fetch.distinctFetches).toBe(1);
  });

  it('keys on method and Accept', async () => {
    const fetch = createAuditFetch(client);
    const before = server.requests.length;
    const url = `${server.origin}/negotiate`;
    const html = await fetch(url, { headers: { Accept: 'text/html' } });
    const md = await fetch(url, { headers: { accept: 'text/markdown' } });
    await fetch(url, { method: 'HEAD', headers: { accept: 'text/markdown' } });
    await fetch(url, { headers: { accept: 'text/markdown' } });
    expect(html.body.toString()).toBe('/negotiate as text/html');
    expect(md.body.toString()).toBe('/negotiate as text/markdown');
    expect(server.requests.length - before).toBe(3);
    expect(fetch.distinctFetches).toBe(3);
  });

  it('each audit has its own cache', async () => {
    const before = server.requests.length;
    await createAuditFetch(client)(`${server.origin}/fresh`);
    await createAuditFetch(client)(`${server.origin}/fresh`);
    expect(server.requests.length - before).toBe(2);
  });

  it('turns a network failure into status 0 with the error code, without throwing', async () => {
    const gone = await startServer((_req, res) => res.end());
    await gone.close();
    const fetch = createAuditFetch(client);
    const result = await fetch(`${gone.origin}/x`);
    expect(result).toMatchObject({ status: 0, url: `${gone.origin}/x`, headers: {}, truncated: false, redirects: [] });
    expect(result.body.length).toBe(0);
    expect(result.error?.code).toBe('PP_ERR_CONNECTION');
    expect(result.error?.message).toContain(gone.origin);
  });

  it('reports a blocked address as data', async () => {
    const guarded = createHttpClient();
    try {
      const result = await createAuditFetch(guarded)('http://169.254.169.254/latest/meta-data/');
      expect(result.status).toBe(0);
      expect(result.error?.code).toBe('PP_ERR_BLOCKED_ADDRESS');
    } finally {
      await guarded.close();
    }
  });

  it('wraps a non-portalprobe failure as PP_ERR_INTERNAL and retries a cancelled fetch later', async () => {
    let calls = 0;
    const stub: HttpClient = {
      userAgent: 'stub',
      stats: { requests: 0, bytes: 0 },
      close: async () => {},
      fetch: (url) => {
        calls++;
        if (url.endsWith('/boom')) throw new TypeError('sync boom');
        return Promise.reject(Object.assign(new Error('cancelled'), { code: 'PP_ERR_ABORTED' }));
      },
    };
    const fetch = createAuditFetch(stub);
    expect((await fetch('https://x.test/boom')).error?.code).toBe('PP_ERR_INTERNAL');
    // A plain Error is not a PortalProbeError, so even with a PP-like code it is internal…
    expect((await fetch('https://x.test/cancel')).error?.code).toBe('PP_ERR_INTERNAL');
    expect(calls).toBe(2);
  });

  it('does not cache a cancelled fetch', async () => {
    const { AbortedError } = await import('../../src/errors.js');
    let calls = 0;
    const ok: FetchResponse = {
      url: 'u', finalUrl: 'u', status: 200, headers: {}, body: Buffer.from('ok'),
      truncated: false, redirects: [], bytes: 2, durationMs: 1, ttfbMs: 1,
    };
    const stub: HttpClient = {
      userAgent: 'stub',
      stats: { requests: 0, bytes: 0 },
      close: async () => {},
      fetch: async (url) => {
        calls++;
        if (calls === 1) throw new AbortedError(url);
        return ok;
      },
    };
    const fetch = createAuditFetch(stub);
    expect((await fetch('https://x.test/a')).error?.code).toBe('PP_ERR_ABORTED');
    expect((await fetch('https://x.test/a')).status).toBe(200);
    expect(calls).toBe(2);
  });

  it.each([
    ['https://x.test/a', {}, 'GET https://x.test/a '],
    ['https://x.test/a#frag', { method: 'HEAD' as const }, 'HEAD https://x.test/a '],
    ['https://x.test/a', { headers: { ACCEPT: 'text/markdown' } }, 'GET https://x.test/a text/markdown'],
  ])('cacheKey(%s, %j)', (url, request, key) => {
    expect(cacheKey(url, request)).toBe(key);
  });
});
