// API-key authentication for /v1/*: `Authorization: Bearer <key>` (RFC 6750), checked against the
// hashed keys in the store. Off only when the server starts with --no-auth. Routes outside /v1
// (health, metrics, docs, dashboard, llms.txt) and /v1 routes marked `config.public` need no key.
import { AuthError } from '../../../errors.js';
import { shared } from '../shared.js';

const TEXT = {
  missing: 'A valid API key is required (Authorization: Bearer <key>); create one with `portalprobe keys create`',
  unknown: 'The API key is unknown or revoked',
};
const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

export default shared('auth', async (fastify) => {
  fastify.decorateRequest('apiKey', null);
  if (!fastify.config.auth) return;
  fastify.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/v1/') || request.routeOptions.config?.public) return;
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new AuthError(TEXT.missing);
    const key = fastify.store.keys.verify(match[1]);
    if (!key) throw new AuthError(TEXT.unknown);
    request.apiKey = key;
  });
});
