// BM25+ retrieval over page chunks (MiniSearch): each question's text and keywords are the query;
// the page title and the section heading are boosted because a portal's headings name its topics
// ("Rate limits", "Pricing"). The best chunks are taken until the per-question token budget is
// spent, so an answerer never sees more than `budgetTokens` of page text.
import MiniSearch from 'minisearch';
import { stem } from './text.js';
import type { Chunk, Question, RetrievedChunk } from './types.js';

export const RETRIEVAL_DEFAULTS = {
  /** Page text handed to an answerer per question, in tokens. */
  budgetTokens: 3_000,
  /** Chunks scoring below this share of the best chunk are left out. */
  minRelativeScore: 0.1,
  /** At most this many chunks per question, whatever the budget. */
  maxChunks: 16,
} as const;

/** Field boosts: a hit in a heading says more than a hit in body text. */
export const FIELD_BOOST = { title: 2, heading: 3, path: 1.5, text: 1 } as const;

/** English function words and question words that carry no topic. */
const STOP_WORDS = new Set(
  ('a an and are as at be by can do does for from has have how i if in into is it its of on or our so that the their them there these this ' +
    'to was we what when where which who why will with you your my me any all there some than then also about get'
  ).split(' '),
);

/** Index-time and query-time term processing: lower case, stop words out, light stemming. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (t.length === 0 || STOP_WORDS.has(t)) return null;
  if (t.length === 1 && !/\d/.test(t)) return null;
  return stem(t);
}

interface IndexedChunk {
  id: string;
  title: string;
  heading: string;
  path: string;
  text: string;
}

function pathWords(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname).replace(/[/_.-]+/g, ' ');
  } catch {
    return '';
  }
}

export interface RetrieveOptions {
  /** @default 3000 */
  budgetTokens?: number;
  /** @default 0.1 */
  minRelativeScore?: number;
  /** @default 16 */
  maxChunks?: number;
}

export interface ChunkIndex {
  readonly size: number;
  /** The best chunks for a question, best first, within the token budget. */
  retrieve(question: Pick<Question, 'text' | 'keywords'>, options?: RetrieveOptions): RetrievedChunk[];
}

/** The query for a question: its text plus its keywords (synonyms widen recall). */
export function queryFor(question: Pick<Question, 'text' | 'keywords'>): string {
  return [question.text, ...question.keywords].join(' ');
}

export function buildIndex(chunks: readonly Chunk[]): ChunkIndex {
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const search = new MiniSearch<IndexedChunk>({
    fields: ['title', 'heading', 'path', 'text'],
    storeFields: [],
    processTerm,
    searchOptions: {
      boost: { ...FIELD_BOOST },
      combineWith: 'OR',
      // Prefix matching bridges what the crude stemmer misses ("pricing" → "pric" finds "price").
      prefix: (term) => term.length >= 4,
      fuzzy: false,
    },
  });
  search.addAll(chunks.map((c) => ({ id: c.id, title: c.title, heading: c.heading, path: pathWords(c.url), text: c.text })));

  return {
    size: chunks.length,
    retrieve(question, options = {}) {
      const budget = options.budgetTokens ?? RETRIEVAL_DEFAULTS.budgetTokens;
      const minRelative = options.minRelativeScore ?? RETRIEVAL_DEFAULTS.minRelativeScore;
      const maxChunks = options.maxChunks ?? RETRIEVAL_DEFAULTS.maxChunks;
      const results = search.search(queryFor(question));
      const top = results[0]?.score ?? 0;
      const out: RetrievedChunk[] = [];
      let used = 0;
      for (const r of results) {
        if (out.length >= maxChunks || top <= 0) break;
        const relative = r.score / top;
        if (relative < minRelative) break;
        const chunk = byId.get(r.id as string);
        if (!chunk || used + chunk.tokens > budget) continue;
        used += chunk.tokens;
        out.push({ ...chunk, score: r.score, relative: Math.round(relative * 1000) / 1000 });
      }
      return out;
    },
  };
}
