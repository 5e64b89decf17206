// Unit tests for the agent-readiness signals (probes/openapi/quality.ts, surface.ts, operations.ts, refs.ts)
// on a small handmade document with known shares, plus Swagger 2.0 specifics and bounded walks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../probes/openapi/load.js';
import { listOperations } from '../../../probes/openapi/operations.js';
import { assessQuality, containsExample, QUALITY_WEIGHTS, qualityScoreOf, SIGNALS } from '../../../probes/openapi/quality.js';
import { deref, externalRefs, resolvePointer } from '../../../probes/openapi/refs.js';
import { judgeServer, SERVER_REASONS } from '../../../probes/openapi/surface.js';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/openapi/quality-spec.yaml');

function quality() {
  const loaded = loadSpec(readFileSync(FIXTURE, 'utf8'), 'application/yaml');
  if (loaded.kind !== 'spec') throw new Error('fixture is not a spec');
  return assessQuality(loaded.spec, loaded.family, loaded.version);
}

describe('quality signals on the handmade spec', () => {
  const q = quality();

  it('counts the five operations and their shares', () => {
    expect(q.operationCount).toBe(5);
    expect(q.summaryShare).toBe(0.4); // GET /pets, POST /pets
    expect(q.descriptionShare).toBe(0.4); // GET /pets, GET /pets/{id}
    expect(q.operationIdShare).toBe(0.6); // listPets, addPet, getPlain
    // GET /pets via $ref Pet.example, POST inline, both /pets/{id} via the path-level parameter;
    // not GET /plain, whose only "example" is a property name.
    expect(q.exampleShare).toBe(0.8);
    expect(q.errorResponseShare).toBe(0.6); // 4XX, default, 500
    expect(q.deprecatedOperations).toBe(1);
  });

  it('computes the documented weighted mean', () => {
    // 0.15·0.4 + 0.25·0.4 + 0.2·0.6 + 0.2·0.8 + 0.2·0.6
    expect(q.qualityScore).toBe(0.56);
  });

  it('lists the worst operations, most missing first, document order on ties', () => {
    expect(q.worstOperations).toEqual([
      { operation: 'DELETE /pets/{id}', missing: ['summary', 'description', 'operationId', 'errorResponse'] },
      { operation: 'GET /pets/{id}', missing: ['summary', 'operationId', 'errorResponse'] },
      { operation: 'GET /plain', missing: ['summary', 'description', 'example'] },
      { operation: 'POST /pets', missing: ['description'] },
    ]);
  });

  it('reports servers with their usefulness', () => {
    expect(q.servers).toEqual([
      { url: 'https://api.acme-payments.com/v1', useful: true },
      { url: 'http://localhost:8080', useful: false, reason: SERVER_REASONS.localhost },
      { url: '/v1', useful: false, reason: SERVER_REASONS.relative },
      { url: 'https://eu.api.acme-payments.com', useful: true },
    ]);
  });

  it('reports security scheme types and tags', () => {
    expect(q.securitySchemes.map((s) => s.type)).toEqual(['apiKey', 'http:bearer', 'oauth2', 'openIdConnect']);
    expect(q.tags).toEqual(['pets', 'misc']);
  });
});

describe('qualityScoreOf', () => {
  it('weights sum to 1', () => {
    expect(SIGNALS.reduce((n, s) => n + QUALITY_WEIGHTS[s], 0)).toBeCloseTo(1, 10);
  });
  it.each([
    [{ summary: 1, description: 1, operationId: 1, example: 1, errorResponse: 1 }, 1],
    [{ summary: 0, description: 0, operationId: 0, example: 0, errorResponse: 0 }, 0],
    [{ summary: 1, description: 0, operationId: 0, example: 0, errorResponse: 0 }, 0.15],
    [{ summary: 0, description: 1, operationId: 0, example: 0, errorResponse: 0 }, 0.25],
    [{ summary: null, description: 1, operationId: 1, example: 1, errorResponse: 1 }, null],
  ])('%j → %s', (shares, expected) => {
    expect(qualityScoreOf(shares)).toBe(expected);
  });
});

describe('Swagger 2.0 specifics', () => {
  const spec = {
    swagger: '2.0',
    info: { title: 'Old', version: '1' },
    host: 'api.example.com',
    basePath: '/v2',
    schemes: ['https', 'http'],
    securityDefinitions: { basic: { type: 'basic' }, key: { type: 'apiKey', in: 'header', name: 'k' } },
    paths: {
      '/a': {
        get: { responses: { 200: { description: 'ok', examples: { 'application/json': { a: 1 } } } } },
        post: { parameters: [{ name: 'q', in: 'query', type: 'string', 'x-example': 'x' }], responses: { 200: { description: 'ok' } } },
        trace: { responses: { 200: { description: 'trace is not a 2.0 method' } } },
      },
    },
  };
  const q = assessQuality(spec, 'swagger', '2.0');

  it('counts only 2.0 methods and finds 2.0 examples (response examples map, x-example)', () => {
    expect(q.operationCount).toBe(2);
    expect(q.exampleShare).toBe(1);
  });
  it('builds servers from schemes + host + basePath; example.com is not useful', () => {
    expect(q.servers.map((s) => s.url)).toEqual(['https://api.example.com/v2', 'http://api.example.com/v2']);
    expect(q.servers.every((s) => !s.useful && s.reason === SERVER_REASONS.example)).toBe(true);
  });
  it('maps 2.0 basic to http:basic', () => {
    expect(q.securitySchemes).toEqual([{ name: 'basic', type: 'http:basic' }, { name: 'key', type: 'apiKey' }]);
  });
  it('no host means relative to the docs host', () => {
    expect(assessQuality({ ...spec, host: undefined }, 'swagger', '2.0').servers).toEqual([
      { url: '/v2', useful: false, reason: SERVER_REASONS.relative },
    ]);
  });
});

describe('judgeServer', () => {
  it.each([
    ['https://api.stripe.com', true, undefined],
    ['//api.acme.io/v1', true, undefined],
    ['http://127.0.0.1:3000', false, SERVER_REASONS.localhost],
    ['http://[::1]/', false, SERVER_REASONS.localhost],
    ['https://dev.localhost', false, SERVER_REASONS.localhost],
    ['http://10.0.0.12/api', false, SERVER_REASONS.private],
    ['https://petstore.example.org', false, SERVER_REASONS.example],
    ['https://api.test', false, SERVER_REASONS.example],
    ['https://{tenant}.acme.io', false, SERVER_REASONS.templated],
    ['v1', false, SERVER_REASONS.relative],
  ])('%s → useful %s', (url, useful, reason) => {
    const s = judgeServer(url);
    expect(s.useful).toBe(useful);
    expect(s.reason).toBe(reason);
  });
});

describe('operations and refs', () => {
  it('follows a local $ref path item (3.1 components.pathItems) and 3.2 query/additionalOperations', () => {
    const spec = {
      openapi: '3.2.0',
      paths: {
        '/a': { $ref: '#/components/pathItems/A' },
        '/b': { query: { responses: {} }, additionalOperations: { PURGE: { responses: {} } } },
        '/ext': { $ref: 'other.yaml#/paths/~1x' },
      },
      components: { pathItems: { A: { get: { responses: {} }, put: { responses: {} } } } },
    };
    expect(listOperations(spec, 'openapi', '3.2.0').map((o) => `${o.method} ${o.path}`)).toEqual(['GET /a', 'PUT /a', 'QUERY /b', 'PURGE /b']);
    // Before 3.2, `query` is not a method.
    expect(listOperations(spec, 'openapi', '3.1.0').map((o) => `${o.method} ${o.path}`)).toEqual(['GET /a', 'PUT /a']);
  });

  it('resolves JSON pointers with ~0 ~1 and percent-encoding (RFC 6901)', () => {
    const root = { paths: { '/a/{b}': { get: 1 } }, 'm~n': 2, list: [10, 20] };
    expect(resolvePointer(root, '#/paths/~1a~1%7Bb%7D/get')).toBe(1);
    expect(resolvePointer(root, '#/m~0n')).toBe(2);
    expect(resolvePointer(root, '#/list/1')).toBe(20);
    expect(resolvePointer(root, '#/list/01')).toBeUndefined();
    expect(resolvePointer(root, '#/nope')).toBeUndefined();
    expect(resolvePointer(root, 'other.json#/a')).toBeUndefined();
  });

  it('stops on $ref cycles', () => {
    const root = { a: { $ref: '#/b' }, b: { $ref: '#/a' } };
    expect(deref(root, root.a)).toEqual(expect.objectContaining({ $ref: expect.any(String) }));
    expect(containsExample(root, [root.a])).toBe(false);
  });

  it('lists external refs once each', () => {
    const root = { a: { $ref: 'x.yaml' }, b: [{ $ref: 'x.yaml' }, { $ref: 'https://e.com/s.json#/Y' }], c: { $ref: '#/a' } };
    expect(externalRefs(root)).toEqual({ refs: ['x.yaml', 'https://e.com/s.json#/Y'], total: 2 });
  });

  it('bounds the example search on a $ref bomb (each schema refers twice to the previous one)', () => {
    const schemas: Record<string, unknown> = { S0: { type: 'string' } };
    for (let i = 1; i <= 60; i++) schemas[`S${i}`] = { type: 'object', properties: { a: { $ref: `#/components/schemas/S${i - 1}` }, b: { $ref: `#/components/schemas/S${i - 1}` } } };
    const spec = { openapi: '3.0.3', info: { title: 'bomb', version: '1' }, components: { schemas }, paths: {} as Record<string, unknown> };
    for (let i = 0; i < 200; i++) {
      spec.paths[`/p${i}`] = { get: { responses: { 200: { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/S60' } } } } } } };
    }
    const started = Date.now();
    const q = assessQuality(spec, 'openapi', '3.0.3');
    expect(q.operationCount).toBe(200);
    expect(q.exampleShare).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
