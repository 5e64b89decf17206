// GET /v1/audits/:id/events — progress as Server-Sent Events. The stream first replays the
// audit's current state (`status`), then sends `status` on every state change and `progress`
// for every page fetched and probe run, and ends with `done` or `failed` (a cancelled audit ends
// with `failed`, status `cancelled`, code PP_ERR_ABORTED). Comment lines are heartbeats.
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../../errors.js';
import type { AuditEvent } from '../jobs/events.js';
import { errors, idParams } from '../schemas/common.js';
import type { EventStream } from '../sse.js';
import type { AuditRecord } from '../types.js';
import { scopeOf } from '../scope.js';
import { auditView } from '../views.js';

/** The event that ends a stream for an audit in a final state, or null while it is not final. */
export function finalEvent(audit: AuditRecord): { event: 'done' | 'failed'; data: unknown } | null {
  if (audit.status === 'done') return { event: 'done', data: auditView(audit) };
  if (audit.status === 'failed' || audit.status === 'cancelled') return { event: 'failed', data: auditView(audit) };
  return null;
}

const auditEventRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get<{ Params: { id: string } }>('/audits/:id/events', {
    schema: {
      tags: ['audits'],
      summary: 'Follow an audit (Server-Sent Events)',
      operationId: 'streamAuditEvents',
      description:
        'text/event-stream. Events: `status` (the audit, first at once, then on each change), `progress` ({event, progress} per page and probe), then `done` or `failed` (the final audit), after which the stream ends. Lines starting with `:` are heartbeats.',
      params: idParams,
      response: {
        200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        ...errors(400, 401, 404, 429),
      },
    },
  }, async (request, reply) => {
    const { id } = request.params;
    const scope = scopeOf(request);
    const current = await fastify.store.audits.get(id, scope);
    if (!current) throw new NotFoundError('Audit', id);
    const stream = fastify.streams.start(request, reply, fastify.config.heartbeatMs);
    stream.send('status', auditView(current));
    if (endIfFinal(stream, current)) return;
    const unsubscribe = fastify.events.subscribe(id, (event: AuditEvent) => {
      if (event.type === 'progress') {
        stream.send('progress', { event: event.event, progress: event.progress });
        return;
      }
      last = event.audit.status;
      stream.send('status', auditView(event.audit));
      endIfFinal(stream, event.audit);
    });
    stream.onClose(unsubscribe);
    // The audit may have finished between the first read and the subscription; and with several
    // processes an event can be missed (a relay reconnecting), so the stream also re-reads the
    // stored audit now and then and ends once it is final.
    let last = current.status;
    const recheck = async () => {
      const latest = await fastify.store.audits.get(id).catch(() => undefined);
      if (stream.closed || !latest || latest.status === last) return;
      last = latest.status;
      stream.send('status', auditView(latest));
      endIfFinal(stream, latest);
    };
    await recheck();
    const poll = setInterval(() => void recheck(), fastify.config.ssePollMs);
    stream.onClose(() => clearInterval(poll));
  });
};

function endIfFinal(stream: EventStream, audit: AuditRecord): boolean {
  const final = finalEvent(audit);
  if (!final) return false;
  stream.send(final.event, final.data);
  stream.close();
  return true;
}

export default auditEventRoutes;
