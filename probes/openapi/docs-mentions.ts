// What the crawled docs say about two runtime signals, beside the spec: rate-limit headers together
// with the 429 status (RFC 6585 §4; `Retry-After`, RFC 9110 §10.2.3; `RateLimit` / `RateLimit-Policy`,
// draft-ietf-httpapi-ratelimit-headers; `X-RateLimit-*`), and the `Deprecation` (RFC 9745) and
// `Sunset` (RFC 8594) response headers. The English words "deprecation" and "sunset" are not the
// headers: only header context counts (`Sunset: <HTTP-date>`, `Deprecation: @<seconds>`, "Sunset
// header", the RFC numbers, `rel="sunset"`). Pure; linear-time patterns over a bounded text.
import type { DocsMention, RateLimitMention } from '../../src/contract/index.js';

/** Text read per page; docs pages are far shorter, and the patterns are linear anyway. */
export const MAX_TEXT_CHARS = 500_000;
/** Pages listed as evidence. */
export const MAX_MENTION_PAGES = 10;
/** A rate-limit header and a 429 / "Too Many Requests" this close (characters) belong together. */
export const PROXIMITY_CHARS = 1500;
/** Matches looked at per pattern and page. */
const MAX_MATCHES = 200;
const QUOTE_CHARS = 160;

export interface TextPage {
  url: string;
  text: string;
}

/** Header names that only occur as headers (case-insensitive where the spelling is unambiguous). */
const RATE_HEADERS: readonly RegExp[] = [
  /\bRetry-After\b/gi,
  /\bX-Rate-?Limit-[A-Za-z][\w-]*/gi,
  /\bRateLimit-(?:Limit|Remaining|Reset|Policy)\b/gi,
  // Bare `RateLimit` (the draft's field) is case-sensitive: "ratelimit" in prose is a word, and
  // `\b` after it keeps identifiers such as RateLimitError out.
  /\bRateLimit\b(?!-)/g,
];
const RATE_STATUS = /\b429\b|\btoo many requests\b/i;
/** A recommended back-off: "back off", "backoff", "exponential", "jitter", "wait … before retrying". */
const BACKOFF = /\bback[- ]?off\b|\bexponential(?:ly)?\b|\bjitter\b|\bwait\b[^.]{0,80}\bbefore (?:retrying|trying again|sending)\b/i;

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const HTTP_DATE = `${DAY}, \\d{1,2} [A-Z][a-z]{2} \\d{4}`;
const DEPRECATION_HEADERS: readonly RegExp[] = [
  // RFC 8594 §3: `Sunset: Sat, 31 Dec 2018 23:59:59 GMT`.
  new RegExp(`\\bSunset:\\s*${HTTP_DATE}`, 'g'),
  // RFC 9745 §2.1: `Deprecation: @1688169599` (sf-date); earlier drafts used an HTTP-date or `true`.
  new RegExp(`\\bDeprecation:\\s*(?:@-?\\d{1,15}\\b|true\\b|${HTTP_DATE})`, 'g'),
  // "the Sunset header", "`Deprecation` HTTP response header", "Sunset and Deprecation headers".
  /\b(?:Sunset|Deprecation)["'`”’]?\s+(?:(?:and|or|&)\s+["'`“‘]?(?:Sunset|Deprecation)["'`”’]?\s+)?(?:HTTP\s+)?(?:response\s+)?header/gi,
  /\bheaders?\s+(?:(?:called|named)\s+)?["'`“‘](?:Sunset|Deprecation)\b/gi,
  // One bounded separator (never two adjacent \s* runs: they backtrack quadratically on long blanks).
  /\bRFC[\s-]{0,3}(?:8594|9745)\b/gi,
  /\bdraft-(?:ietf-httpapi-deprecation-header|wilde-sunset-header|dalal-deprecation-header)\b/gi,
  /\brel\s*=\s*["']?(?:sunset|deprecation)\b/gi,
];

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function quoteAt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - QUOTE_CHARS / 2);
  const end = Math.min(text.length, index + length + QUOTE_CHARS / 2);
  return `${start > 0 ? '…' : ''}${squash(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}

function matches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null && out.length < MAX_MATCHES; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** The first rate-limit header mentioned within PROXIMITY_CHARS of a 429 / "Too Many Requests". */
export function rateLimitMention(text: string): string | null {
  const t = text.slice(0, MAX_TEXT_CHARS);
  let best: RegExpExecArray | null = null;
  for (const re of RATE_HEADERS) {
    for (const m of matches(re, t)) {
      if (best !== null && m.index >= best.index) break;
      const window = t.slice(Math.max(0, m.index - PROXIMITY_CHARS), m.index + m[0].length + PROXIMITY_CHARS);
      if (RATE_STATUS.test(window)) {
        best = m;
        break;
      }
    }
  }
  return best ? quoteAt(t, best.index, best[0].length) : null;
}

/** The first mention of the Deprecation or Sunset header (not the English word). */
export function deprecationHeaderMention(text: string): string | null {
  const t = text.slice(0, MAX_TEXT_CHARS);
  let best: RegExpExecArray | null = null;
  for (const re of DEPRECATION_HEADERS) {
    re.lastIndex = 0;
    const m = re.exec(t);
    if (m && (best === null || m.index < best.index)) best = m;
  }
  return best ? quoteAt(t, best.index, best[0].length) : null;
}

/** Whether the page recommends a back-off (anywhere in it: the advice often sits in its own section). */
export const recommendsBackoff = (text: string): boolean => BACKOFF.test(text.slice(0, MAX_TEXT_CHARS));

function scan(pages: readonly TextPage[], find: (text: string) => string | null): DocsMention[] {
  const out: DocsMention[] = [];
  const seen = new Set<string>();
  for (const page of pages) {
    if (out.length >= MAX_MENTION_PAGES) break;
    if (seen.has(page.url)) continue;
    seen.add(page.url);
    const quote = find(page.text);
    if (quote !== null) out.push({ url: page.url, quote });
  }
  return out;
}

/** Pages that name a rate-limit header near a 429 / "Too Many Requests", and whether they recommend a back-off. */
export function rateLimitMentions(pages: readonly TextPage[]): RateLimitMention[] {
  const texts = new Map<string, string>();
  for (const p of pages) if (!texts.has(p.url)) texts.set(p.url, p.text);
  return scan(pages, rateLimitMention).map((m) => ({ ...m, backoff: recommendsBackoff(texts.get(m.url) ?? '') }));
}

/** Pages that mention the Deprecation or Sunset HTTP header. */
export const deprecationHeaderMentions = (pages: readonly TextPage[]): DocsMention[] => scan(pages, deprecationHeaderMention);
