// Runs one started audit to its end, for both queues (the in-process SQLite queue and the pg-boss
// worker): the audit core with an abort signal, progress folded and written (throttled), the
// report validated against the contract, a diff against the portal's previous done audit (same
// tenant), then the report and status in one transaction — only if this run is still the audit's
// current run (`attempts`), so a cancel, a shutdown or a retry elsewhere that came first wins.
import { diffReports } from '../../compare/diff.js';
import { renderJson, validateReport } from '../../../reports/json.js';
import { AbortedError, toPortalProbeError } from '../../errors.js';
import { AUDIT_DEFAULTS, type AuditOptions } from '../../audit/options.js';
import type { ProgressEvent } from '../../audit/progress.js';
import type { Report } from '../../contract/index.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../store/types.js';
import type { AuditProgress, AuditRecord } from '../types.js';
import { applyProgress, initialProgress } from './progress.js';
import type { EventPublisher } from './publish.js';
import { summarizeReport } from './report-summary.js';

/** The audit core as the queue sees it (runAudit in production; tests pass a fake). */
export type AuditRunner = (url: string, options: AuditOptions) => Promise<Report>;

export interface QueueLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLog: QueueLogger = { info() {}, warn() {}, error() {} };

export interface RunDeps {
  store: Store;
  runner: AuditRunner;
  publish: EventPublisher;
  metrics: Metrics;
  /** Server setting passed to every audit; never taken from a request. */
  allowPrivate: boolean;
  /** false turns the headless browser off for every audit. @default true */
  browser?: boolean;
  log: QueueLogger;
  /** Progress is written to the store at most this often (every event is still published). @default 500 */
  progressWriteMs?: number;
}

/** How a run ended: written to the store, or dropped because it was aborted or superseded. */
export type RunOutcome = 'done' | 'failed' | 'aborted' | 'superseded';

/** What the core is told for an audit: the request's options plus server-only settings. */
export function coreOptions(audit: AuditRecord, deps: Pick<RunDeps, 'allowPrivate' | 'browser'>, signal: AbortSignal, onProgress: (e: ProgressEvent) => void): AuditOptions {
  return {
    maxPages: audit.options.maxPages,
    maxDepth: audit.options.maxDepth,
    assessment: audit.options.assessment,
    ...(audit.options.questions ? { questionIds: audit.options.questions } : {}),
    // The API says 'retrieval-only' | 'llm'; the core's names are 'retrieval' | 'llm'.
    ...(audit.options.answerer ? { answerer: audit.options.answerer === 'llm' ? 'llm' : 'retrieval' } : {}),
    allowPrivate: deps.allowPrivate,
    ...(deps.browser === false ? { browser: false } : {}),
    signal,
    onProgress,
  };
}

/** `audit` was just started (store.audits.start): its `attempts` is this run's token. */
export async function executeRun(audit: AuditRecord, controller: AbortController, deps: RunDeps): Promise<RunOutcome> {
  const run = audit.attempts;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let progress: AuditProgress = initialProgress(audit.options.maxPages ?? AUDIT_DEFAULTS.maxPages);
  let lastWrite = 0;
  const onProgress = (event: ProgressEvent) => {
    progress = applyProgress(progress, event);
    deps.publish.progress(audit.id, event, progress);
    const now = Date.now();
    if (event.type === 'phase' || now - lastWrite >= (deps.progressWriteMs ?? 500)) {
      lastWrite = now;
      if (!deps.store.closed) {
        deps.store.audits.setProgress(audit.id, run, progress).then(
          (current) => {
            // Cancelled or taken over elsewhere: stop working on it.
            if (!current && !controller.signal.aborted) controller.abort(new AbortedError(audit.url));
          },
          (err: unknown) => deps.log.warn({ audit: audit.id, err: (err as Error).message }, 'progress not written'),
        );
      }
    }
  };
  try {
    const result = await deps.runner(audit.url, coreOptions(audit, deps, controller.signal, onProgress));
    // A core that returns a partial report after an abort is not done: the abort wins.
    if (controller.signal.aborted) throw controller.signal.reason ?? new AbortedError(audit.url);
    // The contract check guards the store: only a report every reader can read is kept.
    const report = validateReport(JSON.parse(JSON.stringify(result)));
    // History in the report itself: what changed since this portal's previous done audit (of the same owner).
    const previous = await deps.store.audits.latestDone(audit.host, audit.tenant);
    if (previous?.json) {
      const before = JSON.parse(previous.json) as Report;
      report.changes = { againstAuditId: previous.audit.id, againstFinishedAt: before.target.finishedAt, ...diffReports(before, report) };
    }
    const json = renderJson(report);
    const summary = summarizeReport(report);
    if (deps.store.closed || controller.signal.aborted) return 'aborted';
    const durationMs = elapsed();
    if (!(await deps.store.audits.complete(audit.id, run, json, summary, durationMs, { ...progress, phase: 'done' }))) return 'superseded';
    deps.metrics.observeFinished('done', durationMs, { pagesFetched: report.run.pagesFetched, tokens: report.run.tokens });
    deps.log.info({ audit: audit.id, url: audit.url, durationMs, overall: summary.overall }, 'audit done');
    await publishLatest(audit.id, deps);
    return 'done';
  } catch (err) {
    // Cancelled (the store already says so) or stopping (the queue re-queues it): nothing to write.
    if (controller.signal.aborted || deps.store.closed) return 'aborted';
    const error = toPortalProbeError(err);
    if (!(await deps.store.audits.fail(audit.id, run, error.code, error.message, elapsed()))) return 'superseded';
    deps.metrics.observeFinished('failed', elapsed());
    deps.log.warn({ audit: audit.id, url: audit.url, code: error.code, err: error.message }, 'audit failed');
    await publishLatest(audit.id, deps);
    return 'failed';
  }
}

export async function publishLatest(id: string, deps: Pick<RunDeps, 'store' | 'publish'>): Promise<void> {
  const audit = await deps.store.audits.get(id);
  if (audit) deps.publish.status(audit);
}
