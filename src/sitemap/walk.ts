// Follows sitemaps and sitemap indexes (crawlee style: an async generator with depth and visited-set
// bounds). The crawl uses the yielded URLs as seeds; the sitemap probe uses the per-sitemap records.
// Both go through the audit's cached fetch, so a sitemap is downloaded once whoever walks it first.
// Stopping the iteration (break / return) stops fetching.
import type { FetchRequest, FetchResult } from '../fetch/types.js';
import { MAX_SITEMAP_BYTES } from './gzip.js';
import { plural } from './issues.js';
import { parseSitemapBody } from './parse.js';
import type { SitemapIssue, SitemapParseResult, SitemapUrl } from './types.js';
import type { SitemapKind } from '../contract/index.js';

/** Shaped like ProbeContext['fetch']: never throws, a network failure is status 0 with `error`. */
export type SitemapFetch = (url: string, request?: FetchRequest) => Promise<FetchResult>;

export interface WalkSitemapsOptions {
  /** Index nesting followed: a root sitemap has depth 0, a sitemap listed by it depth 1. @default 3 */
  maxDepth?: number;
  /** Sitemap files fetched at most (roots included). @default 50 */
  maxSitemaps?: number;
  /** URL entries yielded at most; the walk ends when reached. @default 1_000_000 */
  maxUrls?: number;
  signal?: AbortSignal;
}

export const WALK_DEFAULTS = { maxDepth: 3, maxSitemaps: 50, maxUrls: 1_000_000 } as const;

/** One fetched sitemap file, yielded before its URLs. */
export interface WalkedSitemap {
  type: 'sitemap';
  url: string;
  finalUrl: string;
  /** 0 for a root, parent depth + 1 for a sitemap listed in an index. */
  depth: number;
  /** The index that listed it; null for a root. */
  parent: string | null;
  /** HTTP status; 0 when the fetch failed without a response. */
  status: number;
  contentType: string | null;
  kind: SitemapKind;
  format: SitemapParseResult['format'];
  gzipped: boolean;
  /** <url> entries read (at most 50,000). */
  urlCount: number;
  /** <sitemap> entries of an index. */
  sitemapCount: number;
  /** Entries that carry a valid <lastmod>. */
  lastmodCount: number;
  errors: SitemapIssue[];
  warnings: SitemapIssue[];
}

/** One <url> entry (or text-sitemap line) of a fetched urlset. */
export interface WalkedUrl {
  type: 'url';
  url: SitemapUrl;
  /** The sitemap it came from. */
  sitemap: string;
  depth: number;
}

export type SitemapWalkItem = WalkedSitemap | WalkedUrl;

const MSG = {
  fetchFailed: (message: string) => `The sitemap could not be fetched: ${message}`,
  httpStatus: (status: number) => `The sitemap answered HTTP ${status}.`,
  cut: (bytes: number) => `Only the first ${bytes.toLocaleString('en-US')} bytes were read (fetch size limit).`,
  nested: 'A sitemap index lists another sitemap index; the protocol does not allow nesting and search engines may ignore it.',
  depthLimit: (n: number, max: number) => `${plural(n, 'listed sitemap')} not read: nesting deeper than ${max} levels.`,
  sitemapLimit: (n: number, max: number) => `${plural(n, 'listed sitemap')} not read: the walk reads at most ${max} sitemaps.`,
};

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

function resolve(loc: string, base: string): string | null {
  try {
    const u = new URL(loc, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? withoutFragment(u.href) : null;
  } catch {
    return null;
  }
}

interface QueueEntry {
  url: string;
  depth: number;
  parent: string | null;
}

/** Fetches and parses one sitemap URL into a record (and the parse, for its entries). */
async function fetchOne(entry: QueueEntry, fetch: SitemapFetch, signal?: AbortSignal): Promise<{ record: WalkedSitemap; parsed: SitemapParseResult | null }> {
  const response = await fetch(entry.url, { maxBodyBytes: MAX_SITEMAP_BYTES, ...(signal ? { signal } : {}) });
  const contentType = response.headers['content-type'] ?? null;
  const record: WalkedSitemap = {
    type: 'sitemap',
    url: entry.url,
    finalUrl: response.finalUrl || entry.url,
    depth: entry.depth,
    parent: entry.parent,
    status: response.status,
    contentType,
    kind: 'invalid',
    format: 'unknown',
    gzipped: false,
    urlCount: 0,
    sitemapCount: 0,
    lastmodCount: 0,
    errors: [],
    warnings: [],
  };
  if (response.status === 0) {
    record.errors.push({ code: 'fetch-failed', message: MSG.fetchFailed(response.error?.message ?? 'no response') });
    return { record, parsed: null };
  }
  if (response.status < 200 || response.status >= 300) {
    record.errors.push({ code: 'http-status', message: MSG.httpStatus(response.status) });
    return { record, parsed: null };
  }
  const parsed = await parseSitemapBody(record.finalUrl, response.body, contentType ?? undefined);
  record.kind = parsed.kind;
  record.format = parsed.format;
  record.gzipped = parsed.gzipped;
  record.urlCount = parsed.urls.length;
  record.sitemapCount = parsed.sitemaps.length;
  record.lastmodCount = parsed.kind === 'index'
    ? parsed.sitemaps.filter((s) => s.lastmod).length
    : parsed.urls.filter((u) => u.lastmod).length;
  record.errors.push(...parsed.errors);
  record.warnings.push(...parsed.warnings);
  if (response.truncated && !parsed.errors.some((e) => e.code === 'too-large')) {
    record.warnings.push({ code: 'truncated', message: MSG.cut(response.body.length) });
  }
  if (parsed.kind === 'index' && entry.depth > 0) record.warnings.push({ code: 'nested-index', message: MSG.nested });
  return { record, parsed };
}

/**
 * Walks sitemaps breadth-first from `rootUrls`, following indexes up to `maxDepth`, never fetching
 * a URL twice (loops such as a → b → a end), and yields a record per fetched sitemap followed by
 * its URL entries.
 */
export async function* walkSitemaps(
  rootUrls: Iterable<string>,
  fetch: SitemapFetch,
  options: WalkSitemapsOptions = {},
): AsyncGenerator<SitemapWalkItem, void, undefined> {
  const maxDepth = options.maxDepth ?? WALK_DEFAULTS.maxDepth;
  const maxSitemaps = options.maxSitemaps ?? WALK_DEFAULTS.maxSitemaps;
  const maxUrls = options.maxUrls ?? WALK_DEFAULTS.maxUrls;
  const visited = new Set<string>();
  const queue: QueueEntry[] = [];
  for (const root of rootUrls) {
    const url = resolve(root, root);
    if (url && !visited.has(url)) {
      visited.add(url);
      queue.push({ url, depth: 0, parent: null });
    }
  }
  let fetched = 0;
  let urlsYielded = 0;
  while (queue.length > 0 && fetched < maxSitemaps) {
    if (options.signal?.aborted) return;
    const entry = queue.shift() as QueueEntry;
    fetched += 1;
    const { record, parsed } = await fetchOne(entry, fetch, options.signal);
    const finalKey = withoutFragment(record.finalUrl);
    // A redirect onto a sitemap already walked adds nothing new.
    if (finalKey !== entry.url && visited.has(finalKey)) continue;
    visited.add(finalKey);

    if (parsed?.kind === 'index') {
      let tooDeep = 0;
      let overLimit = 0;
      for (const child of parsed.sitemaps) {
        const url = resolve(child.loc, record.finalUrl);
        if (!url || visited.has(url)) continue;
        if (entry.depth + 1 > maxDepth) {
          tooDeep += 1;
          continue;
        }
        if (fetched + queue.length >= maxSitemaps) {
          overLimit += 1;
          continue;
        }
        visited.add(url);
        queue.push({ url, depth: entry.depth + 1, parent: entry.url });
      }
      if (tooDeep > 0) record.warnings.push({ code: 'depth-limit', message: MSG.depthLimit(tooDeep, maxDepth) });
      if (overLimit > 0) record.warnings.push({ code: 'sitemap-limit', message: MSG.sitemapLimit(overLimit, maxSitemaps) });
    }
    yield record;
    if (parsed?.kind !== 'urlset') continue;
    for (const url of parsed.urls) {
      if (urlsYielded >= maxUrls) return;
      urlsYielded += 1;
      yield { type: 'url', url, sitemap: record.url, depth: entry.depth };
    }
  }
}
