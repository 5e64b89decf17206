// Exit codes are part of the CLI contract: CI jobs branch on them.
import type { ErrorCode } from '../errors.js';

export const EXIT = {
  ok: 0,
  /** A quality gate (--fail-under) was not met. */
  gateFailed: 1,
  usage: 2,
  /** The target could not be audited (DNS, refused address, timeout, unreachable start page). */
  unauditable: 3,
  internal: 4,
} as const;

const USAGE_CODES: ErrorCode[] = [
  'PP_ERR_USAGE', 'PP_ERR_INVALID_URL', 'PP_ERR_UNSUPPORTED_SCHEME', 'PP_ERR_ASSESSMENT_INVALID',
  'PP_ERR_QUESTIONS_INVALID', 'PP_ERR_REPORT_INVALID',
];
const TARGET_CODES: ErrorCode[] = [
  'PP_ERR_TARGET_UNAUDITABLE', 'PP_ERR_BLOCKED_ADDRESS', 'PP_ERR_DNS', 'PP_ERR_CONNECTION', 'PP_ERR_TIMEOUT',
  'PP_ERR_TOO_MANY_REDIRECTS', 'PP_ERR_REDIRECT_LOOP', 'PP_ERR_ROBOTS_DISALLOWED',
];

export function exitCodeFor(code: ErrorCode): number {
  if (USAGE_CODES.includes(code)) return EXIT.usage;
  if (TARGET_CODES.includes(code)) return EXIT.unauditable;
  return EXIT.internal;
}
