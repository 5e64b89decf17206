// Verification: an answer counts only when a quote proves it. Every citation's quote must appear in
// the cited page's visible text (Page.visibleText: what a visitor sees, hidden content removed),
// compared after normalising Unicode (NFKC), case, whitespace, typographic quotes, dashes and
// ellipses (text.ts normalizeForMatch). An ellipsis inside a quote ("… the API … 50 requests")
// marks elided text: the parts must appear in order. A quote that overlaps a sentence flagged as
// prompt injection (injection.ts) is never verified. An answer with no verified citation is not
// answerable — whatever the answerer said.
import type { Page } from '../contract/index.js';
import { normalizeForMatch } from './text.js';
import type { AnswerDraft, CheckedCitation, Citation, SuspectedInjection } from './types.js';

/** Quotes shorter than this (normalised) prove nothing ("yes", "API"). */
export const MIN_QUOTE_CHARS = 12;
/** Each part of an elided quote must be at least this long. */
const MIN_PART_CHARS = 4;

interface PageText {
  text: string;
  /** Same text without any whitespace: table cells and line breaks joined differently still match. */
  compact: string;
  /** [start, end) of flagged sentences in `text`. */
  injections: Array<[number, number]>;
}

export interface Verifier {
  check(citation: Citation): CheckedCitation;
  /** Applies the rules to a whole draft: checked citations, and answerable only with a verified one. */
  apply(draft: AnswerDraft): { answerable: boolean; citations: CheckedCitation[] };
}

/** Canonical form of a URL for look-ups: no fragment; the same string for "x" and "x#y". */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url.trim();
  }
}

/** Splits a normalised quote at ellipses ("...", "[...]") into the parts that must appear in order. */
export function quoteParts(normalizedQuote: string): string[] {
  const parts = normalizedQuote
    .split(/\s*(?:\[\.\.\.\]|\(\.\.\.\)|\.\.\.)\s*/)
    .map((p) => p.replace(/^["'\s]+|["'\s]+$/g, ''))
    .filter((p) => p.length > 0);
  // A closing full stop the page may not have ("… is free" inside a longer sentence).
  if (parts.length > 0) parts[parts.length - 1] = parts[parts.length - 1].replace(/\.$/, '');
  return parts.filter((p) => p.length > 0);
}

function findParts(haystack: string, parts: string[]): [number, number] | null {
  let from = 0;
  let start = -1;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at < 0) return null;
    if (start < 0) start = at;
    from = at + part.length;
  }
  return start < 0 ? null : [start, from];
}

/** Builds a verifier over the snapshot's pages and the injection sentences found in them. */
export function createVerifier(pages: readonly Page[], injections: readonly SuspectedInjection[] = []): Verifier {
  const texts = new Map<string, PageText>();
  const byKey = new Map<string, Page>();
  for (const page of pages) {
    for (const u of [page.url, page.finalUrl]) if (u && !byKey.has(urlKey(u))) byKey.set(urlKey(u), page);
  }
  const injectionsByPage = new Map<Page, string[]>();
  for (const inj of injections) {
    const page = byKey.get(urlKey(inj.url));
    if (page) injectionsByPage.set(page, [...(injectionsByPage.get(page) ?? []), normalizeForMatch(inj.sentence)]);
  }
  const textOf = (page: Page): PageText => {
    let t = texts.get(page.url);
    if (!t) {
      const text = normalizeForMatch(page.visibleText);
      const spans: Array<[number, number]> = [];
      for (const sentence of injectionsByPage.get(page) ?? []) {
        for (let at = text.indexOf(sentence); at >= 0; at = text.indexOf(sentence, at + 1)) spans.push([at, at + sentence.length]);
      }
      t = { text, compact: text.replace(/\s+/g, ''), injections: spans };
      texts.set(page.url, t);
    }
    return t;
  };

  const check = (citation: Citation): CheckedCitation => {
    const base = { url: citation.url, quote: citation.quote };
    const whole = normalizeForMatch(citation.quote ?? '').replace(/^["'\s]+|["'\s]+$/g, '');
    // Tiny fragments between ellipses ("(v2, v3 …)" leaves ")") carry nothing; they are dropped.
    const parts = quoteParts(whole).filter((p) => p.length >= MIN_PART_CHARS);
    if (parts.join(' ').length < MIN_QUOTE_CHARS) return { ...base, verified: false, reason: 'quote-too-short' };
    const page = byKey.get(urlKey(citation.url));
    if (!page) return { ...base, verified: false, reason: 'url-not-in-snapshot' };
    const t = textOf(page);
    // The quote as written first (the page itself may contain "…"), then its parts in order.
    const at = t.text.indexOf(whole.replace(/\.$/, ''));
    const span: [number, number] | null = at >= 0 ? [at, at + whole.length] : findParts(t.text, parts);
    if (!span) {
      const compactParts = parts.map((p) => p.replace(/\s+/g, ''));
      if (!findParts(t.compact, compactParts)) return { ...base, verified: false, reason: 'quote-not-on-page' };
      // Found only without whitespace: injection spans cannot be mapped; compare by content instead.
      const q = compactParts.join('');
      const injected = (injectionsByPage.get(page) ?? []).some((s) => {
        const c = s.replace(/\s+/g, '');
        return c.includes(q) || q.includes(c);
      });
      return injected ? { ...base, verified: false, reason: 'prompt-injection' } : { ...base, verified: true };
    }
    if (t.injections.some(([s, e]) => span[0] < e && s < span[1])) return { ...base, verified: false, reason: 'prompt-injection' };
    return { ...base, verified: true };
  };

  return {
    check,
    apply(draft) {
      const citations = (draft.citations ?? []).map(check);
      return { answerable: draft.answerable && !draft.error && citations.some((c) => c.verified), citations };
    },
  };
}
