// Finds candidate spec URLs in what the crawl already holds: `<link rel="service-desc">` (RFC 8631),
// `rel="describedby"` with an OpenAPI-ish type, HTTP `Link:` headers, the spec a Swagger UI /
// Redoc / RapiDoc / Stoplight Elements / Scalar page loads, and `<a>` links to spec files or with
// "OpenAPI"/"Swagger"/"Download spec" text; plus the usual locations on the origin. Pure.
import type { Candidate, FoundVia, Page } from '../../src/contract/index.js';
import { isSameSite } from '../../src/util/site.js';
import type { CatalogTarget } from '../../src/formats/api-catalog.js';
import { parseLinkHeader } from '../../src/formats/link-header.js';
import { httpUrl } from '../../src/util/url.js';

/** Usual spec locations probed on the audited origin (kept as data; each costs one request). */
export const COMMON_SPEC_PATHS: readonly string[] = [
  '/openapi.json',
  '/openapi.yaml',
  '/swagger.json',
  '/v3/api-docs', // springdoc-openapi default
  '/api-docs', // swagger-jsdoc / express and springfox conventions
  '/.well-known/openapi.json',
];

/** RFC 9727 well-known URI of the API catalog. */
export const API_CATALOG_PATH = '/.well-known/api-catalog';
/** APIs.json (apisjson.org) at the site root. */
export const APIS_JSON_PATH = '/apis.json';

/** Candidates are checked in this order until the cap: declared pointers first, guesses last. */
const PRIORITY: Record<FoundVia, number> = {
  'link-service-desc': 0,
  'link-header': 0,
  'api-catalog': 1,
  'apis-json': 1,
  'link-describedby': 1,
  'docs-ui': 2,
  anchor: 3,
  'anchor-text': 4,
  'common-path': 5,
};

/** A path whose file name says spec: openapi.json, swagger.yaml, petstore.openapi.yml, oas3.json … */
const SPEC_FILE = /(^|[/._-])(openapi|swagger|oas\d?|api-?spec)([._-][\w.-]*)?\.(json|ya?ml)$/i;
/** …or a spec-ish folder with a JSON/YAML file in it (/openapi/v1.json, /swagger/v1/swagger.json). */
const SPEC_FOLDER = /\/(openapi|swagger|api-?specs?)\/(.+\/)?[\w.-]+\.(json|ya?ml)$/i;
/** Media types that name an OpenAPI / Swagger document. */
const SPEC_TYPE = /openapi|swagger|vnd\.oai\./i;
const ANCHOR_TEXT = /\b(open\s?api|swagger)\b|\bdownload\b.{0,20}\b(spec|specification|definition)\b/i;
/** Hosts of the specification and tool vendors: links there are about OpenAPI, not this portal's spec. */
const VENDOR_HOSTS = /(^|\.)(openapis\.org|swagger\.io|smartbear\.com|github\.com|apis\.guru|stoplight\.io|redocly\.com)$/i;

/** Where a docs UI names its spec (the first group is the URL). Bounded patterns: no backtracking blow-up. */
const DOCS_UI_PATTERNS: readonly RegExp[] = [
  /<redoc\b[^>]{0,500}?\bspec-url\s*=\s*["']([^"'<>]{1,500})["']/gi,
  /<rapi-doc\b[^>]{0,500}?\bspec-url\s*=\s*["']([^"'<>]{1,500})["']/gi,
  /<elements-api\b[^>]{0,500}?\bapiDescriptionUrl\s*=\s*["']([^"'<>]{1,500})["']/gi,
  /<script\b[^>]{0,300}?\bid\s*=\s*["']api-reference["'][^>]{0,300}?\bdata-url\s*=\s*["']([^"'<>]{1,500})["']/gi,
  /Redoc\.init\(\s*["']([^"'<>]{1,500})["']/g,
];
/** Swagger UI: `SwaggerUIBundle({ url: "…" })` or `urls: [{ url: "…" }]` inside the call. */
const SWAGGER_UI_CALL = /SwaggerUI(?:Bundle)?\s*\(\s*\{/g;
const SWAGGER_UI_URL = /\burl\s*:\s*["'`]([^"'`<>\s]{1,500})["'`]/g;
const SWAGGER_UI_WINDOW = 3000;

export function isSpecFileUrl(url: string): boolean {
  try {
    const { pathname } = new URL(url);
    return SPEC_FILE.test(pathname) || SPEC_FOLDER.test(pathname);
  } catch {
    return false;
  }
}

export function isSpecMediaType(type: string | undefined): boolean {
  return !!type && SPEC_TYPE.test(type);
}

/** Absolute http(s) URL without fragment, or null. */
export function absoluteUrl(href: string, base: string): string | null {
  return httpUrl(href.trim(), base);
}

/** Relations whose targets are API descriptions or may be (RFC 8631, RFC 9727 §2). */
const CATALOG_SPEC_RELS = new Set(['service-desc', 'item', 'service-doc']);

/**
 * The spec URLs among an API catalog's links (src/formats/api-catalog.ts): every `service-desc`
 * target, plus `item` and `service-doc` targets whose URL or type is a spec's.
 */
export function catalogSpecUrls(targets: readonly CatalogTarget[], base: string): string[] {
  const urls = new Set<string>();
  for (const t of targets) {
    if (!CATALOG_SPEC_RELS.has(t.rel)) continue;
    const href = httpUrl(t.href, base);
    if (href && (t.rel === 'service-desc' || isSpecFileUrl(href) || isSpecMediaType(t.type))) urls.add(href);
  }
  return [...urls];
}

/** Collects candidates, merging routes for the same URL; `add` keeps the first `foundOn`. */
export class CandidateSet {
  private readonly byUrl = new Map<string, Candidate>();

  add(href: string, base: string, via: FoundVia, foundOn: string | null): void {
    const url = absoluteUrl(href, base);
    if (!url) return;
    const existing = this.byUrl.get(url);
    if (existing) {
      if (!existing.foundVia.includes(via)) existing.foundVia.push(via);
      return;
    }
    this.byUrl.set(url, { url, foundVia: [via], foundOn });
  }

  has(url: string): boolean {
    return this.byUrl.has(url);
  }

  /** Candidates by best route (declared first), then in the order found. */
  ordered(): Candidate[] {
    const best = (c: Candidate): number => Math.min(...c.foundVia.map((v) => PRIORITY[v]));
    return [...this.byUrl.values()].map((c, i) => ({ c, i })).sort((a, b) => best(a.c) - best(b.c) || a.i - b.i).map((x) => x.c);
  }
}

/** Link header values with rel service-desc / describedby (RFC 8288 §3, RFC 8631). */
export function linkHeaderTargets(header: string | undefined): Array<{ href: string; rel: string; type?: string }> {
  if (!header) return [];
  return parseLinkHeader(header)
    .filter((link) => link.params.rel !== undefined)
    .map((link) => ({ href: link.target, rel: link.params.rel.toLowerCase(), type: link.params.type }));
}

/** Spec URLs a docs UI page loads, as written (relative ones resolve against the page). */
export function docsUiSpecUrls(html: string): string[] {
  const urls: string[] = [];
  for (const pattern of DOCS_UI_PATTERNS) {
    for (const m of html.matchAll(pattern)) urls.push(m[1]);
  }
  for (const call of html.matchAll(SWAGGER_UI_CALL)) {
    const window = html.slice(call.index, call.index + SWAGGER_UI_WINDOW);
    for (const m of window.matchAll(SWAGGER_UI_URL)) urls.push(m[1]);
  }
  return [...new Set(urls)];
}

const relTokens = (rel: string): string[] => rel.toLowerCase().split(/\s+/).filter(Boolean);

/** Adds every candidate one crawled page points to. */
export function addPageCandidates(set: CandidateSet, page: Page, origin: string): void {
  const base = page.finalUrl || page.url;
  for (const link of page.linkTags) {
    const rels = relTokens(link.rel);
    if (rels.includes('service-desc')) set.add(link.href, base, 'link-service-desc', base);
    else if (rels.includes('describedby') && (isSpecMediaType(link.type) || isSpecFileUrl(absoluteUrl(link.href, base) ?? ''))) {
      set.add(link.href, base, 'link-describedby', base);
    }
  }
  for (const target of linkHeaderTargets(page.headers.link)) {
    const rels = relTokens(target.rel);
    if (rels.includes('service-desc') || (rels.includes('describedby') && isSpecMediaType(target.type))) {
      set.add(target.href, base, 'link-header', base);
    }
  }
  if (page.html) for (const href of docsUiSpecUrls(page.html)) set.add(href, base, 'docs-ui', base);
  for (const anchor of page.anchors) {
    if (isSpecFileUrl(anchor.href)) {
      set.add(anchor.href, base, 'anchor', base);
    } else if (ANCHOR_TEXT.test(anchor.text) && sameSite(anchor.href, origin)) {
      set.add(anchor.href, base, 'anchor-text', base);
    }
  }
}

/** The portal's own site (src/util/site.ts), never a vendor host. */
function sameSite(url: string, origin: string): boolean {
  try {
    return !VENDOR_HOSTS.test(new URL(url).hostname) && isSameSite(url, origin);
  } catch {
    return false;
  }
}

/** The usual spec locations on the origin. */
export function addCommonPaths(set: CandidateSet, origin: string): void {
  for (const path of COMMON_SPEC_PATHS) set.add(path, origin, 'common-path', null);
}
