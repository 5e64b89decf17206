// Chooses the answerer for an audit. The LLM answerer is used when asked for (--answerer llm) or
// when one is configured (PORTALPROBE_MODEL plus OPENAI_API_KEY or OPENAI_BASE_URL, or the
// matching options); otherwise the retrieval-only answerer, which needs nothing and sends nothing.
import { UsageError } from '../../errors.js';
import type { Answerer, Persona } from '../types.js';
import { createFileCache } from './cache.js';
import { createLlmAnswerer, type ModelPrice } from './llm.js';
import { createRetrievalAnswerer } from './retrieval.js';

export { createRetrievalAnswerer } from './retrieval.js';
export { createLlmAnswerer } from './llm.js';
export { createFileCache, createMemoryCache } from './cache.js';

const TEXT = {
  noModel: 'The LLM answerer needs a model: set PORTALPROBE_MODEL or pass --llm-model (and OPENAI_BASE_URL / --llm-base-url for a non-OpenAI endpoint).',
  badKind: (kind: string) => `Unknown answerer "${kind}": use "retrieval" or "llm".`,
} as const;

export interface AnswererConfig {
  /** 'retrieval' or 'llm'; default: 'llm' when a model is configured, else 'retrieval'. */
  answerer?: string;
  /** --llm-model; default PORTALPROBE_MODEL. */
  model?: string;
  /** --llm-base-url; default OPENAI_BASE_URL. */
  baseURL?: string;
  /** Default OPENAI_API_KEY. */
  apiKey?: string;
  /** Cache folder; false turns the cache off. @default .portalprobe-cache */
  cacheDir?: string | false;
  concurrency?: number;
  timeoutMs?: number;
  prices?: Record<string, ModelPrice>;
  /** Retrieval-only score threshold. */
  threshold?: number;
  personas?: readonly Persona[];
  env?: Record<string, string | undefined>;
}

export function createAnswerer(config: AnswererConfig = {}): Answerer {
  const env = config.env ?? process.env;
  const model = config.model ?? env.PORTALPROBE_MODEL;
  const baseURL = config.baseURL ?? env.OPENAI_BASE_URL;
  const apiKey = config.apiKey ?? env.OPENAI_API_KEY;
  const configured = !!model && !!(apiKey || baseURL);
  const kind = config.answerer ?? (configured ? 'llm' : 'retrieval');
  if (kind === 'retrieval' || kind === 'retrieval-only') return createRetrievalAnswerer({ threshold: config.threshold });
  if (kind !== 'llm') throw new UsageError(TEXT.badKind(kind), { answerer: kind });
  if (!model) throw new UsageError(TEXT.noModel);
  return createLlmAnswerer({
    model,
    baseURL,
    apiKey,
    concurrency: config.concurrency,
    timeoutMs: config.timeoutMs,
    prices: config.prices,
    personas: config.personas,
    cache: config.cacheDir === false ? false : createFileCache(config.cacheDir),
  });
}
