// Summaries of the links an llms.txt lists: how many stay on the audited site, how many point at
// markdown (llmstxt.org proposes `.md` versions of pages), and the list the crawl seeds from.
import type { LlmsTxtDocument } from './parse.js';

/**
 * The "site" of a host: its last two labels, or three when the last two look like a country
 * second-level domain (co.uk, com.au, …). An approximation of the registrable domain without the
 * Public Suffix List; good enough to tell docs.example.com and example.com apart from github.com.
 */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1])) return labels.join('.'); // short or an IPv4 address
  const [sld, tld] = labels.slice(-2);
  const countrySecondLevel = tld.length === 2 && /^(co|com|net|org|gov|edu|ac|ne|or|go)$/.test(sld);
  return labels.slice(countrySecondLevel ? -3 : -2).join('.');
}

export function isSameSite(url: string, origin: string): boolean {
  try {
    return siteOf(new URL(url).hostname) === siteOf(new URL(origin).hostname);
  } catch {
    return false;
  }
}

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
