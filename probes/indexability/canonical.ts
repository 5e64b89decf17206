// The page's rel=canonical (from <link> elements in the head and the Link header), judged as
// Lighthouse's canonical audit does (core/audits/seo/canonical.js) plus what matters to a portal:
//   invalid      — the URL cannot be parsed (or is not http/https)
//   relative     — not an absolute URL (Lighthouse fails it; Google accepts it but advises absolute URLs)
//   conflict     — several different canonical URLs
//   hreflang     — points to another language version listed in the page's hreflang alternates
//   root         — points to the home page from a page that is not the home page
//   cross-origin — points to another site (host differs, ignoring `www.`); search engines then index
//                  that site's copy. Lighthouse dropped this check; for a portal it is nearly always a
//                  staging host, localhost or a copied template.
//   other-page   — points to another URL of the same site: the page asks not to be indexed itself
//                  (legitimate for duplicates, so it is not counted as an issue)
//   missing      — no canonical at all (optional per Google; Lighthouse: not applicable; not an issue)
// Links in the body are ignored, as search engines ignore them. The canonical target's status is
// judged later (site.ts), from the crawl or a fetch. Pure.
// https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls
import type { HeadLink } from './head-links.js';
import type { CanonicalKind } from '../../src/contract/index.js';

/** Kinds that are mistakes (counted in `canonicalIssues`); `missing` and `other-page` are notes. */
export const CANONICAL_ISSUE_KINDS: ReadonlySet<CanonicalKind> = new Set<CanonicalKind>([
  'invalid', 'relative', 'conflict', 'hreflang', 'root', 'cross-origin', 'target-error', 'target-redirect', 'target-noindex',
]);

/** Kinds after which the page asks search engines to index another URL instead of itself. */
export const POINTS_ELSEWHERE: ReadonlySet<CanonicalKind> = new Set<CanonicalKind>(['hreflang', 'root', 'cross-origin', 'other-page']);

export interface CanonicalProblem {
  kind: CanonicalKind;
  /** The canonical URL (resolved), or the href as written when it is invalid or relative. */
  canonical?: string;
  /** All canonical URLs, for `conflict`. */
  candidates?: string[];
  /** The elements / headers that declare it. */
  evidence: string[];
}

export interface CanonicalVerdict {
  /** The one valid canonical URL, or null (none, invalid, relative or conflicting). */
  canonical: string | null;
  /** The canonical is the page's own URL. */
  self: boolean;
  problems: CanonicalProblem[];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function canonicalEvidence(link: HeadLink): string {
  return link.source === 'headers' ? `Link: <${link.hrefRaw}>; rel="canonical"` : `<link rel="canonical" href="${link.hrefRaw}">`;
}

/** URL without its fragment, or null. */
export function bareUrl(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** The host with a leading `www.` removed (and the port, when not the default). */
export function siteKey(url: URL): string {
  return url.host.toLowerCase().replace(/^www\./, '');
}

export function judgeCanonical(pageUrl: string, links: readonly HeadLink[]): CanonicalVerdict {
  const none = (problems: CanonicalProblem[]): CanonicalVerdict => ({ canonical: null, self: false, problems });
  const unique = new Map<string, HeadLink[]>();
  const hreflangUrls = new Set<string>();
  let invalid: HeadLink | undefined;
  let relative: HeadLink | undefined;

  for (const link of links) {
    if (link.source === 'body') continue;
    if (link.rel.includes('canonical')) {
      const raw = link.hrefRaw.trim();
      if (!raw) continue;
      if (!link.href) {
        invalid ??= link;
      } else if (!SCHEME.test(raw)) {
        relative ??= link;
      } else {
        let parsed: URL | null = null;
        try {
          parsed = new URL(raw);
        } catch {
          parsed = null;
        }
        if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) invalid ??= link;
        else unique.set(link.href, [...(unique.get(link.href) ?? []), link]);
      }
    }
    if (link.rel.includes('alternate') && link.href && link.hreflang) hreflangUrls.add(link.href);
  }

  if (invalid) return none([{ kind: 'invalid', canonical: invalid.hrefRaw, evidence: [canonicalEvidence(invalid)] }]);
  if (relative) return none([{ kind: 'relative', canonical: relative.hrefRaw, evidence: [canonicalEvidence(relative)] }]);
  if (unique.size === 0) return none([{ kind: 'missing', evidence: [] }]);
  if (unique.size > 1) {
    const candidates = [...unique.keys()];
    return none([{ kind: 'conflict', candidates, evidence: [...unique.values()].flat().map(canonicalEvidence) }]);
  }

  const [canonical, declaring] = [...unique.entries()][0];
  const evidence = declaring.map(canonicalEvidence);
  const target = new URL(canonical);
  let base: URL;
  try {
    base = new URL(pageUrl);
  } catch {
    return { canonical, self: false, problems: [] };
  }
  const self = bareUrl(canonical) === bareUrl(base.href);
  const problem = (kind: CanonicalKind): CanonicalVerdict => ({ canonical, self, problems: [{ kind, canonical, evidence }] });
  // Lighthouse's two "common mistakes", in its order.
  if (hreflangUrls.has(base.href) && hreflangUrls.has(target.href) && base.href !== target.href) return problem('hreflang');
  if (target.origin === base.origin && target.pathname === '/' && base.pathname !== '/') return problem('root');
  if (siteKey(target) !== siteKey(base)) return problem('cross-origin');
  if (!self) return problem('other-page');
  return { canonical, self, problems: [] };
}
