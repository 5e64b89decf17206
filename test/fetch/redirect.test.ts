// Manual redirects: hop limit, loops, the recorded chain, relative Locations, schemes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/fetch/client.js';
import { headersForHop, isRedirect, resolveLocation } from '../../src/fetch/redirect.js';
import type { HttpClient } from '../../src/fetch/types.js';
import { startServer, type TestServer } from './test-server.js';

let server: TestServer;
let client: HttpClient;

function redirect(res: import('node:http').ServerResponse, location: string, status = 302): void {
  res.writeHead(status, { location });
  res.end('moved');
}

beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url!, server.origin);
    const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (chain) {
      const n = Number(chain[1]);
      return n === 0 ? res.end(`end via ${req.method}`) : redirect(res, `/chain/${n - 1}`, n % 2 ? 301 : 307);
    }
    switch (url.pathname) {
      case '/loop/a':
        return redirect(res, '/loop/b');
      case '/loop/b':
        return redirect(res, `${server.origin}/loop/a`);
      case '/self':
        return redirect(res, '/self#again');
      case '/dir/relative':
        return redirect(res, '../target?q=1', 308);
      case '/protocol-relative':
        return redirect(res, `//127.0.0.1:${server.port}/target`, 303);
      case '/to-ftp':
        return redirect(res, 'ftp://127.0.0.1/file');
      case '/to-file':
        return redirect(res, 'file:///etc/passwd');
      case '/no-location':
        res.statusCode = 302;
        return res.end('no location');
      case '/target':
        return res.end(`target ${url.search}`);
      default:
        res.statusCode = 404;
        return res.end();
    }
  });
  client = createHttpClient({ allowPrivate: true });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('redirects', () => {
  it('records every hop in order and ends at finalUrl', async () => {
    const res = await client.fetch(`${server.origin}/chain/3`);
    expect(res.status).toBe(200);
    expect(res.redirects).toEqual([`${server.origin}/chain/3`, `${server.origin}/chain/2`, `${server.origin}/chain/1`]);
    expect(res.finalUrl).toBe(`${server.origin}/chain/0`);
    expect(res.url).toBe(`${server.origin}/chain/3`);
  });

  it('follows exactly maxRedirects (5) hops', async () => {
    const res = await client.fetch(`${server.origin}/chain/5`);
    expect(res.redirects).toHaveLength(5);
    expect(res.body.toString()).toBe('end via GET');
  });

  it('refuses a sixth hop with PP_ERR_TOO_MANY_REDIRECTS', async () => {
    const before = server.requests.length;
    const err = await client.fetch(`${server.origin}/chain/6`).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PP_ERR_TOO_MANY_REDIRECTS', details: { max: 5 } });
    // The chain names every URL up to the refused target: /chain/6 … /chain/0.
    expect((err as { details: { chain: string[] } }).details.chain).toHaveLength(7);
    expect(server.requests.slice(before).map((r) => r.url)).not.toContain('/chain/0');
    expect(server.requests.length - before).toBe(6);
  });

  it('honours a smaller maxRedirects', async () => {
    const strict = createHttpClient({ allowPrivate: true, maxRedirects: 1 });
    try {
      await expect(strict.fetch(`${server.origin}/chain/1`)).resolves.toMatchObject({ status: 200 });
      await expect(strict.fetch(`${server.origin}/chain/2`)).rejects.toMatchObject({ code: 'PP_ERR_TOO_MANY_REDIRECTS' });
    } finally {
      await strict.close();
    }
  });

  it('detects a loop with PP_ERR_REDIRECT_LOOP', async () => {
    await expect(client.fetch(`${server.origin}/loop/a`)).rejects.toMatchObject({
      code: 'PP_ERR_REDIRECT_LOOP',
      details: { chain: [`${server.origin}/loop/a`, `${server.origin}/loop/b`, `${server.origin}/loop/a`] },
    });
    await expect(client.fetch(`${server.origin}/self`)).rejects.toMatchObject({ code: 'PP_ERR_REDIRECT_LOOP' });
  });

  it.each([
    ['/dir/relative', '/target?q=1'],
    ['/protocol-relative', '/target'],
  ])('resolves the Location of %s', async (path, target) => {
    const res = await client.fetch(`${server.origin}${path}`);
    expect(res.finalUrl).toBe(`${server.origin}${target}`);
    expect(res.status).toBe(200);
  });

  it.each(['/to-ftp', '/to-file'])('refuses a redirect to a non-http scheme (%s)', async (path) => {
    await expect(client.fetch(`${server.origin}${path}`)).rejects.toMatchObject({ code: 'PP_ERR_UNSUPPORTED_SCHEME' });
  });

  it('returns a 3xx without Location as it is', async () => {
    const res = await client.fetch(`${server.origin}/no-location`);
    expect(res.status).toBe(302);
    expect(res.redirects).toEqual([]);
    expect(res.body.toString()).toBe('no location');
  });

  it('keeps HEAD across hops', async () => {
    const before = server.requests.length;
    const res = await client.fetch(`${server.origin}/chain/2`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(server.requests.slice(before).map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'HEAD']);
  });
});

describe('redirect helpers', () => {
  it.each([301, 302, 303, 307, 308])('%i is a redirect', (s) => expect(isRedirect(s)).toBe(true));
  it.each([200, 300, 304, 305, 404])('%i is not', (s) => expect(isRedirect(s)).toBe(false));

  it('drops the fragment and rejects an unparseable Location', () => {
    expect(resolveLocation('/a#b', new URL('https://x.test/c')).href).toBe('https://x.test/a');
    expect(() => resolveLocation('http://[bad', new URL('https://x.test/'))).toThrowError(
      expect.objectContaining({ code: 'PP_ERR_INVALID_URL' }),
    );
  });

  it('drops credentials when the origin changes', () => {
    const h = { authorization: 'Bearer t', cookie: 'a=b', accept: 'text/html' };
    expect(headersForHop(h, new URL('https://a.test/'), new URL('https://a.test/x'))).toEqual(h);
    expect(headersForHop(h, new URL('https://a.test/'), new URL('https://b.test/'))).toEqual({ accept: 'text/html' });
  });
});
