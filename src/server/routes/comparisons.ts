// POST /v1/comparisons — lines up the reports of several portals. Give `auditIds` (done audits)
// or `urls` (the latest done audit of each URL's host is used; audit a portal first if it has none).
import type { FastifyPluginAsync } from 'fastify';
import { ConflictError, NotFoundError, PortalProbeError } from '../../errors.js';
import { parseTargetUrl } from '../../audit/run-audit.js';
import type { Report } from '../../report/types.js';
// PROVISIONAL: switch to '../../compare/index.js' once the lead's buildComparison lands.
import { buildComparison } from '../comparison-provisional.js';
import { errors, targetUrl } from '../schemas/common.js';
import { ID_PATTERN } from '../ids.js';

const TEXT = {
  noAudit: 'No done audit of {host} yet; POST /v1/audits with {url} first',
  notDone: 'Audit {id} is {status}; only done audits can be compared',
};
const MAX_PORTALS = 10;

const comparisonRoutes: FastifyPluginAsync = async (fastify) => {
  const { audits } = fastify.store;

  fastify.post<{ Body: { urls?: string[]; auditIds?: string[] } }>('/comparisons', {
    schema: {
      tags: ['portals'],
      summary: 'Compare portals',
      operationId: 'comparePortals',
      description: `Compares 2–${MAX_PORTALS} done audits, named by \`auditIds\` or by \`urls\` (each URL's latest done audit).`,
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          urls: { type: 'array', items: targetUrl, minItems: 2, maxItems: MAX_PORTALS },
          auditIds: { type: 'array', items: { type: 'string', pattern: ID_PATTERN }, minItems: 2, maxItems: MAX_PORTALS },
        },
        oneOf: [{ required: ['urls'] }, { required: ['auditIds'] }],
      },
      response: {
        200: {
          type: 'object',
          required: ['auditIds', 'comparison'],
          properties: {
            auditIds: { type: 'array', items: { type: 'string' } },
            comparison: { type: 'object', additionalProperties: true, description: 'The comparison of the reports, in the order given.' },
          },
        },
        ...errors(400, 401, 404, 409, 429),
      },
    },
  }, async (request) => {
    const ids = request.body.auditIds ?? request.body.urls!.map((input) => {
      const url = parseTargetUrl(input);
      const latest = audits.latestDone(url.host);
      if (!latest) throw new PortalProbeError('PP_ERR_NOT_FOUND', TEXT.noAudit.replace('{host}', url.host).replace('{url}', url.href), { host: url.host });
      return latest.id;
    });
    const reports: Report[] = ids.map((id) => {
      const audit = audits.get(id);
      if (!audit) throw new NotFoundError('Audit', id);
      const json = audits.reportJson(id);
      if (audit.status !== 'done' || json === undefined) throw new ConflictError(TEXT.notDone.replace('{id}', id).replace('{status}', audit.status));
      return JSON.parse(json) as Report;
    });
    return { auditIds: ids, comparison: buildComparison(reports) };
  });
};

export default comparisonRoutes;
