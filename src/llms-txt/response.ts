// Turns the HTTP answer for /llms.txt (or /llms-full.txt) into "there is a file, here is its text"
// or "there is none, because …". Status handling follows Lighthouse's llms-txt audit (no response or
// 5xx: a failure; 4xx: no file); a 200 that is really an HTML page (a soft 404, common on
// single-page-app hosts) is no file either.
import { decodeBody, mediaType } from '../fetch/decode.js';

export type LlmsTxtAbsence = 'fetch-failed' | 'server-error' | 'not-found' | 'unexpected-status' | 'html';

export type LlmsTxtFetchOutcome =
  | { present: true; text: string; /** Served as text/html although the body is markdown. */ htmlContentType: boolean }
  | { present: false; reason: LlmsTxtAbsence; status: number };

export interface LlmsTxtResponse {
  /** HTTP status; 0 or null when there was no response. */
  status: number | null;
  contentType?: string | null;
  body: Uint8Array | string | null;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** True for a body that opens like an HTML document (after a BOM, whitespace and comments). */
export function looksLikeHtml(text: string): boolean {
  // A loop: a regex repeating a lazy comment pattern backtracks exponentially on many short comments.
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (!text.startsWith('<!--', i)) break;
    const end = text.indexOf('-->', i + 4);
    if (end < 0) return false;
    i = end + 3;
  }
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(i, i + 32));
}

export function llmsTxtFromResponse(response: LlmsTxtResponse): LlmsTxtFetchOutcome {
  const status = response.status ?? 0;
  if (status === 0) return { present: false, reason: 'fetch-failed', status };
  if (status >= 500) return { present: false, reason: 'server-error', status };
  if (status >= 400) return { present: false, reason: 'not-found', status };
  if (status < 200 || status >= 300) return { present: false, reason: 'unexpected-status', status };
  const contentType = response.contentType ?? undefined;
  const body = response.body ?? '';
  const text = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : decodeBody(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType);
  if (looksLikeHtml(text)) return { present: false, reason: 'html', status };
  const htmlContentType = HTML_TYPES.has(mediaType(contentType));
  // An HTML content type on a body that is not markdown is a soft 404 (an app shell or an error
  // page without a doctype); a markdown body served as text/html is still a usable llms.txt.
  if (htmlContentType && !/^\s*#/.test(text)) return { present: false, reason: 'html', status };
  return { present: true, text, htmlContentType };
}
