// Counting "meaningful words" the same way for raw and rendered text, so their ratio means
// something in any language. Scripts written without spaces (Chinese, Japanese, Thai, Khmer, …)
// need Intl.Segmenter (UAX #29, dictionary-based); it is also ~100× slower than a regex, which made
// the rendering probe the slowest part of a large audit, so other text takes a UAX #29-like regex:
// letters/digits joined by the mid-word punctuation UAX #29 keeps inside a word (' ’ . : and , ;
// between digits).

/** Text beyond this is not counted: no real page needs more to decide, hostile ones are cut. */
export const MAX_COUNTED_CHARS = 1_000_000;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const NEEDS_SEGMENTER = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
const WORD = /[\p{L}\p{N}\p{M}_]+(?:(?:['’.:]|(?<=\p{N})[,;](?=\p{N}))[\p{L}\p{N}\p{M}_]+)*/gu;

export function countWords(text: string): number {
  if (!text) return 0;
  const bounded = text.length > MAX_COUNTED_CHARS ? text.slice(0, MAX_COUNTED_CHARS) : text;
  if (!NEEDS_SEGMENTER.test(bounded)) return bounded.match(WORD)?.length ?? 0;
  let n = 0;
  for (const segment of segmenter.segment(bounded)) if (segment.isWordLike) n++;
  return n;
}
