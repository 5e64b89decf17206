// Deprecation as one OpenAPI / Swagger document states it for machines: operations, parameters and
// schemas marked `deprecated: true` (2.0 Operation Object; OAS 3 Operation, Parameter and Schema
// Objects; JSON Schema 2019-09+ `deprecated` in 3.1), and responses that declare the runtime
// signals: the `Deprecation` header (RFC 9745, an sf-date such as `@1688169599`) and the `Sunset`
// header (RFC 8594, an HTTP-date). Pure; every walk has a visited set and a node budget.
import type { ResponseWalk } from './responses.js';
import { escapePointer, follow } from './responses.js';
import { MAX_POINTERS } from './rate-limits.js';
import type { DocumentDeprecation } from '../../src/contract/index.js';
import { isRecord } from '../../src/util/is-record.js';

/** Nodes the schema search may visit per document (a 10 MB spec has well under a million). */
export const SCHEMA_WALK_BUDGET = 1_000_000;
/** Schema keywords whose keys are names: `properties: { deprecated: true }` is a property called "deprecated". */
const SCHEMA_NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
/** OAS maps keyed by names, codes or media types (a parameter called "schema" is not a schema). */
const OAS_NAME_MAPS = new Set([
  'paths', 'webhooks', 'responses', 'content', 'headers', 'callbacks', 'links', 'encoding', 'variables', 'scopes', 'mapping',
  'parameters', 'securityDefinitions', 'securitySchemes', 'requestBodies', 'pathItems',
]);
/** Keys whose values are data, not schemas: an example payload `{ "deprecated": true }` is not a marker. */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const', 'x-example', 'x-examples']);

function push(list: string[], value: string): void {
  if (list.length < MAX_POINTERS && !list.includes(value)) list.push(value);
}

/** Parameter Objects of every operation and the reusable ones, each once. */
function countParameters(spec: Record<string, unknown>, walk: ResponseWalk, pointers: string[]): number {
  const seen = new Set<object>();
  let n = 0;
  const visit = (raw: unknown, at: string): void => {
    const p = follow(spec, raw, at);
    if (!isRecord(p.node) || seen.has(p.node)) return;
    seen.add(p.node);
    if (p.node.deprecated === true) {
      n++;
      push(pointers, p.pointer);
    }
  };
  const list = (params: unknown, at: string): void => {
    if (Array.isArray(params)) params.forEach((p, i) => visit(p, `${at}/${i}`));
  };
  for (const o of walk.operations) {
    list(o.pathParameters, `${o.itemPointer}/parameters`);
    list(o.op.parameters, `${o.pointer}/parameters`);
  }
  // Reusable ones, used or not: 2.0 `parameters`, OAS 3 `components/parameters`.
  const components = isRecord(spec.components) ? spec.components : {};
  for (const [container, at] of [[spec.parameters, '/parameters'], [components.parameters, '/components/parameters']] as const) {
    if (isRecord(container)) for (const [name, p] of Object.entries(container)) visit(p, `${at}/${escapePointer(name)}`);
  }
  return n;
}

interface Frame {
  node: unknown;
  /** The frame this one sits in and the key (or index) under it; pointers are built only when needed. */
  parent: Frame | null;
  key: string;
  /** `node` is a name map (keys are names) or an ordinary object. */
  names: boolean;
  /** `node` sits where a schema goes. */
  schema: boolean;
}

function pointerOf(frame: Frame): string {
  const keys: string[] = [];
  for (let f: Frame | null = frame; f !== null && f.parent !== null; f = f.parent) keys.push(escapePointer(f.key));
  return keys.length === 0 ? '' : `/${keys.reverse().join('/')}`;
}

/**
 * Schemas marked deprecated. Schema positions are the values of `components/schemas` (3.x) and
 * `definitions` (2.0), every value under a `schema` key (parameters, media types, headers, 2.0
 * responses) and everything nested in a schema except data keywords. `$ref`s are not followed:
 * their targets are counted where they are defined.
 */
function countSchemas(spec: Record<string, unknown>, pointers: string[]): { count: number; cut: boolean } {
  const root: Frame = { node: spec, parent: null, key: '', names: false, schema: false };
  const stack: Frame[] = [root];
  const seen = new Set<object>();
  let visits = 0;
  let count = 0;
  while (stack.length > 0) {
    if (++visits > SCHEMA_WALK_BUDGET) return { count, cut: true };
    const frame = stack.pop()!;
    const { node, names, schema } = frame;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      // allOf / anyOf / oneOf / prefixItems / 2.0 parameters lists …
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], parent: frame, key: String(i), names: false, schema });
      continue;
    }
    const record = node as Record<string, unknown>;
    if (schema && !names && record.deprecated === true) {
      count++;
      if (pointers.length < MAX_POINTERS) push(pointers, pointerOf(frame));
    }
    const top = frame === root;
    const components = frame.parent === root && frame.key === 'components';
    // Pushed last to first so that evidence comes out in document order.
    for (const [key, value] of Object.entries(record).reverse()) {
      if (names) {
        // The values of a name map; they are schemas when the map is a schema map.
        stack.push({ node: value, parent: frame, key, names: false, schema });
        continue;
      }
      if (DATA_KEYS.has(key) || key.startsWith('x-')) continue;
      if (schema) {
        stack.push({ node: value, parent: frame, key, names: SCHEMA_NAME_MAPS.has(key), schema: true });
      } else if ((top && key === 'definitions') || (components && key === 'schemas')) {
        stack.push({ node: value, parent: frame, key, names: true, schema: true });
      } else {
        stack.push({ node: value, parent: frame, key, names: components || OAS_NAME_MAPS.has(key), schema: key === 'schema' });
      }
    }
  }
  return { count, cut: false };
}

export function assessDeprecation(spec: Record<string, unknown>, walk: ResponseWalk): DocumentDeprecation {
  const pointers = { operations: [] as string[], parameters: [] as string[], schemas: [] as string[], headers: [] as string[] };
  let operations = 0;
  let deprecationHeader = false;
  let sunsetHeader = false;
  for (const o of walk.operations) {
    if (o.op.deprecated === true) {
      operations++;
      push(pointers.operations, o.pointer);
    }
    for (const r of o.responses) {
      for (const h of r.headers) {
        if (h.lower === 'deprecation') deprecationHeader = true;
        else if (h.lower === 'sunset') sunsetHeader = true;
        else continue;
        push(pointers.headers, h.pointer);
      }
    }
  }
  const parameters = countParameters(spec, walk, pointers.parameters);
  const schemas = countSchemas(spec, pointers.schemas);
  return {
    deprecatedOperations: operations,
    deprecatedParameters: parameters,
    deprecatedSchemas: schemas.count,
    deprecationHeader,
    sunsetHeader,
    schemaSearchCut: schemas.cut,
    pointers,
  };
}
