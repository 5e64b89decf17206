// The headless-browser module against a real Chromium and the fixture portal: rendering runs the
// page's JavaScript, every request goes through portalprobe's guarded fetch (nothing reaches a
// private, loopback or metadata address), and failures come back as data.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS, closeBrowser, decideRequest, findChromium, launchBrowser, normalizeLinks, renderPage, tryLaunchBrowser,
} from '../../src/browser/browser.js';
import { fulfilHeaders } from '../../src/browser/intercept.js';
import { createRenderLinks } from '../../src/browser/render-links.js';
import { makePage } from '../helpers/probe-context.js';
import { chromiumAvailable, PUBLIC_HOST, startFixtureSite, type FixtureSite } from './fixture-site.js';

describe('findChromium', () => {
  const only = (...paths: string[]) => (p: string) => paths.includes(p);
  const cases: Array<{ name: string; env: NodeJS.ProcessEnv; exists: (p: string) => boolean; path: string | null; reason?: RegExp }> = [
    { name: 'Debian chromium', env: {}, exists: only('/usr/bin/chromium'), path: '/usr/bin/chromium' },
    { name: 'chromium-browser when chromium is absent', env: {}, exists: only('/usr/bin/chromium-browser', '/usr/bin/google-chrome'), path: '/usr/bin/chromium-browser' },
    { name: 'google-chrome last', env: {}, exists: only('/usr/bin/google-chrome'), path: '/usr/bin/google-chrome' },
    { name: 'PORTALPROBE_CHROMIUM wins', env: { PORTALPROBE_CHROMIUM: '/opt/c/chrome' }, exists: only('/opt/c/chrome', '/usr/bin/chromium'), path: '/opt/c/chrome' },
    { name: 'PORTALPROBE_CHROMIUM naming a missing file', env: { PORTALPROBE_CHROMIUM: '/nope/chrome' }, exists: only('/usr/bin/chromium'), path: null, reason: /PORTALPROBE_CHROMIUM names \/nope\/chrome/ },
    { name: 'nothing installed', env: {}, exists: only(), path: null, reason: /No Chromium found/ },
    { name: 'PORTALPROBE_NO_BROWSER=1', env: { PORTALPROBE_NO_BROWSER: '1' }, exists: only('/usr/bin/chromium'), path: null, reason: /PORTALPROBE_NO_BROWSER/ },
    { name: 'PORTALPROBE_NO_BROWSER=0 does not disable', env: { PORTALPROBE_NO_BROWSER: '0' }, exists: only('/usr/bin/chromium'), path: '/usr/bin/chromium' },
  ];
  it.each(cases)('$name', ({ env, exists, path: expected, reason }) => {
    const found = findChromium(env, exists);
    expect(found.executablePath).toBe(expected);
    if (reason) expect('reason' in found ? found.reason : '').toMatch(reason);
  });

  it('launchBrowser returns null with the reason instead of throwing', async () => {
    const reasons: string[] = [];
    const browser = await launchBrowser({ env: { PORTALPROBE_CHROMIUM: '/nonexistent/chromium' }, onUnavailable: (r) => reasons.push(r) });
    expect(browser).toBeNull();
    expect(reasons[0]).toMatch(/does not exist/);
  });

  it('a binary that is not a browser gives null with "did not start"', async () => {
    const result = await tryLaunchBrowser({ env: { PORTALPROBE_CHROMIUM: '/bin/false' }, timeoutMs: 10_000 });
    expect(result.browser).toBeNull();
    expect('reason' in result ? result.reason : '').toMatch(/did not start/);
  });

  it('keeps the browser off the network in its launch flags', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-quic', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND']));
    expect(CHROMIUM_ARGS.some((a) => a.startsWith('--proxy-server='))).toBe(true);
    // Playwright refuses --user-data-dir in args; it makes (and removes) a temporary profile itself.
    expect(CHROMIUM_ARGS.some((a) => a.startsWith('--user-data-dir'))).toBe(false);
  });
});

describe('decideRequest (pure policy)', () => {
  const base = { method: 'GET', resourceType: 'script', subframeNavigation: false };
  it.each([
    { url: 'https://x.test/app.js', over: {}, expected: 'fetch' },
    { url: 'http://x.test/', over: { resourceType: 'document' }, expected: 'fetch' },
    { url: 'http://x.test/api', over: { resourceType: 'fetch' }, expected: 'fetch' },
    { url: 'http://x.test/api', over: { resourceType: 'xhr', method: 'HEAD' }, expected: 'fetch' },
    { url: 'http://x.test/s.css', over: { resourceType: 'stylesheet' }, expected: 'fetch' },
    { url: 'http://x.test/a.png', over: { resourceType: 'image' }, expected: 'type' },
    { url: 'http://x.test/a.mp4', over: { resourceType: 'media' }, expected: 'type' },
    { url: 'http://x.test/a.woff2', over: { resourceType: 'font' }, expected: 'type' },
    { url: 'http://x.test/b', over: { resourceType: 'ping' }, expected: 'type' },
    { url: 'http://x.test/e', over: { resourceType: 'eventsource' }, expected: 'type' },
    { url: 'http://x.test/m', over: { resourceType: 'manifest' }, expected: 'type' },
    { url: 'http://x.test/api', over: { resourceType: 'fetch', method: 'POST' }, expected: 'method' },
    { url: 'ftp://x.test/file', over: {}, expected: 'scheme' },
    { url: 'file:///etc/passwd', over: { resourceType: 'document' }, expected: 'scheme' },
    { url: 'not a url', over: {}, expected: 'scheme' },
    { url: 'http://x.test/frame', over: { resourceType: 'document', subframeNavigation: true }, expected: 'subframe' },
  ])('$url ($over) → $expected', ({ url, over, expected }) => {
    const decision = decideRequest({ ...base, ...over, url });
    expect(decision.action === 'fetch' ? 'fetch' : decision.reason).toBe(expected);
  });

  it('hands the browser decoded bodies without framing, cookie or HSTS headers', () => {
    expect(fulfilHeaders({
      'content-type': 'text/html', 'content-encoding': 'br', 'content-length': '9', 'set-cookie': 'a=b',
      'strict-transport-security': 'max-age=1', 'x-robots-tag': 'noindex',
    })).toEqual({ 'content-type': 'text/html', 'x-robots-tag': 'noindex' });
  });

  it('normalizes links like the crawl: absolute http(s), no fragments, unique', () => {
    expect(normalizeLinks(['/a#x', 'http://o.test/a', 'mailto:x@y', 'javascript:void(0)', '#top', 'https://e.test/b?q=1#f', ''], 'http://o.test/p/'))
      .toEqual(['http://o.test/a', 'https://e.test/b?q=1']);
  });
});

describe.runIf(chromiumAvailable)('renderPage in Chromium', () => {
  let browser: Browser;
  let site: FixtureSite;

  beforeAll(async () => {
    const launched = await tryLaunchBrowser({ env: { ...process.env, PORTALPROBE_NO_BROWSER: undefined } });
    if (!launched.browser) throw new Error(`Chromium exists but did not launch: ${launched.reason}`);
    browser = launched.browser;
    site = await startFixtureSite({ delays: { '/static/slow.js': 15_000 } });
  }, 60_000);

  afterAll(async () => {
    await closeBrowser(browser);
    await site?.close();
  });

  it('renders a static page: text, title, links and status', async () => {
    const r = await renderPage(browser, `${site.origin}/docs/getting-started`, { fetch: site.fetch });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.title).toBe('Getting started — Acme Docs');
    expect(r.text).toContain('Getting started with the Acme API');
    expect(r.links).toEqual([`${site.origin}/`, `${site.origin}/docs/getting-started`]);
    // The page's script went through the fetch like the document did.
    expect(r.requests).toContainEqual(expect.objectContaining({ url: `${site.origin}/static/analytics.js`, outcome: 'fulfilled', status: 200 }));
  });

  it('runs the app shell\'s JavaScript and finds the links it injects', async () => {
    const r = await renderPage(browser, `${site.origin}/app`, { fetch: site.fetch });
    expect(r.text).toContain('Welcome to the Acme console');
    expect(r.text).toContain('Read the integration guide');
    expect(r.links).toContain(`${site.origin}/docs/hidden-guide`);
    expect(r.links).toContain(`${site.origin}/docs/getting-started`);
    expect(r.requests).toContainEqual(expect.objectContaining({ url: `${site.origin}/static/app-data.js`, outcome: 'fulfilled' }));
    // Images and fonts are never fetched.
    expect(r.requests).toContainEqual(expect.objectContaining({ url: `${site.origin}/static/logo.png`, outcome: 'aborted', reason: 'type' }));
    expect(site.calls.map((c) => c.url)).not.toContain(`${site.origin}/static/logo.png`);
    expect(site.calls.some((c) => c.url.endsWith('.woff2'))).toBe(false);
  });

  it('refuses every request to metadata, private and loopback addresses and still reads the page', async () => {
    const before = site.calls.length;
    const r = await renderPage(browser, `${site.origin}/probe`, { fetch: site.fetch });
    expect(r.text).toContain('Network policy test');
    expect(r.text).toContain('Rendered by the page script.');
    expect(r.text).toContain('refused http://169.254.169.254/latest/meta-data/');
    expect(r.text).toContain('refused http://10.0.0.1/');
    expect(r.text).toContain(`refused ${site.canaryUrl}`);
    expect(r.text).not.toContain('reached');

    const calls = site.calls.slice(before);
    const internal = calls.filter((c) => !new URL(c.url).hostname.endsWith(PUBLIC_HOST));
    // The page's fetch() and XHR calls reached portalprobe's fetch, which refused them all…
    expect(internal.map((c) => c.url)).toEqual(expect.arrayContaining([
      'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://127.0.0.1/', site.canaryUrl, 'http://10.0.0.1/xhr',
    ]));
    for (const c of internal) expect(c, c.url).toMatchObject({ status: 0, errorCode: 'PP_ERR_BLOCKED_ADDRESS' });
    // …the image, iframe, beacon and WebSocket never got that far…
    const aborted = r.requests.filter((q) => q.outcome === 'aborted');
    expect(aborted).toContainEqual(expect.objectContaining({ url: 'http://169.254.169.254/latest/meta-data/pixel.gif', reason: 'type' }));
    expect(aborted).toContainEqual(expect.objectContaining({ url: 'http://10.0.0.1/frame', reason: 'subframe' }));
    expect(calls.map((c) => c.url)).not.toContain('http://10.0.0.1/frame');
    expect(calls.some((c) => c.url.endsWith('beacon') || c.url.endsWith('ws'))).toBe(false);
    // …no name but the fixture's was resolved, and the internal service saw nothing.
    expect(new Set(site.lookups)).toEqual(new Set([PUBLIC_HOST]));
    expect(site.canaryHits).toEqual([]);
  });

  it('cannot reach the network even without interception (launch-flag layer)', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await expect(page.goto(site.canaryUrl, { timeout: 10_000 })).rejects.toThrow(/ERR_/);
      await expect(page.goto(`${site.portal.url}/`, { timeout: 10_000 })).rejects.toThrow(/ERR_/);
    } finally {
      await context.close();
    }
    expect(site.canaryHits).toEqual([]);
  });

  it('returns a failed document fetch as data', async () => {
    const r = await renderPage(browser, 'http://10.0.0.1/portal', { fetch: site.fetch });
    expect(r).toMatchObject({ status: 0, text: '', links: [], error: { code: 'PP_ERR_BLOCKED_ADDRESS' } });
  });

  it('serves the document it is given without fetching it again', async () => {
    const before = site.calls.length;
    const html = '<html><body><h1>Given</h1><a href="/x#y">x</a></body></html>';
    const url = `${site.origin}/given`;
    const r = await renderPage(browser, url, {
      fetch: site.fetch,
      document: { url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(html), truncated: false, redirects: [], bytes: html.length, durationMs: 1, ttfbMs: 1 },
    });
    expect(r.text.split(/\s+/)).toEqual(['Given', 'x']);
    expect(r.links).toEqual([`${site.origin}/x`]);
    expect(site.calls.slice(before)).toEqual([]);
  });

  it('stops at the page timeout and keeps what was rendered by then', async () => {
    const r = await renderPage(browser, `${site.origin}/slow`, { fetch: site.fetch, timeoutMs: 4_000 });
    expect(r.timedOut).toBe(true);
    expect(r.error?.code).toBe('PP_ERR_TIMEOUT');
    expect(r.text).toContain('This text is in the document before a script');
    expect(r.durationMs).toBeLessThan(9_500);
  });

  it('ends a render at once when the audit is cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 800);
    const r = await renderPage(browser, `${site.origin}/slow`, { fetch: site.fetch, timeoutMs: 15_000, signal: controller.signal });
    expect(r.error?.code).toMatch(/PP_ERR_ABORTED|PP_ERR_TIMEOUT/);
    expect(r.durationMs).toBeLessThan(6_000);
  });

  it('aborts requests over the per-page budget', async () => {
    const r = await renderPage(browser, `${site.origin}/docs/getting-started`, { fetch: site.fetch, maxRequests: 0 });
    expect(r.text).toContain('Getting started with the Acme API');
    expect(r.requests).toContainEqual(expect.objectContaining({ url: `${site.origin}/static/analytics.js`, outcome: 'aborted', reason: 'budget' }));
  });

  it('renders at most two pages at once per browser', async () => {
    let peak = 0;
    const counting = async (url: string, request?: Parameters<FixtureSite['fetch']>[1]) => {
      peak = Math.max(peak, browser.contexts().length);
      return site.fetch(url, request);
    };
    const urls = ['/', '/docs/getting-started', '/app', '/docs/hidden-guide', '/probe'].map((p) => `${site.origin}${p}`);
    const results = await Promise.all(urls.map((u) => renderPage(browser, u, { fetch: counting })));
    expect(results.every((r) => r.text.length > 0)).toBe(true);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(2);
    expect(browser.contexts()).toHaveLength(0);
  });

  it('createRenderLinks renders app shells only and returns their rendered-only links', async () => {
    const page = async (p: string) => {
      const res = await site.fetch(`${site.origin}${p}`, { headers: { accept: 'text/html' } });
      return makePage({ url: `${site.origin}${p}`, html: res.body.toString('utf8') });
    };
    const renderLinks = createRenderLinks(browser, site.fetch);
    const app = await page('/app');
    const docs = await page('/docs/getting-started');
    const before = site.calls.length;
    expect(await renderLinks(docs)).toEqual([]);
    expect(site.calls.length).toBe(before);
    const links = await renderLinks(app);
    expect(links).toContain(`${site.origin}/docs/hidden-guide`);
    expect(links).toContain(`${site.origin}/docs/getting-started`);
    // The app page itself came from the crawl's Page: it was not fetched again.
    expect(site.calls.slice(before).map((c) => c.url)).not.toContain(`${site.origin}/app`);
  });
});

describe.runIf(chromiumAvailable)('browser lifecycle', () => {
  it('removes its temporary profile on close', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'pp-browser-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const browser = await launchBrowser({ env: { ...process.env, PORTALPROBE_NO_BROWSER: undefined } });
      expect(browser).not.toBeNull();
      expect(readdirSync(tmp).length).toBeGreaterThan(0);
      await closeBrowser(browser);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
