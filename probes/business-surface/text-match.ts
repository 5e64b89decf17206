// Phrase and pattern matching for the business-surface probe: a keyword-list phrase becomes a
// whole-word, case-insensitive Unicode regular expression ("rate limits" also matches "Rate-Limits"
// and a line break between the words); link texts are compared in a normalised form for exact
// matches; quotes are cut around a match. Pure.

export interface Matcher {
  /** The phrase or pattern as written in the data file (for evidence notes). */
  label: string;
  /** Global regular expression (always used from lastIndex 0). */
  re: RegExp;
  /** Multiplier of the signal's base weight, 0 < weight <= 1. */
  weight: number;
  /** normalizeLabel(phrase) for exact link-text matches; absent for patterns. */
  exact?: string;
  /** A phrase: a match must not touch a letter or digit on either side. */
  bounded?: boolean;
  /** Lower-case text every match contains (a phrase's first word): a cheap test before the regex. */
  probe?: string;
}

/**
 * Letters/digits next to a match mean it is part of a longer word. Checked in code rather than
 * with look-arounds in every phrase: a Unicode property class in a case-insensitive regular
 * expression costs V8 milliseconds to compile, and there are a thousand phrases.
 */
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const MAX_QUOTE = 160;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Lower case, apostrophes unified, every run of other non-letters/digits one space. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The regular-expression source of a phrase: flexible spaces and apostrophes (word edges: see WORD_CHAR). */
export function phraseSource(phrase: string): string {
  const words = phrase
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/['’]/g, "['’]?"));
  return words.join('[\\s\\u00a0-]+');
}

export function phraseMatcher(phrase: string, weight = 1): Matcher {
  const probe = phrase.trim().split(/\s+/)[0].split(/['’]/)[0].toLowerCase();
  return { label: phrase, re: new RegExp(phraseSource(phrase), 'gi'), weight, exact: normalizeLabel(phrase), bounded: true, probe: probe || undefined };
}

/** False when `lowerText` (the text lower-cased) cannot hold a match: skips most regex scans. */
export function mayMatch(lowerText: string, matcher: Matcher): boolean {
  return matcher.probe === undefined || lowerText.includes(matcher.probe);
}

export function patternMatcher(pattern: string, flags = 'i', weight = 1): Matcher {
  const f = flags.includes('g') ? flags : `${flags}g`;
  return { label: pattern, re: new RegExp(pattern, f), weight };
}

/** True when the characters around text[index, index+length) are not letters or digits. */
export function atWordEdges(text: string, index: number, length: number): boolean {
  let before = index > 0 ? text[index - 1] : '';
  if (index > 1 && /[\udc00-\udfff]/.test(before)) before = text.slice(index - 2, index);
  const end = index + length;
  const after = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : '';
  return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after));
}

/** Every match of a global expression (at most `max`), from the start of text. */
export function* execAll(re: RegExp, text: string, max = 1000): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let n = 0; n < max; n++) {
    const m = re.exec(text);
    if (!m) break;
    if (m[0].length === 0) re.lastIndex++;
    yield m;
  }
  re.lastIndex = 0;
}

export interface TextHit {
  index: number;
  match: string;
}

/**
 * The first match of `matcher` in `text` that `reject` does not refuse (e.g. one inside a code
 * sample), trying at most `tries` matches. Null when none.
 */
export function firstHit(text: string, matcher: Matcher, reject?: (index: number, length: number) => boolean, tries = 20): TextHit | null {
  let rejected = 0;
  for (const m of execAll(matcher.re, text)) {
    if (m[0].length === 0) continue;
    // "plans" inside "explanations" is no match (these do not count as tries).
    if (matcher.bounded && !atWordEdges(text, m.index, m[0].length)) continue;
    if (!reject || !reject(m.index, m[0].length)) return { index: m.index, match: m[0] };
    if (++rejected >= tries) break;
  }
  return null;
}

/** True when the matcher matches anywhere in text. */
export function matches(text: string, matcher: Matcher): boolean {
  return firstHit(text, matcher) !== null;
}

/** `re.test` that ignores and resets a global expression's lastIndex. */
export function testRe(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

/** Up to MAX_QUOTE characters of text around a match, cut at word boundaries. */
export function quoteAround(text: string, index: number, length: number, max = MAX_QUOTE): string {
  const room = Math.max(0, max - length);
  let start = Math.max(0, index - Math.floor(room / 2));
  let end = Math.min(text.length, index + length + Math.ceil(room / 2));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < index) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > index + length) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** The sentence (bounded) around a match, for context-word checks. */
export function sentenceAround(text: string, index: number, length: number, reach = 200): string {
  const from = Math.max(0, index - reach);
  const to = Math.min(text.length, index + length + reach);
  const before = text.slice(from, index);
  const after = text.slice(index + length, to);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '));
  const startAt = stop === -1 ? 0 : stop + 2;
  const endRel = after.search(/[.!?](?:\s|$)/);
  return before.slice(startAt) + text.slice(index, index + length) + (endRel === -1 ? after : after.slice(0, endRel + 1));
}

export function wordCount(text: string): number {
  const words = normalizeLabel(text);
  return words ? words.split(' ').length : 0;
}
