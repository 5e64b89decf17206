// Facts of the `openapi` probe (probes/openapi/): the OpenAPI / Swagger documents a portal publishes,
// how they were found, whether they validate, how well they describe operations for agents, and
// what they say about rate limits and deprecation.

/**
 * How a candidate spec URL was found.
 * - `link-service-desc`: `<link rel="service-desc">` on a crawled page (RFC 8631 §4.1)
 * - `link-describedby`: `<link rel="describedby">` with an OpenAPI-ish type (RFC 8631 / POWDER)
 * - `link-header`: an HTTP `Link:` header with rel service-desc on a crawled page (RFC 8288, RFC 8631)
 * - `api-catalog`: a link in /.well-known/api-catalog (RFC 9727)
 * - `apis-json`: a Swagger/OpenAPI property in /apis.json (APIs.json)
 * - `docs-ui`: the spec URL a Swagger UI / Redoc / RapiDoc / Elements / Scalar page loads
 * - `anchor`: an `<a>` whose href ends in an openapi/swagger .json/.yaml/.yml file
 * - `anchor-text`: an `<a>` whose text says OpenAPI / Swagger / Download spec
 * - `common-path`: a usual location guessed on the origin (/openapi.json …)
 */
export type FoundVia =
  | 'link-service-desc'
  | 'link-describedby'
  | 'link-header'
  | 'api-catalog'
  | 'apis-json'
  | 'docs-ui'
  | 'anchor'
  | 'anchor-text'
  | 'common-path';

export interface Candidate {
  /** Absolute http(s) URL, no fragment. */
  url: string;
  /** Every route that pointed here, in the order found. */
  foundVia: FoundVia[];
  /** The page, catalog or header that pointed here (null for a guessed path). */
  foundOn: string | null;
}

/** What became of a candidate URL. */
export type CandidateOutcome =
  | 'spec' // a parseable OpenAPI / Swagger document
  | 'gated' // needs a login (401/403, or redirected to a login/SSO page)
  | 'tooLarge' // over the body or parse size limit
  | 'unparsable' // looked like a spec file but is malformed JSON/YAML or hostile
  | 'notSpec' // parsed, but not an OpenAPI / Swagger document
  | 'html' // an HTML page (a soft 404, a docs UI) rather than a spec file
  | 'missing' // 404/410 or another non-2xx status
  | 'failed' // no response (timeout, DNS, connection)
  | 'robots' // not checked: portalprobe's own robots.txt manners
  | 'notChecked';

export interface CandidateResult extends Candidate {
  status: number;
  outcome: CandidateOutcome;
  /** Why (status line, redirect target, parse error…). */
  note?: string;
}

export type QualitySignal = 'summary' | 'description' | 'operationId' | 'example' | 'errorResponse';

/** `METHOD /path` plus the quality signals it lacks. */
export interface WeakOperation {
  operation: string;
  missing: QualitySignal[];
}

export interface ServerFact {
  url: string;
  useful: boolean;
  /** Why it is not useful to a client: localhost, example domain, relative, templated without default… */
  reason?: string;
}

export interface SecuritySchemeFact {
  name: string;
  /** apiKey, http:bearer, http:basic, oauth2, openIdConnect, mutualTLS (2.0 basic → http:basic). */
  type: string;
}

export type SpecFormat = 'json' | 'yaml';

export interface DocumentQuality {
  operationCount: number;
  webhookCount: number;
  /** Shares of operations (0..1, 3 decimals) with each signal; null when there are no operations. */
  summaryShare: number | null;
  descriptionShare: number | null;
  operationIdShare: number | null;
  exampleShare: number | null;
  errorResponseShare: number | null;
  deprecatedOperations: number;
  securitySchemes: SecuritySchemeFact[];
  servers: ServerFact[];
  tags: string[];
  worstOperations: WeakOperation[];
  /** Weighted mean of the shares (QUALITY_WEIGHTS); null when there are no operations. */
  qualityScore: number | null;
}

export interface OpenapiDocument extends DocumentQuality {
  url: string;
  /** After redirects. */
  finalUrl: string;
  foundVia: FoundVia[];
  /** "2.0", "3.0.3", "3.1.0", … as the document states it; null when unknown. */
  version: string | null;
  specification: 'Swagger' | 'OpenAPI' | null;
  format: SpecFormat | null;
  /** The validator's verdict; null when there is none (gated, too large, not validated). */
  valid: boolean | null;
  /** First validation or parse errors (one line each). */
  errors: string[];
  /** Errors beyond those listed. */
  moreErrors: number;
  warnings: string[];
  gated: boolean;
  tooLarge: boolean;
  /** Why it was not validated (unsupportedVersion, timeout, crashed, budget); absent when it was. */
  notValidated?: string;
  title: string | null;
  /** info.version */
  apiVersion: string | null;
  sizeBytes: number;
  /** External `$ref`s left unresolved (portalprobe never fetches them); `externalRefCount` in all. */
  externalRefs: string[];
  externalRefCount: number;
}

/** Rate-limit header families, by name (lower case). */
export type RateLimitHeaderStyle = 'ietf' | 'ietf-early-draft' | 'x-ratelimit';

export interface DocumentRateLimits {
  operationCount: number;
  /** Operations with an explicit `429` response. */
  operationsWith429: number;
  /** operationsWith429 / operationCount (3 decimals); null without operations. */
  share429: number | null;
  /** Operations without `429` that have a `4XX` range response (a 429 may hide in it). */
  operationsWith4xxRange: number;
  /** Operations with neither `429` nor `4XX`, only `default`. */
  operationsWithDefaultOnly: number;
  /** A 429 or 503 response declares `Retry-After`. */
  retryAfter: boolean;
  /** Response codes whose response declares `Retry-After` (any code), in document order. */
  retryAfterOn: string[];
  /** Rate-limit header names as first written, in document order. */
  rateLimitHeaders: string[];
  rateLimitHeaderStyles: RateLimitHeaderStyle[];
  /** JSON Pointers (RFC 6901) to the evidence. */
  pointers: { response429: string[]; retryAfter: string[]; rateLimitHeaders: string[] };
}

export interface DocsMention {
  url: string;
  /** The words around the match, whitespace collapsed. */
  quote: string;
}

export interface RateLimitMention extends DocsMention {
  /** The same page recommends backing off (exponential back-off, jitter, wait before retrying). */
  backoff: boolean;
}

export interface DocumentDeprecation {
  deprecatedOperations: number;
  /** Distinct Parameter Objects marked deprecated (shared `$ref`'d ones count once). */
  deprecatedParameters: number;
  /** Distinct schemas (including property schemas) marked deprecated. */
  deprecatedSchemas: number;
  /** A response declares `Deprecation` (RFC 9745). */
  deprecationHeader: boolean;
  /** A response declares `Sunset` (RFC 8594). */
  sunsetHeader: boolean;
  /** The schema search stopped at SCHEMA_WALK_BUDGET; deprecatedSchemas is a lower bound. */
  schemaSearchCut: boolean;
  /** JSON Pointers (RFC 6901) to the evidence. */
  pointers: { operations: string[]; parameters: string[]; schemas: string[]; headers: string[] };
}

export interface DocumentRateLimitFacts extends DocumentRateLimits {
  url: string;
}

export interface RateLimitFacts {
  /** Documents looked at: parsed and not invalid (valid, or not validated). */
  documentsAssessed: number;
  operationCount: number;
  /** Operations with an explicit 429 response, over all documents. */
  operationsWith429: number;
  /** operationsWith429 / operationCount; null without operations. */
  share429: number | null;
  /** Operations without 429 that have a `4XX` range response. */
  operationsWith4xxRange: number;
  /** Operations with neither 429 nor `4XX`, only `default`. */
  operationsWithDefaultOnly: number;
  documentsWith429: number;
  /** A 429 or 503 response declares Retry-After. */
  retryAfter: boolean;
  /** Rate-limit header names declared on any response. */
  rateLimitHeaders: string[];
  rateLimitHeaderStyles: RateLimitHeaderStyle[];
  /** A 429 response is documented, with Retry-After or a rate-limit header: machines know how to back off. */
  specDocumented: boolean;
  /** A crawled page names Retry-After or a RateLimit header near 429 / "Too Many Requests". */
  docsMention: boolean;
  /** One of those pages also recommends a back-off (exponential, jitter, wait before retrying). */
  docsBackoff: boolean;
  docsPages: RateLimitMention[];
  /** `specUrl#/json/pointer` */
  evidence: string[];
  documents: DocumentRateLimitFacts[];
}

export interface DocumentDeprecationFacts extends DocumentDeprecation {
  url: string;
}

export interface DeprecationFacts {
  documentsAssessed: number;
  deprecatedOperations: number;
  deprecatedParameters: number;
  deprecatedSchemas: number;
  /** Something (operation, parameter or schema) is marked `deprecated: true`. */
  markedInSpec: boolean;
  /** A response declares the Deprecation header (RFC 9745). */
  deprecationHeader: boolean;
  /** A response declares the Sunset header (RFC 8594). */
  sunsetHeader: boolean;
  /** deprecationHeader or sunsetHeader. */
  headersInSpec: boolean;
  /** A crawled page mentions the Deprecation or Sunset HTTP header. */
  docsMention: boolean;
  docsPages: DocsMention[];
  evidence: string[];
  documents: DocumentDeprecationFacts[];
}

export interface OpenapiFacts {
  /** True when at least one parseable OpenAPI / Swagger document was found (valid or not). */
  present: boolean;
  /** Every spec found: parsed ones, plus gated, too large and unparsable ones (see their flags). */
  documents: OpenapiDocument[];
  validCount: number;
  /** Operations over all parsed documents. */
  operationCount: number;
  /** The best qualityScore of any document (null without operations). */
  qualityScore: number | null;
  /** Candidate URLs fetched (or read from the crawl). */
  candidatesChecked: number;
  /** Every candidate and what became of it. */
  candidates: CandidateResult[];
  gatedUrls: string[];
  /** Documents (parsed or gated) per discovery route. */
  discoveredVia: Partial<Record<FoundVia, number>>;
  /**
   * 429 responses, Retry-After and rate-limit headers in the documents the validator did not reject,
   * and crawled pages that name those headers near a 429 (probes/openapi/machine-signals.ts).
   */
  rateLimits: RateLimitFacts;
  /** `deprecated: true` markers and Deprecation (RFC 9745) / Sunset (RFC 8594) headers, in the same documents and pages. */
  deprecation: DeprecationFacts;
}
