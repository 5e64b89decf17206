// Finds the sentence in a page's text that says content needs a sign-in ("Log in to see pricing",
// "Pricing is shared with registered partners after sign-in") or that a wall replaces it ("Request
// access", "Contact sales to see …"). Patterns are data (probes/gating/data/gating-phrases.json). Pure.

/** Text searched per page: wording of a wall sits near the top; huge pages are cut. */
export const PHRASE_SCAN_CHARS = 200_000;
/** How far a sentence may reach either side of the match. */
const SENTENCE_REACH = 240;

export interface PhraseMatch {
  /** The whole sentence around the match (trimmed, at most ~500 characters). */
  sentence: string;
  /** The matched wording itself. */
  phrase: string;
}

/**
 * Page text is the DOM's textContent, which glues adjacent blocks together ("Partner
 * programmeRegister to view …", "ProductionLog in to see pricing"), so no word boundary separates
 * them. A space between a lower-case letter and a capitalised word restores the boundary; acronyms
 * stay whole ("OpenAPI"), and a split camelCase name ("Java Script") does no harm to matching.
 */
export function separateBlocks(text: string): string {
  return text.replace(/(\p{Ll})(\p{Lu}\p{Ll})/gu, '$1 $2');
}

/** The sentence that holds text[start, end): from the previous sentence end to the next one. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  const lower = Math.max(0, start - SENTENCE_REACH);
  while (from > lower && !/[.!?]/.test(text[from - 1])) from--;
  let to = end;
  const upper = Math.min(text.length, end + SENTENCE_REACH);
  while (to < upper && !/[.!?]/.test(text[to])) to++;
  if (to < text.length) to++;
  return text.slice(from, to).trim();
}

/**
 * The first match of any pattern (global regexes) in `text`. A match whose named group `object`
 * starts with `excludeObject` ("sign in to view your orders") is about the visitor's own account,
 * not gated content, and is skipped.
 */
export function findPhrase(text: string, patterns: RegExp[], excludeObject?: RegExp): PhraseMatch | null {
  const scanned = separateBlocks(text.length > PHRASE_SCAN_CHARS ? text.slice(0, PHRASE_SCAN_CHARS) : text);
  let best: { index: number; match: RegExpExecArray } | null = null;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of scanned.matchAll(pattern)) {
      const object = match.groups?.object?.trim();
      if (object !== undefined && excludeObject?.test(object)) continue;
      if (!best || match.index < best.index) best = { index: match.index, match };
      break;
    }
  }
  if (!best) return null;
  const phrase = best.match[0].trim();
  return { sentence: sentenceAround(scanned, best.index, best.index + best.match[0].length), phrase };
}
