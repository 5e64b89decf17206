// Tests for the comparison renderers (reports/comparison-html.ts, comparison-markdown.ts,
// comparison-json.ts): the ranking and lens table, the focus-area table and overlaid chart with a
// legend of hosts, per-enabler leaders, "competitors have, you lack" with evidence links, and
// escaping of hostile text from saved reports.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderComparisonHtml } from '../../reports/comparison-html.js';
import { renderComparisonJson } from '../../reports/comparison-json.js';
import { renderComparisonMarkdown } from '../../reports/comparison-markdown.js';
import { buildComparison } from '../../src/compare/build.js';
import { competitorReports } from '../compare/reports.js';
import { HOSTILE } from './sample-report.js';

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function rows(doc: Document, caption: string): string[][] {
  const table = [...doc.querySelectorAll('table')].find((t) => text(t.querySelector('caption')) === caption);
  expect(table, caption).toBeDefined();
  return [...table!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
}

describe('renderComparisonHtml', () => {
  const comparison = buildComparison(competitorReports());
  const html = renderComparisonHtml(comparison);
  const doc = new JSDOM(html).window.document;

  it('names the subject and the number of competitors in the title and h1', () => {
    expect(text(doc.querySelector('h1'))).toBe('Developer portal comparison: developer.example-pay.com vs 2 competitors');
    expect(doc.title).toBe('Developer portal comparison: developer.example-pay.com vs developer.rival-a.com, docs.rival-b.io');
  });

  it('ranks portals best first with lens scores, the leader starred, and the subject gap', () => {
    expect(rows(doc, 'Overall and lens scores (0–100), best first')).toEqual([
      ['developer.rival-a.com', '1', '◆ 74 Fair ★ (leader)', '▲ 78 Strong ★ (leader)', '◆ 70 Fair ★ (leader)', '◆ 72 Fair ★ (leader)'],
      ['developer.example-pay.com (subject)', '2', '◆ 58 Fair', '◆ 64 Fair', '▽ 47 Weak', '▽ 41 Weak'],
      ['docs.rival-b.io', '3', '▽ 40 Weak', '▽ 45 Weak', '▽ 30 Weak', '▽ 38 Weak'],
      ['You vs best competitor', '', '−16', '−14', '−23', '−31'],
    ]);
  });

  it('overlays every portal on one spider chart with a legend of hosts, without colliding value labels', () => {
    const svg = doc.querySelector('#focus-areas svg')!;
    expect([...svg.querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual([
      'developer.example-pay.com (subject)',
      'developer.rival-a.com',
      'docs.rival-b.io',
    ]);
    expect(svg.querySelectorAll('polygon.series-shape')).toHaveLength(3);
    expect(svg.querySelectorAll('text.value:not(.not-assessed)')).toHaveLength(0);
    expect(svg.querySelectorAll('.hollow')).toHaveLength(1); // rival-b community
  });

  it('has a focus-area table with each portal, stage, leader and gap; not assessed in words', () => {
    const table = rows(doc, 'Focus area scores and stages by portal');
    expect(table[3]).toEqual(['Go-live', '▲ 82 Strong ★ (leader) stage 1', '▲ 75 Strong stage 1', '▽ 40 Weak stage 0', 'developer.example-pay.com', '+7']);
    expect(table[5]).toEqual(['Community', '▽ 33 Weak stage 1', '◆ 59 Fair ★ (leader) stage 1', '– not assessed', 'developer.rival-a.com', '−26']);
  });

  it('names the leader of each enabler, "tie" when all are equal and "nobody assessed" when none scored', () => {
    const table = rows(doc, 'Enabler scores by portal, with the leader');
    const byName = Object.fromEntries(table.map((r) => [r[0], r]));
    expect(byName['Commercial transparency'].slice(5)).toEqual(['developer.rival-a.com', '−70']);
    expect(byName.Search.slice(5)).toEqual(['tie', '±0']);
    expect(byName['Marketing & business development'].slice(2)).toEqual(['– not assessed', '– not assessed', '– not assessed', 'nobody assessed', '–']);
  });

  it('lists what competitors have and the subject lacks, with both sides’ evidence as links', () => {
    const gaps = [...doc.querySelectorAll('#gaps li.gap')];
    expect(gaps.map((g) => text(g.querySelector('strong')))).toEqual([
      'Pricing is public',
      'AI search crawlers may read the portal',
      'Public status page',
      'OpenAPI description is published',
    ]);
    const hrefs = [...gaps[0].querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://developer.example-pay.com/pricing', 'https://developer.rival-a.com/pricing']);
    expect(text(gaps[3])).toContain('docs.rival-b.io ✓ Pass');
  });

  it('is self-contained and keeps hostile host names and evidence as text', () => {
    expect(html).not.toMatch(/<link\b|\ssrc\s*=|<script/i);
    const reports = competitorReports();
    reports[1].target.url = `https://evil.example/?q=${encodeURIComponent('x')}`;
    reports[1].practices.find((p) => p.id === 'decision.pricing-public')!.evidence = [{ url: 'javascript:alert(1)', note: HOSTILE.script }];
    const hostile = renderComparisonHtml(buildComparison(reports));
    expect(hostile).not.toContain(HOSTILE.script);
    const d = new JSDOM(hostile).window.document;
    expect(d.querySelectorAll('script')).toHaveLength(0);
    for (const a of d.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|#)/);
    expect(text(d.querySelector('#gaps'))).toContain(HOSTILE.script);
  });
});

describe('renderComparisonMarkdown', () => {
  const md = renderComparisonMarkdown(buildComparison(competitorReports()));

  it('has the title, the ranking table best first and the star legend', () => {
    expect(md.split('\n')[0]).toBe('# Developer portal comparison: developer.example-pay.com vs 2 competitors');
    const start = md.indexOf('## Ranking and lenses');
    const table = md.slice(start).split('\n').filter((l) => l.startsWith('|'));
    expect(table[2]).toBe('| developer.rival-a.com | 1 | **74 ◆ Fair ★** | **78 ▲ Strong ★** | **70 ◆ Fair ★** | **72 ◆ Fair ★** |');
    expect(table[3]).toBe('| developer.example-pay.com (subject) | 2 | 58 ◆ Fair | 64 ◆ Fair | 47 ▽ Weak | 41 ▽ Weak |');
    expect(md).toContain('★ marks the leader of a row (none on a tie).');
  });

  it('lists gaps with the subject status and each competitor’s evidence', () => {
    const gaps = md.slice(md.indexOf('## Competitors have, you lack'));
    expect(gaps).toContain('1. **Pricing is public** (`decision.pricing-public`, Decision making, stage 1, weight 1)');
    expect(gaps).toContain('   - You: ✗ Fail (score 0.00)');
    expect(gaps).toContain('   - developer.rival-a.com: ✓ Pass');
    expect(gaps).toContain('     - [developer.rival-a.com/pricing](https://developer.rival-a.com/pricing) — Per-transaction prices on a public page');
  });

  it('writes not assessed and tie in words', () => {
    expect(md).toContain('| Community | 33 ▽ Weak · stage 1 | **59 ◆ Fair ★** · stage 1 | – not assessed | developer.rival-a.com | −26 |');
    expect(md).toMatch(/\| Search \| Discovery \| 75 ▲ Strong \| 75 ▲ Strong \| 75 ▲ Strong \| tie \| ±0 \|/);
  });
});

describe('golden files', () => {
  it('renders the three-portal comparison exactly as reviewed (update with vitest -u after an intended change)', async () => {
    const c = buildComparison(competitorReports());
    await expect(renderComparisonMarkdown(c)).toMatchFileSnapshot('golden/comparison.md');
    await expect(renderComparisonJson(c)).toMatchFileSnapshot('golden/comparison.json');
  });
});

describe('renderComparisonJson', () => {
  it('round-trips the comparison', () => {
    const c = buildComparison(competitorReports());
    const json = renderComparisonJson(c);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(c);
  });
});
