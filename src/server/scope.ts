// Which stored objects a request may see and whom new objects belong to (issue 14: keys own their
// audits). A key sees its tenant's objects (its own, or its team's); an admin key and a server
// without keys (--no-auth: one tenant) see everything. Routes answer 404 for objects out of scope,
// exactly as for missing ones, so ids of other tenants' objects cannot be probed.
import type { FastifyRequest } from 'fastify';
import type { Scope } from './store/types.js';

export function scopeOf(request: FastifyRequest): Scope {
  const key = request.apiKey;
  if (!key || key.admin) return null;
  return key.tenant;
}

/** The tenant that owns what this request creates (null without keys). */
export function ownerOf(request: FastifyRequest): string | null {
  return request.apiKey?.tenant ?? null;
}
