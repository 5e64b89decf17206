// Facts of the `agent-discovery` probe (probes/agent-discovery/): the machine-readable front door of a
// portal — API catalog (RFC 9727), APIs.json, MCP and A2A cards, ai-plugin.json, security.txt
// (RFC 9116), OpenSearch, feeds, Content-Signal, llms.txt and OAuth / OpenID Connect metadata.

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface ApisJsonApi {
  name: string | null;
  baseURL: string | null;
  humanURL: string | null;
  /** Property types, e.g. ["OpenAPI", "x-pricing"]. */
  propertyTypes: string[];
}

export interface SecurityTxtFields {
  contact: string[];
  expires: string | null;
  encryption: string[];
  acknowledgments: string[];
  preferredLanguages: string | null;
  canonical: string[];
  policy: string[];
  hiring: string[];
  csaf: string[];
}

export interface ContentSignal {
  /** The User-agent the line applies to; '*' also for a line outside any group. */
  agent: string;
  value: string;
  signals: Record<string, string>;
  line: number;
  /** Names that are not search / ai-input / ai-train, or values other than yes / no. */
  unknown: string[];
}

export type AuthMetadataKind = 'oauth-authorization-server' | 'openid-configuration' | 'oauth-protected-resource';

export interface AuthMetadataLink {
  href: string;
  /** The page that links it. */
  page: string;
  via: 'anchor' | 'link-element' | 'text';
}

export type AuthCandidateSource = 'portal-origin' | 'page-link' | 'protected-resource' | 'endpoint-in-docs';

/** What one OAuth / OpenID Connect / RFC 9728 metadata document says, as read and judged. */
export interface AuthMetadataFields {
  url: string;
  kind: AuthMetadataKind;
  /** A client could configure itself from it: JSON, required fields present and typed, identifier identical. */
  valid: boolean;
  /** What makes it unusable. */
  issues: string[];
  /** Departures from the specifications that clients usually survive. */
  warnings: string[];
  issuer: string | null;
  authorizationEndpoint: string | null;
  tokenEndpoint: string | null;
  jwksUri: string | null;
  registrationEndpoint: string | null;
  /** As declared; null when omitted (RFC 8414 default: authorization_code and implicit). */
  grantTypes: string[] | null;
  scopes: string[];
  codeChallengeMethods: string[];
  /** As declared; null when omitted (RFC 8414 default: client_secret_basic). */
  tokenEndpointAuthMethods: string[] | null;
  /** PKCE with S256 is advertised (code_challenge_methods_supported, RFC 8414 §2 / RFC 7636). */
  pkceS256: boolean;
  /** A registration_endpoint for Dynamic Client Registration (RFC 7591). */
  dynamicRegistration: boolean;
  /** Mutual-TLS client authentication (RFC 8705): tls_client_auth / self_signed_tls_client_auth, or mtls_endpoint_aliases. */
  mtls: boolean;
  /** private_key_jwt client authentication (FAPI 2.0 uses it or mTLS). */
  privateKeyJwt: boolean;
  /** RFC 9728: the protected resource's identifier. */
  resource: string | null;
  /** RFC 9728: issuer identifiers of the authorization servers for the resource. */
  authorizationServers: string[];
}

export interface AuthMetadataDocument extends AuthMetadataFields {
  source: AuthCandidateSource;
  /** What named the URL: "portal origin", the page with the link or endpoint, or the protected-resource document. */
  via: string;
  /** The issuer (or resource) the URL is built from, compared with the document's (RFC 8414 §3.3, RFC 9728 §3.3). */
  expectedIdentifier: string | null;
  status: number;
  contentType: string | null;
}

export interface AuthMetadataFacts {
  /** Some metadata URL answered with a metadata document (valid or not). */
  found: boolean;
  /** At least one authorization-server document (RFC 8414 or OpenID Connect Discovery) is valid. */
  valid: boolean;
  /** A valid RFC 9728 document names at least one authorization server. */
  protectedResource: boolean;
  documents: AuthMetadataDocument[];
  /** Every metadata URL considered, where it came from and what it answered. */
  checked: Array<{ url: string; kind: AuthMetadataKind; source: AuthCandidateSource; via: string; outcome: string }>;
  /** A crawled page links (or prints) a metadata URL. */
  linkedFromDocs: boolean;
  links: AuthMetadataLink[];
  /** Origins known as authorization hosts: named by the docs (endpoints, metadata links), by RFC 9728 documents, or answering with metadata. */
  authorizationHosts: string[];
  /** Issuers of the valid authorization-server documents. */
  issuers: string[];
  pkceS256: boolean;
  dynamicRegistration: boolean;
  mtls: boolean;
  privateKeyJwt: boolean;
}

export interface ApiCatalogFacts {
  present: boolean;
  url: string;
  valid: boolean;
  linkCount: number;
  apiCount: number;
  via: 'well-known' | 'link-header' | 'link-element' | null;
  /** A rel="api-catalog" target declared by a page (Link header or <link>), when any. */
  linked: string | null;
  contentType: string | null;
  profile: boolean;
  /** The first catalog entries: the API (anchor) and its descriptions and docs. */
  entries: Array<{ anchor: string | null; serviceDesc: string[]; serviceDoc: string[] }>;
  nestedCatalogs: string[];
  errors: string[];
}

export interface SecurityTxtFacts {
  present: boolean;
  url: string;
  legacyLocation: boolean;
  signed: boolean;
  fields: SecurityTxtFields;
  missingRequired: string[];
  expired: boolean;
  expires: string | null;
  expiresInDays: number | null;
  contentType: string | null;
}

export interface FeedFacts {
  url: string;
  /** The type the page declared. */
  type: string;
  declaredOn: string;
  valid: boolean;
  format: FeedFormat | null;
  title: string | null;
  entries: number;
  /** ISO date of the newest entry, null when none is dated. */
  newest: string | null;
  /**
   * Whole days from the newest entry to the audit start (Snapshot.startedAt); 0 for an entry dated
   * after it (a finding says so); null when no entry is dated.
   */
  newestAgeDays: number | null;
  error: string | null;
}

/** A type alias, not an interface: it is then assignable to Record<string, unknown> (report.json `probes[].facts`). */
export type AgentDiscoveryFacts = {
  apiCatalog: ApiCatalogFacts;
  apisJson: { present: boolean; url: string; valid: boolean; name: string | null; apiCount: number; apis: ApisJsonApi[] };
  mcp: {
    present: boolean; url: string | null; name: string | null; version: string | null; endpoint: string | null; transport: string | null;
    toolCount: number | null; checkedUrls: string[]; preStandard: true;
  };
  aiPlugin: { present: boolean; url: string; nameForModel: string | null; apiUrl: string | null; schemaVersion: string | null; preStandard: true };
  a2aAgentCard: { present: boolean; url: string; name: string | null; endpoint: string | null; skillCount: number | null; preStandard: true };
  securityTxt: SecurityTxtFacts;
  openSearch: { present: boolean; url: string | null; valid: boolean; shortName: string | null; template: string | null; declaredOn: string | null };
  feeds: FeedFacts[];
  /** The smallest newestAgeDays over the valid feeds: how fresh the freshest feed is. Null when no valid feed is dated. */
  newestFeedAgeDays: number | null;
  contentSignals: Array<Omit<ContentSignal, 'unknown'>>;
  contentSignalPreStandard: true;
  llmsTxt: { present: boolean; url: string; preStandard: true };
  /** OAuth / OpenID Connect discovery metadata on the portal origin and the authorization hosts the docs name. */
  authMetadata: AuthMetadataFacts;
  /** URLs robots.txt kept portalprobe from asking (not evidence of absence). */
  notChecked: string[];
  /** Names of the signals found: api-catalog, apis.json, mcp-server-card, ai-plugin, a2a-agent-card, security.txt, opensearch, feed, content-signal, llms.txt, auth-metadata (a valid RFC 8414 / OIDC document). */
  signalsFound: string[];
  /** The subset of signalsFound that is pre-standard. */
  preStandardFound: string[];
};
