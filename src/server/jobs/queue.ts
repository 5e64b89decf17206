// The in-process queue over the SQLite store (the audits table is the queue): at most
// `concurrency` audits run at once, each with an AbortController. Start-up recovers audits a crash
// left running (re-queued, or failed with a reason after `maxAttempts` starts); stop() takes no new
// work, aborts what runs and re-queues it without charging an attempt. Schedules tick on a timer.
import type { Metrics } from '../metrics.js';
import type { SqliteStore } from '../store/sqlite.js';
import type { AuditRecord } from '../types.js';
import type { AuditEvents } from './events.js';
import { executeRun, type AuditRunner, type QueueLogger } from './execute.js';
import { initialProgress } from './progress.js';
import { localPublisher } from './publish.js';
import { QueueBase } from './queue-base.js';
import type { JobQueue } from './types.js';

export type { AuditRunner, QueueLogger } from './execute.js';

export interface QueueOptions {
  store: SqliteStore;
  runner: AuditRunner;
  events: AuditEvents;
  metrics: Metrics;
  concurrency: number;
  maxAttempts: number;
  allowPrivate: boolean;
  browser?: boolean;
  shutdownGraceMs: number;
  /** How often due schedules are queued. @default 30 000 */
  schedulerTickMs?: number;
  log?: QueueLogger;
  progressWriteMs?: number;
}

export class AuditQueue extends QueueBase implements JobQueue {
  private pumping = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: QueueOptions) {
    super(o, localPublisher(o.events));
  }

  /** Recovers interrupted audits, then starts taking work and ticking schedules. */
  async start(): Promise<void> {
    const recovered = this.o.store.audits.recoverInterrupted(this.o.maxAttempts);
    if (recovered.requeued.length || recovered.failed.length) this.log.warn(recovered, 'recovered audits interrupted by a previous stop');
    for (const _ of recovered.failed) this.o.metrics.observeFinished('failed', null);
    this.accepting = true;
    void this.tickSchedules();
    this.timer = setInterval(() => void this.tickSchedules(), this.o.schedulerTickMs ?? 30_000);
    // The timer alone must not keep the process alive (the HTTP server does that).
    this.timer.unref();
    this.pump();
  }

  submitted(): void {
    this.pump();
  }

  /** Starts queued audits while there is room. */
  pump(): void {
    // One pump at a time; a call during a pump makes it look once more (an audit created while
    // the pump found the queue empty must not wait for the next finish or tick).
    this.again = true;
    if (this.pumping) return;
    this.pumping = true;
    void (async () => {
      try {
        while (this.again) {
          this.again = false;
          while (this.accepting && !this.o.store.closed && this.running.size < this.o.concurrency) {
            const audit = await this.o.store.audits.claimNext(initialProgress(null));
            if (!audit) break;
            this.publish.status(audit);
            this.run(audit);
          }
        }
      } catch (err) {
        this.log.error({ err: (err as Error).message }, 'queue: cannot start audits');
      } finally {
        this.pumping = false;
      }
    })();
  }

  async tickSchedules(): Promise<string[]> {
    if (this.o.store.closed || !this.accepting) return [];
    try {
      const created = await this.queueDue();
      if (created.length > 0) this.pump();
      return created.map((a) => a.id);
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'scheduler tick failed');
      return [];
    }
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    clearInterval(this.timer);
    this.accepting = false;
    this.stopping = true;
    const runs = await this.abortAll(this.o.shutdownGraceMs);
    if (this.o.store.closed) return;
    for (const [id, r] of runs) {
      // A no-op for an audit that managed to finish during the grace period.
      if (await this.o.store.audits.requeue(id, r.attempt, true)) this.log.info({ audit: id }, 're-queued at shutdown');
    }
  }

  private run(audit: AuditRecord): void {
    const controller = new AbortController();
    const deps = { ...this.o, publish: this.publish, log: this.log };
    const settled = executeRun(audit, controller, deps)
      .then(() => undefined, (err: unknown) => this.log.error({ audit: audit.id, err: (err as Error).message }, 'audit run failed'))
      .finally(() => {
        this.running.delete(audit.id);
        if (!this.stopping) this.pump();
      });
    this.running.set(audit.id, { controller, attempt: audit.attempts, settled });
  }
}
