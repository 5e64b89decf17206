// The job runner and the schedule timer, started when the app is ready. On close, preClose (which
// runs before onClose, so before the store closes) ends the event streams, stops the scheduler,
// and stops the queue: running audits are aborted and re-queued.
import { runAudit } from '../../../audit/run-audit.js';
import { AuditEvents } from '../../jobs/events.js';
import { AuditQueue, type AuditRunner } from '../../jobs/queue.js';
import { Scheduler } from '../../jobs/scheduler.js';
import { Metrics } from '../../metrics.js';
import { EventStreams } from '../../sse.js';
import { shared } from '../shared.js';

export interface JobsPluginOptions {
  /** @default runAudit */
  runner?: AuditRunner;
}

export default shared<JobsPluginOptions>('jobs', async (fastify, opts) => {
  const { config, store } = fastify;
  const events = new AuditEvents();
  const metrics = new Metrics();
  const streams = new EventStreams();
  const queue = new AuditQueue({
    store,
    runner: opts.runner ?? runAudit,
    events,
    metrics,
    concurrency: config.concurrency,
    maxAttempts: config.maxAttempts,
    allowPrivate: config.allowPrivate,
    browser: config.browser,
    shutdownGraceMs: config.shutdownGraceMs,
    log: fastify.log,
  });
  const scheduler = new Scheduler({ store, queue, events, tickMs: config.schedulerTickMs, log: fastify.log });
  fastify.decorate('events', events);
  fastify.decorate('metrics', metrics);
  fastify.decorate('streams', streams);
  fastify.decorate('queue', queue);
  fastify.decorate('scheduler', scheduler);

  fastify.addHook('onReady', async () => {
    queue.start();
    scheduler.start();
  });
  fastify.addHook('preClose', async () => {
    scheduler.stop();
    streams.closeAll();
    await queue.stop();
  });
});
