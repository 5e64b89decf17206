// The service as a Fastify plugin (fastify/demo style): it registers plugins by role and routes
// per resource, and never listens — server.ts owns listen, the logger and graceful close, and the
// tests build it and call inject(). Order matters: helmet and the error handler first, then the
// store, auth (an onRequest hook) and rate limits (a preHandler per route, added to routes
// registered after it), swagger (it collects routes registered after it), jobs, then the routes.
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import type { HostResolver } from '../fetch/types.js';
import { resolveConfig, type ServerConfig } from './config.js';
import './decorators.js';
import type { AuditRunner } from './jobs/execute.js';
import authPlugin from './plugins/app/auth.js';
import errorsPlugin from './plugins/app/errors.js';
import jobsPlugin from './plugins/app/jobs.js';
import storePlugin from './plugins/app/store.js';
import helmetPlugin from './plugins/external/helmet.js';
import rateLimitPlugin from './plugins/external/rate-limit.js';
import swaggerPlugin from './plugins/external/swagger.js';
import { shared } from './plugins/shared.js';
import auditEventRoutes from './routes/audit-events.js';
import auditRoutes from './routes/audits.js';
import comparisonRoutes from './routes/comparisons.js';
import dashboardRoutes from './routes/dashboard.js';
import healthRoutes from './routes/health.js';
import discoveryRoutes from './routes/discovery.js';
import metricsRoutes from './routes/metrics.js';
import modelRoutes from './routes/model.js';
import portalRoutes from './routes/portals.js';
import scheduleRoutes from './routes/schedules.js';
import { SHARED_SCHEMAS } from './schemas/common.js';
import type { Store } from './store/types.js';
import { validatorCompiler } from './validation.js';

export interface AppOptions {
  config: ServerConfig;
  /** The audit core. @default runAudit */
  runner?: AuditRunner;
  /** An open store instead of opening config.db (tests). */
  store?: Store;
  /** Resolver for vetting targets at submit time. @default node:dns */
  lookup?: HostResolver;
}

export const serviceApp: FastifyPluginAsync<AppOptions> = async (fastify, opts) => {
  fastify.decorate('config', opts.config);
  fastify.decorate('targetLookup', opts.lookup);
  for (const schema of SHARED_SCHEMAS) fastify.addSchema(schema);
  fastify.setValidatorCompiler(validatorCompiler());

  await fastify.register(helmetPlugin);
  await fastify.register(errorsPlugin);
  await fastify.register(storePlugin, { store: opts.store });
  await fastify.register(authPlugin);
  await fastify.register(rateLimitPlugin);
  await fastify.register(swaggerPlugin);
  await fastify.register(jobsPlugin, { runner: opts.runner });

  await fastify.register(healthRoutes);
  await fastify.register(metricsRoutes);
  await fastify.register(discoveryRoutes);
  await fastify.register(dashboardRoutes);
  await fastify.register(modelRoutes, { prefix: '/v1' });
  await fastify.register(auditRoutes, { prefix: '/v1' });
  await fastify.register(auditEventRoutes, { prefix: '/v1' });
  await fastify.register(portalRoutes, { prefix: '/v1' });
  await fastify.register(comparisonRoutes, { prefix: '/v1' });
  await fastify.register(scheduleRoutes, { prefix: '/v1' });
};

/** Fastify instance options the app needs: limits, proxy trust, timeouts. */
export function instanceOptions(config: ServerConfig): FastifyServerOptions {
  return {
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Long enough for a slow client, short enough that idle sockets do not pile up.
    requestTimeout: 30_000,
    // Closing waits for running audits to stop (shutdownGraceMs); avvio must not time out first.
    pluginTimeout: Math.max(10_000, config.shutdownGraceMs + 5_000),
    // Validation: validation.ts (strict bodies, coerced query strings; unknown keys are errors).
  };
}

/** A ready-to-use, not listening app (tests inject() into it; server.ts listens). */
export async function buildApp(opts: Omit<AppOptions, 'config'> & { config?: Partial<ServerConfig> }, extra: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const config = resolveConfig(opts.config);
  const app = Fastify({ ...instanceOptions(config), ...extra });
  await app.register(shared('portalprobe', serviceApp), { ...opts, config });
  return app;
}
