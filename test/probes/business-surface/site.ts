// Test helper: handmade portals for the business-surface tests — pages parsed by the crawl's own
// parser (makePage) on https://portal.example, analysed with the shipped keyword lists.
import { keywordRegistry } from '../../../probes/business-surface/index.js';
import { analyzeSurface } from '../../../probes/business-surface/surface.js';
import type { SurfaceFacts } from '../../../probes/business-surface/types.js';
import type { Page, Snapshot } from '../../../src/contract/index.js';
import { makePage, makeSnapshot } from '../../helpers/probe-context.js';

export const ORIGIN = 'https://portal.example';

export interface SitePage {
  path: string;
  /** Full HTML; or give title/body (and lang). */
  html?: string;
  title?: string;
  body?: string;
  lang?: string;
  status?: number;
  /** Where the fetch ended after redirects (a path or an absolute URL). */
  finalPath?: string;
  contentType?: string;
  error?: { code: string; message: string };
}

export function doc(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

const abs = (p: string) => (/^https?:/.test(p) ? p : `${ORIGIN}${p}`);

export function pageOf(p: SitePage): Page {
  const html = p.html ?? (p.title !== undefined || p.body !== undefined ? doc(p.title ?? '', p.body ?? '', p.lang) : '');
  const headers = p.contentType ? { 'content-type': p.contentType } : undefined;
  const page = makePage({ url: abs(p.path), html, status: p.status, headers, finalUrl: p.finalPath ? abs(p.finalPath) : undefined });
  if (p.error) page.error = p.error;
  return page;
}

export function siteOf(pages: SitePage[], skippedByRobots: string[] = []): Snapshot {
  const snapshot = makeSnapshot(ORIGIN, pages.map(pageOf));
  snapshot.skippedByRobots = skippedByRobots.map(abs);
  return snapshot;
}

export function analyze(pages: SitePage[], skippedByRobots: string[] = []): Promise<SurfaceFacts> {
  return analyzeSurface(siteOf(pages, skippedByRobots), keywordRegistry());
}

/** A home page whose nav holds the given links ([text, href]). */
export function home(links: Array<[string, string]>, body = ''): SitePage {
  const nav = links.map(([text, href]) => `<a href="${href}">${text}</a>`).join(' ');
  return { path: '/', title: 'Acme Developer Portal', body: `<nav>${nav}</nav><main><h1>Build with the Acme API</h1>${body}</main>` };
}
