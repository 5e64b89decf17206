// An in-memory generated docs portal of N pages for the crawl benchmark: every page ~15–30 KB of
// HTML with 10–20 internal links, a link tree deep enough to need a real crawl but shallow enough
// that maxDepth 5 reaches every page, plus robots.txt, sitemap.xml (an index past 50,000 URLs) and
// llms.txt. Content comes from generated-content.ts; this file only serves it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { UsageError } from '../errors.js';
import { CONTENT_TYPES, originFor, send } from './http-util.js';
import { createGeneratedSite, type GeneratedSite } from './generated-content.js';
import type { RunningPortal } from './static-server.js';

/** Rendered pages kept in memory; past this, pages are rendered again on request. */
const PAGE_CACHE_SIZE = 2_000;

export interface GeneratedPortalOptions {
  /** Number of HTML pages, the home page included (1–100,000). */
  pages: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (a free port) */
  port?: number;
  /** PRNG seed; the same seed serves the same portal. @default DEFAULT_SEED */
  seed?: number;
}

export interface RunningGeneratedPortal extends RunningPortal {
  /** The generated site, for benchmarks and tests that need its paths or link graph. */
  site: GeneratedSite;
}

export async function startGeneratedPortal(options: GeneratedPortalOptions): Promise<RunningGeneratedPortal> {
  const site = createGeneratedSite({ pages: options.pages, seed: options.seed });
  const host = options.host ?? '127.0.0.1';
  const cache = new Map<number, string>();
  let origin = '';

  const server = createServer((req, res) => {
    try {
      handle(site, cache, origin, req, res);
    } catch (err) {
      if (!res.headersSent) send(req, res, { status: 500, headers: { 'Content-Type': CONTENT_TYPES.txt }, body: String(err) });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new UsageError('The server did not bind to a TCP port');
  origin = originFor(host, address.port);

  return {
    url: origin,
    site,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function handle(site: GeneratedSite, cache: Map<number, string>, origin: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, { status: 405, headers: { 'Content-Type': CONTENT_TYPES.txt, Allow: 'GET, HEAD' }, body: 'Method Not Allowed\n' });
    return;
  }
  const path = (req.url ?? '/').split(/[?#]/, 1)[0];
  const text = (type: string, body: string) => send(req, res, { status: 200, headers: { 'Content-Type': type }, body });

  if (path === '/robots.txt') return text(CONTENT_TYPES.txt, site.robotsTxt(origin));
  if (path === '/sitemap.xml') return text(CONTENT_TYPES.xml, site.sitemapXml(origin));
  if (path === '/llms.txt') return text(CONTENT_TYPES.txt, site.llmsTxt(origin));
  const part = /^\/sitemap-(\d+)\.xml$/.exec(path);
  const partXml = part ? site.sitemapPartXml(origin, Number(part[1])) : null;
  if (partXml !== null) return text(CONTENT_TYPES.xml, partXml);

  const index = site.indexOf(path);
  if (index < 0) {
    send(req, res, {
      status: 404,
      headers: { 'Content-Type': CONTENT_TYPES.html },
      body: '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>Not found</h1><p><a href="/">Home</a></p></body></html>\n',
    });
    return;
  }
  let html = cache.get(index);
  if (html === undefined) {
    html = site.renderPage(index);
    if (cache.size >= PAGE_CACHE_SIZE) cache.delete(cache.keys().next().value as number);
    cache.set(index, html);
  }
  text(CONTENT_TYPES.html, html);
}
