// Where a running audit's events go. In one process (SQLite, or tests) straight to the local
// AuditEvents bus the SSE route listens on; with PostgreSQL through NOTIFY (pg-events.ts), so
// they reach the API process that holds the stream, whichever worker runs the audit.
import type { ProgressEvent } from '../../audit/progress.js';
import type { AuditProgress, AuditRecord } from '../types.js';
import type { AuditEvents } from './events.js';

export interface EventPublisher {
  status(audit: AuditRecord): void;
  progress(auditId: string, event: ProgressEvent, progress: AuditProgress): void;
}

export function localPublisher(events: AuditEvents): EventPublisher {
  return {
    status: (audit) => events.emit(audit.id, { type: 'status', audit }),
    progress: (auditId, event, progress) => events.emit(auditId, { type: 'progress', auditId, event, progress }),
  };
}
