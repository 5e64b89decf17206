// Summaries of the links an llms.txt lists for the llms-txt probe: how many stay on the audited
// site, how many point at markdown (llmstxt.org proposes `.md` versions of pages).

/** True when the URL's path ends in `.md` (query and fragment ignored). */
export function isMarkdownUrl(url: string): boolean {
  try {
    return new URL(url).pathname.toLowerCase().endsWith('.md');
  } catch {
    return false;
  }
}

export function shareOf(urls: string[], test: (url: string) => boolean): number | null {
  if (urls.length === 0) return null;
  return Math.round((urls.filter(test).length / urls.length) * 1000) / 1000;
}
