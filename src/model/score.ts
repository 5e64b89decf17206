// Maps probe facts, fit-check answers and (optionally) assessor scores to one PracticeResult per
// practice, in model order. Pure and deterministic: the same inputs give deep-equal output,
// whatever the order of keys in `facts`.
//
// Unknown evidence (a failed probe, a manual practice nobody assessed) gives status `manual` with
// score 0 and decidedBy `none`; it carries no weight in any mean (aggregate.ts). An assessor's
// score overrides probe evidence, which is kept in the result marked as overridden.
import type { Evidence, FitCheckEntry, PracticeResult } from '../contract/index.js';
import { assertAssessmentMatches, assessorScore } from './assessment.js';
import { statusFromScore, unitScore } from './numbers.js';
import { evaluateRule, fill } from './rules.js';
import type { Assessment, FactsByProbe, Model, Outcome, PracticeDef } from './types.js';

// User-facing strings.
const NOTES = {
  assessor: 'assessor: {note}',
  assessorNoNote: 'assessor: scored {score}',
  overridden: 'overridden by assessor: {note}',
} as const;

export function scorePractices(
  model: Model,
  facts: FactsByProbe,
  fitCheck: readonly FitCheckEntry[] = [],
  assessment?: Assessment,
): PracticeResult[] {
  if (assessment) assertAssessmentMatches(assessment, model);
  const focusOf = new Map(model.enablers.map((e) => [e.id, e.focusArea]));
  const ctx = { facts, fitCheck };
  return model.practices.map((p) => {
    const outcome = evaluateRule(p.evidence, ctx);
    const base = resultFromOutcome(p, focusOf.get(p.enabler)!, outcome);
    const assessed = assessment && Object.hasOwn(assessment.practices, p.id) ? assessment.practices[p.id] : undefined;
    return assessed ? applyAssessor(base, outcome, assessed) : base;
  });
}

function resultFromOutcome(p: PracticeDef, focusArea: PracticeResult['focusArea'], outcome: Outcome): PracticeResult {
  const common = {
    id: p.id,
    name: p.name,
    focusArea,
    enabler: p.enabler,
    stage: p.stage,
    lenses: [...p.lenses],
    definition: p.definition,
    weight: p.weight,
    evidence: outcome.evidence.map((e) => ({ ...e })),
  };
  if (outcome.kind === 'scored') {
    const score = unitScore(outcome.score);
    return {
      ...common,
      score,
      status: statusFromScore(score),
      decidedBy: decidedBy(outcome.sources),
    };
  }
  if (outcome.kind === 'notApplicable') {
    return { ...common, score: 0, status: 'notApplicable', decidedBy: decidedBy(outcome.sources) };
  }
  return { ...common, score: 0, status: 'manual', decidedBy: 'none' };
}

/** Probe evidence wins the label when a rule mixes probe facts and fit-check answers. */
function decidedBy(sources: Outcome['sources']): PracticeResult['decidedBy'] {
  if (sources.includes('probe')) return 'probe';
  if (sources.includes('fitCheck')) return 'fitCheck';
  return 'none';
}

function applyAssessor(base: PracticeResult, outcome: Outcome, assessed: Assessment['practices'][string]): PracticeResult {
  const { score, status } = assessorScore(assessed.score);
  const note = assessed.note?.trim() || undefined;
  const evidence: Evidence[] = [
    { note: note ? fill(NOTES.assessor, { note }) : fill(NOTES.assessorNoNote, { score: String(assessed.score) }) },
  ];
  // Probe or fit-check evidence stays visible, marked as overridden; "needs an assessor" or
  // "evidence unavailable" notes are dropped because the assessor has answered them.
  if (outcome.kind !== 'unknown') {
    for (const e of base.evidence) evidence.push({ ...e, note: fill(NOTES.overridden, { note: e.note }) });
  }
  return { ...base, score, status, evidence, decidedBy: 'assessor' };
}
