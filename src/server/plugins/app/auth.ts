// API-key authentication (`Authorization: Bearer <key>`, RFC 6750), checked against the hashed keys
// in the store. Off only when the server starts with --no-auth.
//
// Deny by default, decided on the route the router matched — never on the raw request path. The
// router decodes the path before matching (`/%761/audits` reaches the `/v1/audits` handler), so
// a prefix test on `request.url` can be walked around with any other spelling of the same path.
// A route needs a key unless it was registered with `config: { public: true }` (health, metrics,
// the dashboard shell, documentation, llms.txt and the other discovery files, the model).
// A request that matches no route reaches no handler; it still needs a key when its normalised
// path lies under /v1, so probing unknown API paths tells an anonymous client nothing.
import type { FastifyRequest } from 'fastify';
import { AuthError } from '../../../errors.js';
import { shared } from '../shared.js';

const TEXT = {
  missing: 'A valid API key is required (Authorization: Bearer <key>); create one with `portalprobe keys create`',
  unknown: 'The API key is unknown or revoked',
};
const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;
export const API_PREFIX = '/v1';

/** One registered route and whether it needs a key (the auth matrix test walks these). */
export interface RouteAccess {
  readonly method: string;
  readonly url: string;
  readonly public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after the auth plugin, with its access rule. */
    routeAccess: RouteAccess[];
  }
}

export default shared('auth', async (fastify) => {
  fastify.decorateRequest('apiKey', null);
  const routes: RouteAccess[] = [];
  fastify.decorate('routeAccess', routes);
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Read `public` when asked: hooks of inner contexts (the docs plugin's) run after this one
    // and may still mark the route.
    for (const method of methods) {
      routes.push({ method, url: route.url, get public() { return route.config?.public === true; } });
    }
  });
  if (!fastify.config.auth) return;
  fastify.addHook('onRequest', async (request) => {
    if (!needsKey(request)) return;
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new AuthError(TEXT.missing);
    const key = await fastify.store.keys.verify(match[1]);
    if (!key) throw new AuthError(TEXT.unknown);
    request.apiKey = key;
  });
});

function needsKey(request: FastifyRequest): boolean {
  if (request.is404) return underApi(request.url);
  return request.routeOptions.config?.public !== true;
}

/**
 * Whether a path is under /v1 once decoded, dot segments resolved, repeated slashes collapsed and
 * case folded. Anything that cannot be decoded counts as under /v1 (it needs a key).
 */
export function underApi(rawUrl: string): boolean {
  const path = rawUrl.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  const resolved = new URL(decoded.replace(/\\/g, '/').replace(/\/{2,}/g, '/'), 'http://x').pathname.toLowerCase();
  return resolved === API_PREFIX || resolved.startsWith(`${API_PREFIX}/`);
}
