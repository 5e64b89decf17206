// For the crawl: links that exist only once a page's JavaScript has run. Only pages whose raw HTML
// looks like an app shell (app-shell.ts) are rendered — rendering every page would
// multiply the crawl's cost for pages whose links the HTML already shows. Pages reached only
// through these links are recorded by the crawl as via 'rendered': agents that do not run
// JavaScript cannot find them.
import type { Browser } from 'playwright-core';
import type { Page } from '../contract/index.js';
import { detectAppShell } from './app-shell.js';
import { renderedOnlyLinks } from './render-compare.js';
import { renderPage, type RenderOptions } from './browser.js';
import type { RenderFetch } from './intercept.js';
import { pageDocument } from './page-document.js';
import { isHtmlPage } from '../crawl/page-views.js';

export interface RenderLinksOptions extends Omit<RenderOptions, 'fetch' | 'document'> {
  /** App shells rendered at most during one crawl. @default 20 */
  maxRenders?: number;
}

export type RenderLinks = (page: Page) => Promise<string[]>;

export function createRenderLinks(browser: Browser, fetch: RenderFetch, options: RenderLinksOptions = {}): RenderLinks {
  const maxRenders = options.maxRenders ?? 20;
  let renders = 0;
  return async (page) => {
    if (!isHtmlPage(page) || !detectAppShell(page).likelyShell) return [];
    if (renders >= maxRenders) return [];
    renders++;
    const rendered = await renderPage(browser, page.finalUrl, { ...options, fetch, document: pageDocument(page) });
    return renderedOnlyLinks(page.anchors, rendered.links);
  };
}
