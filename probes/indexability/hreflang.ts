// hreflang alternates (<link rel="alternate" hreflang> in the head and in the Link header), judged as
// Lighthouse's hreflang audit does (core/audits/seo/hreflang.js): the language code must be known
// (or `x-default`) and the href fully qualified. Google's rules add that the value is a BCP 47 tag
// with an ISO 639-1 language and an optional ISO 3166-1 region — `en-UK` is a classic mistake
// (https://developers.google.com/search/docs/specialty/international/localized-versions).
// Language and region validity come from the ICU data in Node's Intl (no list to keep up to date).
// Pure.
import type { HeadLink } from './head-links.js';
import type { HreflangReason } from '../../src/contract/index.js';

export interface HreflangIssue {
  hreflang: string;
  /** The href as written. */
  href: string;
  source: 'head' | 'headers';
  reasons: HreflangReason[];
  /** For `region`: the code to use instead, when ICU knows the old one as an alias (UK → GB). */
  suggestion?: string;
  evidence: string;
}

const NO_LANGUAGE = 'x-default';
/** ISO 3166-1 user-assigned codes (ICU names some, e.g. ZZ "Unknown Region"); XK (Kosovo) is in common use. */
const PRIVATE_REGION = /^(?:AA|Q[M-Z]|X[A-JL-Z]|ZZ)$/;
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

export interface TagCheck {
  ok: boolean;
  reason?: 'language' | 'region';
  suggestion?: string;
}

function known(names: Intl.DisplayNames, code: string): boolean {
  try {
    const name = names.of(code);
    return name !== undefined && name.toLowerCase() !== code.toLowerCase();
  } catch {
    return false;
  }
}

/** Checks an hreflang value (as written: surrounding spaces make it invalid, as in Lighthouse). */
export function checkLanguageTag(tag: string): TagCheck {
  if (tag.toLowerCase() === NO_LANGUAGE) return { ok: true };
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    return { ok: false, reason: 'language' };
  }
  const subtags = tag.split('-');
  const language = subtags[0].toLowerCase();
  // ISO 639 codes are 2 or 3 letters; BCP 47's 4–8 letter language subtags are not language codes.
  if (!/^[a-z]{2,3}$/.test(language) || !known(languageNames, language)) return { ok: false, reason: 'language' };
  // Region: the first 2-letter or 3-digit subtag after the language (and optional script).
  const region = subtags.slice(1, 3).find((s) => /^(?:[a-z]{2}|\d{3})$/i.test(s));
  if (region) {
    const upper = region.toUpperCase();
    let canonical: string | undefined;
    try {
      canonical = new Intl.Locale(`und-${upper}`).region;
    } catch {
      canonical = undefined;
    }
    if (canonical && canonical !== upper) return { ok: false, reason: 'region', suggestion: canonical };
    if (PRIVATE_REGION.test(upper) || !known(regionNames, upper)) return { ok: false, reason: 'region' };
  }
  return { ok: true };
}

function isFullyQualified(href: string): boolean {
  const lower = href.trim().toLowerCase();
  return lower.startsWith('http:') || lower.startsWith('https:');
}

function evidenceOf(link: HeadLink): string {
  return link.source === 'headers'
    ? `Link: <${link.hrefRaw}>; rel="alternate"; hreflang="${link.hreflang}"`
    : `<link rel="alternate" hreflang="${link.hreflang}" href="${link.hrefRaw}">`;
}

/** The page's invalid hreflang links (body links are ignored, as search engines ignore them). */
export function judgeHreflang(links: readonly HeadLink[]): HreflangIssue[] {
  const issues: HreflangIssue[] = [];
  for (const link of links) {
    if (link.source === 'body' || !link.rel.includes('alternate') || !link.hreflang) continue;
    const reasons: HreflangReason[] = [];
    const tag = checkLanguageTag(link.hreflang);
    if (tag.reason) reasons.push(tag.reason);
    if (!link.hrefRaw.trim()) reasons.push('missing-href');
    else if (!isFullyQualified(link.hrefRaw)) reasons.push('relative');
    if (reasons.length === 0) continue;
    issues.push({
      hreflang: link.hreflang,
      href: link.hrefRaw,
      source: link.source,
      reasons,
      ...(tag.suggestion ? { suggestion: tag.suggestion } : {}),
      evidence: evidenceOf(link),
    });
  }
  return issues;
}
