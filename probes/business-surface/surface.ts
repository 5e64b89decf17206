// The business-surface read-out of one snapshot: for each kind of page a buyer looks for, the best
// candidate among crawled pages and linked URLs (signals.ts, score.ts), plus the facts read from
// those pages — SDK languages, certifications, community and support channels, pricing-model hints.
// Also the newest date written on the changelog and blog pages, with its age at the audit start.
// Reads only the snapshot: nothing is fetched, off-site links are judged by address and link text.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { DateQuote, Kind, KindEvidence, KindResult, Snapshot } from '../../src/contract/index.js';
import { AbortedError } from '../../src/errors.js';
import { buildCandidates, type Candidate } from './candidates.js';
import { collectCertifications } from './certifications.js';
import { ageInDays, newestDateInText } from './dates.js';
import { pickCommunityChannels } from './community.js';
import type { KeywordRegistry } from './keywords.js';
import { pricingHints, type PricingPage } from './pricing-model.js';
import { combine, decide, FOUND_AT, type Scored } from './score.js';
import { detectSdkLanguages } from './sdk-languages.js';
import { kindEvidence, pageTextOf, type AnchorCache, type PageText, type SignalContext } from './signals.js';
import { collectSupportChannels } from './support-channels.js';
import { KINDS, type SurfaceFacts } from './types.js';
import { brandOf, hostOf, parseUrl, urlKey } from './url-parts.js';
import { isHtmlType } from '../../src/crawl/page-views.js';

/** Weight of a GitHub organisation picked as the portal's own (community.ts). */
const GITHUB_CHANNEL_WEIGHT = 0.5;
/** Candidates scored between two yields to the event loop. */
const YIELD_EVERY = 25;

export interface AnalyzeOptions {
  signal?: AbortSignal;
}

function scoredOf(cand: Candidate, evidence: KindEvidence[], textDecides: boolean): Scored {
  return {
    url: cand.access === 'public' && cand.page ? cand.page.finalUrl || cand.url : cand.url,
    access: cand.access,
    reason: cand.reason,
    external: cand.external,
    read: cand.page !== null && cand.access === 'public',
    confidence: combine(evidence, textDecides),
    evidence,
    depth: (parseUrl(cand.url)?.pathname.split('/').filter(Boolean).length ?? 0) + (cand.page ? 0 : 0.5),
  };
}

/** Readable pages (final URLs) of a kind: the verdict's page and the others over the threshold. */
function urlsOf(result: KindResult): Set<string> {
  return new Set(result.found && !result.linkedOnly && result.url ? [result.url, ...result.otherUrls] : []);
}

interface PageDate {
  date: string | null;
  ageDays: number | null;
  quote: DateQuote | null;
}

/** The newest date on the kind's page when it was read (main text, else all visible text). */
function newestDateOf(cands: Candidate[], startedAt: string): PageDate {
  const page = cands[0]?.page;
  if (!page) return { date: null, ageDays: null, quote: null };
  const start = Date.parse(startedAt);
  const found = newestDateInText(page.mainText || page.visibleText, { notAfterMs: Number.isFinite(start) ? start : Number.POSITIVE_INFINITY });
  if (!found.newest) return { date: null, ageDays: null, quote: null };
  const age = ageInDays(found.newest, startedAt);
  return {
    date: found.newest,
    ageDays: age?.days ?? null,
    quote: { url: page.finalUrl || page.url, quote: found.quote ?? found.newest, dates: found.count, future: age?.future ?? false },
  };
}

export async function analyzeSurface(snapshot: Snapshot, registry: KeywordRegistry, options: AnalyzeOptions = {}): Promise<SurfaceFacts> {
  const { candidates } = buildCandidates(snapshot, registry);
  const texts = new Map<Candidate, PageText | null>();
  const textOf = (cand: Candidate): PageText | null => {
    let t = texts.get(cand);
    if (t === undefined) {
      const page = cand.page;
      t = page && cand.access === 'public' && isHtmlType(page.contentType) && page.mainText ? pageTextOf(page.html, page.mainText, registry.common) : null;
      texts.set(cand, t);
    }
    return t;
  };
  const ctx: SignalContext = { registry, origin: snapshot.origin, textOf };
  const anchorCache: AnchorCache = new Map();

  const scored = new Map<Kind, Scored[]>(KINDS.map((k) => [k, []]));
  let sinceYield = 0;
  for (const cand of candidates) {
    if (options.signal?.aborted) throw new AbortedError(snapshot.origin, options.signal.reason);
    for (const kind of KINDS) {
      const evidence = kindEvidence(kind, cand, ctx, anchorCache);
      if (evidence.length > 0) scored.get(kind)!.push(scoredOf(cand, evidence, registry.common.kinds[kind].textDecides));
    }
    // Page text matching is synchronous work; let timers and progress run now and then.
    if (cand.page && ++sinceYield >= YIELD_EVERY) {
      sinceYield = 0;
      await yieldToLoop();
    }
  }

  const brand = brandOf(hostOf(snapshot.finalUrl || snapshot.startUrl));
  const community = pickCommunityChannels(candidates, registry.common, brand);
  if (community.github) {
    const list = scored.get('community')!;
    const key = urlKey(community.github.url);
    const evidence: KindEvidence = { url: community.github.url, signal: 'channel', note: community.github.note, weight: GITHUB_CHANNEL_WEIGHT };
    const existing = list.find((s) => urlKey(s.url) === key);
    if (existing) {
      existing.evidence.push(evidence);
      existing.confidence = combine(existing.evidence);
    } else {
      list.push({ url: community.github.url, access: 'linked', reason: null, external: true, read: false, confidence: combine([evidence]), evidence: [evidence], depth: 1.5 });
    }
  }

  const pages = {} as Record<Kind, KindResult>;
  for (const kind of KINDS) pages[kind] = decide(scored.get(kind)!, registry.common.kinds[kind].authPagesOk);

  const readable = candidates.filter((c) => c.page !== null && c.access === 'public' && isHtmlType(c.page.contentType));
  const byFinalUrl = new Map(readable.map((c) => [c.page!.finalUrl || c.url, c]));
  const readableOf = (kind: Kind) => [...urlsOf(pages[kind])].map((u) => byFinalUrl.get(u)).filter((c): c is Candidate => c !== undefined);
  const homeCand = readable.find((c) => [snapshot.finalUrl, snapshot.startUrl].some((u) => u && (urlKey(u) === c.key || urlKey(u) === urlKey(c.page!.finalUrl))));
  const homeUrl = homeCand ? homeCand.page!.finalUrl || homeCand.url : null;

  const sdk = detectSdkLanguages({
    sdkPages: readableOf('sdks'),
    installPages: readableOf('gettingStarted'),
    candidates,
    textOf,
    registry,
    origin: snapshot.origin,
    githubOwner: community.githubOwner,
    brand,
  });

  const withText = readable.map((cand) => ({ cand, text: textOf(cand) })).filter((p): p is { cand: Candidate; text: PageText } => p.text !== null);
  const certs = collectCertifications({ pages: withText, complianceUrls: urlsOf(pages.compliance), registry });

  const supportRules = registry.common.kinds.support.urls;
  const support = collectSupportChannels({
    pages: readable,
    supportUrls: urlsOf(pages.support),
    homeUrl,
    helpCenters: candidates.filter((c) => c.anchors.some((g) => !g.self) && supportRules.some((r) => r.re.test(c.url))),
    textOf,
    registry,
  });

  // Pricing-model hints: the pricing and free-tier pages first, then any readable page with some
  // pricing signal, then the home page.
  const pricingOrder: Candidate[] = [...readableOf('pricing'), ...readableOf('freeTier')];
  for (const kind of ['pricing', 'freeTier'] as const) {
    for (const s of scored.get(kind)!) {
      const c = byFinalUrl.get(s.url);
      if (c && s.confidence >= FOUND_AT / 2 && s.read) pricingOrder.push(c);
    }
  }
  if (homeCand) pricingOrder.push(homeCand);
  const pricingPages: PricingPage[] = [];
  for (const c of new Set(pricingOrder)) {
    const text = textOf(c);
    if (text) pricingPages.push({ url: c.page!.finalUrl || c.url, text, lists: registry.forLang(c.page!.lang) });
  }

  // The verdict's own page only (readableOf puts it first): other candidates may be posts that merely mention a changelog.
  const primary = (kind: Kind) => readableOf(kind).filter((c) => (c.page!.finalUrl || c.url) === pages[kind].url);
  const changelogDate = pages.changelog.status === 'found' ? newestDateOf(primary('changelog'), snapshot.startedAt) : newestDateOf([], '');
  const blogDate = pages.blog.status === 'found' ? newestDateOf(primary('blog'), snapshot.startedAt) : newestDateOf([], '');

  const langs = new Set<string>();
  for (const c of readable) for (const l of registry.forLang(c.page!.lang).langs) langs.add(l);
  if (langs.size === 0) langs.add('en');

  return {
    pagesChecked: readable.length,
    linksChecked: candidates.filter((c) => c.page === null).length,
    languages: [...langs],
    pages,
    foundKinds: KINDS.filter((k) => pages[k].status === 'found'),
    missingKinds: KINDS.filter((k) => pages[k].status === 'missing'),
    gatedKinds: KINDS.filter((k) => pages[k].status === 'gated'),
    brokenKinds: KINDS.filter((k) => pages[k].status === 'broken'),
    sdkLanguages: sdk.languages,
    sdkEvidence: sdk.evidence,
    certifications: certs.names,
    certificationEvidence: certs.evidence,
    communityChannels: community.channels,
    supportChannels: support,
    pricingModel: pricingHints(pricingPages),
    changelogNewestDate: changelogDate.date,
    changelogNewestAgeDays: changelogDate.ageDays,
    blogNewestDate: blogDate.date,
    blogNewestAgeDays: blogDate.ageDays,
    dateQuotes: { changelog: changelogDate.quote, blog: blogDate.quote },
  };
}
