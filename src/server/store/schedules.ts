// Schedules: re-audit a portal every N seconds. `next_run_at` is stored and advanced in the same
// transaction that enqueues the audit, so a restart neither loses a run nor enqueues one twice.
import type Database from 'better-sqlite3';
import { newId } from '../ids.js';
import type { AuditRecord, RequestedAuditOptions, ScheduleRecord } from '../types.js';
import type { AuditStore } from './audits.js';

interface ScheduleRow {
  id: string;
  url: string;
  host: string;
  every_seconds: number;
  options: string;
  api_key_id: string | null;
  next_run_at: number;
  last_audit_id: string | null;
  created_at: number;
}

export interface NewSchedule {
  url: string;
  host: string;
  everySeconds: number;
  options: RequestedAuditOptions;
  apiKeyId?: string | null;
  /** First run. @default now */
  firstRunAt?: number;
}

function toRecord(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    url: row.url,
    host: row.host,
    everySeconds: row.every_seconds,
    options: JSON.parse(row.options) as RequestedAuditOptions,
    apiKeyId: row.api_key_id,
    nextRunAt: row.next_run_at,
    lastAuditId: row.last_audit_id,
    createdAt: row.created_at,
  };
}

export class ScheduleStore {
  private readonly s;

  constructor(private readonly db: Database.Database, private readonly audits: AuditStore, private readonly now: () => number = Date.now) {
    this.s = {
      insert: db.prepare(`INSERT INTO schedules (id, url, host, every_seconds, options, api_key_id, next_run_at, created_at)
        VALUES (@id, @url, @host, @every, @options, @apiKeyId, @next, @now) RETURNING *`),
      get: db.prepare('SELECT * FROM schedules WHERE id = ?'),
      list: db.prepare('SELECT * FROM schedules ORDER BY created_at, id'),
      delete: db.prepare('DELETE FROM schedules WHERE id = ?'),
      due: db.prepare('SELECT * FROM schedules WHERE next_run_at <= ? ORDER BY next_run_at, id'),
      advance: db.prepare('UPDATE schedules SET next_run_at = ?, last_audit_id = COALESCE(?, last_audit_id) WHERE id = ? AND next_run_at = ?'),
    };
  }

  create(input: NewSchedule): ScheduleRecord {
    const now = this.now();
    const row = this.s.insert.get({
      id: newId('sch'),
      url: input.url,
      host: input.host,
      every: input.everySeconds,
      options: JSON.stringify(input.options),
      apiKeyId: input.apiKeyId ?? null,
      next: input.firstRunAt ?? now,
      now,
    }) as ScheduleRow;
    return toRecord(row);
  }

  get(id: string): ScheduleRecord | undefined {
    const row = this.s.get.get(id) as ScheduleRow | undefined;
    return row && toRecord(row);
  }

  list(): ScheduleRecord[] {
    return (this.s.list.all() as ScheduleRow[]).map(toRecord);
  }

  delete(id: string): boolean {
    return this.s.delete.run(id).changes > 0;
  }

  /**
   * Enqueues an audit for every due schedule and moves its next run forward. A schedule whose
   * previous audit is still queued or running is not enqueued again (audits slower than the
   * interval must not pile up). After downtime, missed runs collapse into one: the next run is
   * one interval after now, not a burst of catch-ups.
   */
  enqueueDue(): AuditRecord[] {
    return this.db.transaction(() => {
      const now = this.now();
      const created: AuditRecord[] = [];
      for (const row of this.s.due.all(now) as ScheduleRow[]) {
        let auditId: string | null = null;
        if (!this.audits.hasActiveForSchedule(row.id)) {
          const audit = this.audits.create({
            url: row.url,
            host: row.host,
            options: JSON.parse(row.options) as RequestedAuditOptions,
            apiKeyId: row.api_key_id,
            scheduleId: row.id,
          });
          created.push(audit);
          auditId = audit.id;
        }
        let next = row.next_run_at + row.every_seconds * 1000;
        if (next <= now) next = now + row.every_seconds * 1000;
        this.s.advance.run(next, auditId, row.id, row.next_run_at);
      }
      return created;
    })();
  }
}
