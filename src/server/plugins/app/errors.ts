// The central error handler and the 404 handler: every error leaves as
// {error: {code, message, details?}} (see http-errors.ts), never with a stack trace.
import { toApiError, TEXT } from '../../http-errors.js';
import { shared } from '../shared.js';

export default shared('errors', async (fastify) => {
  fastify.setErrorHandler((err, request, reply) => {
    const api = toApiError(err, request.id);
    if (api.internal) request.log.error({ err }, 'request failed');
    else request.log.info({ code: api.body.error.code, status: api.status }, api.body.error.message);
    // RFC 6750 §3: a 401 for a bearer-protected resource names the scheme.
    if (api.status === 401) reply.header('www-authenticate', 'Bearer realm="portalprobe"');
    return reply.code(api.status).type('application/json; charset=utf-8').send(api.body);
  });
  fastify.setNotFoundHandler((request, reply) => {
    const message = TEXT.notFound.replace('{method}', request.method).replace('{url}', request.url.split('?')[0]);
    return reply.code(404).send({ error: { code: 'PP_ERR_NOT_FOUND', message } });
  });
});
