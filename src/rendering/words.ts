// Counting "meaningful words" the same way for raw and rendered text, so their ratio means
// something in any language: Intl.Segmenter (UAX #29 word boundaries, dictionary-based for
// Chinese, Japanese and Thai) and only word-like segments — no punctuation, symbols or spaces.

/** Text beyond this is not counted: no real page needs more to decide, hostile ones are cut. */
export const MAX_COUNTED_CHARS = 1_000_000;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function countWords(text: string): number {
  if (!text) return 0;
  const bounded = text.length > MAX_COUNTED_CHARS ? text.slice(0, MAX_COUNTED_CHARS) : text;
  let n = 0;
  for (const segment of segmenter.segment(bounded)) if (segment.isWordLike) n++;
  return n;
}
