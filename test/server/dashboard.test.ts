// The dashboard end to end in headless Chromium (Debian `chromium` + playwright-core): sign in
// with an API key, start real audits of fixture portals on 127.0.0.1 from the page, watch them
// finish, open a report, chart a portal's history, see what changed, compare two portals — with
// no console errors (a CSP violation would be one), on the SQLite and the PostgreSQL store.
// Screenshots go to test-output/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStaticPortal, type RunningPortal } from '../../src/demo/static-server.js';
import { resolveConfig } from '../../src/server/config.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { tempDb, type TempDir } from './helpers.js';
import { freshSchema, type TestSchema } from './pg.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = join(ROOT, 'test/fixtures/crawl/site');
const OUT = join(ROOT, 'test-output');

let portalA: RunningPortal;
let portalB: RunningPortal;
let server: RunningServer;
let db: TempDir;
let pgSchema: TestSchema | undefined;
let browser: Browser;
let page: Page;
let key: string;
const problems: string[] = [];

async function startAudit(url: string): Promise<string> {
  const before = await page.locator('#audits tbody tr').count();
  await page.fill('#audit-url', url);
  await page.fill('#audit-pages', '20');
  await page.click('#audit-form button[type=submit]');
  await page.waitForFunction((n) => document.querySelectorAll('#audits tbody tr').length > n, before);
  return (await page.locator('#audits tbody tr').first().getAttribute('data-id'))!;
}

const row = (id: string) => page.locator(`#audits tbody tr[data-id="${id}"]`);

async function waitDone(id: string): Promise<void> {
  await page.waitForSelector(`#audits tbody tr[data-id="${id}"][data-status="done"]`, { timeout: 90_000 });
}

// The same journey on both stores: the embedded SQLite one and PostgreSQL (pg-boss queue, events by NOTIFY).
describe.each(['sqlite', 'postgres'] as const)('dashboard in headless Chromium (%s store)', (store) => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    portalA = await startStaticPortal({ root: SITE, host: '127.0.0.1', port: 0 });
    portalB = await startStaticPortal({ root: SITE, host: '127.0.0.1', port: 0 });
    db = tempDb();
    pgSchema = store === 'postgres' ? await freshSchema('dash') : undefined;
    server = await startServer(resolveConfig({ port: 0, db: pgSchema?.url ?? db.file, allowPrivate: true, browser: false, logLevel: 'silent', pollingSeconds: 0.5 }));
    key = (await server.app.store.keys.create({ name: 'dashboard-test' })).key;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      // The 401 before the key is entered is expected; anything else is a problem.
      if (m.type() === 'error' && !/401/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.status() !== 401) problems.push(`${r.status()} ${r.url()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await portalA?.close();
    await portalB?.close();
    db?.remove();
    await pgSchema?.drop();
    problems.length = 0;
  });

  it('asks for an API key, then starts an audit and follows it to done', async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#key-panel:not([hidden])');
    await page.fill('#key-input', key);
    await page.click('#key-form button[type=submit]');
    await page.waitForSelector('#key-panel', { state: 'hidden' });
    expect(await page.evaluate(() => sessionStorage.getItem('portalprobe.apiKey'))).toBe(key);

    const id = await startAudit(`${portalA.url}/`);
    // Progress arrives over the event stream before the audit ends.
    await page.waitForFunction((i) => {
      const text = document.querySelector(`#audits tr[data-id="${i}"] .progress-text`)?.textContent ?? '';
      return /pages/.test(text);
    }, id, { timeout: 30_000 });
    await waitDone(id);
    await expect(row(id).locator('.score').textContent()).resolves.toMatch(/^\d+$/);
    expect((await server.app.store.audits.get(id))!.status).toBe('done');
  }, 120_000);

  it('opens the HTML report in a sandboxed frame', async () => {
    const id = (await page.locator('#audits tbody tr[data-status="done"]').first().getAttribute('data-id'))!;
    await row(id).locator('button[data-action=report]').click();
    const frame = page.frameLocator('iframe.report');
    await expect(frame.locator('h1').first().textContent()).resolves.toMatch(/audit/i);
    expect(await page.locator('iframe.report').getAttribute('sandbox')).not.toContain('allow-scripts');
    await page.screenshot({ path: join(OUT, `dashboard-report-${store}.png`), fullPage: false });
  }, 60_000);

  it('charts the score history of a portal audited twice and shows what changed', async () => {
    const second = await startAudit(`${portalA.url}/`);
    await waitDone(second);
    await row(second).locator('button[data-action=history]').click();
    await page.waitForSelector('svg.chart path[data-series="overall"]', { state: 'attached' });
    expect(await page.locator('svg.chart circle').count()).toBeGreaterThanOrEqual(2 * 4);
    await page.click('#detail-body button:has-text("What changed")');
    await page.waitForSelector('#history-changes h3');
    await expect(page.locator('#history-changes h3').textContent()).resolves.toMatch(/^Changes: overall/);
    await page.locator('#detail-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, `dashboard-history-${store}.png`), fullPage: true });
  }, 120_000);

  it('compares two portals picked in the list', async () => {
    const other = await startAudit(`${portalB.url}/`);
    await waitDone(other);
    const firstA = (await page.locator('#audits tbody tr[data-status="done"]').nth(1).getAttribute('data-id'))!;
    await row(other).locator('input[type=checkbox]').check();
    await row(firstA).locator('input[type=checkbox]').check();
    await page.click('#compare-button');
    await page.waitForSelector('table#comparison');
    const headers = await page.locator('table#comparison thead th').allTextContents();
    // The topmost ticked audit (portal B, the newest) is the subject.
    expect(headers.slice(1)).toEqual([`${new URL(portalB.url).host} (subject)`, new URL(portalA.url).host]);
    // The full comparison report follows in a sandboxed frame.
    await expect(page.frameLocator('iframe.report').locator('h1').first().textContent()).resolves.toMatch(/compar/i);
    expect(await page.locator('table#comparison tbody tr').count()).toBeGreaterThanOrEqual(4);
    // Focus areas by their model names, and no stray "null" from an absent section.
    await expect(page.locator('table#comparison tbody th').allTextContents()).resolves.toContain('Decision-making');
    expect(await page.locator('#detail-body').textContent()).not.toMatch(/null|undefined/);
    await page.screenshot({ path: join(OUT, `dashboard-compare-${store}.png`), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
