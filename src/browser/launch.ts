// Finding and launching the headless Chromium that the rendering probe (and, optionally, the crawl)
// uses to run a page's own JavaScript. portalprobe never downloads a browser: it uses one that is
// installed (Debian's `chromium`, or the binary named by PORTALPROBE_CHROMIUM). No browser is not an
// error — the rendering probe falls back to heuristics and says why.
//
// The launch flags are the first of three layers that keep the browser off the network (see
// intercept.ts for the other two): every request the browser makes is meant to be answered by
// portalprobe's own guarded fetch. Should one ever slip past the interception, it is sent to a proxy
// that cannot be resolved, and host resolution inside Chromium answers NOTFOUND for every name —
// verified on this machine: a context without interception reaches neither 127.0.0.1 nor localhost.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { BrowserAccess } from '../contract/index.js';

export const CHROMIUM_ENV = 'PORTALPROBE_CHROMIUM';
export const NO_BROWSER_ENV = 'PORTALPROBE_NO_BROWSER';

/** Looked for in this order when PORTALPROBE_CHROMIUM is not set. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] as const;

const TEXT = {
  disabled: `${NO_BROWSER_ENV} is set: no headless browser is used.`,
  envMissing: (path: string) => `${CHROMIUM_ENV} names ${path}, which does not exist.`,
  notFound: `No Chromium found (set ${CHROMIUM_ENV}, or install chromium at ${CHROMIUM_CANDIDATES.join(', ')}).`,
  launchFailed: (path: string, message: string) => `Chromium at ${path} did not start: ${message}`,
} as const;

/**
 * Chromium switches. Playwright itself adds `--headless`, `--remote-debugging-pipe` and a fresh
 * temporary `--user-data-dir` that it deletes on close (it refuses a `--user-data-dir` in `args`;
 * launchPersistentContext would give one shared context instead of one per page).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Defence in depth: nothing may leave the browser except through route interception.
  '--proxy-server=http://portalprobe-no-network.invalid:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
] as const;

export interface LaunchOptions {
  /** Environment to read PORTALPROBE_CHROMIUM / PORTALPROBE_NO_BROWSER from. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Time allowed for Chromium to start. @default 30_000 */
  timeoutMs?: number;
  /** Called with the reason when no browser is returned. */
  onUnavailable?: (reason: string) => void;
  /** Test seam: whether a path exists. @default fs.existsSync */
  exists?: (path: string) => boolean;
}

export type ChromiumLookup = { executablePath: string } | { executablePath: null; reason: string };

export type LaunchResult = { browser: Browser; executablePath: string } | { browser: null; reason: string };

/** Which Chromium would be used, or why none. Pure apart from `exists`. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): ChromiumLookup {
  if (isSet(env[NO_BROWSER_ENV])) return { executablePath: null, reason: TEXT.disabled };
  const fromEnv = env[CHROMIUM_ENV]?.trim();
  if (fromEnv) return exists(fromEnv) ? { executablePath: fromEnv } : { executablePath: null, reason: TEXT.envMissing(fromEnv) };
  const found = CHROMIUM_CANDIDATES.find((candidate) => exists(candidate));
  return found ? { executablePath: found } : { executablePath: null, reason: TEXT.notFound };
}

/** `PORTALPROBE_NO_BROWSER=0` or `=false` does not disable the browser; any other value does. */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && !/^(?:0|false|no)$/i.test(value.trim());
}

/** Launches Chromium, or says why it could not (never throws). */
export async function tryLaunchBrowser(options: LaunchOptions = {}): Promise<LaunchResult> {
  const lookup = findChromium(options.env ?? process.env, options.exists ?? existsSync);
  if (lookup.executablePath === null) return { browser: null, reason: lookup.reason };
  try {
    // Loaded here, not at the top: importing playwright-core costs about a second, which every
    // CLI start would pay whether or not a browser is used.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: lookup.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      timeout: options.timeoutMs ?? 30_000,
    });
    return { browser, executablePath: lookup.executablePath };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n', 1)[0] : String(err);
    return { browser: null, reason: TEXT.launchFailed(lookup.executablePath, message) };
  }
}

/** The Browser, or null (with the reason passed to `onUnavailable`) when none can be used. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser | null> {
  const result = await tryLaunchBrowser(options);
  if (result.browser === null) options.onUnavailable?.(result.reason);
  return result.browser;
}

/** Closes a browser launched here; its temporary profile goes with it. Never throws. */
export async function closeBrowser(browser: Browser | null | undefined): Promise<void> {
  if (!browser) return;
  await browser.close().catch(() => {});
}

/** A launch result as the probes receive it (ProbeContext.browser). */
export function browserAccess(launched: LaunchResult): BrowserAccess {
  return launched.browser ? { state: 'available', browser: launched.browser } : { state: 'unavailable', reason: launched.reason };
}
