// The service store as the rest of the service sees it: async, so one interface fits both the
// embedded SQLite store (better-sqlite3 underneath, synchronous, wrapped) and the PostgreSQL one
// shared by many API and worker processes. Both keep the same rules (contract-tested by
// test/server/store-contract.test.ts):
// - every state change is conditional (`WHERE status = …` and, for a run, `AND attempts = run`),
//   so a late result from a cancelled, re-queued or superseded run never overwrites newer state;
// - a report is written in the same transaction that marks its audit done;
// - every read or change a client asks for is scoped to a tenant (see Scope); another tenant's
//   object is indistinguishable from a missing one.
import type { AuditProgress, AuditRecord, AuditStatus, ApiKeyRecord, ReportSummary, RequestedAuditOptions, ScheduleRecord } from '../types.js';

/**
 * Which stored objects a caller may see: one tenant's (a tenant id, by default the id of the key
 * that created them), or every tenant's (`null`: admin keys, and --no-auth where all is one tenant).
 */
export type Scope = string | null;
export const ALL_TENANTS: Scope = null;

export interface NewAudit {
  url: string;
  host: string;
  options: RequestedAuditOptions;
  apiKeyId?: string | null;
  /** Owner. null: no tenant (--no-auth). */
  tenant?: string | null;
  scheduleId?: string | null;
}

export interface ListQuery {
  host?: string;
  status?: AuditStatus;
  /** @default 20 */
  limit?: number;
  cursor?: string;
}

export interface HistoryPoint {
  auditId: string;
  url: string;
  finishedAt: number;
  summary: ReportSummary;
}

/** A done audit's stored report and the audit, read in one query. */
export interface StoredReport {
  audit: AuditRecord;
  /** The report JSON text (renderJson output); undefined unless the audit is done. */
  json: string | undefined;
}

export interface AuditRepo {
  /**
   * Inserts a queued audit. With `maxActive`, the tenant's queued + running audits are counted
   * and the insert refused (ActiveAuditLimitError) at the cap — atomically, so concurrent submits
   * in several processes cannot pass it together.
   */
  create(input: NewAudit, limit?: { maxActive: number }): Promise<AuditRecord>;
  get(id: string, scope?: Scope): Promise<AuditRecord | undefined>;
  /** Newest first. `nextCursor` is null on the last page. */
  list(query: ListQuery, scope?: Scope): Promise<{ items: AuditRecord[]; nextCursor: string | null }>;
  /**
   * Starts a run: a queued audit (or a running one whose worker died) becomes running with one
   * more attempt. The returned record's `attempts` is the run's token for the calls below.
   * undefined when the audit is finished, cancelled or gone.
   */
  start(id: string, initial: AuditProgress, worker?: string): Promise<AuditRecord | undefined>;
  /** False when run `attempt` is no longer the audit's current run (cancelled, superseded). */
  setProgress(id: string, attempt: number, progress: AuditProgress): Promise<boolean>;
  /** Marks run `attempt` done and stores its report (compressed), atomically. */
  complete(id: string, attempt: number, reportJson: string, summary: ReportSummary, durationMs: number, progress: AuditProgress): Promise<boolean>;
  /** Fails run `attempt` (any running run when attempt is null). */
  fail(id: string, attempt: number | null, code: string, message: string, durationMs: number | null): Promise<boolean>;
  /** Fails a queued or running audit whose runs were all interrupted (worker deaths, crashes). */
  failInterrupted(id: string): Promise<boolean>;
  /** Cancels a queued or running audit in scope; undefined when it is in neither state (or not in scope). */
  cancel(id: string, scope?: Scope): Promise<AuditRecord | undefined>;
  /** Puts run `attempt` back in the queue; `refundAttempt` at a graceful stop (the run did nothing wrong). */
  requeue(id: string, attempt: number, refundAttempt: boolean): Promise<boolean>;
  /** Deletes a finished audit in scope, with its report. */
  delete(id: string, scope?: Scope): Promise<boolean>;
  countByStatus(): Promise<Record<AuditStatus, number>>;
  /** The audit and its report in one query; undefined when the audit is not in scope. */
  report(id: string, scope?: Scope): Promise<StoredReport | undefined>;
  /** Done audits of a host in scope, newest first. */
  history(host: string, limit: number, scope?: Scope): Promise<HistoryPoint[]>;
  /** The newest done audit of a host in scope, with its report. */
  latestDone(host: string, scope?: Scope): Promise<StoredReport | undefined>;
}

export interface NewKey {
  name: string;
  /** Sees every tenant's objects. @default false */
  admin?: boolean;
  /** Join an existing tenant (a team). @default the new key's own id */
  tenant?: string;
}

export interface KeyRepo {
  /** The returned `key` is the only time the secret exists outside its holder. */
  create(input: NewKey): Promise<ApiKeyRecord & { key: string }>;
  list(): Promise<ApiKeyRecord[]>;
  /** @throws NotFoundError for an unknown id. Revoking twice is not an error. */
  revoke(id: string): Promise<ApiKeyRecord>;
  /** The active key matching `key`, or undefined (unknown or revoked). */
  verify(key: string): Promise<ApiKeyRecord | undefined>;
}

export interface NewSchedule {
  url: string;
  host: string;
  everySeconds: number;
  options: RequestedAuditOptions;
  apiKeyId?: string | null;
  tenant?: string | null;
  /** First run. @default now */
  firstRunAt?: number;
}

export interface ScheduleRepo {
  create(input: NewSchedule): Promise<ScheduleRecord>;
  get(id: string, scope?: Scope): Promise<ScheduleRecord | undefined>;
  list(scope?: Scope): Promise<ScheduleRecord[]>;
  delete(id: string, scope?: Scope): Promise<boolean>;
  /**
   * Queues an audit for every due schedule and moves its next run forward, in one transaction
   * per store: a due time yields one audit however many processes call this at once. A schedule
   * whose previous audit is still queued or running is skipped (runs must not pile up); after
   * downtime, missed runs collapse into one.
   */
  enqueueDue(): Promise<AuditRecord[]>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** A file path, or the PostgreSQL URL without its password. */
  readonly location: string;
  readonly audits: AuditRepo;
  readonly keys: KeyRepo;
  readonly schedules: ScheduleRepo;
  /** True once close() ran. */
  readonly closed: boolean;
  /** The database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
