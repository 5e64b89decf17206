// The candidates of the business-surface probe: every crawled page, and every URL the crawled pages
// link to that the crawl did not fetch (off-site pages, pages past the crawl limits). Each carries
// the links that point to it — grouped by link text, so a nav link repeated on 200 pages is judged
// once — and whether a buyer can read it (access.ts). Pure.
import type { Page, Snapshot } from '../../src/contract/index.js';
import { pageAccess, type Access } from './access.js';
import type { KeywordRegistry } from './keywords.js';
import { normalizeLabel } from './text-match.js';
import { isAuthUrl, parseUrl, urlKey } from './url-parts.js';
import { isHtmlType } from '../../src/crawl/page-views.js';

/** 'linked': a URL only seen in links (not crawled). */
export type CandidateAccess = Access | 'linked';

/** Links with the same text (and page language) pointing to one candidate. */
export interface AnchorGroup {
  text: string;
  /** normalizeLabel(text). */
  label: string;
  lang: string | null;
  /** Pages the link is on (up to MAX_FROM), in crawl order. */
  from: string[];
  /** How many pages carry it in all. */
  count: number;
  /** The link is on the page it points to (an in-page link or the page's own nav entry). */
  self: boolean;
}

export interface Candidate {
  key: string;
  /** The URL asked for (the page's url, or the link target). */
  url: string;
  /** The crawled page, null for link-only candidates. */
  page: Page | null;
  access: CandidateAccess;
  /** Why the page is not public ("HTTP 404", "redirects to /login"); null when public or only linked. */
  reason: string | null;
  /** On another host than the audited portal. */
  external: boolean;
  /** The URL itself is a sign-in / sign-up page. */
  auth: boolean;
  anchors: AnchorGroup[];
  /** Language of the page, or of the first page linking to it. */
  lang: string | null;
}

const MAX_FROM = 5;
/** Link text beyond this is a paragraph, not a name; it is only kept for display. */
const MAX_LABEL = 200;

/** A link-only URL as reported: its query (tracking, "new topic" forms …) dropped. */
function withoutQuery(url: string): string {
  const u = parseUrl(url);
  if (!u) return url;
  u.search = '';
  return u.href;
}

function isHttp(url: string): boolean {
  const u = parseUrl(url);
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:');
}

export interface CandidateSet {
  candidates: Candidate[];
  /** Candidates by key (aliases: a redirect's final URL maps to the page that redirected there). */
  byKey: Map<string, Candidate>;
}

export function buildCandidates(snapshot: Snapshot, registry: KeywordRegistry): CandidateSet {
  const ownOrigins = new Set([snapshot.origin, parseUrl(snapshot.startUrl)?.origin, parseUrl(snapshot.finalUrl)?.origin].filter(Boolean) as string[]);
  const isExternal = (url: string) => !ownOrigins.has(parseUrl(url)?.origin ?? '');
  const byKey = new Map<string, Candidate>();
  const candidates: Candidate[] = [];
  const robotsSkipped = new Set(snapshot.skippedByRobots.map(urlKey));

  for (const page of snapshot.pages) {
    const key = urlKey(page.url);
    if (byKey.has(key)) continue;
    const lists = registry.forLang(page.lang);
    const verdict = pageAccess(page, snapshot.origin, registry.common, lists);
    const cand: Candidate = {
      key,
      url: page.url,
      page,
      access: verdict.access,
      reason: verdict.reason,
      external: isExternal(page.url),
      auth: isAuthUrl(page.url, registry.common.authUrls),
      anchors: [],
      lang: page.lang,
    };
    byKey.set(key, cand);
    candidates.push(cand);
  }
  // Links to a redirect's final URL are links to the page that got there (only public ones: a
  // redirect to the login page must not make every "Sign in" link a link to /pricing).
  for (const cand of [...candidates]) {
    const final = cand.page?.finalUrl;
    if (!final || cand.access !== 'public') continue;
    const finalKey = urlKey(final);
    if (!byKey.has(finalKey)) byKey.set(finalKey, cand);
  }

  const groups = new Map<Candidate, Map<string, AnchorGroup>>();
  for (const page of snapshot.pages) {
    if (!isHtmlType(page.contentType) || page.anchors.length === 0) continue;
    const from = page.finalUrl || page.url;
    const ownKey = urlKey(page.url);
    const ownFinalKey = urlKey(from);
    for (const anchor of page.anchors) {
      if (!isHttp(anchor.href)) continue;
      const key = urlKey(anchor.href);
      let cand = byKey.get(key);
      if (!cand) {
        cand = {
          key,
          url: withoutQuery(anchor.href),
          page: null,
          access: robotsSkipped.has(key) ? 'unchecked' : 'linked',
          reason: robotsSkipped.has(key) ? 'not checked (robots.txt)' : null,
          external: isExternal(anchor.href),
          auth: isAuthUrl(anchor.href, registry.common.authUrls),
          anchors: [],
          lang: page.lang,
        };
        byKey.set(key, cand);
        candidates.push(cand);
      }
      let byLabel = groups.get(cand);
      if (!byLabel) {
        byLabel = new Map();
        groups.set(cand, byLabel);
      }
      const label = normalizeLabel(anchor.text.slice(0, MAX_LABEL));
      const self = key === ownKey || key === ownFinalKey || cand === byKey.get(ownKey);
      const groupKey = `${page.lang ?? ''}\u0000${label}\u0000${self ? 1 : 0}`;
      const group = byLabel.get(groupKey);
      if (group) {
        if (group.from[group.from.length - 1] !== from) {
          group.count++;
          if (group.from.length < MAX_FROM) group.from.push(from);
        }
      } else {
        byLabel.set(groupKey, { text: anchor.text, label, lang: page.lang, from: [from], count: 1, self });
      }
    }
  }
  for (const [cand, byLabel] of groups) cand.anchors = [...byLabel.values()];
  return { candidates, byKey };
}
