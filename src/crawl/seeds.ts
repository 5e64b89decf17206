// Crawl seeds beyond the home page: URLs listed in the site's sitemaps and in its llms.txt. Both are
// read through the audit's cached fetch, so the sitemap and llms-txt probes reuse the same bytes.
import { findSitemapCandidates } from '../sitemap/discover.js';
import { walkSitemaps } from '../sitemap/walk.js';
import { llmsTxtFromResponse } from '../llms-txt/response.js';
import { parseLlmsTxt } from '../llms-txt/parse.js';
import { listedUrls } from '../llms-txt/links.js';
import type { AuditFetch } from './crawler.js';
import type { DiscoveredVia } from './types.js';

export interface SeedLimits {
  /** Sitemap URLs taken at most. @default 5000 */
  maxSitemapUrls?: number;
}

export async function* discoverSeeds(origin: string, fetch: AuditFetch, limits: SeedLimits = {}): AsyncGenerator<{ url: string; via: DiscoveredVia }> {
  const llms = await fetch(`${origin}/llms.txt`);
  const outcome = llmsTxtFromResponse({ status: llms.error ? 0 : llms.status, contentType: llms.headers['content-type'], body: llms.body });
  if (outcome.present) {
    for (const url of listedUrls(parseLlmsTxt(outcome.text, llms.finalUrl))) yield { url, via: 'llms-txt' };
  }
  const candidates = await findSitemapCandidates(origin, fetch);
  const roots = [...candidates.declared, ...candidates.defaults];
  for await (const item of walkSitemaps(roots, fetch, { maxUrls: limits.maxSitemapUrls ?? 5000 })) {
    if (item.type === 'url') yield { url: item.url.loc, via: 'sitemap' };
  }
}
