// Token arithmetic for the markdown probe: what a page costs an agent as HTML versus as text or
// Markdown, and which pages or files are too large for a typical context. Pure (counting itself is
// src/util/tokens.ts, tiktoken o200k_base).
import type { PageTokens, TokenSummary } from '../../src/contract/index.js';

/**
 * A page above this many tokens does not fit comfortably in one agent step: 32k is the whole window
 * of many smaller models and the order of the per-fetch budget agent tools cut web pages to.
 */
export const PAGE_TOKEN_LIMIT = 32_000;
/**
 * llms-full.txt above this many tokens does not fit the 128k windows of many current models (GPT-4o,
 * Llama 3.1, Mistral Large), so agents cannot load it whole.
 */
export const FULL_TOKEN_LIMIT = 128_000;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** a / b rounded to one decimal, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? Math.round((a / b) * 10) / 10 : null;
}

export function summarizeTokens(pages: PageTokens[]): TokenSummary {
  const withText = pages.filter((p) => p.mainTokens > 0);
  return {
    pages,
    medianHtmlTokens: median(pages.map((p) => p.htmlTokens)),
    medianMainTokens: median(pages.map((p) => p.mainTokens)),
    htmlOverheadRatio: ratio(
      withText.reduce((n, p) => n + p.htmlTokens, 0),
      withText.reduce((n, p) => n + p.mainTokens, 0),
    ),
  };
}

/** The text an agent would read instead of the HTML: the twin, else the estimate, else main text. */
export function readableTokens(p: PageTokens): number {
  return p.markdownTokens ?? p.estimatedMarkdownTokens ?? p.mainTokens;
}

export interface Oversized {
  /** Pages whose HTML is above PAGE_TOKEN_LIMIT. */
  html: string[];
  /** Pages whose Markdown (or main text) is above PAGE_TOKEN_LIMIT: even the clean version does not fit. */
  text: string[];
}

export function oversizedPages(pages: PageTokens[], limit = PAGE_TOKEN_LIMIT): Oversized {
  return {
    html: pages.filter((p) => p.htmlTokens > limit).map((p) => p.url),
    text: pages.filter((p) => readableTokens(p) > limit).map((p) => p.url),
  };
}
