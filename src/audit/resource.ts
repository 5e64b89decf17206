// Read from the crawl, else fetch: one extra URL for a probe, as the crawl's copy when the Snapshot
// already holds the URL as a page (probes never fetch a crawled page again), else through the
// audit's cached fetch. The answer is reduced to what probes judge: status, headers, decoded text
// and whether robots.txt kept portalprobe from asking. Never throws. Probes call it as ctx.read
// (src/audit/probe-context.ts); the helpers below judge its answers.
import { PAGE_ACCEPT } from '../crawl/crawler.js';
import type { Page, ReadOptions, Resource } from '../contract/index.js';
import { decodeBody, mediaType } from '../fetch/decode.js';
import type { FetchRequest, FetchResult } from '../fetch/types.js';
import { looksLikeHtml } from '../llms-txt/response.js';

/** The crawl fetches pages with this Accept (src/crawl/crawler.ts); asking the same way hits the audit cache. */
export const CRAWL_ACCEPT = PAGE_ACCEPT;

function fromPage(page: Page): Resource {
  const resource: Resource = {
    url: page.url,
    finalUrl: page.finalUrl || page.url,
    status: page.status,
    headers: page.headers,
    type: mediaType(page.contentType ?? page.headers['content-type']),
    text: page.html,
    bytes: page.bytes,
    truncated: page.truncated,
    redirects: page.redirects,
    fromSnapshot: true,
  };
  if (page.error) resource.error = page.error;
  return resource;
}

/**
 * The Snapshot's page when it holds the URL as an HTML page or a non-2xx answer; otherwise a fetch
 * (a 2xx non-HTML page keeps no body in the Snapshot, so it is asked for again with the crawl's
 * Accept: a cache hit).
 */
export async function readResource(
  ctx: { fetch: (url: string, request?: FetchRequest) => Promise<FetchResult>; signal: AbortSignal },
  pages: ReadonlyMap<string, Page>,
  url: string,
  options: ReadOptions = {},
): Promise<Resource> {
  const page = pages.get(url);
  if (options.useSnapshot !== false && page && page.status !== 0 && (page.html !== '' || page.status < 200 || page.status >= 300)) {
    return fromPage(page);
  }
  const request: FetchRequest = { signal: ctx.signal };
  // A URL the crawl fetched is asked for the crawl's way: the audit cache then answers.
  const accept = page && options.useSnapshot !== false ? CRAWL_ACCEPT : options.accept;
  if (accept !== undefined) request.headers = { accept };
  if (options.maxBodyBytes !== undefined) request.maxBodyBytes = options.maxBodyBytes;
  const res = await ctx.fetch(url, request);
  const contentType = res.headers['content-type'];
  const resource: Resource = {
    url,
    finalUrl: res.finalUrl || url,
    status: res.status,
    headers: res.headers,
    type: mediaType(contentType),
    text: res.status === 0 ? '' : decodeBody(res.body, contentType),
    bytes: res.body.byteLength,
    truncated: res.truncated,
    redirects: res.redirects,
    fromSnapshot: false,
  };
  if (res.error) resource.error = { code: res.error.code, message: res.error.message };
  return resource;
}

export const isOk = (r: Pick<Resource, 'status'>): boolean => r.status >= 200 && r.status < 300;
export const robotsBlocked = (r: Pick<Resource, 'error'>): boolean => r.error?.code === 'PP_ERR_ROBOTS_DISALLOWED';

/** True when the answer is an HTML page: by its media type or by its first bytes. */
export function isHtmlAnswer(r: Pick<Resource, 'type' | 'text'>): boolean {
  return r.type === 'text/html' || r.type === 'application/xhtml+xml' || looksLikeHtml(r.text);
}

/** Short "HTTP 404" / "no response: …" / "not checked (robots.txt)" note for evidence strings. */
export function statusNote(r: Pick<Resource, 'status' | 'type' | 'error'>): string {
  if (robotsBlocked(r)) return 'not checked (robots.txt)';
  if (r.status === 0) return `no response${r.error ? `: ${r.error.message}` : ''}`;
  return `HTTP ${r.status}${r.type ? `, ${r.type}` : ''}`;
}
