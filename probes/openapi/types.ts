// Shared shapes of the OpenAPI probe: how a candidate spec URL was found, and what is reported about
// each document. Parsing, discovery and quality code in src/openapi/ and probes/openapi.ts use them.

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

export const FOUND_VIA: readonly FoundVia[] = [
  'link-service-desc',
  'link-describedby',
  'link-header',
  'api-catalog',
  'apis-json',
  'docs-ui',
  'anchor',
  'anchor-text',
  'common-path',
];

/**
 * How much a route vouches for the URL being a spec: `declared` (machine-readable pointers),
 * `linked` (a visible link to a spec file), `guessed` (anchor text or a usual path). A broken
 * declared or linked URL is a finding; a guessed one that answers 404 is just absent.
 */
export type Strength = 'declared' | 'linked' | 'guessed';

const STRENGTH: Record<FoundVia, Strength> = {
  'link-service-desc': 'declared',
  'link-describedby': 'declared',
  'link-header': 'declared',
  'api-catalog': 'declared',
  'apis-json': 'declared',
  'docs-ui': 'declared',
  anchor: 'linked',
  'anchor-text': 'guessed',
  'common-path': 'guessed',
};

export function strengthOf(via: readonly FoundVia[]): Strength {
  const strengths = via.map((v) => STRENGTH[v]);
  if (strengths.includes('declared')) return 'declared';
  if (strengths.includes('linked')) return 'linked';
  return 'guessed';
}

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
  | 'notChecked'; // over the candidate cap

export interface CandidateResult extends Candidate {
  status: number;
  outcome: CandidateOutcome;
  /** Why (status line, redirect target, parse error…). */
  note?: string;
}

/** `METHOD /path` plus the quality signals it lacks. */
export interface WeakOperation {
  operation: string;
  missing: QualitySignal[];
}

export type QualitySignal = 'summary' | 'description' | 'operationId' | 'example' | 'errorResponse';

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
