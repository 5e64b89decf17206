// Builds each probe's context from what the probe declares in `reads`, and nothing more: a probe
// that reads ['pages'] gets the Snapshot but no fetch and no browser (the contract's types make
// using them a compile error; the object built here simply lacks them). Every context carries the
// probe's own abort signal; fetches the probe makes without one use it.
import type { BrowserAccess, ProbeContext, ProbeInput, ProbeOptions, ReadOptions, Snapshot } from '../contract/index.js';
import { pagesByUrl } from '../crawl/page-views.js';
import type { FetchRequest, FetchResult } from '../fetch/types.js';
import { readResource } from './resource.js';

/** What the audit holds for its probes; each probe receives the part its `reads` names. */
export interface ProbeSupplies {
  snapshot: Snapshot;
  /** The audit's cached, robots-aware fetch (never throws). */
  fetch: (url: string, request?: FetchRequest) => Promise<FetchResult>;
  /** The audit's headless browser or why it has none; absent means the audit was given none. */
  browser?: BrowserAccess;
  /** The audit's signal (cancellation). */
  signal: AbortSignal;
  options: ProbeOptions;
}

/** What a probe that reads 'browser' is told when the audit was given no browser access at all. */
export const NO_BROWSER: BrowserAccess = { state: 'unavailable', reason: 'the audit runs without a headless browser' };

/** The context for a probe that reads `reads`, aborted by `signal` (the probe's own, linked to the audit's). */
export function probeContext<R extends ProbeInput>(reads: readonly R[], supplies: ProbeSupplies, signal: AbortSignal = supplies.signal): ProbeContext<R> {
  const wants = new Set<ProbeInput>(reads);
  const ctx: Record<string, unknown> = { signal, options: supplies.options };
  if (wants.has('pages')) ctx.snapshot = supplies.snapshot;
  if (wants.has('fetch')) {
    ctx.fetch = (url: string, request: FetchRequest = {}): Promise<FetchResult> => supplies.fetch(url, request.signal ? request : { ...request, signal });
    // Through ctx.fetch as it is at call time, so a fetch swapped in (tests) serves reads too.
    const reader = ctx as { fetch: ProbeSupplies['fetch']; signal: AbortSignal };
    ctx.read = (url: string, options?: ReadOptions) => readResource(reader, pagesByUrl(supplies.snapshot), url, options);
  }
  if (wants.has('browser')) ctx.browser = supplies.browser ?? NO_BROWSER;
  // The one place the declared inputs and the built object meet: the keys set above are exactly
  // those ProbeContext<R> has for these reads.
  return ctx as ProbeContext<R>;
}
