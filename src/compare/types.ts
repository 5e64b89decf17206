// The comparison of one portal (the subject) with its competitors: the shape of comparison.json.
// Built from saved or fresh reports by buildComparison (build.ts); the renderers
// (reports/comparison-*.ts) read only this. Portals are referred to by their index in `portals`;
// index 0 is always the subject.
import type { Evidence, FocusAreaId, LensId, PracticeStatus } from '../contract/index.js';

export const COMPARISON_SCHEMA_VERSION = 1 as const;

export interface ComparedPortal {
  index: number;
  /** Short unique name for legends and table heads: the host, numbered when two portals share one. */
  label: string;
  url: string;
  finalUrl: string;
  host: string;
  startedAt: string;
  model: { id: string; version: string } | null;
  overall: number;
  /** Rank by overall score, 1 = best; ties share a rank. */
  rank: number;
}

/** One score per portal, in portal order; null where the portal's report has nothing scored there. */
export type ScoreRow = (number | null)[];

export interface ComparedScore {
  scores: ScoreRow;
  /** Indices of the portals with the highest score (several on a tie; empty when nobody was assessed). */
  leaders: number[];
  /** Subject's score minus the best competitor's; null when either is missing. */
  subjectGap: number | null;
}

export interface ComparedFocusArea extends ComparedScore {
  stages: (0 | 1 | 2 | 3 | null)[];
}

export interface ComparedEnabler extends ComparedScore {
  id: string;
  name: string;
  focusArea: FocusAreaId;
}

export interface CompetitorEvidence {
  portal: number;
  status: 'pass';
  evidence: Evidence[];
}

/** A practice at least one competitor passes and the subject fails or only partly meets. */
export interface PracticeGap {
  practiceId: string;
  name: string;
  focusArea: FocusAreaId;
  enabler: string;
  stage: 1 | 2 | 3;
  weight: number;
  subject: { status: Extract<PracticeStatus, 'fail' | 'partial'>; score: number; evidence: Evidence[] };
  competitors: CompetitorEvidence[];
}

export interface Comparison {
  kind: 'portalprobe-comparison';
  schemaVersion: typeof COMPARISON_SCHEMA_VERSION;
  tool: { name: string; version: string };
  /** Always 0: the first report given. */
  subject: 0;
  portals: ComparedPortal[];
  /** Portal indices, best overall first (ties keep the order given). */
  ranking: number[];
  overall: ComparedScore;
  lenses: Record<LensId, ComparedScore>;
  focusAreas: Record<FocusAreaId, ComparedFocusArea>;
  enablers: ComparedEnabler[];
  gaps: PracticeGap[];
  /** Things the reader should know, e.g. reports scored with different model versions. */
  notes: string[];
}
