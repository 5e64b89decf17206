// OAuth 2.0 / OpenID Connect discovery metadata: where it lives and whether a client can configure
// itself from it. Three documents: OAuth 2.0 Authorization Server Metadata (RFC 8414,
// /.well-known/oauth-authorization-server), OpenID Connect Discovery 1.0 (/.well-known/openid-configuration)
// and OAuth 2.0 Protected Resource Metadata (RFC 9728, /.well-known/oauth-protected-resource).
// Pure: URL transforms both ways and `parseAuthServerMetadata(url, body, contentType)`, which never
// throws — hostile input (HTML, huge or malformed JSON, wrong types) becomes issues.
import { mediaType } from '../../src/fetch/decode.js';
import { looksLikeHtml } from '../../src/llms-txt/response.js';
import { parseJsonObject } from '../../src/formats/json.js';
import type { AuthMetadataFields, AuthMetadataKind } from '../../src/contract/index.js';
import { isRecord } from '../../src/util/is-record.js';

/** The registered well-known suffixes (RFC 8414 §7.3, OIDC Discovery §7, RFC 9728 §8.3). */
export const AUTH_WELL_KNOWN: Readonly<Record<AuthMetadataKind, string>> = {
  'oauth-authorization-server': '/.well-known/oauth-authorization-server',
  'openid-configuration': '/.well-known/openid-configuration',
  'oauth-protected-resource': '/.well-known/oauth-protected-resource',
};

/** Members only metadata documents carry: a JSON error object ({"error": …}) has none of them. */
const METADATA_MEMBERS = ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri', 'response_types_supported', 'resource', 'authorization_servers'];

const KINDS = Object.keys(AUTH_WELL_KNOWN) as AuthMetadataKind[];

const TEXT = {
  html: 'the answer is an HTML page, not metadata (a soft 404 or a sign-in page)',
  notJson: (why: string) => `not a JSON object (${why})`,
  notLocation: 'the URL is not a metadata location (no /.well-known/oauth-authorization-server, openid-configuration or oauth-protected-resource)',
  contentType: (type: string) => `served as ${type || 'no content type'}; RFC 8414 §3.2 / RFC 9728 §3.2 require application/json`,
  missing: (field: string, why: string) => `${field} is missing (required${why})`,
  wrongType: (field: string, want: string) => `${field} must be ${want}`,
  notUrl: (field: string) => `${field} is not an absolute URL`,
  notHttps: (field: string, value: string) => `${field} ${value} does not use https`,
  queryOrFragment: (field: string) => `${field} must have no query or fragment component`,
  mismatch: (field: string, got: string, want: string) => `${field} "${got}" is not identical to "${want}", the identifier this URL is built from (${field === 'issuer' ? 'RFC 8414 §3.3, OIDC Discovery §4.3' : 'RFC 9728 §3.3'}); clients must reject it`,
  trailingSlash: (field: string, got: string, want: string) => `${field} "${got}" differs from "${want}" only by a trailing slash; strict clients reject it (RFC 8414 §3.3)`,
  emptyList: (field: string) => `${field} is an empty array; claims with zero elements must be omitted (RFC 8414 §3.2)`,
  noRs256: 'id_token_signing_alg_values_supported does not include RS256, which OIDC Discovery §3 requires',
  noPkce: 'authorization_code is supported but code_challenge_methods_supported does not list S256: clients cannot tell that PKCE is supported (RFC 8414 §2, RFC 9700)',
  noAuthServers: 'authorization_servers is absent: clients learn nothing about where to obtain tokens (RFC 9728 §2)',
  responseTypesOptional: 'response_types_supported is missing; RFC 8414 §2 requires it, though no declared grant uses the authorization endpoint (erratum 7793)',
  why: {
    always: '',
    authEndpoint: ' unless no declared grant type uses the authorization endpoint, RFC 8414 §2',
    token: ' unless only the implicit grant is supported, RFC 8414 §2',
    oidc: ' by OIDC Discovery §3',
    resource: ' by RFC 9728 §2',
  },
} as const;

/** Where a metadata URL points: the kind, the identifier it was built from and how. */
export interface AuthMetadataLocation {
  kind: AuthMetadataKind;
  /** The issuer (RFC 8414, OIDC) or resource identifier (RFC 9728) the URL is derived from. */
  identifier: string;
  /** `inserted`: well-known segment between host and path (RFC 8414 §3, RFC 9728 §3); `appended`: after the path (OIDC Discovery §4.1). */
  form: 'inserted' | 'appended';
}

/**
 * The identifier a metadata URL was built from, or null when the URL is no metadata location.
 * `https://as/.well-known/oauth-authorization-server/t1` → `https://as/t1` (inserted);
 * `https://as/t1/.well-known/openid-configuration` → `https://as/t1` (appended). Query and fragment are dropped.
 */
export function locateMetadataUrl(url: string): AuthMetadataLocation | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const path = parsed.pathname;
  for (const kind of KINDS) {
    const suffix = AUTH_WELL_KNOWN[kind];
    if (path === suffix || path.startsWith(`${suffix}/`)) {
      return { kind, identifier: parsed.origin + path.slice(suffix.length), form: 'inserted' };
    }
  }
  for (const kind of KINDS) {
    const suffix = AUTH_WELL_KNOWN[kind];
    if (path.endsWith(suffix)) return { kind, identifier: parsed.origin + path.slice(0, -suffix.length), form: 'appended' };
  }
  return null;
}

/** `/t1/` → `/t1`, `/` → '' : the path part an issuer contributes to a well-known URL. */
function issuerPath(url: URL): string {
  return url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
}

/**
 * Metadata URLs for an issuer, in the order RFC 8414 §5 says to try them: the RFC 8414 location
 * (segment inserted before the path), then the OIDC one (appended, terminating "/" removed, OIDC
 * Discovery §4.1). For an issuer without a path both are at the host root. [] for a non-URL.
 */
export function metadataUrlsForIssuer(issuer: string): Array<{ url: string; kind: AuthMetadataKind }> {
  let parsed: URL;
  try {
    parsed = new URL(issuer);
  } catch {
    return [];
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return [];
  const path = issuerPath(parsed);
  return [
    { url: parsed.origin + AUTH_WELL_KNOWN['oauth-authorization-server'] + path, kind: 'oauth-authorization-server' },
    { url: parsed.origin + path + AUTH_WELL_KNOWN['openid-configuration'], kind: 'openid-configuration' },
  ];
}

export interface AuthMetadataOptions {
  /** Accept http: identifiers and endpoints with a warning instead of an issue (auditing a plain-HTTP test portal). @default false */
  allowHttp?: boolean;
}

export interface AuthMetadata extends AuthMetadataFields {
  /** The identifier the URL was built from (null when the URL is no metadata location). */
  expectedIdentifier: string | null;
  /** The body is one JSON object. */
  isJson: boolean;
  /** A JSON object with at least one metadata member (issuer, endpoints, resource …): metadata was served, usable or not. */
  recognized: boolean;
  responseTypes: string[];
}

function emptyResult(url: string, kind: AuthMetadataKind, expected: string | null): AuthMetadata {
  return {
    url, kind, expectedIdentifier: expected, isJson: false, recognized: false, valid: false, issues: [], warnings: [],
    issuer: null, authorizationEndpoint: null, tokenEndpoint: null, jwksUri: null, registrationEndpoint: null,
    grantTypes: null, responseTypes: [], scopes: [], codeChallengeMethods: [], tokenEndpointAuthMethods: null,
    pkceS256: false, dynamicRegistration: false, mtls: false, privateKeyJwt: false, resource: null, authorizationServers: [],
  };
}

type Reader = {
  data: Record<string, unknown>;
  issues: string[];
  warnings: string[];
  allowHttp: boolean;
};

/** JSON null is read as absent: some servers write every known member. */
const absent = (r: Reader, key: string): boolean => r.data[key] === undefined || r.data[key] === null;

/** A URL member: null when absent; a problem for a wrong type goes to issues when required, else to warnings. */
function urlField(r: Reader, key: string, required: boolean): string | null {
  const value = r.data[key];
  if (value === undefined || value === null) return null;
  const sink = required ? r.issues : r.warnings;
  if (typeof value !== 'string' || value.trim() === '') {
    sink.push(TEXT.wrongType(key, 'a URL string'));
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    sink.push(TEXT.notUrl(key));
    return null;
  }
  if (parsed.protocol !== 'https:') {
    if (parsed.protocol === 'http:' && r.allowHttp) r.warnings.push(TEXT.notHttps(key, value));
    else {
      sink.push(TEXT.notHttps(key, value));
      return null;
    }
  }
  return value;
}

/** A string-array member: null when absent; wrong types are reported and read as absent. */
function listField(r: Reader, key: string, required: boolean): string[] | null {
  const value = r.data[key];
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    (required ? r.issues : r.warnings).push(TEXT.wrongType(key, 'a JSON array of strings'));
    return null;
  }
  if (value.length === 0) r.warnings.push(TEXT.emptyList(key));
  return value.slice(0, 100) as string[];
}

/** The issuer / resource identifier: present, an https URL without query or fragment, identical to `expected`. */
function identifierField(r: Reader, key: 'issuer' | 'resource', expected: string | null, why: string): string | null {
  const value = r.data[key];
  if (value === undefined || value === null) {
    r.issues.push(TEXT.missing(key, why));
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    r.issues.push(TEXT.wrongType(key, 'a URL string'));
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    r.issues.push(TEXT.notUrl(key));
    return value;
  }
  if (parsed.protocol !== 'https:') (parsed.protocol === 'http:' && r.allowHttp ? r.warnings : r.issues).push(TEXT.notHttps(key, value));
  // RFC 8414 §2: issuer has no query or fragment; RFC 9728 §2: resource has no fragment.
  if (parsed.hash !== '' || value.includes('#') || (key === 'issuer' && (parsed.search !== '' || value.includes('?')))) r.issues.push(TEXT.queryOrFragment(key));
  if (expected !== null && value !== expected) {
    if (value.replace(/\/+$/, '') === expected.replace(/\/+$/, '')) r.warnings.push(TEXT.trailingSlash(key, value, expected));
    else r.issues.push(TEXT.mismatch(key, value, expected));
  }
  return value;
}

function readAuthorizationServer(r: Reader, out: AuthMetadata, oidc: boolean): void {
  out.issuer = identifierField(r, 'issuer', out.expectedIdentifier, TEXT.why.always);
  out.grantTypes = listField(r, 'grant_types_supported', false);
  const grants = out.grantTypes ?? ['authorization_code', 'implicit'];
  const usesAuthorizationEndpoint = grants.includes('authorization_code') || grants.includes('implicit');
  // OIDC Discovery §3 requires authorization_endpoint outright; RFC 8414 §2 only when a grant uses it.
  const needsAuthorizationEndpoint = oidc || usesAuthorizationEndpoint;
  out.authorizationEndpoint = urlField(r, 'authorization_endpoint', needsAuthorizationEndpoint);
  if (!out.authorizationEndpoint && needsAuthorizationEndpoint && absent(r, 'authorization_endpoint')) {
    r.issues.push(TEXT.missing('authorization_endpoint', oidc ? TEXT.why.oidc : TEXT.why.authEndpoint));
  }
  const onlyImplicit = grants.length > 0 && grants.every((g) => g === 'implicit');
  out.tokenEndpoint = urlField(r, 'token_endpoint', !onlyImplicit);
  if (!out.tokenEndpoint && !onlyImplicit && absent(r, 'token_endpoint')) r.issues.push(TEXT.missing('token_endpoint', TEXT.why.token));

  const responseTypes = listField(r, 'response_types_supported', true);
  out.responseTypes = responseTypes ?? [];
  if (responseTypes === null && absent(r, 'response_types_supported')) {
    if (oidc || usesAuthorizationEndpoint) r.issues.push(TEXT.missing('response_types_supported', oidc ? TEXT.why.oidc : ', RFC 8414 §2'));
    else r.warnings.push(TEXT.responseTypesOptional);
  }

  out.jwksUri = urlField(r, 'jwks_uri', oidc);
  if (oidc) {
    if (absent(r, 'jwks_uri')) r.issues.push(TEXT.missing('jwks_uri', TEXT.why.oidc));
    if (listField(r, 'subject_types_supported', true) === null && absent(r, 'subject_types_supported')) {
      r.issues.push(TEXT.missing('subject_types_supported', TEXT.why.oidc));
    }
    const algs = listField(r, 'id_token_signing_alg_values_supported', true);
    if (algs === null && absent(r, 'id_token_signing_alg_values_supported')) {
      r.issues.push(TEXT.missing('id_token_signing_alg_values_supported', TEXT.why.oidc));
    } else if (algs && !algs.includes('RS256')) r.warnings.push(TEXT.noRs256);
  }

  out.registrationEndpoint = urlField(r, 'registration_endpoint', false);
  out.scopes = listField(r, 'scopes_supported', false) ?? [];
  out.codeChallengeMethods = listField(r, 'code_challenge_methods_supported', false) ?? [];
  out.tokenEndpointAuthMethods = listField(r, 'token_endpoint_auth_methods_supported', false);
  out.pkceS256 = out.codeChallengeMethods.includes('S256');
  out.dynamicRegistration = out.registrationEndpoint !== null;
  const methods = out.tokenEndpointAuthMethods ?? [];
  out.mtls = methods.includes('tls_client_auth') || methods.includes('self_signed_tls_client_auth') || isRecord(r.data.mtls_endpoint_aliases);
  out.privateKeyJwt = methods.includes('private_key_jwt');
  if (grants.includes('authorization_code') && !out.pkceS256) r.warnings.push(TEXT.noPkce);
}

function readProtectedResource(r: Reader, out: AuthMetadata): void {
  out.resource = identifierField(r, 'resource', out.expectedIdentifier, TEXT.why.resource);
  const servers = listField(r, 'authorization_servers', false);
  if (servers === null) {
    if (absent(r, 'authorization_servers')) r.warnings.push(TEXT.noAuthServers);
  } else {
    out.authorizationServers = servers.filter((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || (u.protocol === 'http:' && r.allowHttp);
      } catch {
        return false;
      }
    });
    if (out.authorizationServers.length < servers.length) r.warnings.push(TEXT.wrongType('authorization_servers', 'a list of https issuer URLs'));
  }
  out.scopes = listField(r, 'scopes_supported', false) ?? [];
}

/**
 * Judges one metadata document. The kind and the expected identifier come from the URL (RFC 8414
 * §3, OIDC Discovery §4, RFC 9728 §3); a URL that is no metadata location is read as RFC 8414
 * metadata with no identifier to compare and an issue saying so.
 */
export function parseAuthServerMetadata(url: string, body: string, contentType: string | undefined, options: AuthMetadataOptions = {}): AuthMetadata {
  const location = locateMetadataUrl(url);
  const out = emptyResult(url, location?.kind ?? 'oauth-authorization-server', location?.identifier ?? null);
  if (!location) out.issues.push(TEXT.notLocation);
  const type = mediaType(contentType);
  if (type === 'text/html' || type === 'application/xhtml+xml' || looksLikeHtml(body)) {
    out.issues.push(TEXT.html);
    return out;
  }
  const json = parseJsonObject(body);
  if (!json.ok) {
    out.issues.push(TEXT.notJson(json.reason));
    return out;
  }
  out.isJson = true;
  out.recognized = METADATA_MEMBERS.some((key) => Object.hasOwn(json.data, key));
  const warnings: string[] = [];
  if (type !== 'application/json') warnings.push(TEXT.contentType(type));
  const r: Reader = { data: json.data, issues: out.issues, warnings, allowHttp: options.allowHttp === true };
  if (out.kind === 'oauth-protected-resource') readProtectedResource(r, out);
  else readAuthorizationServer(r, out, out.kind === 'openid-configuration');
  out.warnings = [...new Set(warnings)];
  out.issues = [...new Set(out.issues)];
  out.valid = out.issues.length === 0;
  return out;
}
