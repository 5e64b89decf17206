// Turns per-page verdicts and key pages into the gating facts (docs/ARCHITECTURE.md §3: `gatedUrls`,
// `loginWall`, plus the evidence that supports them). Decisions made here, on purpose:
// - `gatedUrls` holds login / registration walls of every kind, `partial` included; bot blocks are
//   listed apart (`botBlockedUrls`): their remedy is the WAF's bot policy, not publishing content.
// - `gatedShare` = gated pages / assessed pages, where assessed pages are ordinary pages that
//   answered (the portal's own sign-in pages, 404s, 5xx and network failures are neither open nor gated).
// - `loginWall` is true when the start page or the documentation itself (docs, API reference,
//   getting started) is fully gated, or when fully gated pages are more than half of the assessed
//   ones. A `partial` page is still readable, so it never makes a login wall on its own.
// Pure.
import { withoutQuery } from './login-url.js';
import { FULL_LOGIN_GATES, KEY_KINDS, type PageVerdict } from './types.js';
import type { GateReason, GatingFacts, KeyKind, KeyPage, LoginWallCause } from '../../src/contract/index.js';

/** Kinds whose gating means the documentation itself is behind a login. */
export const DOC_KINDS: readonly KeyKind[] = ['docs', 'reference', 'gettingStarted'];
/** Gated pages listed with evidence in the facts (the report stays small; gatedUrls lists them all). */
export const MAX_PAGE_ENTRIES = 50;

/** The facts summarize() decides; the probe adds how many key pages it fetched itself. */
export type GatingSummary = Omit<GatingFacts, 'keyPagesFetched'>;

export interface SummaryInput {
  verdicts: PageVerdict[];
  keyPages: Record<KeyKind, KeyPage | null>;
  /** The audit's start URL (the crawl's first page). */
  startUrl: string;
  /** Login destinations seen elsewhere (sign-in links on gated pages). */
  extraLoginUrls?: string[];
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

export function isLoginGate(gate: PageVerdict['gate'] | null): boolean {
  return gate !== null && gate !== 'open' && gate !== 'bot-blocked';
}

export function summarize(input: SummaryInput): GatingSummary {
  const { verdicts, keyPages } = input;
  const assessed = verdicts.filter((v) => v.role === 'content');
  const gatedVerdicts = assessed.filter((v) => isLoginGate(v.gate));
  const fullyGated = assessed.filter((v) => FULL_LOGIN_GATES.has(v.gate));
  const botBlocked = assessed.filter((v) => v.gate === 'bot-blocked');

  const gateCounts: Partial<Record<GateReason, number>> = {};
  for (const v of assessed) if (v.gate !== 'open') gateCounts[v.gate] = (gateCounts[v.gate] ?? 0) + 1;

  const loginUrls = new Set<string>();
  for (const v of verdicts) {
    if (v.evidence.loginUrl) loginUrls.add(v.evidence.loginUrl);
    if (v.role === 'login-page') loginUrls.add(withoutQuery(v.finalUrl));
  }
  for (const url of input.extraLoginUrls ?? []) loginUrls.add(withoutQuery(url));

  const gatedKeyPages = KEY_KINDS.filter((k) => keyPages[k]?.gated === true);
  const because: LoginWallCause[] = [];
  const start = verdicts.find((v) => v.url === input.startUrl) ?? verdicts[0];
  if (start && FULL_LOGIN_GATES.has(start.gate)) because.push('start');
  for (const kind of DOC_KINDS) {
    const gate = keyPages[kind]?.gate ?? null;
    if (gate && FULL_LOGIN_GATES.has(gate)) because.push(kind);
  }
  if (assessed.length > 0 && fullyGated.length / assessed.length > 0.5) because.push('most-pages');

  const listed = [...gatedVerdicts, ...botBlocked].sort((a, b) => verdicts.indexOf(a) - verdicts.indexOf(b));
  return {
    gatedUrls: gatedVerdicts.map((v) => v.url),
    loginWall: because.length > 0,
    loginWallBecause: because,
    pages: listed.slice(0, MAX_PAGE_ENTRIES).map((v) => ({ url: v.url, finalUrl: v.finalUrl, gate: v.gate as GateReason, evidence: v.evidence })),
    gatedShare: assessed.length === 0 ? 0 : round(gatedVerdicts.length / assessed.length),
    assessedPages: assessed.length,
    gateCounts,
    keyPages,
    gatedKeyPages,
    loginUrls: [...loginUrls],
    botBlockedUrls: botBlocked.map((v) => v.url),
  };
}
