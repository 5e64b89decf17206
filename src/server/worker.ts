// `portalprobe worker`: a process that only runs audits, from the pg-boss queue on a PostgreSQL
// store shared with any number of API processes (`serve`) and other workers. It answers
// /healthz, /readyz and /metrics on a port of its own (for an orchestrator's probes and a
// Prometheus scrape) and nothing else. SIGTERM/SIGINT stop it gracefully: no new jobs, running
// audits aborted and re-queued without charging an attempt.
import Fastify, { type FastifyInstance } from 'fastify';
import { runAudit } from '../audit/run-audit.js';
import { UsageError } from '../errors.js';
import type { ServerConfig } from './config.js';
import './decorators.js';
import { AuditEvents } from './jobs/events.js';
import type { AuditRunner } from './jobs/execute.js';
import { PgQueue } from './jobs/pg-queue.js';
import { Metrics } from './metrics.js';
import healthRoutes from './routes/health.js';
import metricsRoutes from './routes/metrics.js';
import { listen, loggerOption, type RunningServer } from './server.js';
import { isPostgresUrl } from './store/index.js';
import { openPgStore } from './store/pg/index.js';

export const TEXT = {
  needPg: 'portalprobe worker needs a PostgreSQL store (--db postgres://… or DATABASE_URL); {db} is a SQLite file, whose queue only `portalprobe serve` runs',
};

export interface WorkerOptions {
  /** @default runAudit */
  runner?: AuditRunner;
  handleSignals?: boolean;
}

/** @throws UsageError for a store that is not PostgreSQL. */
export async function startWorker(config: ServerConfig, options: WorkerOptions = {}): Promise<RunningServer> {
  if (!isPostgresUrl(config.db)) throw new UsageError(TEXT.needPg.replace('{db}', config.db));
  const app: FastifyInstance = Fastify({ logger: loggerOption(config), requestTimeout: 30_000, pluginTimeout: Math.max(10_000, config.shutdownGraceMs + 5_000) });
  const store = await openPgStore(config.db, { log: app.log, poolSize: config.concurrency + 4 });
  const metrics = new Metrics();
  const queue = new PgQueue({
    store,
    runner: options.runner ?? runAudit,
    events: new AuditEvents(),
    metrics,
    concurrency: config.concurrency,
    maxAttempts: config.maxAttempts,
    allowPrivate: config.allowPrivate,
    browser: config.browser,
    shutdownGraceMs: config.shutdownGraceMs,
    jobExpirySeconds: config.jobExpirySeconds,
    maintenanceSeconds: config.maintenanceSeconds,
    pollingSeconds: config.pollingSeconds,
    cancelPollMs: config.cancelPollMs,
    schedulerTickMs: config.schedulerTickMs,
    // Nobody streams events from a worker.
    relayEvents: false,
    log: app.log,
  });
  app.decorate('config', config);
  app.decorate('store', store);
  app.decorate('metrics', metrics);
  app.decorate('queue', queue);
  await app.register(healthRoutes);
  await app.register(metricsRoutes);
  app.addHook('onReady', async () => queue.start());
  app.addHook('preClose', async () => queue.stop());
  app.addHook('onClose', async () => store.close());
  return listen(app, config, options.handleSignals === true);
}
