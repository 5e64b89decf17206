// URL helpers of the business-surface probe: one key per page however it is linked (trailing
// slash, query and fragment ignored), path segments as slugs (locale prefix and file extension
// dropped), short labels for evidence notes, the brand word of a host, and sign-in / sign-up URLs.
// Pure.

/** A first path segment that is only a locale: /en/, /de-de/, /pt_BR/. */
const LOCALE_SEGMENT = /^(?:[a-z]{2}(?:[-_](?:[a-z]{2}|\d{3}))|en|de|fr|es|it|nl|pt|ja|zh|ko|ru|pl|sv|da|fi|nb|no|cs|tr|uk|he|ar)$/i;
const EXTENSION = /\.(?:html?|php|aspx?|jsp|md|mdx|shtml)$/i;
/** Host labels that say what a host is for, not whose it is (skipped when looking for the brand). */
const GENERIC_LABELS = new Set(['www', 'developer', 'developers', 'dev', 'docs', 'doc', 'api', 'apis', 'portal', 'devportal', 'app', 'platform', 'sandbox', 'console', 'help', 'support', 'status', 'blog', 'community', 'forum', 'en', 'cloud']);
/** Second-level labels under country-code TLDs (example.co.uk). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'or', 'ne', 'go']);

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `https://host/path` without query, fragment and trailing slash; the input itself if unparsable. */
export function urlKey(url: string): string {
  const u = parseUrl(url);
  if (!u) return url;
  let path = u.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  return `${u.protocol}//${u.host.toLowerCase()}${path}`;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Lower-cased path segments: locale prefix and file extension dropped, '_' read as '-'. */
export function pathSegments(url: string): string[] {
  const u = parseUrl(url);
  if (!u) return [];
  const segments = u.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => decode(s).toLowerCase().replace(/_/g, '-'));
  if (segments.length > 0) segments[segments.length - 1] = segments[segments.length - 1].replace(EXTENSION, '');
  if (segments.length > 1 && LOCALE_SEGMENT.test(segments[0])) segments.shift();
  return segments.filter(Boolean);
}

/** The path (with query) for URLs on `origin`, else host + path: how evidence notes name a page. */
export function shortLabel(url: string, origin: string): string {
  const u = parseUrl(url);
  if (!u) return url;
  if (u.origin === origin) return `${u.pathname}${u.search}`;
  return `${u.host}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
}

export function hostOf(url: string): string {
  return parseUrl(url)?.hostname.toLowerCase() ?? '';
}

/**
 * The brand word of a host: acme for developer.acme.com or api.acme.co.uk; null for IP addresses
 * and hosts without one. Used to tell a portal's own GitHub organisation from others.
 */
export function brandOf(host: string): string | null {
  if (!host || /^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return null;
  const labels = host.toLowerCase().split('.');
  labels.pop();
  if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1])) labels.pop();
  const brand = labels.pop();
  if (!brand || GENERIC_LABELS.has(brand)) return null;
  return brand;
}

/** True when a URL is a sign-in / sign-up page (path or host), per the common list's authUrls. */
export function isAuthUrl(url: string, authUrls: readonly RegExp[]): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  const path = `${u.pathname}${u.search ? '?' : ''}`;
  return authUrls.some((re) => re.test(path) || re.test(u.hostname));
}
