// GET /healthz (liveness: the process answers) and GET /readyz (readiness: the store answers and
// the queue takes work; 503 while starting or shutting down). Public and never rate-limited.
import type { FastifyPluginAsync } from 'fastify';

const status = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string' }, checks: { type: 'object', additionalProperties: { type: 'boolean' } } },
} as const;

const healthRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/healthz', {
    config: { public: true, rateLimit: false },
    schema: { tags: ['service'], summary: 'Liveness', operationId: 'getHealth', security: [], response: { 200: status } },
  }, async () => ({ status: 'ok' }));

  fastify.get('/readyz', {
    config: { public: true, rateLimit: false },
    schema: { tags: ['service'], summary: 'Readiness', operationId: 'getReadiness', security: [], response: { 200: status, 503: status } },
  }, async (_request, reply) => {
    const database = await fastify.store.ping();
    const queue = fastify.queue.isAccepting;
    const ready = database && queue;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks: { database, queue } });
  });
};

export default healthRoutes;
