// Test helpers: build real Pages from HTML (through the crawl's own parser) and a ProbeContext whose
// fetch is served from an in-memory table or a real server on 127.0.0.1.
import { parsePage } from '../../src/crawl/parse-page.js';
import { PAGE_COLLECTORS } from '../../probes/index.js';
import type { Page, ProbeContext, Snapshot } from '../../src/contract/index.js';
import type { FetchRequest, FetchResult } from '../../src/fetch/types.js';
import { probeContext, type ProbeSupplies } from '../../src/audit/probe-context.js';

export interface PageInput {
  url: string;
  html?: string;
  status?: number;
  headers?: Record<string, string>;
  depth?: number | null;
  finalUrl?: string;
  redirects?: string[];
}

/** A Page as the crawl would record it, parsed from `html` with the crawl's parser. */
export function makePage(input: PageInput): Page {
  const html = input.html ?? '';
  const headers = { 'content-type': 'text/html; charset=utf-8', ...input.headers };
  const artifacts = html ? parsePage(html, input.finalUrl ?? input.url, PAGE_COLLECTORS) : parsePage('<html><body></body></html>', input.url, PAGE_COLLECTORS);
  return {
    url: input.url,
    finalUrl: input.finalUrl ?? input.url,
    status: input.status ?? 200,
    headers,
    contentType: headers['content-type'] ?? null,
    depth: input.depth === undefined ? 0 : input.depth,
    via: 'link',
    referrer: null,
    redirects: input.redirects ?? [],
    bytes: html.length,
    timing: { startedAt: 0, ttfbMs: 1, totalMs: 2 },
    html,
    truncated: false,
    ...artifacts,
  };
}

export function makeSnapshot(origin: string, pages: Page[]): Snapshot {
  return {
    startUrl: `${origin}/`,
    finalUrl: `${origin}/`,
    origin,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    pages,
    skippedByRobots: [],
    robotsPolicy: 'respected',
    notFetched: 0,
    requests: pages.length,
    bytesFetched: 0,
  };
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  finalUrl?: string;
  redirects?: string[];
}

/** A FetchResult-shaped answer (status 0 + error for a network failure). */
export function fetchResult(url: string, r: FakeResponse | undefined): FetchResult {
  if (!r) {
    return {
      url, finalUrl: url, status: 404, headers: { 'content-type': 'text/html' }, body: Buffer.from('<html><body>Not found</body></html>'),
      truncated: false, redirects: [], bytes: 0, durationMs: 1, ttfbMs: 1,
    };
  }
  const body = typeof r.body === 'string' ? Buffer.from(r.body) : (r.body ?? Buffer.alloc(0));
  return {
    url, finalUrl: r.finalUrl ?? url, status: r.status ?? 200, headers: r.headers ?? {}, body, truncated: false,
    redirects: r.redirects ?? [], bytes: body.length, durationMs: 1, ttfbMs: 1,
  };
}

/**
 * A ProbeContext over in-memory responses keyed by absolute URL (or `url|accept` for content
 * negotiation). Unlisted URLs answer 404. `calls` records every fetch, to check nothing is fetched twice.
 */
export function makeContext(snapshot: Snapshot, responses: Record<string, FakeResponse> = {}) {
  const calls: { url: string; request?: FetchRequest }[] = [];
  const ctx = contextOf({
    snapshot,
    async fetch(url, request) {
      calls.push({ url, request });
      const accept = request?.headers?.accept ?? request?.headers?.Accept;
      const r = (accept && responses[`${url}|${accept}`]) || responses[url];
      return fetchResult(url, r);
    },
    signal: new AbortController().signal,
    options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
  });
  return { ctx, calls };
}

/**
 * A context with every probe input, built as the runner builds one (src/audit/probe-context.ts):
 * ctx.read goes through the engine's read-from-crawl-else-fetch, ctx.browser defaults to none.
 */
export function contextOf(supplies: ProbeSupplies): ProbeContext {
  return probeContext(['pages', 'fetch', 'browser'], supplies);
}
