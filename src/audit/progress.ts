// Progress events an audit emits while it runs: the CLI prints them on stderr, the HTTP service
// streams them as Server-Sent Events.

export type AuditPhase = 'crawl' | 'probes' | 'fitcheck' | 'score' | 'report' | 'done';

export type ProgressEvent =
  | { type: 'phase'; phase: AuditPhase; at: number }
  | { type: 'page'; url: string; status: number; fetched: number; maxPages: number }
  | { type: 'probe'; id: string; status: 'running' | 'ok' | 'error' | 'skipped'; durationMs?: number }
  | { type: 'question'; id: string; answerable: boolean; done: number; total: number };

export type ProgressListener = (event: ProgressEvent) => void;
