// The fetch that probes get (ProbeContext['fetch']): one cache per audit so evidence is gathered
// once ("the same (method, url, Accept) is fetched once whoever asks"), and failures turned into
// data — a probe reads `status: 0` plus `error.code` instead of catching exceptions.
import { toPortalProbeError } from '../errors.js';
import type { FetchRequest, FetchResult, HttpClient } from './types.js';

export interface AuditFetch {
  (url: string, request?: FetchRequest): Promise<FetchResult>;
  /** Distinct (method, url, Accept) fetches sent to the client so far in this audit. */
  readonly distinctFetches: number;
}

function acceptOf(headers: Record<string, string> | undefined): string {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'accept') return value;
  }
  return '';
}

/** Cache key: the URL without its fragment (never sent), the method and the Accept header. */
export function cacheKey(url: string, request: FetchRequest = {}): string {
  const hash = url.indexOf('#');
  const bare = hash >= 0 ? url.slice(0, hash) : url;
  return `${request.method ?? 'GET'} ${bare} ${acceptOf(request.headers)}`;
}

/**
 * A failure as the FetchResult probes expect: status 0, empty body, the error code and message.
 * When the failure came part-way through a redirect chain (the client records it on the error),
 * `finalUrl` is the URL whose request failed — or the refused target of a loop / hop limit — and
 * `redirects` the URLs before it, so a redirect to a login host that does not answer still shows
 * where the visitor was sent. A failure of the very first request keeps `finalUrl: url, redirects: []`.
 */
export function failureResult(url: string, err: unknown, durationMs: number): FetchResult {
  const error = toPortalProbeError(err);
  const chain = error.redirects ?? [];
  const hopped = chain.length > 1;
  return {
    url,
    finalUrl: hopped ? chain[chain.length - 1] : url,
    status: 0,
    headers: {},
    body: Buffer.alloc(0),
    truncated: false,
    redirects: hopped ? chain.slice(0, -1) : [],
    bytes: 0,
    durationMs,
    ttfbMs: 0,
    error: { code: error.code, message: error.message },
  };
}

export function createAuditFetch(client: HttpClient): AuditFetch {
  const cache = new Map<string, Promise<FetchResult>>();
  let distinct = 0;

  const auditFetch = (url: string, request: FetchRequest = {}): Promise<FetchResult> => {
    const key = cacheKey(url, request);
    const hit = cache.get(key);
    if (hit) return hit;
    distinct++;
    const started = performance.now();
    // Through a promise so that even a client that throws synchronously cannot make us throw.
    const pending = Promise.resolve().then(() => client.fetch(url, request)).then(
      (response): FetchResult => response,
      (err: unknown) => {
        const result = failureResult(url, err, performance.now() - started);
        // A cancelled fetch says nothing about the site; let a later caller try again.
        if (result.error?.code === 'PP_ERR_ABORTED') cache.delete(key);
        return result;
      },
    );
    cache.set(key, pending);
    return pending;
  };

  Object.defineProperty(auditFetch, 'distinctFetches', { get: () => distinct, enumerable: true });
  return auditFetch as AuditFetch;
}
