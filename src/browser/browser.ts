// The headless-browser module: launch Chromium once per audit (launch.ts) and render pages in it,
// each in a fresh context whose every request goes through portalprobe's guarded fetch
// (intercept.ts). A render runs the page's own JavaScript in a real browser (never in jsdom), waits
// for `load` plus a bounded network-idle settle, and returns what a JavaScript-running agent sees:
// `document.body.innerText` and every `a[href]` as an absolute http(s) URL without fragment (the
// crawl's own link rules). A render never throws for a site failure: it returns `error`.
import type { Browser, BrowserContext, Page as PwPage } from 'playwright-core';
import { resolveHref } from '../crawl/parse-page.js';
import { HostLimiter } from '../fetch/host-limiter.js';
import type { FetchResult } from '../fetch/types.js';
import { DOCUMENT_ACCEPT, interceptRequests, type InterceptRecord, type RenderFetch } from './intercept.js';

export { browserAccess, closeBrowser, findChromium, launchBrowser, tryLaunchBrowser, CHROMIUM_ARGS, CHROMIUM_ENV, NO_BROWSER_ENV } from './launch.js';
export type { LaunchOptions, LaunchResult } from './launch.js';
export { DOCUMENT_ACCEPT, decideRequest, type InterceptRecord, type RenderFetch } from './intercept.js';

export const RENDER_DEFAULTS = {
  /** Navigation, load and settle for one page. */
  timeoutMs: 20_000,
  /** Longest wait for network idle (no request for 500 ms) after `load`. */
  settleMs: 5_000,
  /** Extra time to read text and links after the deadline (a page stuck in a loop is cut off). */
  extractMs: 5_000,
  /** Requests one page may make through the fetch (scripts, styles, XHR). */
  maxRequests: 150,
  /** Body bytes one page may receive in total. */
  maxBytes: 30 * 1024 * 1024,
  /** Pages rendered at once in one browser. */
  concurrency: 2,
} as const;

/** Bounds on what is read from the rendered DOM (hostile pages can be huge). */
const MAX_TEXT_CHARS = 2_000_000;
const MAX_LINKS = 5_000;

export interface RenderOptions {
  /** The audit's guarded, cached fetch (ProbeContext['fetch']). */
  fetch: RenderFetch;
  /** @default 20_000 */
  timeoutMs?: number;
  /** @default 5_000 */
  settleMs?: number;
  /** navigator.userAgent inside the page (the wire User-Agent is always the fetch client's). */
  userAgent?: string;
  /** The page as the crawl fetched it: the navigation is answered from it, with no new request. */
  document?: FetchResult;
  /** @default 150 */
  maxRequests?: number;
  /** @default 30 MiB */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface RenderedPage {
  /** The URL asked for. */
  url: string;
  /** The page's URL when it was read (after redirects and client-side navigation). */
  finalUrl: string;
  /** Status of the document (0 when it could not be fetched). */
  status: number;
  title: string;
  /** document.body.innerText, whitespace as the browser lays it out. */
  text: string;
  /** Absolute http(s) URLs of every a[href], fragments removed, in document order, unique. */
  links: string[];
  /** True when load or settle did not finish in time (text and links are what was there then). */
  timedOut: boolean;
  error?: { code: string; message: string };
  /** Every request the page made and what portalprobe did with it. */
  requests: InterceptRecord[];
  durationMs: number;
}

interface Extracted {
  text: string;
  hrefs: string[];
  baseUri: string;
  title: string;
}

const limiters = new WeakMap<Browser, HostLimiter>();

function limiterFor(browser: Browser): HostLimiter {
  let limiter = limiters.get(browser);
  if (!limiter) {
    limiter = new HostLimiter({ concurrency: RENDER_DEFAULTS.concurrency, delayMs: 0 });
    limiters.set(browser, limiter);
  }
  return limiter;
}

/** Resolves to the value, or to `fallback` after `ms` (the work is left to the caller to cancel). */
function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), Math.max(0, ms));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function message(err: unknown): string {
  return err instanceof Error ? err.message.split('\n', 1)[0] : String(err);
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && err.name === 'TimeoutError';
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

/**
 * Runs in the page: the text a reader sees and the raw link targets. A string, not a function, so
 * that no transpiler helper (esbuild's `__name`, coverage counters) leaks into the page.
 * HTMLAnchorElement.href is already absolute; an SVG <a> keeps its attribute (resolved in Node).
 */
const EXTRACT_SCRIPT = `(() => {
  const root = document.body || document.documentElement;
  const text = root ? (root.innerText ?? root.textContent ?? '') : '';
  const hrefs = [];
  for (const a of document.querySelectorAll('a[href]')) {
    hrefs.push(typeof a.href === 'string' ? a.href : (a.getAttribute('href') || ''));
    if (hrefs.length >= ${MAX_LINKS}) break;
  }
  return { text: String(text).slice(0, ${MAX_TEXT_CHARS}), hrefs, baseUri: document.baseURI, title: String(document.title || '') };
})()`;

/** Absolute http(s), fragment-free, unique links (the crawl's resolveHref rules). */
export function normalizeLinks(hrefs: string[], base: string): string[] {
  const out = new Set<string>();
  for (const href of hrefs) {
    const url = resolveHref(href, base);
    if (url) out.add(url);
  }
  return [...out];
}

/**
 * Renders one page in a fresh browser context. At most RENDER_DEFAULTS.concurrency renders run at
 * once per browser; the context (and every request still pending) is gone when this resolves.
 */
export async function renderPage(browser: Browser, url: string, options: RenderOptions): Promise<RenderedPage> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? RENDER_DEFAULTS.timeoutMs;
  const settleMs = options.settleMs ?? RENDER_DEFAULTS.settleMs;
  const controller = new AbortController();
  let context: BrowserContext | undefined;
  // The audit being cancelled ends the render at once: closing the context rejects whatever waits.
  const onAbort = (): void => {
    controller.abort(options.signal?.reason);
    void context?.close().catch(() => {});
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const result: RenderedPage = {
    url, finalUrl: url, status: 0, title: '', text: '', links: [], timedOut: false, requests: [], durationMs: 0,
  };
  const release = await limiterFor(browser).acquire('render', controller.signal).catch(() => null);
  try {
    if (!release) {
      result.error = { code: 'PP_ERR_ABORTED', message: `Rendering ${url} was cancelled` };
      return result;
    }
    const deadline = Date.now() + timeoutMs;
    const remaining = (): number => Math.max(1, deadline - Date.now());

    // The document first: from the crawl when given, else through the fetch. Its final URL is
    // what the browser opens, so relative links resolve as they do for the crawl.
    let document = options.document;
    if (!document) {
      document = await options.fetch(url, { headers: { accept: DOCUMENT_ACCEPT }, signal: controller.signal });
      if (document.status === 0) {
        result.error = document.error ?? { code: 'PP_ERR_CONNECTION', message: `Could not fetch ${url}` };
        return result;
      }
    }
    const target = withoutFragment(document.finalUrl || url);
    result.finalUrl = target;
    result.status = document.status;

    context = await browser.newContext({
      javaScriptEnabled: true,
      serviceWorkers: 'block',
      acceptDownloads: false,
      userAgent: options.userAgent,
      viewport: { width: 1280, height: 900 },
    });
    const interceptor = await interceptRequests(context, {
      fetch: options.fetch,
      documents: new Map([[target, document]]),
      maxRequests: options.maxRequests ?? RENDER_DEFAULTS.maxRequests,
      maxBytes: options.maxBytes ?? RENDER_DEFAULTS.maxBytes,
      signal: controller.signal,
    });
    result.requests = interceptor.records;
    const page = await context.newPage();
    // Pop-ups (window.open) are not the page; close them at once.
    context.on('page', (other: PwPage) => {
      if (other !== page) void other.close().catch(() => {});
    });

    try {
      const response = await page.goto(target, { waitUntil: 'load', timeout: remaining() });
      if (response) result.status = response.status();
      await page.waitForLoadState('networkidle', { timeout: Math.min(settleMs, remaining()) }).catch(() => {});
    } catch (err) {
      if (isTimeout(err)) {
        result.timedOut = true;
        result.error = { code: 'PP_ERR_TIMEOUT', message: `Rendering ${url} took longer than ${timeoutMs} ms` };
      } else {
        result.error = options.signal?.aborted
          ? { code: 'PP_ERR_ABORTED', message: `Rendering ${url} was cancelled` }
          : { code: 'PP_ERR_CONNECTION', message: `Rendering ${url} failed: ${message(err)}` };
        return result;
      }
    }

    const extracted = await within(
      page.evaluate<Extracted>(EXTRACT_SCRIPT).catch(() => null),
      RENDER_DEFAULTS.extractMs,
      null,
    );
    if (extracted) {
      result.finalUrl = withoutFragment(page.url()) || target;
      result.title = extracted.title.replace(/\s+/g, ' ').trim();
      result.text = extracted.text;
      result.links = normalizeLinks(extracted.hrefs, extracted.baseUri || result.finalUrl);
    } else if (!result.error) {
      result.timedOut = true;
      result.error = { code: 'PP_ERR_TIMEOUT', message: `Reading the rendered ${url} took longer than ${RENDER_DEFAULTS.extractMs} ms` };
    }
    return result;
  } catch (err) {
    result.error = options.signal?.aborted
      ? { code: 'PP_ERR_ABORTED', message: `Rendering ${url} was cancelled` }
      : { code: 'PP_ERR_INTERNAL', message: `Rendering ${url} failed: ${message(err)}` };
    return result;
  } finally {
    controller.abort();
    options.signal?.removeEventListener('abort', onAbort);
    if (context) await within(context.close().catch(() => {}), 10_000, undefined);
    release?.();
    result.durationMs = Math.round(performance.now() - started);
  }
}
