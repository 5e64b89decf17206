// Pure helpers both renderers share: strengths and weaknesses derived from the scores, the roadmap
// in priority order, practices grouped for the drill-down, and a compact view of probe facts.
// They read the Report only; nothing here scores anything.
import { FOCUS_AREAS, type FocusAreaId, type LensId, type PracticeResult, type Report, type RoadmapItem } from '../src/contract/index.js';
import { formatPracticeScore, truncate } from './format.js';
import { FOCUS_AREA_LABELS, SCORE_BANDS, type Signal } from './labels.js';

/** A score at or above this (0–100) can be a strength. */
export const STRENGTH_MIN = 60;
/** A score below this (0–100) can be a weakness. Between the two: neither, on purpose. */
export const WEAKNESS_BELOW = 50;

export interface SummaryItem {
  kind: 'focusArea' | 'enabler';
  id: string;
  name: string;
  /** The enabler's focus area; for a focus area, itself. */
  focusArea: FocusAreaId;
  score: number;
}

export interface Summary {
  strengths: SummaryItem[];
  weaknesses: SummaryItem[];
}

export interface SummaryOptions {
  /** Enablers per list. @default 3 */
  enablers?: number;
  /** Focus areas per list. @default 2 */
  focusAreas?: number;
}

// Highest first; ties by id so the output is deterministic.
const byScoreDesc = (a: SummaryItem, b: SummaryItem) => b.score - a.score || a.id.localeCompare(b.id);
const byScoreAsc = (a: SummaryItem, b: SummaryItem) => a.score - b.score || a.id.localeCompare(b.id);

/**
 * False when an enabler has no scored practice (`assessed: false` or `total` 0: everything manual
 * or not applicable): its 0 means "not assessed", not "poor".
 */
export function enablerScored(enabler: Report['scores']['enablers'][number]): boolean {
  return enabler.assessed !== false && (enabler.total === undefined || enabler.total > 0);
}

/** False when no practice of the focus area could be scored (`assessed: false`); older reports lack the flag. */
export function focusAreaAssessed(report: Report, focusArea: FocusAreaId): boolean {
  return report.scores.focusAreas[focusArea]?.assessed !== false;
}

const SCORED = new Set<PracticeResult['status']>(['pass', 'partial', 'fail']);

/** True for pass, partial and fail: the statuses that carry weight. */
export function isScoredPractice(practice: Pick<PracticeResult, 'status'>): boolean {
  return SCORED.has(practice.status);
}

/**
 * False when no scored practice counts toward the lens. The contract has no flag for lenses, so this
 * is read from the practices; a non-zero score always counts as assessed.
 */
export function lensAssessed(report: Report, lens: LensId): boolean {
  return report.scores.lenses[lens] > 0 || report.practices.some((p) => isScoredPractice(p) && p.lenses.includes(lens));
}

/** A practice's 0..1 score as text; manual and not-applicable results carry no score. */
export function practiceScore(practice: PracticeResult): string {
  return practice.status === 'manual' || practice.status === 'notApplicable' ? '–' : formatPracticeScore(practice.score);
}

/**
 * Top and bottom enablers and focus areas. Anything not assessed (no scored practice: all manual or
 * not applicable) has no meaningful score and is left out of both lists.
 */
export function summarize(report: Report, options: SummaryOptions = {}): Summary {
  const nEnablers = options.enablers ?? 3;
  const nAreas = options.focusAreas ?? 2;
  const areas: SummaryItem[] = FOCUS_AREAS.filter((id) => report.scores.focusAreas[id] && focusAreaAssessed(report, id)).map((id) => ({
    kind: 'focusArea',
    id,
    name: FOCUS_AREA_LABELS[id],
    focusArea: id,
    score: report.scores.focusAreas[id].score,
  }));
  const enablers: SummaryItem[] = report.scores.enablers
    .filter(enablerScored)
    .map((e) => ({ kind: 'enabler', id: e.id, name: e.name, focusArea: e.focusArea, score: e.score }));
  const pick = (items: SummaryItem[], n: number, keep: (s: number) => boolean, order: typeof byScoreAsc) =>
    items.filter((i) => keep(i.score)).sort(order).slice(0, n);
  const strong = (s: number) => s >= STRENGTH_MIN;
  const weak = (s: number) => s < WEAKNESS_BELOW;
  return {
    strengths: [...pick(areas, nAreas, strong, byScoreDesc), ...pick(enablers, nEnablers, strong, byScoreDesc)],
    weaknesses: [...pick(areas, nAreas, weak, byScoreAsc), ...pick(enablers, nEnablers, weak, byScoreAsc)],
  };
}

/** The band (label, icon, tone) of a 0–100 score. */
export function scoreBand(score: number): Signal {
  const s = Number.isFinite(score) ? score : 0;
  return SCORE_BANDS.find((band) => s >= band.min) ?? SCORE_BANDS[SCORE_BANDS.length - 1];
}

/** Roadmap items grouped by priority, P1 first; the report's order is kept inside a priority. */
export function roadmapByPriority(report: Report): { priority: 1 | 2 | 3; items: RoadmapItem[] }[] {
  return ([1, 2, 3] as const)
    .map((priority) => ({ priority, items: report.roadmap.filter((item) => item.priority === priority) }))
    .filter((group) => group.items.length > 0);
}

export interface PracticeGroup {
  focusArea: FocusAreaId;
  /** `assessed` is false when the enabler's score row says nothing was scored. */
  enablers: { id: string; name: string; score?: number; assessed: boolean; practices: PracticeResult[] }[];
}

/** Practices grouped focus area → enabler, focus areas in model order, enablers in score-table order. */
export function practicesByArea(report: Report): PracticeGroup[] {
  const enablerInfo = new Map(report.scores.enablers.map((e, index) => [e.id, { ...e, index }]));
  return FOCUS_AREAS.map((focusArea) => {
    const byEnabler = new Map<string, PracticeResult[]>();
    for (const practice of report.practices) {
      if (practice.focusArea !== focusArea) continue;
      const list = byEnabler.get(practice.enabler) ?? [];
      list.push(practice);
      byEnabler.set(practice.enabler, list);
    }
    const enablers = [...byEnabler].map(([id, practices]) => {
      const info = enablerInfo.get(id);
      const assessed = info ? enablerScored(info) : practices.some(isScoredPractice);
      return { id, name: info?.name ?? id, score: info?.score, assessed, index: info?.index ?? Number.MAX_SAFE_INTEGER, practices };
    });
    enablers.sort((a, b) => a.index - b.index || a.id.localeCompare(b.id));
    return { focusArea, enablers: enablers.map(({ index: _index, ...rest }) => rest) };
  }).filter((group) => group.enablers.length > 0);
}

/** Looks up a practice by id (roadmap items point at practices). */
export function practiceById(report: Report, id: string): PracticeResult | undefined {
  return report.practices.find((p) => p.id === id);
}

const MAX_FACTS = 6;
const MAX_FACT_CHARS = 80;

/**
 * A short, human view of a probe's facts: primitives as they are, arrays as a count (or the values
 * when there are at most three short primitives), objects as a count of keys. Truncated; the JSON
 * report has the full facts.
 */
export function keyFacts(facts: Record<string, unknown>, max = MAX_FACTS): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  for (const [key, value] of Object.entries(facts)) {
    if (out.length >= max) break;
    out.push({ key, value: truncate(describe(value), MAX_FACT_CHARS) });
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const primitives = value.every((v) => ['string', 'number', 'boolean'].includes(typeof v));
    if (value.length === 0) return 'none';
    if (primitives && value.length <= 3) return value.map(String).join(', ');
    return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') {
    const n = Object.keys(value).length;
    return `${n} field${n === 1 ? '' : 's'}`;
  }
  return typeof value;
}

/** The focus areas of a report as chart values; null where the focus area was not assessed. */
export function focusAreaValues(report: Report): Record<FocusAreaId, number | null> {
  return Object.fromEntries(
    FOCUS_AREAS.map((id) => [id, focusAreaAssessed(report, id) ? (report.scores.focusAreas[id]?.score ?? 0) : null]),
  ) as Record<FocusAreaId, number | null>;
}
