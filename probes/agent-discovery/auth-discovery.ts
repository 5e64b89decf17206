// Can a machine discover how to authenticate? Gathers OAuth 2.0 Authorization Server Metadata
// (RFC 8414), OpenID Connect Discovery 1.0 and OAuth 2.0 Protected Resource Metadata (RFC 9728)
// for the agent-discovery probe: the portal origin's three well-known URLs, metadata URLs the docs
// link, the authorization servers a protected-resource document names, and the hosts of
// authorization/token endpoints printed in the docs. At most MAX_FETCHES requests, all through the
// audit's cached fetch (readResource); never throws.
import { isSameSite } from '../../src/util/site.js';
import type { AuthCandidateSource, AuthMetadataDocument, AuthMetadataFacts, AuthMetadataKind, AuthMetadataLink, Finding, ProbeContext } from '../../src/contract/index.js';
import { findAuthSignals } from './auth-links.js';
import { AUTH_WELL_KNOWN, locateMetadataUrl, metadataUrlsForIssuer, parseAuthServerMetadata, type AuthMetadata } from './auth-metadata.js';
import { isHtmlAnswer, isOk, robotsBlocked, statusNote } from '../../src/audit/resource.js';

const TEXT = {
  invalid: (url: string, kind: string) => `The ${kind} metadata at ${url} cannot be used by clients to configure themselves.`,
  minor: (url: string) => `The authorization metadata at ${url} departs from its specification in ways strict clients may trip over.`,
  brokenLink: (href: string, outcome: string) => `The docs link the metadata URL ${href}, but it does not answer with metadata (${outcome}).`,
  hostWithout: (origin: string) => `The docs name the authorization host ${origin}, but it publishes no discovery metadata (/.well-known/oauth-authorization-server or /.well-known/openid-configuration, RFC 8414 / OpenID Connect Discovery): clients and agents must hard-code its endpoints.`,
  hostUnreachable: (origin: string) => `The docs name the authorization host ${origin}, but it did not answer, so its discovery metadata could not be checked.`,
  none: (paths: string[]) => `No OAuth / OpenID Connect discovery metadata found (${paths.join(', ')}): machines cannot discover how to authenticate.`,
  notLinked: (url: string) => `Authorization metadata is published at ${url}, but no crawled page links it: agents reading the docs will not find it.`,
  outcomes: {
    html: 'an HTML page (soft 404)',
    empty: 'an empty body',
    notMetadata: 'JSON without any metadata member',
    truncated: 'body cut at the size limit',
  },
  kinds: {
    'oauth-authorization-server': 'OAuth authorization server (RFC 8414)',
    'openid-configuration': 'OpenID Connect Discovery',
    'oauth-protected-resource': 'OAuth protected resource (RFC 9728)',
  } satisfies Record<AuthMetadataKind, string>,
} as const;

/** At most this many metadata URLs are asked for per audit (the origin's three included). */
export const MAX_FETCHES = 8;
/** Linked metadata URLs and endpoint hosts beyond the origin that are followed. */
const MAX_LINKED = 2;
const MAX_HOSTS = 2;
const JSON_ACCEPT = 'application/json, */*;q=0.5';

export interface AuthDiscoveryResult {
  facts: AuthMetadataFacts;
  findings: Finding[];
  /** URLs robots.txt kept portalprobe from asking. */
  notChecked: string[];
}

interface Candidate {
  url: string;
  kind: AuthMetadataKind;
  source: AuthCandidateSource;
  via: string;
}

interface Checked extends Candidate {
  outcome: string;
  ok: boolean;
  /** robots.txt kept portalprobe from asking. */
  blocked: boolean;
  /** A 2xx answer that is neither HTML nor JSON: a broken document at a metadata URL. */
  broken: boolean;
  doc: AuthMetadata | null;
  status: number;
  contentType: string | null;
}

const isAuthServer = (kind: AuthMetadataKind): boolean => kind !== 'oauth-protected-resource';

async function check(ctx: ProbeContext<'fetch'>, candidate: Candidate, allowHttp: boolean): Promise<Checked> {
  const res = await ctx.read(candidate.url, { accept: JSON_ACCEPT });
  const base = { ...candidate, status: res.status, contentType: res.headers['content-type'] ?? null, doc: null, ok: false, blocked: robotsBlocked(res), broken: false };
  if (base.blocked || !isOk(res)) return { ...base, outcome: statusNote(res) };
  if (isHtmlAnswer(res)) return { ...base, outcome: `HTTP ${res.status}, ${TEXT.outcomes.html}` };
  if (res.text.trim() === '') return { ...base, outcome: `HTTP ${res.status}, ${TEXT.outcomes.empty}` };
  const doc = parseAuthServerMetadata(candidate.url, res.text, res.headers['content-type'], { allowHttp });
  // A JSON object with no metadata member (an API's error object) is not a metadata document; a
  // 2xx body that is not JSON (cut, malformed, huge, another format) is a broken one.
  if (!doc.isJson) return { ...base, broken: true, outcome: `HTTP ${res.status}, ${res.truncated ? TEXT.outcomes.truncated : doc.issues[0]}` };
  if (!doc.recognized) return { ...base, outcome: `HTTP ${res.status}, ${TEXT.outcomes.notMetadata}` };
  if (res.truncated) doc.issues.push(TEXT.outcomes.truncated);
  doc.valid = doc.issues.length === 0;
  return { ...base, doc, ok: true, outcome: doc.valid ? `HTTP ${res.status}, valid` : `HTTP ${res.status}, invalid: ${doc.issues[0]}` };
}

function toDocument(c: Checked & { doc: AuthMetadata }): AuthMetadataDocument {
  const d = c.doc;
  return {
    url: c.url, kind: d.kind, source: c.source, via: c.via, status: c.status, contentType: c.contentType, valid: d.valid,
    issues: d.issues.slice(0, 10), warnings: d.warnings.slice(0, 10), expectedIdentifier: d.expectedIdentifier, issuer: d.issuer,
    authorizationEndpoint: d.authorizationEndpoint, tokenEndpoint: d.tokenEndpoint, jwksUri: d.jwksUri, registrationEndpoint: d.registrationEndpoint,
    grantTypes: d.grantTypes, scopes: d.scopes.slice(0, 30), codeChallengeMethods: d.codeChallengeMethods, tokenEndpointAuthMethods: d.tokenEndpointAuthMethods,
    pkceS256: d.pkceS256, dynamicRegistration: d.dynamicRegistration, mtls: d.mtls, privateKeyJwt: d.privateKeyJwt,
    resource: d.resource, authorizationServers: d.authorizationServers.slice(0, 10),
  };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export interface AuthDiscoveryOptions {
  /** Accept http: identifiers with a warning (the audited portal itself is plain HTTP). @default false */
  allowHttp?: boolean;
}

export async function discoverAuthMetadata(ctx: ProbeContext<'pages' | 'fetch'>, origin: string, options: AuthDiscoveryOptions = {}): Promise<AuthDiscoveryResult> {
  const allowHttp = options.allowHttp === true;
  const signals = findAuthSignals(ctx.snapshot.pages, { allowHttp });
  const seen = new Set<string>();
  const results: Checked[] = [];
  const add = (list: Candidate[], c: Candidate) => {
    if (seen.has(c.url) || seen.size >= MAX_FETCHES) return;
    seen.add(c.url);
    list.push(c);
  };

  // Phase 1: the portal origin (RFC 8414 §3, OIDC Discovery §4, RFC 9728 §3 for an identifier without a path) and linked URLs.
  const first: Candidate[] = [];
  for (const kind of ['oauth-authorization-server', 'openid-configuration', 'oauth-protected-resource'] as const) {
    add(first, { url: origin + AUTH_WELL_KNOWN[kind], kind, source: 'portal-origin', via: 'portal origin' });
  }
  for (const link of signals.metadataLinks.filter((l) => !seen.has(l.href)).slice(0, MAX_LINKED)) {
    const kind = locateMetadataUrl(link.href)?.kind ?? 'oauth-authorization-server';
    add(first, { url: link.href, kind, source: 'page-link', via: `${link.via === 'anchor' ? '<a>' : link.via === 'link-element' ? '<link>' : 'URL in the text'} on ${link.page}` });
  }
  results.push(...(await Promise.all(first.map((c) => check(ctx, c, allowHttp)))));

  // Phase 2: authorization servers named by protected-resource documents, then endpoint hosts (the portal's own site first).
  const second: Candidate[] = [];
  for (const r of results) {
    if (!r.doc || r.doc.kind !== 'oauth-protected-resource') continue;
    for (const issuer of r.doc.authorizationServers.slice(0, MAX_HOSTS)) {
      for (const m of metadataUrlsForIssuer(issuer)) add(second, { ...m, source: 'protected-resource', via: r.url });
    }
  }
  // Only hosts of the portal's own site: a token URL printed in the text is no invitation to probe a
  // third party's servers (a linked metadata URL, above, is).
  const hosts = signals.endpoints.filter((e) => isSameSite(e.origin, origin)).slice(0, MAX_HOSTS);
  for (const host of hosts) {
    for (const m of metadataUrlsForIssuer(host.origin)) add(second, { ...m, source: 'endpoint-in-docs', via: `${host.url} on ${host.page}` });
  }
  results.push(...(await Promise.all(second.map((c) => check(ctx, c, allowHttp)))));

  return judge(results, signals.metadataLinks, signals.endpoints.map((e) => e.origin), origin);
}

function judge(results: Checked[], links: AuthMetadataLink[], endpointHosts: string[], origin: string): AuthDiscoveryResult {
  const findings: Finding[] = [];
  const notChecked = results.filter((r) => r.blocked).map((r) => r.url);
  const docs = results.filter((r): r is Checked & { doc: AuthMetadata } => r.doc !== null);
  const documents = docs.map(toDocument);
  const validAs = documents.filter((d) => isAuthServer(d.kind) && d.valid);

  for (const d of docs) {
    if (!d.doc.valid) findings.push({ severity: 'warning', message: TEXT.invalid(d.url, TEXT.kinds[d.kind]), url: d.url, evidence: d.doc.issues.slice(0, 3).join('; ') });
    else if (d.doc.warnings.length > 0) findings.push({ severity: 'info', message: TEXT.minor(d.url), url: d.url, evidence: d.doc.warnings.slice(0, 3).join('; ') });
  }
  for (const r of results) {
    if (r.broken) findings.push({ severity: 'warning', message: TEXT.invalid(r.url, TEXT.kinds[r.kind]), url: r.url, evidence: r.outcome });
    else if (r.source === 'page-link' && !r.ok && !r.blocked) findings.push({ severity: 'warning', message: TEXT.brokenLink(r.url, r.outcome), url: r.url, evidence: `linked by ${r.via}` });
  }

  const hosts = new Set<string>(endpointHosts);
  for (const l of links) {
    const o = originOf(l.href);
    if (o) hosts.add(o);
  }
  for (const d of documents) {
    for (const s of d.authorizationServers) {
      const o = originOf(s);
      if (o) hosts.add(o);
    }
    if (isAuthServer(d.kind)) {
      const o = originOf(d.url);
      if (o) hosts.add(o);
    }
  }

  if (validAs.length === 0) {
    const named = endpointHosts.filter((h) => !results.some((r) => originOf(r.url) === h && r.doc && isAuthServer(r.doc.kind)));
    for (const host of named) {
      const asked = results.filter((r) => originOf(r.url) === host && isAuthServer(r.kind) && !r.blocked);
      if (asked.length === 0) continue;
      // No answer at all (DNS, TLS, timeout): absence is not shown, only that the host could not be asked.
      const unreachable = asked.every((r) => r.status === 0);
      findings.push({
        severity: unreachable ? 'info' : 'warning', message: unreachable ? TEXT.hostUnreachable(host) : TEXT.hostWithout(host), url: asked[0].url,
        evidence: asked.map((r) => `${r.url}: ${r.outcome}`).join('; '),
      });
    }
    if (docs.length === 0 && named.length === 0) {
      const asked = results.filter((r) => r.source === 'portal-origin' && !r.blocked);
      if (asked.length > 0) findings.push({ severity: 'info', message: TEXT.none(asked.map((r) => new URL(r.url).pathname)), url: origin + AUTH_WELL_KNOWN['oauth-authorization-server'] });
    }
  } else if (links.length === 0) {
    findings.push({ severity: 'info', message: TEXT.notLinked(validAs[0].url), url: validAs[0].url });
  }

  const facts: AuthMetadataFacts = {
    found: documents.length > 0,
    valid: validAs.length > 0,
    protectedResource: documents.some((d) => d.kind === 'oauth-protected-resource' && d.valid && d.authorizationServers.length > 0),
    documents,
    checked: results.map(({ url, kind, source, via, outcome }) => ({ url, kind, source, via, outcome })),
    linkedFromDocs: links.length > 0,
    links: links.slice(0, 10),
    authorizationHosts: [...hosts],
    issuers: [...new Set(validAs.map((d) => d.issuer).filter((i): i is string => i !== null))],
    pkceS256: validAs.some((d) => d.pkceS256),
    dynamicRegistration: validAs.some((d) => d.dynamicRegistration),
    mtls: validAs.some((d) => d.mtls),
    privateKeyJwt: validAs.some((d) => d.privateKeyJwt),
  };
  return { facts, findings, notChecked };
}
