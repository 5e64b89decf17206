// Probe `indexability`: can search engines and answer engines index each crawled page as itself?
// Robots rules in meta tags and X-Robots-Tag (generic and per crawler), robots.txt, rel=canonical
// (in the head and the Link header, with its target's status), hreflang, title, meta description and
// HTTP status — judged as Google documents and Lighthouse's SEO audits implement (probes/indexability).
// Fetches: /robots.txt per origin (shared with the robots probe through the audit cache) and
// canonical targets the crawl did not fetch, at most ctx.options.maxLinkChecks of them.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { type CanonicalKind, defineProbe, type Finding, type HreflangReason, type IndexabilityFacts, type ProbeContext, type Severity, type Snapshot } from '../../src/contract/index.js';
import { htmlPages } from '../../src/crawl/page-views.js';
import { AbortedError } from '../../src/errors.js';
import { decodeBody } from '../../src/fetch/decode.js';
import { judgePage, type PageVerdict } from './page.js';
import { TITLE_MAX, TITLE_MIN } from './page-text.js';
import { SEARCH_AGENT_NAMES } from './robots-rules.js';
import { pageCanonicalProblems, summarizeSite, type TargetCheck } from './site.js';
import { checkTargets, type KnownPage } from './targets.js';
import { AI_AGENTS } from '../../src/robots/ai-agents.js';
import { robotsFromResponse, robotsOutcome, type RobotsFile } from '../../src/robots/index.js';

const TEXT = {
  title: 'Indexability (robots rules, canonical, hreflang, titles)',
  description:
    'Checks every crawled page for noindex / nofollow / nosnippet rules (meta robots, agent-specific metas such as googlebot or GPTBot, X-Robots-Tag), robots.txt blocks, rel=canonical mistakes and broken canonical targets, invalid hreflang, missing titles and descriptions, and error statuses.',
  noindex: 'This page tells every search engine and answer engine not to index it.',
  noindexHome: 'The home page tells every search engine and answer engine not to index it.',
  noindexAll: (n: number) => `All ${n} checked page(s) say noindex: the portal cannot appear in search results or AI answers.`,
  robotsBlocked: 'robots.txt closes this page to search crawlers (Googlebot, bingbot, DuckDuckBot, archive.org_bot and *), so they cannot read it.',
  nofollow: 'This page tells crawlers not to follow its links, so pages reached only through it may never be found.',
  snippet: 'This page forbids text snippets, so search results and AI answers cannot quote it.',
  agentNoindex: (agent: string) => `This page tells ${agent} not to index it (other crawlers may).`,
  agentOther: (agent: string) => `This page withholds something from ${agent} only.`,
  canonical: {
    invalid: 'The canonical URL is not a valid http(s) URL, so search engines ignore it.',
    relative: 'The canonical URL is relative; use an absolute URL (Lighthouse fails relative canonicals).',
    conflict: 'The page declares several different canonical URLs, so search engines may ignore them all.',
    hreflang: 'The canonical points to another language version of the page instead of the page itself.',
    root: 'The canonical points to the home page, so this page asks not to be indexed in its own right.',
    'cross-origin': 'The canonical points to another site: search engines will index that copy instead of this page.',
    'other-page': 'The canonical names another URL: this page asks to be indexed under that URL instead.',
    missing: 'No rel=canonical.',
    'target-error': 'The canonical points to a URL that does not answer 2xx, so search engines ignore it or drop the page.',
    'target-redirect': 'The canonical points to a URL that redirects; point it at the final URL.',
    'target-noindex': 'The canonical points to a page that says noindex: conflicting signals.',
  } satisfies Record<CanonicalKind, string>,
  noCanonical: (n: number, total: number) => `${n} of ${total} checked page(s) have no rel=canonical (optional, but it settles which URL is indexed).`,
  targetsUnchecked: (n: number, max: number) => `${n} canonical target(s) were not fetched (limit of ${max} checks).`,
  targetsRobots: (n: number) => `${n} canonical target(s) not checked (robots.txt).`,
  hreflang: (reasons: HreflangReason[], suggestion?: string) =>
    `Invalid hreflang link (${reasons.map((r) => HREFLANG_REASON[r]).join('; ')})${suggestion ? `: use ${suggestion}` : ''}.`,
  noTitle: 'The page has no <title>: search results and AI answers show no usable name for it.',
  titleShort: (n: number) => `The title is very short (${n} characters, under ${TITLE_MIN}); search engines may replace it.`,
  titleLong: (n: number) => `The title is long (${n} characters, over ${TITLE_MAX}); search results cut it.`,
  duplicateTitle: (n: number) => `${n} pages share this title, so search results cannot tell them apart.`,
  noDescription: 'The page has no meta description (or an empty one): search results and answer engines have no summary to show.',
  errorStatus: (status: number) => `The page answers HTTP ${status}.`,
  headTruncated: 'The page head is larger than portalprobe reads (256 KiB or 500 links/metas); elements past that point were not checked.',
  more: (n: number, what: string) => `${n} more ${what} not listed here (see facts).`,
} as const;

const HREFLANG_REASON: Record<HreflangReason, string> = {
  language: 'unknown language code',
  region: 'unknown or obsolete region code',
  relative: 'href is not a fully qualified URL',
  'missing-href': 'no href',
};

const CANONICAL_SEVERITY: Record<CanonicalKind, Severity> = {
  invalid: 'warning', relative: 'warning', conflict: 'warning', hreflang: 'warning', root: 'warning', 'cross-origin': 'warning',
  'target-error': 'error', 'target-redirect': 'warning', 'target-noindex': 'warning', 'other-page': 'info', missing: 'info',
};

const MAX_FINDINGS_PER_KIND = 10;

/** Lower-cased crawler tokens whose meta tags count: search engines' and ai.robots.txt's AI agents. */
export const KNOWN_AGENTS: ReadonlySet<string> = new Set([
  ...SEARCH_AGENT_NAMES,
  ...AI_AGENTS.agents.flatMap((a) => {
    const name = a.agent.toLowerCase();
    return name.includes('/') ? [name, name.split('/')[0]] : [name];
  }),
]);

function isHome(url: string, snapshot: Snapshot): boolean {
  const bare = (u: string) => {
    try {
      return new URL(u).href;
    } catch {
      return u;
    }
  };
  return [snapshot.finalUrl, snapshot.startUrl].filter(Boolean).some((t) => bare(t) === bare(url));
}

function capped(findings: Finding[], what: string): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_KIND) return findings;
  const rest = findings.length - MAX_FINDINGS_PER_KIND;
  return [...findings.slice(0, MAX_FINDINGS_PER_KIND), { severity: 'info', message: TEXT.more(rest, what) }];
}

/** robots.txt of each origin: the parsed file (null when there was no response) and its state. */
async function robotsByOrigin(ctx: ProbeContext<'fetch'>, origins: string[]) {
  const out = new Map<string, { robots: RobotsFile | null; state: IndexabilityFacts['robotsTxt'] }>();
  for (const origin of origins) {
    const res = await ctx.fetch(`${origin}/robots.txt`, { signal: ctx.signal });
    if (res.status === 0) {
      if (res.error?.code === 'PP_ERR_ABORTED') throw new AbortedError(origin, ctx.signal.reason);
      out.set(origin, { robots: null, state: 'not-checked' });
      continue;
    }
    const outcome = robotsOutcome(res.status);
    const state = outcome === 'parsed' ? 'parsed' : outcome === 'unavailable' ? 'missing' : 'unreachable';
    out.set(origin, { robots: robotsFromResponse(res.status, outcome === 'parsed' ? decodeBody(res.body, res.headers['content-type']) : null), state });
  }
  return out;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

export function findingsFor(facts: IndexabilityFacts, verdicts: readonly PageVerdict[], targets: ReadonlyMap<string, TargetCheck>, snapshot: Snapshot, maxChecks: number): Finding[] {
  const findings: Finding[] = [];
  const list = (what: string, items: Finding[]) => findings.push(...capped(items, what));

  if (verdicts.length > 0 && facts.noindexUrls.length === verdicts.length) {
    findings.push({ severity: 'error', message: TEXT.noindexAll(verdicts.length), url: verdicts[0].url, evidence: verdicts[0].robots.noindex.join('; ') });
  }
  list(
    'noindex page(s)',
    verdicts.filter((v) => v.robots.noindex.length > 0).map((v) => {
      const home = isHome(v.url, snapshot);
      return { severity: home ? 'error' : 'warning', message: home ? TEXT.noindexHome : TEXT.noindex, url: v.url, evidence: v.robots.noindex.join('; ') };
    }),
  );
  list(
    'robots.txt-blocked page(s)',
    verdicts.filter((v) => v.crawlable.robotsTxtBlocked).map((v) => ({
      severity: 'warning', message: TEXT.robotsBlocked, url: v.url, evidence: v.crawlable.robotsTxtEvidence ?? 'robots.txt',
    })),
  );
  list('nofollow page(s)', verdicts.filter((v) => v.robots.nofollow.length > 0).map((v) => ({ severity: 'info', message: TEXT.nofollow, url: v.url, evidence: v.robots.nofollow.join('; ') })));
  list('nosnippet page(s)', verdicts.filter((v) => v.robots.snippet.evidence.length > 0).map((v) => ({ severity: 'warning', message: TEXT.snippet, url: v.url, evidence: v.robots.snippet.evidence.join('; ') })));
  list(
    'agent-specific rule(s)',
    verdicts.flatMap((v) =>
      v.robots.agentSpecific.map((a): Finding => ({
        severity: a.blocksIndexing ? 'warning' : 'info',
        message: a.blocksIndexing ? TEXT.agentNoindex(a.agent) : TEXT.agentOther(a.agent),
        url: v.url,
        evidence: a.evidence.join('; '),
      })),
    ),
  );

  let missing = 0;
  const canonical: Finding[] = [];
  for (const v of verdicts) {
    for (const p of pageCanonicalProblems(v, targets)) {
      if (p.kind === 'missing') {
        missing++;
        continue;
      }
      let evidence = p.evidence.join('; ');
      if (p.kind === 'target-error' && p.canonical) {
        const t = targets.get(p.canonical);
        if (t?.checked) evidence += ` → ${t.status === 0 ? `no response (${t.error ?? 'failed'})` : `HTTP ${t.status}`}`;
      }
      canonical.push({ severity: CANONICAL_SEVERITY[p.kind], message: TEXT.canonical[p.kind], url: v.url, evidence });
    }
  }
  // Mistakes first, then notes, so the cap never hides a mistake behind notes.
  canonical.sort((a, b) => Number(a.severity === 'info') - Number(b.severity === 'info'));
  list('canonical observation(s)', canonical);
  if (missing > 0) findings.push({ severity: 'info', message: TEXT.noCanonical(missing, verdicts.length) });
  if (facts.canonicalTargets.notCheckedLimit > 0) findings.push({ severity: 'info', message: TEXT.targetsUnchecked(facts.canonicalTargets.notCheckedLimit, maxChecks) });
  if (facts.canonicalTargets.notCheckedRobots > 0) findings.push({ severity: 'info', message: TEXT.targetsRobots(facts.canonicalTargets.notCheckedRobots) });

  list('hreflang issue(s)', verdicts.flatMap((v) => v.hreflang.map((h): Finding => ({ severity: 'warning', message: TEXT.hreflang(h.reasons, h.suggestion), url: v.url, evidence: h.evidence }))));
  list('page(s) without a title', facts.pagesWithoutTitle.map((url): Finding => ({ severity: 'warning', message: TEXT.noTitle, url, evidence: 'no <title>' })));
  list(
    'title length note(s)',
    verdicts.flatMap((v): Finding[] =>
      v.title.tooShort || v.title.tooLong
        ? [{ severity: 'info', message: v.title.tooShort ? TEXT.titleShort(v.title.length) : TEXT.titleLong(v.title.length), url: v.url }]
        : [],
    ),
  );
  list('duplicate title(s)', facts.duplicateTitles.map((d): Finding => ({ severity: 'info', message: TEXT.duplicateTitle(d.urls.length), url: d.urls[0], evidence: `<title>${d.title}</title> on ${d.urls.join(', ')}` })));
  list(
    'page(s) without a description',
    verdicts.filter((v) => v.description.missing).map((v): Finding => ({
      severity: 'warning', message: TEXT.noDescription, url: v.url,
      evidence: v.description.empty ? `<meta name="description" content="${v.description.content ?? ''}">` : 'no <meta name="description">',
    })),
  );
  list('oversized head(s)', verdicts.filter((v) => v.headTruncated).map((v): Finding => ({ severity: 'info', message: TEXT.headTruncated, url: v.url })));
  list('error status(es)', facts.errorStatusUrls.map((e): Finding => ({ severity: e.status >= 500 ? 'error' : 'warning', message: TEXT.errorStatus(e.status), url: e.url, evidence: `HTTP ${e.status}` })));
  return findings;
}

export const indexabilityProbe = defineProbe<IndexabilityFacts>()({
  id: 'indexability',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages', 'fetch'],
  async run(ctx) {
    const { snapshot } = ctx;
    const now = new Date();
    const pages = htmlPages(snapshot);
    const robots = await robotsByOrigin(ctx, [...new Set(pages.map((p) => originOf(p.finalUrl || p.url)).filter(Boolean))]);

    const verdicts: PageVerdict[] = [];
    const titles = new Map<string, string>();
    for (const page of pages) {
      if (ctx.signal.aborted) throw new AbortedError(snapshot.origin, ctx.signal.reason);
      const url = page.finalUrl || page.url;
      verdicts.push(
        judgePage(
          { url, headers: page.headers, html: page.html, title: page.title, meta: page.meta.flatMap((m) => (m.name ? [{ name: m.name, content: m.content }] : [])) },
          { robots: robots.get(originOf(url))?.robots ?? null, now, knownAgents: KNOWN_AGENTS },
        ),
      );
      if (page.title) titles.set(url, page.title);
      // Parsing is synchronous; let timers and progress run between pages.
      await yieldToLoop();
    }

    const noindexByUrl = new Map(verdicts.map((v) => [v.url, v.robots.noindex.length > 0]));
    // Every crawled URL, failed ones included: a URL the crawl holds is never fetched again.
    const known: KnownPage[] = snapshot.pages.map((p) => ({
      url: p.url, finalUrl: p.finalUrl || p.url, status: p.status, noindex: noindexByUrl.get(p.finalUrl || p.url) ?? false,
      ...(p.error ? { error: p.error.code } : {}),
    }));
    const targetUrls = verdicts.flatMap((v) => (v.canonical.canonical && !v.canonical.self ? [v.canonical.canonical] : []));
    const targets = await checkTargets(targetUrls, known, {
      fetch: ctx.fetch,
      limit: ctx.options.maxLinkChecks,
      signal: ctx.signal,
      skippedByRobots: snapshot.skippedByRobots,
      knownAgents: KNOWN_AGENTS,
      now,
    });

    const states = [...robots.values()].map((r) => r.state);
    const robotsTxt: IndexabilityFacts['robotsTxt'] = (['unreachable', 'parsed', 'missing', 'not-checked'] as const).find((s) => states.includes(s)) ?? 'not-checked';
    const statuses = new Map<string, number>();
    for (const p of snapshot.pages) if (p.status > 0 && !statuses.has(p.finalUrl || p.url)) statuses.set(p.finalUrl || p.url, p.status);
    const facts = summarizeSite({ verdicts, titles, statuses: [...statuses].map(([url, status]) => ({ url, status })), targets, robotsTxt });
    return { facts, findings: findingsFor(facts, verdicts, targets, snapshot, ctx.options.maxLinkChecks) };
  },
});

export default indexabilityProbe;
