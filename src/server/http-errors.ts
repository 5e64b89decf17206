// One error shape for every HTTP error: {error: {code, message, details?}} with a stable
// PortalProbeError code, the HTTP status chosen from the code. Messages of server-side failures
// (5xx) are replaced by a generic one that names the request id; the real message and the stack
// go to the log only. Pure (the Fastify handler in plugins/app/errors.ts wires it).
import type { FastifyError } from 'fastify';
import { PortalProbeError, type ErrorCode } from '../errors.js';

export const TEXT = {
  internal: 'An unexpected error occurred (request {id}); the service log has the details',
  notFound: 'No route for {method} {url}',
};

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  PP_ERR_USAGE: 400,
  PP_ERR_INVALID_URL: 400,
  PP_ERR_UNSUPPORTED_SCHEME: 400,
  PP_ERR_BLOCKED_ADDRESS: 400,
  PP_ERR_DNS: 400,
  PP_ERR_ASSESSMENT_INVALID: 400,
  PP_ERR_QUESTIONS_INVALID: 400,
  PP_ERR_AUTH: 401,
  PP_ERR_NOT_FOUND: 404,
  PP_ERR_CONFLICT: 409,
  PP_ERR_RATE_LIMITED: 429,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUS_BY_CODE[code] ?? 500;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export interface ApiError {
  status: number;
  body: ApiErrorBody;
  /** True when the failure is the server's, to be logged with its stack. */
  internal: boolean;
}

/** Maps anything thrown in a request to the status and body the client gets. */
export function toApiError(err: unknown, requestId: string): ApiError {
  if (err instanceof PortalProbeError) {
    const status = httpStatusFor(err.code);
    if (status >= 500) return internal(requestId);
    const details = Object.keys(err.details).length > 0 ? { details: err.details } : {};
    return { status, body: { error: { code: err.code, message: err.message, ...details } }, internal: false };
  }
  const fe = err as Partial<FastifyError> | undefined;
  if (fe && Array.isArray(fe.validation)) {
    return { status: 400, body: { error: { code: 'PP_ERR_USAGE', message: validationMessage(fe as FastifyError) } }, internal: false };
  }
  // Fastify's own client errors (malformed JSON, body too large, wrong content type …) keep their
  // status; their messages describe the request, not the server.
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode = fe.statusCode === 429 ? 'PP_ERR_RATE_LIMITED' : fe.statusCode === 404 ? 'PP_ERR_NOT_FOUND' : 'PP_ERR_USAGE';
    return { status: fe.statusCode, body: { error: { code, message: String(fe.message ?? 'Bad request') } }, internal: false };
  }
  return internal(requestId);
}

function internal(requestId: string): ApiError {
  return { status: 500, body: { error: { code: 'PP_ERR_INTERNAL', message: TEXT.internal.replace('{id}', requestId) } }, internal: true };
}

/** Ajv's message plus the offending property, which Ajv keeps in params (e.g. an unknown option). */
function validationMessage(err: FastifyError): string {
  const first = err.validation?.[0];
  const params = (first?.params ?? {}) as Record<string, unknown>;
  const extra = typeof params.additionalProperty === 'string' ? `: "${params.additionalProperty}"` : '';
  const allowed = Array.isArray(params.allowedValues) ? ` (${(params.allowedValues as unknown[]).join(', ')})` : '';
  return `${err.message}${extra}${allowed}`;
}
