// The one HTTP client of portalprobe (docs/CONTRIBUTING.md, habit 7): a single undici Agent whose connector is
// the address guard, plus everything a polite, hostile-input-proof crawler needs on top of it —
// our User-Agent, connect/headers/body/total timeouts, a decoded-size cap, manual redirects (each
// hop re-checked), per-host concurrency and politeness, and Retry-After on 429/503.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Agent } from 'undici';
import { RedirectLoopError, TooManyRedirectsError, withRedirects } from '../errors.js';
import { packageInfo } from '../util/package-info.js';
import { checkUrl, createGuardedConnector, defaultResolver, type Classifier } from './address-guard.js';
import { discardBody, readBody } from './body.js';
import { HostLimiter, sleep } from './host-limiter.js';
import { mapFetchError } from './map-error.js';
import { headersForHop, isRedirect, resolveLocation } from './redirect.js';
import { isRetryableStatus, parseRetryAfter } from './retry-after.js';
import type { ClientOptions, ClientStats, FetchRequest, FetchResponse, HttpClient } from './types.js';

export const DEFAULT_CLIENT_OPTIONS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 15_000,
  totalTimeoutMs: 60_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 4,
  perHostDelayMs: 0,
  maxRetries: 2,
  maxRetryAfterMs: 10_000,
  allowPrivate: false,
} as const;

/** We decode these ourselves in body.ts. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** Headers the caller may not set: ours identify us and must match what we can decode. */
const RESERVED_HEADERS = new Set(['user-agent', 'accept-encoding', 'host', 'connection', 'content-length']);

/** `portalprobe/<version> (+<homepage>)`: who we are and where to read about us (undici's advice). */
export function defaultUserAgent(): string {
  const { name, version, homepage } = packageInfo();
  return homepage ? `${name}/${version} (+${homepage})` : `${name}/${version}`;
}

/** undici gives repeated headers as arrays; the contract joins them with ", ". */
function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function requestHeaders(userAgent: string, extra: Record<string, string> | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: '*/*' };
  for (const [name, value] of Object.entries(extra ?? {})) {
    const key = name.toLowerCase();
    if (!RESERVED_HEADERS.has(key)) headers[key] = value;
  }
  headers['user-agent'] = userAgent;
  headers['accept-encoding'] = ACCEPT_ENCODING;
  return headers;
}

export function createHttpClient(options: ClientOptions = {}): HttpClient {
  const cfg = { ...DEFAULT_CLIENT_OPTIONS, ...stripUndefined(options) };
  const userAgent = options.userAgent ?? defaultUserAgent();
  const classify: Classifier | undefined = options.classify;
  const agent = new Agent({
    connect: createGuardedConnector({
      allowPrivate: cfg.allowPrivate,
      connectTimeoutMs: cfg.connectTimeoutMs,
      lookup: options.lookup ?? defaultResolver(),
      classify,
    }),
    headersTimeout: cfg.headersTimeoutMs,
    bodyTimeout: cfg.bodyTimeoutMs,
  });
  const limiter = new HostLimiter({ concurrency: cfg.perHostConcurrency, delayMs: cfg.perHostDelayMs });
  const stats: ClientStats = { requests: 0, bytes: 0 };

  async function fetch(url: string, request: FetchRequest = {}): Promise<FetchResponse> {
    const startedAt = performance.now();
    // One signal for undici, the limiter and Retry-After sleeps: the caller's signal or our overall
    // deadline. Wired by hand (not AbortSignal.any) so that nothing stays attached to a long-lived
    // audit-wide caller signal once this fetch is over. The deadline starts once the first request
    // holds a per-host slot: waiting behind our own politeness queue is not the site being slow.
    const controller = new AbortController();
    const signal = controller.signal;
    let timedOut = false;
    let deadline: NodeJS.Timeout | undefined;
    const startDeadline = (): void => {
      deadline ??= setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, cfg.totalTimeoutMs);
    };
    const onCallerAbort = (): void => controller.abort(request.signal?.reason);
    if (request.signal?.aborted) onCallerAbort();
    else request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const method = request.method ?? 'GET';
    let headers = requestHeaders(userAgent, request.headers);
    const redirects: string[] = [];
    const seen = new Set<string>();
    let retries = 0;
    let current: URL | undefined;
    // The URL being requested (or refused) right now: what a failure names as the end of its chain.
    // It stays the caller's `url`, as given, until the first redirect.
    let visiting = url;

    try {
      current = checkUrl(url, cfg.allowPrivate, classify);
      for (;;) {
        seen.add(current.href);
        const release = await limiter.acquire(current.host, signal);
        startDeadline();
        try {
          const hopStart = performance.now();
          stats.requests++;
          const res = await agent.request({
            origin: current.origin,
            path: `${current.pathname}${current.search}`,
            method,
            headers,
            signal,
            headersTimeout: cfg.headersTimeoutMs,
            bodyTimeout: cfg.bodyTimeoutMs,
          });
          const ttfbMs = performance.now() - hopStart;
          const resHeaders = flattenHeaders(res.headers);
          const body = res.body as unknown as Readable;

          const location = resHeaders.location;
          if (isRedirect(res.statusCode) && location) {
            stats.bytes += await discardBody(body);
            const target = resolveLocation(location, current).href;
            redirects.push(current.href);
            visiting = target;
            const next = checkUrl(target, cfg.allowPrivate, classify);
            const chain = [...redirects, next.href];
            if (seen.has(next.href)) throw new RedirectLoopError(url, chain);
            if (redirects.length > cfg.maxRedirects) throw new TooManyRedirectsError(url, cfg.maxRedirects, chain);
            headers = headersForHop(headers, current, next);
            current = next;
            retries = 0;
            continue;
          }

          if (isRetryableStatus(res.statusCode) && retries < cfg.maxRetries) {
            const waitMs = parseRetryAfter(resHeaders['retry-after']);
            if (waitMs !== undefined && waitMs <= cfg.maxRetryAfterMs) {
              stats.bytes += await discardBody(body);
              release();
              retries++;
              await sleep(waitMs, signal, current.href);
              continue;
            }
          }

          const read = await readBody(body, resHeaders['content-encoding'], {
            maxBytes: request.maxBodyBytes ?? cfg.maxBodyBytes,
            onTooLarge: request.onTooLarge ?? 'truncate',
            url: current.href,
          });
          stats.bytes += read.wireBytes;
          return {
            url,
            finalUrl: current.href,
            status: res.statusCode,
            headers: resHeaders,
            body: read.body,
            truncated: read.truncated,
            redirects,
            bytes: read.wireBytes,
            durationMs: performance.now() - startedAt,
            ttfbMs,
          };
        } finally {
          release();
        }
      }
    } catch (err) {
      // Every failure carries the chain walked so far, so that a redirect to a login host that does
      // not answer (or a portal ↔ SSO loop) can still be told apart from a dead start URL.
      const chain = [...redirects, visiting];
      throw withRedirects(mapFetchError(err, {
        url: current?.href ?? url,
        connectTimeoutMs: cfg.connectTimeoutMs,
        headersTimeoutMs: cfg.headersTimeoutMs,
        bodyTimeoutMs: cfg.bodyTimeoutMs,
        totalTimeoutMs: cfg.totalTimeoutMs,
        callerSignal: request.signal,
        timedOut,
      }), chain);
    } finally {
      clearTimeout(deadline);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  return {
    fetch,
    userAgent,
    stats,
    close: () => agent.close(),
  };
}

/** `{ a: undefined }` must not override a default when spread. */
function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
