// User-facing words shared by the Markdown and HTML renderers: section titles, names of focus
// areas, lenses, stages and priorities, and the text + icon pairs that carry every status so that
// colour is never the only signal (WCAG 2.2 SC 1.4.1).
import type { FocusAreaId, LensId, PracticeStatus, ProbeResultEntry } from '../src/contract/index.js';

export const TITLE = 'Developer portal audit';

export const SECTIONS = {
  scores: 'Scores',
  focusAreas: 'Focus areas',
  enablers: 'Enablers',
  summary: 'Strengths, weaknesses, opportunities and threats',
  roadmap: 'Roadmap',
  fitCheck: 'Human vs agent: buyer questions (fit check)',
  probes: 'Probes',
  findings: 'Findings',
  practices: 'Practices in detail',
} as const;

export const COMPARISON_TITLE = 'Developer portal comparison';

export const COMPARISON_SECTIONS = {
  ranking: 'Ranking and lenses',
  focusAreas: 'Focus areas',
  enablers: 'Enablers: who leads',
  gaps: 'Competitors have, you lack',
  notes: 'Notes',
} as const;

export const TEXT = {
  retrievalOnly: "No LLM was used: answers are the best-matching sentences from the portal's own pages.",
  robotsRespected: 'robots.txt respected',
  robotsIgnored: 'robots.txt ignored (explicitly requested)',
  noStrengths: 'No enabler or focus area scores high enough to count as a strength yet.',
  noWeaknesses: 'No enabler or focus area scores low enough to count as a weakness.',
  noRoadmap: 'Nothing to do: no failing practice needs a roadmap item.',
  noFindings: 'No findings.',
  noEvidence: 'no evidence recorded',
  doneLooksLike: 'Done looks like',
  why: 'Why',
  evidence: 'Evidence',
  notFound: 'not found',
  gated: 'gated',
  open: 'open',
  reachable: 'reachable',
  blockedBy: 'blocked by',
  unverified: 'unverified',
  verified: 'verified',
  answer: 'Answer',
  noAnswer: 'No answer found on the portal.',
  noScoredPractices: 'no scored practices',
  notAssessed: 'not assessed',
  notAssessedShort: 'n/a',
  notAssessedWhy: 'every practice is manual or not applicable',
  noOpportunities: 'No cheap, high-weight fix stands out: foundational practices pass or are not scored.',
  noThreats: 'No threat found in the evidence: AI agents may read the portal, key pages are open and the lenses agree.',
  fitCheckHumans: 'Humans',
  fitCheckAgents: 'Agents',
  practiceDefinition: 'What it means',
  decidedBy: 'Decided by',
  overall: 'Overall',
} as const;

export const FOCUS_AREA_LABELS: Record<FocusAreaId, string> = {
  discovery: 'Discovery',
  decisionMaking: 'Decision making',
  onboarding: 'Onboarding',
  goLive: 'Go-live',
  maintenance: 'Maintenance & Troubleshooting',
  community: 'Community',
};

/** Short names for tight places (chart axes). */
export const FOCUS_AREA_SHORT: Record<FocusAreaId, string> = {
  discovery: 'Discovery',
  decisionMaking: 'Decision making',
  onboarding: 'Onboarding',
  goLive: 'Go-live',
  maintenance: 'Maintenance',
  community: 'Community',
};

export const LENS_LABELS: Record<LensId, string> = {
  core: 'Core',
  businessReadiness: 'Business readiness',
  aiVisibility: 'AI visibility',
};

export const STAGE_LABELS: Record<0 | 1 | 2 | 3, string> = {
  0: 'Stage 0 · not yet foundational',
  1: 'Stage 1 · foundational',
  2: 'Stage 2 · developing',
  3: 'Stage 3 · advanced',
};

export const PRIORITY_LABELS: Record<1 | 2 | 3, string> = {
  1: 'P1 · Unblock evaluation and commercial engagement',
  2: 'P2 · Trust during live integration and lifecycle',
  3: 'P3 · Reach and community',
};

export interface Signal {
  /** Short word, always shown. */
  label: string;
  /** Symbol shown beside the word (decorative: the word already says it). */
  icon: string;
  /** CSS class suffix for the colour. */
  tone: 'good' | 'fair' | 'weak' | 'poor' | 'neutral';
}

export const PRACTICE_STATUS: Record<PracticeStatus, Signal> = {
  pass: { label: 'Pass', icon: '✓', tone: 'good' },
  partial: { label: 'Partial', icon: '◐', tone: 'fair' },
  fail: { label: 'Fail', icon: '✗', tone: 'poor' },
  manual: { label: 'Manual', icon: '✎', tone: 'neutral' },
  notApplicable: { label: 'N/A', icon: '–', tone: 'neutral' },
};

export const PROBE_STATUS: Record<ProbeResultEntry['status'], Signal> = {
  ok: { label: 'OK', icon: '✓', tone: 'good' },
  error: { label: 'Error', icon: '✗', tone: 'poor' },
  skipped: { label: 'Skipped', icon: '–', tone: 'neutral' },
};

export const SEVERITY: Record<'info' | 'warning' | 'error', Signal> = {
  info: { label: 'Info', icon: 'ℹ', tone: 'neutral' },
  warning: { label: 'Warning', icon: '⚠', tone: 'fair' },
  error: { label: 'Error', icon: '✗', tone: 'poor' },
};

/** Score bands for 0–100 scores, highest first: a score gets the first band whose `min` it reaches. */
/** A page or answer behind a login. U+2298, not an emoji: it renders with the fonts every system has. */
export const GATED: Signal = { label: 'gated', icon: '⊘', tone: 'poor' };

/** Shown instead of a score where nothing could be scored (manual or not applicable only). */
export const NOT_ASSESSED: Signal = { label: 'not assessed', icon: '–', tone: 'neutral' };

export const DECIDED_BY: Record<'probe' | 'fitCheck' | 'assessor' | 'none', string> = {
  probe: 'probe evidence',
  fitCheck: 'fit-check answer',
  assessor: 'assessor',
  none: 'nobody yet (manual)',
};

export const SWOT_HEADINGS = {
  strengths: 'Strengths',
  weaknesses: 'Weaknesses',
  opportunities: 'Opportunities (cheap, high-weight fixes)',
  threats: 'Threats',
} as const;

export const SCORE_BANDS: readonly (Signal & { min: number })[] = [
  { min: 75, label: 'Strong', icon: '▲', tone: 'good' },
  { min: 50, label: 'Fair', icon: '◆', tone: 'fair' },
  { min: 25, label: 'Weak', icon: '▽', tone: 'weak' },
  { min: 0, label: 'Poor', icon: '✗', tone: 'poor' },
];
