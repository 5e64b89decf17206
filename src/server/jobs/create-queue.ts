// Picks the queue for the store: SQLite → the in-process queue; PostgreSQL → pg-boss.
import type { ServerConfig } from '../config.js';
import type { Metrics } from '../metrics.js';
import type { PgStore } from '../store/pg/index.js';
import type { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import type { AuditEvents } from './events.js';
import type { AuditRunner, QueueLogger } from './execute.js';
import { PgQueue } from './pg-queue.js';
import { AuditQueue } from './queue.js';
import type { JobQueue } from './types.js';

export interface QueueDeps {
  config: ServerConfig;
  store: Store;
  runner: AuditRunner;
  events: AuditEvents;
  metrics: Metrics;
  log?: QueueLogger;
  /** LISTEN for other processes' audit events (API processes). @default true */
  relayEvents?: boolean;
}

export function createQueue(d: QueueDeps): JobQueue {
  const { config } = d;
  const common = {
    runner: d.runner,
    events: d.events,
    metrics: d.metrics,
    concurrency: config.concurrency,
    maxAttempts: config.maxAttempts,
    allowPrivate: config.allowPrivate,
    browser: config.browser,
    shutdownGraceMs: config.shutdownGraceMs,
    schedulerTickMs: config.schedulerTickMs,
    log: d.log,
  };
  if (d.store.kind === 'postgres') {
    return new PgQueue({
      ...common,
      store: d.store as PgStore,
      jobExpirySeconds: config.jobExpirySeconds,
      maintenanceSeconds: config.maintenanceSeconds,
      pollingSeconds: config.pollingSeconds,
      cancelPollMs: config.cancelPollMs,
      relayEvents: d.relayEvents,
    });
  }
  return new AuditQueue({ ...common, store: d.store as SqliteStore });
}
