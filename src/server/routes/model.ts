// GET /v1/model — the maturity model the scores come from (src/model/model.v1.json). Public: it
// is documentation, and /llms.txt links to it.
import type { FastifyPluginAsync } from 'fastify';
import { loadModel } from '../../model/index.js';
import { errors } from '../schemas/common.js';

const named = {
  type: 'object',
  additionalProperties: true,
  properties: { id: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' } },
} as const;

const modelRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/model', {
    config: { public: true },
    schema: {
      tags: ['model'],
      summary: 'The maturity model',
      operationId: 'getModel',
      description: 'Focus areas, lenses, enablers and practices (with how each is evidenced), as data.',
      security: [],
      response: {
        200: {
          type: 'object',
          required: ['id', 'version', 'focusAreas', 'lenses', 'enablers', 'practices'],
          properties: {
            id: { type: 'string' },
            version: { type: 'string' },
            schemaVersion: { type: 'integer' },
            focusAreas: { type: 'array', items: named },
            lenses: { type: 'array', items: named },
            enablers: { type: 'array', items: { ...named, properties: { ...named.properties, focusArea: { type: 'string' } } } },
            practices: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: true,
                properties: {
                  id: { type: 'string' },
                  name: { type: 'string' },
                  definition: { type: 'string' },
                  enabler: { type: 'string' },
                  stage: { type: 'integer', enum: [1, 2, 3] },
                  lenses: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        ...errors(429),
      },
    },
  }, async () => loadModel());
};

export default modelRoutes;
