// JSON-LD blocks (the raw text of <script type="application/ld+json">, already pulled out by the
// crawl) → Entities. Not a JSON-LD processor: no remote contexts are fetched and nothing is
// expanded; we read what search engines and answer engines read from a page — @type (string or
// array, prefixed or not), @graph, arrays of nodes, nested nodes, @context — within fixed bounds so
// a hostile block (megabytes, thousands of nesting levels) costs little and never overflows the stack.
// JSON-LD 1.1: https://www.w3.org/TR/json-ld11/ ; schema.org's use of it: https://schema.org/docs/gs.html
import { parseLenientJson } from './lenient-json.js';
import type { BlockWarning, Entity, InvalidBlock, Value } from './types.js';
import { DEFAULT_PREFIXES, isSchemaOrgIri, normalizeName } from './vocab.js';
import { isRecord } from '../../util/is-record.js';

export interface JsonLdLimits {
  /** Nesting (objects and arrays) followed below a block's root; deeper values are skipped. @default 64 */
  maxDepth: number;
  /** Entities read per call (one page); further ones are skipped. @default 20000 */
  maxEntities: number;
  /** Blocks longer than this (characters) are not parsed. @default 16 MiB */
  maxBlockChars: number;
  /** Text values are clipped to this many characters. @default 2000 */
  maxValueChars: number;
}

export const DEFAULT_JSON_LD_LIMITS: JsonLdLimits = {
  maxDepth: 64,
  maxEntities: 20_000,
  maxBlockChars: 16 * 1024 * 1024,
  maxValueChars: 2000,
};

export interface JsonLdResult {
  entities: Entity[];
  invalid: InvalidBlock[];
  warnings: BlockWarning[];
}

const TEXT = {
  recovered: (error: string, repairs: string[]) => `${error}; recovered by removing ${repairs.join(', ')}`,
  contextMissing: (types: string) => `no @context (types: ${types}); consumers must guess the vocabulary`,
  contextOther: (context: string) => `@context ${context} is not schema.org`,
  notObject: (kind: string) => `the block holds a ${kind}, not a JSON-LD object or array`,
  tooDeep: (max: number) => `nesting deeper than ${max} levels was not read`,
  tooMany: (max: number) => `more than ${max} entities on the page; the rest were not read`,
  tooLarge: (chars: number, max: number) => `block of ${chars} characters is over the ${max}-character read limit; not read`,
} as const;

type ContextKind = 'schema' | 'other' | 'missing';

/** What a @context tells us: which vocabulary bare terms belong to, and CURIE prefixes. */
interface LdContext {
  kind: ContextKind;
  /** @vocab (or a string context ending in / or #) of a non-schema.org vocabulary. */
  vocab?: string;
  prefixes: ReadonlyMap<string, string>;
  /** The @context as written (short), for warnings. */
  raw?: string;
}

const NO_CONTEXT: LdContext = { kind: 'missing', prefixes: DEFAULT_PREFIXES };

interface State {
  limits: JsonLdLimits;
  entities: number;
  tooDeep: boolean;
  tooMany: boolean;
}

const short = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

function readContext(value: unknown, parent: LdContext, depth = 0): LdContext {
  if (value === undefined || depth > 8) return parent;
  if (value === null) return NO_CONTEXT;
  if (typeof value === 'string') {
    if (isSchemaOrgIri(value)) return { kind: 'schema', prefixes: parent.prefixes, raw: value };
    return { kind: 'other', vocab: /[/#]$/.test(value) ? value : undefined, prefixes: parent.prefixes, raw: value };
  }
  if (Array.isArray(value)) {
    let ctx: LdContext = { ...parent, kind: 'missing' };
    for (const v of value.slice(0, 50)) {
      const next = readContext(v, ctx, depth + 1);
      // schema.org anywhere in the list wins: ["https://schema.org", {"ex": "…"}] is schema.org.
      ctx = { ...next, kind: ctx.kind === 'schema' || next.kind === 'schema' ? 'schema' : next.kind };
    }
    return { ...ctx, raw: short(value) };
  }
  if (isRecord(value)) {
    const prefixes = new Map(parent.prefixes);
    let mapsSchema = false;
    for (const [key, v] of Object.entries(value).slice(0, 500)) {
      if (key.startsWith('@') || typeof v !== 'string' || !/^https?:\/\/.*[/#]$/.test(v)) continue;
      prefixes.set(key, v);
      if (isSchemaOrgIri(v)) mapsSchema = true;
    }
    const vocab = value['@vocab'];
    if (typeof vocab === 'string') {
      const schema = isSchemaOrgIri(vocab);
      return { kind: schema ? 'schema' : 'other', vocab: schema ? undefined : vocab, prefixes, raw: short(value) };
    }
    const kind: ContextKind = mapsSchema ? 'schema' : parent.kind === 'missing' ? 'other' : parent.kind;
    return { kind, vocab: parent.vocab, prefixes, raw: short(value) };
  }
  return parent;
}

/** A @type value as the bare schema.org name, or an IRI in the context's other vocabulary. */
function resolveType(term: string, ctx: LdContext): string {
  const name = normalizeName(term, ctx.prefixes);
  if (name === term.trim() && ctx.kind === 'other' && ctx.vocab && !name.includes(':')) return ctx.vocab + name;
  return name;
}

function toValues(value: unknown, ctx: LdContext, depth: number, state: State, out: Value[]): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') {
    out.push(value.length > state.limits.maxValueChars ? value.slice(0, state.limits.maxValueChars) : value);
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    out.push(String(value));
    return;
  }
  if (depth >= state.limits.maxDepth) {
    state.tooDeep = true;
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) toValues(v, ctx, depth + 1, state, out);
    return;
  }
  if (!isRecord(value)) return;
  if ('@value' in value) return toValues(value['@value'], ctx, depth + 1, state, out);
  if ('@list' in value) return toValues(value['@list'], ctx, depth + 1, state, out);
  if ('@set' in value) return toValues(value['@set'], ctx, depth + 1, state, out);
  const entity = toEntity(value, ctx, depth + 1, state);
  if (entity) out.push(entity);
}

function toEntity(node: Record<string, unknown>, parent: LdContext, depth: number, state: State, skipGraph = false): Entity | null {
  if (state.entities >= state.limits.maxEntities) {
    state.tooMany = true;
    return null;
  }
  state.entities++;
  const ctx = '@context' in node ? readContext(node['@context'], parent) : parent;
  const rawTypes = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  const types = [...new Set(rawTypes.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => resolveType(t, ctx)))];
  const entity: Entity = { syntax: 'json-ld', types, props: new Map() };
  if (typeof node['@id'] === 'string') entity.id = node['@id'];
  for (const key of Object.keys(node)) {
    // A nested @graph is kept as values so its types count; other keywords carry no properties.
    if (key.startsWith('@') && (key !== '@graph' || skipGraph)) continue;
    const values: Value[] = [];
    toValues(node[key], ctx, depth, state, values);
    if (values.length === 0) continue;
    const name = key === '@graph' ? key : normalizeName(key, ctx.prefixes);
    const existing = entity.props.get(name);
    if (existing) existing.push(...values);
    else entity.props.set(name, values);
  }
  return entity;
}

/** Whether a @graph wrapper also describes a node of its own (anything beyond @context/@graph/@id). */
function wrapperIsNode(node: Record<string, unknown>): boolean {
  return Object.keys(node).some((k) => k !== '@context' && k !== '@graph' && k !== '@id');
}

/** The top-level nodes of a parsed block: arrays and @graph unwrapped, each with its context. */
function topNodes(value: unknown, ctx: LdContext, depth: number, state: State, out: Array<{ node: Record<string, unknown>; ctx: LdContext; graph: boolean }>): void {
  if (depth >= state.limits.maxDepth) {
    state.tooDeep = true;
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) topNodes(v, ctx, depth + 1, state, out);
    return;
  }
  if (!isRecord(value)) return;
  const inner = '@context' in value ? readContext(value['@context'], ctx) : ctx;
  if ('@graph' in value) {
    if (wrapperIsNode(value)) out.push({ node: value, ctx, graph: true });
    topNodes(value['@graph'], inner, depth + 1, state, out);
    return;
  }
  out.push({ node: value, ctx, graph: false });
}

function contextWarning(block: number, node: Record<string, unknown>, ctx: LdContext): BlockWarning | null {
  const own = '@context' in node ? readContext(node['@context'], ctx) : ctx;
  if (own.kind === 'missing') {
    const types = node['@type'] === undefined ? 'none' : short(node['@type']);
    return { syntax: 'json-ld', kind: 'context-missing', block, detail: TEXT.contextMissing(types) };
  }
  if (own.kind === 'other') return { syntax: 'json-ld', kind: 'context-not-schema-org', block, detail: TEXT.contextOther(own.raw ?? '') };
  return null;
}

/** Reads a page's JSON-LD blocks. Never throws; bad blocks become `invalid`, odd ones `warnings`. */
export function extractJsonLd(blocks: readonly string[], limits: Partial<JsonLdLimits> = {}): JsonLdResult {
  const state: State = { limits: { ...DEFAULT_JSON_LD_LIMITS, ...limits }, entities: 0, tooDeep: false, tooMany: false };
  const result: JsonLdResult = { entities: [], invalid: [], warnings: [] };
  blocks.forEach((text, block) => {
    if (text.length > state.limits.maxBlockChars) {
      result.warnings.push({ syntax: 'json-ld', kind: 'too-large', block, detail: TEXT.tooLarge(text.length, state.limits.maxBlockChars) });
      return;
    }
    const parsed = parseLenientJson(text);
    if (!parsed.ok) {
      result.invalid.push({ syntax: 'json-ld', block, reason: parsed.error, recovered: false });
      return;
    }
    if (parsed.repairs.length > 0 && 'error' in parsed) {
      result.invalid.push({ syntax: 'json-ld', block, reason: TEXT.recovered(parsed.error, parsed.repairs), recovered: true });
    }
    const { value } = parsed;
    if (value === null) return; // `null` blocks are common CMS leftovers and describe nothing (extruct drops them too).
    if (typeof value !== 'object') {
      result.warnings.push({ syntax: 'json-ld', kind: 'not-an-object', block, detail: TEXT.notObject(typeof value) });
      return;
    }
    state.tooDeep = false;
    const nodes: Array<{ node: Record<string, unknown>; ctx: LdContext; graph: boolean }> = [];
    topNodes(value, NO_CONTEXT, 0, state, nodes);
    let warned = false;
    for (const { node, ctx, graph } of nodes) {
      const entity = toEntity(node, ctx, 1, state, graph);
      if (!entity) break;
      result.entities.push(entity);
      const warning = warned ? null : contextWarning(block, node, ctx);
      if (warning) {
        result.warnings.push(warning);
        warned = true; // one context warning per block is enough evidence
      }
    }
    if (state.tooDeep) result.warnings.push({ syntax: 'json-ld', kind: 'too-deep', block, detail: TEXT.tooDeep(state.limits.maxDepth) });
  });
  if (state.tooMany) result.warnings.push({ syntax: 'json-ld', kind: 'too-many', detail: TEXT.tooMany(state.limits.maxEntities) });
  return result;
}
