// Token counting with tiktoken: known counts, chunked counting of large inputs, and inputs that would
// be quadratic for BPE (long runs without whitespace) staying fast.
import { describe, expect, it } from 'vitest';
import { countTokens, LARGE_INPUT_CHARS, pieces, TOKEN_ENCODING, truncateToTokens } from '../../src/util/tokens.js';

describe('countTokens', () => {
  it.each([
    ['', 0],
    ['hello world', 2],
    ['Hello, world!', 4],
    // Special-token markers are ordinary text here (they must not throw or count as one token).
    ['<|endoftext|>', 7],
  ])('%j → %d tokens', (text, n) => {
    expect(countTokens(text)).toBe(n);
  });

  it('uses o200k_base', () => {
    countTokens('x');
    expect(TOKEN_ENCODING).toBe('o200k_base');
  });

  it('counts a 5 MB text in chunks, close to the sum of its parts', { timeout: 60_000 }, () => {
    const paragraph = 'The quick brown fox jumps over the lazy dog. Ünïcödé and emoji 🦊 too.\n';
    const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    expect(text.length).toBeGreaterThan(LARGE_INPUT_CHARS);
    const started = performance.now();
    const n = countTokens(text);
    expect(performance.now() - started).toBeLessThan(45_000); // quadratic BPE would take hours
    const perParagraph = countTokens(paragraph);
    const repeats = text.length / paragraph.length;
    // Chunk cuts fall on whitespace, so the total is within a few tokens of the exact sum.
    expect(Math.abs(n - perParagraph * repeats)).toBeLessThan(20);
  });

  it('stays fast on a 5 MB run without whitespace (quadratic for plain BPE)', { timeout: 60_000 }, () => {
    const started = performance.now();
    const n = countTokens('a'.repeat(5 * 1024 * 1024));
    expect(performance.now() - started).toBeLessThan(45_000); // quadratic BPE would take hours
    expect(n).toBeGreaterThan(5 * 1024 * 1024 / 16);
    expect(n).toBeLessThan(5 * 1024 * 1024);
  });

  it('stays fast on a long run of spaces', { timeout: 60_000 }, () => {
    const started = performance.now();
    expect(countTokens(' '.repeat(1_000_000))).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(45_000);
  });

  it('slices long runs without splitting surrogate pairs and loses no text', () => {
    const text = `x${'🦊'.repeat(10_000)} tail`; // odd offset: a cut every 128 units would split pairs
    const parts = [...pieces(text)];
    expect(parts.length).toBeGreaterThan(100);
    expect(parts.join('')).toBe(text);
    for (const part of parts) {
      expect(part).not.toMatch(/^[\uDC00-\uDFFF]/);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });
});

describe('truncateToTokens', () => {
  it.each([
    ['hello world', 1, 'hello'],
    ['hello world', 2, 'hello world'],
    ['hello world', 100, 'hello world'],
    ['hello world', 0, ''],
    ['', 5, ''],
  ])('(%j, %d) → %j', (text, max, expected) => {
    expect(truncateToTokens(text, max)).toBe(expected);
  });

  it('returns a prefix of at most max tokens of a long text', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(10_000);
    const out = truncateToTokens(text, 1000);
    expect(text.startsWith(out)).toBe(true);
    expect(countTokens(out)).toBeLessThanOrEqual(1000);
    expect(countTokens(out)).toBeGreaterThan(990);
  });

  it('never ends in half a character', () => {
    const out = truncateToTokens('日本語のテキスト'.repeat(50), 7);
    expect(out).not.toMatch(/\uFFFD/);
    expect('日本語のテキスト'.repeat(50).startsWith(out)).toBe(true);
  });
});
