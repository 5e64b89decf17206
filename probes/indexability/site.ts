// Page verdicts → the indexability facts of a site (the names docs/ARCHITECTURE.md §3 fixes: `noindexUrls`,
// `canonicalIssues`; the rest are ours). Canonical targets are judged here from what the caller
// learnt about them (a crawled page, a fetch, or nothing). Pure.
import { CANONICAL_ISSUE_KINDS, POINTS_ELSEWHERE, type CanonicalProblem } from './canonical.js';
import type { PageVerdict } from './page.js';
import type { CanonicalProblemFact, IndexabilityFacts } from '../../src/contract/index.js';

/** What is known about a canonical target URL. */
export type TargetCheck =
  | {
      checked: true;
      /** Final HTTP status (0: no response). */
      status: number;
      /** The target answered with a redirect before its final response. */
      redirected: boolean;
      /** The target says noindex to every crawler. */
      noindex: boolean;
      /** Error code when there was no response. */
      error?: string;
      via: 'crawl' | 'fetch';
    }
  | { checked: false; reason: 'robots' | 'limit' };

export interface SiteInput {
  verdicts: readonly PageVerdict[];
  /** Titles as written, per verdict URL (for duplicates). */
  titles: ReadonlyMap<string, string>;
  /** Every crawled URL with its status (any content type). */
  statuses: ReadonlyArray<{ url: string; status: number }>;
  targets: ReadonlyMap<string, TargetCheck>;
  robotsTxt: IndexabilityFacts['robotsTxt'];
}

/** The problems a canonical target adds (non-2xx, redirect, noindex). */
export function targetProblems(canonical: string, target: TargetCheck | undefined, evidence: string[]): CanonicalProblem[] {
  if (!target?.checked) return [];
  if (target.status < 200 || target.status >= 300) return [{ kind: 'target-error', canonical, evidence }];
  const problems: CanonicalProblem[] = [];
  if (target.redirected) problems.push({ kind: 'target-redirect', canonical, evidence });
  if (target.noindex) problems.push({ kind: 'target-noindex', canonical, evidence });
  return problems;
}

/** Every canonical problem of a page, its target's included. */
export function pageCanonicalProblems(verdict: PageVerdict, targets: ReadonlyMap<string, TargetCheck>): CanonicalProblem[] {
  const { canonical, self, problems } = verdict.canonical;
  if (!canonical || self) return problems;
  const evidence = problems[0]?.evidence ?? [];
  return [...problems, ...targetProblems(canonical, targets.get(canonical), evidence)];
}

export function summarizeSite(input: SiteInput): IndexabilityFacts {
  const { verdicts, targets } = input;
  const canonicalProblems: CanonicalProblemFact[] = [];
  const issuePages = new Set<string>();
  let indexable = 0;
  for (const v of verdicts) {
    const problems = pageCanonicalProblems(v, targets);
    for (const p of problems) {
      const fact: CanonicalProblemFact = { url: v.url, kind: p.kind };
      if (p.canonical !== undefined) fact.canonical = p.canonical;
      if (p.candidates) fact.candidates = p.candidates;
      if (p.kind === 'target-error' && p.canonical) {
        const t = targets.get(p.canonical);
        if (t?.checked) fact.status = t.status;
      }
      canonicalProblems.push(fact);
      if (CANONICAL_ISSUE_KINDS.has(p.kind)) issuePages.add(v.url);
    }
    const elsewhere = problems.some((p) => POINTS_ELSEWHERE.has(p.kind));
    if (v.robots.noindex.length === 0 && !v.crawlable.robotsTxtBlocked && !elsewhere) indexable++;
  }

  const byTitle = new Map<string, string[]>();
  for (const v of verdicts) {
    const title = input.titles.get(v.url)?.replace(/\s+/g, ' ').trim();
    if (title) byTitle.set(title, [...(byTitle.get(title) ?? []), v.url]);
  }

  const checked = [...targets.values()];
  return {
    pagesChecked: verdicts.length,
    indexableShare: verdicts.length === 0 ? null : Math.round((indexable / verdicts.length) * 1000) / 1000,
    noindexUrls: verdicts.filter((v) => v.robots.noindex.length > 0).map((v) => v.url),
    nofollowUrls: verdicts.filter((v) => v.robots.nofollow.length > 0).map((v) => v.url),
    snippetRestrictedUrls: verdicts
      .filter((v) => v.robots.snippet.directives.length > 0)
      .map((v) => ({ url: v.url, directives: v.robots.snippet.directives })),
    agentSpecificBlocks: verdicts.flatMap((v) =>
      v.robots.agentSpecific.map((a) => ({ url: v.url, agent: a.agent, directives: a.directives, blocksIndexing: a.blocksIndexing })),
    ),
    robotsTxt: input.robotsTxt,
    robotsTxtBlockedUrls: verdicts.filter((v) => v.crawlable.robotsTxtBlocked).map((v) => v.url),
    canonicalIssues: issuePages.size,
    canonicalProblems,
    canonicalTargets: {
      checked: checked.filter((t) => t.checked).length,
      notCheckedRobots: checked.filter((t) => !t.checked && t.reason === 'robots').length,
      notCheckedLimit: checked.filter((t) => !t.checked && t.reason === 'limit').length,
    },
    hreflangIssues: verdicts.flatMap((v) =>
      v.hreflang.map((h) => ({
        url: v.url, hreflang: h.hreflang, href: h.href, source: h.source, reasons: h.reasons,
        ...(h.suggestion ? { suggestion: h.suggestion } : {}),
      })),
    ),
    pagesWithoutTitle: verdicts.filter((v) => v.title.missing).map((v) => v.url),
    titleLengthIssues: verdicts.flatMap((v) =>
      v.title.tooShort || v.title.tooLong ? [{ url: v.url, length: v.title.length, kind: v.title.tooShort ? ('short' as const) : ('long' as const) }] : [],
    ),
    duplicateTitles: [...byTitle.entries()].filter(([, urls]) => urls.length > 1).map(([title, urls]) => ({ title, urls })),
    pagesWithoutDescription: verdicts.filter((v) => v.description.missing).map((v) => v.url),
    errorStatusUrls: input.statuses.filter((s) => s.status >= 400 && s.status <= 599),
  };
}
