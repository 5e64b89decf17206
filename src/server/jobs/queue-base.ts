// What both queues share (the in-process SQLite queue and the pg-boss one): the audits running in
// this process, cancel, queuing due schedules, and aborting everything at a stop.
import { AbortedError } from '../../errors.js';
import type { Metrics } from '../metrics.js';
import type { Scope, Store } from '../store/types.js';
import type { AuditRecord } from '../types.js';
import { silentLog, type QueueLogger } from './execute.js';
import type { EventPublisher } from './publish.js';

export interface Running {
  controller: AbortController;
  /** The run's token (the audit's attempts when it started). */
  attempt: number;
  settled: Promise<void>;
}

export abstract class QueueBase {
  protected readonly running = new Map<string, Running>();
  protected accepting = false;
  protected stopping = false;
  protected readonly log: QueueLogger;

  constructor(private readonly shared: { store: Store; metrics: Metrics; log?: QueueLogger }, readonly publish: EventPublisher) {
    this.log = shared.log ?? silentLog;
  }

  get activeCount(): number {
    return this.running.size;
  }

  get isAccepting(): boolean {
    return this.accepting;
  }

  async cancel(id: string, scope: Scope): Promise<AuditRecord | undefined> {
    const audit = await this.shared.store.audits.cancel(id, scope);
    if (!audit) return undefined;
    // Running here: stop at once. In another process: that worker's state check aborts it.
    this.running.get(id)?.controller.abort(new AbortedError(audit.url));
    this.shared.metrics.observeFinished('cancelled', null);
    this.publish.status(audit);
    return audit;
  }

  /** Queues an audit for each due schedule and announces them. */
  protected async queueDue(): Promise<AuditRecord[]> {
    const created = await this.shared.store.schedules.enqueueDue();
    for (const audit of created) this.publish.status(audit);
    if (created.length > 0) this.log.info({ audits: created.map((a) => a.id) }, 'scheduled audits queued');
    return created;
  }

  /** Aborts every run here and waits for them to settle, at most `graceMs`; returns the runs. */
  protected async abortAll(graceMs: number): Promise<[string, Running][]> {
    const runs = [...this.running.entries()];
    if (runs.length > 0) this.log.info({ audits: runs.map(([id]) => id) }, 'stopping: aborting running audits to re-queue them');
    for (const [, r] of runs) r.controller.abort(new AbortedError('shutdown'));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(runs.map(([, r]) => r.settled)),
      new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    return runs;
  }
}
