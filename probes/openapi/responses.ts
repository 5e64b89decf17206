// The documented responses and response headers of every operation, each with the JSON Pointer
// (RFC 6901) where it is declared, for the rate-limit and deprecation signals. Local `$ref`s are
// followed (2.0 `#/responses/…`, OAS 3 `#/components/responses/…` and `#/components/headers/…`,
// 3.1 `#/components/pathItems/…`), external ones never. Wrong types (responses as an array,
// headers as a string) are listed as malformed and skipped. Pure; bounded by the document size.
import { type SpecFamily } from './load.js';
import { methodsFor } from './operations.js';
import { resolvePointer } from './refs.js';
import { isRecord } from '../../src/util/is-record.js';

/** Longest `$ref` → `$ref` chain followed (cycles end here). Same bound as refs.ts. */
const MAX_REF_HOPS = 32;
/** Malformed pointers kept per document. */
export const MAX_MALFORMED = 10;

export interface HeaderEntry {
  /** As written in the document. */
  name: string;
  /** Lower case: HTTP field names are case-insensitive (RFC 9110 §5.1). */
  lower: string;
  /** Where the Header Object is (after `$ref`s). */
  pointer: string;
}

export interface ResponseEntry {
  /** The key as written: `429`, `4XX`, `default` … */
  code: string;
  /** Where the response is declared in the operation. */
  pointer: string;
  headers: HeaderEntry[];
}

export interface OperationEntry {
  /** `METHOD /path` */
  operation: string;
  /** Where the Operation Object is. */
  pointer: string;
  op: Record<string, unknown>;
  /** The Path Item's shared parameters (unresolved). */
  pathParameters: unknown[];
  /** Pointer of the Path Item (its `parameters` sit under it). */
  itemPointer: string;
  responses: ResponseEntry[];
}

export interface ResponseWalk {
  operations: OperationEntry[];
  /** Pointers of nodes skipped for a wrong type (at most MAX_MALFORMED), and how many in all. */
  malformed: string[];
  malformedCount: number;
}

/** RFC 6901 §3: `~` → `~0`, `/` → `~1`. */
export const escapePointer = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows local `$ref`s from `node`, tracking the pointer of where the target lives. */
export function follow(root: unknown, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let cur = node;
  let at = pointer;
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    if (!isRecord(cur) || typeof cur.$ref !== 'string' || !cur.$ref.startsWith('#')) break;
    const next = resolvePointer(root, cur.$ref);
    if (next === undefined) break;
    at = cur.$ref.slice(1);
    cur = next;
  }
  return { node: cur, pointer: at };
}

/** An external `$ref` left alone (the probe reports those itself); not a wrong type. */
const isExternal = (node: unknown): boolean => isRecord(node) && typeof node.$ref === 'string' && !node.$ref.startsWith('#');

/**
 * Every operation under `paths` with its responses and their headers. Response objects reached by
 * the same `$ref` are read once (a shared 429 response used by a thousand operations costs one read).
 */
export function walkResponses(spec: Record<string, unknown>, family: SpecFamily, version: string): ResponseWalk {
  const malformed: string[] = [];
  let malformedCount = 0;
  /** False when `node` cannot be read as an object: a wrong type, a `$ref` cycle or a missing target
   * (recorded as malformed), or an external `$ref` (skipped quietly). */
  const usable = (node: unknown, pointer: string): node is Record<string, unknown> => {
    if (isRecord(node) && node.$ref === undefined) return true;
    if (isExternal(node)) return false;
    malformedCount++;
    if (malformed.length < MAX_MALFORMED) malformed.push(pointer);
    return false;
  };
  const headerCache = new Map<string, HeaderEntry[]>();

  const headersOf = (response: Record<string, unknown>, at: string): HeaderEntry[] => {
    const cached = headerCache.get(at);
    if (cached) return cached;
    const out: HeaderEntry[] = [];
    if (response.headers !== undefined) {
      const headers = follow(spec, response.headers, `${at}/headers`);
      if (usable(headers.node, headers.pointer)) {
        for (const [name, raw] of Object.entries(headers.node)) {
          const h = follow(spec, raw, `${headers.pointer}/${escapePointer(name)}`);
          // OAS 3 §4.8.21 and 2.0 §Header Object: a header is an object; a string or a cycle is not.
          if (!usable(h.node, h.pointer)) continue;
          out.push({ name, lower: name.toLowerCase(), pointer: h.pointer });
        }
      }
    }
    headerCache.set(at, out);
    return out;
  };

  const operations: OperationEntry[] = [];
  const paths = spec.paths;
  if (!isRecord(paths)) return { operations, malformed, malformedCount };
  const methods = methodsFor(family, version);
  const v32 = family === 'openapi' && /^3\.[2-9]/.test(version);
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = follow(spec, rawItem, `/paths/${escapePointer(path)}`);
    if (!isRecord(item.node) || item.node.$ref !== undefined) continue;
    const node = item.node;
    const pathParameters = Array.isArray(node.parameters) ? node.parameters : [];
    const found: Array<{ method: string; op: unknown; pointer: string }> = methods.map((m) => ({ method: m, op: node[m], pointer: `${item.pointer}/${m}` }));
    // OAS 3.2 §4.8.9.1: other methods in `additionalOperations`.
    if (v32 && isRecord(node.additionalOperations)) {
      for (const [m, op] of Object.entries(node.additionalOperations)) {
        found.push({ method: m, op, pointer: `${item.pointer}/additionalOperations/${escapePointer(m)}` });
      }
    }
    for (const { method, op, pointer } of found) {
      if (!isRecord(op)) continue;
      const responses: ResponseEntry[] = [];
      if (op.responses !== undefined) {
        const rs = follow(spec, op.responses, `${pointer}/responses`);
        if (usable(rs.node, rs.pointer)) {
          for (const [code, raw] of Object.entries(rs.node)) {
            if (code.startsWith('x-')) continue;
            const declared = `${rs.pointer}/${escapePointer(code)}`;
            const r = follow(spec, raw, declared);
            const headers = usable(r.node, r.pointer) ? headersOf(r.node, r.pointer) : [];
            responses.push({ code, pointer: declared, headers });
          }
        }
      }
      operations.push({ operation: `${method.toUpperCase()} ${path}`, pointer, op, pathParameters, itemPointer: item.pointer, responses });
    }
  }
  return { operations, malformed, malformedCount };
}
