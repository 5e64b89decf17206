// The bounded same-site crawl. Fetches concurrently (the HTTP client caps each host), parses HTML
// into artifacts (workers when available), follows links breadth-first up to maxDepth, then fills
// up from sitemap and llms.txt seeds, up to maxPages. Never runs page JavaScript.
import { TargetUnauditableError, PortalProbeError } from '../errors.js';
import type { FetchResult } from '../fetch/types.js';
import { mediaType, decodeBody } from '../fetch/decode.js';
import { computeClickDepths } from './click-depth.js';
import { Frontier, isCrawlable, normalizeUrl, type FrontierEntry } from './frontier.js';
import type { PageParser } from './parse-pool.js';
import type { PageArtifacts } from './parse-page.js';
import { emptyCollected, type DiscoveredVia, type Page, type Snapshot } from '../contract/index.js';

export type AuditFetch = (url: string, request?: { method?: 'GET' | 'HEAD'; headers?: Record<string, string> }) => Promise<FetchResult>;

export interface CrawlDeps {
  fetch: AuditFetch;
  parser: PageParser;
  /**
   * How `fetch` treats robots.txt for portalprobe's own User-Agent. A fetch refused with
   * PP_ERR_ROBOTS_DISALLOWED is recorded as skipped, not as a page.
   */
  robotsPolicy: 'respected' | 'ignored';
  /** URLs from sitemaps and llms.txt, discovered after the start page is known. */
  seeds?: (origin: string) => AsyncIterable<{ url: string; via: DiscoveredVia }>;
  /** Pages reached only through a browser-rendered page (app shells); optional. */
  renderLinks?: (page: Page) => Promise<string[]>;
  onPage?: (page: Page, fetched: number) => void;
  signal?: AbortSignal;
  now?: () => number;
  requestCount?: () => { requests: number; bytes: number };
}

export interface CrawlOptions {
  /** @default 200 */
  maxPages?: number;
  /** Maximum click depth from the start page. @default 5 */
  maxDepth?: number;
  /** Fetch pages that robots.txt disallows for portalprobe's own User-Agent. @default false */
  ignoreRobots?: boolean;
  /** Seed the crawl from sitemap URLs. @default true */
  useSitemaps?: boolean;
  /** Seed the crawl from llms.txt links. @default true */
  useLlmsTxt?: boolean;
  /** Pages fetched at once (the client still caps each host). @default 8 */
  concurrency?: number;
  /** Worker threads that parse HTML; 0 parses on the main thread. @default min(2, cores) when compiled */
  parseWorkers?: number;
}

/** The Accept header of page fetches; anything that re-fetches a page uses it so the audit cache answers. */
export const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

export const CRAWL_DEFAULTS = { maxPages: 200, maxDepth: 5, concurrency: 8 } as const;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

const EMPTY_ARTIFACTS: PageArtifacts = {
  lang: null, title: null, mainText: '', sections: [], visibleText: '', meta: [], linkTags: [], anchors: [],
  headings: [], forms: [], jsonLd: [], scripts: { count: 0, inlineBytes: 0, external: [] }, noscriptText: '',
  ...emptyCollected(), rawTextLength: 0,
};

function isHtml(result: FetchResult): boolean {
  const type = mediaType(result.headers['content-type']);
  if (type) return HTML_TYPES.has(type);
  return /^\s*(?:<!doctype html|<html)/i.test(result.body.subarray(0, 512).toString('latin1'));
}

export async function crawl(startUrl: string, deps: CrawlDeps, options: CrawlOptions = {}): Promise<Snapshot> {
  const maxPages = options.maxPages ?? CRAWL_DEFAULTS.maxPages;
  const maxDepth = options.maxDepth ?? CRAWL_DEFAULTS.maxDepth;
  const concurrency = Math.max(1, options.concurrency ?? CRAWL_DEFAULTS.concurrency);
  const now = deps.now ?? (() => performance.now());
  const t0 = now();
  const startedAt = new Date().toISOString();

  const start = normalizeUrl(startUrl);
  if (!start) throw new TargetUnauditableError(startUrl, new Error('invalid URL'));

  const frontier = new Frontier();
  const pages: Page[] = [];
  const skippedByRobots: string[] = [];
  const origins = new Set<string>([new URL(start).origin]);
  let finalUrl = start;
  let notFetched = 0;

  async function fetchPage(entry: FrontierEntry): Promise<Page | null> {
    const startedAtMs = now() - t0;
    const result = await deps.fetch(entry.url, { headers: { accept: PAGE_ACCEPT } });
    if (result.error?.code === 'PP_ERR_ROBOTS_DISALLOWED') {
      skippedByRobots.push(entry.url);
      return null;
    }
    const html = !result.error && isHtml(result) ? decodeBody(result.body, result.headers['content-type']) : '';
    let artifacts = EMPTY_ARTIFACTS;
    if (html) {
      try {
        artifacts = await deps.parser.parse(html, result.finalUrl);
      } catch (err) {
        // Unparseable markup is a page with no artifacts; probes see the raw HTML and report it.
        artifacts = { ...EMPTY_ARTIFACTS, parseNote: `not parsed: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
    const page: Page = {
      url: entry.url,
      finalUrl: result.finalUrl,
      status: result.status,
      headers: result.headers,
      contentType: result.headers['content-type'] ?? null,
      depth: null,
      via: entry.via,
      referrer: entry.referrer,
      redirects: result.redirects,
      bytes: result.bytes,
      timing: { startedAt: Math.round(startedAtMs), ttfbMs: Math.round(result.ttfbMs), totalMs: Math.round(now() - t0 - startedAtMs) },
      html,
      truncated: result.truncated,
      ...artifacts,
    };
    if (result.error) page.error = result.error;
    return page;
  }

  function enqueueLinks(page: Page, crawlDepth: number): void {
    if (crawlDepth >= maxDepth) return;
    for (const anchor of page.anchors) {
      if (/\bnofollow\b/i.test(anchor.rel ?? '')) continue;
      if (!isCrawlable(anchor.href, origins)) continue;
      if (frontier.add({ url: anchor.href, crawlDepth: crawlDepth + 1, via: 'link', referrer: page.url })) {
        if (pages.length + frontier.pending > maxPages * 4) break;
      }
    }
  }

  // The start page decides whether the target can be audited at all.
  frontier.add({ url: start, crawlDepth: 0, via: 'start', referrer: null });
  frontier.next();
  const first = await fetchPage({ url: start, crawlDepth: 0, via: 'start', referrer: null });
  if (first) {
    if (first.error && first.status === 0) {
      const cause = new PortalProbeError(first.error.code as never, first.error.message);
      throw new TargetUnauditableError(start, cause);
    }
    finalUrl = first.finalUrl;
    origins.add(new URL(finalUrl).origin);
    frontier.add({ url: finalUrl, crawlDepth: 0, via: 'start', referrer: null });
    pages.push(first);
    deps.onPage?.(first, pages.length);
    enqueueLinks(first, 0);
    if (deps.renderLinks) await addRenderedLinks(first, 0);
  }
  const origin = new URL(finalUrl).origin;

  async function addRenderedLinks(page: Page, crawlDepth: number): Promise<void> {
    if (!deps.renderLinks || crawlDepth >= maxDepth) return;
    for (const href of await deps.renderLinks(page)) {
      if (isCrawlable(href, origins)) frontier.add({ url: href, crawlDepth: crawlDepth + 1, via: 'rendered', referrer: page.url });
    }
  }

  // Seeds are collected while the link crawl runs; they enter the frontier one level below the links.
  const seedDone = (async () => {
    if (!deps.seeds) return;
    try {
      for await (const seed of deps.seeds(origin)) {
        const url = normalizeUrl(seed.url);
        if (url && isCrawlable(url, origins)) frontier.add({ url, crawlDepth: 1, via: seed.via, referrer: null });
        if (frontier.pending > maxPages * 4) break;
      }
    } catch {
      // Broken sitemaps are the sitemap probe's business; the crawl simply gets no seeds from them.
    }
  })();

  const inFlight = new Set<Promise<void>>();
  const launch = (entry: FrontierEntry) => {
    const task = fetchPage(entry).then(async (page) => {
      if (!page) return;
      if (pages.length >= maxPages) {
        notFetched += 1;
        return;
      }
      pages.push(page);
      deps.onPage?.(page, pages.length);
      enqueueLinks(page, entry.crawlDepth);
      await addRenderedLinks(page, entry.crawlDepth);
    });
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  const aborted = new Promise<void>((resolve) => {
    if (deps.signal?.aborted) resolve();
    deps.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  let seedsFinished = false;
  void seedDone.then(() => { seedsFinished = true; });
  for (;;) {
    if (deps.signal?.aborted) break;
    while (inFlight.size < concurrency && pages.length + inFlight.size < maxPages) {
      const entry = frontier.next();
      if (!entry) break;
      launch(entry);
    }
    if (inFlight.size === 0) {
      if (frontier.pending > 0 && pages.length < maxPages) continue;
      if (!seedsFinished) {
        await Promise.race([seedDone, aborted]);
        continue;
      }
      break;
    }
    await Promise.race([...inFlight, aborted]);
  }
  // A cancelled crawl does not wait for fetches still in flight (they end with the client).
  if (!deps.signal?.aborted) await Promise.allSettled(inFlight);
  notFetched += frontier.pending;

  // A failed page's finalUrl is where its redirect chain broke off (another host, a login URL), not
  // a page it stands for: only its own URL takes part in click depths.
  const linkGraph = pages.map((p) => (p.status === 0 ? { url: p.url, finalUrl: p.url, anchors: p.anchors } : p));
  const depths = computeClickDepths(linkGraph, finalUrl);
  for (const page of pages) page.depth = depths.get(page.url) ?? (page.status === 0 ? undefined : depths.get(page.finalUrl)) ?? null;

  const stats = deps.requestCount?.() ?? { requests: 0, bytes: 0 };
  return {
    startUrl: start,
    finalUrl,
    origin,
    startedAt,
    finishedAt: new Date().toISOString(),
    pages,
    skippedByRobots,
    robotsPolicy: deps.robotsPolicy,
    notFetched,
    requests: stats.requests,
    bytesFetched: stats.bytes,
  };
}
