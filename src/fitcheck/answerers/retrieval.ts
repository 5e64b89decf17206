// The retrieval-only answerer (no LLM): picks the best supporting sentence(s) from the retrieved
// chunks. Candidates are each chunk's sentences, plus heading + first sentence for the first chunk
// of a section (a changelog entry's date is often its heading). A candidate must match one of the
// question's answer patterns (or, for a question without patterns, contain one of its keywords),
// match none of its exclusions, and — when the question names a context — sit on a page or under
// a heading that matches it. Candidates are scored:
//
//   score = 0.5 · pattern + 0.3 · keywords + 0.2 · rank − 0.1 · code
//
// - pattern: 1 for the first pattern, 0.05 less for each later one (patterns are listed most
//   telling first; at least 0.75); 0.5 for a keyword-only match.
// - keywords: question keywords found in the sentence, the sentence before it ("Found a
//   vulnerability? Report it to security@…"), its heading, page title or URL path; two hits = 1.
// - rank: the chunk's BM25 score relative to the best chunk.
// - code: 1 when the sentence reads as code (symbol density over 4 %): a snippet proves little.
//
// The answer is the best sentence, plus one from another chunk when it also clears the threshold;
// confidence is the score. The threshold is calibrated (src/fitcheck/README.md, "Calibration").
import { stemSet, phraseIn, splitSentences } from '../text.js';
import type { Answerer, AnswerDraft, AnswerInput, AnswererStats, Question, RetrievedChunk } from '../types.js';

/**
 * Calibrated on test/fixtures/fitcheck/labels.json (README, "Calibration"): the highest threshold
 * with no false positive on the development portals; a wrong "answerable" would credit a practice.
 */
export const DEFAULT_THRESHOLD = 0.7;
/** Quotes are windows of the sentence around the match, at most this long. */
export const MAX_QUOTE_CHARS = 320;
const WEIGHTS = { pattern: 0.5, keywords: 0.3, rank: 0.2 } as const;
/** Code is a poor answer to a buyer's question: sentences dense in code symbols lose this much. */
const CODE_PENALTY = 0.1;
const CODE_SYMBOLS = /[{}()[\];=<>$@\\|`"]/g;

/** True for text that reads as code or markup rather than prose (symbol density over 4 %). */
export function looksLikeCode(text: string): boolean {
  return text.length > 0 && (text.match(CODE_SYMBOLS)?.length ?? 0) / text.length > 0.04;
}

export interface ScoredSentence {
  url: string;
  chunkId: string;
  sentence: string;
  quote: string;
  score: number;
}

export interface RetrievalAnswererOptions {
  /** Minimum sentence score for an answer. @default DEFAULT_THRESHOLD */
  threshold?: number;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/[/_.-]+/g, ' ');
  } catch {
    return '';
  }
}

/** A window of at most MAX_QUOTE_CHARS around [start, end), cut at spaces: still a verbatim substring. */
export function quoteWindow(sentence: string, start: number, end: number): string {
  if (sentence.length <= MAX_QUOTE_CHARS) return sentence;
  const matchLen = end - start;
  const pad = Math.max(0, Math.floor((MAX_QUOTE_CHARS - matchLen) / 2));
  let from = Math.max(0, start - pad);
  let to = Math.min(sentence.length, Math.max(end, from + MAX_QUOTE_CHARS));
  if (from > 0) {
    const space = sentence.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < sentence.length) {
    const space = sentence.lastIndexOf(' ', to);
    if (space > end) to = space;
  }
  return sentence.slice(from, to).trim();
}

interface Candidate {
  text: string;
  /** Extra words that count for keyword coverage but are not quoted (the sentence before). */
  near: string;
}

/**
 * The texts a chunk offers as answers: each sentence; and for the first sentence of a section,
 * also the heading and the sentence together — a changelog's date or a page's "Partner programme"
 * heading is often the part that answers.
 */
function candidates(chunk: RetrievedChunk): Candidate[] {
  const sentences = splitSentences(chunk.text);
  const out: Candidate[] = sentences.map((text, i) => ({ text, near: sentences[i - 1] ?? '' }));
  if (chunk.heading && sentences.length > 0 && chunk.id.endsWith(':0')) out.push({ text: `${chunk.heading} ${sentences[0]}`, near: '' });
  return out;
}

/** Scores every sentence of the retrieved chunks for one question; best first. */
export function scoreSentences(question: Question, chunks: readonly RetrievedChunk[]): ScoredSentence[] {
  const { patterns, exclude, context } = question.answer;
  const out: ScoredSentence[] = [];
  for (const chunk of chunks) {
    const where = `${chunk.title} ${chunk.heading} ${pathOf(chunk.url)}`;
    if (context.length > 0 && !context.some((re) => re.test(where))) continue;
    const whereStems = stemSet(where);
    for (const { text: sentence, near } of candidates(chunk)) {
      if (exclude.some((re) => re.test(sentence))) continue;
      let match: RegExpExecArray | null = null;
      let matchedPattern = 0;
      for (const [i, re] of patterns.entries()) {
        match = re.exec(sentence);
        matchedPattern = i;
        if (match) break;
      }
      const sentenceStems = stemSet(sentence);
      const inSentence = question.keywords.filter((k) => phraseIn(k, sentenceStems));
      let patternScore: number;
      let start = 0;
      let end = sentence.length;
      if (match) {
        // Patterns are listed most telling first; later ones weigh a little less.
        patternScore = Math.max(0.75, 1 - 0.05 * matchedPattern);
        start = match.index;
        end = match.index + match[0].length;
      } else if (patterns.length === 0 && inSentence.length > 0) {
        patternScore = 0.5;
      } else continue;
      const contextStems = near ? new Set([...whereStems, ...stemSet(near)]) : whereStems;
      const hits = new Set([...inSentence, ...question.keywords.filter((k) => phraseIn(k, contextStems))]).size;
      const keywordScore = Math.min(1, hits / 2);
      const score = WEIGHTS.pattern * patternScore + WEIGHTS.keywords * keywordScore + WEIGHTS.rank * chunk.relative
        - (looksLikeCode(sentence) ? CODE_PENALTY : 0);
      out.push({ url: chunk.url, chunkId: chunk.id, sentence, quote: quoteWindow(sentence, start, end), score: Math.round(score * 1000) / 1000 });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The answer for one question from scored sentences and a threshold (pure; used by calibration). */
export function decide(scored: readonly ScoredSentence[], threshold: number, isQuotable?: AnswerInput['isQuotable']): AnswerDraft {
  const passing = scored.filter((s) => s.score >= threshold && (!isQuotable || isQuotable(s.url, s.quote)));
  if (passing.length === 0) {
    return { answerable: false, answer: '', confidence: Math.round((scored[0]?.score ?? 0) * 1000) / 1000, citations: [] };
  }
  const picked = [passing[0]];
  const second = passing.find((s) => s.chunkId !== passing[0].chunkId && s.quote !== passing[0].quote);
  if (second) picked.push(second);
  return {
    answerable: true,
    answer: picked.map((s) => s.quote).join(' … '),
    confidence: passing[0].score,
    citations: picked.map((s) => ({ url: s.url, quote: s.quote })),
  };
}

export function createRetrievalAnswerer(options: RetrievalAnswererOptions = {}): Answerer {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  return {
    id: 'retrieval-only',
    concurrency: 1,
    async answer(input: AnswerInput): Promise<AnswerDraft> {
      return decide(scoreSentences(input.question, input.chunks), threshold, input.isQuotable);
    },
    stats(): AnswererStats {
      return { tokens: { prompt: 0, completion: 0 }, cache: { hits: 0, misses: 0 }, requests: 0 };
    },
  };
}
