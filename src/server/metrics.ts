// Prometheus metrics in the text exposition format (version 0.0.4,
// https://prometheus.io/docs/instrumenting/exposition_formats/), written by hand: a few counters
// and one histogram do not need a client library. Counters count what this process saw since it
// started (Prometheus' rate() handles the reset at restart); the audits-by-status gauge is read
// from the store at scrape time, so it is right across restarts.
import type { DelayStats } from './jobs/types.js';
import type { AuditStatus } from './types.js';

/** Seconds. Audits take from seconds (a small portal) to many minutes (500 pages with an LLM). */
export const DURATION_BUCKETS = [1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] as const;

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export class Metrics {
  private readonly buckets = DURATION_BUCKETS.map(() => 0);
  private durationCount = 0;
  private durationSum = 0;
  private readonly finished = new Map<string, number>();
  private pagesFetched = 0;
  private readonly tokens = { prompt: 0, completion: 0 };

  /** Records one audit that ended in this process. */
  observeFinished(status: Exclude<AuditStatus, 'queued' | 'running'>, durationMs: number | null, run?: { pagesFetched: number; tokens: { prompt: number; completion: number } }): void {
    this.finished.set(status, (this.finished.get(status) ?? 0) + 1);
    if (durationMs !== null && status === 'done') {
      const seconds = durationMs / 1000;
      this.durationCount++;
      this.durationSum += seconds;
      DURATION_BUCKETS.forEach((le, i) => {
        if (seconds <= le) this.buckets[i]++;
      });
    }
    if (run) {
      this.pagesFetched += run.pagesFetched;
      this.tokens.prompt += run.tokens.prompt;
      this.tokens.completion += run.tokens.completion;
    }
  }

  render(byStatus: Record<AuditStatus, number>, here: { active: number; eventDelay?: DelayStats } = { active: 0 }): string {
    const lines: string[] = [];
    const help = (name: string, type: string, text: string) => lines.push(`# HELP ${name} ${text}`, `# TYPE ${name} ${type}`);

    help('portalprobe_audits_running_here', 'gauge', 'Audits running in this process (a worker, or serve unless --workers 0).');
    lines.push(`portalprobe_audits_running_here ${here.active}`);
    if (here.eventDelay) {
      help('portalprobe_event_relay_delay_seconds', 'summary', 'Delay from a worker NOTIFY to this API process, for audit events (PostgreSQL).');
      lines.push(`portalprobe_event_relay_delay_seconds_sum ${round(here.eventDelay.sumMs / 1000)}`);
      lines.push(`portalprobe_event_relay_delay_seconds_count ${here.eventDelay.count}`);
      help('portalprobe_event_relay_delay_max_seconds', 'gauge', 'Longest NOTIFY → API delay seen since start.');
      lines.push(`portalprobe_event_relay_delay_max_seconds ${round(here.eventDelay.maxMs / 1000)}`);
    }

    help('portalprobe_audits', 'gauge', 'Audits in the store, by status.');
    for (const [status, n] of Object.entries(byStatus)) lines.push(`portalprobe_audits{status="${status}"} ${n}`);

    help('portalprobe_audits_finished_total', 'counter', 'Audits that ended in this process, by final status.');
    for (const status of ['done', 'failed', 'cancelled']) lines.push(`portalprobe_audits_finished_total{status="${status}"} ${this.finished.get(status) ?? 0}`);

    help('portalprobe_audit_duration_seconds', 'histogram', 'Wall-clock duration of successful audits.');
    DURATION_BUCKETS.forEach((le, i) => lines.push(`portalprobe_audit_duration_seconds_bucket{le="${le}"} ${this.buckets[i]}`));
    lines.push(`portalprobe_audit_duration_seconds_bucket{le="+Inf"} ${this.durationCount}`);
    lines.push(`portalprobe_audit_duration_seconds_sum ${round(this.durationSum)}`);
    lines.push(`portalprobe_audit_duration_seconds_count ${this.durationCount}`);

    help('portalprobe_pages_fetched_total', 'counter', 'Pages fetched by successful audits.');
    lines.push(`portalprobe_pages_fetched_total ${this.pagesFetched}`);

    help('portalprobe_llm_tokens_total', 'counter', 'LLM tokens used by successful audits (report.run.tokens), by kind.');
    lines.push(`portalprobe_llm_tokens_total{kind="prompt"} ${this.tokens.prompt}`);
    lines.push(`portalprobe_llm_tokens_total{kind="completion"} ${this.tokens.completion}`);
    return `${lines.join('\n')}\n`;
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
