// Finds the key buyer / developer pages of a portal — docs, API reference, pricing, sandbox, API
// specs, getting started, API keys — from URL paths and the text of the links that point to them.
// A key page may be gated before the crawl ever saw its content: the nav link "Pricing" to /pricing
// that redirects to /login is still the pricing page (its requested URL says so), so candidates are
// judged by the URL asked for, never the final one. Keyword lists are data
// (probes/gating/data/gating-key-pages.json). Pure.
import type { KeyKind, Page } from '../../src/contract/index.js';
import type { CompiledKeyKind, GatingRules } from './rules.js';
import { KEY_KINDS } from './types.js';

/** Link texts longer than this are sentences, not navigation labels. */
const MAX_LINK_TEXT = 80;
/** Strong (last segment, whole text, pattern) and weak (elsewhere) matches. */
const STRONG = 3;
const WEAK = 1;
/** `rel` values of `<link>` elements that point to a machine-readable API description (RFC 8631). */
const SPEC_LINK_RELS = /(^|\s)(service-desc|describedby)(\s|$)/i;

export interface KeyCandidate {
  kind: KeyKind;
  url: string;
  score: number;
  /** The crawled page at this URL (requested URL), when the crawl fetched it. */
  page?: Page;
  /** Click depth: the page's own, else one more than the shallowest page linking here. */
  depth: number | null;
  /** The link text that matched, if any. */
  text?: string;
}

function segmentsOf(url: string): string[] | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => {
        let decoded = s;
        try {
          decoded = decodeURIComponent(s);
        } catch {
          // Keep the raw segment.
        }
        return decoded.toLowerCase().replace(/_/g, '-').replace(/\.[a-z0-9]{1,8}$/, '');
      });
  } catch {
    return null;
  }
}

/** How well a URL path says "this is the kind's page" (0 when it does not). */
export function pathScore(url: string, kind: CompiledKeyKind): number {
  const segments = segmentsOf(url);
  if (!segments || segments.length === 0) return 0;
  let path = '/';
  try {
    path = new URL(url).pathname;
  } catch {
    return 0;
  }
  if (kind.pathPatterns.some((p) => p.test(path))) return STRONG;
  if (kind.segments.has(segments[segments.length - 1])) return STRONG;
  return segments.some((s) => kind.segments.has(s)) ? WEAK : 0;
}

/** How well a link text names the kind (0 when it does not). */
export function textScore(text: string, kind: CompiledKeyKind): number {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t || t.length > MAX_LINK_TEXT) return 0;
  if (kind.textExact.some((re) => re.test(t))) return STRONG;
  return kind.textAnywhere.some((re) => re.test(t)) ? WEAK : 0;
}

interface Link {
  text: string;
  fromDepth: number | null;
}

function minDepth(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function compare(a: KeyCandidate, b: KeyCandidate): number {
  return (
    b.score - a.score ||
    Number(Boolean(b.page)) - Number(Boolean(a.page)) ||
    (a.depth ?? Number.MAX_SAFE_INTEGER) - (b.depth ?? Number.MAX_SAFE_INTEGER) ||
    a.url.length - b.url.length ||
    (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)
  );
}

/**
 * Candidates per kind, best first. `exclude` holds URLs that are never key pages (the start page).
 * A URL is a candidate when its path or a link text pointing to it matches the kind.
 */
export function findKeyCandidates(pages: Page[], rules: GatingRules, exclude: Set<string> = new Set()): Record<KeyKind, KeyCandidate[]> {
  const byUrl = new Map<string, Page>();
  for (const p of pages) if (!byUrl.has(p.url)) byUrl.set(p.url, p);
  const links = new Map<string, Link[]>();
  const addLink = (href: string, text: string, fromDepth: number | null): void => {
    const list = links.get(href) ?? [];
    if (list.length < 50) list.push({ text, fromDepth });
    links.set(href, list);
  };
  for (const p of pages) {
    for (const a of p.anchors) addLink(a.href, a.text, p.depth);
    for (const l of p.linkTags) if (SPEC_LINK_RELS.test(l.rel) && /^https?:/i.test(l.href)) addLink(l.href, 'openapi', p.depth);
  }

  const urls = new Set<string>([...byUrl.keys(), ...links.keys()]);
  const result = Object.fromEntries(KEY_KINDS.map((k) => [k, [] as KeyCandidate[]])) as Record<KeyKind, KeyCandidate[]>;
  for (const url of urls) {
    if (exclude.has(url)) continue;
    const page = byUrl.get(url);
    const pageLinks = links.get(url) ?? [];
    const linkedDepth = pageLinks.reduce<number | null>((d, l) => minDepth(d, l.fromDepth === null ? null : l.fromDepth + 1), null);
    for (const kind of rules.keyKinds) {
      let best: { score: number; text?: string } = { score: 0 };
      for (const l of pageLinks) {
        const s = textScore(l.text, kind);
        if (s > best.score) best = { score: s, text: l.text };
      }
      const score = pathScore(url, kind) + best.score;
      if (score === 0) continue;
      const candidate: KeyCandidate = { kind: kind.kind, url, score, depth: minDepth(page?.depth ?? null, linkedDepth) };
      if (page) candidate.page = page;
      if (best.text) candidate.text = best.text;
      result[kind.kind].push(candidate);
    }
  }
  for (const kind of KEY_KINDS) result[kind].sort(compare);
  return result;
}
