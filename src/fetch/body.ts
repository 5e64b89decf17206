// Reads a response body under a size cap, decoding Content-Encoding ourselves (undici's `request`
// does not decompress). The cap counts *decoded* bytes, so a decompression bomb (a few KB of gzip
// that inflates to gigabytes) stops at the cap: zlib streams run with backpressure and are torn down
// as soon as the cap is reached, so at most one chunk past the cap is ever allocated.
// Content codings: RFC 9110 §8.4.1 (gzip, x-gzip, deflate) and RFC 7932 (br).
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { ParseError, PortalProbeError, TooLargeError } from '../errors.js';

export interface BodyLimits {
  /** Decoded bytes kept; more than this is cut (or an error, see onTooLarge). */
  maxBytes: number;
  onTooLarge: 'truncate' | 'error';
  /** For error messages. */
  url: string;
}

export interface BodyResult {
  body: Buffer;
  truncated: boolean;
  /** Bytes received on the wire (before decoding). */
  wireBytes: number;
}

type Coding = 'gzip' | 'deflate' | 'br';

/**
 * The codings to undo, outermost first, or undefined when the body is to be kept as sent
 * (identity, or a coding we never asked for and cannot decode).
 */
export function parseContentEncoding(header: string | undefined): Coding[] | undefined {
  if (!header) return [];
  const applied = header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const codings: Coding[] = [];
  for (const c of applied) {
    if (c === 'gzip' || c === 'x-gzip') codings.push('gzip');
    else if (c === 'deflate' || c === 'br') codings.push(c);
    else return undefined;
  }
  // A server that stacks more than a few codings is hostile; undici's fetch stops at 5 as well.
  if (codings.length > 5) return undefined;
  return codings.reverse();
}

function decoder(coding: Coding, firstByte: number | undefined): Transform {
  const finish = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
      // Z_SYNC_FLUSH: accept a body whose last bytes are missing, as browsers do.
      return zlib.createGunzip(finish);
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    case 'deflate':
      // "deflate" is meant to be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw
      // DEFLATE; a zlib header has compression method 8 in the low nibble (RFC 1950).
      return firstByte === undefined || (firstByte & 0x0f) === 0x08
        ? zlib.createInflate(finish)
        : zlib.createInflateRaw(finish);
  }
}

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** Reads `source` to the end or to the cap. Throws what the stream throws (timeouts, resets). */
export async function readBody(
  source: Readable,
  contentEncoding: string | undefined,
  limits: BodyLimits,
): Promise<BodyResult> {
  let wireBytes = 0;
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;

  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await iterator.next();
  if (first.done) return { body: Buffer.alloc(0), truncated: false, wireBytes: 0 };

  const codings = parseContentEncoding(contentEncoding) ?? [];
  const counted = async function* (): AsyncGenerator<Buffer> {
    for await (const chunk of prepend(first.value, iterator)) {
      wireBytes += chunk.length;
      yield chunk;
    }
  };
  const stages = codings.map((c, i) => decoder(c, i === 0 ? first.value[0] : undefined));

  const sink = async (input: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of input) {
      if (chunk.length === 0) continue;
      const room = limits.maxBytes - size;
      if (chunk.length > room) {
        // Keep what fits, then stop reading: returning ends the pipeline and destroys the source
        // and the decoders, which aborts the download.
        if (room > 0) chunks.push(chunk.subarray(0, room));
        size += Math.max(0, room);
        truncated = true;
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  };

  try {
    // The number of decoders varies, which pipeline()'s overloads cannot express.
    const run = pipeline as unknown as (...streams: unknown[]) => Promise<void>;
    // highWaterMark 1: read ahead of the decoder by one wire chunk at most.
    await run(Readable.from(counted(), { highWaterMark: 1 }), ...stages, sink);
  } catch (err) {
    // Stopping at the cap tears the pipeline down, which node reports as an AbortError: expected.
    if (truncated) return finish();
    if (err instanceof PortalProbeError) throw err;
    if (isZlibError(err)) {
      throw new ParseError('response body', `cannot decode ${contentEncoding} content`, { url: limits.url }, err);
    }
    throw err;
  } finally {
    source.destroy();
  }
  return finish();

  function finish(): BodyResult {
    if (truncated && limits.onTooLarge === 'error') {
      throw new TooLargeError(limits.url, limits.maxBytes, codings.length > 0 ? 'decompressed' : 'body');
    }
    return { body: Buffer.concat(chunks, size), truncated, wireBytes };
  }
}

function isZlibError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  // zlib reports Z_DATA_ERROR & co.; brotli reports ERR__ERROR_FORMAT_… style codes.
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__') || code.startsWith('ERR_BROTLI'));
}

/** Reads and discards a body we will not use (redirect and retry hops), up to a small cap. */
export async function discardBody(source: Readable, cap = 64 * 1024): Promise<number> {
  let bytes = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes >= cap) break;
    }
  } catch {
    // A hop body that fails to arrive does not matter: we are leaving it.
  } finally {
    source.destroy();
  }
  return bytes;
}
