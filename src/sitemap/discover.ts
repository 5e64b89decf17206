// Where a site's sitemaps are: `Sitemap:` lines in /robots.txt (sitemaps.org "Informing search
// engine crawlers", RFC 9309 §2.2.4 allows such non-group lines) plus the conventional locations.
import { decodeBody, mediaType } from '../fetch/decode.js';
import { parseRobots } from '../robots/parse.js';
import { walkSitemaps, type SitemapFetch, type WalkSitemapsOptions } from './walk.js';

/** Conventional locations tried whether or not robots.txt names them. */
export const DEFAULT_SITEMAP_PATHS = ['/sitemap.xml', '/sitemap_index.xml'] as const;

/** Absolute sitemap URLs of the `Sitemap:` lines (anywhere in the file), in order, deduplicated. */
export function sitemapLinesFromRobots(robotsTxt: string, robotsUrl: string): string[] {
  const out: string[] = [];
  for (const { url: value } of parseRobots(robotsTxt).sitemaps) {
    if (!value.trim()) continue;
    try {
      const url = new URL(value, robotsUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !out.includes(url.href)) out.push(url.href);
    } catch {
      // Not a URL: nothing to follow.
    }
  }
  return out;
}

export interface SitemapCandidates {
  /** From robots.txt Sitemap lines: the site claims these exist. */
  declared: string[];
  /** Conventional locations not already declared: their absence is not an error. */
  defaults: string[];
  robotsUrl: string;
  /** HTTP status of /robots.txt (0 when the fetch failed). */
  robotsStatus: number;
}

/** Reads /robots.txt through `fetch` and lists the sitemap URLs to try, declared ones first. */
export async function findSitemapCandidates(origin: string, fetch: SitemapFetch): Promise<SitemapCandidates> {
  const base = new URL(origin).origin;
  const robotsUrl = `${base}/robots.txt`;
  const robots = await fetch(robotsUrl);
  let declared: string[] = [];
  const type = mediaType(robots.headers['content-type']);
  if (robots.status >= 200 && robots.status < 300 && type !== 'text/html') {
    declared = sitemapLinesFromRobots(decodeBody(robots.body, robots.headers['content-type']), robots.finalUrl || robotsUrl);
  }
  const defaults = DEFAULT_SITEMAP_PATHS.map((p) => `${base}${p}`).filter((u) => !declared.includes(u));
  return { declared, defaults, robotsUrl, robotsStatus: robots.status };
}

/**
 * Page URLs for crawl seeding: every <loc> of the site's sitemaps (declared and conventional),
 * walked with the same bounds and the same fetch (so the cache shares the files with the probe).
 */
export async function* sitemapPageUrls(origin: string, fetch: SitemapFetch, options: WalkSitemapsOptions = {}): AsyncGenerator<string, void, undefined> {
  const { declared, defaults } = await findSitemapCandidates(origin, fetch);
  for await (const item of walkSitemaps([...declared, ...defaults], fetch, options)) {
    if (item.type === 'url') yield item.url.loc;
  }
}
