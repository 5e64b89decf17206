// Small URL helpers several parsers share.

/** `href` resolved against `base`: an http(s) URL without its fragment, or null. */
export function httpUrl(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

/** The lower-cased tokens of a rel attribute ("Alternate  Feed" → ["alternate", "feed"]). */
export function relTokens(rel: string): string[] {
  return rel.toLowerCase().split(/\s+/).filter(Boolean);
}
