// The probe contract: a probe reads the Snapshot (and may fetch well-known URLs through the
// audit's cached fetch) and returns facts and findings. It never scores and never renders.
import type { Snapshot } from './page.js';
import type { FetchRequest, FetchResult } from '../fetch/types.js';
import type { Finding } from './finding.js';

export interface ProbeOutput<F extends object = object> {
  facts: F;
  findings: Finding[];
}

/** What a probe may use. `reads` on the probe says which of these it needs. */
export type ProbeInput = 'pages' | 'fetch' | 'browser';

export interface ProbeContext {
  snapshot: Snapshot;
  /**
   * Cached per audit: the same (method, url, Accept) is fetched once whoever asks. Never throws:
   * a network failure comes back as status 0 with `error`.
   */
  fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
  /** Headless browser, when one is available and allowed (rendering probe). */
  browser?: unknown;
  signal: AbortSignal;
  /** Options the user passed that probes may honour (e.g. link-check bounds). */
  options: ProbeOptions;
}

export interface ProbeOptions {
  /** Upper bound for links a probe checks (llms.txt links, sitemap children…). @default 50 */
  maxLinkChecks: number;
  /** Maximum nested sitemap depth. @default 3 */
  maxSitemapDepth: number;
}

export interface Probe<F extends object = object> {
  /** Equal to the file name in probes/. */
  id: string;
  title: string;
  description: string;
  reads: ProbeInput[];
  run(ctx: ProbeContext): Promise<ProbeOutput<F>>;
}
