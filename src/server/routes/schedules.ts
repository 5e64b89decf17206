// /v1/schedules — re-audit a portal on an interval. The scheduler (jobs/scheduler.ts) queues an
// audit when a schedule is due; each run lands in the portal's history.
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../../errors.js';
import { parseEvery } from '../every.js';
import { errors, every, idParams, targetUrl } from '../schemas/common.js';
import { ownerOf, scopeOf } from '../scope.js';
import { prepareAudit, submitLimits } from '../submit.js';
import type { RequestedAuditOptions } from '../types.js';
import { scheduleView } from '../views.js';

const scheduleRoutes: FastifyPluginAsync = async (fastify) => {
  const { config, store } = fastify;

  fastify.post<{ Body: { url: string; every: string | number; options?: RequestedAuditOptions } }>('/schedules', {
    schema: {
      tags: ['portals'],
      summary: 'Re-audit a portal on an interval',
      operationId: 'createSchedule',
      description: `The first audit is queued at once, then one every \`every\` (at least ${config.minScheduleSeconds} s on this server). A run is skipped while the previous one is still queued or running.`,
      body: {
        type: 'object',
        required: ['url', 'every'],
        additionalProperties: false,
        properties: { url: targetUrl, every, options: { $ref: 'AuditOptions#' } },
      },
      response: { 201: { $ref: 'Schedule#' }, ...errors(400, 401, 413, 429) },
    },
  }, async (request, reply) => {
    const everySeconds = parseEvery(request.body.every, config.minScheduleSeconds);
    const prepared = await prepareAudit(request.body, submitLimits(fastify));
    const schedule = await store.schedules.create({ ...prepared, everySeconds, apiKeyId: request.apiKey?.id ?? null, tenant: ownerOf(request) });
    await fastify.queue.tickSchedules();
    const view = scheduleView((await store.schedules.get(schedule.id)) ?? schedule);
    return reply.code(201).header('location', view.links.self).send(view);
  });

  fastify.get('/schedules', {
    schema: {
      tags: ['portals'],
      summary: 'List schedules',
      operationId: 'listSchedules',
      response: {
        200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: 'Schedule#' } } } },
        ...errors(401, 429),
      },
    },
  }, async (request) => ({ items: (await store.schedules.list(scopeOf(request))).map(scheduleView) }));

  fastify.get<{ Params: { id: string } }>('/schedules/:id', {
    schema: {
      tags: ['portals'],
      summary: 'Read a schedule',
      operationId: 'getSchedule',
      params: idParams,
      response: { 200: { $ref: 'Schedule#' }, ...errors(400, 401, 404, 429) },
    },
  }, async (request) => {
    const schedule = await store.schedules.get(request.params.id, scopeOf(request));
    if (!schedule) throw new NotFoundError('Schedule', request.params.id);
    return scheduleView(schedule);
  });

  fastify.delete<{ Params: { id: string } }>('/schedules/:id', {
    schema: {
      tags: ['portals'],
      summary: 'Delete a schedule',
      operationId: 'deleteSchedule',
      description: 'Stops future runs; audits already made stay.',
      params: idParams,
      response: { 204: { type: 'null', description: 'Deleted' }, ...errors(400, 401, 404, 429) },
    },
  }, async (request, reply) => {
    if (!(await store.schedules.delete(request.params.id, scopeOf(request)))) throw new NotFoundError('Schedule', request.params.id);
    return reply.code(204).send();
  });
};

export default scheduleRoutes;
