// Everything an audit can be told, with defaults in one place. The CLI and the HTTP API both build
// one of these; nothing else reads command-line flags or request bodies.
import type { ClientOptions } from '../fetch/types.js';
import type { Assessment } from '../model/index.js';
import type { ProgressListener } from './progress.js';

export interface AuditOptions {
  /** Pages the crawl fetches at most. @default 200 */
  maxPages?: number;
  /** Click depth the crawl follows. @default 5 */
  maxDepth?: number;
  /** Allow private, loopback and link-local targets (intranet portals, tests). @default false */
  allowPrivate?: boolean;
  /** Crawl pages robots.txt disallows for portalprobe (a portal you own or assess). @default false */
  ignoreRobots?: boolean;
  /** HTTP client settings (timeouts, size limits, politeness). */
  client?: Omit<ClientOptions, 'allowPrivate'>;
  /** Probe ids not to run. */
  skipProbes?: string[];
  /** Assessor judgements merged into the scores. */
  assessment?: Assessment;
  /** Use a headless browser for the rendering probe when one is installed. @default true */
  browser?: boolean;
  /** Extra fit-check question files (YAML), asked besides prompts/questions/. */
  questionFiles?: string[];
  /** Ask only these fit-check question ids (default: all); unknown ids are a usage error. */
  questionIds?: string[];
  /** 'retrieval' or 'llm'; default: 'llm' when a model is configured (PORTALPROBE_MODEL), else 'retrieval'. */
  answerer?: string;
  /** OpenAI-compatible model name; default PORTALPROBE_MODEL. */
  llmModel?: string;
  /** OpenAI-compatible base URL (OpenAI, Azure, Ollama, vLLM, llama.cpp server); default OPENAI_BASE_URL. */
  llmBaseUrl?: string;
  /** Page text per fit-check question, in tokens. @default 3000 */
  budgetTokens?: number;
  /** LLM answer cache folder; false turns it off. @default .portalprobe-cache */
  llmCacheDir?: string | false;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export const AUDIT_DEFAULTS = {
  maxPages: 200,
  maxDepth: 5,
  maxLinkChecks: 50,
  maxSitemapDepth: 3,
} as const;
