// Per-key request limits (@fastify/rate-limit): the bucket is the API key with auth on, the
// client IP with --no-auth. It runs as a preHandler, after the auth hook has named the key. On
// PostgreSQL the counts live in the database, so the limit holds across API processes.
// Health, readiness and metrics are exempt (probes and scrapers must always get through).
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { RateLimitedError } from '../../../errors.js';
import type { PgStore } from '../../store/pg/index.js';
import { shared } from '../shared.js';
import { pgRateLimitStore } from './pg-rate-limit-store.js';

const TEXT = { exceeded: 'Rate limit exceeded: {max} requests per {window}; retry in {after}' };

export function rateLimitKey(request: FastifyRequest): string {
  return request.apiKey ? `key:${request.apiKey.id}` : `ip:${request.ip}`;
}

export default shared('rate-limit', async (fastify) => {
  const { max, timeWindowMs } = fastify.config.rateLimit;
  await fastify.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max,
    timeWindow: timeWindowMs,
    keyGenerator: rateLimitKey,
    ...(fastify.store.kind === 'postgres' ? { store: pgRateLimitStore((fastify.store as PgStore).pool) } : {}),
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(
        TEXT.exceeded.replace('{max}', String(context.max)).replace('{window}', `${Math.round(timeWindowMs / 1000)} s`).replace('{after}', context.after),
        { limit: context.max, retryAfter: context.after },
      ),
  });
});
