// report.html in a real browser: headless Chromium renders the report of the realistic sample and
// the tests assert on what is visible (not just on the markup): the title, the overall score, the
// spider chart's size and labels, the roadmap order on screen, hostile page text staying text with
// no script run, print media keeping <details> open, "not assessed" focus areas, and the comparison
// page's chart legend. Screenshots go to /tmp for a human look. Skipped (with a message) only when
// /usr/bin/chromium is missing.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../reports/html.js';
import { renderComparisonHtml } from '../../reports/comparison-html.js';
import { buildComparison } from '../../src/compare/build.js';
import { sampleReport } from './sample-report.js';
import { competitorReports } from '../compare/reports.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const LAUNCH = {
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
export const SCREENSHOTS = {
  report: '/tmp/portalprobe-report.png',
  reportTop: '/tmp/portalprobe-report-top.png',
  unassessed: '/tmp/portalprobe-report-unassessed.png',
  comparison: '/tmp/portalprobe-comparison.png',
  print: '/tmp/portalprobe-report-print.png',
  phone: '/tmp/portalprobe-report-phone.png',
};

if (!HAVE_CHROMIUM) console.warn(`html-browser.test.ts skipped: ${CHROMIUM} does not exist`);

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

async function boxes(page: Page, selector: string): Promise<Box[]> {
  const out: Box[] = [];
  for (const el of await page.locator(selector).all()) {
    const box = await el.boundingBox();
    expect(box, selector).not.toBeNull();
    out.push(box!);
  }
  return out;
}

function expectNoOverlap(list: Box[], what: string) {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlaps(list[i], list[j]), `${what} ${i} and ${j} overlap`).toBe(false);
}

describe.skipIf(!HAVE_CHROMIUM)('report.html in headless Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch(LAUNCH);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(renderHtml(sampleReport()), { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the title and the overall score', async () => {
    await expect(page.locator('h1').innerText()).resolves.toBe('Developer portal audit: https://developer.example-pay.com/ (2025-05-14)');
    expect(await page.locator('h1').isVisible()).toBe(true);
    const overall = page.locator('.overall');
    expect(await overall.isVisible()).toBe(true);
    expect((await overall.innerText()).replace(/\s+/g, ' ')).toBe('Overall: ◆ 58 Fair out of 100');
  });

  it('draws the spider chart at a readable size with six visible axis labels inside it, none overlapping', async () => {
    const svg = page.locator('#focus-areas svg.spider-chart');
    expect(await svg.isVisible()).toBe(true);
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(250);
    const labels = page.locator('#focus-areas text.axis-label');
    await expect(labels.count()).resolves.toBe(6);
    for (const label of await labels.all()) expect(await label.isVisible()).toBe(true);
    const labelBoxes = await boxes(page, '#focus-areas text.axis-label');
    for (const b of labelBoxes) expect(inside(b, box), 'axis label clipped by the chart').toBe(true);
    expectNoOverlap(labelBoxes, 'axis labels');
    // Value labels neither collide with each other nor with the axis labels.
    const values = await boxes(page, '#focus-areas text.value');
    expect(values).toHaveLength(6);
    expectNoOverlap([...values, ...labelBoxes], 'chart labels');
  });

  it('shows the roadmap items in P1 → P2 → P3 order, top to bottom', async () => {
    const items = await page.locator('#roadmap li[data-priority]').all();
    expect(items).toHaveLength(5);
    const seen: { priority: number; y: number; title: string }[] = [];
    for (const item of items) {
      expect(await item.isVisible()).toBe(true);
      seen.push({
        priority: Number(await item.getAttribute('data-priority')),
        y: (await item.boundingBox())!.y,
        title: await item.locator('strong').first().innerText(),
      });
    }
    expect(seen.map((s) => s.priority)).toEqual([1, 1, 2, 2, 3]);
    for (let i = 1; i < seen.length; i++) expect(seen[i].y).toBeGreaterThan(seen[i - 1].y);
    expect(seen[0].title).toBe('Publish pricing');
    const headings = await page.locator('#roadmap h3').allInnerTexts();
    expect(headings.map((t) => t.slice(0, 2))).toEqual(['P1', 'P2', 'P3']);
  });

  it('shows the SWOT quadrants side by side on a laptop screen, each with content', async () => {
    const quads = await boxes(page, '#summary .quadrant');
    expect(quads).toHaveLength(4);
    expectNoOverlap(quads, 'SWOT quadrants');
    expect(quads[0].y).toBeCloseTo(quads[1].y, 0); // two columns at 1280 px
    const threats = await page.locator('#summary .q-threats li').allInnerTexts();
    expect(threats.join(' ')).toContain('AI search and assistant agents are blocked');
  });

  it('takes a full-page screenshot for a human look', async () => {
    await page.screenshot({ path: SCREENSHOTS.report, fullPage: true });
    await page.screenshot({ path: SCREENSHOTS.reportTop });
    expect(existsSync(SCREENSHOTS.report)).toBe(true);
  });

  it('renders a hostile page title as text: no script from the report runs', async () => {
    const hostile = sampleReport();
    const payload = `<img src=x onerror="window.__ppPwned=1"><script>window.__ppPwned=2</script>`;
    hostile.target.url = `https://evil.example/?q=${payload}`;
    hostile.practices[0].name = payload;
    hostile.roadmap[1].title = payload;
    hostile.fitCheck[0].question = payload;
    const p = await browser.newPage();
    try {
      await p.setContent(renderHtml(hostile), { waitUntil: 'load' });
      await p.waitForTimeout(100);
      expect(await p.evaluate(() => (window as unknown as { __ppPwned?: number }).__ppPwned)).toBeUndefined();
      expect(await p.locator('h1').innerText()).toContain(payload);
      expect(await p.locator('img').count()).toBe(0);
      expect(await p.title()).toContain('<script>');
    } finally {
      await p.close();
    }
  });

  it('keeps every <details> open and its content visible under print media, with the nav hidden', async () => {
    const p = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    try {
      await p.setContent(renderHtml(sampleReport()), { waitUntil: 'load' });
      await p.emulateMedia({ media: 'print' });
      const details = await p.locator('details').all();
      expect(details.length).toBeGreaterThan(10);
      for (const d of details) expect(await d.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
      const lastPractice = p.locator('#practices .practices > li').last();
      expect(await lastPractice.isVisible()).toBe(true);
      expect(await p.locator('nav').isVisible()).toBe(false);
      await p.screenshot({ path: SCREENSHOTS.print });
    } finally {
      await p.close();
    }
  });

  it('shows "not assessed" in words for focus areas with nothing scored, and n/a on the chart instead of 0', async () => {
    const report = sampleReport();
    for (const fa of ['goLive', 'community'] as const) report.scores.focusAreas[fa] = { score: 0, stage: 0, assessed: false };
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await p.setContent(renderHtml(report), { waitUntil: 'load' });
      const row = p.locator('#focus-areas tbody tr', { hasText: 'Go-live' });
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('not assessed');
      expect(await row.innerText()).not.toMatch(/\bPoor\b/);
      // The axis labels of the two areas say n/a; no value label claims a 0 for them.
      const na = p.locator('#focus-areas text.axis-label[data-assessed="false"]');
      expect(await na.allTextContents()).toEqual(['Go-live · n/a', 'Community · n/a']);
      for (const t of await na.all()) expect(await t.isVisible()).toBe(true);
      expect(await p.locator('#focus-areas text.value').allTextContents()).toEqual(['62', '44', '71', '55']);
      expect(await p.locator('#focus-areas .hollow').count()).toBe(2);
      const svgBox = (await p.locator('#focus-areas svg').boundingBox())!;
      for (const b of await boxes(p, '#focus-areas text.axis-label')) expect(inside(b, svgBox), 'axis label clipped').toBe(true);
      const labels = await boxes(p, '#focus-areas text.value, #focus-areas text.axis-label');
      expectNoOverlap(labels, 'chart labels');
      await p.locator('#focus-areas').screenshot({ path: SCREENSHOTS.unassessed });
    } finally {
      await p.close();
    }
  });

  it('renders the comparison with an overlaid chart whose legend names every portal by host', async () => {
    const comparison = buildComparison(competitorReports());
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await p.setContent(renderComparisonHtml(comparison), { waitUntil: 'load' });
      const svg = p.locator('#focus-areas svg.spider-chart');
      expect(await svg.isVisible()).toBe(true);
      const legend = await p.locator('#focus-areas .legend text').allTextContents();
      expect(legend).toEqual(comparison.portals.map((x) => (x.index === 0 ? `${x.label} (subject)` : x.label)));
      await expect(p.locator('#focus-areas polygon.series-shape').count()).resolves.toBe(comparison.portals.length);
      const legendBoxes = await boxes(p, '#focus-areas .legend text');
      const svgBox = (await svg.boundingBox())!;
      for (const b of legendBoxes) expect(inside(b, svgBox)).toBe(true);
      expect(await p.locator('#gaps li.gap').first().isVisible()).toBe(true);
      // rival-b has no community score: a hollow marker and an n/a beside it, not a point at 0.
      const na = p.locator('#focus-areas text.value.not-assessed');
      expect(await na.count()).toBe(1);
      expect(await na.first().isVisible()).toBe(true);
      expect(await na.first().getAttribute('data-axis')).toBe('community');
      await p.screenshot({ path: SCREENSHOTS.comparison, fullPage: true });
    } finally {
      await p.close();
    }
  });

  it('fits a phone screen (375 px): the page never scrolls sideways, wide tables scroll inside a labelled region', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await phone.setContent(renderHtml(sampleReport()), { waitUntil: 'load' });
      const widths = await phone.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      const tables = await phone.locator('table').count();
      expect(tables).toBeGreaterThan(3);
      // Every table sits in a focusable, named scroll region (keyboard users can scroll it too).
      const wrapped = await phone.evaluate(() => Array.from(document.querySelectorAll('table')).every((t) => {
        const region = t.parentElement!;
        return region.getAttribute('role') === 'region' && region.tabIndex === 0 && (region.getAttribute('aria-label') ?? '').length > 0
          && getComputedStyle(region).overflowX === 'auto';
      }));
      expect(wrapped).toBe(true);
      await phone.screenshot({ path: SCREENSHOTS.phone, fullPage: false });
    } finally {
      await phone.close();
    }
  }, 60_000);
});
