// Text helpers for the fit-check: sentence splitting (Intl.Segmenter, with the abbreviations ICU
// cuts at merged back), the normalisation quotes are compared under, and keyword matching.

/** Abbreviations after which ICU's sentence segmenter wrongly ends a sentence. */
const ABBREVIATIONS = /(?:^|\s|\()(?:e\.g|i\.e|etc|vs|cf|incl|approx|no|nos|nr|fig|ca|min|max|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|mr|mrs|ms|dr|st|inc|ltd|co|corp|n\.v|b\.v|u\.s|u\.k|[a-z])\.\s*$/i;
/** Sentences longer than this are cut (at a space) so that regex matching stays cheap. */
export const MAX_SENTENCE_CHARS = 1_200;

let segmenter: Intl.Segmenter | undefined;

/** Splits text into sentences (trimmed, non-empty), keeping the original characters of each. */
export function splitSentences(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  let pending = '';
  for (const { segment, index } of segmenter.segment(text)) {
    pending += segment;
    const next = pending.trimEnd();
    const atEnd = index + segment.length >= text.length;
    // Keep going when the cut is inside a token (ICU cuts "for .NET" after the dot: a real
    // boundary carries the following space) or after an abbreviation ("e.g.", "Feb.").
    if (!atEnd && next.length < MAX_SENTENCE_CHARS && (!/\s$/.test(segment) || ABBREVIATIONS.test(next))) continue;
    pushSentence(out, pending);
    pending = '';
  }
  if (pending) pushSentence(out, pending);
  return out;
}

function pushSentence(out: string[], raw: string): void {
  let s = raw.trim();
  while (s.length > MAX_SENTENCE_CHARS) {
    let cut = s.lastIndexOf(' ', MAX_SENTENCE_CHARS);
    if (cut < MAX_SENTENCE_CHARS / 2) cut = MAX_SENTENCE_CHARS;
    out.push(s.slice(0, cut).trim());
    s = s.slice(cut).trim();
  }
  if (s) out.push(s);
}

/** Collapses runs of whitespace to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The form quotes and page text are compared in: Unicode NFKC, lower case, typographic quotes to
 * ASCII (‘’‚‛′ → ', “”„‟″ → "), dashes to '-', '…' to '...', non-breaking and other spaces
 * collapsed to one space.
 */
export function normalizeForMatch(text: string): string {
  return collapseSpace(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
      .replace(/\u2026/g, '...')
      .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''),
  );
}

/** Lower-case word tokens (letters/digits), for keyword matching. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * A light English stemmer, the same at index and query time, so that "limits"/"limit",
 * "businesses"/"business", "pricing"/"price" and "certified"/"certify" meet. Not Porter: it only
 * folds plurals, -ing/-ed and a final e.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (/ies$/.test(w)) w = `${w.slice(0, -3)}y`;
  else if (/sses$/.test(w)) w = w.slice(0, -2);
  else if (/(?:ss|us|is)$/.test(w)) {
    // "business", "status", "analysis": not plurals.
  } else if (/(?:xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (/s$/.test(w)) w = w.slice(0, -1);
  if (/ing$/.test(w) && w.length >= 7) w = w.slice(0, -3);
  else if (/ed$/.test(w) && w.length >= 6) w = w.slice(0, -2);
  if (/ied$/.test(word) && !w.endsWith('y')) w = `${w.replace(/i$/, '')}y`;
  if (/e$/.test(w) && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** True when every word of `phrase` occurs (stemmed) in `haystackStems`, in any order. */
export function phraseIn(phrase: string, haystackStems: ReadonlySet<string>): boolean {
  const ws = words(phrase).map(stem);
  return ws.length > 0 && ws.every((w) => haystackStems.has(w));
}

export function stemSet(text: string): Set<string> {
  return new Set(words(text).map(stem));
}
