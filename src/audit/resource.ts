// Reading one extra URL for a probe: the crawl's copy when the Snapshot already holds the URL as a
// page (probes never fetch a crawled page again), else the audit's cached fetch. The answer is
// reduced to what the markdown and agent-discovery probes judge: status, headers, decoded text and
// whether robots.txt kept portalprobe from asking. Never throws.
import { PAGE_ACCEPT } from '../crawl/crawler.js';
import type { Page, ProbeContext } from '../contract/index.js';
import { decodeBody, mediaType } from '../fetch/decode.js';
import type { FetchRequest } from '../fetch/types.js';
import { looksLikeHtml } from '../llms-txt/response.js';

export interface Resource {
  url: string;
  finalUrl: string;
  /** 0 when there was no HTTP response (see `error`). */
  status: number;
  headers: Record<string, string>;
  /** Media type without parameters, lower-cased ('' when absent). */
  type: string;
  text: string;
  truncated: boolean;
  error?: { code: string; message: string };
  /** The crawl's copy was used; no request was sent. */
  fromSnapshot: boolean;
}

/** The crawl fetches pages with this Accept (src/crawl/crawler.ts); asking the same way hits the audit cache. */
export const CRAWL_ACCEPT = PAGE_ACCEPT;

/** Index of the Snapshot's pages by requested and final URL. */
export function pageIndex(pages: Page[]): Map<string, Page> {
  const index = new Map<string, Page>();
  for (const page of pages) {
    if (!index.has(page.url)) index.set(page.url, page);
    if (page.finalUrl && !index.has(page.finalUrl)) index.set(page.finalUrl, page);
  }
  return index;
}

function fromPage(page: Page): Resource {
  const resource: Resource = {
    url: page.url,
    finalUrl: page.finalUrl || page.url,
    status: page.status,
    headers: page.headers,
    type: mediaType(page.contentType ?? page.headers['content-type']),
    text: page.html,
    truncated: page.truncated,
    fromSnapshot: true,
  };
  if (page.error) resource.error = page.error;
  return resource;
}

export interface ReadOptions {
  /** Accept header; omitted when undefined (same cache entry as other probes that send none). */
  accept?: string;
  maxBodyBytes?: number;
  /** Use the crawl's copy when the Snapshot holds the URL. @default true (false for content negotiation) */
  useSnapshot?: boolean;
}

/**
 * The Snapshot's page when it holds the URL as an HTML page or a non-2xx answer; otherwise a fetch
 * (a 2xx non-HTML page keeps no body in the Snapshot, so it is asked for again with the crawl's
 * Accept: a cache hit).
 */
export async function readResource(ctx: ProbeContext, pages: Map<string, Page>, url: string, options: ReadOptions = {}): Promise<Resource> {
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
    truncated: res.truncated,
    fromSnapshot: false,
  };
  if (res.error) resource.error = { code: res.error.code, message: res.error.message };
  return resource;
}

export const isOk = (r: Resource): boolean => r.status >= 200 && r.status < 300;
export const robotsBlocked = (r: Resource): boolean => r.error?.code === 'PP_ERR_ROBOTS_DISALLOWED';

/** True when the text opens like an HTML document (a soft 404 or a page instead of the file asked for). */
export { looksLikeHtml };

/** True when the answer is an HTML page: by its media type or by its first bytes. */
export function isHtmlAnswer(r: Pick<Resource, 'type' | 'text'>): boolean {
  return r.type === 'text/html' || r.type === 'application/xhtml+xml' || looksLikeHtml(r.text);
}

/** Short "HTTP 404" / "no response: …" / "not checked (robots.txt)" note for evidence strings. */
export function statusNote(r: Resource): string {
  if (robotsBlocked(r)) return 'not checked (robots.txt)';
  if (r.status === 0) return `no response${r.error ? `: ${r.error.message}` : ''}`;
  return `HTTP ${r.status}${r.type ? `, ${r.type}` : ''}`;
}
