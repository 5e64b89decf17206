// Error classes with stable codes. Callers branch on `code`, never on message text; the original
// error travels in `cause`. The CLI maps codes to exit codes, the HTTP API to status codes.

export const ERROR_CODES = {
  PP_ERR_USAGE: 'bad command-line or API usage',
  PP_ERR_INVALID_URL: 'the URL cannot be parsed',
  PP_ERR_UNSUPPORTED_SCHEME: 'only http and https are fetched',
  PP_ERR_BLOCKED_ADDRESS: 'the target resolves to a private, loopback or otherwise non-public address',
  PP_ERR_DNS: 'the host name could not be resolved',
  PP_ERR_CONNECTION: 'the connection failed',
  PP_ERR_TIMEOUT: 'the request took too long',
  PP_ERR_TOO_LARGE: 'the response body is larger than allowed',
  PP_ERR_TOO_MANY_REDIRECTS: 'too many redirects',
  PP_ERR_REDIRECT_LOOP: 'the redirects loop',
  PP_ERR_ABORTED: 'the request was cancelled',
  PP_ERR_TARGET_UNAUDITABLE: 'the start page could not be fetched',
  PP_ERR_MODEL_INVALID: 'the maturity model data is invalid',
  PP_ERR_ASSESSMENT_INVALID: 'the assessor input is invalid',
  PP_ERR_QUESTIONS_INVALID: 'the question set is invalid',
  PP_ERR_REPORT_INVALID: 'a saved report cannot be read',
  PP_ERR_PARSE: 'a document could not be parsed',
  PP_ERR_LLM: 'the language-model endpoint failed',
  PP_ERR_NOT_FOUND: 'the resource does not exist',
  PP_ERR_AUTH: 'missing or invalid API key',
  PP_ERR_CONFLICT: 'the resource is in a state that does not allow this',
  PP_ERR_INTERNAL: 'an unexpected internal error',
  PP_ERR_ROBOTS_DISALLOWED: "robots.txt disallows this URL for portalprobe's own User-Agent",
  PP_ERR_RATE_LIMITED: 'too many requests, or too many audits at once, for this API key',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class PortalProbeError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  /**
   * Set by the HTTP client on every error it throws for a fetch: the URLs visited so far — the
   * requested URL first, then each redirect hop, ending with the URL whose request failed (or, for
   * a loop, too many hops or a refused Location, the target that was refused). `[url]` when the
   * very first request failed. Not part of toJSON(): the wire shape stays code/message/details.
   */
  declare redirects?: string[];

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export class UsageError extends PortalProbeError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('PP_ERR_USAGE', message, details);
  }
}

export class InvalidUrlError extends PortalProbeError {
  constructor(url: string, cause?: unknown) {
    super('PP_ERR_INVALID_URL', `Not a valid URL: ${url}`, { url }, { cause });
  }
}

export class UnsupportedSchemeError extends PortalProbeError {
  constructor(url: string, scheme: string) {
    super('PP_ERR_UNSUPPORTED_SCHEME', `Only http and https URLs can be audited, not ${scheme}: ${url}`, { url, scheme });
  }
}

export class BlockedAddressError extends PortalProbeError {
  constructor(url: string, address: string, range: string) {
    super(
      'PP_ERR_BLOCKED_ADDRESS',
      `Refused ${url}: it resolves to ${address} (${range}). Use --allow-private to audit private or loopback hosts.`,
      { url, address, range },
    );
  }
}

export class DnsError extends PortalProbeError {
  constructor(host: string, cause?: unknown) {
    super('PP_ERR_DNS', `Cannot resolve host ${host}`, { host }, { cause });
  }
}

export class ConnectionError extends PortalProbeError {
  constructor(url: string, cause?: unknown) {
    const reason = cause instanceof Error ? `: ${cause.message}` : '';
    super('PP_ERR_CONNECTION', `Connection to ${url} failed${reason}`, { url }, { cause });
  }
}

export class FetchTimeoutError extends PortalProbeError {
  constructor(url: string, phase: 'connect' | 'headers' | 'body' | 'total', timeoutMs: number, cause?: unknown) {
    super('PP_ERR_TIMEOUT', `Timed out (${phase}, ${timeoutMs} ms) fetching ${url}`, { url, phase, timeoutMs }, { cause });
  }
}

export class TooLargeError extends PortalProbeError {
  constructor(url: string, limitBytes: number, kind: 'body' | 'decompressed' = 'body') {
    super('PP_ERR_TOO_LARGE', `Response from ${url} exceeds the ${kind} limit of ${limitBytes} bytes`, { url, limitBytes, kind });
  }
}

export class TooManyRedirectsError extends PortalProbeError {
  constructor(url: string, max: number, chain: string[]) {
    super('PP_ERR_TOO_MANY_REDIRECTS', `More than ${max} redirects starting at ${url}`, { url, max, chain });
    this.redirects = [...chain];
  }
}

export class RedirectLoopError extends PortalProbeError {
  constructor(url: string, chain: string[]) {
    super('PP_ERR_REDIRECT_LOOP', `Redirect loop starting at ${url}`, { url, chain });
    this.redirects = [...chain];
  }
}

/** A probe ran longer than the runner allows; its signal is aborted with this error as the reason. */
export class ProbeTimeoutError extends PortalProbeError {
  constructor(probe: string, timeoutMs: number) {
    super('PP_ERR_TIMEOUT', `probe ${probe} took longer than ${timeoutMs} ms`, { probe, timeoutMs });
  }
}

export class AbortedError extends PortalProbeError {
  constructor(url: string, cause?: unknown) {
    super('PP_ERR_ABORTED', `Request for ${url} was cancelled`, { url }, { cause });
  }
}

export class TargetUnauditableError extends PortalProbeError {
  constructor(url: string, cause: PortalProbeError | Error) {
    super('PP_ERR_TARGET_UNAUDITABLE', `Cannot audit ${url}: ${cause.message}`, {
      url,
      reason: cause instanceof PortalProbeError ? cause.code : 'PP_ERR_CONNECTION',
    }, { cause });
  }
}

export class ModelInvalidError extends PortalProbeError {
  constructor(problems: string[]) {
    super('PP_ERR_MODEL_INVALID', `The maturity model is invalid:\n- ${problems.join('\n- ')}`, { problems });
  }
}

export class AssessmentInvalidError extends PortalProbeError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('PP_ERR_ASSESSMENT_INVALID', message, details);
  }
}

export class QuestionsInvalidError extends PortalProbeError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('PP_ERR_QUESTIONS_INVALID', message, details);
  }
}

export class ReportInvalidError extends PortalProbeError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('PP_ERR_REPORT_INVALID', message, details);
  }
}

export class ParseError extends PortalProbeError {
  constructor(what: string, message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super('PP_ERR_PARSE', `${what}: ${message}`, { what, ...details }, { cause });
  }
}

export class LlmError extends PortalProbeError {
  constructor(message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super('PP_ERR_LLM', message, details, { cause });
  }
}

export class NotFoundError extends PortalProbeError {
  constructor(what: string, id: string) {
    super('PP_ERR_NOT_FOUND', `${what} ${id} does not exist`, { what, id });
  }
}

export class AuthError extends PortalProbeError {
  constructor(message = 'A valid API key is required (Authorization: Bearer <key>)') {
    super('PP_ERR_AUTH', message);
  }
}

export class ConflictError extends PortalProbeError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('PP_ERR_CONFLICT', message, details);
  }
}

export class RobotsDisallowedError extends PortalProbeError {
  constructor(url: string) {
    super('PP_ERR_ROBOTS_DISALLOWED', `robots.txt disallows ${url} for portalprobe (use --ignore-robots for a portal you own or are engaged to assess)`, { url });
  }
}

export class RateLimitedError extends PortalProbeError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('PP_ERR_RATE_LIMITED', message, details);
  }
}

/** A tenant already has its cap of queued + running audits (the service's per-key limit). */
export class ActiveAuditLimitError extends RateLimitedError {
  constructor(active: number, limit: number) {
    super(`This API key already has ${active} audits queued or running (the limit is ${limit}); wait for one to finish`, { active, limit });
  }
}

/**
 * Records the redirect chain a failed fetch had walked (see PortalProbeError.redirects) unless the
 * error already carries one (a loop or hop-limit error names its own). Returns the same error.
 */
export function withRedirects<E extends PortalProbeError>(err: E, chain: readonly string[]): E {
  if (!err.redirects && chain.length > 0) err.redirects = [...chain];
  return err;
}

/** Wraps anything thrown into a PortalProbeError so callers see one shape. */
export function toPortalProbeError(err: unknown): PortalProbeError {
  if (err instanceof PortalProbeError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new PortalProbeError('PP_ERR_INTERNAL', message, {}, { cause: err });
}
