// Local `$ref` handling for the quality signals: JSON Pointer resolution inside one document
// (RFC 6901, as OAS §4.8.23 "Reference Object" uses it) and the list of references that point
// outside the document, which portalprobe never fetches (they are reported instead).
import { isRecord } from '../../src/util/is-record.js';

/** Longest chain of `$ref` → `$ref` followed before giving up (cycles, ref bombs). */
const MAX_REF_HOPS = 32;

/** Resolves a local reference such as `#/components/schemas/Pet`; undefined when it is not local or missing. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let pointer = ref.slice(1);
  try {
    // A fragment is percent-encoded (RFC 6901 §6).
    pointer = decodeURIComponent(pointer);
  } catch {
    // Keep it as written.
  }
  if (pointer === '') return root;
  if (!pointer.startsWith('/')) return undefined;
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      cur = cur[Number(token)];
    } else if (isRecord(cur) && Object.hasOwn(cur, token)) {
      cur = cur[token];
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Follows local `$ref`s from `node` until a non-reference; returns the node itself for external refs. */
export function deref(root: unknown, node: unknown): unknown {
  let cur = node;
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    if (!isRecord(cur) || typeof cur.$ref !== 'string' || !cur.$ref.startsWith('#')) return cur;
    const next = resolvePointer(root, cur.$ref);
    if (next === undefined) return cur;
    cur = next;
  }
  return cur;
}

/** True for a `$ref` that leaves the document (a file, a URL, or a URL with a fragment). */
export function isExternalRef(ref: string): boolean {
  return !ref.startsWith('#');
}

/**
 * Distinct external `$ref` values in the document, in document order (at most `limit`), plus how
 * many there are in all. Iterative with a visited set: YAML aliases can make the tree a graph.
 */
export function externalRefs(root: unknown, limit = 20): { refs: string[]; total: number } {
  const found = new Set<string>();
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.$ref === 'string' && isExternalRef(record.$ref)) found.add(record.$ref);
    const values = Object.values(record);
    for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  }
  return { refs: [...found].slice(0, limit), total: found.size };
}
