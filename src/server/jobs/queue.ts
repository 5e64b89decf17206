// The job runner over the store's queue: at most `concurrency` audits run at once, each with an
// AbortController. Start-up recovers audits a crash left running (re-queued, or failed with a
// reason after `maxAttempts` starts); stop() takes no new work, aborts what runs and re-queues it
// without charging an attempt. A finished audit's report and status are written in one
// transaction (AuditStore.complete), and only if the audit is still running — a cancel or a
// shutdown that came first wins.
import { diffReports } from '../../compare/diff.js';
import { validateReport, renderJson } from '../../../reports/json.js';
import { AbortedError, toPortalProbeError } from '../../errors.js';
import { AUDIT_DEFAULTS, type AuditOptions } from '../../audit/options.js';
import type { ProgressEvent } from '../../audit/progress.js';
import type { Report } from '../../contract/index.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../store/index.js';
import type { AuditProgress, AuditRecord } from '../types.js';
import type { AuditEvents } from './events.js';
import { applyProgress, initialProgress } from './progress.js';
import { summarizeReport } from './report-summary.js';

/** The audit core as the queue sees it (runAudit in production; tests pass a fake). */
export type AuditRunner = (url: string, options: AuditOptions) => Promise<Report>;

export interface QueueLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface QueueOptions {
  store: Store;
  runner: AuditRunner;
  events: AuditEvents;
  metrics: Metrics;
  concurrency: number;
  maxAttempts: number;
  /** Server setting passed to every audit; never taken from a request. */
  allowPrivate: boolean;
  /** false turns the headless browser off for every audit. @default true */
  browser?: boolean;
  shutdownGraceMs: number;
  log?: QueueLogger;
  /** Progress is written to the store at most this often (every event still reaches watchers). @default 500 */
  progressWriteMs?: number;
}

interface Running {
  controller: AbortController;
  settled: Promise<void>;
}

const silent: QueueLogger = { info() {}, warn() {}, error() {} };

export class AuditQueue {
  private readonly running = new Map<string, Running>();
  private accepting = false;
  private stopping = false;
  private readonly log: QueueLogger;

  constructor(private readonly o: QueueOptions) {
    this.log = o.log ?? silent;
  }

  get activeCount(): number {
    return this.running.size;
  }

  get isAccepting(): boolean {
    return this.accepting;
  }

  /** Recovers interrupted audits, then starts taking work. */
  start(): { requeued: string[]; failed: string[] } {
    const recovered = this.o.store.audits.recoverInterrupted(this.o.maxAttempts);
    if (recovered.requeued.length || recovered.failed.length) this.log.warn(recovered, 'recovered audits interrupted by a previous stop');
    for (const id of recovered.failed) this.o.metrics.observeFinished('failed', null);
    this.accepting = true;
    this.pump();
    return recovered;
  }

  /** Starts queued audits while there is room. Call after enqueueing. */
  pump(): void {
    while (this.accepting && !this.o.store.closed && this.running.size < this.o.concurrency) {
      const audit = this.o.store.audits.claimNext(initialProgress(null));
      if (!audit) return;
      this.emitStatus(audit);
      this.run(audit);
    }
  }

  /** Cancels a queued or running audit; undefined when it is not in either state. */
  cancel(id: string): AuditRecord | undefined {
    const audit = this.o.store.audits.cancel(id);
    if (!audit) return undefined;
    this.running.get(id)?.controller.abort(new AbortedError(audit.url));
    this.o.metrics.observeFinished('cancelled', null);
    this.emitStatus(audit);
    return audit;
  }

  /** Stops taking work, aborts running audits and re-queues those that did not finish in time. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.accepting = false;
    this.stopping = true;
    const ids = [...this.running.keys()];
    if (ids.length === 0) return;
    this.log.info({ audits: ids }, 'stopping: aborting running audits to re-queue them');
    for (const r of this.running.values()) r.controller.abort(new AbortedError('shutdown'));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running.values()].map((r) => r.settled)),
      new Promise((resolve) => {
        timer = setTimeout(resolve, this.o.shutdownGraceMs);
      }),
    ]);
    clearTimeout(timer);
    if (this.o.store.closed) return;
    for (const id of ids) {
      // A no-op for an audit that managed to finish during the grace period.
      if (this.o.store.audits.requeue(id, true)) this.log.info({ audit: id }, 're-queued at shutdown');
    }
  }

  private run(audit: AuditRecord): void {
    const controller = new AbortController();
    const started = performance.now();
    let progress: AuditProgress = initialProgress(audit.options.maxPages ?? AUDIT_DEFAULTS.maxPages);
    let lastWrite = 0;
    const onProgress = (event: ProgressEvent) => {
      progress = applyProgress(progress, event);
      this.o.events.emit(audit.id, { type: 'progress', auditId: audit.id, event, progress });
      const now = Date.now();
      if (event.type === 'phase' || now - lastWrite >= (this.o.progressWriteMs ?? 500)) {
        lastWrite = now;
        if (!this.o.store.closed) this.o.store.audits.setProgress(audit.id, progress);
      }
    };
    const options: AuditOptions = {
      maxPages: audit.options.maxPages,
      maxDepth: audit.options.maxDepth,
      assessment: audit.options.assessment,
      ...(audit.options.questions ? { questionIds: audit.options.questions } : {}),
      // The API says 'retrieval-only' | 'llm'; the core's names are 'retrieval' | 'llm'.
      ...(audit.options.answerer ? { answerer: audit.options.answerer === 'llm' ? 'llm' : 'retrieval' } : {}),
      allowPrivate: this.o.allowPrivate,
      ...(this.o.browser === false ? { browser: false } : {}),
      signal: controller.signal,
      onProgress,
    };
    const settled = this.execute(audit, options, controller, started, () => progress).finally(() => {
      this.running.delete(audit.id);
      if (!this.stopping) this.pump();
    });
    this.running.set(audit.id, { controller, settled });
  }

  private async execute(
    audit: AuditRecord,
    options: AuditOptions,
    controller: AbortController,
    started: number,
    progress: () => AuditProgress,
  ): Promise<void> {
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const result = await this.o.runner(audit.url, options);
      // A core that returns a partial report after an abort is not done: the abort wins.
      if (controller.signal.aborted) throw controller.signal.reason ?? new AbortedError(audit.url);
      // The contract check guards the store: only a report every reader can read is kept.
      const report = validateReport(JSON.parse(JSON.stringify(result)));
      // History in the report itself: what changed since this portal's previous finished audit.
      const previous = this.o.store.audits.latestDone(audit.host);
      const previousJson = previous ? this.o.store.audits.reportJson(previous.id) : undefined;
      if (previous && previousJson) {
        const diff = diffReports(JSON.parse(previousJson) as Report, report);
        report.changes = { againstAuditId: previous.id, againstFinishedAt: JSON.parse(previousJson).target.finishedAt, ...diff };
      }
      const json = renderJson(report);
      const summary = summarizeReport(report);
      if (this.o.store.closed) return;
      const durationMs = elapsed();
      if (this.o.store.audits.complete(audit.id, json, summary, durationMs, { ...progress(), phase: 'done' })) {
        this.o.metrics.observeFinished('done', durationMs, { pagesFetched: report.run.pagesFetched, tokens: report.run.tokens });
        this.log.info({ audit: audit.id, url: audit.url, durationMs, overall: summary.overall }, 'audit done');
        this.emitLatest(audit.id);
      }
    } catch (err) {
      // Cancelled (the store already says so) or stopping (stop() re-queues it): nothing to write.
      if (controller.signal.aborted || this.o.store.closed) return;
      const error = toPortalProbeError(err);
      if (this.o.store.audits.fail(audit.id, error.code, error.message, elapsed())) {
        this.o.metrics.observeFinished('failed', elapsed());
        this.log.warn({ audit: audit.id, url: audit.url, code: error.code, err: error.message }, 'audit failed');
        this.emitLatest(audit.id);
      }
    }
  }

  private emitLatest(id: string): void {
    const audit = this.o.store.audits.get(id);
    if (audit) this.emitStatus(audit);
  }

  private emitStatus(audit: AuditRecord): void {
    this.o.events.emit(audit.id, { type: 'status', audit });
  }
}
