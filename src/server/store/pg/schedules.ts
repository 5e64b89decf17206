// PostgreSQL schedules. enqueueDue locks the due rows (FOR UPDATE SKIP LOCKED) and advances each
// one conditionally in the transaction that inserts its audit and sends the audit's job, so a due
// time yields one audit however many processes tick at once.
import type pg from 'pg';
import { newId } from '../../ids.js';
import type { AuditRecord, ScheduleRecord } from '../../types.js';
import { nextRunAfter, toScheduleRecord, type ScheduleRow } from '../rows.js';
import type { NewSchedule, ScheduleRepo, Scope } from '../types.js';
import { insertAudit, type PgAuditStore } from './audits.js';
import { inTransaction } from './connection.js';

export class PgScheduleStore implements ScheduleRepo {
  constructor(private readonly pool: pg.Pool, private readonly audits: PgAuditStore, private readonly now: () => number = Date.now) {}

  async create(input: NewSchedule): Promise<ScheduleRecord> {
    const now = this.now();
    const { rows } = await this.pool.query<ScheduleRow>(
      `INSERT INTO schedules (id, url, host, every_seconds, options, api_key_id, tenant, next_run_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [newId('sch'), input.url, input.host, input.everySeconds, JSON.stringify(input.options), input.apiKeyId ?? null, input.tenant ?? null, input.firstRunAt ?? now, now],
    );
    return toScheduleRecord(rows[0]);
  }

  async get(id: string, scope: Scope = null): Promise<ScheduleRecord | undefined> {
    const { rows } = await this.pool.query<ScheduleRow>('SELECT * FROM schedules WHERE id = $1 AND ($2::text IS NULL OR tenant = $2)', [id, scope]);
    return rows[0] && toScheduleRecord(rows[0]);
  }

  async list(scope: Scope = null): Promise<ScheduleRecord[]> {
    const { rows } = await this.pool.query<ScheduleRow>('SELECT * FROM schedules WHERE ($1::text IS NULL OR tenant = $1) ORDER BY created_at, id', [scope]);
    return rows.map(toScheduleRecord);
  }

  async delete(id: string, scope: Scope = null): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM schedules WHERE id = $1 AND ($2::text IS NULL OR tenant = $2)', [id, scope]);
    return (r.rowCount ?? 0) > 0;
  }

  async enqueueDue(): Promise<AuditRecord[]> {
    return inTransaction(this.pool, async (client) => {
      const now = this.now();
      const created: AuditRecord[] = [];
      const { rows } = await client.query<ScheduleRow>('SELECT * FROM schedules WHERE next_run_at <= $1 ORDER BY next_run_at, id FOR UPDATE SKIP LOCKED', [now]);
      for (const row of rows) {
        const active = await client.query<{ n: number }>(`SELECT COUNT(*) AS n FROM audits WHERE schedule_id = $1 AND status IN ('queued', 'running')`, [row.id]);
        let auditId: string | null = null;
        if (active.rows[0].n === 0) {
          const audit = await insertAudit(client, { url: row.url, host: row.host, options: JSON.parse(row.options), apiKeyId: row.api_key_id, tenant: row.tenant, scheduleId: row.id }, now);
          created.push(audit);
          auditId = audit.id;
        }
        await client.query('UPDATE schedules SET next_run_at = $1, last_audit_id = COALESCE($2, last_audit_id) WHERE id = $3 AND next_run_at = $4', [nextRunAfter(row, now), auditId, row.id, row.next_run_at]);
      }
      if (created.length > 0) await this.audits.enqueue?.(created.map((a) => a.id), client);
      return created;
    });
  }
}
