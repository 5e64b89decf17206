// Summaries of the links an llms.txt lists: how many stay on the audited site, how many point at
// markdown (llmstxt.org proposes `.md` versions of pages), and the list the crawl seeds from.
import type { LlmsTxtDocument } from './parse.js';

export { isSameSite, siteOf } from '../util/site.js';

/** True when the URL's path ends in `.md` (query and fragment ignored). */
export function isMarkdownUrl(url: string): boolean {
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.md');
  } catch {
    return false;
  }
}

/** Distinct absolute http(s) URLs the file lists, fragments removed, in order. */
export function listedUrls(doc: LlmsTxtDocument): string[] {
  const out = new Set<string>();
  for (const link of doc.links) {
    if (!link.href) continue;
    const u = new URL(link.href);
    u.hash = '';
    out.add(u.href);
  }
  return [...out];
}

export function shareOf(urls: string[], test: (url: string) => boolean): number | null {
  if (urls.length === 0) return null;
  return Math.round((urls.filter(test).length / urls.length) * 1000) / 1000;
}
