// Token counting for "how much of a model's context does this take" facts (llms-full.txt size,
// fit-check budgets). Uses tiktoken's o200k_base (the GPT-4o family encoding), falling back to
// cl100k_base. The encoder is WebAssembly: it is created once, lazily, and never freed.
//
// Two bounds keep hostile input cheap:
// - Inputs over LARGE_INPUT_CHARS are encoded in chunks cut at whitespace, so the WASM heap and the
//   token array stay bounded; the count differs from a one-shot count by at most a token per cut.
// - BPE merging inside one pre-tokenizer piece is quadratic in the piece's length (measured: a
//   100,000-character run without whitespace takes ~16 s). Runs of LONG_RUN_CHARS or more
//   non-space (or space) characters are therefore encoded in RUN_SLICE_CHARS slices.
import { get_encoding, type Tiktoken, type TiktokenEncoding } from 'tiktoken';

/** The encodings tried, in order. */
const ENCODINGS: readonly TiktokenEncoding[] = ['o200k_base', 'cl100k_base'];

/** Above this many characters the text is encoded chunk by chunk (~2 MB of ASCII). */
export const LARGE_INPUT_CHARS = 2_000_000;
/** Target chunk size for large inputs. */
const CHUNK_CHARS = 1_000_000;
/** A run of this many characters without a class change is sliced (see the header). */
const LONG_RUN_CHARS = 256;
const RUN_SLICE_CHARS = 128;
const LONG_RUN = new RegExp(`\\S{${LONG_RUN_CHARS},}|\\s{${LONG_RUN_CHARS},}`, 'g');

/**
 * The encoding in use. Starts as the preferred one and changes (live ESM binding) if the encoder
 * has to fall back when it is first created.
 */
export let TOKEN_ENCODING: TiktokenEncoding = ENCODINGS[0];

let encoder: Tiktoken | undefined;

function getEncoder(): Tiktoken {
  if (encoder) return encoder;
  let lastError: unknown;
  for (const name of ENCODINGS) {
    try {
      encoder = get_encoding(name);
      TOKEN_ENCODING = name;
      return encoder;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

/** Moves an index off the middle of a UTF-16 surrogate pair. */
function safeCut(text: string, index: number): number {
  if (index > 0 && index < text.length) {
    const code = text.charCodeAt(index);
    if (code >= 0xdc00 && code <= 0xdfff) return index + 1;
  }
  return index;
}

/** Splits text into pieces none of which is expensive to encode, in order (exported for tests). */
export function* pieces(text: string): Generator<string> {
  let from = 0;
  LONG_RUN.lastIndex = 0;
  for (let match = LONG_RUN.exec(text); match; match = LONG_RUN.exec(text)) {
    yield* chunks(text, from, match.index);
    const end = match.index + match[0].length;
    for (let i = match.index; i < end;) {
      const next = safeCut(text, Math.min(end, i + RUN_SLICE_CHARS));
      yield text.slice(i, next);
      i = next;
    }
    from = end;
  }
  yield* chunks(text, from, text.length);
}

/** text[from, to) in chunks of at most ~CHUNK_CHARS, cut before a whitespace character. */
function* chunks(text: string, from: number, to: number): Generator<string> {
  while (to - from > CHUNK_CHARS) {
    let cut = from + CHUNK_CHARS;
    // Cut before a space so the piece " word" stays whole; a long run has been sliced already,
    // so a space is found within LONG_RUN_CHARS of the target.
    const floor = cut - LONG_RUN_CHARS * 2;
    while (cut > floor && !/\s/.test(text[cut])) cut--;
    if (cut <= floor) cut = safeCut(text, from + CHUNK_CHARS);
    yield text.slice(from, cut);
    from = cut;
  }
  if (to > from) yield text.slice(from, to);
}

function needsSplitting(text: string): boolean {
  if (text.length > LARGE_INPUT_CHARS) return true;
  LONG_RUN.lastIndex = 0;
  return LONG_RUN.test(text);
}

/** Number of tokens in `text` (special-token markers such as <|endoftext|> count as plain text). */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  const enc = getEncoder();
  if (!needsSplitting(text)) return enc.encode_ordinary(text).length;
  let total = 0;
  for (const piece of pieces(text)) total += enc.encode_ordinary(piece).length;
  return total;
}

/** The longest prefix of `text` that is at most `max` tokens (cut on a token boundary). */
export function truncateToTokens(text: string, max: number): string {
  if (max <= 0 || text.length === 0) return '';
  const enc = getEncoder();
  // A token rarely spans more than a few dozen characters; look at a generous prefix only, and
  // only when it holds enough tokens is the rest of the text ignored.
  const window = Math.min(text.length, max * 64 + 1024);
  const prefix = text.slice(0, safeCut(text, window));
  const tokens: number[] = [];
  for (const piece of needsSplitting(prefix) ? pieces(prefix) : [prefix]) {
    for (const token of enc.encode_ordinary(piece)) {
      if (tokens.length === max) break;
      tokens.push(token);
    }
    if (tokens.length === max) break;
  }
  if (tokens.length < max && prefix.length === text.length) return text;
  if (tokens.length < max) return prefix;
  const bytes = enc.decode(Uint32Array.from(tokens));
  // A cut inside a multi-byte character decodes to U+FFFD at the end: drop it.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/\uFFFD+$/, '');
}
