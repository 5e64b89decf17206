// Lists the operations of a Swagger 2.0 / OpenAPI 3.x document: every HTTP-method field of every
// Path Item in `paths` (2.0 §Path Item Object, OAS 3.1 §4.8.9), plus `query` and
// `additionalOperations` from OAS 3.2. Path Items reached by a local `$ref` (3.1
// components/pathItems) are followed; external ones are not (portalprobe fetches nothing more).
import { type SpecFamily } from './load.js';
import { deref } from './refs.js';
import { isRecord } from '../../src/util/is-record.js';

const METHODS_2_0 = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;
const METHODS_3 = [...METHODS_2_0, 'trace'] as const;
/** OAS 3.2 adds the QUERY method as a fixed field. */
const METHODS_3_2 = [...METHODS_3, 'query'] as const;

export interface Operation {
  /** Upper-case HTTP method. */
  method: string;
  path: string;
  /** The Operation Object. */
  op: Record<string, unknown>;
  /** Parameters declared on the Path Item (shared by its operations), local refs unresolved. */
  pathParameters: unknown[];
}

export function methodsFor(family: SpecFamily, version: string): readonly string[] {
  if (family === 'swagger') return METHODS_2_0;
  return /^3\.[2-9]/.test(version) ? METHODS_3_2 : METHODS_3;
}

/** Operations under `container` (`paths`, or `webhooks` in 3.1+), in document order. */
export function listOperations(spec: Record<string, unknown>, family: SpecFamily, version: string, container: 'paths' | 'webhooks' = 'paths'): Operation[] {
  const items = spec[container];
  if (!isRecord(items)) return [];
  const methods = methodsFor(family, version);
  const out: Operation[] = [];
  for (const [path, rawItem] of Object.entries(items)) {
    const item = deref(spec, rawItem);
    if (!isRecord(item)) continue;
    const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of methods) {
      const op = item[method];
      if (isRecord(op)) out.push({ method: method.toUpperCase(), path, op, pathParameters });
    }
    // OAS 3.2 §4.8.9.1: other methods as a map keyed by the method name as sent.
    if (isRecord(item.additionalOperations) && /^3\.[2-9]/.test(version)) {
      for (const [method, op] of Object.entries(item.additionalOperations)) {
        if (isRecord(op)) out.push({ method: method.toUpperCase(), path, op, pathParameters });
      }
    }
  }
  return out;
}
