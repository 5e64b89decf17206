// A SWOT-style summary derived only from data already in the report: strengths and weaknesses from
// the scores (summary.ts), opportunities from failing practices that are cheap to fix, threats from
// the probes' facts (AI agents blocked, login walls, bot blocks, JavaScript-only pages), the
// fit-check (answers agents cannot reach) and lens scores far apart. Pure: Report in, lists out.
// Probe facts come from saved files too, so every fact is read defensively.
import { type Evidence, type FocusAreaId, LENSES, type LensId, type PracticeResult, type Report } from '../src/contract/index.js';
import { FOCUS_AREA_LABELS, LENS_LABELS } from './labels.js';
import { humanOpen } from './fit-check.js';
import { STRENGTH_MIN, enablerScored, lensAssessed, summarize, type Summary, type SummaryOptions } from './summary.js';
import { isRecord } from '../src/util/is-record.js';

// User-facing words. Placeholders are filled by the functions below.
const WORDS = {
  opportunityStage1: (enabler: string) => `Foundational (stage 1) practice in ${enabler}`,
  opportunityStrong: (enabler: string, score: number) => `Stage-2 practice in an otherwise strong enabler: ${enabler} (${Math.round(score)})`,
  partial: 'partly met',
  failed: 'not met',
  aiBlockedTitle: 'AI search and assistant agents are blocked',
  aiBlocked: (none: string[], partial: string[]) =>
    [
      none.length ? `robots.txt lets ${list(none)} fetch nothing` : '',
      partial.length ? `${none.length ? 'and keeps' : 'robots.txt keeps'} ${list(partial)} from part of the public content` : '',
    ]
      .filter(Boolean)
      .join(' ') + ': answer engines cannot cite what they cannot read.',
  loginWallTitle: 'A login wall hides most of the portal',
  loginWall: (share: number | undefined) =>
    `${share === undefined ? 'Most pages' : `${Math.round(share * 100)}% of the pages checked`} need a sign-in: agents, answer engines and evaluators see almost nothing.`,
  gatedKeyTitle: 'Key pages are behind a login',
  gatedKey: (kinds: string[]) => `${capital(list(kinds))} cannot be read without an account, so buyers and agents cannot evaluate them.`,
  botBlockTitle: 'Bot protection turns agents away',
  botBlock: (n: number) => `${n} page${n === 1 ? '' : 's'} answered with a bot block instead of content.`,
  jsOnlyTitle: 'Content needs JavaScript',
  jsOnly: (n: number) => `${n} page${n === 1 ? '' : 's'} show their content only after scripts run; most AI crawlers do not run them.`,
  fitCheckTitle: 'Agents cannot reach buyer answers',
  fitCheck: (n: number, total: number, humans: number) =>
    `Agents cannot reach the answer to ${n} of ${total} buyer question${total === 1 ? '' : 's'}${humans > 0 ? `, although a human finds ${humans === n ? 'them' : `${humans} of them`}` : ''}.`,
  lensGapTitle: 'The lenses disagree',
  lensGap: (low: string, lowScore: number, high: string, highScore: number) =>
    `${low} (${Math.round(lowScore)}) trails ${high} (${Math.round(highScore)}) by ${Math.round(highScore - lowScore)} points: the portal serves one audience much better than another.`,
} as const;

/** Key pages whose gating is expected (credentials need an account) and so is no threat. */
const EXPECTED_GATED = new Set(['apiKeys']);
const KEY_PAGE_NAMES: Record<string, string> = {
  docs: 'the documentation',
  reference: 'the API reference',
  pricing: 'the pricing page',
  sandbox: 'the sandbox',
  specs: 'the API specification',
  gettingStarted: 'the getting-started guide',
  apiKeys: 'the API keys page',
};
/** Lens scores this many points apart are a threat. */
export const LENS_GAP = 20;
/** Opportunities listed at most. */
export const MAX_OPPORTUNITIES = 5;
/** Evidence items per threat at most (the drill-down has the rest). */
const MAX_EVIDENCE = 3;

export interface Opportunity {
  practiceId: string;
  name: string;
  focusArea: FocusAreaId;
  enabler: string;
  enablerName: string;
  stage: 1 | 2 | 3;
  status: 'fail' | 'partial';
  weight: number;
  /** Weighted points the practice would add to its enabler if it passed: weight × (1 − score). */
  gain: number;
  why: string;
  evidence: Evidence[];
}

export type ThreatId = 'ai-agents-blocked' | 'login-wall' | 'gated-key-pages' | 'bot-blocked' | 'js-only' | 'fit-check-unreachable' | 'lens-gap';

export interface Threat {
  id: ThreatId;
  title: string;
  detail: string;
  evidence: Evidence[];
}

export interface Swot extends Summary {
  opportunities: Opportunity[];
  threats: Threat[];
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Facts of an `ok` probe, or undefined. */
function factsOf(report: Report, id: string): Record<string, unknown> | undefined {
  const probe = report.probes.find((p) => p.id === id);
  return probe && probe.status === 'ok' && isRecord(probe.facts) ? probe.facts : undefined;
}

/**
 * Failing practices that are cheap to fix and worth the most: stage-1 practices anywhere, and stage-2
 * practices in enablers that already score as strengths (the team has the basics, one more step
 * lifts it). Ordered by weighted gain, then lower stage, stronger enabler, id.
 */
export function opportunities(report: Report, max = MAX_OPPORTUNITIES): Opportunity[] {
  const enablers = new Map(report.scores.enablers.map((e) => [e.id, e]));
  const out: (Opportunity & { enablerScore: number })[] = [];
  for (const p of report.practices) {
    if (p.status !== 'fail' && p.status !== 'partial') continue;
    const enabler = enablers.get(p.enabler);
    const enablerScore = enabler && enablerScored(enabler) ? enabler.score : 0;
    const enablerName = enabler?.name ?? p.enabler;
    const strong = enablerScore >= STRENGTH_MIN;
    if (!(p.stage === 1 || (p.stage === 2 && strong))) continue;
    const weight = typeof p.weight === 'number' && p.weight > 0 ? p.weight : 1;
    out.push({
      practiceId: p.id,
      name: p.name,
      focusArea: p.focusArea,
      enabler: p.enabler,
      enablerName,
      stage: p.stage,
      status: p.status,
      weight,
      gain: Math.round(weight * (1 - clamp01(p.score)) * 1000) / 1000,
      why: p.stage === 1 ? WORDS.opportunityStage1(enablerName) : WORDS.opportunityStrong(enablerName, enablerScore),
      evidence: p.evidence.slice(0, MAX_EVIDENCE),
      enablerScore,
    });
  }
  out.sort((a, b) => b.gain - a.gain || a.stage - b.stage || b.enablerScore - a.enablerScore || a.practiceId.localeCompare(b.practiceId));
  return out.slice(0, max).map(({ enablerScore: _s, ...rest }) => rest);
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function aiAgentsThreat(report: Report): Threat | undefined {
  const facts = factsOf(report, 'robots');
  if (!facts || !Array.isArray(facts.aiAgents)) return undefined;
  const none: string[] = [];
  const partial: string[] = [];
  for (const a of facts.aiAgents) {
    if (!isRecord(a) || typeof a.agent !== 'string') continue;
    // Training crawlers may be blocked on purpose; search and user-triggered agents answer buyers.
    if (a.purpose !== 'search' && a.purpose !== 'user') continue;
    if (a.access === 'none') none.push(a.agent);
    else if (a.access === 'partial') partial.push(a.agent);
  }
  if (none.length === 0 && partial.length === 0) return undefined;
  const url = typeof facts.url === 'string' ? facts.url : new URL('/robots.txt', report.target.finalUrl || report.target.url).href;
  return {
    id: 'ai-agents-blocked',
    title: WORDS.aiBlockedTitle,
    detail: WORDS.aiBlocked(none, partial),
    evidence: [{ url, note: [...none.map((a) => `${a}: none`), ...partial.map((a) => `${a}: partial`)].join(', ') }],
  };
}

function gatingThreats(report: Report): Threat[] {
  const facts = factsOf(report, 'gating');
  if (!facts) return [];
  const out: Threat[] = [];
  const gatedUrls = strings(facts.gatedUrls);
  if (facts.loginWall === true) {
    const share = typeof facts.gatedShare === 'number' ? facts.gatedShare : undefined;
    out.push({
      id: 'login-wall',
      title: WORDS.loginWallTitle,
      detail: WORDS.loginWall(share),
      evidence: gatedUrls.slice(0, MAX_EVIDENCE).map((url) => ({ url, note: 'needs a sign-in' })),
    });
  }
  const kinds = strings(facts.gatedKeyPages).filter((k) => !EXPECTED_GATED.has(k));
  if (kinds.length > 0) {
    const keyPages = isRecord(facts.keyPages) ? facts.keyPages : {};
    out.push({
      id: 'gated-key-pages',
      title: WORDS.gatedKeyTitle,
      detail: WORDS.gatedKey(kinds.map((k) => KEY_PAGE_NAMES[k] ?? k)),
      evidence: kinds.slice(0, MAX_EVIDENCE).map((k) => {
        const page = keyPages[k];
        const url = isRecord(page) && typeof page.url === 'string' ? page.url : undefined;
        const gate = isRecord(page) && typeof page.gate === 'string' ? ` (${page.gate})` : '';
        return { ...(url ? { url } : {}), note: `${capital(KEY_PAGE_NAMES[k] ?? k)} is gated${gate}` };
      }),
    });
  }
  const botBlocked = strings(facts.botBlockedUrls);
  if (botBlocked.length > 0) {
    out.push({
      id: 'bot-blocked',
      title: WORDS.botBlockTitle,
      detail: WORDS.botBlock(botBlocked.length),
      evidence: botBlocked.slice(0, MAX_EVIDENCE).map((url) => ({ url, note: 'bot block' })),
    });
  }
  return out;
}

function jsOnlyThreat(report: Report): Threat | undefined {
  const urls = strings(factsOf(report, 'rendering')?.jsOnlyUrls);
  if (urls.length === 0) return undefined;
  return {
    id: 'js-only',
    title: WORDS.jsOnlyTitle,
    detail: WORDS.jsOnly(urls.length),
    evidence: urls.slice(0, MAX_EVIDENCE).map((url) => ({ url, note: 'content appears only with JavaScript' })),
  };
}

function fitCheckThreat(report: Report): Threat | undefined {
  const unreachable = report.fitCheck.filter((q) => !q.agent.reachable);
  if (unreachable.length === 0) return undefined;
  const humans = unreachable.filter(humanOpen).length;
  return {
    id: 'fit-check-unreachable',
    title: WORDS.fitCheckTitle,
    detail: WORDS.fitCheck(unreachable.length, report.fitCheck.length, humans),
    evidence: unreachable.slice(0, MAX_EVIDENCE).map((q) => ({
      note: `${q.question} — blocked by ${q.agent.blockedBy.length ? q.agent.blockedBy.join(', ') : 'unknown'}`,
    })),
  };
}

function lensGapThreat(report: Report): Threat | undefined {
  const lenses = LENSES.filter((l) => lensAssessed(report, l)).map((l) => ({ id: l, score: report.scores.lenses[l] }));
  if (lenses.length < 2) return undefined;
  // Lowest and highest; ties broken by the contract's lens order so the text is deterministic.
  const low = lenses.reduce((a, b) => (b.score < a.score ? b : a));
  const high = lenses.reduce((a, b) => (b.score > a.score ? b : a));
  if (high.score - low.score < LENS_GAP) return undefined;
  const name = (id: LensId) => LENS_LABELS[id];
  return {
    id: 'lens-gap',
    title: WORDS.lensGapTitle,
    detail: WORDS.lensGap(name(low.id), low.score, name(high.id), high.score),
    evidence: [{ note: lenses.map((l) => `${name(l.id)} ${Math.round(l.score)}`).join(' · ') }],
  };
}

/** Threats found in the report's evidence, in a fixed order (agents, walls, blocks, scripts, answers, lenses). */
export function threats(report: Report): Threat[] {
  return [aiAgentsThreat(report), ...gatingThreats(report), jsOnlyThreat(report), fitCheckThreat(report), lensGapThreat(report)].filter(
    (t): t is Threat => t !== undefined,
  );
}

/** The whole SWOT summary of a report. */
export function swot(report: Report, options: SummaryOptions = {}): Swot {
  return { ...summarize(report, options), opportunities: opportunities(report), threats: threats(report) };
}

/** "Onboarding · SDKs & tools" for an opportunity. */
export function opportunityWhere(o: Opportunity): string {
  return `${FOCUS_AREA_LABELS[o.focusArea]} · ${o.enablerName}`;
}

/** "not met" / "partly met". */
export function opportunityStatus(o: Pick<PracticeResult, 'status'>): string {
  return o.status === 'partial' ? WORDS.partial : WORDS.failed;
}
