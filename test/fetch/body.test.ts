// Body size cap and Content-Encoding decoding, through a real client against node:http servers.
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContentEncoding, readBody } from '../../src/fetch/body.js';
import { createHttpClient } from '../../src/fetch/client.js';
import type { HttpClient } from '../../src/fetch/types.js';
import { startServer, type TestServer } from './test-server.js';

const TEXT = Buffer.from('<!doctype html><title>Docs</title><p>Hello, agents. '.repeat(200));
const BIG = Buffer.alloc(300_000, 'a');
const LIMIT = 100_000;

/** 64 gzip members of 16 MiB of zeros each: ~1 GiB decoded from about 1 MB on the wire. */
function gzipBomb(): Buffer {
  const member = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: 64 }, () => member));
}
const BOMB_DECODED = 64 * 16 * 1024 * 1024;

const encoded: Record<string, Buffer> = {
  gzip: zlib.gzipSync(TEXT),
  'x-gzip': zlib.gzipSync(TEXT),
  deflate: zlib.deflateSync(TEXT),
  'deflate-raw': zlib.deflateRawSync(TEXT),
  br: zlib.brotliCompressSync(TEXT),
  'gzip, br': zlib.brotliCompressSync(zlib.gzipSync(TEXT)),
};

let server: TestServer;
let client: HttpClient;
let bomb: Record<string, Buffer>;

beforeAll(async () => {
  // 256 MiB of zeros: deflate tops out near 1000:1 (~256 KB on the wire), brotli needs ~400 bytes.
  const zeros = Buffer.alloc(256 * 1024 * 1024);
  bomb = {
    gzip: gzipBomb(),
    deflate: zlib.deflateSync(zeros, { level: 9 }),
    br: zlib.brotliCompressSync(zeros, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
  };
  server = await startServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const coding = url.searchParams.get('coding') ?? '';
    switch (url.pathname) {
      case '/big':
        return res.end(BIG);
      case '/exact':
        return res.end(BIG.subarray(0, LIMIT));
      case '/encoded':
        res.setHeader('content-encoding', coding === 'deflate-raw' ? 'deflate' : coding);
        return res.end(encoded[coding]);
      case '/bomb':
        res.setHeader('content-encoding', coding);
        return res.end(bomb[coding]);
      case '/corrupt':
        res.setHeader('content-encoding', 'gzip');
        return res.end(Buffer.from('this is not gzip at all'));
      case '/unknown':
        res.setHeader('content-encoding', 'zstd-or-whatever');
        return res.end('opaque bytes');
      default:
        res.statusCode = 404;
        res.end();
    }
  });
  client = createHttpClient({ allowPrivate: true, maxBodyBytes: LIMIT });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe('size cap', () => {
  it('cuts an oversize body at the limit and flags it, without throwing', async () => {
    const res = await client.fetch(`${server.origin}/big`);
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(LIMIT);
    expect(res.body.equals(BIG.subarray(0, LIMIT))).toBe(true);
  });

  it('does not flag a body of exactly the limit', async () => {
    const res = await client.fetch(`${server.origin}/exact`);
    expect(res.truncated).toBe(false);
    expect(res.body.length).toBe(LIMIT);
  });

  it('honours a per-request limit', async () => {
    const res = await client.fetch(`${server.origin}/big`, { maxBodyBytes: 1000 });
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(1000);
    const whole = await client.fetch(`${server.origin}/big`, { maxBodyBytes: 1_000_000 });
    expect(whole.truncated).toBe(false);
    expect(whole.body.length).toBe(BIG.length);
  });

  it("gives PP_ERR_TOO_LARGE when the caller asks for onTooLarge: 'error'", async () => {
    await expect(client.fetch(`${server.origin}/big`, { onTooLarge: 'error' })).rejects.toMatchObject({
      code: 'PP_ERR_TOO_LARGE',
      details: { limitBytes: LIMIT, kind: 'body' },
    });
  });
});

describe('content encodings', () => {
  it.each(Object.keys(encoded))('decodes %s', async (coding) => {
    const res = await client.fetch(`${server.origin}/encoded?coding=${encodeURIComponent(coding)}`);
    expect(res.truncated).toBe(false);
    expect(res.body.equals(TEXT)).toBe(true);
    // `bytes` is what crossed the wire: the compressed size.
    expect(res.bytes).toBe(encoded[coding].length);
  });

  it('sends Accept-Encoding: gzip, deflate, br', async () => {
    await client.fetch(`${server.origin}/encoded?coding=gzip`);
    expect(server.requests.at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('keeps a body with a coding it cannot decode as sent', async () => {
    const res = await client.fetch(`${server.origin}/unknown`);
    expect(res.body.toString()).toBe('opaque bytes');
  });

  it('reports a corrupt compressed body as PP_ERR_PARSE', async () => {
    await expect(client.fetch(`${server.origin}/corrupt`)).rejects.toMatchObject({ code: 'PP_ERR_PARSE' });
  });

  it.each(['gzip', 'deflate', 'br'])('stops a %s decompression bomb at the decoded cap', async (coding) => {
    const cap = 1024 * 1024;
    const before = process.memoryUsage().arrayBuffers;
    const res = await client.fetch(`${server.origin}/bomb?coding=${coding}`, { maxBodyBytes: cap });
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(cap);
    expect(res.body.every((b) => b === 0)).toBe(true);
    // Reading stopped early: a couple of socket chunks of read-ahead, not the whole ~1 MB bomb.
    // (The deflate and brotli bombs are a few socket chunks at most, so only the cap and the
    // memory bound say anything there.)
    if (coding === 'gzip') expect(res.bytes).toBeLessThan(256 * 1024);
    // And nothing near the decoded size was ever held (generous bound: 64 MiB).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    await expect(
      client.fetch(`${server.origin}/bomb?coding=${coding}`, { maxBodyBytes: cap, onTooLarge: 'error' }),
    ).rejects.toMatchObject({ code: 'PP_ERR_TOO_LARGE', details: { kind: 'decompressed' } });
  });

  it('the gzip bomb really is one (sanity check of the fixture)', () => {
    expect(bomb.gzip.length).toBeLessThan(2 * 1024 * 1024);
    expect(BOMB_DECODED / bomb.gzip.length).toBeGreaterThan(500);
  });
});

describe('readBody and parseContentEncoding (no network)', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['identity', []],
    ['gzip', ['gzip']],
    ['X-GZIP', ['gzip']],
    ['deflate, br', ['br', 'deflate']],
    ['gzip, zstd', undefined],
    ['compress', undefined],
    ['gzip,gzip,gzip,gzip,gzip,gzip', undefined],
  ])('parseContentEncoding(%j) → %j', (header, expected) => {
    expect(parseContentEncoding(header)).toEqual(expected);
  });

  it('reads an empty stream as an empty body', async () => {
    const res = await readBody(Readable.from([]), 'gzip', { maxBytes: 10, onTooLarge: 'truncate', url: 'x' });
    expect(res).toEqual({ body: Buffer.alloc(0), truncated: false, wireBytes: 0 });
  });

  it('counts wire bytes across chunks', async () => {
    const chunks = [Buffer.from('abc'), Buffer.from('defg')];
    const res = await readBody(Readable.from(chunks), undefined, { maxBytes: 100, onTooLarge: 'truncate', url: 'x' });
    expect(res.body.toString()).toBe('abcdefg');
    expect(res.wireBytes).toBe(7);
  });
});
