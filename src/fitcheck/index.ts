// The fit-check: can a buyer (or the AI agent working for one) answer its evaluation questions from
// what the portal publicly exposes? It runs after the probes and before scoring:
//
//   snapshot pages → chunks (chunk.ts; hidden text and prompt-injection sentences out)
//   → BM25+ index (retrieve.ts) → top chunks per question within a token budget
//   → answerer (answerers/: LLM or retrieval-only) → every quote verified against the page's
//     visible text (verify.ts) → human path vs agent path (paths.ts)
//
// The output entries follow the report contract (docs/ARCHITECTURE.md §3 `fitCheck`) with extra detail; the
// run info feeds `run.answerer` and `run.tokens`. Nothing here scores: the model's fit-check rules
// read `answerable` and the verified citations.
import { AbortedError } from '../errors.js';
import type { ProbeResultEntry, Snapshot } from '../contract/index.js';
import { chunkPages, CHUNK_DEFAULTS } from './chunk.js';
import { readFacts } from './facts.js';
import { findInjections, mergeInjections } from './injection.js';
import { buildPathContext, isGated, pathTo, unansweredPath } from './paths.js';
import type { LoadedQuestions } from './questions.js';
import { buildIndex, RETRIEVAL_DEFAULTS } from './retrieve.js';
import type { Answerer, AnswerDraft, FitCheckResultEntry, Question, SuspectedInjection } from './types.js';
import { createVerifier } from './verify.js';
import { mapPool } from '../util/map-pool.js';

export type { FitCheckResultEntry, Question, Answerer, SuspectedInjection } from './types.js';
export { loadQuestions, parseQuestionSet, readQuestionFile } from './questions.js';
export { createAnswerer, createLlmAnswerer, createRetrievalAnswerer, createFileCache, createMemoryCache } from './answerers/index.js';
export { loadPrompts } from './prompts.js';

export interface FitCheckProgress {
  type: 'question';
  id: string;
  answerable: boolean;
  done: number;
  total: number;
}

export interface RunFitCheckInput {
  snapshot: Snapshot;
  /** Probe results of this audit (robots, gating, rendering, llms-txt, sitemap, markdown are read). */
  probes: readonly ProbeResultEntry[];
  /** The robots.txt body (2xx) for per-URL agent checks; without it the robots probe's per-agent access is used. */
  robotsTxt?: string | null;
  /** Questions to ask: loadQuestions() or a list. */
  questions: readonly Question[] | LoadedQuestions;
  answerer: Answerer;
  /** Page text per question, in tokens. @default 3000 */
  budgetTokens?: number;
  /** Largest chunk, in tokens. @default 350 */
  chunkTokens?: number;
  /** URLs listed in the sitemap(s), when the caller has them (for agent.inSitemap). */
  sitemapUrls?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (event: FitCheckProgress) => void;
}

export interface FitCheckRun {
  entries: FitCheckResultEntry[];
  /** "llm:<model>" | "retrieval-only" — the report's run.answerer. */
  answerer: string;
  tokens: { prompt: number; completion: number };
  costUsd?: number;
  cache: { hits: number; misses: number };
  /** Requests sent to the LLM endpoint, retries included. */
  requests: number;
  /** Sentences removed as suspected prompt injection (never shown to an answerer, never verified). */
  suspectedInjections: SuspectedInjection[];
  /** Question sets asked ("id@version"). */
  questionSets: string[];
  /** Pages and chunks the answers were drawn from. */
  pagesIndexed: number;
  chunksIndexed: number;
}

const FLAGS = {
  unverified: 'unverified-citation',
  injection: 'suspected-injection-quote',
  noText: 'no-matching-page-text',
  gated: 'answer-probably-gated',
  javascript: 'answer-probably-javascript-only',
  robots: 'answer-probably-robots-blocked',
} as const;

const NOT_ANSWERED: AnswerDraft = { answerable: false, answer: '', confidence: 0, citations: [] };

export async function runFitCheck(input: RunFitCheckInput): Promise<FitCheckRun> {
  const questions = 'questions' in input.questions ? input.questions.questions : input.questions;
  const { snapshot, answerer, signal } = input;
  const facts = readFacts(input.probes);
  const pathCtx = buildPathContext(snapshot, facts, input.robotsTxt, input.sitemapUrls);

  // A login wall's text (a sign-in form) answers nothing; leave walled pages out of retrieval.
  const walled = new Set<string>();
  for (const page of snapshot.pages) if (isGated(page, page.url, pathCtx) === true) walled.add(page.url).add(page.finalUrl);
  const { chunks, pages, injections: inChunks } = chunkPages(snapshot.pages, { exclude: walled, maxTokens: input.chunkTokens ?? CHUNK_DEFAULTS.maxTokens });
  // Readability may drop the part of a page an injection sits in (a comment box) while the visible
  // text keeps it: scan the visible text too, so that quoting it can never verify.
  const injections = mergeInjections(inChunks, snapshot.pages.filter((p) => pages.has(p.finalUrl || p.url)).flatMap((p) => findInjections(p.visibleText, p.finalUrl || p.url)));
  const index = buildIndex(chunks);
  const verifier = createVerifier(snapshot.pages, injections);
  const isQuotable = (url: string, quote: string) => verifier.check({ url, quote }).verified;
  const budgetTokens = input.budgetTokens ?? RETRIEVAL_DEFAULTS.budgetTokens;

  let done = 0;
  const entries = await mapPool(questions, answerer.concurrency, async (question): Promise<FitCheckResultEntry> => {
    if (signal?.aborted) throw new AbortedError('fit-check', signal.reason);
    const retrieved = index.retrieve(question, { budgetTokens });
    const draft = retrieved.length > 0 ? await answerer.answer({ question, chunks: retrieved, signal, isQuotable }) : NOT_ANSWERED;
    const checked = verifier.apply(draft);
    const flags = new Set<string>();
    if (retrieved.length === 0) flags.add(FLAGS.noText);
    if (draft.error) flags.add(draft.error.code);
    if (checked.citations.some((c) => !c.verified)) flags.add(FLAGS.unverified);
    if (checked.citations.some((c) => c.reason === 'prompt-injection')) flags.add(FLAGS.injection);

    let path: ReturnType<typeof unansweredPath>;
    if (checked.answerable) {
      const best = checked.citations.find((c) => c.verified)!;
      path = pathTo(best.url, pathCtx);
    } else {
      path = unansweredPath(question, pathCtx);
      if (path.likelyUrl) {
        if (path.human.gated) flags.add(FLAGS.gated);
        if (path.agent.blockedBy.includes('javascript')) flags.add(FLAGS.javascript);
        // Only blocks that keep answer engines and assistants out, not training crawlers.
        if (path.agent.classes.search === false || path.agent.classes.user === false || path.agent.blockedBy.includes('robots')) flags.add(FLAGS.robots);
      }
    }
    const entry: FitCheckResultEntry = {
      id: question.id,
      persona: question.persona,
      question: question.text,
      answerable: checked.answerable,
      // An answer that no verified quote backs is not shown: it may be made up, or injected.
      answer: checked.answerable ? draft.answer : '',
      confidence: checked.answerable ? Math.round(Math.min(1, Math.max(0, draft.confidence)) * 1000) / 1000 : 0,
      citations: checked.citations,
      human: path.human,
      agent: path.agent,
      informs: [...question.informs],
      flags: [...flags],
      ...(path.likelyUrl ? { likelyUrl: path.likelyUrl } : {}),
    };
    done++;
    input.onProgress?.({ type: 'question', id: question.id, answerable: entry.answerable, done, total: questions.length });
    return entry;
  });

  const stats = answerer.stats();
  return {
    entries,
    answerer: answerer.id,
    tokens: stats.tokens,
    ...(stats.costUsd !== undefined ? { costUsd: stats.costUsd } : {}),
    cache: stats.cache,
    requests: stats.requests,
    suspectedInjections: injections,
    questionSets: [...new Set(questions.map((q) => q.set))],
    pagesIndexed: pages.size,
    chunksIndexed: chunks.length,
  };
}
