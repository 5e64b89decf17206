// The probe contract: a probe declares what it reads (`reads`), receives exactly that in its context,
// and returns facts and findings. It never scores and never renders. The runner builds each
// context from `reads` (src/audit/probe-context.ts), and the types below make reading an undeclared
// input a compile error: a probe that reads ['pages'] has no `ctx.fetch`.
import type { Browser } from 'playwright-core';
import type { FetchRequest, FetchResult } from '../fetch/types.js';
import type { Finding } from './finding.js';
import type { Snapshot } from './page.js';

export interface ProbeOutput<F extends object = object> {
  facts: F;
  findings: Finding[];
}

/** What a probe may use. `reads` on the probe says which of these it needs; it gets nothing else. */
export type ProbeInput = 'pages' | 'fetch' | 'browser';

/** The audit's headless browser, or why there is none (not installed, disabled, failed to start). */
export type BrowserAccess = { state: 'available'; browser: Browser } | { state: 'unavailable'; reason: string };

/** One extra URL as a probe reads it: from the crawl when the Snapshot holds it, else fetched. */
export interface Resource {
  url: string;
  finalUrl: string;
  /** 0 when there was no HTTP response (see `error`). */
  status: number;
  headers: Record<string, string>;
  /** Media type without parameters, lower-cased ('' when absent). */
  type: string;
  text: string;
  /** Body size in bytes as received (the crawl's count for a crawled page). */
  bytes: number;
  truncated: boolean;
  /** URLs before `finalUrl` when the answer was redirected. */
  redirects: readonly string[];
  error?: { code: string; message: string };
  /** The crawl's copy was used; no request was sent. */
  fromSnapshot: boolean;
}

export interface ReadOptions {
  /** Accept header; omitted when undefined (same cache entry as other probes that send none). */
  accept?: string;
  maxBodyBytes?: number;
  /** Use the crawl's copy when the Snapshot holds the URL. @default true (false for content negotiation) */
  useSnapshot?: boolean;
}

export interface ProbeOptions {
  /** Upper bound for links a probe checks (llms.txt links, sitemap children…). @default 50 */
  maxLinkChecks: number;
  /** Maximum nested sitemap depth. @default 3 */
  maxSitemapDepth: number;
}

/** What every probe gets, whatever it reads. */
export interface ProbeBase {
  /** Aborted when the audit is cancelled or this probe runs out of time (reason: ProbeTimeoutError). */
  signal: AbortSignal;
  /** Options the user passed that probes may honour (e.g. link-check bounds). */
  options: ProbeOptions;
}

/** What each declared input adds to the context. */
export interface ProbeInputs {
  /** The crawl's Snapshot: pages, start and final URL, origin, robots skips. */
  pages: { snapshot: Snapshot };
  fetch: {
    /**
     * Cached per audit: the same (method, url, Accept) is fetched once whoever asks. Never throws: a
     * network failure comes back as status 0 with `error`. Without a signal it uses the probe's.
     */
    fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
    /**
     * Read from the crawl, else fetch: the crawled page when the Snapshot holds the URL as an HTML
     * page or a non-2xx answer, otherwise the cached fetch (asked the crawl's way for a URL the crawl
     * fetched, so the cache answers). Decoded to text. Never throws.
     */
    read(url: string, options?: ReadOptions): Promise<Resource>;
  };
  browser: { browser: BrowserAccess };
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** The context of a probe that reads `R`: the base plus what each declared input adds. */
export type ProbeContext<R extends ProbeInput = ProbeInput> = ProbeBase & UnionToIntersection<ProbeInputs[R]>;

export interface Probe<F extends object = object, R extends ProbeInput = ProbeInput> {
  /** Equal to the probe's folder name in probes/. */
  id: string;
  title: string;
  description: string;
  reads: readonly R[];
  // A function-typed property, not a method: its parameter is checked strictly, so `run` cannot
  // ask for more than `reads` declares. NoInfer: `reads` alone decides R.
  run: (ctx: ProbeContext<NoInfer<R>>) => Promise<ProbeOutput<F>>;
}

/**
 * Declares a probe; its inputs are inferred from `reads`, so using an undeclared one in `run` does
 * not compile: `defineProbe<MyFacts>()({ id, title, description, reads: ['pages'], async run(ctx) { … } })`.
 */
export function defineProbe<F extends object>() {
  return <const R extends ProbeInput>(probe: Probe<F, R>): Probe<F, R> => probe;
}
