// Types for the maturity model data (model.v1.json) and for the inputs of the pure scoring
// functions. The data is validated against these shapes at load (validate.ts); the scoring code may
// then trust them.
import type { Evidence, FocusAreaId, LensId } from '../contract/index.js';

export interface FocusAreaDef {
  id: FocusAreaId;
  name: string;
  description: string;
}

export interface LensDef {
  id: LensId;
  name: string;
  description: string;
}

export interface EnablerDef {
  id: string;
  name: string;
  focusArea: FocusAreaId;
  description: string;
}

export type Stage = 1 | 2 | 3;

export const TEST_OPS = ['truthy', 'falsy', 'nonEmpty', 'empty', 'eq', 'gte', 'lte', 'ratio'] as const;
export type TestOp = (typeof TEST_OPS)[number];

/**
 * How a fact value is judged.
 * - truthy / falsy / nonEmpty / empty: pass or fail.
 * - eq: pass when the fact equals `value` (a string, number, boolean or null).
 * - gte / lte: numeric (a list compares by its length); pass at `value`, partial (0.5) at `partialAt`.
 * - ratio: the fact is a share in 0..1; pass at >= `value` (default 1); between `partialAt` and
 *   `value` it is partial and scores the ratio itself; below `partialAt` (or with no `partialAt`) it fails.
 */
export interface FactTest {
  op: TestOp;
  value?: string | number | boolean | null;
  partialAt?: number;
}

export interface FactRule {
  type: 'fact';
  probe: string;
  /** Dotted path into the probe's facts, e.g. `documents.length`. */
  fact: string;
  test: FactTest;
}

export interface CheckRule {
  type: 'check';
  /** Name of a pure function in checks.ts. */
  check: string;
}

export interface FitCheckRule {
  type: 'fitCheck';
  questions: string[];
  need: 'all' | 'any';
}

export interface ManualRule {
  type: 'manual';
  /** What an assessor looks at. */
  hint: string;
}

export interface CombinedRule {
  type: 'all' | 'any';
  rules: Rule[];
}

export type Rule = FactRule | CheckRule | FitCheckRule | ManualRule | CombinedRule;

export interface PracticeDef {
  id: string;
  name: string;
  definition: string;
  enabler: string;
  stage: Stage;
  lenses: LensId[];
  /** Relative weight in enabler, focus-area and lens means. @default 1 */
  weight: number;
  /** Why the weight is not 1 (required when it is not). */
  weightWhy?: string;
  roadmap?: { priority?: 1 | 2 | 3; why: string; done: string };
  evidence: Rule;
}

export interface Model {
  id: string;
  version: string;
  schemaVersion: 1;
  focusAreas: FocusAreaDef[];
  lenses: LensDef[];
  enablers: EnablerDef[];
  practices: PracticeDef[];
}

/** What the scorer reads from one probe run (a subset of the report's ProbeResultEntry). */
export interface ProbeFacts {
  status: 'ok' | 'error' | 'skipped';
  facts: Record<string, unknown>;
}

export type FactsByProbe = Record<string, ProbeFacts>;

export type AssessorScore = number | 'pass' | 'partial' | 'fail' | 'notApplicable';

/** Scores an assessor supplies for practices that probes cannot judge (or to override them). */
export interface Assessment {
  practices: Record<string, { score: AssessorScore; note?: string }>;
}

/** What evaluating a rule gives: a score, "cannot tell" (unknown) or "does not apply". */
export type Outcome =
  | { kind: 'scored'; score: number; evidence: Evidence[]; sources: Source[] }
  | { kind: 'unknown'; evidence: Evidence[]; sources: Source[] }
  | { kind: 'notApplicable'; evidence: Evidence[]; sources: Source[] };

export type Source = 'probe' | 'fitCheck';
