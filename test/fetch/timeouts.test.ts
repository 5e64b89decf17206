// Every way a fetch can fail before a usable response exists, mapped to a stable PP_ERR_* code.
import { getEventListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/fetch/client.js';
import type { ClientOptions } from '../../src/fetch/types.js';
import { startServer, type TestServer } from './test-server.js';

let server: TestServer;
const stalled: ServerResponse[] = [];

beforeAll(async () => {
  server = await startServer((req, res) => {
    switch (req.url) {
      case '/no-headers':
        stalled.push(res); // never answers
        return;
      case '/stall-body':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first part…');
        stalled.push(res); // never finishes
        return;
      case '/drip': {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 40);
        res.on('close', () => clearInterval(timer));
        return;
      }
      default:
        res.end('ok');
    }
  });
});

afterAll(async () => {
  await server.close();
});

async function failWith(path: string, options: ClientOptions, signal?: AbortSignal): Promise<unknown> {
  const client = createHttpClient({ allowPrivate: true, ...options });
  try {
    return await client.fetch(`${server.origin}${path}`, { signal }).then(
      () => new Error('expected a failure'),
      (err: unknown) => err,
    );
  } finally {
    await client.close();
  }
}

describe('timeouts and failures', () => {
  it('headers that never come → PP_ERR_TIMEOUT (headers)', async () => {
    const started = Date.now();
    const err = await failWith('/no-headers', { headersTimeoutMs: 200 });
    expect(err).toMatchObject({ code: 'PP_ERR_TIMEOUT', details: { phase: 'headers', timeoutMs: 200 } });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a body that stalls → PP_ERR_TIMEOUT (body)', async () => {
    const err = await failWith('/stall-body', { bodyTimeoutMs: 200 });
    expect(err).toMatchObject({ code: 'PP_ERR_TIMEOUT', details: { phase: 'body', timeoutMs: 200 } });
  });

  it('a body that drips forever → PP_ERR_TIMEOUT (total)', async () => {
    const err = await failWith('/drip', { bodyTimeoutMs: 1000, totalTimeoutMs: 300 });
    expect(err).toMatchObject({ code: 'PP_ERR_TIMEOUT', details: { phase: 'total', timeoutMs: 300 } });
  });

  it("the caller's AbortSignal cancels → PP_ERR_ABORTED", async () => {
    const err = await failWith('/no-headers', {}, AbortSignal.timeout(100));
    expect(err).toMatchObject({ code: 'PP_ERR_ABORTED' });
  });

  it('leaves nothing attached to a long-lived caller signal', async () => {
    const auditWide = new AbortController();
    const client = createHttpClient({ allowPrivate: true, headersTimeoutMs: 200 });
    try {
      for (let i = 0; i < 5; i++) await client.fetch(`${server.origin}/`, { signal: auditWide.signal });
      await expect(client.fetch(`${server.origin}/no-headers`, { signal: auditWide.signal })).rejects.toMatchObject({
        code: 'PP_ERR_TIMEOUT',
      });
    } finally {
      await client.close();
    }
    expect(getEventListeners(auditWide.signal, 'abort')).toHaveLength(0);
  });

  it('an already-aborted signal never sends the request', async () => {
    const before = server.requests.length;
    const controller = new AbortController();
    controller.abort();
    expect(await failWith('/', {}, controller.signal)).toMatchObject({ code: 'PP_ERR_ABORTED' });
    expect(server.requests.length).toBe(before);
  });

  it('a resolver that never answers → PP_ERR_TIMEOUT (connect)', async () => {
    const client = createHttpClient({ allowPrivate: true, connectTimeoutMs: 150, lookup: () => new Promise(() => {}) });
    try {
      await expect(client.fetch('http://slow-dns.test/')).rejects.toMatchObject({
        code: 'PP_ERR_TIMEOUT',
        details: { phase: 'connect', timeoutMs: 150 },
      });
    } finally {
      await client.close();
    }
  });

  it('a name that does not resolve → PP_ERR_DNS', async () => {
    const lookup = async (): Promise<never> => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' });
    };
    const client = createHttpClient({ allowPrivate: true, lookup });
    try {
      await expect(client.fetch('http://nowhere.test/')).rejects.toMatchObject({
        code: 'PP_ERR_DNS',
        details: { host: 'nowhere.test' },
      });
    } finally {
      await client.close();
    }
  });

  it('a refused connection → PP_ERR_CONNECTION', async () => {
    const gone = await startServer((_req, res) => res.end());
    await gone.close();
    const client = createHttpClient({ allowPrivate: true });
    try {
      await expect(client.fetch(`${gone.origin}/`)).rejects.toMatchObject({ code: 'PP_ERR_CONNECTION' });
    } finally {
      await client.close();
    }
  });

  it('an unparseable URL → PP_ERR_INVALID_URL', async () => {
    const client = createHttpClient();
    await expect(client.fetch('::not a url::')).rejects.toMatchObject({ code: 'PP_ERR_INVALID_URL' });
    await client.close();
  });
});
