// Shapes shared by the fit-check modules: questions (loaded from prompts/), chunks of page text,
// answerers and the entries the fit-check hands to the report (a superset of the contract's
// FitCheckEntry, src/contract/report.ts and docs/ARCHITECTURE.md §3 `fitCheck`).
import type { FitCheckEntry } from '../contract/index.js';

export interface Persona {
  id: string;
  name: string;
  description?: string;
}

/** What counts as an answer to a question. */
export interface AnswerSpec {
  /** For humans and the LLM: what a sentence must state to answer the question. */
  criteria: string;
  /**
   * For the retrieval-only answerer: a candidate sentence must match one of these (JavaScript
   * regular expressions, matched case-insensitively). Without patterns, a sentence must contain
   * one of the question's keywords instead.
   */
  patterns: RegExp[];
  /** A sentence matching one of these is never taken as an answer (e.g. "pricing on request"). */
  exclude: RegExp[];
  /** When set, the page title, section heading or URL path must match one of these. */
  context: RegExp[];
}

export interface Question {
  /** Stable kebab-case id; the maturity model's fit-check rules reference it. */
  id: string;
  persona: string;
  text: string;
  /** Retrieval terms: keywords and synonyms (phrases allowed). */
  keywords: string[];
  /** Practice ids (src/model) this question's answer informs. */
  informs: string[];
  answer: AnswerSpec;
  /** "<set id>@<version>" of the file it came from. */
  set: string;
}

export interface QuestionSet {
  id: string;
  version: number;
  description?: string;
  personas: Persona[];
  questions: Question[];
  /** File it was read from ('' for in-memory text). */
  source: string;
}

/** A piece of one page's readable text, small enough to hand to an answerer. */
export interface Chunk {
  /** `<page index>:<section index>:<part>`; stable for one snapshot. */
  id: string;
  /** The page URL the text was read from (the final URL after redirects). */
  url: string;
  title: string;
  heading: string;
  text: string;
  tokens: number;
}

export interface RetrievedChunk extends Chunk {
  /** BM25+ score from the index (higher is better). */
  score: number;
  /** 1 for the best chunk of the question, down to >0. */
  relative: number;
}

/** A sentence removed from retrieval because it tries to instruct an AI reading the page. */
export interface SuspectedInjection {
  url: string;
  sentence: string;
  /** Which rule flagged it (see injection.ts). */
  rule: string;
}

export interface Citation {
  url: string;
  quote: string;
}

/** What an answerer says before verification. */
export interface AnswerDraft {
  answerable: boolean;
  answer: string;
  confidence: number;
  citations: Citation[];
  /** Set when the answerer failed (LLM error, malformed output); the question is then unanswered. */
  error?: { code: string; message: string };
}

export interface AnswerInput {
  question: Question;
  chunks: RetrievedChunk[];
  signal?: AbortSignal;
  /**
   * Would this quote verify against the page (verify.ts)? Lets an extractive answerer skip a
   * sentence that readability stitched across removed elements. An answer is verified anyway.
   */
  isQuotable?: (url: string, quote: string) => boolean;
}

export interface AnswererStats {
  tokens: { prompt: number; completion: number };
  costUsd?: number;
  cache: { hits: number; misses: number };
  /** Requests sent to the endpoint, retries included. */
  requests: number;
}

export interface Answerer {
  /** "llm:<model>" or "retrieval-only" (the report's run.answerer). */
  readonly id: string;
  /** Questions answered at once. @default 1 for retrieval-only, 4 for the LLM */
  readonly concurrency: number;
  answer(input: AnswerInput): Promise<AnswerDraft>;
  stats(): AnswererStats;
}

export type AgentClass = 'training' | 'search' | 'user';

/** Why a citation did not verify. */
export type UnverifiedReason = 'quote-not-on-page' | 'url-not-in-snapshot' | 'quote-too-short' | 'prompt-injection';

export interface CheckedCitation {
  url: string;
  quote: string;
  verified: boolean;
  reason?: UnverifiedReason;
}

/** One fit-check result: the contract's FitCheckEntry plus detail the report may show. */
export interface FitCheckResultEntry extends FitCheckEntry {
  citations: CheckedCitation[];
  human: { clickDepth: number | null; gated: boolean; url?: string };
  agent: {
    reachable: boolean;
    blockedBy: string[];
    /** May each agent class fetch the page (robots.txt)? null when unknown. */
    classes: Record<AgentClass, boolean | null>;
    inLlmsTxt: boolean | null;
    inSitemap: boolean | null;
    markdown: boolean | null;
    /** Facts that could not be judged (probe missing or failed), e.g. "rendering", "robots:ClaudeBot". */
    unknown: string[];
  };
  informs: string[];
  /** e.g. "unverified-citation", "suspected-injection-quote", "llm-error", "answer-probably-gated". */
  flags: string[];
  /** For an unanswered question: a gated or blocked URL that probably holds the answer. */
  likelyUrl?: string;
}
