// Crawl seeds beyond the home page: URLs listed in the site's llms.txt and sitemaps. Both are read
// through the audit's cached fetch with the same requests the llms-txt and sitemap probes make, so
// each file is downloaded once.
import { sitemapPageUrls } from '../sitemap/discover.js';
import { llmsTxtLinks } from '../llms-txt/seeds.js';
import type { AuditFetch } from './crawler.js';
import type { DiscoveredVia } from '../contract/index.js';

export interface SeedLimits {
  /** Sitemap URLs taken at most. @default 5000 */
  maxSitemapUrls?: number;
}

export async function* discoverSeeds(origin: string, fetch: AuditFetch, limits: SeedLimits = {}): AsyncGenerator<{ url: string; via: DiscoveredVia }> {
  for (const url of await llmsTxtLinks(origin, fetch)) yield { url, via: 'llms-txt' };
  for await (const url of sitemapPageUrls(origin, fetch, { maxUrls: limits.maxSitemapUrls ?? 5000 })) yield { url, via: 'sitemap' };
}
