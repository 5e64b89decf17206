// The per-document facts of the openapi probe, built from a fetched body: classification of the
// response (spec, gated, too large, HTML, …), the document's identity (version, title, info.version),
// validation by @readme/openapi-parser and the agent-readiness quality signals.
import { gateEvidence } from './gated.js';
import { loadSpec, MAX_PARSE_BYTES, type LoadResult, type SpecFamily } from './load.js';
import { assessQuality } from './quality.js';
import { externalRefs } from './refs.js';
import type { Strength } from './types.js';
import type { ValidationOutcome } from './validate.js';
import { isSpecFileUrl } from './discover.js';
import type { CandidateOutcome, DocumentQuality, FoundVia, OpenapiDocument, Resource, SpecFormat } from '../../src/contract/index.js';
import { isRecord } from '../../src/util/is-record.js';

/** External `$ref` values listed per document. */
const MAX_EXTERNAL_REFS = 10;
/** How far into a cut body we look for `"openapi": "3.x"` to name a too-large document's version. */
const HEAD_BYTES = 64 * 1024;

/** A response to a candidate URL, read from the crawl or fetched (ctx.read). */
export type SpecResponse = Pick<Resource, 'url' | 'finalUrl' | 'status' | 'headers' | 'redirects' | 'text' | 'bytes' | 'truncated' | 'error'>;

export type Classified =
  | { outcome: 'spec'; loaded: Extract<LoadResult, { kind: 'spec' }> }
  | { outcome: Exclude<CandidateOutcome, 'spec'>; note?: string; version?: string | null; loaded?: LoadResult };

const EMPTY_QUALITY: DocumentQuality = {
  operationCount: 0,
  webhookCount: 0,
  summaryShare: null,
  descriptionShare: null,
  operationIdShare: null,
  exampleShare: null,
  errorResponseShare: null,
  deprecatedOperations: 0,
  securitySchemes: [],
  servers: [],
  tags: [],
  worstOperations: [],
  qualityScore: null,
};

/** What a response to a candidate URL is. */
export function classify(res: SpecResponse, strength: Strength): Classified {
  if (res.status === 0) {
    if (res.error?.code === 'PP_ERR_ROBOTS_DISALLOWED') return { outcome: 'robots', note: res.error.message };
    return { outcome: 'failed', note: res.error ? `${res.error.code}: ${res.error.message}` : 'no response' };
  }
  const gate = gateEvidence(
    { status: res.status, finalUrl: res.finalUrl, redirects: res.redirects, headers: res.headers, bodyStart: res.text.slice(0, 65_536) },
    strength,
  );
  if (gate) return { outcome: 'gated', note: gate };
  if (res.status < 200 || res.status >= 300) return { outcome: 'missing', note: `HTTP ${res.status}` };
  const contentType = res.headers['content-type'] ?? '';
  // An empty 200 at a guessed path is just nothing there; where the portal points, it is a broken spec.
  if (res.text.trim() === '' && strength === 'guessed') return { outcome: 'notSpec', note: 'empty body' };
  if (res.truncated || res.bytes > MAX_PARSE_BYTES) {
    const head = res.text.slice(0, HEAD_BYTES);
    if (/^\s*</.test(head)) return { outcome: 'html', note: 'an HTML page' };
    const version = /["']?(?:openapi|swagger)["']?\s*:\s*["']?(\d+(?:\.\d+)*)/.exec(head)?.[1] ?? null;
    const specLike = version !== null || strength !== 'guessed' || isSpecFileUrl(res.url) || /json|yaml/i.test(contentType);
    return specLike ? { outcome: 'tooLarge', note: `${res.bytes} bytes${res.truncated ? ' (cut at the fetch limit)' : ''}`, version } : { outcome: 'notSpec', note: 'too large to read' };
  }
  const loaded = loadSpec(res.text, contentType);
  switch (loaded.kind) {
    case 'spec':
      return { outcome: 'spec', loaded };
    case 'html':
      return { outcome: 'html', note: loaded.reason, loaded };
    case 'notSpec':
      return { outcome: 'notSpec', note: loaded.reason, loaded };
    case 'unparsable':
      return { outcome: 'unparsable', note: loaded.reason, loaded };
    case 'tooLarge':
      return { outcome: 'tooLarge', note: `${loaded.bytes} bytes`, version: null };
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);

/** A document entry for a URL that is not (readably) a spec: gated, too large or unparsable. */
export function unreadDocument(res: SpecResponse, foundVia: FoundVia[], c: Classified): OpenapiDocument {
  const format = c.loaded && 'format' in c.loaded ? c.loaded.format : null;
  return {
    url: res.url,
    finalUrl: res.finalUrl,
    foundVia,
    version: ('version' in c ? c.version : null) ?? null,
    specification: null,
    format,
    valid: c.outcome === 'unparsable' ? false : null,
    errors: c.outcome === 'unparsable' && c.note ? [c.note] : [],
    moreErrors: 0,
    warnings: [],
    gated: c.outcome === 'gated',
    tooLarge: c.outcome === 'tooLarge',
    title: null,
    apiVersion: null,
    sizeBytes: res.bytes,
    externalRefs: [],
    externalRefCount: 0,
    ...EMPTY_QUALITY,
  };
}

/** Facts of a parsed spec that need no validator (identity, quality, external refs). */
export function describeSpec(
  res: SpecResponse,
  foundVia: FoundVia[],
  spec: Record<string, unknown>,
  family: SpecFamily,
  version: string,
  format: SpecFormat,
): OpenapiDocument {
  const info = isRecord(spec.info) ? spec.info : {};
  const ext = externalRefs(spec, MAX_EXTERNAL_REFS);
  return {
    url: res.url,
    finalUrl: res.finalUrl,
    foundVia,
    version,
    specification: family === 'swagger' ? 'Swagger' : 'OpenAPI',
    format,
    valid: null,
    errors: [],
    moreErrors: 0,
    warnings: [],
    gated: false,
    tooLarge: false,
    title: str(info.title),
    apiVersion: str(info.version),
    sizeBytes: res.bytes,
    externalRefs: ext.refs,
    externalRefCount: ext.total,
    ...assessQuality(spec, family, version),
  };
}

/** Merges a validator verdict into the document facts. */
export function withValidation(doc: OpenapiDocument, v: ValidationOutcome): OpenapiDocument {
  const out: OpenapiDocument = { ...doc, valid: v.valid, errors: v.errors, moreErrors: v.moreErrors, warnings: v.warnings };
  if (v.skipped) out.notValidated = v.skipped;
  return out;
}
