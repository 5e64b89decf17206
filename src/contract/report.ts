// The JSON report contract, schemaVersion 1 (docs/ARCHITECTURE.md §3). CI pipelines, dashboards and
// the renderers read this shape; keys may be added, never renamed or removed.
import type { Finding } from './finding.js';

export const SCHEMA_VERSION = 1 as const;

export const FOCUS_AREAS = ['discovery', 'decisionMaking', 'onboarding', 'goLive', 'maintenance', 'community'] as const;
export type FocusAreaId = (typeof FOCUS_AREAS)[number];

export const LENSES = ['core', 'businessReadiness', 'aiVisibility'] as const;
export type LensId = (typeof LENSES)[number];

export type PracticeStatus = 'pass' | 'partial' | 'fail' | 'manual' | 'notApplicable';

export interface Evidence {
  url?: string;
  note: string;
  quote?: string;
}

export interface PracticeResult {
  id: string;
  name: string;
  focusArea: FocusAreaId;
  enabler: string;
  stage: 1 | 2 | 3;
  lenses: LensId[];
  /** 0..1; 0 for manual/notApplicable (they carry no weight). */
  score: number;
  status: PracticeStatus;
  evidence: Evidence[];
  /** How the result was decided. */
  decidedBy: 'probe' | 'fitCheck' | 'assessor' | 'none';
  definition?: string;
  weight?: number;
}

export interface ProbeResultEntry {
  id: string;
  status: 'ok' | 'error' | 'skipped';
  durationMs: number;
  facts: Record<string, unknown>;
  findings: Finding[];
  error?: { code: string; message: string };
}

export interface FitCheckEntry {
  id: string;
  persona: string;
  question: string;
  answerable: boolean;
  answer: string;
  confidence: number;
  citations: { url: string; quote: string; verified: boolean }[];
  human: { clickDepth: number | null; gated?: boolean };
  agent: { reachable: boolean; blockedBy: string[] };
}

export interface RoadmapItem {
  priority: 1 | 2 | 3;
  practiceId: string;
  title: string;
  why: string;
  evidence?: Evidence[];
  done?: string;
  focusArea?: FocusAreaId;
}

export interface Scores {
  overall: number;
  lenses: Record<LensId, number>;
  /** `assessed: false` when no practice of the focus area could be scored (its score is then 0). */
  focusAreas: Record<FocusAreaId, { score: number; stage: 0 | 1 | 2 | 3; assessed?: boolean }>;
  /** `met` = passing practices, `total` = scored practices (manual and not-applicable ones excluded). */
  enablers: { id: string; name: string; focusArea: FocusAreaId; score: number; stage?: number; met?: number; total?: number; assessed?: boolean }[];
}

/** Practices whose result changed since an earlier audit of the same portal (set by the service). */
export interface ReportChanges {
  againstAuditId: string;
  againstFinishedAt: string;
  overall: { from: number; to: number; delta: number };
  lenses: Record<string, { from: number; to: number; delta: number }>;
  changes: {
    id: string;
    name: string;
    focusArea: string;
    from: { status: PracticeStatus; score: number } | null;
    to: { status: PracticeStatus; score: number } | null;
    direction: 'improved' | 'regressed' | 'changed';
  }[];
  unchanged: number;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string };
  target: { url: string; finalUrl: string; startedAt: string; finishedAt: string };
  run: {
    durationMs: number;
    pagesFetched: number;
    requests: number;
    bytesFetched: number;
    answerer: string; // "llm:<model>" | "retrieval-only"
    tokens: { prompt: number; completion: number };
    robots: 'respected' | 'ignored';
    pagesSkippedByRobots: string[];
    [extra: string]: unknown;
  };
  model: { id: string; version: string };
  scores: Scores;
  practices: PracticeResult[];
  probes: ProbeResultEntry[];
  fitCheck: FitCheckEntry[];
  roadmap: RoadmapItem[];
  changes?: ReportChanges;
  [extra: string]: unknown;
}
