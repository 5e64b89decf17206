// GET /metrics — Prometheus text format. Public, like most scrape targets: it holds counts only
// (no URLs, hosts or keys). Put it behind the reverse proxy's allow-list if that is too open.
import type { FastifyPluginAsync } from 'fastify';
import { METRICS_CONTENT_TYPE } from '../metrics.js';

const metricsRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/metrics', {
    config: { public: true, rateLimit: false },
    schema: {
      tags: ['service'],
      summary: 'Prometheus metrics',
      operationId: 'getMetrics',
      description: 'portalprobe_audits_running_here, portalprobe_event_relay_delay_seconds (PostgreSQL API processes), portalprobe_audits{status}, portalprobe_audits_finished_total{status}, portalprobe_audit_duration_seconds (histogram), portalprobe_pages_fetched_total, portalprobe_llm_tokens_total{kind}.',
      security: [],
      response: { 200: { description: 'Text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } },
    },
  }, async (_request, reply) => reply.type(METRICS_CONTENT_TYPE).send(fastify.metrics.render(await fastify.store.audits.countByStatus(), { active: fastify.queue.activeCount, eventDelay: fastify.queue.eventDelay })));
};

export default metricsRoutes;
