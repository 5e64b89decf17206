// Reading the small JSON documents of well-known locations (api-catalog, apis.json, MCP cards,
// ai-plugin.json, A2A agent cards): size-capped, BOM tolerated, never throws. Pure.
import { isRecord } from '../util/is-record.js';

/** Well-known JSON files are small; anything larger is not read (hostile or misconfigured). */
export const MAX_JSON_CHARS = 1024 * 1024;

export type JsonObjectParse = { ok: true; data: Record<string, unknown> } | { ok: false; reason: string };

/** Parses text that must be one JSON object. */
export function parseJsonObject(text: string): JsonObjectParse {
  if (text.length > MAX_JSON_CHARS) return { ok: false, reason: `larger than ${MAX_JSON_CHARS} characters` };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    // RangeError for absurd nesting lands here too.
    return { ok: false, reason: `not JSON: ${err instanceof Error ? err.message.split('\n', 1)[0] : String(err)}` };
  }
  if (!isRecord(data)) return { ok: false, reason: 'not a JSON object' };
  return { ok: true, data };
}

export function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** An absolute http(s) URL for `href` resolved against `base`, or null. */
export function absoluteHttpUrl(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** True for an absolute URI (any scheme): RFC 3986 §4.3. */
export function isAbsoluteUri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value);
}
