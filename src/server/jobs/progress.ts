// Folds the audit core's progress events (src/audit/progress.ts) into the small progress record
// the store keeps and the API shows. Pure.
import type { ProgressEvent } from '../../audit/progress.js';
import type { AuditProgress } from '../types.js';

export function initialProgress(maxPages: number | null): AuditProgress {
  return { phase: 'crawl', pagesFetched: 0, maxPages, probesDone: 0, probesStarted: 0, lastUrl: null };
}

export function applyProgress(progress: AuditProgress, event: ProgressEvent): AuditProgress {
  switch (event.type) {
    case 'phase':
      return { ...progress, phase: event.phase };
    case 'page':
      return { ...progress, pagesFetched: Math.max(progress.pagesFetched, event.fetched), maxPages: event.maxPages, lastUrl: event.url };
    case 'probe':
      return event.status === 'running'
        ? { ...progress, probesStarted: progress.probesStarted + 1 }
        : { ...progress, probesDone: progress.probesDone + 1 };
    default:
      return progress;
  }
}
