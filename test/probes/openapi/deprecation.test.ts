// Unit tests for probes/openapi/deprecation.ts on small handmade specs (2.0, 3.0, 3.1): deprecated
// operations, parameters (shared by $ref, counted once) and schemas (not properties *named*
// "deprecated", not example payloads), Deprecation (RFC 9745) and Sunset (RFC 8594) response
// headers, wrong types, and the node budget of the schema search.
import { describe, expect, it } from 'vitest';
import { assessDeprecation, SCHEMA_WALK_BUDGET } from '../../../probes/openapi/deprecation.js';
import type { SpecFamily } from '../../../probes/openapi/load.js';
import { walkResponses } from '../../../probes/openapi/responses.js';

type Spec = Record<string, unknown>;

function assess(spec: Spec) {
  const family: SpecFamily = typeof spec.swagger === 'string' ? 'swagger' : 'openapi';
  return assessDeprecation(spec, walkResponses(spec, family, String(spec.swagger ?? spec.openapi)));
}

const OAS_30: Spec = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/old': {
      parameters: [{ $ref: '#/components/parameters/Legacy' }],
      get: {
        deprecated: true,
        parameters: [{ $ref: '#/components/parameters/Legacy' }, { name: 'q', in: 'query', deprecated: false, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'ok',
            headers: { Deprecation: { $ref: '#/components/headers/Deprecation' }, Sunset: { schema: { type: 'string' } } },
            content: {
              'application/json': {
                schema: { type: 'object', properties: { legacyField: { type: 'string', deprecated: true } } },
                example: { deprecated: true },
              },
            },
          },
        },
      },
    },
    '/new': { get: { responses: { 200: { description: 'ok' } } } },
  },
  components: {
    parameters: {
      Legacy: { name: 'v', in: 'header', deprecated: true, schema: { type: 'string' } },
      Unused: { name: 'u', in: 'query', deprecated: true, schema: { type: 'string' } },
    },
    headers: { Deprecation: { schema: { type: 'string' } } },
    schemas: {
      Old: { type: 'object', deprecated: true },
      Pet: {
        type: 'object',
        properties: {
          // A property called "deprecated" is a name, not a marker.
          deprecated: { type: 'boolean', default: true },
          tag: { type: 'string', deprecated: true },
          nested: { allOf: [{ $ref: '#/components/schemas/Old' }, { type: 'object', deprecated: true }] },
        },
        example: { deprecated: true },
      },
    },
  },
};

const OAS_31: Spec = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/a': {
      post: {
        parameters: [{ $ref: '#/components/parameters/schema' }],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Body' } } } },
        responses: { 200: { description: 'ok' } },
      },
    },
  },
  webhooks: { ping: { post: { deprecated: true, responses: { 200: { description: 'ok' } } } } },
  components: {
    // A parameter whose *name* is "schema" is a parameter, not a schema.
    parameters: { schema: { name: 's', in: 'query', deprecated: true, schema: { type: 'string' } } },
    schemas: {
      Body: {
        type: 'object',
        // JSON Schema boolean schema for a property called "deprecated".
        properties: { deprecated: true, old: { type: 'string', deprecated: true } },
        $defs: { Inner: { type: 'string', deprecated: true } },
        examples: [{ deprecated: true }],
        'x-internal': { deprecated: true },
      },
    },
  },
};

const SWAGGER_20: Spec = {
  swagger: '2.0',
  info: { title: 't', version: '1' },
  paths: {
    '/v1/items': {
      get: {
        deprecated: true,
        parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Item' } }],
        responses: { 200: { description: 'ok', headers: { sunset: { type: 'string' } }, schema: { type: 'array', items: { $ref: '#/definitions/Item' } } } },
      },
    },
  },
  definitions: { Item: { type: 'object', properties: { legacy: { type: 'string', deprecated: true } } } },
};

describe('assessDeprecation', () => {
  it.each([
    {
      name: '3.0: operation, shared and unused parameters, schemas, Deprecation and Sunset headers',
      spec: OAS_30,
      expected: {
        deprecatedOperations: 1,
        deprecatedParameters: 2, // Legacy (path and operation level: once) and Unused
        deprecatedSchemas: 4, // legacyField inline, Old, Pet.tag, the inline allOf member
        deprecationHeader: true,
        sunsetHeader: true,
        schemaSearchCut: false,
        pointers: {
          operations: ['/paths/~1old/get'],
          parameters: ['/components/parameters/Legacy', '/components/parameters/Unused'],
          headers: ['/components/headers/Deprecation', '/paths/~1old/get/responses/200/headers/Sunset'],
        },
      },
    },
    {
      name: '3.1: boolean property schema named deprecated, $defs, parameter named schema, webhooks not counted',
      spec: OAS_31,
      expected: {
        deprecatedOperations: 0,
        deprecatedParameters: 1,
        deprecatedSchemas: 2, // Body.properties.old and Body.$defs.Inner
        deprecationHeader: false,
        sunsetHeader: false,
        pointers: {
          parameters: ['/components/parameters/schema'],
          schemas: ['/components/schemas/Body/properties/old', '/components/schemas/Body/$defs/Inner'],
        },
      },
    },
    {
      name: '2.0: deprecated operation, property in definitions, lower-case sunset header',
      spec: SWAGGER_20,
      expected: {
        deprecatedOperations: 1, deprecatedParameters: 0, deprecatedSchemas: 1, deprecationHeader: false, sunsetHeader: true,
        pointers: { operations: ['/paths/~1v1~1items/get'], schemas: ['/definitions/Item/properties/legacy'] },
      },
    },
    {
      name: 'nothing deprecated',
      spec: { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } } },
      expected: { deprecatedOperations: 0, deprecatedParameters: 0, deprecatedSchemas: 0, deprecationHeader: false, sunsetHeader: false },
    },
    {
      name: 'deprecated: "true" (a string) is not a marker',
      spec: { openapi: '3.0.3', paths: { '/a': { get: { deprecated: 'true', responses: {} } } }, components: { schemas: { A: { deprecated: 1 } } } },
      expected: { deprecatedOperations: 0, deprecatedSchemas: 0 },
    },
  ])('$name', ({ spec, expected }) => {
    expect(assess(spec as Spec)).toMatchObject(expected);
  });

  it.each([
    ['parameters as a string', { openapi: '3.0.3', paths: { '/a': { parameters: 'x', get: { parameters: { a: 1 }, responses: {} } } } }],
    ['components as an array', { openapi: '3.0.3', paths: {}, components: [] }],
    ['schemas as a string', { openapi: '3.0.3', paths: {}, components: { schemas: 'Old' } }],
    ['definitions as a number', { swagger: '2.0', paths: {}, definitions: 3 }],
    ['a $ref cycle among parameters', { openapi: '3.0.3', paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/A' }] } } }, components: { parameters: { A: { $ref: '#/components/parameters/A' } } } }],
  ])('%s: no throw, nothing counted', (_name, spec) => {
    expect(assess(spec as Spec)).toMatchObject({ deprecatedOperations: 0, deprecatedParameters: 0, deprecatedSchemas: 0 });
  });

  it('handles a schema graph with shared nodes (YAML aliases) and deep nesting without revisiting', () => {
    const shared: Spec = { type: 'string', deprecated: true };
    const schemas: Spec = {};
    for (let i = 0; i < 5000; i++) schemas[`S${i}`] = { type: 'object', properties: { a: shared, b: shared } };
    let deep: Spec = { type: 'string', deprecated: true };
    for (let i = 0; i < 5000; i++) deep = { type: 'array', items: deep };
    schemas.Deep = deep;
    const r = assess({ openapi: '3.0.3', paths: {}, components: { schemas } });
    expect(r.deprecatedSchemas).toBe(2); // the shared one once, the deep one
    expect(r.schemaSearchCut).toBe(false);
  });

  it(`stops the schema search after ${SCHEMA_WALK_BUDGET} nodes and says so`, () => {
    const big = { type: 'object', required: Array.from({ length: SCHEMA_WALK_BUDGET + 10 }, () => 'x') };
    const started = Date.now();
    const r = assess({ openapi: '3.0.3', paths: {}, components: { schemas: { Big: big, Z: { deprecated: true } } } });
    expect(r.schemaSearchCut).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
