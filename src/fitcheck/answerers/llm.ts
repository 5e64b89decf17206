// The LLM answerer: asks any OpenAI-compatible chat-completions endpoint (the `openai` SDK with a
// base URL) one question at a time, with the retrieved page text as untrusted, delimited data
// (llm-messages.ts). Structured output (response_format json_schema, strict) when the server
// supports it; a server that refuses json_schema is asked again in json_object mode, then with the
// format left to the prompt — the reply is always parsed and validated (llm-output.ts).
//
// Robustness: a timeout per request; retries with exponential backoff and jitter on connection
// errors, timeouts, 408, 409, 429 and 5xx, honouring Retry-After (RFC 9110 §10.2.3) up to a cap —
// the SDK's own retries are off because it honours any Retry-After without a bound; one more try
// when a reply is malformed. Usage (prompt/completion tokens) is summed over every request,
// retries included, with an optional cost estimate from a price table. Answers are cached
// (cache.ts), so a re-audit of unchanged pages sends no request at all.
import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from 'openai';
import { setTimeout as delay } from 'node:timers/promises';
import { AbortedError } from '../../errors.js';
import { parseRetryAfter } from '../../fetch/retry-after.js';
import { loadPrompts, type Prompts } from '../prompts.js';
import type { Answerer, AnswerDraft, AnswerInput, AnswererStats, Persona } from '../types.js';
import { cacheKey, createFileCache, type AnswerCache } from './cache.js';
import { buildMessages } from './llm-messages.js';
import { ANSWER_JSON_SCHEMA, ANSWER_SCHEMA_NAME, parseAnswer } from './llm-output.js';

const TEXT = {
  malformed: (n: number) => `the model's reply was not a valid answer object (${n} tries)`,
  failed: (status: number | string, message: string) => `the endpoint failed (${status}): ${message}`,
  retryAfterTooLong: (ms: number, cap: number) => `the endpoint asked to wait ${Math.round(ms / 1000)} s, more than the ${Math.round(cap / 1000)} s allowed`,
} as const;

/** USD per million tokens. */
export interface ModelPrice {
  promptPerMillion: number;
  completionPerMillion: number;
}

export interface LlmAnswererOptions {
  model: string;
  /** @default process.env.OPENAI_API_KEY, or a placeholder for local servers that need none */
  apiKey?: string;
  /** e.g. http://localhost:11434/v1 @default process.env.OPENAI_BASE_URL or the OpenAI API */
  baseURL?: string;
  /** Per request. @default 60_000 */
  timeoutMs?: number;
  /** Retries after the first attempt on retryable failures. @default 3 */
  maxRetries?: number;
  /** First backoff delay; doubles each retry (with up to 25 % jitter). @default 500 */
  backoffMs?: number;
  /** Longest backoff. @default 8_000 */
  maxBackoffMs?: number;
  /** A Retry-After longer than this fails the question instead of waiting. @default 60_000 */
  maxRetryAfterMs?: number;
  /** Extra tries when a reply is malformed. @default 1 */
  malformedRetries?: number;
  /** Questions asked at once. @default 4 */
  concurrency?: number;
  /** Sampling temperature; not sent when undefined (some reasoning models refuse it). */
  temperature?: number;
  /** Start in this output mode. @default 'json_schema' */
  responseFormat?: 'json_schema' | 'json_object' | 'none';
  /** Answer cache; false turns caching off. @default a file cache in .portalprobe-cache/ */
  cache?: AnswerCache | false;
  /** Prices per model for the cost estimate; costUsd is reported when the model is listed. */
  prices?: Record<string, ModelPrice>;
  prompts?: Prompts;
  personas?: readonly Persona[];
  /** Tests: an SDK client to use instead of building one. */
  client?: OpenAI;
}

type Mode = 'json_schema' | 'json_object' | 'none';
const NEXT_MODE: Record<Mode, Mode | null> = { json_schema: 'json_object', json_object: 'none', none: null };

/** A 400-class refusal that names the response format: the server does not support that mode. */
function formatUnsupported(err: unknown): boolean {
  return err instanceof APIError && typeof err.status === 'number' && [400, 404, 415, 422, 501].includes(err.status)
    && /response_format|json_schema|json_object|structured|schema/i.test(String(err.message));
}

function retryable(err: unknown): boolean {
  if (err instanceof APIUserAbortError) return false;
  if (err instanceof APIConnectionError) return true;
  if (err instanceof APIError && typeof err.status === 'number') return err.status === 408 || err.status === 409 || err.status === 429 || err.status >= 500;
  return false;
}

function retryAfterMs(err: unknown): number | undefined {
  if (!(err instanceof APIError) || !err.headers) return undefined;
  const ms = err.headers.get('retry-after-ms');
  if (ms && /^\d+(?:\.\d+)?$/.test(ms.trim())) return Number(ms);
  return parseRetryAfter(err.headers.get('retry-after') ?? undefined);
}

export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  const model = options.model;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = options.maxRetries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 8_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const malformedRetries = options.malformedRetries ?? 1;
  const prompts = options.prompts ?? loadPrompts();
  const cache = options.cache === false ? null : options.cache ?? createFileCache();
  const price = options.prices?.[model];
  const client = options.client ?? new OpenAI({
    apiKey: options.apiKey ?? process.env.OPENAI_API_KEY ?? 'not-needed',
    baseURL: options.baseURL ?? process.env.OPENAI_BASE_URL ?? undefined,
    timeout: timeoutMs,
    maxRetries: 0,
  });
  let mode: Mode = options.responseFormat ?? 'json_schema';
  const stats: AnswererStats = { tokens: { prompt: 0, completion: 0 }, cache: { hits: 0, misses: 0 }, requests: 0 };
  if (price) stats.costUsd = 0;

  const account = (usage: { prompt_tokens?: number; completion_tokens?: number } | undefined) => {
    const p = usage?.prompt_tokens ?? 0;
    const c = usage?.completion_tokens ?? 0;
    stats.tokens.prompt += p;
    stats.tokens.completion += c;
    if (price) stats.costUsd = Math.round(((stats.costUsd ?? 0) + (p * price.promptPerMillion + c * price.completionPerMillion) / 1e6) * 1e6) / 1e6;
  };

  const responseFormat = (m: Mode) =>
    m === 'json_schema'
      ? { type: 'json_schema' as const, json_schema: { name: ANSWER_SCHEMA_NAME, strict: true, schema: ANSWER_JSON_SCHEMA as unknown as Record<string, unknown> } }
      : m === 'json_object' ? { type: 'json_object' as const } : undefined;

  async function ask(input: AnswerInput): Promise<AnswerDraft> {
    const messages = buildMessages(prompts, input.question, input.chunks, options.personas);
    let retries = 0;
    let malformed = 0;
    for (;;) {
      if (input.signal?.aborted) throw new AbortedError('fit-check', input.signal.reason);
      try {
        stats.requests++;
        const format = responseFormat(mode);
        const completion = await client.chat.completions.create(
          { model, messages, ...(format ? { response_format: format } : {}), ...(options.temperature !== undefined ? { temperature: options.temperature } : {}) },
          { signal: input.signal, timeout: timeoutMs, maxRetries: 0 },
        );
        account(completion.usage ?? undefined);
        const draft = parseAnswer(completion.choices?.[0]?.message?.content);
        if (draft) return draft;
        if (++malformed > malformedRetries) return { answerable: false, answer: '', confidence: 0, citations: [], error: { code: 'llm-malformed', message: TEXT.malformed(malformed) } };
      } catch (err) {
        if (err instanceof APIUserAbortError || input.signal?.aborted) throw new AbortedError('fit-check', err);
        if (formatUnsupported(err) && NEXT_MODE[mode]) {
          mode = NEXT_MODE[mode]!;
          continue;
        }
        const status = err instanceof APIError ? err.status ?? 'connection' : 'error';
        const message = err instanceof Error ? err.message : String(err);
        if (!retryable(err) || retries >= maxRetries) {
          return { answerable: false, answer: '', confidence: 0, citations: [], error: { code: 'llm-error', message: TEXT.failed(status, message) } };
        }
        const asked = retryAfterMs(err);
        if (asked !== undefined && asked > maxRetryAfterMs) {
          return { answerable: false, answer: '', confidence: 0, citations: [], error: { code: 'llm-error', message: TEXT.retryAfterTooLong(asked, maxRetryAfterMs) } };
        }
        const backoff = Math.min(maxBackoffMs, backoffMs * 2 ** retries) * (1 - Math.random() * 0.25);
        retries++;
        try {
          await delay(asked ?? backoff, undefined, { signal: input.signal });
        } catch (abortErr) {
          throw new AbortedError('fit-check', abortErr);
        }
      }
    }
  }

  return {
    id: `llm:${model}`,
    concurrency: Math.max(1, options.concurrency ?? 4),
    async answer(input) {
      const key = cache ? cacheKey({ question: input.question, chunks: input.chunks, model, promptVersion: prompts.version }) : '';
      if (cache) {
        const hit = await cache.get(key);
        if (hit) {
          stats.cache.hits++;
          return hit;
        }
        stats.cache.misses++;
      }
      const draft = await ask(input);
      if (cache && !draft.error) await cache.set(key, { questionId: input.question.id, model, promptVersion: prompts.version }, draft);
      return draft;
    },
    stats: () => ({ ...stats, tokens: { ...stats.tokens }, cache: { ...stats.cache } }),
  };
}
