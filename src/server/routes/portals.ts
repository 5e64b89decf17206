// GET /v1/portals/:host/history — a portal's scores over time, from its done audits.
import type { FastifyPluginAsync } from 'fastify';
import { errors } from '../schemas/common.js';
import { scopeOf } from '../scope.js';
import type { HistoryPoint } from '../store/types.js';

export function historyPoint(p: HistoryPoint) {
  return {
    auditId: p.auditId,
    url: p.url,
    finishedAt: new Date(p.finishedAt).toISOString(),
    overall: p.summary.overall,
    lenses: p.summary.lenses,
    focusAreas: p.summary.focusAreas,
    pagesFetched: p.summary.pagesFetched,
  };
}

const portalRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get<{ Params: { host: string }; Querystring: { limit: number } }>('/portals/:host/history', {
    schema: {
      tags: ['portals'],
      summary: "A portal's scores over time",
      operationId: 'getPortalHistory',
      description:
        'One point per done audit of the host (host[:port], as in an audit\'s `host`), oldest first, with the change from the first to the last point. Use GET /v1/audits/{id}/diff?against={id} to see which practices changed between two points.',
      params: {
        type: 'object',
        required: ['host'],
        additionalProperties: false,
        properties: { host: { type: 'string', minLength: 1, maxLength: 300 } },
      },
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'The most recent N points.' } },
      },
      response: {
        200: {
          type: 'object',
          required: ['host', 'points', 'trend'],
          properties: {
            host: { type: 'string' },
            points: { type: 'array', items: { $ref: 'ScorePoint#' } },
            trend: {
              type: ['object', 'null'],
              description: 'Overall score of the first and last point shown; null without points.',
              properties: { from: { type: 'number' }, to: { type: 'number' }, delta: { type: 'number' } },
            },
          },
        },
        ...errors(400, 401, 429),
      },
    },
  }, async (request) => {
    const host = request.params.host.toLowerCase();
    const points = (await fastify.store.audits.history(host, request.query.limit, scopeOf(request))).reverse().map(historyPoint);
    const first = points[0];
    const last = points.at(-1);
    const trend = first && last ? { from: first.overall, to: last.overall, delta: Math.round((last.overall - first.overall) * 10) / 10 } : null;
    return { host, points, trend };
  });
};

export default portalRoutes;
