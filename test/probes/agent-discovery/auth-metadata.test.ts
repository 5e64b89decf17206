// OAuth / OIDC discovery metadata parser: the examples of RFC 8414 §3.2, OpenID Connect Discovery
// §4.2 and RFC 9728 §3.2, the URL transforms of RFC 8414 §3 / OIDC Discovery §4.1, and broken or
// hostile answers (issuer mismatch, missing members, HTML soft 404, invalid JSON, huge bodies, wrong types).
import { describe, expect, it } from 'vitest';
import { locateMetadataUrl, metadataUrlsForIssuer, parseAuthServerMetadata } from '../../../probes/agent-discovery/auth-metadata.js';

const AS = 'https://server.example.com/.well-known/oauth-authorization-server';
const OIDC = 'https://server.example.com/.well-known/openid-configuration';
const PRM = 'https://resource.example.com/.well-known/oauth-protected-resource';
const JSON_TYPE = 'application/json';

/** RFC 8414 §3.2, non-normative example response. */
const RFC8414_EXAMPLE = {
  issuer: 'https://server.example.com',
  authorization_endpoint: 'https://server.example.com/authorize',
  token_endpoint: 'https://server.example.com/token',
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
  token_endpoint_auth_signing_alg_values_supported: ['RS256', 'ES256'],
  userinfo_endpoint: 'https://server.example.com/userinfo',
  jwks_uri: 'https://server.example.com/jwks.json',
  registration_endpoint: 'https://server.example.com/register',
  scopes_supported: ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'],
  response_types_supported: ['code', 'code token'],
  service_documentation: 'http://server.example.com/service_documentation.html',
  ui_locales_supported: ['en-US', 'en-GB', 'en-CA', 'fr-FR', 'fr-CA'],
};

/** OpenID Connect Discovery 1.0 §4.2, non-normative example response. */
const OIDC_EXAMPLE = {
  issuer: 'https://server.example.com',
  authorization_endpoint: 'https://server.example.com/connect/authorize',
  token_endpoint: 'https://server.example.com/connect/token',
  token_endpoint_auth_methods_supported: ['client_secret_basic', 'private_key_jwt'],
  token_endpoint_auth_signing_alg_values_supported: ['RS256', 'ES256'],
  userinfo_endpoint: 'https://server.example.com/connect/userinfo',
  check_session_iframe: 'https://server.example.com/connect/check_session',
  end_session_endpoint: 'https://server.example.com/connect/end_session',
  jwks_uri: 'https://server.example.com/jwks.json',
  registration_endpoint: 'https://server.example.com/connect/register',
  scopes_supported: ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'],
  response_types_supported: ['code', 'code id_token', 'id_token', 'id_token token'],
  acr_values_supported: ['urn:mace:incommon:iap:silver', 'urn:mace:incommon:iap:bronze'],
  subject_types_supported: ['public', 'pairwise'],
  userinfo_signing_alg_values_supported: ['RS256', 'ES256', 'HS256'],
  userinfo_encryption_alg_values_supported: ['RSA-OAEP-256', 'A128KW'],
  userinfo_encryption_enc_values_supported: ['A128CBC-HS256', 'A128GCM'],
  id_token_signing_alg_values_supported: ['RS256', 'ES256', 'HS256'],
  id_token_encryption_alg_values_supported: ['RSA-OAEP-256', 'A128KW'],
  id_token_encryption_enc_values_supported: ['A128CBC-HS256', 'A128GCM'],
  request_object_signing_alg_values_supported: ['none', 'RS256', 'ES256'],
  display_values_supported: ['page', 'popup'],
  claim_types_supported: ['normal', 'distributed'],
  claims_supported: ['sub', 'iss', 'auth_time', 'acr', 'name', 'given_name', 'family_name', 'nickname', 'profile', 'picture', 'website', 'email', 'email_verified', 'locale', 'zoneinfo', 'http://example.info/claims/groups'],
  claims_parameter_supported: true,
  service_documentation: 'http://server.example.com/connect/service_documentation.html',
  ui_locales_supported: ['en-US', 'en-GB', 'en-CA', 'fr-FR', 'fr-CA'],
};

/** RFC 9728 §3.2, non-normative example response. */
const RFC9728_EXAMPLE = {
  resource: 'https://resource.example.com',
  authorization_servers: ['https://as1.example.com', 'https://as2.example.net'],
  bearer_methods_supported: ['header', 'body'],
  scopes_supported: ['profile', 'email', 'phone'],
  resource_documentation: 'https://resource.example.com/resource_documentation.html',
};

const without = (o: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const json = (o: unknown) => JSON.stringify(o);

describe('metadata URLs (RFC 8414 §3, OIDC Discovery §4.1, RFC 9728 §3)', () => {
  it.each([
    [AS, { kind: 'oauth-authorization-server', identifier: 'https://server.example.com', form: 'inserted' }],
    ['https://as.example/.well-known/oauth-authorization-server/tenant1', { kind: 'oauth-authorization-server', identifier: 'https://as.example/tenant1', form: 'inserted' }],
    ['https://as.example/.well-known/openid-configuration/tenant1', { kind: 'openid-configuration', identifier: 'https://as.example/tenant1', form: 'inserted' }],
    ['https://as.example/tenant1/.well-known/openid-configuration', { kind: 'openid-configuration', identifier: 'https://as.example/tenant1', form: 'appended' }],
    ['https://api.example/.well-known/oauth-protected-resource/v1?x=1', { kind: 'oauth-protected-resource', identifier: 'https://api.example/v1', form: 'inserted' }],
    ['https://as.example:8443/.well-known/openid-configuration', { kind: 'openid-configuration', identifier: 'https://as.example:8443', form: 'inserted' }],
  ])('%s', (url, expected) => {
    expect(locateMetadataUrl(url)).toEqual(expected);
  });

  it.each(['https://as.example/oauth/token', 'ftp://as.example/.well-known/openid-configuration', 'not a url', 'https://as.example/.well-known/openid-configurationx'])('%s is no metadata location', (url) => {
    expect(locateMetadataUrl(url)).toBeNull();
  });

  it.each([
    ['https://as.example', ['https://as.example/.well-known/oauth-authorization-server', 'https://as.example/.well-known/openid-configuration']],
    ['https://as.example/', ['https://as.example/.well-known/oauth-authorization-server', 'https://as.example/.well-known/openid-configuration']],
    // RFC 8414 §5: the RFC 8414 location first, then the OIDC one (terminating "/" removed, OIDC §4.1).
    ['https://as.example/tenant1/', ['https://as.example/.well-known/oauth-authorization-server/tenant1', 'https://as.example/tenant1/.well-known/openid-configuration']],
  ])('issuer %s', (issuer, urls) => {
    expect(metadataUrlsForIssuer(issuer).map((u) => u.url)).toEqual(urls);
  });

  it('builds nothing for a non-URL issuer', () => {
    expect(metadataUrlsForIssuer('as.example')).toEqual([]);
    expect(metadataUrlsForIssuer('mailto:a@b')).toEqual([]);
  });
});

describe('parseAuthServerMetadata', () => {
  it('accepts the RFC 8414 example and reports its capabilities', () => {
    const m = parseAuthServerMetadata(AS, json(RFC8414_EXAMPLE), JSON_TYPE);
    expect(m).toMatchObject({
      kind: 'oauth-authorization-server', expectedIdentifier: 'https://server.example.com', isJson: true, recognized: true, valid: true, issues: [],
      issuer: 'https://server.example.com', authorizationEndpoint: 'https://server.example.com/authorize', tokenEndpoint: 'https://server.example.com/token',
      registrationEndpoint: 'https://server.example.com/register', dynamicRegistration: true, privateKeyJwt: true, mtls: false,
      grantTypes: null, tokenEndpointAuthMethods: ['client_secret_basic', 'private_key_jwt'], pkceS256: false, codeChallengeMethods: [],
    });
    // The example omits code_challenge_methods_supported while authorization_code is a default grant.
    expect(m.warnings).toEqual([expect.stringContaining('does not list S256')]);
  });

  it('accepts the OpenID Connect Discovery example', () => {
    const m = parseAuthServerMetadata(OIDC, json(OIDC_EXAMPLE), 'application/json; charset=utf-8');
    expect(m).toMatchObject({ kind: 'openid-configuration', valid: true, issues: [], jwksUri: 'https://server.example.com/jwks.json', scopes: OIDC_EXAMPLE.scopes_supported });
  });

  it('accepts the RFC 9728 example', () => {
    const m = parseAuthServerMetadata(PRM, json(RFC9728_EXAMPLE), JSON_TYPE);
    expect(m).toMatchObject({ kind: 'oauth-protected-resource', valid: true, issues: [], warnings: [], resource: 'https://resource.example.com', authorizationServers: RFC9728_EXAMPLE.authorization_servers });
  });

  it('reads PKCE, mTLS and grant types', () => {
    const m = parseAuthServerMetadata(AS, json({
      ...RFC8414_EXAMPLE, grant_types_supported: ['authorization_code', 'client_credentials'], code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['tls_client_auth', 'private_key_jwt'],
    }), JSON_TYPE);
    expect(m).toMatchObject({ valid: true, warnings: [], pkceS256: true, mtls: true, privateKeyJwt: true, grantTypes: ['authorization_code', 'client_credentials'] });
  });

  type Case = [name: string, url: string, body: string, type: string | undefined, issue: RegExp, extra?: Partial<{ isJson: boolean; recognized: boolean }>];
  const cases: Case[] = [
    ['issuer mismatch (RFC 8414 §3.3)', AS, json({ ...RFC8414_EXAMPLE, issuer: 'https://evil.example.com' }), JSON_TYPE, /"https:\/\/evil.example.com" is not identical to "https:\/\/server.example.com"/],
    ['issuer of another tenant (path)', 'https://server.example.com/.well-known/oauth-authorization-server/t1', json(RFC8414_EXAMPLE), JSON_TYPE, /not identical to "https:\/\/server.example.com\/t1"/],
    ['issuer missing', AS, json(without(RFC8414_EXAMPLE, 'issuer')), JSON_TYPE, /^issuer is missing/],
    ['issuer over http', AS, json({ ...RFC8414_EXAMPLE, issuer: 'http://server.example.com' }), JSON_TYPE, /issuer http:\/\/server.example.com does not use https/],
    ['issuer with a query', AS, json({ ...RFC8414_EXAMPLE, issuer: 'https://server.example.com?x=1' }), JSON_TYPE, /no query or fragment/],
    ['authorization_endpoint missing', AS, json(without(RFC8414_EXAMPLE, 'authorization_endpoint')), JSON_TYPE, /^authorization_endpoint is missing/],
    ['token_endpoint missing', AS, json(without(RFC8414_EXAMPLE, 'token_endpoint')), JSON_TYPE, /^token_endpoint is missing/],
    ['response_types_supported missing', AS, json(without(RFC8414_EXAMPLE, 'response_types_supported')), JSON_TYPE, /^response_types_supported is missing/],
    ['OIDC without jwks_uri', OIDC, json(without(OIDC_EXAMPLE, 'jwks_uri')), JSON_TYPE, /^jwks_uri is missing \(required by OIDC Discovery §3\)/],
    ['OIDC without subject types', OIDC, json(without(OIDC_EXAMPLE, 'subject_types_supported')), JSON_TYPE, /^subject_types_supported is missing/],
    ['OIDC without ID token algorithms', OIDC, json(without(OIDC_EXAMPLE, 'id_token_signing_alg_values_supported')), JSON_TYPE, /^id_token_signing_alg_values_supported is missing/],
    ['OIDC without authorization_endpoint though only client_credentials', OIDC, json({ ...without(OIDC_EXAMPLE, 'authorization_endpoint'), grant_types_supported: ['client_credentials'] }), JSON_TYPE, /^authorization_endpoint is missing/],
    ['wrong types', AS, json({ ...RFC8414_EXAMPLE, token_endpoint: 42, response_types_supported: 'code' }), JSON_TYPE, /token_endpoint must be a URL string/],
    ['endpoint not https', AS, json({ ...RFC8414_EXAMPLE, token_endpoint: 'http://server.example.com/token' }), JSON_TYPE, /token_endpoint http:\/\/server.example.com\/token does not use https/],
    ['resource mismatch (RFC 9728 §3.3)', PRM, json({ ...RFC9728_EXAMPLE, resource: 'https://other.example.com' }), JSON_TYPE, /RFC 9728 §3.3/],
    ['resource missing', PRM, json(without(RFC9728_EXAMPLE, 'resource')), JSON_TYPE, /^resource is missing \(required by RFC 9728 §2\)/],
    ['HTML soft 404 (by type)', AS, '<!doctype html><html><body>Not found</body></html>', 'text/html; charset=utf-8', /HTML page/, { isJson: false }],
    ['HTML soft 404 (served as JSON)', AS, '\n<!-- app shell -->\n<html><body><div id="root"></div></body></html>', JSON_TYPE, /HTML page/, { isJson: false }],
    ['invalid JSON', AS, '{"issuer": "https://server.example.com",', JSON_TYPE, /^not a JSON object \(not JSON:/, { isJson: false }],
    ['a JSON array', AS, '[1, 2]', JSON_TYPE, /not a JSON object \(not a JSON object\)/, { isJson: false }],
    ['huge body', AS, `{"issuer": "https://server.example.com", "x": "${'a'.repeat(1_100_000)}"}`, JSON_TYPE, /larger than/, { isJson: false }],
    ['deeply nested JSON', AS, `${'['.repeat(200_000)}${']'.repeat(200_000)}`, JSON_TYPE, /not a JSON object/, { isJson: false }],
    ['not a metadata URL', 'https://server.example.com/oauth/metadata.json', json(RFC8414_EXAMPLE), JSON_TYPE, /not a metadata location/],
  ];

  it.each(cases)('%s → invalid with an issue, no throw', (_name, url, body, type, issue, extra) => {
    const m = parseAuthServerMetadata(url, body, type);
    expect(m.valid).toBe(false);
    expect(m.issues.some((i) => issue.test(i)), m.issues.join(' | ')).toBe(true);
    if (extra) expect(m).toMatchObject(extra);
  });

  it('recognizes JSON without metadata members as something else', () => {
    const m = parseAuthServerMetadata(AS, '{"error": "not_found"}', JSON_TYPE);
    expect(m).toMatchObject({ isJson: true, recognized: false, valid: false });
  });

  it('relaxes what RFC 8414 relaxes: no authorization endpoint for client_credentials, no token endpoint for implicit only', () => {
    const cc = parseAuthServerMetadata(AS, json({ issuer: 'https://server.example.com', token_endpoint: 'https://server.example.com/token', grant_types_supported: ['client_credentials'] }), JSON_TYPE);
    expect(cc.valid).toBe(true);
    // RFC 8414 §2 still lists response_types_supported as REQUIRED; erratum 7793 — a warning, not an issue.
    expect(cc.warnings).toEqual([expect.stringContaining('erratum 7793')]);
    const implicit = parseAuthServerMetadata(AS, json({ issuer: 'https://server.example.com', authorization_endpoint: 'https://server.example.com/a', response_types_supported: ['token'], grant_types_supported: ['implicit'] }), JSON_TYPE);
    expect(implicit).toMatchObject({ valid: true, issues: [], tokenEndpoint: null });
  });

  it('warns without failing on what clients survive', () => {
    const m = parseAuthServerMetadata(OIDC, json({ ...OIDC_EXAMPLE, issuer: 'https://server.example.com/', scopes_supported: [], id_token_signing_alg_values_supported: ['ES256'], code_challenge_methods_supported: 'S256' }), 'text/plain');
    expect(m.valid).toBe(true);
    expect(m.warnings).toEqual(expect.arrayContaining([
      expect.stringContaining('served as text/plain'),
      expect.stringContaining('only by a trailing slash'),
      expect.stringContaining('scopes_supported is an empty array'),
      expect.stringContaining('does not include RS256'),
      expect.stringContaining('code_challenge_methods_supported must be a JSON array of strings'),
    ]));
    expect(m.pkceS256).toBe(false);
  });

  it('accepts http identifiers with a warning only when told to (plain-HTTP test portal)', () => {
    const url = 'http://127.0.0.1:8080/.well-known/oauth-authorization-server';
    const body = json({ issuer: 'http://127.0.0.1:8080', authorization_endpoint: 'http://127.0.0.1:8080/a', token_endpoint: 'http://127.0.0.1:8080/t', response_types_supported: ['code'], code_challenge_methods_supported: ['S256'] });
    expect(parseAuthServerMetadata(url, body, JSON_TYPE).valid).toBe(false);
    const relaxed = parseAuthServerMetadata(url, body, JSON_TYPE, { allowHttp: true });
    expect(relaxed).toMatchObject({ valid: true, issues: [] });
    expect(relaxed.warnings).toHaveLength(3);
  });

  it('keeps only https authorization servers from RFC 9728 and warns when none is named', () => {
    const mixed = parseAuthServerMetadata(PRM, json({ resource: 'https://resource.example.com', authorization_servers: ['https://as.example', 'javascript:alert(1)', 'nope'] }), JSON_TYPE);
    expect(mixed).toMatchObject({ valid: true, authorizationServers: ['https://as.example'] });
    expect(mixed.warnings).toEqual([expect.stringContaining('authorization_servers must be')]);
    const none = parseAuthServerMetadata(PRM, json({ resource: 'https://resource.example.com' }), JSON_TYPE);
    expect(none.warnings).toEqual([expect.stringContaining('authorization_servers is absent')]);
  });
});
