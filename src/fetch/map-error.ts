// Turns what undici, node:net and node:dns throw into portalprobe's error classes, so callers
// branch on stable PP_ERR_* codes and never see an undici internal.
import {
  AbortedError,
  BlockedAddressError,
  ConnectionError,
  DnsError,
  FetchTimeoutError,
  PortalProbeError,
} from '../errors.js';

export interface ErrorContext {
  url: string;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  totalTimeoutMs: number;
  /** The caller's own signal: its abort is a cancellation. */
  callerSignal?: AbortSignal;
  /** True when the overall deadline (totalTimeoutMs) fired: a `total` timeout. */
  timedOut: boolean;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL']);

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function mapFetchError(err: unknown, ctx: ErrorContext): PortalProbeError {
  // Cancellation and the overall deadline win: whatever undici threw is a consequence.
  if (ctx.callerSignal?.aborted) return new AbortedError(ctx.url, ctx.callerSignal.reason);
  if (ctx.timedOut) return new FetchTimeoutError(ctx.url, 'total', ctx.totalTimeoutMs, err);

  if (err instanceof PortalProbeError) {
    // The connector only knows the origin; name the full URL that was refused.
    if (err.details.url === originOf(ctx.url)) {
      if (err instanceof BlockedAddressError) {
        return new BlockedAddressError(ctx.url, String(err.details.address), String(err.details.range));
      }
      if (err instanceof FetchTimeoutError) return new FetchTimeoutError(ctx.url, 'connect', ctx.connectTimeoutMs, err);
    }
    return err;
  }
  const code = (err as { code?: unknown })?.code;
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new FetchTimeoutError(ctx.url, 'connect', ctx.connectTimeoutMs, err);
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new FetchTimeoutError(ctx.url, 'headers', ctx.headersTimeoutMs, err);
    case 'UND_ERR_BODY_TIMEOUT':
      return new FetchTimeoutError(ctx.url, 'body', ctx.bodyTimeoutMs, err);
    case 'UND_ERR_ABORTED':
      return new AbortedError(ctx.url, err);
  }
  if (typeof code === 'string' && DNS_CODES.has(code)) {
    return new DnsError(new URL(ctx.url).hostname, err);
  }
  if ((err as { name?: unknown })?.name === 'AbortError') return new AbortedError(ctx.url, err);
  return new ConnectionError(ctx.url, err);
}
