// POST /v1/comparisons — the first portal (the subject) beside the others, with buildComparison
// (src/compare) and its renderers. Give `auditIds` (done audits) or `urls` (the latest done
// audit of each URL's host; audit a portal first if it has none). `?format=md|html` answers with
// the rendered comparison report instead of JSON.
import type { FastifyPluginAsync } from 'fastify';
import { contentType, renderComparison, REPORT_FORMATS, type ReportFormat } from '../../../reports/index.js';
import { parseTargetUrl } from '../../audit/run-audit.js';
import { buildComparison } from '../../compare/index.js';
import { PortalProbeError } from '../../errors.js';
import type { Report } from '../../contract/index.js';
import { ID_PATTERN } from '../ids.js';
import { errors, targetUrl } from '../schemas/common.js';
import { scopeOf } from '../scope.js';
import type { AuditRecord } from '../types.js';
import { reportCsp, storedReport } from './audits.js';

const TEXT = {
  noAudit: 'No done audit of {host} yet; POST /v1/audits with {url} first',
  notDone: 'Audit {id} is {status}; only done audits can be compared',
};
const MAX_PORTALS = 10;

const comparedScore = {
  type: 'object',
  properties: {
    scores: { type: 'array', items: { type: ['number', 'null'] } },
    leaders: { type: 'array', items: { type: 'integer' } },
    subjectGap: { type: ['number', 'null'] },
  },
} as const;

const comparisonSchema = {
  type: 'object',
  additionalProperties: true,
  description: 'The comparison (comparison.json, schemaVersion 1): portals by index, 0 being the subject.',
  properties: {
    kind: { type: 'string', enum: ['portalprobe-comparison'] },
    schemaVersion: { type: 'integer' },
    subject: { type: 'integer' },
    portals: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          index: { type: 'integer' },
          label: { type: 'string' },
          url: { type: 'string' },
          finalUrl: { type: 'string' },
          host: { type: 'string' },
          overall: { type: 'number' },
          rank: { type: 'integer' },
        },
      },
    },
    ranking: { type: 'array', items: { type: 'integer' } },
    overall: comparedScore,
    lenses: { type: 'object', additionalProperties: comparedScore },
    focusAreas: { type: 'object', additionalProperties: true },
    enablers: { type: 'array', items: { type: 'object', additionalProperties: true } },
    gaps: { type: 'array', items: { type: 'object', additionalProperties: true } },
    notes: { type: 'array', items: { type: 'string' } },
  },
} as const;

const comparisonRoutes: FastifyPluginAsync = async (fastify) => {
  const { store } = fastify;

  fastify.post<{ Body: { urls?: string[]; auditIds?: string[] }; Querystring: { format: ReportFormat } }>('/comparisons', {
    schema: {
      tags: ['portals'],
      summary: 'Compare portals',
      operationId: 'comparePortals',
      description: `Compares 2–${MAX_PORTALS} done audits, named by \`auditIds\` or by \`urls\` (each URL's latest done audit); the first is the subject. JSON by default; \`format=md\` or \`html\` for the comparison report.`,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { format: { type: 'string', enum: [...REPORT_FORMATS], default: 'json' } },
      },
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
          description: 'The comparison',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['auditIds', 'comparison'],
                properties: { auditIds: { type: 'array', items: { type: 'string' } }, comparison: comparisonSchema },
              },
            },
            'text/markdown': { schema: { type: 'string' } },
            'text/html': { schema: { type: 'string' } },
          },
        },
        ...errors(400, 401, 404, 409, 429),
      },
    },
  }, async (request, reply) => {
    const scope = scopeOf(request);
    const found: { audit: AuditRecord; json: string }[] = [];
    if (request.body.auditIds) {
      for (const id of request.body.auditIds) found.push(await storedReport(store, id, scope, TEXT.notDone));
    } else {
      for (const input of request.body.urls!) {
        const url = parseTargetUrl(input);
        const latest = await store.audits.latestDone(url.host, scope);
        if (!latest?.json) throw new PortalProbeError('PP_ERR_NOT_FOUND', TEXT.noAudit.replace('{host}', url.host).replace('{url}', url.href), { host: url.host });
        found.push({ audit: latest.audit, json: latest.json });
      }
    }
    const ids = found.map((f) => f.audit.id);
    const reports: Report[] = found.map((f) => JSON.parse(f.json) as Report);
    const comparison = buildComparison(reports);
    const format = request.query.format;
    // JSON answers with the audit ids beside the comparison; md and html are the comparison report.
    if (format === 'json') return reply.type(contentType(format)).send({ auditIds: ids, comparison });
    const body = renderComparison(comparison, format);
    if (format === 'html') reply.header('content-security-policy', reportCsp(body));
    return reply.type(contentType(format)).send(body);
  });
};

export default comparisonRoutes;
