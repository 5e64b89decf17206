// The crawl frontier: URLs waiting to be fetched, lowest crawl depth first, each URL once.
// Links found on pages come before sitemap/llms.txt seeds of a deeper level, so the crawl sees
// what a person clicking from the home page sees before it fills up from machine-readable lists.
import type { DiscoveredVia } from '../contract/index.js';

export interface FrontierEntry {
  url: string;
  /** Depth used to bound the crawl: link depth from the start page or from a seed. */
  crawlDepth: number;
  via: DiscoveredVia;
  referrer: string | null;
}

export class Frontier {
  private readonly buckets: FrontierEntry[][] = [];
  private readonly seen = new Set<string>();
  private size = 0;

  /** Adds the URL unless it was added before; returns whether it was new. */
  add(entry: FrontierEntry): boolean {
    if (this.seen.has(entry.url)) return false;
    this.seen.add(entry.url);
    (this.buckets[entry.crawlDepth] ??= []).push(entry);
    this.size += 1;
    return true;
  }

  has(url: string): boolean {
    return this.seen.has(url);
  }

  next(): FrontierEntry | undefined {
    for (const bucket of this.buckets) {
      if (bucket && bucket.length > 0) {
        this.size -= 1;
        return bucket.shift();
      }
    }
    return undefined;
  }

  get pending(): number {
    return this.size;
  }
}

const SKIPPED_EXTENSIONS = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|pdf|zip|gz|tgz|tar|rar|7z|dmg|exe|msi|pkg|deb|rpm|jar|war|mp3|mp4|m4a|mov|avi|webm|wav|ogg|woff2?|ttf|otf|eot|css|js|mjs|map|wasm|iso|bin|csv|xlsx?|docx?|pptx?)$/i;

/** URLs worth fetching as pages: same site, no obvious binary or asset. */
export function isCrawlable(url: string, origins: ReadonlySet<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!origins.has(parsed.origin)) return false;
  return !SKIPPED_EXTENSIONS.test(parsed.pathname);
}

/** Canonical form used to de-duplicate: no fragment, default ports dropped by URL itself. */
export function normalizeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}
