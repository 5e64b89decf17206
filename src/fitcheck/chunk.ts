// Cuts the readable text of crawled pages into chunks of at most N tokens for retrieval. The text
// is the crawl's readability output split by headings (Page.sections): hidden elements, <template>,
// scripts, styles and comments were removed by the crawl's parser (src/crawl/parse-page.ts) before
// readability ran, so nothing hidden can reach a chunk. Long sections are split at sentence
// boundaries; a single sentence longer than N tokens is cut on a token boundary. Sentences that
// look like prompt injection are taken out here (injection.ts) and reported.
import type { Page } from '../contract/index.js';
import { countTokens, truncateToTokens } from '../util/tokens.js';
import { stripInjections } from './injection.js';
import { splitSentences } from './text.js';
import type { Chunk, SuspectedInjection } from './types.js';

export const CHUNK_DEFAULTS = {
  /** Largest chunk, in tokens (o200k_base), heading included. */
  maxTokens: 350,
  /** Pages chunked at most (a bound for very large crawls). */
  maxPages: 2_000,
} as const;

export interface ChunkOptions {
  /** @default 350 */
  maxTokens?: number;
  /** @default 2000 */
  maxPages?: number;
  /** URLs (url or finalUrl) whose text must not be used, e.g. login walls. */
  exclude?: ReadonlySet<string>;
}

export interface ChunkedPages {
  chunks: Chunk[];
  /** The page each chunk URL came from (after de-duplication by final URL). */
  pages: Map<string, Page>;
  injections: SuspectedInjection[];
}

/** A crawled page whose text can answer questions: a 2xx HTML page with readable text. */
export function isAnswerablePage(page: Page): boolean {
  if (page.status < 200 || page.status >= 300 || page.error) return false;
  const type = page.contentType ?? '';
  if (type && !/html/i.test(type)) return false;
  return page.sections.length > 0 || page.visibleText.length > 0;
}

/**
 * Readability sometimes picks the wrong block on a very short page (the footer instead of the one
 * paragraph of content). The sections are not trusted when they hold under a quarter of the
 * visible text, or when more than MAX_SKIPPED_CHARS of visible text sit between the page's h1 and
 * the start of the sections (content readability skipped); the visible text (navigation and
 * footer included) is then used as one section.
 */
const MAX_SKIPPED_CHARS = 40;

export function readableSections(page: Page): Array<{ heading: string; text: string }> {
  const visible = page.visibleText;
  if (!visible) return page.sections;
  const h1 = (page.headings ?? []).find((h) => h.level === 1)?.text ?? '';
  const fallback = () => [{ heading: h1 || (page.headings?.[0]?.text ?? ''), text: visible }];
  if (page.sections.length === 0) return fallback();
  const mainLength = page.sections.reduce((n, s) => n + s.text.length, 0);
  if (mainLength < visible.length * 0.25) return fallback();
  if (h1) {
    const first = page.sections[0].text.slice(0, 40);
    const at = visible.indexOf(first);
    const h1At = at >= 0 ? visible.lastIndexOf(h1, at) : -1;
    if (h1At >= 0 && at - (h1At + h1.length) > MAX_SKIPPED_CHARS) return fallback();
  }
  return page.sections;
}

/** Splits one section's text into pieces of at most `budget` tokens, at sentence boundaries. */
export function splitText(text: string, budget: number): string[] {
  return splitCounted(text, budget).map((p) => p.text);
}

/** Characters per token above which a text is taken to exceed its budget without counting it first. */
const SURELY_SPLIT_CHARS_PER_TOKEN = 8;

/**
 * splitText with each piece's exact token count. Tokenising is the costly part of chunking, so a
 * section that fits is counted once, and a long one once as a whole, once by sentence and once
 * by piece (that last count is both the guarantee and the chunk's size); a text far longer
 * than the budget skips the whole count.
 */
function splitCounted(text: string, budget: number): { text: string; tokens: number }[] {
  if (budget <= 0 || !text) return [];
  // English prose runs ~4–5 characters a token, so a text many times longer than the budget will
  // be split anyway: skip counting it whole (the pieces are still counted exactly below).
  if (text.length <= budget * SURELY_SPLIT_CHARS_PER_TOKEN) {
    const whole = countTokens(text);
    if (whole <= budget) return [{ text, tokens: whole }];
  }
  const pieces: string[] = [];
  let current = '';
  let currentTokens = 0;
  const flush = () => {
    if (current) pieces.push(current);
    current = '';
    currentTokens = 0;
  };
  for (const sentence of splitSentences(text)) {
    const tokens = countTokens(sentence);
    if (tokens > budget) {
      flush();
      pieces.push(...hardSplit(sentence, budget));
      continue;
    }
    // +1 for the joining space (a token at most).
    if (currentTokens + tokens + 1 > budget) flush();
    current = current ? `${current} ${sentence}` : sentence;
    currentTokens += tokens + (currentTokens > 0 ? 1 : 0);
  }
  flush();
  // Joined sentences were counted with one token per join; BPE can only merge across a join, but
  // check anyway so the bound is a guarantee, not an estimate.
  return pieces
    .flatMap((p) => {
      const tokens = countTokens(p);
      return tokens <= budget ? [{ text: p, tokens }] : hardSplit(p, budget).map((h) => ({ text: h, tokens: countTokens(h) }));
    })
    .filter((p) => p.text.length > 0);
}

function hardSplit(text: string, budget: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest) {
    const head = truncateToTokens(rest, budget);
    // A cut must make progress even on pathological input.
    const taken = head.length > 0 ? head : rest.slice(0, 1);
    out.push(taken.trim());
    rest = rest.slice(taken.length).trimStart();
  }
  return out;
}

/** Chunks every answerable page of a snapshot. */
export function chunkPages(pages: readonly Page[], options: ChunkOptions = {}): ChunkedPages {
  const maxTokens = options.maxTokens ?? CHUNK_DEFAULTS.maxTokens;
  const maxPages = options.maxPages ?? CHUNK_DEFAULTS.maxPages;
  const exclude = options.exclude ?? new Set<string>();
  const chunks: Chunk[] = [];
  const byUrl = new Map<string, Page>();
  const injections: SuspectedInjection[] = [];
  let pageIndex = 0;
  for (const page of pages) {
    if (byUrl.size >= maxPages) break;
    if (!isAnswerablePage(page)) continue;
    if (exclude.has(page.url) || exclude.has(page.finalUrl)) continue;
    const url = page.finalUrl || page.url;
    if (byUrl.has(url)) continue;
    byUrl.set(url, page);
    const title = page.title ?? '';
    const sections = readableSections(page);
    sections.forEach((section, sectionIndex) => {
      const cleaned = stripInjections(section.text, url);
      injections.push(...cleaned.removed);
      // A runaway heading may take a quarter of the chunk at most.
      const heading = truncateToTokens(section.heading, Math.max(1, Math.floor(maxTokens / 4)));
      const headingTokens = heading ? countTokens(heading) + 1 : 0;
      const budget = Math.max(1, maxTokens - headingTokens);
      splitCounted(cleaned.text, budget).forEach(({ text, tokens }, part) => {
        chunks.push({ id: `${pageIndex}:${sectionIndex}:${part}`, url, title, heading, text, tokens: tokens + headingTokens });
      });
    });
    pageIndex++;
  }
  return { chunks, pages: byUrl, injections };
}
