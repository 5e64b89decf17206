// Turns a fetched body into an OpenAPI / Swagger document or says why it is not one. Pure and
// defensive: size and nesting limits, a low YAML alias cap (alias "billion laughs" bombs), HTML
// soft 404s recognised; nothing here throws. JSON is read with JSON.parse, YAML with the `yaml`
// package (YAML 1.2 core schema, as the OpenAPI Specification asks: OAS 3.1 §4.3 "Format").
import { parseDocument } from 'yaml';
import type { SpecFormat } from '../../src/contract/index.js';
import { isRecord } from '../../src/util/is-record.js';

/** Bodies over this many bytes are `tooLarge` before any parsing (10 MiB; the fetch cap is usually lower). */
export const MAX_PARSE_BYTES = 10 * 1024 * 1024;
/** YAML aliases allowed per document. Real specs use a handful at most; bombs use thousands. */
export const MAX_YAML_ALIASES = 50;
/** Deeper nesting than this is refused: recursive validators and our own walkers stay safe. */
export const MAX_DEPTH = 512;

const TEXT = {
  notObject: 'the document is not a JSON/YAML object',
  noVersion: 'no "openapi" or "swagger" field',
  html: 'an HTML page, not a JSON or YAML file',
  malformedJson: (m: string) => `malformed JSON: ${m}`,
  malformedYaml: (m: string) => `malformed YAML: ${m}`,
  aliasBomb: (max: number) => `YAML uses more than ${max} alias expansions (a possible alias bomb); not expanded`,
  tooDeep: (max: number) => `nested more than ${max} levels deep`,
  empty: 'the body is empty',
} as const;

export type SpecFamily = 'swagger' | 'openapi';

export type LoadResult =
  | { kind: 'spec'; format: SpecFormat; spec: Record<string, unknown>; family: SpecFamily; version: string }
  | { kind: 'notSpec'; format: SpecFormat; reason: string }
  | { kind: 'html'; reason: string }
  | { kind: 'tooLarge'; bytes: number }
  | { kind: 'unparsable'; format: SpecFormat; reason: string };

/** The format a body is in: by first non-space character, then by Content-Type, else YAML. */
export function detectFormat(text: string, contentType = ''): SpecFormat | 'html' {
  const first = /\S/.exec(text.slice(0, 4096))?.[0] ?? '';
  if (first === '{' || first === '[') return 'json';
  if (first === '<') return 'html';
  const type = contentType.toLowerCase();
  if (/\bhtml\b/.test(type)) return 'html';
  if (/json/.test(type) && !/yaml/.test(type)) return 'json';
  return 'yaml';
}

/** Parses `text` as JSON or YAML (decided by detectFormat) and recognises an OpenAPI/Swagger document. */
export function loadSpec(text: string, contentType = ''): LoadResult {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_PARSE_BYTES) return { kind: 'tooLarge', bytes };
  const body = text.replace(/^\uFEFF/, '');
  const format = detectFormat(body, contentType);
  if (format === 'html') return { kind: 'html', reason: TEXT.html };
  if (!body.trim()) return { kind: 'unparsable', format, reason: TEXT.empty };

  let data: unknown;
  if (format === 'json') {
    try {
      data = JSON.parse(body);
    } catch (err) {
      return { kind: 'unparsable', format, reason: TEXT.malformedJson(messageOf(err)) };
    }
  } else {
    const parsed = parseYaml(body);
    if ('reason' in parsed) return { kind: 'unparsable', format, reason: parsed.reason };
    data = parsed.value;
  }
  if (tooDeep(data, MAX_DEPTH)) return { kind: 'unparsable', format, reason: TEXT.tooDeep(MAX_DEPTH) };
  return recognise(data, format);
}

/** Decides whether parsed data is an OpenAPI / Swagger document and which version it claims. */
export function recognise(data: unknown, format: SpecFormat): LoadResult {
  if (!isRecord(data)) return { kind: 'notSpec', format, reason: TEXT.notObject };
  if (data.openapi !== undefined && data.openapi !== null) {
    return { kind: 'spec', format, spec: data, family: 'openapi', version: String(data.openapi) };
  }
  if (data.swagger !== undefined && data.swagger !== null) {
    return { kind: 'spec', format, spec: data, family: 'swagger', version: String(data.swagger) };
  }
  // Swagger 1.x used `swaggerVersion`; reported as a (legacy) spec so the validator names the problem.
  if (typeof data.swaggerVersion === 'string') {
    return { kind: 'spec', format, spec: data, family: 'swagger', version: data.swaggerVersion };
  }
  return { kind: 'notSpec', format, reason: TEXT.noVersion };
}

function parseYaml(text: string): { value: unknown } | { reason: string } {
  try {
    // uniqueKeys off: a duplicated key is a defect, but JSON.parse also keeps the last one, and we
    // would rather audit the rest of the document than refuse it. logLevel silent: we read errors.
    const doc = parseDocument(text, { uniqueKeys: false, logLevel: 'silent', prettyErrors: false });
    if (doc.errors.length > 0) return { reason: TEXT.malformedYaml(firstLine(doc.errors[0].message)) };
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) return { reason: TEXT.aliasBomb(MAX_YAML_ALIASES) };
    return { reason: TEXT.malformedYaml(messageOf(err)) };
  }
}

/** Iterative depth check (a recursive one would overflow on the very input it guards against). */
export function tooDeep(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return true;
    // YAML aliases can make the tree a graph (even a cycle): visit each object once.
    if (seen.has(node)) continue;
    seen.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0].slice(0, 300);
}

function messageOf(err: unknown): string {
  return firstLine(err instanceof Error ? err.message : String(err));
}
