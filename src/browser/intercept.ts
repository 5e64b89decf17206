// Request interception for rendered pages: the browser never fetches anything itself. Every request
// a page makes is routed here and either aborted (images, media, fonts, non-GET, non-http(s),
// sub-frames, over budget) or answered through portalprobe's own fetch — the audit's cached client
// with its address guard (no loopback, private, link-local or metadata addresses), its User-Agent,
// timeouts and size limits, and robots.txt manners. A fetch that fails (status 0: blocked address,
// DNS, timeout, robots) aborts the browser's request.
import { PAGE_ACCEPT } from '../crawl/crawler.js';
import type { BrowserContext, Request, Route } from 'playwright-core';
import type { FetchRequest, FetchResult } from '../fetch/types.js';

/** ProbeContext['fetch']: never throws; a failure is status 0 with `error`. */
export type RenderFetch = (url: string, request?: FetchRequest) => Promise<FetchResult>;

/**
 * The Accept header the crawl sends for pages, reused for documents so the audit's fetch cache
 * (keyed by method, URL and Accept) answers pages the crawl already fetched without a new request.
 */
export const DOCUMENT_ACCEPT = PAGE_ACCEPT;

/** Resource types a page needs for its text and links; everything else is aborted. */
const ALLOWED_TYPES = new Set(['document', 'script', 'stylesheet', 'xhr', 'fetch']);

/**
 * Response headers not handed to the browser: the body is already decoded and re-framed, and the
 * browser keeps no state (cookies, HSTS, alternative services) between or within renders.
 */
const DROPPED_HEADERS = new Set([
  'content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive',
  'set-cookie', 'strict-transport-security', 'alt-svc', 'public-key-pins',
]);

export type AbortReason =
  | 'scheme' // not http(s)
  | 'method' // only GET and HEAD go through portalprobe's fetch
  | 'type' // images, media, fonts, websockets, beacons …
  | 'subframe' // iframes add nothing to the page's own text
  | 'budget' // too many requests or bytes for one page
  | 'fetch-failed' // the guarded fetch refused or failed (status 0)
  | 'closed'; // the render is over

export interface InterceptRecord {
  url: string;
  resourceType: string;
  method: string;
  outcome: 'fulfilled' | 'aborted';
  reason?: AbortReason;
  status?: number;
  /** The fetch's error code when it failed (e.g. PP_ERR_BLOCKED_ADDRESS). */
  errorCode?: string;
}

export interface RequestFacts {
  url: string;
  method: string;
  resourceType: string;
  /** A navigation of a frame other than the top one. */
  subframeNavigation: boolean;
}

/** Pure policy: may this request go to the guarded fetch? */
export function decideRequest(req: RequestFacts): { action: 'fetch' } | { action: 'abort'; reason: AbortReason } {
  let scheme: string;
  try {
    scheme = new URL(req.url).protocol;
  } catch {
    return { action: 'abort', reason: 'scheme' };
  }
  if (scheme !== 'http:' && scheme !== 'https:') return { action: 'abort', reason: 'scheme' };
  if (req.method !== 'GET' && req.method !== 'HEAD') return { action: 'abort', reason: 'method' };
  if (!ALLOWED_TYPES.has(req.resourceType)) return { action: 'abort', reason: 'type' };
  if (req.subframeNavigation) return { action: 'abort', reason: 'subframe' };
  return { action: 'fetch' };
}

/** Response headers as the browser should see them. */
export function fulfilHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

export interface InterceptOptions {
  fetch: RenderFetch;
  /** Documents already in hand (the crawl's page), served for that URL without a fetch. */
  documents?: Map<string, FetchResult>;
  /** Requests passed to `fetch` per page. */
  maxRequests: number;
  /** Body bytes handed to the browser per page. */
  maxBytes: number;
  /** Aborted when the render is over: pending fetches are cancelled, new requests aborted. */
  signal: AbortSignal;
}

export interface Interceptor {
  readonly records: InterceptRecord[];
}

/** Routes every request of `context` through `options.fetch`. Call before the first page opens. */
export async function interceptRequests(context: BrowserContext, options: InterceptOptions): Promise<Interceptor> {
  const records: InterceptRecord[] = [];
  let fetched = 0;
  let bytes = 0;

  const abort = async (route: Route, record: InterceptRecord, reason: AbortReason, errorCode?: string): Promise<void> => {
    records.push({ ...record, outcome: 'aborted', reason, ...(errorCode ? { errorCode } : {}) });
    await route.abort(reason === 'fetch-failed' ? 'failed' : 'blockedbyclient').catch(() => {});
  };

  const handle = async (route: Route, request: Request): Promise<void> => {
    const url = request.url();
    const record: InterceptRecord = { url, resourceType: request.resourceType(), method: request.method(), outcome: 'aborted' };
    if (options.signal.aborted) return abort(route, record, 'closed');
    const decision = decideRequest({
      url,
      method: record.method,
      resourceType: record.resourceType,
      subframeNavigation: request.isNavigationRequest() && isSubframe(request),
    });
    if (decision.action === 'abort') return abort(route, record, decision.reason);

    const key = withoutFragment(url);
    const isDocument = record.resourceType === 'document';
    let result = isDocument ? options.documents?.get(key) : undefined;
    if (!result) {
      if (fetched >= options.maxRequests) return abort(route, record, 'budget');
      fetched++;
      const accept = isDocument ? DOCUMENT_ACCEPT : (request.headers()['accept'] ?? '*/*');
      result = await options.fetch(key, { method: record.method as 'GET' | 'HEAD', headers: { accept }, signal: options.signal });
    }
    if (options.signal.aborted) return abort(route, record, 'closed');
    if (result.status === 0) return abort(route, record, 'fetch-failed', result.error?.code);
    if (bytes + result.body.length > options.maxBytes) return abort(route, record, 'budget');
    bytes += result.body.length;
    records.push({ ...record, outcome: 'fulfilled', status: result.status });
    await route.fulfill({ status: result.status, headers: fulfilHeaders(result.headers), body: result.body }).catch(() => {});
  };

  await context.route('**/*', (route, request) =>
    handle(route, request).catch(() => route.abort('failed').catch(() => {})),
  );
  // WebSockets bypass HTTP interception; close them before any connection is tried (the launch
  // flags would make the connection fail anyway).
  await context.routeWebSocket(/.*/, (ws) => {
    records.push({ url: ws.url(), resourceType: 'websocket', method: 'GET', outcome: 'aborted', reason: 'type' });
    return ws.close({ code: 1008, reason: 'portalprobe does not open WebSockets' });
  });
  return { records };
}

function isSubframe(request: Request): boolean {
  try {
    return request.frame().parentFrame() !== null;
  } catch {
    // Requests without a frame (workers) are not navigations of a sub-frame.
    return false;
  }
}
