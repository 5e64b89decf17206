// PostgreSQL audits: the same rules as the SQLite AuditStore (see store/types.ts), for many API
// and worker processes at once. The queue is pg-boss; this table keeps each audit's state, and
// `attempts` is the token of its current run, so a worker whose job expired and was retried
// elsewhere can no longer write progress, a report or a failure.
import type pg from 'pg';
import { ActiveAuditLimitError } from '../../../errors.js';
import { decodeCursor, encodeCursor, newId } from '../../ids.js';
import type { AuditProgress, AuditRecord, AuditStatus, ReportSummary } from '../../types.js';
import { withReport } from '../audits.js';
import { emptyStatusCounts, encodeReport, TEXT, WORKER_ID, toAuditRecord, toHistoryPoint, type AuditRow } from '../rows.js';
import type { AuditRepo, HistoryPoint, ListQuery, NewAudit, Scope, StoredReport } from '../types.js';
import { inTransaction, type Queryable } from './connection.js';

const WITH_SUMMARY = 'a.*, r.summary AS summary FROM audits a LEFT JOIN reports r ON r.audit_id = a.id';
const WITH_REPORT = 'a.*, r.summary AS summary, r.body AS body, r.encoding AS encoding FROM audits a LEFT JOIN reports r ON r.audit_id = a.id';

/** Called inside the transaction that inserts audits, so an audit and its job exist together or not at all. */
export type Enqueuer = (auditIds: string[], client: pg.PoolClient) => Promise<void>;

export async function insertAudit(db: Queryable, input: NewAudit, now: number): Promise<AuditRecord> {
  const { rows } = await db.query<AuditRow>(
    `INSERT INTO audits (id, url, host, status, options, api_key_id, tenant, schedule_id, created_at)
     VALUES ($1, $2, $3, 'queued', $4, $5, $6, $7, $8) RETURNING *`,
    [newId('aud'), input.url, input.host, JSON.stringify(input.options), input.apiKeyId ?? null, input.tenant ?? null, input.scheduleId ?? null, now],
  );
  return toAuditRecord(rows[0]);
}

export class PgAuditStore implements AuditRepo {
  /** Set by the queue: sends the pg-boss job of each new audit in the inserting transaction. */
  enqueue: Enqueuer | undefined;

  constructor(private readonly pool: pg.Pool, private readonly now: () => number = Date.now) {}

  async create(input: NewAudit, limit?: { maxActive: number }): Promise<AuditRecord> {
    return inTransaction(this.pool, async (client) => {
      const tenant = input.tenant ?? null;
      if (limit) {
        // Serialises submits of one tenant across every API process until this transaction ends.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`portalprobe-tenant:${tenant ?? ''}`]);
        const { rows } = await client.query<{ n: number }>(
          `SELECT COUNT(*) AS n FROM audits WHERE tenant IS NOT DISTINCT FROM $1 AND status IN ('queued', 'running')`,
          [tenant],
        );
        if (rows[0].n >= limit.maxActive) throw new ActiveAuditLimitError(rows[0].n, limit.maxActive);
      }
      const audit = await insertAudit(client, input, this.now());
      await this.enqueue?.([audit.id], client);
      return audit;
    });
  }

  async get(id: string, scope: Scope = null): Promise<AuditRecord | undefined> {
    const { rows } = await this.pool.query<AuditRow>(`SELECT ${WITH_SUMMARY} WHERE a.id = $1 AND ($2::text IS NULL OR a.tenant = $2)`, [id, scope]);
    return rows[0] && toAuditRecord(rows[0]);
  }

  async list(query: ListQuery = {}, scope: Scope = null): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
    const limit = query.limit ?? 20;
    const params: unknown[] = [scope];
    const where = ['($1::text IS NULL OR a.tenant = $1)'];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql.replace(/\?/g, () => `$${params.push(values.shift()) }`));
    };
    if (query.host) add('a.host = ?', query.host);
    if (query.status) add('a.status = ?', query.status);
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      add('(a.created_at < ? OR (a.created_at = ? AND a.id < ?))', c.createdAt, c.createdAt, c.id);
    }
    params.push(limit + 1);
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT ${WITH_SUMMARY} WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(toAuditRecord);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
  }

  async start(id: string, initial: AuditProgress, worker = WORKER_ID): Promise<AuditRecord | undefined> {
    const { rows } = await this.pool.query<AuditRow>(
      `UPDATE audits SET status = 'running', attempts = attempts + 1, started_at = $2, progress = $3, error_code = NULL, error_message = NULL, worker = $4
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING *`,
      [id, this.now(), JSON.stringify(initial), worker],
    );
    return rows[0] && toAuditRecord(rows[0]);
  }

  async setProgress(id: string, attempt: number, progress: AuditProgress): Promise<boolean> {
    const r = await this.pool.query(`UPDATE audits SET progress = $3 WHERE id = $1 AND status = 'running' AND attempts = $2`, [id, attempt, JSON.stringify(progress)]);
    return (r.rowCount ?? 0) > 0;
  }

  async complete(id: string, attempt: number, reportJson: string, summary: ReportSummary, durationMs: number, progress: AuditProgress): Promise<boolean> {
    const { body, encoding } = await encodeReport(reportJson);
    return inTransaction(this.pool, async (client) => {
      const r = await client.query(
        `UPDATE audits SET status = 'done', finished_at = $3, duration_ms = $4, progress = $5 WHERE id = $1 AND status = 'running' AND attempts = $2`,
        [id, attempt, this.now(), durationMs, JSON.stringify(progress)],
      );
      if ((r.rowCount ?? 0) === 0) return false;
      await client.query('INSERT INTO reports (audit_id, body, encoding, summary) VALUES ($1, $2, $3, $4)', [id, body, encoding, JSON.stringify(summary)]);
      return true;
    });
  }

  async fail(id: string, attempt: number | null, code: string, message: string, durationMs: number | null): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE audits SET status = 'failed', finished_at = $3, duration_ms = $4, error_code = $5, error_message = $6
       WHERE id = $1 AND status = 'running' AND ($2::int IS NULL OR attempts = $2)`,
      [id, attempt, this.now(), durationMs, code, message],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async failInterrupted(id: string): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE audits SET status = 'failed', finished_at = $2, error_code = 'PP_ERR_INTERNAL', error_message = REPLACE($3, '{n}', attempts::text)
       WHERE id = $1 AND status IN ('queued', 'running')`,
      [id, this.now(), TEXT.interrupted],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async cancel(id: string, scope: Scope = null): Promise<AuditRecord | undefined> {
    const { rows } = await this.pool.query<AuditRow>(
      `UPDATE audits SET status = 'cancelled', finished_at = $3, error_code = 'PP_ERR_ABORTED', error_message = $4
       WHERE id = $1 AND status IN ('queued', 'running') AND ($2::text IS NULL OR tenant = $2) RETURNING *`,
      [id, scope, this.now(), TEXT.cancelled],
    );
    return rows[0] && toAuditRecord(rows[0]);
  }

  async requeue(id: string, attempt: number, refundAttempt: boolean): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE audits SET status = 'queued', attempts = GREATEST(attempts - $3, 0), started_at = NULL, progress = NULL
       WHERE id = $1 AND status = 'running' AND attempts = $2`,
      [id, attempt, refundAttempt ? 1 : 0],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async delete(id: string, scope: Scope = null): Promise<boolean> {
    const r = await this.pool.query(
      `DELETE FROM audits WHERE id = $1 AND status IN ('done', 'failed', 'cancelled') AND ($2::text IS NULL OR tenant = $2)`,
      [id, scope],
    );
    return (r.rowCount ?? 0) > 0;
  }

  /** The status and current run of an audit (a worker's cancel check; no scope: internal). */
  async runState(id: string): Promise<{ status: AuditStatus; attempts: number } | undefined> {
    const { rows } = await this.pool.query<{ status: AuditStatus; attempts: number }>('SELECT status, attempts FROM audits WHERE id = $1', [id]);
    return rows[0];
  }

  async countByStatus(): Promise<Record<AuditStatus, number>> {
    const counts = emptyStatusCounts();
    const { rows } = await this.pool.query<{ status: AuditStatus; n: number }>('SELECT status, COUNT(*) AS n FROM audits GROUP BY status');
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async report(id: string, scope: Scope = null): Promise<StoredReport | undefined> {
    const { rows } = await this.pool.query<AuditRow>(`SELECT ${WITH_REPORT} WHERE a.id = $1 AND ($2::text IS NULL OR a.tenant = $2)`, [id, scope]);
    return withReport(rows[0]);
  }

  async history(host: string, limit: number, scope: Scope = null): Promise<HistoryPoint[]> {
    const { rows } = await this.pool.query<{ audit_id: string; url: string; finished_at: number; summary: string }>(
      `SELECT audit_id, url, finished_at, summary FROM history WHERE host = $1 AND ($2::text IS NULL OR tenant = $2)
       ORDER BY finished_at DESC, audit_id DESC LIMIT $3`,
      [host, scope, limit],
    );
    return rows.map(toHistoryPoint);
  }

  async latestDone(host: string, scope: Scope = null): Promise<StoredReport | undefined> {
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT ${WITH_REPORT} WHERE a.host = $1 AND a.status = 'done' AND r.audit_id IS NOT NULL AND ($2::text IS NULL OR a.tenant = $2)
       ORDER BY a.finished_at DESC, a.id DESC LIMIT 1`,
      [host, scope],
    );
    return withReport(rows[0]);
  }
}
