// The client's manners: who it says it is, Retry-After, per-host concurrency and politeness,
// stats, HEAD, and the response shape.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, defaultUserAgent } from '../../src/fetch/client.js';
import type { ClientOptions, HttpClient } from '../../src/fetch/types.js';
import { packageInfo } from '../../src/util/package-info.js';
import { startServer, type TestServer } from './test-server.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  homepage: string;
};

let server: TestServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(handler: (req: IncomingMessage, res: ServerResponse) => void, options: ClientOptions = {}) {
  server = await startServer(handler);
  client = createHttpClient({ allowPrivate: true, ...options });
  return { server, client };
}

describe('identity', () => {
  it('reads name, version and homepage from package.json', () => {
    expect(packageInfo()).toEqual({ name: 'portalprobe', version: pkg.version, homepage: pkg.homepage });
  });

  it('sends portalprobe/<version> (+homepage), which a caller cannot override', async () => {
    const { server, client } = await setup((_req, res) => res.end('ok'));
    expect(defaultUserAgent()).toBe(`portalprobe/${pkg.version} (+${pkg.homepage})`);
    expect(client.userAgent).toBe(defaultUserAgent());
    await client.fetch(`${server.origin}/`, { headers: { 'User-Agent': 'curl/8', Accept: 'text/markdown' } });
    const sent = server.requests[0].headers;
    expect(sent['user-agent']).toBe(`portalprobe/${pkg.version} (+https://github.com/portalprobe/portalprobe)`);
    expect(sent.accept).toBe('text/markdown');
  });

  it('uses a configured User-Agent', async () => {
    const { server, client } = await setup((_req, res) => res.end('ok'), { userAgent: 'custom/1.0' });
    await client.fetch(`${server.origin}/`);
    expect(server.requests[0].headers['user-agent']).toBe('custom/1.0');
  });
});

describe('response shape and stats', () => {
  it('returns status, lower-cased joined headers, timings and counts requests and wire bytes', async () => {
    const { server, client } = await setup((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(301, { location: '/page' });
        return res.end('gone');
      }
      res.setHeader('X-Custom', ['a', 'b']);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('hello world');
    });
    const res = await client.fetch(`${server.origin}/moved`);
    expect(res.status).toBe(200);
    expect(res.headers['x-custom']).toBe('a, b');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.toString()).toBe('hello world');
    expect(res.bytes).toBe(11);
    expect(res.durationMs).toBeGreaterThanOrEqual(res.ttfbMs);
    expect(client.stats.requests).toBe(2);
    expect(client.stats.bytes).toBe(11 + 4);
  });

  it('HEAD returns headers and an empty body', async () => {
    const { server, client } = await setup((_req, res) => {
      res.setHeader('content-length', '5');
      res.end(_req.method === 'HEAD' ? undefined : 'hello');
    });
    const res = await client.fetch(`${server.origin}/`, { method: 'HEAD' });
    expect(server.requests[0].method).toBe('HEAD');
    expect(res.headers['content-length']).toBe('5');
    expect(res.body.length).toBe(0);
  });
});

describe('Retry-After on 429 and 503', () => {
  function flaky(status: number, retryAfter: () => string | undefined, failures: number) {
    let hits = 0;
    return (_req: IncomingMessage, res: ServerResponse) => {
      hits++;
      if (hits <= failures) {
        const value = retryAfter();
        if (value !== undefined) res.setHeader('retry-after', value);
        res.statusCode = status;
        return res.end('slow down');
      }
      res.end('fine');
    };
  }

  it('429 with Retry-After: 1, then 200 → retried once after about a second', async () => {
    const { server, client } = await setup(flaky(429, () => '1', 1));
    const started = Date.now();
    const res = await client.fetch(`${server.origin}/`);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('fine');
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('503 with an HTTP-date Retry-After is honoured', async () => {
    const { server, client } = await setup(flaky(503, () => new Date(Date.now() + 1000).toUTCString(), 1));
    const res = await client.fetch(`${server.origin}/`);
    expect(res.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after maxRetries and returns the last 429 as it is', async () => {
    const { server, client } = await setup(flaky(429, () => '0', 100));
    const res = await client.fetch(`${server.origin}/`);
    expect(res.status).toBe(429);
    expect(res.body.toString()).toBe('slow down');
    expect(server.requests).toHaveLength(3); // 1 + maxRetries (2)
  });

  it.each([
    ['a wait above maxRetryAfterMs', () => '3600'],
    ['no Retry-After header', () => undefined],
    ['an unreadable Retry-After', () => 'soon'],
  ])('does not retry with %s', async (_label, value) => {
    const { server, client } = await setup(flaky(429, value, 100));
    const res = await client.fetch(`${server.origin}/`);
    expect(res.status).toBe(429);
    expect(server.requests).toHaveLength(1);
  });
});

describe('per-host limits', () => {
  it('never has more than perHostConcurrency requests in flight to one host', async () => {
    let inFlight = 0;
    let peak = 0;
    const { server, client } = await setup(
      (_req, res) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        setTimeout(() => {
          inFlight--;
          res.end('ok');
        }, 60);
      },
      { perHostConcurrency: 3 },
    );
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => client.fetch(`${server.origin}/p${i}`)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(peak).toBe(3);
    expect(server.requests).toHaveLength(12);
  });

  it('spaces request starts to one host by perHostDelayMs', async () => {
    const starts: number[] = [];
    const { server, client } = await setup(
      (_req, res) => {
        starts.push(Date.now());
        res.end('ok');
      },
      { perHostDelayMs: 120 },
    );
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 4 }, (_, i) => client.fetch(`${server.origin}/p${i}`)));
    // Connection set-up and event-loop lag only ever delay an arrival, so the k-th request cannot
    // reach the server before k gaps have passed (5 ms slack for timer rounding).
    starts.sort((a, b) => a - b);
    starts.forEach((t, k) => expect(t - t0).toBeGreaterThanOrEqual(k * 120 - 5));
    expect(starts).toHaveLength(4);
  });
});
