// Probe `rendering`: heuristic mode (no browser) over in-memory pages, page selection bounds, and
// browser mode against the fixture portal in a real Chromium, every request through the guarded
// client (the fixture is served under a fake public host name; private addresses stay blocked).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import probe, { MAX_RENDERS, selectPages } from '../../../probes/rendering/index.js';
import { browserAccess, closeBrowser, DOCUMENT_ACCEPT, tryLaunchBrowser } from '../../../src/browser/browser.js';
import type { BrowserAccess } from '../../../src/contract/index.js';
import type { Page, RenderingFacts } from '../../../src/contract/index.js';
import { detectAppShell } from '../../../src/browser/app-shell.js';
import { chromiumAvailable, startFixtureSite, type FixtureSite } from '../../browser/fixture-site.js';
import { makeContext, makePage, makeSnapshot } from '../../helpers/probe-context.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/rendering');
const shell = (name: string) => readFileSync(path.join(FIXTURES, 'shells', name), 'utf8');
const ORIGIN = 'https://portal.acme.test';
const STATIC_HTML = readFileSync(path.join(FIXTURES, 'static-handmade', 'docs-with-widget.html'), 'utf8');

function portal(): Page[] {
  const home = makePage({ url: `${ORIGIN}/`, html: STATIC_HTML.replace('Webhooks — Acme Docs', 'Acme') });
  home.via = 'start';
  return [
    home,
    makePage({ url: `${ORIGIN}/docs/webhooks`, html: STATIC_HTML, depth: 1 }),
    makePage({ url: `${ORIGIN}/console`, html: shell('create-react-app.html'), depth: 1 }),
    makePage({ url: `${ORIGIN}/reference`, html: shell('angular.html'), depth: 2 }),
    makePage({ url: `${ORIGIN}/gone`, html: '<html><body>Not found</body></html>', status: 404, depth: 2 }),
  ];
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('rendering probe without a browser (heuristic mode)', () => {
  it('judges app shells from their HTML when PORTALPROBE_NO_BROWSER is set', async () => {
    vi.stubEnv('PORTALPROBE_NO_BROWSER', '1');
    const { ctx, calls } = makeContext(makeSnapshot(ORIGIN, portal()));
    // As the audit does: it launches (or not) the one browser and hands the probe the outcome.
    ctx.browser = browserAccess(await tryLaunchBrowser());
    const { facts, findings } = await probe.run(ctx);
    expect(facts.mode).toBe('heuristic');
    expect(facts.jsOnlyUrls).toEqual([`${ORIGIN}/console`, `${ORIGIN}/reference`]);
    expect(facts.browserUnavailableReason).toMatch(/PORTALPROBE_NO_BROWSER/);
    expect(facts.pagesRendered).toBe(0);
    expect(facts.renderedOnlyLinks).toEqual([]);
    // Start page first, then the shells; the 404 is not a candidate.
    expect(facts.pages.map((p) => p.url)).toEqual([`${ORIGIN}/`, `${ORIGIN}/console`, `${ORIGIN}/reference`, `${ORIGIN}/docs/webhooks`]);
    expect(facts.pages[1]).toMatchObject({
      rawWords: 0, renderedWords: null, ratio: null, jsOnly: true, verdict: 'heuristic', emptyRoot: '<div id="root"></div>',
      signals: expect.arrayContaining(['empty-app-root', 'noscript-enable-js']),
    });
    expect(findings).toContainEqual({
      severity: 'warning',
      url: `${ORIGIN}/console`,
      message: expect.stringMatching(/looks like a JavaScript app shell \(0 word/),
      evidence: expect.stringContaining('empty-app-root: <div id="root"></div>'),
    });
    expect(findings).toContainEqual({ severity: 'info', message: expect.stringMatching(/not rendered in a browser \(PORTALPROBE_NO_BROWSER/) });
    expect(calls).toEqual([]);
  });

  it('says so when the audit hands it no browser', async () => {
    const { ctx } = makeContext(makeSnapshot(ORIGIN, portal()));
    const { facts } = await probe.run(ctx);
    expect(facts).toMatchObject({ mode: 'heuristic', browserUnavailableReason: 'the audit runs without a headless browser' });
  });

  it('passes on the reason the audit gives for having no browser', async () => {
    const { ctx } = makeContext(makeSnapshot(ORIGIN, portal()));
    ctx.browser = { state: 'unavailable', reason: 'No Chromium found' };
    const { facts, findings } = await probe.run(ctx);
    expect(facts).toMatchObject({ mode: 'heuristic', browserUnavailableReason: 'No Chromium found' });
    expect(findings).toContainEqual({ severity: 'info', message: expect.stringContaining('(No Chromium found)') });
  });

  it('reports nothing to render when the crawl has no HTML page', async () => {
    vi.stubEnv('PORTALPROBE_NO_BROWSER', '1');
    const { ctx } = makeContext(makeSnapshot(ORIGIN, [makePage({ url: `${ORIGIN}/`, status: 500, html: '<p>boom</p>' })]));
    const { facts, findings } = await probe.run(ctx);
    expect(facts).toMatchObject({ mode: 'heuristic', jsOnlyUrls: [], pages: [], browserUnavailableReason: 'the crawl found no HTML page to render' });
    expect(findings).toEqual([]);
  });
});

describe('selectPages', () => {
  const many = (n: number, shells: number[]) => {
    const pages = Array.from({ length: n }, (_, i) =>
      makePage({ url: `${ORIGIN}/p${String(i).padStart(2, '0')}`, html: shells.includes(i) ? shell('vue-cli.html') : STATIC_HTML, depth: i % 4 }));
    pages[Math.min(7, n - 1)].via = 'start';
    return pages.map((page) => ({ page, verdict: detectAppShell(page) }));
  };

  it('renders at most MAX_RENDERS pages: the start page, every shell, then a spread of the rest', () => {
    const candidates = many(40, [3, 21, 39]);
    const { ctx } = makeContext(makeSnapshot(ORIGIN, candidates.map((c) => c.page)));
    const chosen = selectPages(candidates, ctx);
    expect(MAX_RENDERS).toBe(15);
    expect(chosen).toHaveLength(15);
    expect(chosen[0].page.url).toBe(`${ORIGIN}/p07`);
    expect(chosen.slice(1, 4).map((c) => c.page.url)).toEqual([`${ORIGIN}/p03`, `${ORIGIN}/p21`, `${ORIGIN}/p39`]);
    expect(new Set(chosen).size).toBe(15);
    // The sample spans the depths rather than taking the first eleven shallow pages.
    expect(new Set(chosen.slice(4).map((c) => c.page.depth)).size).toBeGreaterThan(1);
  });

  it('takes every page of a small site', () => {
    const candidates = many(5, [2]);
    const { ctx } = makeContext(makeSnapshot(ORIGIN, candidates.map((c) => c.page)));
    expect(selectPages(candidates, ctx)).toHaveLength(5);
  });
});

describe.runIf(chromiumAvailable)('rendering probe in Chromium (browser mode)', () => {
  let browser: Browser;
  let site: FixtureSite;
  let pages: Page[];

  beforeAll(async () => {
    const launched = await tryLaunchBrowser({ env: { ...process.env, PORTALPROBE_NO_BROWSER: undefined } });
    if (!launched.browser) throw new Error(`Chromium exists but did not launch: ${launched.reason}`);
    browser = launched.browser;
    site = await startFixtureSite();
    // Pages as the crawl would hold them: fetched once through the guarded client, then parsed.
    pages = [];
    for (const [p, depth] of [['/', 0], ['/docs/getting-started', 1], ['/app', 1], ['/probe', 1]] as const) {
      const url = `${site.origin}${p}`;
      const res = await site.fetch(url, { headers: { accept: DOCUMENT_ACCEPT } });
      expect(res.status).toBe(200);
      pages.push(makePage({ url, html: res.body.toString('utf8'), depth }));
    }
    pages[0].via = 'start';
  }, 60_000);

  afterAll(async () => {
    await closeBrowser(browser);
    await site?.close();
  });

  function contextFor(browserValue: BrowserAccess) {
    const snapshot = makeSnapshot(site.origin, pages);
    const { ctx } = makeContext(snapshot);
    ctx.fetch = site.fetch;
    ctx.browser = browserValue;
    return ctx;
  }

  it('measures raw versus rendered words and finds the JS-only page and its hidden links', async () => {
    const before = site.calls.length;
    const { facts, findings } = await probe.run(contextFor({ state: 'available', browser }));
    expect(facts.mode).toBe('browser');
    expect(facts.browserUnavailableReason).toBeUndefined();
    expect(facts.pagesRendered).toBe(4);
    expect(facts.renderErrors).toBe(0);
    expect(facts.jsOnlyUrls).toEqual([`${site.origin}/app`]);
    expect(facts.renderedOnlyLinks).toContain(`${site.origin}/docs/hidden-guide`);

    const byUrl = new Map(facts.pages.map((p) => [p.url, p]));
    const app = byUrl.get(`${site.origin}/app`)!;
    expect(app).toMatchObject({ rawWords: 0, ratio: 0, jsOnly: true, verdict: 'measured', emptyRoot: '<div id="root"></div>' });
    expect(app.renderedWords).toBeGreaterThan(100);
    expect(app.signals).toEqual(expect.arrayContaining(['empty-app-root', 'noscript-enable-js']));
    const docs = byUrl.get(`${site.origin}/docs/getting-started`)!;
    expect(docs.jsOnly).toBe(false);
    expect(docs.ratio).toBeGreaterThan(0.8);
    expect(docs.ratio).toBeLessThan(1.3);
    // The network-policy page still rendered (its own text plus what its script wrote).
    const policy = byUrl.get(`${site.origin}/probe`)!;
    expect(policy.renderedWords).toBeGreaterThan(policy.rawWords);
    expect(policy.jsOnly).toBe(false);

    expect(findings).toContainEqual({
      severity: 'warning',
      url: `${site.origin}/app`,
      message: expect.stringMatching(/shows 0 word\(s\) in its HTML but \d+ once its JavaScript runs/),
      evidence: expect.stringMatching(/^raw HTML 0 word\(s\) vs rendered \d+ word\(s\); empty app root <div id="root"><\/div>$/),
    });
    expect(findings.filter((f) => f.severity === 'warning')).toHaveLength(1);

    // Pages came from the snapshot: the probe fetched none of them again, only their scripts.
    const fetched = site.calls.slice(before).map((c) => c.url);
    for (const page of pages) expect(fetched).not.toContain(page.url);
    expect(fetched).toContain(`${site.origin}/static/app-data.js`);
    // Nothing reached the internal service; the metadata and private addresses were refused.
    expect(site.canaryHits).toEqual([]);
    for (const call of site.calls.filter((c) => /^http:\/\/(?:169\.254|10\.|127\.)/.test(c.url))) {
      expect(call).toMatchObject({ status: 0, errorCode: 'PP_ERR_BLOCKED_ADDRESS' });
    }
  });

  it('renders with a browser launched the way the audit launches one', async () => {
    vi.stubEnv('PORTALPROBE_NO_BROWSER', '');
    const launched = await tryLaunchBrowser();
    try {
      const { facts } = await probe.run(contextFor(browserAccess(launched)));
      expect(facts.mode).toBe('browser');
      expect(facts.jsOnlyUrls).toEqual([`${site.origin}/app`]);
    } finally {
      await closeBrowser(launched.browser);
    }
  });

  it('falls back to heuristics with PORTALPROBE_NO_BROWSER=1 on the same portal', async () => {
    vi.stubEnv('PORTALPROBE_NO_BROWSER', '1');
    const { facts }: { facts: RenderingFacts } = await probe.run(contextFor(browserAccess(await tryLaunchBrowser())));
    expect(facts.mode).toBe('heuristic');
    expect(facts.jsOnlyUrls).toEqual([`${site.origin}/app`]);
    expect(facts.browserUnavailableReason).toMatch(/PORTALPROBE_NO_BROWSER/);
  });
});
