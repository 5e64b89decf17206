// Rate limits as one OpenAPI / Swagger document states them for machines: which operations
// document a 429 response (RFC 6585 §4), whether a 429 or 503 response declares `Retry-After`
// (RFC 9110 §10.2.3), and which responses declare rate-limit headers — `RateLimit` and
// `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers-08 and later), the older draft's
// `RateLimit-Limit` / `-Remaining` / `-Reset`, and the common `X-RateLimit-*` / `X-Rate-Limit-*`. Pure.
import type { ResponseWalk } from './responses.js';
import type { DocumentRateLimits, RateLimitHeaderStyle } from '../../src/contract/index.js';

/** Pointers kept per kind of evidence. */
export const MAX_POINTERS = 5;

/** Response keys that cover a 429 without naming it: the `4XX` range (OAS 3 §4.8.16.2) and `default`. */
const RANGE_4XX = /^4xx$/i;
const DEFAULT = /^default$/i;
/** Statuses whose `Retry-After` tells a client when to come back (RFC 9110 §10.2.3). */
const RETRY_STATUSES = new Set(['429', '503']);

export function rateLimitHeaderStyle(lowerName: string): RateLimitHeaderStyle | null {
  if (lowerName === 'ratelimit' || lowerName === 'ratelimit-policy') return 'ietf';
  if (/^ratelimit-(limit|remaining|reset)$/.test(lowerName)) return 'ietf-early-draft';
  // GitHub, GitLab, Kong (`X-RateLimit-Limit-Minute`), Twitter/X (`x-rate-limit-limit`) …
  if (/^x-rate-?limit(-[a-z0-9-]+)?$/.test(lowerName)) return 'x-ratelimit';
  return null;
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

function push(list: string[], value: string, max = MAX_POINTERS): void {
  if (list.length < max && !list.includes(value)) list.push(value);
}

export function assessRateLimits(walk: ResponseWalk): DocumentRateLimits {
  let with429 = 0;
  let with4xx = 0;
  let defaultOnly = 0;
  let retryAfter = false;
  const retryAfterOn: string[] = [];
  const names = new Map<string, string>();
  const styles = new Set<RateLimitHeaderStyle>();
  const pointers = { response429: [] as string[], retryAfter: [] as string[], rateLimitHeaders: [] as string[] };

  for (const o of walk.operations) {
    const codes = o.responses.map((r) => r.code);
    if (codes.includes('429')) with429++;
    else if (codes.some((c) => RANGE_4XX.test(c))) with4xx++;
    else if (codes.some((c) => DEFAULT.test(c))) defaultOnly++;
    for (const r of o.responses) {
      if (r.code === '429') push(pointers.response429, r.pointer);
      for (const h of r.headers) {
        if (h.lower === 'retry-after') {
          push(retryAfterOn, r.code, 20);
          if (RETRY_STATUSES.has(r.code)) {
            retryAfter = true;
            push(pointers.retryAfter, h.pointer);
          }
          continue;
        }
        const style = rateLimitHeaderStyle(h.lower);
        if (style) {
          styles.add(style);
          if (!names.has(h.lower)) names.set(h.lower, h.name);
          push(pointers.rateLimitHeaders, h.pointer);
        }
      }
    }
  }
  const n = walk.operations.length;
  return {
    operationCount: n,
    operationsWith429: with429,
    share429: n === 0 ? null : round3(with429 / n),
    operationsWith4xxRange: with4xx,
    operationsWithDefaultOnly: defaultOnly,
    retryAfter,
    retryAfterOn,
    rateLimitHeaders: [...names.values()],
    rateLimitHeaderStyles: [...styles],
    pointers,
  };
}
