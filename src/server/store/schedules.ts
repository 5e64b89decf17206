// SQLite schedules: re-audit a portal every N seconds. `next_run_at` is advanced in the same
// transaction that queues the audit, so a restart neither loses a run nor queues one twice.
import type Database from 'better-sqlite3';
import { newId } from '../ids.js';
import type { AuditRecord, RequestedAuditOptions, ScheduleRecord } from '../types.js';
import { nextRunAfter, toAuditRecord, toScheduleRecord, type AuditRow, type ScheduleRow } from './rows.js';
import type { NewSchedule, ScheduleRepo, Scope } from './types.js';

const IN_SCOPE = '(@scope IS NULL OR tenant = @scope)';

export class ScheduleStore implements ScheduleRepo {
  private readonly s;

  constructor(private readonly db: Database.Database, private readonly now: () => number = Date.now) {
    this.s = {
      insert: db.prepare(`INSERT INTO schedules (id, url, host, every_seconds, options, api_key_id, tenant, next_run_at, created_at)
        VALUES (@id, @url, @host, @every, @options, @apiKeyId, @tenant, @next, @now) RETURNING *`),
      get: db.prepare(`SELECT * FROM schedules WHERE id = @id AND ${IN_SCOPE}`),
      list: db.prepare(`SELECT * FROM schedules WHERE ${IN_SCOPE} ORDER BY created_at, id`),
      delete: db.prepare(`DELETE FROM schedules WHERE id = @id AND ${IN_SCOPE}`),
      due: db.prepare('SELECT * FROM schedules WHERE next_run_at <= ? ORDER BY next_run_at, id'),
      active: db.prepare(`SELECT COUNT(*) AS n FROM audits WHERE schedule_id = ? AND status IN ('queued', 'running')`),
      insertAudit: db.prepare(`INSERT INTO audits (id, url, host, status, options, api_key_id, tenant, schedule_id, created_at)
        VALUES (@id, @url, @host, 'queued', @options, @apiKeyId, @tenant, @scheduleId, @createdAt) RETURNING *`),
      advance: db.prepare('UPDATE schedules SET next_run_at = ?, last_audit_id = COALESCE(?, last_audit_id) WHERE id = ? AND next_run_at = ?'),
    };
  }

  async create(input: NewSchedule): Promise<ScheduleRecord> {
    const now = this.now();
    const row = this.s.insert.get({
      id: newId('sch'),
      url: input.url,
      host: input.host,
      every: input.everySeconds,
      options: JSON.stringify(input.options),
      apiKeyId: input.apiKeyId ?? null,
      tenant: input.tenant ?? null,
      next: input.firstRunAt ?? now,
      now,
    }) as ScheduleRow;
    return toScheduleRecord(row);
  }

  async get(id: string, scope: Scope = null): Promise<ScheduleRecord | undefined> {
    const row = this.s.get.get({ id, scope }) as ScheduleRow | undefined;
    return row && toScheduleRecord(row);
  }

  async list(scope: Scope = null): Promise<ScheduleRecord[]> {
    return (this.s.list.all({ scope }) as ScheduleRow[]).map(toScheduleRecord);
  }

  async delete(id: string, scope: Scope = null): Promise<boolean> {
    return this.s.delete.run({ id, scope }).changes > 0;
  }

  async enqueueDue(): Promise<AuditRecord[]> {
    return this.db.transaction(() => {
      const now = this.now();
      const created: AuditRecord[] = [];
      for (const row of this.s.due.all(now) as ScheduleRow[]) {
        let auditId: string | null = null;
        if ((this.s.active.get(row.id) as { n: number }).n === 0) {
          const audit = toAuditRecord(this.s.insertAudit.get({
            id: newId('aud'),
            url: row.url,
            host: row.host,
            options: JSON.stringify(JSON.parse(row.options) as RequestedAuditOptions),
            apiKeyId: row.api_key_id,
            tenant: row.tenant,
            scheduleId: row.id,
            createdAt: now,
          }) as AuditRow);
          created.push(audit);
          auditId = audit.id;
        }
        this.s.advance.run(nextRunAfter(row, now), auditId, row.id, row.next_run_at);
      }
      return created;
    }).immediate();
  }
}
