// /v1/audits: submit (202 + id), list (newest first, cursor pages), read one, cancel or delete,
// fetch the report in a format, and diff two audits of the same portal.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { contentType, render, REPORT_FORMATS, type ReportFormat } from '../../../reports/index.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Report } from '../../contract/index.js';
import { diffReports } from '../../compare/diff.js';
import { ID_PATTERN } from '../ids.js';
import { errors, idParams, targetUrl } from '../schemas/common.js';
import { scopeOf, ownerOf } from '../scope.js';
import type { Scope, Store } from '../store/types.js';
import { prepareAudit, submitLimits } from '../submit.js';
import { AUDIT_STATUSES, type AuditRecord, type AuditStatus, type RequestedAuditOptions } from '../types.js';
import { auditView } from '../views.js';

const TEXT = {
  notDone: 'The audit is {status}; its report exists once it is done',
  notDoneDiff: 'Audit {id} is {status}; only done audits can be compared',
  otherHost: 'Audits {a} and {b} are of different portals ({hostA}, {hostB}); a diff compares two audits of one portal',
};

/** Only the renderer's own trailing script may run in a served report; everything else is inert. */
export function reportCsp(html: string): string {
  const trailing = /<script>([^<]*)<\/script>\s*<\/body>\s*<\/html>\s*$/i.exec(html);
  const script = trailing ? `'sha256-${createHash('sha256').update(trailing[1], 'utf8').digest('base64')}'` : "'none'";
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${script}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;
}

/** A done audit's report in scope (one query). @throws NotFoundError out of scope, ConflictError until done. */
export async function storedReport(store: Store, id: string, scope: Scope, notDone = TEXT.notDone): Promise<{ audit: AuditRecord; json: string }> {
  const stored = await store.audits.report(id, scope);
  if (!stored) throw new NotFoundError('Audit', id);
  const { audit, json } = stored;
  if (audit.status !== 'done' || json === undefined) throw new ConflictError(notDone.replace('{id}', id).replace('{status}', audit.status), { status: audit.status });
  return { audit, json };
}

const auditRoutes: FastifyPluginAsync = async (fastify) => {
  const { config, store, queue } = fastify;

  fastify.post<{ Body: { url: string; options?: RequestedAuditOptions } }>('/audits', {
    schema: {
      tags: ['audits'],
      summary: 'Start an audit',
      operationId: 'createAudit',
      description: 'Queues an audit of the portal at `url` and answers at once with its id and links (202). Private and loopback targets are refused unless the server allows them.',
      body: {
        type: 'object',
        required: ['url'],
        additionalProperties: false,
        properties: { url: targetUrl, options: { $ref: 'AuditOptions#' } },
      },
      response: { 202: { $ref: 'Audit#' }, ...errors(400, 401, 413, 429) },
    },
  }, async (request, reply) => {
    const prepared = await prepareAudit(request.body, submitLimits(fastify));
    const key = request.apiKey;
    // The cap is counted in the store, atomically with the insert (it holds across API processes).
    const audit = await store.audits.create({ ...prepared, apiKeyId: key?.id ?? null, tenant: ownerOf(request) }, key ? { maxActive: config.maxActivePerKey } : undefined);
    fastify.events.emit(audit.id, { type: 'status', audit });
    queue.submitted(audit);
    const view = auditView(audit);
    return reply.code(202).header('location', view.links.self).send(view);
  });

  fastify.get<{ Querystring: { host?: string; status?: AuditStatus; limit: number; cursor?: string } }>('/audits', {
    schema: {
      tags: ['audits'],
      summary: 'List audits',
      operationId: 'listAudits',
      description: 'Newest first. Pass `nextCursor` back as `cursor` for the next page.',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          host: { type: 'string', maxLength: 300, description: 'Only audits of this host (host[:port]).' },
          status: { type: 'string', enum: [...AUDIT_STATUSES] },
          limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          cursor: { type: 'string', maxLength: 500 },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: { items: { type: 'array', items: { $ref: 'Audit#' } }, nextCursor: { type: ['string', 'null'] } },
        },
        ...errors(400, 401, 429),
      },
    },
  }, async (request) => {
    const { host, status, limit, cursor } = request.query;
    const page = await store.audits.list({ host: host?.toLowerCase(), status, limit, cursor }, scopeOf(request));
    return { items: page.items.map(auditView), nextCursor: page.nextCursor };
  });

  fastify.get<{ Params: { id: string } }>('/audits/:id', {
    schema: {
      tags: ['audits'],
      summary: 'Read an audit',
      operationId: 'getAudit',
      description: 'Status (queued, running, done, failed, cancelled), progress, timings and, when it failed, the error code.',
      params: idParams,
      response: { 200: { $ref: 'Audit#' }, ...errors(400, 401, 404, 429) },
    },
  }, async (request) => {
    const audit = await store.audits.get(request.params.id, scopeOf(request));
    if (!audit) throw new NotFoundError('Audit', request.params.id);
    return auditView(audit);
  });

  fastify.delete<{ Params: { id: string } }>('/audits/:id', {
    schema: {
      tags: ['audits'],
      summary: 'Cancel or delete an audit',
      operationId: 'cancelOrDeleteAudit',
      description: 'A queued or running audit is cancelled (200, the audit with status `cancelled`). A finished one (done, failed, cancelled) is deleted with its report (204).',
      params: idParams,
      response: { 200: { $ref: 'Audit#' }, 204: { type: 'null', description: 'Deleted' }, ...errors(400, 401, 404, 429) },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const scope = scopeOf(request);
    const cancelled = await queue.cancel(id, scope);
    if (cancelled) return auditView(cancelled);
    if (await store.audits.delete(id, scope)) return reply.code(204).send();
    throw new NotFoundError('Audit', id);
  });

  fastify.get<{ Params: { id: string }; Querystring: { format: ReportFormat } }>('/audits/:id/report', {
    schema: {
      tags: ['audits'],
      summary: 'Fetch the report',
      operationId: 'getAuditReport',
      description: 'The report of a done audit: `json` (the schemaVersion 1 contract), `md` (Markdown) or `html` (one self-contained page). 409 until the audit is done.',
      params: idParams,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: { format: { type: 'string', enum: [...REPORT_FORMATS], default: 'json' } },
      },
      response: {
        200: {
          description: 'The report',
          content: {
            'application/json': { schema: { type: 'object', additionalProperties: true, description: 'See reports/report.schema.json' } },
            'text/markdown': { schema: { type: 'string' } },
            'text/html': { schema: { type: 'string' } },
          },
        },
        ...errors(400, 401, 404, 409, 429),
      },
    },
  }, async (request, reply) => {
    const { json } = await storedReport(store, request.params.id, scopeOf(request));
    const format = request.query.format;
    reply.type(contentType(format));
    // The stored text is the rendered JSON already.
    const body = format === 'json' ? json : render(JSON.parse(json) as Report, format);
    if (format === 'html') reply.header('content-security-policy', reportCsp(body));
    return reply.send(body);
  });

  fastify.get<{ Params: { id: string }; Querystring: { against: string } }>('/audits/:id/diff', {
    schema: {
      tags: ['audits'],
      summary: 'What changed between two audits',
      operationId: 'diffAudits',
      description: 'Practices whose status or score changed from audit `against` (the baseline) to this audit; both must be done audits of the same portal.',
      params: idParams,
      querystring: {
        type: 'object',
        required: ['against'],
        additionalProperties: false,
        properties: { against: { type: 'string', pattern: ID_PATTERN } },
      },
      response: {
        200: {
          type: 'object',
          required: ['audit', 'against', 'host', 'overall', 'changes', 'unchanged'],
          properties: {
            audit: { type: 'string' },
            against: { type: 'string' },
            host: { type: 'string' },
            overall: { $ref: 'ScoreDelta#' },
            lenses: { type: 'object', additionalProperties: { $ref: 'ScoreDelta#' } },
            changes: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  name: { type: 'string' },
                  focusArea: { type: 'string' },
                  from: { $ref: 'PracticeState#' },
                  to: { $ref: 'PracticeState#' },
                  direction: { type: 'string', enum: ['improved', 'regressed', 'changed'] },
                },
              },
            },
            unchanged: { type: 'integer' },
          },
        },
        ...errors(400, 401, 404, 409, 429),
      },
    },
  }, async (request) => {
    const scope = scopeOf(request);
    const current = await doneReport(request.params.id, scope);
    const baseline = await doneReport(request.query.against, scope);
    if (current.audit.host !== baseline.audit.host) {
      throw new ConflictError(
        TEXT.otherHost.replace('{a}', current.audit.id).replace('{b}', baseline.audit.id).replace('{hostA}', current.audit.host).replace('{hostB}', baseline.audit.host),
      );
    }
    return { audit: current.audit.id, against: baseline.audit.id, host: current.audit.host, ...diffReports(baseline.report, current.report) };
  });

  async function doneReport(id: string, scope: Scope): Promise<{ audit: AuditRecord; report: Report }> {
    const { audit, json } = await storedReport(store, id, scope, TEXT.notDoneDiff);
    return { audit, report: JSON.parse(json) as Report };
  }
};

export default auditRoutes;
