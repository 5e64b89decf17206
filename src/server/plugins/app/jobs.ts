// The job queue, started when the app is ready: the in-process queue over SQLite, or pg-boss over
// PostgreSQL (audits run here unless concurrency is 0; events from other workers arrive by
// LISTEN). On close, preClose (before the store closes) ends the event streams and stops the
// queue: running audits are aborted and re-queued.
import { runAudit } from '../../../audit/run-audit.js';
import { AuditEvents } from '../../jobs/events.js';
import { createQueue } from '../../jobs/create-queue.js';
import type { AuditRunner } from '../../jobs/execute.js';
import { Metrics } from '../../metrics.js';
import { EventStreams } from '../../sse.js';
import { shared } from '../shared.js';

export interface JobsPluginOptions {
  /** @default runAudit */
  runner?: AuditRunner;
}

export default shared<JobsPluginOptions>('jobs', async (fastify, opts) => {
  const events = new AuditEvents();
  const metrics = new Metrics();
  const streams = new EventStreams();
  const queue = createQueue({ config: fastify.config, store: fastify.store, runner: opts.runner ?? runAudit, events, metrics, log: fastify.log });
  fastify.decorate('events', events);
  fastify.decorate('metrics', metrics);
  fastify.decorate('streams', streams);
  fastify.decorate('queue', queue);

  fastify.addHook('onReady', async () => {
    await queue.start();
  });
  fastify.addHook('preClose', async () => {
    streams.closeAll();
    await queue.stop();
  });
});
