// Where and how a document says its API is called: server URLs (OAS 3 `servers`, Swagger 2.0
// `schemes` + `host` + `basePath`) judged for usefulness to a client that has only the document,
// and security scheme types (OAS 3 components.securitySchemes, 2.0 securityDefinitions). Pure.
import { type SpecFamily } from './load.js';
import { deref } from './refs.js';
import type { SecuritySchemeFact, ServerFact } from '../../src/contract/index.js';
import { isRecord } from '../../src/util/is-record.js';

const MAX_SERVERS = 20;
const MAX_SCHEMES = 30;

export const SERVER_REASONS = {
  relative: 'relative URL: no host to call without knowing where the document came from',
  localhost: 'points at localhost / a loopback address',
  private: 'points at a private network address',
  example: 'an example or reserved domain (RFC 2606 / RFC 6761)',
  templated: 'a {variable} without a default value',
  invalid: 'not a valid URL',
} as const;

/** Special-use names (RFC 2606, RFC 6761) that never reach a real API. */
const EXAMPLE_HOST = /(^|\.)(example\.(com|net|org)|example|test|invalid|local|localdomain)$/i;
const LOCAL_HOST = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\[::\])$/i;
const PRIVATE_HOST = /^(10(\.\d{1,3}){3}|192\.168(\.\d{1,3}){2}|172\.(1[6-9]|2\d|3[01])(\.\d{1,3}){2}|169\.254(\.\d{1,3}){2})$/;

/** Judges one server URL; variables are substituted with their defaults first. */
export function judgeServer(rawUrl: string): ServerFact {
  const url = rawUrl.trim();
  if (/\{[^}]*\}/.test(url)) return { url, useful: false, reason: SERVER_REASONS.templated };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    // `//host/path` is scheme-relative but names a host: usable.
    if (!url.startsWith('//')) return { url, useful: false, reason: SERVER_REASONS.relative };
  }
  let host: string;
  try {
    host = new URL(url.startsWith('//') ? `https:${url}` : url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return { url, useful: false, reason: SERVER_REASONS.invalid };
  }
  if (LOCAL_HOST.test(host)) return { url, useful: false, reason: SERVER_REASONS.localhost };
  if (PRIVATE_HOST.test(host)) return { url, useful: false, reason: SERVER_REASONS.private };
  if (EXAMPLE_HOST.test(host)) return { url, useful: false, reason: SERVER_REASONS.example };
  return { url, useful: true };
}

/** `{region}` → the variable's default (OAS 3 §4.8.6 Server Variable Object); unknown ones stay. */
function substitute(url: string, variables: unknown): string {
  if (!isRecord(variables)) return url;
  return url.replace(/\{([^}]*)\}/g, (m, name: string) => {
    const v = variables[name];
    return isRecord(v) && (typeof v.default === 'string' || typeof v.default === 'number') ? String(v.default) : m;
  });
}

export function describeServers(spec: Record<string, unknown>, family: SpecFamily): ServerFact[] {
  if (family === 'swagger') {
    // Swagger 2.0 §Swagger Object: no host means "the host serving the documentation".
    const host = typeof spec.host === 'string' ? spec.host.trim() : '';
    const basePath = typeof spec.basePath === 'string' ? spec.basePath : '';
    if (!host) return [judgeServer(basePath || '/')];
    const schemes = Array.isArray(spec.schemes) && spec.schemes.length > 0 ? spec.schemes.filter((s) => typeof s === 'string') : ['https'];
    return schemes.slice(0, MAX_SERVERS).map((scheme) => judgeServer(`${scheme}://${host}${basePath}`));
  }
  if (!Array.isArray(spec.servers)) return [];
  return spec.servers
    .filter(isRecord)
    .filter((s) => typeof s.url === 'string')
    .slice(0, MAX_SERVERS)
    .map((s) => judgeServer(substitute(s.url as string, s.variables)));
}

function schemeType(scheme: Record<string, unknown>): string {
  const type = typeof scheme.type === 'string' ? scheme.type : 'unknown';
  if (type === 'http') return `http:${typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : 'unknown'}`;
  // Swagger 2.0's `basic` is OAS 3's http basic.
  if (type === 'basic') return 'http:basic';
  return type;
}

export function describeSecuritySchemes(spec: Record<string, unknown>, family: SpecFamily): SecuritySchemeFact[] {
  const map =
    family === 'swagger'
      ? spec.securityDefinitions
      : isRecord(spec.components)
        ? spec.components.securitySchemes
        : undefined;
  if (!isRecord(map)) return [];
  return Object.entries(map)
    .slice(0, MAX_SCHEMES)
    .flatMap(([name, raw]) => {
      const scheme = deref(spec, raw);
      return isRecord(scheme) ? [{ name, type: schemeType(scheme) }] : [];
    });
}
