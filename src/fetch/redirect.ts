// Redirect handling, done by hand rather than by undici's redirect interceptor so that every hop
// goes back through checkUrl() and the guarded connector (RFC 9110 §15.4). Pure helpers.
import { InvalidUrlError } from '../errors.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** Resolves a Location header (possibly relative, RFC 9110 §10.2.2) against the URL that sent it. */
export function resolveLocation(location: string, base: URL): URL {
  try {
    const next = new URL(location, base);
    next.hash = '';
    return next;
  } catch (err) {
    throw new InvalidUrlError(location, err);
  }
}

/** Headers that carry credentials are not forwarded to another origin (as browsers and fetch do). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export function headersForHop(headers: Record<string, string>, from: URL, to: URL): Record<string, string> {
  if (from.origin === to.origin) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !CREDENTIAL_HEADERS.has(k.toLowerCase())));
}
