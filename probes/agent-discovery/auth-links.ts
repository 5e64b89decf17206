// Where the crawled docs point at OAuth / OpenID Connect: links to metadata documents
// (/.well-known/openid-configuration, oauth-authorization-server, oauth-protected-resource) as
// anchors, <link> elements or URLs printed in the text, and authorization/token endpoint URLs
// (…/oauth2/token, …/connect/authorize …) whose host is then an authorization host to ask for
// metadata. No fetching; first occurrence kept, in page order, so the result is deterministic. Pure.
import type { AuthMetadataLink, Page } from '../../src/contract/index.js';
import { locateMetadataUrl } from './auth-metadata.js';

export interface AuthEndpointMention {
  /** The authorization host (scheme, host, port). */
  origin: string;
  /** The endpoint URL as written. */
  url: string;
  page: string;
}

export interface AuthPageSignals {
  metadataLinks: AuthMetadataLink[];
  endpoints: AuthEndpointMention[];
}

/** Text scanned per page: enough for any docs page, bounded for hostile ones. */
const MAX_TEXT_CHARS = 200_000;

// Lengths are bounded so a long run of URL-like characters costs linear time.
const METADATA_URL = /https?:\/\/[^\s"'<>()[\]{}`]{1,2048}?\/\.well-known\/(?:openid-configuration|oauth-authorization-server|oauth-protected-resource)(?:\/[^\s"'<>()[\]{}`]{0,2048})?/gi;

/**
 * An authorization or token endpoint: `https://host[/prefix]/(oauth|oauth2|connect|as|auth)[/x[/y]]/(authorize|token)`,
 * e.g. /oauth2/token, /connect/authorize, /as/token (PingFederate ends in .oauth2, which is not matched),
 * /oauth2/v2.0/token (Microsoft), /oauth2/default/v1/authorize (Okta custom servers).
 */
const ENDPOINT_URL = /https?:\/\/[a-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[\w.~%-]{1,200}){0,4}?\/(?:oauth2?|connect|as|auth)(?:\/[\w.~%-]{1,200}){0,2}?\/(?:authorize|token)(?![\w.-]*[\w-])/gi;

/** Trailing punctuation of a URL printed in prose. */
const trimProse = (url: string): string => url.replace(/[.,;:!?]+$/, '');

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function withoutFragment(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

export interface AuthSignalOptions {
  /** Keep http: endpoint hosts (auditing a plain-HTTP test portal). @default false */
  allowHttp?: boolean;
}

/** Metadata links and endpoint hosts named by the pages. */
export function findAuthSignals(pages: Page[], options: AuthSignalOptions = {}): AuthPageSignals {
  const out: AuthPageSignals = { metadataLinks: [], endpoints: [] };
  const addLink = (href: string, page: string, via: AuthMetadataLink['via']) => {
    const url = withoutFragment(href);
    if (!url || !locateMetadataUrl(url)) return;
    if (!out.metadataLinks.some((l) => l.href === url)) out.metadataLinks.push({ href: url, page, via });
  };
  const addEndpoint = (raw: string, page: string) => {
    const origin = originOf(raw);
    if (!origin || (origin.startsWith('http:') && !options.allowHttp)) return;
    if (!out.endpoints.some((e) => e.origin === origin)) out.endpoints.push({ origin, url: raw, page });
  };
  for (const page of pages) {
    const base = page.finalUrl || page.url;
    for (const tag of page.linkTags) {
      try {
        addLink(new URL(tag.href, base).href, page.url, 'link-element');
      } catch {
        // An unparseable href names nothing.
      }
    }
    for (const anchor of page.anchors) {
      if (anchor.href.includes('/.well-known/')) addLink(anchor.href, page.url, 'anchor');
      for (const m of anchor.href.matchAll(ENDPOINT_URL)) addEndpoint(m[0], page.url);
    }
    const text = (page.mainText || page.visibleText).slice(0, MAX_TEXT_CHARS);
    for (const m of text.matchAll(METADATA_URL)) addLink(trimProse(m[0]), page.url, 'text');
    for (const m of text.matchAll(ENDPOINT_URL)) addEndpoint(m[0], page.url);
  }
  return out;
}
