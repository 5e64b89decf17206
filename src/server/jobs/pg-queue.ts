// The queue on PostgreSQL: every audit is a pg-boss job (SKIP LOCKED fetch, retries, expiry),
// run by any process that works the queue — `portalprobe worker`, or `serve` unless --workers 0.
// - The job is sent in the transaction that inserts the audit (PgAuditStore.enqueue), so there is
//   never an audit without a job or a job without an audit.
// - A worker that dies mid-audit (SIGKILL, machine lost) leaves its job active; pg-boss's
//   maintenance fails it once `jobExpirySeconds` have passed and retries it elsewhere, at most
//   maxAttempts runs in all; after the last, the dead-letter queue's handler fails the audit with
//   the reason. A run's writes are conditional on its attempt number (store/types.ts), so a late
//   or superseded run never overwrites a newer one, and no audit completes twice.
// - A live run longer than the expiry is aborted just before it and failed with PP_ERR_TIMEOUT
//   (pg-boss would otherwise fail the job and start a second copy while the first still runs).
// - Cancel: the API marks the audit cancelled; each worker re-reads the state of its running audits
//   every `cancelPollMs` (and on every progress write) and aborts what is no longer its run.
// - Schedules: a pg-boss cron schedule sends one tick job a minute across all processes (pg-boss
//   keeps one per slot); below a minute (`schedulerTickMs`, tests) each process also offers a
//   throttled tick (sendThrottled: one per slot). A tick runs ScheduleRepo.enqueueDue, which yields
//   one audit per due time however many ticks overlap.
// - Stop: no new jobs are fetched; running audits are aborted, re-queued without charging an
//   attempt and given a fresh job.
import PgBoss from 'pg-boss';
import { AbortedError, PortalProbeError } from '../../errors.js';
import type { Metrics } from '../metrics.js';
import type { PgStore } from '../store/pg/index.js';
import type { AuditEvents } from './events.js';
import { executeRun, silentLog, type AuditRunner, type QueueLogger } from './execute.js';
import { QueueBase } from './queue-base.js';
import { pgPublisher, PgEventRelay, type PgPublisher } from './pg-events.js';
import { initialProgress } from './progress.js';
import type { JobQueue } from './types.js';

export const QUEUES = { audit: 'pp-audit', dead: 'pp-audit-dead', tick: 'pp-schedule-tick' } as const;
const TEXT = { overran: 'The audit ran longer than the job expiry ({s} s) and was stopped' };

export interface PgQueueOptions {
  store: PgStore;
  runner: AuditRunner;
  events: AuditEvents;
  metrics: Metrics;
  /** Audits this process runs at once; 0 runs none (an API-only process). */
  concurrency: number;
  maxAttempts: number;
  allowPrivate: boolean;
  browser?: boolean;
  shutdownGraceMs: number;
  /** A job whose worker is silent this long is retried elsewhere; also the longest an audit may run. @default 900 */
  jobExpirySeconds: number;
  /** How often pg-boss looks for expired jobs. @default min(60, jobExpirySeconds) */
  maintenanceSeconds?: number;
  /** How often an idle worker asks for a job. @default 1 */
  pollingSeconds?: number;
  /** How often a worker re-reads its running audits' state (cancel). @default 1000 */
  cancelPollMs?: number;
  /** Schedule tick; below 60 000 each process also offers throttled ticks. @default 30 000 */
  schedulerTickMs: number;
  /** LISTEN for audit events (API processes, for SSE). @default true */
  relayEvents?: boolean;
  log?: QueueLogger;
  progressWriteMs?: number;
}

export class PgQueue extends QueueBase implements JobQueue {
  private boss: PgBoss | undefined;
  private relay: PgEventRelay | undefined;
  private timers: NodeJS.Timeout[] = [];

  private readonly notifier: PgPublisher;

  constructor(private readonly o: PgQueueOptions) {
    const notifier = pgPublisher(o.store, o.log ?? silentLog);
    super(o, notifier);
    this.notifier = notifier;
  }

  /** NOTIFY → receipt delays this process saw (API processes). */
  get eventDelay() {
    return this.relay?.delay;
  }

  async start(): Promise<void> {
    const { store } = this.o;
    const expiry = this.o.jobExpirySeconds;
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => store.pool.query(text, values as unknown[]) },
      schema: `${store.pg.schema}_boss`,
      // Expired jobs are found within a quarter of the expiry (a minute at most).
      maintenanceIntervalSeconds: this.o.maintenanceSeconds ?? Math.max(1, Math.min(60, Math.floor(expiry / 4))),
      // Finished jobs are history in our own tables; pg-boss need not keep them long.
      archiveCompletedAfterSeconds: 3_600,
      deleteAfterDays: 7,
      cronMonitorIntervalSeconds: 30,
    });
    boss.on('error', (err: Error) => {
      if (!this.stopping) this.log.warn({ err: err.message }, 'job queue error (pg-boss); it retries');
    });
    await boss.start();
    this.boss = boss;
    const auditQueue = { name: QUEUES.audit, retryLimit: this.o.maxAttempts - 1, retryDelay: 0, expireInSeconds: expiry, deadLetter: QUEUES.dead };
    await boss.createQueue(QUEUES.dead, { name: QUEUES.dead });
    await boss.createQueue(QUEUES.audit, auditQueue);
    // Every process applies its settings (the last to start wins): run them all with the same ones.
    await boss.updateQueue(QUEUES.audit, auditQueue);
    await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, retryLimit: 0, expireInSeconds: 60 });
    store.audits.enqueue = async (ids, client) => {
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      const { name: _, ...send } = auditQueue;
      for (const auditId of ids) await boss.send(QUEUES.audit, { auditId }, { ...send, db });
    };

    if (this.o.relayEvents !== false) {
      this.relay = new PgEventRelay(store, this.o.events, this.log);
      await this.relay.start();
    }
    const polling = { pollingIntervalSeconds: this.o.pollingSeconds ?? 1, batchSize: 1 };
    for (let i = 0; i < this.o.concurrency; i++) {
      await boss.work<{ auditId: string }>(QUEUES.audit, polling, ([job]) =>
        this.runJob(job.data.auditId).catch((err: unknown) => {
          // pg-boss fails the job and retries it (another run, another attempt): say why.
          this.log.warn({ audit: job.data.auditId, err: (err as Error).message }, 'audit job failed; pg-boss retries it');
          throw err;
        }),
      );
    }
    await boss.work<{ auditId: string }>(QUEUES.dead, polling, ([job]) => this.giveUp(job.data.auditId));
    await boss.work(QUEUES.tick, polling, () => this.tickSchedules());
    await boss.schedule(QUEUES.tick, '* * * * *');
    if (this.o.schedulerTickMs < 60_000) {
      const seconds = Math.max(1, Math.round(this.o.schedulerTickMs / 1000));
      const offer = () => void boss.sendThrottled(QUEUES.tick, {}, {}, seconds).catch(() => {});
      offer();
      this.timers.push(setInterval(offer, this.o.schedulerTickMs));
    }
    for (const t of this.timers) t.unref();
    this.accepting = true;
  }

  submitted(): void {
    // The job was sent with the audit; a worker fetches it.
  }

  async tickSchedules(): Promise<string[]> {
    if (this.o.store.closed) return [];
    return (await this.queueDue()).map((a) => a.id);
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.accepting = false;
    for (const t of this.timers) clearInterval(t);
    const boss = this.boss;
    if (boss) await boss.offWork(QUEUES.audit).catch(() => {});
    // Each run re-queues itself with a fresh job when it sees the abort (runJob).
    await this.abortAll(this.o.shutdownGraceMs);
    await this.relay?.stop();
    await this.notifier.close();
    await boss?.stop({ graceful: true, close: false, wait: true, timeout: 2_000 }).catch(() => {});
  }

  /** One pg-boss job: start a run of the audit (if it still wants one) and see it to its end. */
  private async runJob(auditId: string): Promise<void> {
    const { store } = this.o;
    if (this.stopping) throw new PortalProbeError('PP_ERR_ABORTED', 'worker stopping');
    const audit = await store.audits.start(auditId, initialProgress(null));
    if (!audit) return; // done, failed, cancelled or deleted meanwhile: the job has nothing to do
    if (audit.attempts > this.o.maxAttempts) {
      await this.giveUp(auditId);
      return;
    }
    this.publish.status(audit);
    const controller = new AbortController();
    const run = audit.attempts;
    // Just before pg-boss would fail the job for running too long and hand it to another worker,
    // the run is failed (first, so the retry finds the audit finished) and then aborted.
    const margin = Math.max(1_000, this.o.jobExpirySeconds * 50);
    const deadline = setTimeout(() => {
      void this.overran(auditId, run);
      controller.abort(new AbortedError(audit.url));
    }, Math.max(500, this.o.jobExpirySeconds * 1000 - margin));
    const poll = setInterval(() => {
      store.audits.runState(auditId).then((state) => {
        if (!state || state.status !== 'running' || state.attempts !== run) controller.abort(new AbortedError(audit.url));
      }, () => {});
    }, this.o.cancelPollMs ?? 1_000);
    const deps = { ...this.o, publish: this.publish, log: this.log };
    let resolveSettled: () => void = () => {};
    const settled = new Promise<void>((resolve) => {
      resolveSettled = resolve;
    });
    this.running.set(auditId, { controller, attempt: run, settled });
    try {
      const outcome = await executeRun(audit, controller, deps);
      if (outcome !== 'aborted' || store.closed) return;
      if (this.stopping && (await store.audits.requeue(auditId, run, true))) {
        // A fresh job: this one completes when the handler returns.
        await this.boss!.send(QUEUES.audit, { auditId }, { retryLimit: this.o.maxAttempts - 1, expireInSeconds: this.o.jobExpirySeconds, deadLetter: QUEUES.dead });
        this.log.info({ audit: auditId }, 're-queued at shutdown');
      }
    } finally {
      clearTimeout(deadline);
      clearInterval(poll);
      this.running.delete(auditId);
      resolveSettled();
    }
  }

  private async overran(auditId: string, run: number): Promise<void> {
    const message = TEXT.overran.replace('{s}', String(this.o.jobExpirySeconds));
    if (await this.o.store.audits.fail(auditId, run, 'PP_ERR_TIMEOUT', message, null).catch(() => false)) {
      this.o.metrics.observeFinished('failed', null);
      const audit = await this.o.store.audits.get(auditId);
      if (audit) this.publish.status(audit);
      this.log.warn({ audit: auditId }, 'audit failed: it ran longer than the job expiry');
    }
  }

  /** Every run was interrupted (the last job expired too): the audit fails with the reason. */
  private async giveUp(auditId: string): Promise<void> {
    if (await this.o.store.audits.failInterrupted(auditId)) {
      this.o.metrics.observeFinished('failed', null);
      const audit = await this.o.store.audits.get(auditId);
      if (audit) this.publish.status(audit);
      this.log.warn({ audit: auditId }, 'audit failed: every run was interrupted');
    }
  }
}
