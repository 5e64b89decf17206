// Small HTTP helpers shared by the demo servers (static fixture portals and the generated benchmark
// portal): media types by file extension, Accept / Accept-Encoding parsing (RFC 9110 §12.5) and one
// `send` that applies gzip and HEAD handling the same way everywhere.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** Media types by lower-case file extension. Text types carry charset=utf-8 so clients never guess. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  // RFC 9512 registers application/yaml.
  yaml: 'application/yaml; charset=utf-8',
  yml: 'application/yaml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  // RFC 7763.
  md: 'text/markdown; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  webmanifest: 'application/manifest+json',
  pdf: 'application/pdf',
};

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** Content-Type for a file name (by its last extension). */
export function contentTypeFor(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  // No extension, or a dot file such as `.htaccess`: nothing to go by.
  if (dot <= slash + 1) return DEFAULT_CONTENT_TYPE;
  return CONTENT_TYPES[fileName.slice(dot + 1).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;
}

/** Whether a Content-Type is text that can be compressed and have `{{origin}}` substituted. */
export function isTextType(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'image/svg+xml' ||
    /^application\/([\w.-]+\+)?(json|xml|yaml|javascript)$/.test(type) ||
    type === 'application/manifest+json'
  );
}

interface MediaRange {
  type: string;
  q: number;
}

/** Parses an Accept-style header into ranges with their q-values (RFC 9110 §12.4.2); bad q → 0. */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  const ranges: MediaRange[] = [];
  for (const part of header.split(',')) {
    const [rawType, ...params] = part.split(';');
    const type = rawType.trim().toLowerCase();
    if (!type) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name.toLowerCase() === 'q') {
        const n = Number(value);
        q = Number.isFinite(n) && n >= 0 && n <= 1 ? n : 0;
      }
    }
    ranges.push({ type, q });
  }
  return ranges;
}

/**
 * The q-value a media type gets from an Accept header, using the most specific matching range
 * (RFC 9110 §12.5.1), and whether that range named the type exactly. No header means `*∕*`.
 */
export function acceptQuality(header: string | undefined, mediaType: string): { q: number; explicit: boolean } {
  const ranges = parseAccept(header);
  if (ranges.length === 0) return { q: 1, explicit: false };
  const [major] = mediaType.split('/');
  const exact = ranges.find((r) => r.type === mediaType);
  if (exact) return { q: exact.q, explicit: true };
  const sub = ranges.find((r) => r.type === `${major}/*`);
  if (sub) return { q: sub.q, explicit: false };
  const any = ranges.find((r) => r.type === '*/*');
  return { q: any ? any.q : 0, explicit: false };
}

/**
 * True when the client asked for Markdown by name and ranks it at least as high as HTML. A bare
 * `*∕*` or `text/*` is not a request for Markdown: browsers send those, and they should get HTML.
 */
export function prefersMarkdown(accept: string | undefined): boolean {
  const md = acceptQuality(accept, 'text/markdown');
  if (!md.explicit || md.q <= 0) return false;
  return md.q >= acceptQuality(accept, 'text/html').q;
}

/** True when Accept-Encoding allows gzip (explicitly or via `*`) with q > 0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  const ranges = parseAccept(acceptEncoding);
  const gzip = ranges.find((r) => r.type === 'gzip' || r.type === 'x-gzip');
  if (gzip) return gzip.q > 0;
  const any = ranges.find((r) => r.type === '*');
  return any ? any.q > 0 : false;
}

/** Bodies smaller than this are sent as they are: gzip would not make them smaller. */
const GZIP_MIN_BYTES = 256;

export interface SendOptions {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Compress when the client accepts gzip and the body is text. @default true */
  compress?: boolean;
}

/**
 * Writes a complete response: Content-Type/Length, gzip for text bodies when accepted (with
 * `Vary: Accept-Encoding`), no body for HEAD. Header names in `headers` are kept as given.
 */
export function send(req: IncomingMessage, res: ServerResponse, options: SendOptions): void {
  const headers: Record<string, string> = { ...options.headers };
  let body = typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : (options.body ?? Buffer.alloc(0));
  const contentType = findHeader(headers, 'content-type');
  if (contentType && isTextType(contentType) && options.compress !== false) {
    addVary(headers, 'Accept-Encoding');
    if (body.length >= GZIP_MIN_BYTES && acceptsGzip(req.headers['accept-encoding'])) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = String(body.length);
  res.writeHead(options.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Adds a token to the Vary header in `headers`, keeping tokens already there. */
export function addVary(headers: Record<string, string>, token: string): void {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === 'vary') ?? 'Vary';
  const tokens = (headers[key] ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (!tokens.some((t) => t.toLowerCase() === token.toLowerCase())) tokens.push(token);
  headers[key] = tokens.join(', ');
}

function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The origin a server bound to host:port is reached at (IPv6 in brackets; wildcard → loopback). */
export function originFor(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
