// Request validation with two Ajv instances (issue 14 item 6). Query strings and path parameters
// arrive as text, so they need type coercion ("limit=20" → 20); JSON bodies arrive typed, and
// coercing them turned `"url": 123` into "123" and `"url": ["x"]` into "x". So bodies are
// validated strictly (no coercion) and everything else with coercion. Both refuse unknown
// properties (Fastify's default silently drops them) and fill defaults. Shared schemas
// (schemas/common.ts) are added to both, so `$ref: 'AuditOptions#'` resolves in either.
import { Ajv, type Options } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { SHARED_SCHEMAS } from './schemas/common.js';

const BASE: Options = {
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  // Fastify's own defaults for route schemas (keywords such as `example` and `description` are kept).
  strict: false,
  allowUnionTypes: true,
};

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...BASE, coerceTypes });
  // ajv-formats is CommonJS with `exports.default`; under NodeNext the namespace import holds it.
  (ajvFormats.default as unknown as (instance: Ajv) => Ajv)(ajv);
  for (const schema of SHARED_SCHEMAS) ajv.addSchema(schema as object);
  return ajv;
}

export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const strict = makeAjv(false);
  // 'array' also wraps a single ?x=1 into [1] where an array is expected.
  const coercing = makeAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
}
