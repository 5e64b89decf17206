// Token arithmetic: medians, overhead ratio, oversize lists with the named limits.
import { describe, expect, it } from 'vitest';
import { median, oversizedPages, PAGE_TOKEN_LIMIT, ratio, readableTokens, summarizeTokens } from '../../../probes/markdown/token-stats.js';
import type { PageTokens } from '../../../src/contract/index.js';

function p(url: string, htmlTokens: number, mainTokens: number, markdownTokens: number | null = null, estimatedMarkdownTokens: number | null = null): PageTokens {
  return {
    url, htmlTokens, mainTokens, markdownTokens, estimatedMarkdownTokens,
    markdownSource: markdownTokens === null ? null : 'sibling', htmlOverheadRatio: ratio(htmlTokens, mainTokens), htmlTruncated: false,
  };
}

describe('median / ratio', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[1, 2, 3, 10], 3],
  ])('median(%j) = %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
  it.each([
    [100, 10, 10],
    [1000, 300, 3.3],
    [5, 0, null],
  ])('ratio(%d, %d) = %s', (a, b, expected) => {
    expect(ratio(a, b)).toBe(expected);
  });
});

describe('summarizeTokens', () => {
  it('uses totals of pages with main text for the overhead ratio', () => {
    const s = summarizeTokens([p('a', 1000, 100), p('b', 3000, 200), p('c', 500, 0)]);
    expect(s.medianHtmlTokens).toBe(1000);
    expect(s.medianMainTokens).toBe(100);
    expect(s.htmlOverheadRatio).toBe(13.3); // 4000 / 300
  });
  it('gives nulls for no pages', () => {
    expect(summarizeTokens([])).toMatchObject({ medianHtmlTokens: null, medianMainTokens: null, htmlOverheadRatio: null });
  });
});

describe('oversizedPages', () => {
  it(`flags HTML and readable text above ${PAGE_TOKEN_LIMIT} separately`, () => {
    const pages = [
      p('small', 10_000, 2_000),
      p('heavy-html', PAGE_TOKEN_LIMIT + 1, 4_000),
      p('at-limit', PAGE_TOKEN_LIMIT, PAGE_TOKEN_LIMIT),
      p('huge', 200_000, 60_000),
      // The twin is what an agent reads when there is one: small twin, large main text → not oversized text.
      p('twin', 90_000, 40_000, 20_000),
      p('estimate', 90_000, 40_000, null, 33_000),
    ];
    const o = oversizedPages(pages);
    expect(o.html).toEqual(['heavy-html', 'huge', 'twin', 'estimate']);
    expect(o.text).toEqual(['huge', 'estimate']);
    expect(readableTokens(pages[4])).toBe(20_000);
  });
});
