// What the canonical targets answer: from the crawl when it fetched the URL (never fetched twice),
// otherwise through the audit's cached fetch, at most `limit` distinct URLs. A target robots.txt
// keeps portalprobe from fetching is "not checked (robots.txt)", never "broken".
import { AbortedError } from '../../src/errors.js';
import { mapPool } from '../../src/util/map-pool.js';
import { decodeBody, mediaType } from '../../src/fetch/decode.js';
import type { FetchRequest, FetchResult } from '../../src/fetch/types.js';
import { bareUrl } from './canonical.js';
import { extractHead } from './head-links.js';
import { indexBlocks, robotsSignals } from './robots-rules.js';
import type { TargetCheck } from './site.js';

const CONCURRENCY = 4;
/** Bytes of a fetched target read for its robots rules (the head is near the start). */
const TARGET_BODY_BYTES = 256 * 1024;

export interface KnownPage {
  url: string;
  finalUrl: string;
  status: number;
  /** The page tells every crawler noindex. */
  noindex: boolean;
  /** Error code when the crawl got no response (status 0). */
  error?: string;
}

export interface TargetOptions {
  fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
  /** Distinct targets fetched at most (the crawl's pages do not count). */
  limit: number;
  signal: AbortSignal;
  /** URLs the crawl skipped because robots.txt disallows them for portalprobe. */
  skippedByRobots?: readonly string[];
  knownAgents: ReadonlySet<string>;
  now: Date;
}

/** The crawl's answer for a URL: exact final URL first, then a requested URL that redirected. */
export function fromCrawl(url: string, pages: readonly KnownPage[]): TargetCheck | undefined {
  const bare = bareUrl(url);
  const final = pages.find((p) => bareUrl(p.finalUrl || p.url) === bare);
  if (final) return { checked: true, status: final.status, redirected: false, noindex: final.noindex, via: 'crawl', ...(final.error ? { error: final.error } : {}) };
  const requested = pages.find((p) => bareUrl(p.url) === bare);
  if (requested) {
    return { checked: true, status: requested.status, redirected: true, noindex: requested.noindex, via: 'crawl', ...(requested.error ? { error: requested.error } : {}) };
  }
  return undefined;
}

/** A fetched response → TargetCheck (robots rules read from the header and the head). */
export function fromFetch(result: FetchResult, knownAgents: ReadonlySet<string>, now: Date): TargetCheck {
  if (result.status === 0 && result.error?.code === 'PP_ERR_ROBOTS_DISALLOWED') return { checked: false, reason: 'robots' };
  const redirected = result.redirects.length > 0 || bareUrl(result.finalUrl) !== bareUrl(result.url);
  if (result.status === 0) return { checked: true, status: 0, redirected, noindex: false, via: 'fetch', ...(result.error ? { error: result.error.code } : {}) };
  const type = mediaType(result.headers['content-type']);
  const html = type === 'text/html' || type === 'application/xhtml+xml' ? decodeBody(result.body.subarray(0, TARGET_BODY_BYTES), result.headers['content-type']) : '';
  const meta = html ? extractHead(html, result.finalUrl).meta : [];
  const noindex = indexBlocks(robotsSignals(meta, result.headers, knownAgents).filter((s) => s.agent === null), now).length > 0;
  return { checked: true, status: result.status, redirected, noindex, via: 'fetch' };
}

/** Resolves every target URL to a TargetCheck (in the order given; over the limit → not checked). */
export async function checkTargets(urls: readonly string[], pages: readonly KnownPage[], options: TargetOptions): Promise<Map<string, TargetCheck>> {
  const out = new Map<string, TargetCheck>();
  const skipped = new Set((options.skippedByRobots ?? []).map((u) => bareUrl(u) ?? u));
  const toFetch: string[] = [];
  for (const url of new Set(urls)) {
    const crawled = fromCrawl(url, pages);
    if (crawled) out.set(url, crawled);
    else if (skipped.has(bareUrl(url) ?? url)) out.set(url, { checked: false, reason: 'robots' });
    else if (toFetch.length >= options.limit) out.set(url, { checked: false, reason: 'limit' });
    else toFetch.push(url);
  }
  const results = await mapPool(toFetch, CONCURRENCY, async (url) => {
    if (options.signal.aborted) throw new AbortedError(url, options.signal.reason);
    return options.fetch(url, { signal: options.signal });
  });
  if (options.signal.aborted) throw new AbortedError(urls[0] ?? '', options.signal.reason);
  toFetch.forEach((url, i) => out.set(url, fromFetch(results[i], options.knownAgents, options.now)));
  return out;
}
