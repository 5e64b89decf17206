// The openapi probe's `rateLimits` and `deprecation` facts: per-document rate-limit and deprecation
// signals (rate-limits.ts, deprecation.ts) summed over the assessed documents, plus what the
// crawled docs say (docs-mentions.ts), and the findings they call for. Evidence is a spec URL with
// a JSON Pointer fragment (RFC 6901 §6) or a page URL with a quote. Pure.
import type { DeprecationFacts, DocumentDeprecationFacts, DocumentRateLimitFacts, Finding, RateLimitFacts } from '../../src/contract/index.js';
import { assessDeprecation } from './deprecation.js';
import { deprecationHeaderMentions, rateLimitMentions, type TextPage } from './docs-mentions.js';
import type { SpecFamily } from './load.js';
import { assessRateLimits } from './rate-limits.js';
import { walkResponses } from './responses.js';

const TEXT = {
  noBackoff: (url: string, n: number) =>
    `${n} operation(s) in ${url} document a 429 response, but none declares Retry-After or a RateLimit header: clients and agents cannot tell how long to back off.`,
  sparse429: (url: string, k: number, n: number) =>
    `Only ${k} of the ${n} operations in ${url} document a 429 (Too Many Requests) response; generated clients treat the rest as unexpected errors.`,
  docsNotSpec: (page: string) =>
    `The docs describe the 429 response and its rate-limit headers (${page}), but no OpenAPI document declares a 429 response: agents reading only the spec miss it.`,
  deprecatedNoHeaders: (url: string, n: number) =>
    `${n} operation(s) in ${url} are marked deprecated, but neither the spec nor the docs mention the Deprecation (RFC 9745) or Sunset (RFC 8594) response header: clients learn of it only by reading.`,
  malformed: (url: string, n: number) => `${n} response or header entries in ${url} have the wrong type and were skipped.`,
} as const;

/** Below this share of operations with a 429 response (and above 0), an info finding. */
export const SPARSE_429_SHARE = 0.5;
/** Evidence entries kept in the aggregated facts. */
export const MAX_EVIDENCE = 10;

/** One document to assess: parsed, and not rejected by the validator. */
export interface AssessedSpec {
  url: string;
  spec: Record<string, unknown>;
  family: SpecFamily;
  version: string;
}

export interface MachineSignals {
  rateLimits: RateLimitFacts;
  deprecation: DeprecationFacts;
  findings: Finding[];
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const at = (url: string, pointer: string): string => `${url}#${pointer}`;

function addAll(list: string[], values: string[]): void {
  for (const v of values) if (list.length < MAX_EVIDENCE && !list.includes(v)) list.push(v);
}

export function machineSignals(specs: readonly AssessedSpec[], pages: readonly TextPage[]): MachineSignals {
  const findings: Finding[] = [];
  const rateDocs: DocumentRateLimitFacts[] = [];
  const depDocs: DocumentDeprecationFacts[] = [];
  for (const s of specs) {
    const walk = walkResponses(s.spec, s.family, s.version);
    rateDocs.push({ url: s.url, ...assessRateLimits(walk) });
    depDocs.push({ url: s.url, ...assessDeprecation(s.spec, walk) });
    if (walk.malformedCount > 0) {
      findings.push({ severity: 'info', message: TEXT.malformed(s.url, walk.malformedCount), url: s.url, evidence: walk.malformed.map((p) => at(s.url, p)).join('; ') });
    }
  }

  const rateMentions = rateLimitMentions(pages);
  const depMentions = deprecationHeaderMentions(pages);

  const sum = <T>(docs: T[], f: (d: T) => number): number => docs.reduce((n, d) => n + f(d), 0);
  const operationCount = sum(rateDocs, (d) => d.operationCount);
  const operationsWith429 = sum(rateDocs, (d) => d.operationsWith429);
  const headerNames = new Map<string, string>();
  for (const d of rateDocs) for (const h of d.rateLimitHeaders) if (!headerNames.has(h.toLowerCase())) headerNames.set(h.toLowerCase(), h);
  const retryAfter = rateDocs.some((d) => d.retryAfter);
  const rateEvidence: string[] = [];
  for (const d of rateDocs) {
    addAll(rateEvidence, d.pointers.retryAfter.map((p) => at(d.url, p)));
    addAll(rateEvidence, d.pointers.rateLimitHeaders.map((p) => at(d.url, p)));
    addAll(rateEvidence, d.pointers.response429.slice(0, 2).map((p) => at(d.url, p)));
  }
  const rateLimits: RateLimitFacts = {
    documentsAssessed: specs.length,
    operationCount,
    operationsWith429,
    share429: operationCount === 0 ? null : round3(operationsWith429 / operationCount),
    operationsWith4xxRange: sum(rateDocs, (d) => d.operationsWith4xxRange),
    operationsWithDefaultOnly: sum(rateDocs, (d) => d.operationsWithDefaultOnly),
    documentsWith429: rateDocs.filter((d) => d.operationsWith429 > 0).length,
    retryAfter,
    rateLimitHeaders: [...headerNames.values()],
    rateLimitHeaderStyles: [...new Set(rateDocs.flatMap((d) => d.rateLimitHeaderStyles))],
    specDocumented: operationsWith429 > 0 && (retryAfter || headerNames.size > 0),
    docsMention: rateMentions.length > 0,
    docsBackoff: rateMentions.some((m) => m.backoff),
    docsPages: rateMentions,
    evidence: rateEvidence,
    documents: rateDocs,
  };

  for (const d of rateDocs) {
    if (d.operationsWith429 > 0 && !d.retryAfter && d.rateLimitHeaders.length === 0 && rateMentions.length === 0) {
      findings.push({ severity: 'warning', message: TEXT.noBackoff(d.url, d.operationsWith429), url: d.url, evidence: at(d.url, d.pointers.response429[0]) });
    } else if (d.share429 !== null && d.share429 > 0 && d.share429 < SPARSE_429_SHARE) {
      findings.push({ severity: 'info', message: TEXT.sparse429(d.url, d.operationsWith429, d.operationCount), url: d.url, evidence: at(d.url, d.pointers.response429[0]) });
    }
  }
  if (rateMentions.length > 0 && operationCount > 0 && operationsWith429 === 0) {
    const page = rateMentions[0];
    findings.push({ severity: 'info', message: TEXT.docsNotSpec(page.url), url: page.url, evidence: `${page.url}: "${page.quote}"; no 429 response in ${rateDocs.map((d) => d.url).join(', ')}` });
  }

  const depEvidence: string[] = [];
  for (const d of depDocs) {
    addAll(depEvidence, d.pointers.headers.map((p) => at(d.url, p)));
    addAll(depEvidence, d.pointers.operations.map((p) => at(d.url, p)));
    addAll(depEvidence, d.pointers.parameters.map((p) => at(d.url, p)));
    addAll(depEvidence, d.pointers.schemas.map((p) => at(d.url, p)));
  }
  const deprecatedOperations = sum(depDocs, (d) => d.deprecatedOperations);
  const deprecatedParameters = sum(depDocs, (d) => d.deprecatedParameters);
  const deprecatedSchemas = sum(depDocs, (d) => d.deprecatedSchemas);
  const deprecationHeader = depDocs.some((d) => d.deprecationHeader);
  const sunsetHeader = depDocs.some((d) => d.sunsetHeader);
  const deprecation: DeprecationFacts = {
    documentsAssessed: specs.length,
    deprecatedOperations,
    deprecatedParameters,
    deprecatedSchemas,
    markedInSpec: deprecatedOperations + deprecatedParameters + deprecatedSchemas > 0,
    deprecationHeader,
    sunsetHeader,
    headersInSpec: deprecationHeader || sunsetHeader,
    docsMention: depMentions.length > 0,
    docsPages: depMentions,
    evidence: depEvidence,
    documents: depDocs,
  };
  if (!deprecation.headersInSpec && !deprecation.docsMention) {
    for (const d of depDocs) {
      if (d.deprecatedOperations > 0) {
        findings.push({ severity: 'info', message: TEXT.deprecatedNoHeaders(d.url, d.deprecatedOperations), url: d.url, evidence: d.pointers.operations.map((p) => at(d.url, p)).join('; ') });
      }
    }
  }
  return { rateLimits, deprecation, findings };
}
