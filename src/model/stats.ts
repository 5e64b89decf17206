// Counts that describe the model itself: practices per focus area, stage and lens, and how many are
// decided automatically from public evidence. Used by the model tests and the README, so the
// numbers quoted there are the numbers of the data. Pure.
import { FOCUS_AREAS, type FocusAreaId, LENSES, type LensId } from '../contract/index.js';
import { CHECKS } from './checks.js';
import type { Model, PracticeDef, Rule } from './types.js';

export type EvidenceKind = 'fact' | 'check' | 'fitCheck' | 'manual';

/** The leaf rules of a rule tree, in order. */
export function ruleLeaves(rule: Rule): Rule[] {
  return rule.type === 'all' || rule.type === 'any' ? rule.rules.flatMap(ruleLeaves) : [rule];
}

/**
 * Decided automatically: every leaf is a fact, a fit-check answer or a check that scores. A rule
 * with a `manual` leaf (which may still fail or pass on probe evidence) or an applicability-only
 * check (PSD2 practices an assessor judges) is not, because some portals need an assessor for it.
 */
export function isAutomatic(p: Pick<PracticeDef, 'evidence'>): boolean {
  return ruleLeaves(p.evidence).every((r) => {
    if (r.type === 'manual') return false;
    if (r.type === 'check') return Object.hasOwn(CHECKS, r.check) && !CHECKS[r.check].applicabilityOnly;
    return true;
  });
}

/** The kinds of evidence a practice's rule uses (leaf types), deduplicated, in a fixed order. */
export function evidenceKinds(p: Pick<PracticeDef, 'evidence'>): EvidenceKind[] {
  const kinds = new Set(ruleLeaves(p.evidence).map((r) => r.type as EvidenceKind));
  return (['fact', 'check', 'fitCheck', 'manual'] as const).filter((k) => kinds.has(k));
}

export interface ModelStats {
  practices: number;
  enablers: number;
  automatic: number;
  /** automatic / practices, 3 decimals. */
  automaticShare: number;
  byFocusArea: Record<FocusAreaId, { practices: number; automatic: number; byStage: [number, number, number] }>;
  byLens: Record<LensId, number>;
  byStage: [number, number, number];
  /** Practices whose rule uses each kind of evidence (one practice may count under several). */
  byEvidence: Record<EvidenceKind, number>;
  byPriority: Record<'1' | '2' | '3' | 'default', number>;
}

export function modelStats(model: Model): ModelStats {
  const focusOf = new Map(model.enablers.map((e) => [e.id, e.focusArea]));
  const byFocusArea = Object.fromEntries(FOCUS_AREAS.map((fa) => [fa, { practices: 0, automatic: 0, byStage: [0, 0, 0] }])) as ModelStats['byFocusArea'];
  const byLens = Object.fromEntries(LENSES.map((l) => [l, 0])) as ModelStats['byLens'];
  const byStage: [number, number, number] = [0, 0, 0];
  const byEvidence: ModelStats['byEvidence'] = { fact: 0, check: 0, fitCheck: 0, manual: 0 };
  const byPriority: ModelStats['byPriority'] = { 1: 0, 2: 0, 3: 0, default: 0 };
  let automatic = 0;
  for (const p of model.practices) {
    const fa = byFocusArea[focusOf.get(p.enabler)!];
    const auto = isAutomatic(p);
    fa.practices++;
    fa.byStage[p.stage - 1]++;
    byStage[p.stage - 1]++;
    if (auto) { fa.automatic++; automatic++; }
    for (const l of p.lenses) byLens[l]++;
    for (const k of evidenceKinds(p)) byEvidence[k]++;
    byPriority[p.roadmap?.priority ? String(p.roadmap.priority) as '1' | '2' | '3' : 'default']++;
  }
  const n = model.practices.length;
  return {
    practices: n,
    enablers: model.enablers.length,
    automatic,
    automaticShare: n === 0 ? 0 : Math.round((automatic / n) * 1000) / 1000,
    byFocusArea,
    byLens,
    byStage,
    byEvidence,
    byPriority,
  };
}
