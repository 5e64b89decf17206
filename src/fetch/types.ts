// The shape of the one HTTP client every part of portalprobe uses. Only src/fetch talks to the
// network; probes and the crawl receive an HttpClient (or a per-audit cached view of it).
import type { ErrorCode } from '../errors.js';

export interface ClientOptions {
  /** User-Agent sent with every request. @default `portalprobe/<version> (+<homepage>)` */
  userAgent?: string;
  /** TCP+TLS connect timeout. @default 10_000 */
  connectTimeoutMs?: number;
  /** Time until response headers arrive. @default 15_000 */
  headersTimeoutMs?: number;
  /** Maximum idle time between body chunks. @default 15_000 */
  bodyTimeoutMs?: number;
  /** Maximum (decoded) body size; larger bodies are cut and flagged `truncated`. @default 5 MiB */
  maxBodyBytes?: number;
  /** Redirects followed before PP_ERR_TOO_MANY_REDIRECTS. @default 5 */
  maxRedirects?: number;
  /** Requests in flight per host. @default 4 */
  perHostConcurrency?: number;
  /** Minimum gap between two request starts to the same host (politeness). @default 0 */
  perHostDelayMs?: number;
  /** Retries on 429/503 (honouring Retry-After, capped by maxRetryAfterMs). @default 2 */
  maxRetries?: number;
  /** Longest Retry-After wait accepted; longer waits end the retries. @default 10_000 */
  maxRetryAfterMs?: number;
  /** Allow loopback/private/link-local targets (intranet portals, tests). @default false */
  allowPrivate?: boolean;
  /**
   * Ceiling for one fetch, from the first request sent (after any wait for a per-host slot) to the
   * last body byte read, redirects and Retry-After waits included. @default 60_000
   */
  totalTimeoutMs?: number;
  /**
   * Resolver the address guard uses at connect time (the addresses returned are the only ones
   * dialled). @default node:dns lookup with `all: true`
   */
  lookup?: HostResolver;
  /**
   * Test seam: decides whether an address may be dialled for a host. Production code leaves it
   * unset (the guard then uses classifyAddress from address-guard.ts).
   */
  classify?: (address: string, hostname: string) => AddressClass;
}

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The address guard's verdict: `range` names the IANA special-purpose range (or `unicast`). */
export interface AddressClass {
  blocked: boolean;
  range: string;
}

export interface FetchRequest {
  method?: 'GET' | 'HEAD';
  /** Extra request headers (Accept, …). User-Agent cannot be overridden here. */
  headers?: Record<string, string>;
  /** Per-request body limit; defaults to the client's maxBodyBytes. */
  maxBodyBytes?: number;
  /** What a body over the limit gives: a cut body flagged `truncated`, or PP_ERR_TOO_LARGE. @default 'truncate' */
  onTooLarge?: 'truncate' | 'error';
  signal?: AbortSignal;
}

export interface FetchResponse {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers of the final response, names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded (decompressed) body, at most maxBodyBytes. */
  body: Buffer;
  /** True when the body was cut at the size limit. */
  truncated: boolean;
  /** Every URL redirected through, in order (excluding finalUrl). */
  redirects: string[];
  /** Wire bytes received (compressed size where compressed). */
  bytes: number;
  durationMs: number;
  /** Time to first byte of the final response. */
  ttfbMs: number;
}

/** A fetch that failed before an HTTP response existed, kept as data for probes. */
export interface FetchFailure {
  code: ErrorCode;
  message: string;
}

/** What probes get from ctx.fetch: a response, or a failure as data (status 0). */
export type FetchResult = FetchResponse & { error?: FetchFailure };

export interface HttpClient {
  /** Throws PortalProbeError subclasses on failure (blocked address, timeout, DNS, …). */
  fetch(url: string, request?: FetchRequest): Promise<FetchResponse>;
  readonly userAgent: string;
  readonly stats: ClientStats;
  close(): Promise<void>;
}

export interface ClientStats {
  requests: number;
  bytes: number;
}
