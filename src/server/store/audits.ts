// SQLite audits: the table is also the in-process job queue (rows move queued → running → done |
// failed | cancelled). better-sqlite3 is synchronous; the methods are async only to fit the Store
// interface shared with PostgreSQL. Every state change is one conditional UPDATE, and the report
// is inserted in the transaction that marks its audit done (see store/types.ts).
import type Database from 'better-sqlite3';
import { ActiveAuditLimitError } from '../../errors.js';
import { decodeCursor, encodeCursor, newId } from '../ids.js';
import type { AuditProgress, AuditRecord, AuditStatus, ReportSummary } from '../types.js';
import { decodeReport, emptyStatusCounts, encodeReport, TEXT, WORKER_ID, toAuditRecord, toHistoryPoint, type AuditRow } from './rows.js';
import type { AuditRepo, HistoryPoint, ListQuery, NewAudit, Scope, StoredReport } from './types.js';

/** Audit columns plus the report summary of done audits. */
const WITH_SUMMARY = 'a.*, r.summary AS summary FROM audits a LEFT JOIN reports r ON r.audit_id = a.id';
/** `@scope` null matches every tenant. */
const IN_SCOPE = '(@scope IS NULL OR a.tenant = @scope)';

export class AuditStore implements AuditRepo {
  private readonly s;

  constructor(private readonly db: Database.Database, private readonly now: () => number = Date.now) {
    this.s = {
      insert: db.prepare(`INSERT INTO audits (id, url, host, status, options, api_key_id, tenant, schedule_id, created_at)
        VALUES (@id, @url, @host, 'queued', @options, @apiKeyId, @tenant, @scheduleId, @createdAt) RETURNING *`),
      get: db.prepare(`SELECT ${WITH_SUMMARY} WHERE a.id = @id AND ${IN_SCOPE}`),
      report: db.prepare(`SELECT a.*, r.summary AS summary, r.body AS body, r.encoding AS encoding
        FROM audits a LEFT JOIN reports r ON r.audit_id = a.id WHERE a.id = @id AND ${IN_SCOPE}`),
      nextQueued: db.prepare(`SELECT id FROM audits WHERE status = 'queued' ORDER BY created_at, id LIMIT 1`),
      start: db.prepare(`UPDATE audits SET status = 'running', attempts = attempts + 1, started_at = @now,
          progress = @progress, error_code = NULL, error_message = NULL, worker = @worker
        WHERE id = @id AND status IN ('queued', 'running') RETURNING *`),
      progress: db.prepare(`UPDATE audits SET progress = @progress WHERE id = @id AND status = 'running' AND attempts = @attempt`),
      done: db.prepare(`UPDATE audits SET status = 'done', finished_at = @now, duration_ms = @durationMs, progress = @progress
        WHERE id = @id AND status = 'running' AND attempts = @attempt`),
      insertReport: db.prepare('INSERT INTO reports (audit_id, body, encoding, summary) VALUES (?, ?, ?, ?)'),
      fail: db.prepare(`UPDATE audits SET status = 'failed', finished_at = @now, duration_ms = @durationMs,
          error_code = @code, error_message = @message WHERE id = @id AND status = 'running' AND (@attempt IS NULL OR attempts = @attempt)`),
      failInterrupted: db.prepare(`UPDATE audits SET status = 'failed', finished_at = @now, error_code = 'PP_ERR_INTERNAL',
          error_message = REPLACE(@message, '{n}', attempts) WHERE id = @id AND status IN ('queued', 'running')`),
      cancel: db.prepare(`UPDATE audits AS a SET status = 'cancelled', finished_at = @now, error_code = 'PP_ERR_ABORTED',
          error_message = @message WHERE a.id = @id AND a.status IN ('queued', 'running') AND ${IN_SCOPE} RETURNING *`),
      requeue: db.prepare(`UPDATE audits SET status = 'queued', attempts = MAX(attempts - @refund, 0), started_at = NULL, progress = NULL
        WHERE id = @id AND status = 'running' AND attempts = @attempt`),
      delete: db.prepare(`DELETE FROM audits AS a WHERE a.id = @id AND a.status IN ('done', 'failed', 'cancelled') AND ${IN_SCOPE}`),
      running: db.prepare(`SELECT * FROM audits WHERE status = 'running'`),
      activeForTenant: db.prepare(`SELECT COUNT(*) AS n FROM audits WHERE tenant IS @tenant AND status IN ('queued', 'running')`),
      byStatus: db.prepare('SELECT status, COUNT(*) AS n FROM audits GROUP BY status'),
      history: db.prepare(`SELECT audit_id, url, finished_at, summary FROM history a WHERE host = @host AND ${IN_SCOPE}
        ORDER BY finished_at DESC, audit_id DESC LIMIT @limit`),
      latestDone: db.prepare(`SELECT a.*, r.summary AS summary, r.body AS body, r.encoding AS encoding
        FROM audits a JOIN reports r ON r.audit_id = a.id
        WHERE a.host = @host AND a.status = 'done' AND ${IN_SCOPE} ORDER BY a.finished_at DESC, a.id DESC LIMIT 1`),
    };
  }

  async create(input: NewAudit, limit?: { maxActive: number }): Promise<AuditRecord> {
    // One transaction: the count and the insert cannot be split by another writer.
    const row = this.db.transaction(() => {
      const tenant = input.tenant ?? null;
      if (limit) {
        const active = (this.s.activeForTenant.get({ tenant }) as { n: number }).n;
        if (active >= limit.maxActive) throw new ActiveAuditLimitError(active, limit.maxActive);
      }
      return this.s.insert.get({
        id: newId('aud'),
        url: input.url,
        host: input.host,
        options: JSON.stringify(input.options),
        apiKeyId: input.apiKeyId ?? null,
        tenant,
        scheduleId: input.scheduleId ?? null,
        createdAt: this.now(),
      }) as AuditRow;
    }).immediate();
    return toAuditRecord(row);
  }

  async get(id: string, scope: Scope = null): Promise<AuditRecord | undefined> {
    const row = this.s.get.get({ id, scope }) as AuditRow | undefined;
    return row && toAuditRecord(row);
  }

  async list(query: ListQuery = {}, scope: Scope = null): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const where: string[] = [IN_SCOPE];
    const params: Record<string, unknown> = { scope, limit: limit + 1 };
    if (query.host) {
      where.push('a.host = @host');
      params.host = query.host;
    }
    if (query.status) {
      where.push('a.status = @status');
      params.status = query.status;
    }
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      where.push('(a.created_at < @cAt OR (a.created_at = @cAt AND a.id < @cId))');
      params.cAt = c.createdAt;
      params.cId = c.id;
    }
    const sql = `SELECT ${WITH_SUMMARY} WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT @limit`;
    const rows = this.db.prepare(sql).all(params) as AuditRow[];
    const items = rows.slice(0, limit).map(toAuditRecord);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  /** The in-process queue's take: the oldest queued audit, started (one transaction). */
  async claimNext(initial: AuditProgress): Promise<AuditRecord | undefined> {
    const row = this.db.transaction(() => {
      const next = this.s.nextQueued.get() as { id: string } | undefined;
      return next && (this.s.start.get({ id: next.id, now: this.now(), progress: JSON.stringify(initial), worker: WORKER_ID }) as AuditRow | undefined);
    }).immediate();
    return row ? toAuditRecord(row) : undefined;
  }

  async start(id: string, initial: AuditProgress, worker = WORKER_ID): Promise<AuditRecord | undefined> {
    const row = this.s.start.get({ id, now: this.now(), progress: JSON.stringify(initial), worker }) as AuditRow | undefined;
    return row && toAuditRecord(row);
  }

  async setProgress(id: string, attempt: number, progress: AuditProgress): Promise<boolean> {
    return this.s.progress.run({ id, attempt, progress: JSON.stringify(progress) }).changes > 0;
  }

  async complete(id: string, attempt: number, reportJson: string, summary: ReportSummary, durationMs: number, progress: AuditProgress): Promise<boolean> {
    const { body, encoding } = await encodeReport(reportJson);
    return this.db.transaction(() => {
      const changed = this.s.done.run({ id, attempt, now: this.now(), durationMs, progress: JSON.stringify(progress) }).changes;
      if (changed === 0) return false;
      this.s.insertReport.run(id, body, encoding, JSON.stringify(summary));
      return true;
    })();
  }

  async fail(id: string, attempt: number | null, code: string, message: string, durationMs: number | null): Promise<boolean> {
    return this.s.fail.run({ id, attempt, now: this.now(), durationMs, code, message }).changes > 0;
  }

  async failInterrupted(id: string): Promise<boolean> {
    return this.s.failInterrupted.run({ id, now: this.now(), message: TEXT.interrupted }).changes > 0;
  }

  async cancel(id: string, scope: Scope = null): Promise<AuditRecord | undefined> {
    const row = this.s.cancel.get({ id, scope, now: this.now(), message: TEXT.cancelled }) as AuditRow | undefined;
    return row && toAuditRecord(row);
  }

  async requeue(id: string, attempt: number, refundAttempt: boolean): Promise<boolean> {
    return this.s.requeue.run({ id, attempt, refund: refundAttempt ? 1 : 0 }).changes > 0;
  }

  async delete(id: string, scope: Scope = null): Promise<boolean> {
    return this.s.delete.run({ id, scope }).changes > 0;
  }

  /**
   * At start-up, audits still 'running' were interrupted by a crash (one process per SQLite file,
   * so nothing else can be running them). Each goes back to the queue, unless it has been started
   * `maxAttempts` times already: then it fails with a reason.
   */
  recoverInterrupted(maxAttempts: number): { requeued: string[]; failed: string[] } {
    return this.db.transaction(() => {
      const requeued: string[] = [];
      const failed: string[] = [];
      for (const row of this.s.running.all() as AuditRow[]) {
        if (row.attempts >= maxAttempts) {
          this.s.failInterrupted.run({ id: row.id, now: this.now(), message: TEXT.interrupted });
          failed.push(row.id);
        } else {
          this.s.requeue.run({ id: row.id, attempt: row.attempts, refund: 0 });
          requeued.push(row.id);
        }
      }
      return { requeued, failed };
    })();
  }

  async countByStatus(): Promise<Record<AuditStatus, number>> {
    const counts = emptyStatusCounts();
    for (const row of this.s.byStatus.all() as { status: AuditStatus; n: number }[]) counts[row.status] = row.n;
    return counts;
  }

  async report(id: string, scope: Scope = null): Promise<StoredReport | undefined> {
    return withReport(this.s.report.get({ id, scope }) as AuditRow | undefined);
  }

  async history(host: string, limit: number, scope: Scope = null): Promise<HistoryPoint[]> {
    const rows = this.s.history.all({ host, limit, scope }) as { audit_id: string; url: string; finished_at: number; summary: string }[];
    return rows.map(toHistoryPoint);
  }

  async latestDone(host: string, scope: Scope = null): Promise<StoredReport | undefined> {
    return withReport(this.s.latestDone.get({ host, scope }) as AuditRow | undefined);
  }
}

/** An audit row joined with its report row → the record and the decompressed JSON. */
export async function withReport(row: AuditRow | undefined): Promise<StoredReport | undefined> {
  if (!row) return undefined;
  const json = row.body && row.encoding && row.status === 'done' ? await decodeReport(row.body, row.encoding) : undefined;
  return { audit: toAuditRecord(row), json };
}
