// The job queue as the HTTP routes see it. Two implementations: LocalQueue (SQLite: the audits
// table is the queue, audits run in this process) and PgQueue (PostgreSQL: pg-boss jobs, audits
// run by whichever worker process takes them — this one too unless it runs with --workers 0).
import type { Scope } from '../store/types.js';
import type { AuditRecord } from '../types.js';

/** Delay from NOTIFY to receipt, as an event relay saw it. */
export interface DelayStats {
  count: number;
  sumMs: number;
  maxMs: number;
}

export interface JobQueue {
  /** Takes work (readiness). */
  readonly isAccepting: boolean;
  /** Audits running in this process. */
  readonly activeCount: number;
  /** NOTIFY → receipt delays of audit events relayed from other processes (PostgreSQL API processes). */
  readonly eventDelay?: DelayStats;
  start(): Promise<void>;
  /** Called after audits were created (the local queue starts them; pg-boss jobs already exist). */
  submitted(audit: AuditRecord): void;
  /** Cancels a queued or running audit in scope, wherever it runs; undefined when in neither state. */
  cancel(id: string, scope: Scope): Promise<AuditRecord | undefined>;
  /** Queues due schedules now; returns the audits created. */
  tickSchedules(): Promise<string[]>;
  /** Stops taking work; running audits are aborted and re-queued without charging an attempt. */
  stop(): Promise<void>;
}
