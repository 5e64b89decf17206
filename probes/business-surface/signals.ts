// The signals that one candidate is a page of one kind: its path, the links pointing to it, its
// <title> and headings, phrases in its main text (code samples ignored unless the kind lives in
// code), its JSON-LD types and its address (status.example.com). Each signal is a KindEvidence with
// a weight (score.ts); a page's content only counts when a buyer can read it. Pure.
import type { Kind, KindEvidence, Page } from '../../src/contract/index.js';
import type { Candidate } from './candidates.js';
import { certificationHits } from './certifications.js';
import { codeTextOf, inCode } from './code-text.js';
import type { CommonLists, KeywordRegistry, KindRules, KindWords, LangLists } from './keywords.js';
import { MAX_ANCHOR_WORDS, WEIGHTS, round2 } from './score.js';
import { firstHit, matches, mayMatch, quoteAround, type Matcher } from './text-match.js';
import { pathSegments, shortLabel } from './url-parts.js';

/** Headings (and the title) longer than this are not names of a page; at most MAX_HEADINGS are read. */
const MAX_HEADING = 200;
const MAX_HEADINGS = 300;
const headingCache = new WeakMap<Page, Page['headings']>();

/** A page's distinct, short headings (first MAX_HEADINGS), computed once per page. */
function headingsOf(page: Page): Page['headings'] {
  let list = headingCache.get(page);
  if (!list) {
    const seen = new Set<string>();
    list = [];
    for (const h of page.headings) {
      const key = `${h.level}\u0000${h.text}`;
      if (!h.text || h.text.length > MAX_HEADING || seen.has(key)) continue;
      seen.add(key);
      list.push(h);
      if (list.length >= MAX_HEADINGS) break;
    }
    headingCache.set(page, list);
  }
  return list;
}

/** Main text beyond this is not searched (a huge page says what it is near the top). */
export const MAX_TEXT = 200_000;
const MAX_TEXT_HITS = 5;

export interface PageText {
  text: string;
  /** text.toLowerCase(), for mayMatch. */
  lower: string;
  /** Lazily extracted code-sample text of the page. */
  code(): string;
  /** Certification mentions on the page (for the compliance kind's text signal). */
  certifications: Array<{ name: string; index: number; match: string }>;
}

/** Main text (bounded) and its code samples, computed once per page. */
export function pageTextOf(html: string, mainText: string, common: CommonLists): PageText {
  const text = mainText.length > MAX_TEXT ? mainText.slice(0, MAX_TEXT) : mainText;
  let code: string | undefined;
  const codeOf = () => (code ??= codeTextOf(html));
  const certifications = certificationHits(text, common, (index, length) => inCode(text, index, length, codeOf()));
  return { text, lower: text.toLowerCase(), code: codeOf, certifications };
}

export interface SignalContext {
  registry: KeywordRegistry;
  origin: string;
  /** Text of a candidate's page, computed once (only for public crawled HTML pages). */
  textOf(cand: Candidate): PageText | null;
}

function quoteLabel(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function segmentsBlocked(segments: string[], words: KindWords): boolean {
  return segments.slice(0, -1).some((s) => words.notUnder.has(s));
}

function containsTokens(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The strongest path signal of one URL for one kind, or null. */
export function pathEvidence(url: string, segments: string[], words: KindWords, origin: string): KindEvidence | null {
  if (segments.length === 0) return null;
  const last = segments[segments.length - 1];
  const lastTokens = last.split('-').filter(Boolean);
  const inner = segments.slice(0, -1);
  let best = 0;
  for (const slug of words.paths) {
    if (last === slug.slug) best = Math.max(best, WEIGHTS.pathLast * slug.weight);
    else if (lastTokens.length > slug.tokens.length && containsTokens(lastTokens, slug.tokens)) best = Math.max(best, WEIGHTS.pathTokenLast * slug.weight);
    if (inner.includes(slug.slug)) best = Math.max(best, WEIGHTS.pathInner * slug.weight);
  }
  return best > 0 ? { url, signal: 'path', note: `path ${shortLabel(url, origin)}`, weight: round2(best) } : null;
}

export interface AnchorMatch {
  weight: number;
  exact: boolean;
}

/** Link-text verdicts by kind, language and text: nav links repeat on every page. */
export type AnchorCache = Map<string, AnchorMatch | null>;

/** How strongly one link text names the kind (exact beats contained). Cached by the caller. */
export function anchorMatch(label: string, text: string, matchers: readonly Matcher[]): AnchorMatch | null {
  let best: AnchorMatch | null = null;
  const short = label !== '' && label.split(' ').length <= MAX_ANCHOR_WORDS;
  for (const m of matchers) {
    let weight = 0;
    let exact = false;
    if (m.exact !== undefined && m.exact === label) {
      weight = WEIGHTS.anchorExact * m.weight;
      exact = true;
    } else if (short && matches(text, m)) {
      weight = WEIGHTS.anchorContains * m.weight;
    }
    if (weight > 0 && (!best || weight > best.weight)) best = { weight, exact };
  }
  return best;
}

/** The strongest heading or title signal of a page for one kind. */
function headingEvidence(cand: Candidate, lists: LangLists, kind: Kind): KindEvidence[] {
  const page = cand.page!;
  const matchers = lists.kinds[kind].headings;
  const out: KindEvidence[] = [];
  const url = page.finalUrl || page.url;
  const title = page.title?.slice(0, MAX_HEADING);
  if (title) {
    const w = Math.max(0, ...matchers.filter((m) => matches(title, m)).map((m) => m.weight));
    if (w > 0) out.push({ url, signal: 'title', note: `title '${quoteLabel(title)}'`, weight: round2(WEIGHTS.title * w) });
  }
  let best: KindEvidence | null = null;
  for (const h of headingsOf(page)) {
    const w = Math.max(0, ...matchers.filter((m) => matches(h.text, m)).map((m) => m.weight));
    const weight = round2((h.level === 1 ? WEIGHTS.h1 : WEIGHTS.heading) * w);
    if (weight > 0 && (!best || weight > best.weight)) best = { url, signal: 'heading', note: `heading '${quoteLabel(h.text)}'`, weight };
  }
  if (best) out.push(best);
  return out;
}

function textEvidence(cand: Candidate, text: PageText, lists: LangLists, common: CommonLists, kind: Kind): KindEvidence[] {
  const rules = common.kinds[kind];
  const url = cand.page!.finalUrl || cand.page!.url;
  const base = rules.textDecides ? WEIGHTS.textDecides : WEIGHTS.text;
  const reject = rules.codeCounts ? undefined : (index: number, length: number) => inCode(text.text, index, length, text.code());
  const out: KindEvidence[] = [];
  for (const m of lists.kinds[kind].text) {
    if (out.length >= MAX_TEXT_HITS) break;
    if (!mayMatch(text.lower, m)) continue;
    const hit = firstHit(text.text, m, reject);
    if (!hit) continue;
    out.push({ url, signal: 'text', note: `text: '${quoteLabel(hit.match)}'`, quote: quoteAround(text.text, hit.index, hit.match.length), weight: round2(base * m.weight) });
  }
  if (kind === 'compliance') {
    const seen = new Set<string>();
    for (const c of text.certifications) {
      if (seen.has(c.name) || seen.size >= MAX_TEXT_HITS) continue;
      seen.add(c.name);
      out.push({ url, signal: 'text', note: `text: '${quoteLabel(c.match)}'`, quote: quoteAround(text.text, c.index, c.match.length), weight: WEIGHTS.text });
    }
  }
  return out;
}

function jsonLdEvidence(cand: Candidate, types: KindRules['jsonLdTypes']): KindEvidence | null {
  if (types.length === 0) return null;
  for (const block of cand.page!.jsonLd) {
    for (const { type, re } of types) {
      if (re.test(block)) return { url: cand.page!.finalUrl || cand.page!.url, signal: 'structured-data', note: `JSON-LD @type ${type}`, weight: WEIGHTS.structuredData };
    }
  }
  return null;
}

/** Every signal that `cand` is a page of `kind` ([] when none, or when the kind cannot live there). */
export function kindEvidence(kind: Kind, cand: Candidate, ctx: SignalContext, anchorCache: AnchorCache): KindEvidence[] {
  const { registry, origin } = ctx;
  const rules = registry.common.kinds[kind];
  if (cand.auth && !rules.authPagesOk) return [];
  const lists = registry.forLang(cand.lang);
  const words = lists.kinds[kind];
  const urls = [cand.url];
  const readable = cand.page !== null && cand.access === 'public';
  if (readable && cand.page!.finalUrl && cand.page!.finalUrl !== cand.url) urls.push(cand.page!.finalUrl);
  const segmentsOf = urls.map((u) => pathSegments(u));
  // A page under /blog/ or /api/ is never the pricing page, whatever it says.
  if (segmentsOf.some((s) => segmentsBlocked(s, words))) return [];

  const evidence: KindEvidence[] = [];
  let path: KindEvidence | null = null;
  for (let i = 0; i < urls.length; i++) {
    const e = pathEvidence(urls[i], segmentsOf[i], words, origin);
    if (e && (!path || e.weight > path.weight)) path = e;
  }
  if (path) evidence.push(path);

  let anchor: KindEvidence | null = null;
  for (const group of cand.anchors) {
    if (!group.label) continue;
    const cacheKey = `${kind}\u0000${group.lang ?? ''}\u0000${group.label}`;
    let match = anchorCache.get(cacheKey);
    if (match === undefined) {
      match = anchorMatch(group.label, group.text, registry.forLang(group.lang).kinds[kind].anchors);
      anchorCache.set(cacheKey, match);
    }
    if (!match) continue;
    const weight = round2(group.self ? Math.min(match.weight, WEIGHTS.anchorSelf) : match.weight);
    if (!anchor || weight > anchor.weight) {
      const more = group.count > 1 ? ` (and ${group.count - 1} more page${group.count > 2 ? 's' : ''})` : '';
      const where = group.self ? 'on the page itself' : `on ${shortLabel(group.from[0], origin)}${more}`;
      anchor = { url: cand.url, signal: 'anchor', note: `anchor text '${quoteLabel(group.text)}' ${where}`, weight };
    }
  }
  if (anchor) evidence.push(anchor);

  for (const rule of rules.urls) {
    const hit = urls.find((u) => rule.re.test(u));
    if (hit) {
      evidence.push({ url: hit, signal: 'url', note: `address ${shortLabel(hit, origin)}`, weight: rule.weight });
      break;
    }
  }

  if (readable) {
    evidence.push(...headingEvidence(cand, registry.forLang(cand.page!.lang), kind));
    const text = ctx.textOf(cand);
    if (text) evidence.push(...textEvidence(cand, text, registry.forLang(cand.page!.lang), registry.common, kind));
    const ld = jsonLdEvidence(cand, rules.jsonLdTypes);
    if (ld) evidence.push(ld);
  }
  return evidence;
}
