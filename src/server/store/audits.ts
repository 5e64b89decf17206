// The audits table is the job queue: rows move queued → running → done | failed | cancelled.
// Every state change is one conditional UPDATE (`WHERE status = …`), so a late result from an
// audit that was cancelled, or re-queued at shutdown, can never overwrite the newer state; and a
// report is inserted in the same transaction that marks its audit done, so none is half-written.
import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor, newId } from '../ids.js';
import type { AuditProgress, AuditRecord, AuditStatus, ReportSummary, RequestedAuditOptions } from '../types.js';
import { AUDIT_STATUSES } from '../types.js';

export const TEXT = {
  interrupted: 'The audit was interrupted {n} times (the service stopped while it ran); giving up',
  cancelled: 'Cancelled on request',
};

interface AuditRow {
  id: string;
  url: string;
  host: string;
  status: AuditStatus;
  options: string;
  api_key_id: string | null;
  schedule_id: string | null;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  progress: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  duration_ms: number | null;
  /** From reports, when the query joins it. */
  summary?: string | null;
}

export interface NewAudit {
  url: string;
  host: string;
  options: RequestedAuditOptions;
  apiKeyId?: string | null;
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

export function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    url: row.url,
    host: row.host,
    status: row.status,
    options: JSON.parse(row.options) as RequestedAuditOptions,
    apiKeyId: row.api_key_id,
    scheduleId: row.schedule_id,
    attempts: row.attempts,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    progress: row.progress ? (JSON.parse(row.progress) as AuditProgress) : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    summary: row.summary ? (JSON.parse(row.summary) as ReportSummary) : null,
  };
}

/** Audit columns plus the report summary of done audits. */
const WITH_SUMMARY = 'a.*, r.summary AS summary FROM audits a LEFT JOIN reports r ON r.audit_id = a.id';

export class AuditStore {
  private readonly s;

  constructor(private readonly db: Database.Database, private readonly now: () => number = Date.now) {
    this.s = {
      insert: db.prepare(`INSERT INTO audits (id, url, host, status, options, api_key_id, schedule_id, created_at)
        VALUES (@id, @url, @host, 'queued', @options, @apiKeyId, @scheduleId, @createdAt) RETURNING *`),
      get: db.prepare(`SELECT ${WITH_SUMMARY} WHERE a.id = ?`),
      claim: db.prepare(`UPDATE audits SET status = 'running', attempts = attempts + 1, started_at = @now,
          progress = @progress, error_code = NULL, error_message = NULL
        WHERE id = (SELECT id FROM audits WHERE status = 'queued' ORDER BY created_at, id LIMIT 1) RETURNING *`),
      progress: db.prepare(`UPDATE audits SET progress = ? WHERE id = ? AND status = 'running'`),
      done: db.prepare(`UPDATE audits SET status = 'done', finished_at = @now, duration_ms = @durationMs, progress = @progress
        WHERE id = @id AND status = 'running'`),
      insertReport: db.prepare('INSERT INTO reports (audit_id, json, summary) VALUES (?, ?, ?)'),
      fail: db.prepare(`UPDATE audits SET status = 'failed', finished_at = @now, duration_ms = @durationMs,
          error_code = @code, error_message = @message WHERE id = @id AND status = 'running'`),
      cancel: db.prepare(`UPDATE audits SET status = 'cancelled', finished_at = @now, error_code = 'PP_ERR_ABORTED',
          error_message = @message WHERE id = @id AND status IN ('queued', 'running') RETURNING *`),
      requeue: db.prepare(`UPDATE audits SET status = 'queued', attempts = MAX(attempts - @refund, 0), started_at = NULL, progress = NULL
        WHERE id = @id AND status = 'running'`),
      delete: db.prepare(`DELETE FROM audits WHERE id = ? AND status IN ('done', 'failed', 'cancelled')`),
      running: db.prepare(`SELECT * FROM audits WHERE status = 'running'`),
      activeForKey: db.prepare(`SELECT COUNT(*) AS n FROM audits WHERE api_key_id = ? AND status IN ('queued', 'running')`),
      activeForSchedule: db.prepare(`SELECT COUNT(*) AS n FROM audits WHERE schedule_id = ? AND status IN ('queued', 'running')`),
      byStatus: db.prepare('SELECT status, COUNT(*) AS n FROM audits GROUP BY status'),
      report: db.prepare('SELECT json FROM reports WHERE audit_id = ?'),
      history: db.prepare(`SELECT audit_id, url, finished_at, summary FROM history WHERE host = ?
        ORDER BY finished_at DESC, audit_id DESC LIMIT ?`),
      latestDone: db.prepare(`SELECT ${WITH_SUMMARY} WHERE a.host = ? AND a.status = 'done' ORDER BY a.finished_at DESC, a.id DESC LIMIT 1`),
    };
  }

  create(input: NewAudit): AuditRecord {
    const row = this.s.insert.get({
      id: newId('aud'),
      url: input.url,
      host: input.host,
      options: JSON.stringify(input.options),
      apiKeyId: input.apiKeyId ?? null,
      scheduleId: input.scheduleId ?? null,
      createdAt: this.now(),
    }) as AuditRow;
    return toRecord(row);
  }

  get(id: string): AuditRecord | undefined {
    const row = this.s.get.get(id) as AuditRow | undefined;
    return row && toRecord(row);
  }

  /** Newest first. `nextCursor` is null on the last page. */
  list(query: ListQuery = {}): { items: AuditRecord[]; nextCursor: string | null } {
    const limit = query.limit ?? 20;
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.host) {
      where.push('a.host = ?');
      params.push(query.host);
    }
    if (query.status) {
      where.push('a.status = ?');
      params.push(query.status);
    }
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      where.push('(a.created_at < ? OR (a.created_at = ? AND a.id < ?))');
      params.push(c.createdAt, c.createdAt, c.id);
    }
    const sql = `SELECT ${WITH_SUMMARY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.created_at DESC, a.id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, limit + 1) as AuditRow[];
    const items = rows.slice(0, limit).map(toRecord);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  /** Takes the oldest queued audit and marks it running (one statement, so two takers never share one). */
  claimNext(initial: AuditProgress): AuditRecord | undefined {
    const row = this.s.claim.get({ now: this.now(), progress: JSON.stringify(initial) }) as AuditRow | undefined;
    return row && toRecord(row);
  }

  setProgress(id: string, progress: AuditProgress): void {
    this.s.progress.run(JSON.stringify(progress), id);
  }

  /** Marks a running audit done and stores its report, atomically. False if it is no longer running. */
  complete(id: string, reportJson: string, summary: ReportSummary, durationMs: number, progress: AuditProgress): boolean {
    return this.db.transaction(() => {
      const changed = this.s.done.run({ id, now: this.now(), durationMs, progress: JSON.stringify(progress) }).changes;
      if (changed === 0) return false;
      this.s.insertReport.run(id, reportJson, JSON.stringify(summary));
      return true;
    })();
  }

  /** False if the audit is no longer running (cancelled meanwhile). */
  fail(id: string, code: string, message: string, durationMs: number | null): boolean {
    return this.s.fail.run({ id, now: this.now(), durationMs, code, message }).changes > 0;
  }

  /** Cancels a queued or running audit; undefined when it is in neither state. */
  cancel(id: string): AuditRecord | undefined {
    const row = this.s.cancel.get({ id, now: this.now(), message: TEXT.cancelled }) as AuditRow | undefined;
    return row && toRecord(row);
  }

  /**
   * Puts a running audit back in the queue. `refundAttempt` is for a graceful shutdown: the audit
   * did nothing wrong, so the interrupted start does not count towards the attempt limit.
   */
  requeue(id: string, refundAttempt: boolean): boolean {
    return this.s.requeue.run({ id, refund: refundAttempt ? 1 : 0 }).changes > 0;
  }

  /** Deletes a finished audit (and, by cascade, its report). */
  delete(id: string): boolean {
    return this.s.delete.run(id).changes > 0;
  }

  /**
   * At start-up, audits still 'running' were interrupted by a crash. Each goes back to the queue,
   * unless it has been started `maxAttempts` times already: then it fails with a reason.
   */
  recoverInterrupted(maxAttempts: number): { requeued: string[]; failed: string[] } {
    return this.db.transaction(() => {
      const requeued: string[] = [];
      const failed: string[] = [];
      for (const row of this.s.running.all() as AuditRow[]) {
        if (row.attempts >= maxAttempts) {
          this.fail(row.id, 'PP_ERR_INTERNAL', TEXT.interrupted.replace('{n}', String(row.attempts)), null);
          failed.push(row.id);
        } else {
          this.requeue(row.id, false);
          requeued.push(row.id);
        }
      }
      return { requeued, failed };
    })();
  }

  countActiveForKey(apiKeyId: string): number {
    return (this.s.activeForKey.get(apiKeyId) as { n: number }).n;
  }

  hasActiveForSchedule(scheduleId: string): boolean {
    return (this.s.activeForSchedule.get(scheduleId) as { n: number }).n > 0;
  }

  countByStatus(): Record<AuditStatus, number> {
    const counts = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as Record<AuditStatus, number>;
    for (const row of this.s.byStatus.all() as { status: AuditStatus; n: number }[]) counts[row.status] = row.n;
    return counts;
  }

  /** The stored JSON report text (renderJson output), or undefined when there is none. */
  reportJson(id: string): string | undefined {
    return (this.s.report.get(id) as { json: string } | undefined)?.json;
  }

  /** Done audits of a host, newest first. */
  history(host: string, limit: number): HistoryPoint[] {
    const rows = this.s.history.all(host, limit) as { audit_id: string; url: string; finished_at: number; summary: string }[];
    return rows.map((r) => ({ auditId: r.audit_id, url: r.url, finishedAt: r.finished_at, summary: JSON.parse(r.summary) as ReportSummary }));
  }

  latestDone(host: string): AuditRecord | undefined {
    const row = this.s.latestDone.get(host) as AuditRow | undefined;
    return row && toRecord(row);
  }
}
