// Unit tests for probes/openapi/responses.ts and probes/openapi/rate-limits.ts on small handmade specs:
// 2.0, 3.0 and 3.1; inline and $ref'd responses and headers; 4XX ranges and `default`; $ref cycles,
// missing and external targets; wrong types (responses as an array, headers as a string).
import { describe, expect, it } from 'vitest';
import type { SpecFamily } from '../../../probes/openapi/load.js';
import { assessRateLimits, rateLimitHeaderStyle } from '../../../probes/openapi/rate-limits.js';
import { escapePointer, follow, walkResponses } from '../../../probes/openapi/responses.js';

type Spec = Record<string, unknown>;

function walkOf(spec: Spec) {
  const family: SpecFamily = typeof spec.swagger === 'string' ? 'swagger' : 'openapi';
  const version = String(spec.swagger ?? spec.openapi);
  return walkResponses(spec, family, version);
}

const schema = { schema: { type: 'integer' } };
const oas30 = (paths: Spec, components: Spec = {}): Spec => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components });

const INLINE_30 = oas30({
  '/a': {
    get: {
      responses: {
        200: { description: 'ok', headers: { 'X-RateLimit-Remaining': schema } },
        429: { description: 'slow down', headers: { 'Retry-After': schema } },
      },
    },
  },
  '/b': { get: { responses: { 200: { description: 'ok' }, '4XX': { description: 'client error' } } } },
  '/c': { get: { responses: { 200: { description: 'ok' }, default: { description: 'error' } } } },
  '/d': { post: { responses: { 201: { description: 'made' } } }, 'x-note': 'not an operation' },
});

const REFS_30 = oas30(
  {
    '/x': { get: { responses: { 429: { $ref: '#/components/responses/TooMany' } } } },
    '/y': {
      get: {
        responses: {
          200: { description: 'ok', headers: { 'RateLimit-Policy': { $ref: '#/components/headers/Policy' } } },
          429: { $ref: '#/components/responses/TooMany' },
        },
      },
    },
  },
  {
    responses: {
      TooMany: {
        description: 'Too Many Requests',
        headers: { RateLimit: { $ref: '#/components/headers/RateLimit' }, 'Retry-After': { $ref: '#/components/headers/RetryAfter' } },
      },
    },
    headers: { RateLimit: schema, RetryAfter: schema, Policy: schema },
  },
);

const SWAGGER_20: Spec = {
  swagger: '2.0',
  info: { title: 't', version: '1' },
  responses: { RateLimited: { description: 'limited', headers: { 'X-Rate-Limit-Reset': { type: 'integer' }, 'retry-after': { type: 'integer' } } } },
  paths: {
    '/p': {
      get: {
        responses: {
          200: { description: 'ok' },
          429: { $ref: '#/responses/RateLimited' },
          503: { description: 'busy', headers: { 'Retry-After': { type: 'integer' } } },
        },
      },
      // 2.0 has no TRACE: not an operation there.
      trace: { responses: { 429: { description: 'x' } } },
    },
  },
};

const PATH_ITEM_REF_31: Spec = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/q': { $ref: '#/components/pathItems/Q' } },
  components: { pathItems: { Q: { get: { responses: { '4XX': { description: 'client error', headers: { 'Retry-After': schema } } } } } } },
};

describe('assessRateLimits', () => {
  it.each([
    {
      name: '3.0 inline: 429 with Retry-After, X-RateLimit on 200, a 4XX range, a default, a bare op',
      spec: INLINE_30,
      expected: {
        operationCount: 4, operationsWith429: 1, share429: 0.25, operationsWith4xxRange: 1, operationsWithDefaultOnly: 1,
        retryAfter: true, retryAfterOn: ['429'], rateLimitHeaders: ['X-RateLimit-Remaining'], rateLimitHeaderStyles: ['x-ratelimit'],
        pointers: {
          response429: ['/paths/~1a/get/responses/429'],
          retryAfter: ['/paths/~1a/get/responses/429/headers/Retry-After'],
          rateLimitHeaders: ['/paths/~1a/get/responses/200/headers/X-RateLimit-Remaining'],
        },
      },
    },
    {
      name: '3.0 $ref to components/responses and components/headers (draft RateLimit fields)',
      spec: REFS_30,
      expected: {
        operationCount: 2, operationsWith429: 2, share429: 1, operationsWith4xxRange: 0, operationsWithDefaultOnly: 0,
        retryAfter: true, retryAfterOn: ['429'], rateLimitHeaders: ['RateLimit', 'RateLimit-Policy'], rateLimitHeaderStyles: ['ietf'],
        pointers: {
          response429: ['/paths/~1x/get/responses/429', '/paths/~1y/get/responses/429'],
          retryAfter: ['/components/headers/RetryAfter'],
          rateLimitHeaders: ['/components/headers/RateLimit', '/components/headers/Policy'],
        },
      },
    },
    {
      name: '2.0 #/responses ref with lower-case retry-after, and Retry-After on a 503',
      spec: SWAGGER_20,
      expected: {
        operationCount: 1, operationsWith429: 1, share429: 1, retryAfter: true, retryAfterOn: ['429', '503'],
        rateLimitHeaders: ['X-Rate-Limit-Reset'],
        pointers: {
          response429: ['/paths/~1p/get/responses/429'],
          retryAfter: ['/responses/RateLimited/headers/retry-after', '/paths/~1p/get/responses/503/headers/Retry-After'],
          rateLimitHeaders: ['/responses/RateLimited/headers/X-Rate-Limit-Reset'],
        },
      },
    },
    {
      name: '3.1 path item by $ref; Retry-After only on 4XX does not count as a 429 Retry-After',
      spec: PATH_ITEM_REF_31,
      expected: { operationCount: 1, operationsWith429: 0, share429: 0, operationsWith4xxRange: 1, retryAfter: false, retryAfterOn: ['4XX'], rateLimitHeaders: [] },
    },
    {
      name: 'no operations',
      spec: oas30({}),
      expected: { operationCount: 0, operationsWith429: 0, share429: null, retryAfter: false, rateLimitHeaders: [] },
    },
  ])('$name', ({ spec, expected }) => {
    expect(assessRateLimits(walkOf(spec))).toMatchObject(expected);
  });

  it('keys written as YAML numbers still count (429 becomes the key "429")', () => {
    const spec = oas30({ '/n': { get: { responses: { [429]: { description: 'x' } } } } });
    expect(assessRateLimits(walkOf(spec)).operationsWith429).toBe(1);
  });
});

describe('rateLimitHeaderStyle', () => {
  it.each([
    ['ratelimit', 'ietf'],
    ['ratelimit-policy', 'ietf'],
    ['ratelimit-remaining', 'ietf-early-draft'],
    ['ratelimit-reset', 'ietf-early-draft'],
    ['x-ratelimit-limit', 'x-ratelimit'],
    ['x-ratelimit-limit-minute', 'x-ratelimit'],
    ['x-rate-limit-remaining', 'x-ratelimit'],
    ['retry-after', null],
    ['ratelimits', null],
    ['x-request-id', null],
    ['ratelimit-foo', null],
  ])('%s → %s', (name, style) => {
    expect(rateLimitHeaderStyle(name)).toBe(style);
  });
});

describe('walkResponses on hostile shapes', () => {
  it('ends $ref cycles and reports them as malformed, without throwing', () => {
    const spec = oas30(
      {
        '/loop': { get: { responses: { 429: { $ref: '#/components/responses/A' } } } },
        '/hloop': { get: { responses: { 200: { description: 'ok', headers: { 'Retry-After': { $ref: '#/components/headers/H' } } } } } },
        '/self': { $ref: '#/paths/~1self' },
      },
      {
        responses: { A: { $ref: '#/components/responses/B' }, B: { $ref: '#/components/responses/A' } },
        headers: { H: { $ref: '#/components/headers/H' } },
      },
    );
    const walk = walkOf(spec);
    expect(walk.operations.map((o) => o.operation)).toEqual(['GET /loop', 'GET /hloop']);
    expect(walk.malformedCount).toBe(2);
    const r = assessRateLimits(walk);
    expect(r).toMatchObject({ operationsWith429: 1, retryAfter: false, retryAfterOn: [] });
  });

  it.each([
    ['responses as an array', { '/a': { get: { responses: [{ 429: { description: 'x' } }] } } }, 1, 0],
    ['responses as a string', { '/a': { get: { responses: '429' } } }, 1, 0],
    ['a response as a number', { '/a': { get: { responses: { 429: 7 } } } }, 1, 1],
    ['headers as a string', { '/a': { get: { responses: { 429: { description: 'x', headers: 'Retry-After' } } } } }, 1, 1],
    ['headers as an array', { '/a': { get: { responses: { 429: { description: 'x', headers: ['Retry-After'] } } } } }, 1, 1],
    ['a header as a string', { '/a': { get: { responses: { 429: { description: 'x', headers: { 'Retry-After': 'integer' } } } } } }, 1, 1],
    ['headers: null', { '/a': { get: { responses: { 429: { description: 'x', headers: null } } } } }, 1, 1],
    ['a missing local target', { '/a': { get: { responses: { 429: { $ref: '#/components/responses/Nope' } } } } }, 1, 1],
    ['an operation as an array', { '/a': { get: [] } }, 0, 0],
    ['a path item as a string', { '/a': 'GET' }, 0, 0],
  ])('%s: skipped and listed, never thrown', (_name, paths, malformed, with429) => {
    const walk = walkOf(oas30(paths as Spec));
    expect(walk.malformedCount).toBe(malformed);
    const r = assessRateLimits(walk);
    expect(r.operationsWith429).toBe(with429);
    expect(r.retryAfter).toBe(false);
  });

  it.each([
    ['paths as an array', { openapi: '3.0.3', paths: [] }],
    ['paths as a string', { openapi: '3.0.3', paths: 'x' }],
    ['no paths', { openapi: '3.1.0', webhooks: {} }],
  ])('%s gives no operations', (_name, spec) => {
    expect(walkOf(spec as Spec)).toEqual({ operations: [], malformed: [], malformedCount: 0 });
  });

  it('leaves an external $ref alone: not followed, not malformed', () => {
    const walk = walkOf(oas30({ '/a': { get: { responses: { 429: { $ref: 'common.yaml#/responses/TooMany' } } } } }));
    expect(walk.malformedCount).toBe(0);
    expect(walk.operations[0].responses).toEqual([{ code: '429', pointer: '/paths/~1a/get/responses/429', headers: [] }]);
  });

  it('reads a shared response once however many operations use it, and stays fast on many operations', () => {
    const paths: Spec = {};
    for (let i = 0; i < 20_000; i++) paths[`/r${i}`] = { get: { responses: { 429: { $ref: '#/components/responses/TooMany' } } } };
    const spec = oas30(paths, { responses: { TooMany: { description: 'x', headers: { 'Retry-After': schema } } } });
    const started = Date.now();
    const r = assessRateLimits(walkOf(spec));
    expect(r).toMatchObject({ operationCount: 20_000, operationsWith429: 20_000, share429: 1, retryAfter: true });
    expect(r.pointers.retryAfter).toEqual(['/components/responses/TooMany/headers/Retry-After']);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps at most MAX_MALFORMED pointers but counts them all', () => {
    const paths: Spec = {};
    for (let i = 0; i < 25; i++) paths[`/r${i}`] = { get: { responses: [] } };
    const walk = walkOf(oas30(paths));
    expect(walk.malformedCount).toBe(25);
    expect(walk.malformed).toHaveLength(10);
  });
});

describe('pointers', () => {
  it.each([
    ['/pets/{id}', '~1pets~1{id}'],
    ['a~b', 'a~0b'],
    ['~/', '~0~1'],
  ])('escapes %s as %s (RFC 6901 §3)', (token, escaped) => {
    expect(escapePointer(token)).toBe(escaped);
  });

  it('follow() reports where the target lives', () => {
    const root = { a: { $ref: '#/b' }, b: { $ref: '#/c' }, c: { ok: true } };
    expect(follow(root, root.a, '/a')).toEqual({ node: { ok: true }, pointer: '/c' });
    expect(follow(root, { $ref: 'x.yaml#/c' }, '/z')).toEqual({ node: { $ref: 'x.yaml#/c' }, pointer: '/z' });
  });
});
