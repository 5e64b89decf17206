// The schedule timer: every tick, due schedules become queued audits (ScheduleStore.enqueueDue
// advances next_run_at in the same transaction, so restarts neither skip nor repeat a run).
import type { Store } from '../store/index.js';
import type { AuditEvents } from './events.js';
import type { AuditQueue, QueueLogger } from './queue.js';

export interface SchedulerOptions {
  store: Store;
  queue: AuditQueue;
  events: AuditEvents;
  tickMs: number;
  log?: QueueLogger;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: SchedulerOptions) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.o.tickMs);
    // The timer alone must not keep the process alive (the HTTP server does that).
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Enqueues due schedules now; returns the audits created. */
  tick(): string[] {
    if (this.o.store.closed || !this.o.queue.isAccepting) return [];
    try {
      const created = this.o.store.schedules.enqueueDue();
      for (const audit of created) this.o.events.emit(audit.id, { type: 'status', audit });
      if (created.length > 0) {
        this.o.log?.info({ audits: created.map((a) => a.id) }, 'scheduled audits queued');
        this.o.queue.pump();
      }
      return created.map((a) => a.id);
    } catch (err) {
      this.o.log?.error({ err: (err as Error).message }, 'scheduler tick failed');
      return [];
    }
  }
}
