// Shapes the service stores and serves: audit jobs, their progress, API keys and schedules. The
// report itself is the JSON contract (src/contract/report.ts); nothing here changes it.
import type { Assessment } from '../model/index.js';
import type { AuditPhase } from '../audit/progress.js';
import type { ReportFormat } from '../../reports/index.js';

export const AUDIT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** What a client may ask of one audit (POST /v1/audits `options`). Server-only settings are not here. */
export interface RequestedAuditOptions {
  maxPages?: number;
  maxDepth?: number;
  /** Report formats the client wants links to. @default all */
  formats?: ReportFormat[];
  /** Fit-check question ids to ask (all when absent). Passed through to the audit core. */
  questions?: string[];
  /** `llm` only takes effect when the server has an LLM configured. */
  answerer?: 'retrieval-only' | 'llm';
  /** Assessor judgements merged into the scores. */
  assessment?: Assessment;
}

export interface AuditProgress {
  phase: 'queued' | AuditPhase;
  pagesFetched: number;
  maxPages: number | null;
  probesDone: number;
  probesStarted: number;
  lastUrl: string | null;
}

export interface AuditRecord {
  id: string;
  url: string;
  host: string;
  status: AuditStatus;
  options: RequestedAuditOptions;
  apiKeyId: string | null;
  /** The owner: the tenant of the key that created it (null without keys, --no-auth). */
  tenant: string | null;
  scheduleId: string | null;
  /** The process that runs (or last ran) it, host:pid. Internal: not in the API view. */
  worker?: string | null;
  attempts: number;
  error: { code: string; message: string } | null;
  progress: AuditProgress | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  durationMs: number | null;
  /** Headline scores of a done audit (null otherwise, or when not read). */
  summary?: ReportSummary | null;
}

/** The few numbers of a report the history and metrics read (kept beside the report). */
export interface ReportSummary {
  overall: number;
  lenses: Record<string, number>;
  focusAreas: Record<string, { score: number; stage: number }>;
  pagesFetched: number;
  tokens: { prompt: number; completion: number };
  finalUrl: string;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  /** Whose objects this key sees and owns: its own id unless created into a team's tenant. */
  tenant: string;
  /** Sees every tenant's objects. */
  admin: boolean;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

export interface ScheduleRecord {
  id: string;
  url: string;
  host: string;
  everySeconds: number;
  options: RequestedAuditOptions;
  apiKeyId: string | null;
  tenant: string | null;
  nextRunAt: number;
  lastAuditId: string | null;
  createdAt: number;
}
