// Agent-readiness signals of one OpenAPI / Swagger document: how many operations carry what an
// LLM or code generator needs to call them correctly (a summary, a description, an operationId,
// an example, documented errors), plus servers, security schemes, tags and deprecations. Pure.
import { type SpecFamily } from './load.js';
import { listOperations, type Operation } from './operations.js';
import { deref, resolvePointer } from './refs.js';
import { describeSecuritySchemes, describeServers } from './surface.js';
import type { DocumentQuality, QualitySignal, WeakOperation } from '../../src/contract/index.js';
import { isRecord } from '../../src/util/is-record.js';

/**
 * Weights of the per-operation shares in `qualityScore` (a weighted mean, 0..1; they sum to 1).
 * - description 0.25: the prose an LLM reads to decide when and how to call an operation.
 * - example 0.20: concrete payloads are what stops an agent from inventing request shapes.
 * - operationId 0.20: the stable name SDK generators and MCP/function-calling tools use.
 * - errorResponse 0.20: documented 4xx/5xx/default responses let an agent recover from failures.
 * - summary 0.15: a short label; useful, but partly redundant with the description.
 */
export const QUALITY_WEIGHTS: Readonly<Record<QualitySignal, number>> = {
  description: 0.25,
  example: 0.2,
  operationId: 0.2,
  errorResponse: 0.2,
  summary: 0.15,
};

export const SIGNALS: readonly QualitySignal[] = ['summary', 'description', 'operationId', 'example', 'errorResponse'];

/** `worstOperations` lists at most this many operations. */
export const MAX_WORST_OPERATIONS = 5;
const MAX_TAGS = 100;
/** Nodes one operation's example search may visit (shared $ref graphs can be large). */
const EXAMPLE_SEARCH_BUDGET = 5000;
/** Keys that mark an example: OAS `example`/`examples`, JSON Schema `examples`, common 2.0 extensions. */
const EXAMPLE_KEYS = new Set(['example', 'examples', 'x-example', 'x-examples']);
/** Maps whose keys are names, not keywords (a property called "example" is not an example). */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
/** Response keys that document an error: 4xx, 5xx, their XX ranges (OAS 3 §4.8.16.2) and `default`. */
const ERROR_RESPONSE = /^([45](\d\d|XX)|default)$/i;

export interface OperationSignals {
  operation: string;
  signals: Record<QualitySignal, boolean>;
  deprecated: boolean;
}

const nonEmptyString = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

function nonEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) return Object.keys(v).length > 0;
  return true;
}

/**
 * Whether an example sits anywhere under `starts` (parameters, request body, responses), following
 * local $refs. Iterative, with a visited set and a node budget: ref cycles and ref bombs end it.
 */
export function containsExample(root: unknown, starts: unknown[]): boolean {
  const stack: Array<{ node: unknown; names: boolean }> = starts.map((node) => ({ node, names: false }));
  const seen = new Set<object>();
  let visits = 0;
  while (stack.length > 0 && visits < EXAMPLE_SEARCH_BUDGET) {
    const { node, names } = stack.pop()!;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    visits++;
    if (Array.isArray(node)) {
      for (const child of node) stack.push({ node: child, names: false });
      continue;
    }
    const record = node as Record<string, unknown>;
    if (!names && typeof record.$ref === 'string') {
      const target = resolvePointer(root, record.$ref);
      if (target !== undefined) stack.push({ node: target, names: false });
    }
    for (const [key, value] of Object.entries(record)) {
      if (!names && EXAMPLE_KEYS.has(key) && nonEmpty(value)) return true;
      stack.push({ node: value, names: !names && NAME_MAPS.has(key) });
    }
  }
  return false;
}

function hasErrorResponse(root: unknown, op: Record<string, unknown>): boolean {
  const responses = deref(root, op.responses);
  return isRecord(responses) && Object.keys(responses).some((code) => ERROR_RESPONSE.test(code));
}

export function operationSignals(root: unknown, o: Operation): OperationSignals {
  const { op } = o;
  const params = [...o.pathParameters, ...(Array.isArray(op.parameters) ? op.parameters : [])];
  return {
    operation: `${o.method} ${o.path}`,
    signals: {
      summary: nonEmptyString(op.summary),
      description: nonEmptyString(op.description),
      operationId: nonEmptyString(op.operationId),
      example: containsExample(root, [params, op.requestBody, op.responses]),
      errorResponse: hasErrorResponse(root, op),
    },
    deprecated: op.deprecated === true,
  };
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** Weighted mean of the shares; null when any share is null (no operations). */
export function qualityScoreOf(shares: Record<QualitySignal, number | null>): number | null {
  let total = 0;
  for (const signal of SIGNALS) {
    const share = shares[signal];
    if (share === null) return null;
    total += QUALITY_WEIGHTS[signal] * share;
  }
  return round3(Math.min(1, Math.max(0, total)));
}

/** Up to MAX_WORST_OPERATIONS operations missing the most signals (document order breaks ties). */
export function worstOperations(ops: OperationSignals[]): WeakOperation[] {
  return ops
    .map((o, index) => ({ index, operation: o.operation, missing: SIGNALS.filter((s) => !o.signals[s]) }))
    .filter((o) => o.missing.length > 0)
    .sort((a, b) => b.missing.length - a.missing.length || a.index - b.index)
    .slice(0, MAX_WORST_OPERATIONS)
    .map(({ operation, missing }) => ({ operation, missing }));
}

function tagsOf(spec: Record<string, unknown>, ops: Operation[]): string[] {
  const tags = new Set<string>();
  if (Array.isArray(spec.tags)) {
    for (const t of spec.tags) if (isRecord(t) && nonEmptyString(t.name)) tags.add(String(t.name));
  }
  for (const { op } of ops) {
    if (Array.isArray(op.tags)) for (const t of op.tags) if (nonEmptyString(t)) tags.add(String(t));
  }
  return [...tags].slice(0, MAX_TAGS);
}

export function assessQuality(spec: Record<string, unknown>, family: SpecFamily, version: string): DocumentQuality {
  const ops = listOperations(spec, family, version, 'paths');
  const webhookCount = family === 'openapi' ? listOperations(spec, family, version, 'webhooks').length : 0;
  const signals = ops.map((o) => operationSignals(spec, o));
  const share = (s: QualitySignal): number | null =>
    signals.length === 0 ? null : round3(signals.filter((o) => o.signals[s]).length / signals.length);
  const shares = Object.fromEntries(SIGNALS.map((s) => [s, share(s)])) as Record<QualitySignal, number | null>;
  return {
    operationCount: ops.length,
    webhookCount,
    summaryShare: shares.summary,
    descriptionShare: shares.description,
    operationIdShare: shares.operationId,
    exampleShare: shares.example,
    errorResponseShare: shares.errorResponse,
    deprecatedOperations: signals.filter((o) => o.deprecated).length,
    securitySchemes: describeSecuritySchemes(spec, family),
    servers: describeServers(spec, family),
    tags: tagsOf(spec, ops),
    worstOperations: worstOperations(signals),
    qualityScore: qualityScoreOf(shares),
  };
}
