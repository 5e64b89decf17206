// Bounded gunzip for sitemap bodies (sitemaps.org allows sitemap.xml.gz; the 50 MB limit applies to
// the uncompressed file). Inflation stops as soon as the cap is passed, so a gzip bomb costs at most
// the cap in memory and the time to inflate it, never its full expanded size.
import { createGunzip } from 'node:zlib';

/** 50 MB, the protocol's uncompressed size limit (sitemaps.org: 52,428,800 bytes). */
export const MAX_SITEMAP_BYTES = 52_428_800;

export interface GunzipResult {
  /** At most `maxBytes` bytes of the inflated stream. */
  data: Buffer;
  /** True when the stream inflated to more than `maxBytes`: `data` is its start. */
  truncated: boolean;
  /** Set when the gzip stream is corrupt or cut short; `data` holds what inflated before that. */
  error?: string;
}

/** True for a body that starts with the gzip magic bytes (RFC 1952 §2.3.1). */
export function isGzip(body: Uint8Array): boolean {
  return body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
}

export function gunzipCapped(body: Uint8Array, maxBytes: number = MAX_SITEMAP_BYTES): Promise<GunzipResult> {
  return new Promise((resolve) => {
    const gunzip = createGunzip();
    const parts: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: GunzipResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    gunzip.on('data', (chunk: Buffer) => {
      if (settled) return;
      const room = maxBytes - size;
      if (chunk.length > room) {
        if (room > 0) parts.push(chunk.subarray(0, room));
        size = maxBytes;
        finish({ data: Buffer.concat(parts, size), truncated: true });
        gunzip.destroy();
        return;
      }
      parts.push(chunk);
      size += chunk.length;
    });
    gunzip.on('end', () => finish({ data: Buffer.concat(parts, size), truncated: false }));
    gunzip.on('error', (err: Error) => finish({ data: Buffer.concat(parts, size), truncated: false, error: err.message }));
    gunzip.end(body);
  });
}
