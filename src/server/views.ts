// How stored records look over HTTP: ISO timestamps, no internal columns (key ids), and links to
// what a client can do next. Pure.
import type { AuditRecord, ScheduleRecord } from './types.js';
import { REPORT_FORMATS, type ReportFormat } from '../../reports/index.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function auditLinks(audit: AuditRecord) {
  const self = `/v1/audits/${audit.id}`;
  const formats: readonly ReportFormat[] = audit.options.formats?.length ? audit.options.formats : REPORT_FORMATS;
  return {
    self,
    events: `${self}/events`,
    history: `/v1/portals/${encodeURIComponent(audit.host)}/history`,
    ...(audit.status === 'done' ? { report: Object.fromEntries(formats.map((f) => [f, `${self}/report?format=${f}`])) } : {}),
  };
}

export function auditView(audit: AuditRecord) {
  return {
    id: audit.id,
    url: audit.url,
    host: audit.host,
    status: audit.status,
    options: audit.options,
    attempts: audit.attempts,
    progress: audit.progress,
    error: audit.error,
    scheduleId: audit.scheduleId,
    createdAt: iso(audit.createdAt)!,
    startedAt: iso(audit.startedAt),
    finishedAt: iso(audit.finishedAt),
    durationMs: audit.durationMs,
    scores: audit.summary ? { overall: audit.summary.overall, lenses: audit.summary.lenses } : null,
    links: auditLinks(audit),
  };
}

export function scheduleView(s: ScheduleRecord) {
  return {
    id: s.id,
    url: s.url,
    host: s.host,
    everySeconds: s.everySeconds,
    options: s.options,
    nextRunAt: iso(s.nextRunAt)!,
    lastAuditId: s.lastAuditId,
    createdAt: iso(s.createdAt)!,
    links: { self: `/v1/schedules/${s.id}`, history: `/v1/portals/${encodeURIComponent(s.host)}/history` },
  };
}

export { iso };
