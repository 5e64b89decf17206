// One table-driven test over every error class src/errors.ts exports (docs/CONTRIBUTING.md, habit 6). A new
// class that is not added to the table below fails the "covers every class" test.
import { describe, expect, it } from 'vitest';
import * as errors from '../src/errors.js';
import { ERROR_CODES, PortalProbeError, toPortalProbeError, type ErrorCode } from '../src/errors.js';

type AnyErrorClass = new (...args: never[]) => PortalProbeError;

const cause = new Error('root cause');

/** name → how to build one, and the code it must carry. */
const table: Record<string, { make: () => PortalProbeError; code: ErrorCode; details?: Record<string, unknown> }> = {
  PortalProbeError: { make: () => new PortalProbeError('PP_ERR_INTERNAL', 'x', { a: 1 }), code: 'PP_ERR_INTERNAL', details: { a: 1 } },
  UsageError: { make: () => new errors.UsageError('bad flag', { flag: '--x' }), code: 'PP_ERR_USAGE', details: { flag: '--x' } },
  InvalidUrlError: { make: () => new errors.InvalidUrlError('nope', cause), code: 'PP_ERR_INVALID_URL', details: { url: 'nope' } },
  UnsupportedSchemeError: {
    make: () => new errors.UnsupportedSchemeError('ftp://x', 'ftp'),
    code: 'PP_ERR_UNSUPPORTED_SCHEME',
    details: { url: 'ftp://x', scheme: 'ftp' },
  },
  BlockedAddressError: {
    make: () => new errors.BlockedAddressError('http://x/', '127.0.0.1', 'loopback'),
    code: 'PP_ERR_BLOCKED_ADDRESS',
    details: { url: 'http://x/', address: '127.0.0.1', range: 'loopback' },
  },
  DnsError: { make: () => new errors.DnsError('x.test', cause), code: 'PP_ERR_DNS', details: { host: 'x.test' } },
  ConnectionError: { make: () => new errors.ConnectionError('http://x/', cause), code: 'PP_ERR_CONNECTION', details: { url: 'http://x/' } },
  FetchTimeoutError: {
    make: () => new errors.FetchTimeoutError('http://x/', 'headers', 100, cause),
    code: 'PP_ERR_TIMEOUT',
    details: { url: 'http://x/', phase: 'headers', timeoutMs: 100 },
  },
  TooLargeError: {
    make: () => new errors.TooLargeError('http://x/', 10, 'decompressed'),
    code: 'PP_ERR_TOO_LARGE',
    details: { limitBytes: 10, kind: 'decompressed' },
  },
  TooManyRedirectsError: {
    make: () => new errors.TooManyRedirectsError('http://x/', 5, ['a', 'b']),
    code: 'PP_ERR_TOO_MANY_REDIRECTS',
    details: { max: 5, chain: ['a', 'b'] },
  },
  RedirectLoopError: { make: () => new errors.RedirectLoopError('http://x/', ['a', 'a']), code: 'PP_ERR_REDIRECT_LOOP', details: { chain: ['a', 'a'] } },
  ProbeTimeoutError: { make: () => new errors.ProbeTimeoutError('rendering', 120_000), code: 'PP_ERR_TIMEOUT', details: { probe: 'rendering', timeoutMs: 120_000 } },
  AbortedError: { make: () => new errors.AbortedError('http://x/', cause), code: 'PP_ERR_ABORTED', details: { url: 'http://x/' } },
  TargetUnauditableError: {
    make: () => new errors.TargetUnauditableError('http://x/', new errors.DnsError('x')),
    code: 'PP_ERR_TARGET_UNAUDITABLE',
    details: { url: 'http://x/', reason: 'PP_ERR_DNS' },
  },
  ModelInvalidError: { make: () => new errors.ModelInvalidError(['p1', 'p2']), code: 'PP_ERR_MODEL_INVALID', details: { problems: ['p1', 'p2'] } },
  AssessmentInvalidError: { make: () => new errors.AssessmentInvalidError('bad', { id: 'x' }), code: 'PP_ERR_ASSESSMENT_INVALID', details: { id: 'x' } },
  QuestionsInvalidError: { make: () => new errors.QuestionsInvalidError('bad'), code: 'PP_ERR_QUESTIONS_INVALID' },
  ReportInvalidError: { make: () => new errors.ReportInvalidError('bad'), code: 'PP_ERR_REPORT_INVALID' },
  ParseError: { make: () => new errors.ParseError('robots.txt', 'bad line', { line: 3 }, cause), code: 'PP_ERR_PARSE', details: { what: 'robots.txt', line: 3 } },
  LlmError: { make: () => new errors.LlmError('rate limited', { status: 429 }, cause), code: 'PP_ERR_LLM', details: { status: 429 } },
  NotFoundError: { make: () => new errors.NotFoundError('audit', 'a1'), code: 'PP_ERR_NOT_FOUND', details: { what: 'audit', id: 'a1' } },
  AuthError: { make: () => new errors.AuthError(), code: 'PP_ERR_AUTH' },
  ConflictError: { make: () => new errors.ConflictError('busy', { state: 'running' }), code: 'PP_ERR_CONFLICT', details: { state: 'running' } },
  RobotsDisallowedError: {
    make: () => new errors.RobotsDisallowedError('http://x/private'),
    code: 'PP_ERR_ROBOTS_DISALLOWED',
    details: { url: 'http://x/private' },
  },
  RateLimitedError: { make: () => new errors.RateLimitedError('slow down', { limit: 5 }), code: 'PP_ERR_RATE_LIMITED', details: { limit: 5 } },
  ActiveAuditLimitError: { make: () => new errors.ActiveAuditLimitError(5, 5), code: 'PP_ERR_RATE_LIMITED', details: { active: 5, limit: 5 } },
};

const exportedClasses = Object.entries(errors).filter(
  ([, value]) => typeof value === 'function' && (value === PortalProbeError || value.prototype instanceof PortalProbeError),
) as Array<[string, AnyErrorClass]>;

describe('error classes', () => {
  it('the table covers every exported error class', () => {
    expect(exportedClasses.length).toBeGreaterThan(20);
    expect(Object.keys(table).sort()).toEqual(exportedClasses.map(([name]) => name).sort());
  });

  it.each(exportedClasses)('%s', (name, Class) => {
    const row = table[name];
    const err = row.make();
    expect(err).toBeInstanceOf(Class);
    expect(err).toBeInstanceOf(PortalProbeError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(name);
    expect(err.code).toBe(row.code);
    expect(Object.keys(ERROR_CODES)).toContain(err.code);
    expect(err.message.length).toBeGreaterThan(0);
    if (row.details) expect(err.details).toMatchObject(row.details);

    const json = err.toJSON();
    expect(Object.keys(json).sort()).toEqual(['code', 'details', 'message']);
    expect(json).toEqual({ code: row.code, message: err.message, details: err.details });
    const wire = JSON.stringify(err);
    expect(wire).not.toContain('stack');
    expect(wire).not.toContain('    at ');
  });

  it('keeps the original error as cause', () => {
    expect(new errors.ConnectionError('http://x/', cause).cause).toBe(cause);
    expect(new errors.ConnectionError('http://x/', cause).message).toContain('root cause');
  });
});

describe('ERROR_CODES', () => {
  it.each(Object.entries(ERROR_CODES))('%s has a description', (code, description) => {
    expect(code).toMatch(/^PP_ERR_[A-Z_]+$/);
    expect(typeof description).toBe('string');
    expect(description.trim().length).toBeGreaterThan(5);
  });

  it('every code has a class (PP_ERR_INTERNAL is PortalProbeError itself)', () => {
    const made = new Set(Object.values(table).map((row) => row.code));
    const missing = Object.keys(ERROR_CODES).filter((code) => !made.has(code as ErrorCode));
    expect(missing).toEqual([]);
  });
});

describe('toPortalProbeError', () => {
  it.each([
    ['a PortalProbeError is kept', new errors.DnsError('x'), 'PP_ERR_DNS'],
    ['an Error becomes internal', new Error('boom'), 'PP_ERR_INTERNAL'],
    ['a string becomes internal', 'boom', 'PP_ERR_INTERNAL'],
  ])('%s', (_label, input, code) => {
    const err = toPortalProbeError(input);
    expect(err.code).toBe(code);
    if (input instanceof PortalProbeError) expect(err).toBe(input);
    else expect(err.cause).toBe(input);
  });
});
