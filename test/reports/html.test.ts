// Tests for reports/html.ts: content, self-containment, accessible structure, print rules and
// escaping of hostile page text. The output is parsed with jsdom (a DOM, not a browser: nothing
// is rendered or run).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../reports/html-style.js';
import { h, renderHtml } from '../../reports/html.js';
import { FOCUS_AREAS } from '../../src/contract/index.js';
import { HOSTILE, hostileReport, sampleReport } from './sample-report.js';

const FIT_CAPTION = 'Human vs agent: can each find the answer to a buyer question?';
const NOTICE = "No LLM was used: answers are the best-matching sentences from the portal's own pages";

function dom(html: string): Document {
  return new JSDOM(html).window.document;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Rows of the table with this caption, as cell texts. */
function tableRows(doc: Document, caption: string): string[][] {
  const table = [...doc.querySelectorAll('table')].find((t) => text(t.querySelector('caption')) === caption);
  expect(table, `table "${caption}"`).toBeDefined();
  return [...table!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));
}

// WCAG 2.2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('renderHtml: content', () => {
  const html = renderHtml(sampleReport());
  const doc = dom(html);

  it('has a title and one h1 naming the target and the date', () => {
    expect(doc.title).toBe('Developer portal audit: https://developer.example-pay.com/ (2025-05-14)');
    const h1s = doc.querySelectorAll('h1');
    expect(h1s).toHaveLength(1);
    expect(text(h1s[0])).toBe('Developer portal audit: https://developer.example-pay.com/ (2025-05-14)');
  });

  it('has the run line', () => {
    expect(text(doc.querySelector('.run'))).toBe(
      '87 pages fetched · 131 requests (6.5 MB) · 1 min 39 s · answerer: llm:gpt-4o-mini (18,422 prompt + 1,310 completion tokens) · robots.txt respected (2 pages skipped)',
    );
  });

  it('says plainly that no LLM was used only when the answerer is retrieval-only', () => {
    expect(html).not.toContain(h(NOTICE));
    expect(doc.querySelector('.notice')).toBeNull();
    const report = sampleReport();
    report.run.answerer = 'retrieval-only';
    const notice = dom(renderHtml(report)).querySelector('.notice');
    expect(text(notice)).toBe(`${NOTICE}.`);
  });

  it('shows the overall score and the lens scores with band words', () => {
    expect(text(doc.querySelector('.overall'))).toBe('Overall: ◆ 58 Fair out of 100');
    expect(tableRows(doc, 'Scores by lens (0–100)')).toEqual([
      ['Core', '◆ 64 Fair'],
      ['Business readiness', '▽ 47 Weak'],
      ['AI visibility', '▽ 41 Weak'],
    ]);
  });

  it('has the focus-area table and the enabler table with practices met/total', () => {
    const areas = tableRows(doc, 'Focus area scores and maturity stage');
    expect(areas.map((r) => r[0])).toEqual(['Discovery', 'Decision making', 'Onboarding', 'Go-live', 'Maintenance & Troubleshooting', 'Community']);
    expect(areas[3]).toEqual(['Go-live', '▲ 82 Strong', 'Stage 1 · foundational']);
    const enablers = tableRows(doc, 'Enabler scores');
    expect(enablers).toHaveLength(12);
    expect(enablers[4]).toEqual(['API access & testing', 'Onboarding', '◆ 67 Fair', 'Stage 1', '2 / 3']);
    expect(enablers[11]).toEqual(['Marketing & business development', 'Community', '– not assessed', '–', '0 / 0']);
  });

  it('lists strengths and weaknesses', () => {
    const summary = doc.getElementById('summary')!;
    const [strengths, weaknesses] = ['.q-strengths', '.q-weaknesses'].map((q) => [...summary.querySelectorAll(`${q} li strong`)].map((s) => s.textContent));
    expect(strengths).toEqual(['Go-live', 'Onboarding', 'Lifecycle & versioning', 'Support', 'Use cases & solutions']);
    expect(weaknesses).toEqual(['Community', 'Decision making', 'Commercial transparency', 'Operational transparency', 'Community & engagement']);
  });

  it('shows "not assessed" in words (not "0 Poor") for a focus area, lens or enabler with nothing scored', () => {
    const report = sampleReport();
    report.scores.focusAreas.goLive = { score: 0, stage: 0, assessed: false };
    report.scores.lenses.aiVisibility = 0;
    report.practices = report.practices.map((p) => (p.lenses.includes('aiVisibility') ? { ...p, status: 'manual' as const, score: 0 } : p));
    const d = dom(renderHtml(report));
    expect(tableRows(d, 'Focus area scores and maturity stage')[3]).toEqual(['Go-live', '– not assessed', '–']);
    expect(tableRows(d, 'Scores by lens (0–100)')[2]).toEqual(['AI visibility', '– not assessed']);
    expect(text(d.getElementById('focus-areas'))).not.toMatch(/0 Poor/);
    const badge = d.querySelector('#focus-areas tbody tr:nth-child(4) .badge')!;
    expect(badge.classList.contains('tone-neutral')).toBe(true);
    expect(badge.getAttribute('title')).toBe('every practice is manual or not applicable');
    expect([...d.querySelectorAll('#summary .q-weaknesses li strong')].map((s) => s.textContent)).not.toContain('Go-live');
  });

  it('has a SWOT summary: strengths, weaknesses, opportunities linked to the drill-down, threats with evidence', () => {
    const quadrants = [...doc.querySelectorAll('#summary .quadrant')];
    expect(quadrants.map((q) => text(q.querySelector('h3')))).toEqual(['Strengths', 'Weaknesses', 'Opportunities (cheap, high-weight fixes)', 'Threats']);
    const links = [...quadrants[2].querySelectorAll('li > strong > a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '#practice-discovery.ai-crawlers-allowed',
      '#practice-maintenance.status-page',
      '#practice-decision.pricing-public',
      '#practice-golive.sla',
      '#practice-onboarding.openapi',
    ]);
    for (const a of links) expect(doc.getElementById(a.getAttribute('href')!.slice(1))?.tagName).toBe('LI');
    const threats = [...quadrants[3].querySelectorAll(':scope > ul > li')];
    expect(threats.map((t) => t.getAttribute('data-threat'))).toEqual(['ai-agents-blocked', 'fit-check-unreachable', 'lens-gap']);
    expect(threats[0].querySelector('.evidence a')?.getAttribute('href')).toBe('https://developer.example-pay.com/robots.txt');
  });

  it('says how many answers humans and agents reach above the fit-check table', () => {
    const report = sampleReport();
    report.fitCheck[2].agent = { reachable: false, blockedBy: ['robots.txt'] };
    expect(text(dom(renderHtml(report)).querySelector('.fit-summary'))).toBe(
      "Humans reach 1 of 3 answers without a login (1 more behind one); agents reach 0 of 3. 1 answer a human finds openly is out of an agent's reach.",
    );
  });

  it('gives every practice in the drill-down its definition, weight, lenses and who decided it', () => {
    const li = doc.getElementById('practice-decision.pricing-public')!;
    expect(text(li.querySelector('.definition'))).toBe('Prices or a pricing model can be read without signing up or contacting sales.');
    expect(text(li.querySelector('.muted'))).toBe('score 0.00 · stage 1 · Core, Business readiness · decided by fit-check answer');
    const roadmapLink = doc.querySelector('#roadmap li[data-priority="1"] a[href="#practice-decision.pricing-public"]');
    expect(roadmapLink).not.toBeNull();
  });

  it('orders the roadmap P1, P2, P3 under priority headings, with why, evidence and done', () => {
    const items = [...doc.querySelectorAll('#roadmap li[data-priority]')];
    expect(items.map((li) => li.getAttribute('data-priority'))).toEqual(['1', '1', '2', '2', '3']);
    expect(items.map((li) => text(li.querySelector('strong')))).toEqual([
      'Publish pricing',
      'Let AI search crawlers read the docs',
      'Publish a status page',
      'Keep the changelog current',
      'Open a developer forum',
    ]);
    expect([...doc.querySelectorAll('#roadmap h3')].map((h3) => text(h3).slice(0, 2))).toEqual(['P1', 'P2', 'P3']);
    const terms = [...items[0].querySelectorAll('dt')].map((dt) => text(dt));
    expect(terms).toEqual(['Why', 'Evidence', 'Done looks like']);
    expect(items[0].querySelector('dd a')?.getAttribute('href')).toBe('https://developer.example-pay.com/pricing');
  });

  it('has the fit-check table question × human × agent, and leaves it out when empty', () => {
    const rows = tableRows(doc, FIT_CAPTION);
    expect(rows).toEqual([
      ['Is the service SOC 2 Type II certified?', 'security reviewer', '✓ Yes confidence 0.55', '3 clicks', '⊘ gated', '✗ not reachable', 'login wall'],
      ['How much does it cost to process 10,000 payments a month?', 'buyer', '✗ No', 'not found', 'open', '✗ not reachable', 'robots.txt (GPTBot, PerplexityBot)'],
      ['Can I try the API for free before signing a contract?', 'developer', '✓ Yes confidence 0.92', '2 clicks', 'open', '✓ reachable', '–'],
    ]);
    expect(text(doc.querySelector('.fit-summary'))).toBe('Humans reach 1 of 3 answers without a login (1 more behind one); agents reach 1 of 3.');
    const report = sampleReport();
    report.fitCheck = [];
    const empty = dom(renderHtml(report));
    expect(empty.getElementById('fit-check')).toBeNull();
    expect(empty.querySelector('nav a[href="#fit-check"]')).toBeNull();
  });

  it('summarises probes and lists findings', () => {
    const rows = tableRows(doc, 'Probe results');
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['robots', '✓ OK', '2'],
      ['llms-txt', '✓ OK', '1'],
      ['openapi', '✗ Error', '0'],
    ]);
    expect(rows[2][3]).toContain('PP_ERR_TIMEOUT Timed out (body, 15000 ms)');
    expect(doc.querySelectorAll('.findings li')).toHaveLength(3);
  });

  it('drills down focus area → enabler → practices with status, score and evidence links', () => {
    const section = doc.getElementById('practices')!;
    expect([...section.querySelectorAll('h3')].map((h3) => text(h3))).toEqual(['Discovery', 'Decision making', 'Onboarding', 'Go-live', 'Maintenance & Troubleshooting', 'Community']);
    const report = sampleReport();
    const ids = [...section.querySelectorAll('.practices > li > code')].map((c) => c.textContent);
    expect(ids.sort()).toEqual(report.practices.map((p) => p.id).sort());
    const pricing = [...section.querySelectorAll('.practices > li')].find((li) => li.querySelector('code')?.textContent === 'decision.pricing-public')!;
    expect(text(pricing.querySelector('.badge'))).toBe('✗ Fail');
    expect(text(pricing)).toContain('score 0.00 · stage 1');
    expect(pricing.querySelector('.evidence a')?.getAttribute('href')).toBe('https://developer.example-pay.com/pricing');
    expect(text(pricing.querySelector('.evidence q'))).toBe('Talk to our sales team for a custom quote.');
  });

  it('keeps content visible without JavaScript: every <details> starts open', () => {
    const details = [...doc.querySelectorAll('details')];
    expect(details.length).toBeGreaterThan(10);
    for (const d of details) expect(d.hasAttribute('open')).toBe(true);
  });
});

describe('renderHtml: self-contained and accessible', () => {
  const html = renderHtml(sampleReport());
  const doc = dom(html);

  it('loads nothing: no external resources, no <link>, no src=, no CSS imports or url()', () => {
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio)\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\/[^"'\s>]*\.(css|js|png|svg|woff2?)/i);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0].hasAttribute('src')).toBe(false);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
  });

  it('links only to http(s) URLs and to its own sections', () => {
    const hrefs = [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(20);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#)/);
    for (const href of hrefs.filter((x) => x.startsWith('#'))) expect(doc.getElementById(href.slice(1))).not.toBeNull();
  });

  it('declares the language and uses ordered headings (no skipped level)', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    const levels = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((el) => Number(el.tagName[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  });

  it('gives every table a caption and scoped header cells', () => {
    const tables = [...doc.querySelectorAll('table')];
    expect(tables.length).toBe(5); // lenses, focus areas, enablers, fit check, probes
    for (const t of tables) {
      expect(text(t.querySelector('caption')).length).toBeGreaterThan(0);
      for (const th of t.querySelectorAll('th')) expect(['col', 'row']).toContain(th.getAttribute('scope'));
      expect(t.querySelectorAll('thead th[scope="col"]').length).toBeGreaterThan(1);
    }
  });

  it('never uses colour alone: every badge carries a word and a decorative icon', () => {
    const badges = [...doc.querySelectorAll('.badge')];
    expect(badges.length).toBeGreaterThan(50);
    for (const b of badges) {
      const icon = b.querySelector('[aria-hidden="true"]');
      expect(text(icon).length).toBeGreaterThan(0);
      const words = text(b).replace(text(icon), '').trim();
      expect(words).toMatch(/[A-Za-z]/);
      expect(words.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has text contrast of at least 4.5:1 for every colour pair it uses', () => {
    for (const [name, { fg, bg }] of Object.entries(PALETTE)) {
      expect(contrast(fg, bg), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('prints: page breaks before big sections, details shown, backgrounds not needed', () => {
    const css = doc.querySelector('style')!.textContent!;
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toContain('.major { break-before: page; }');
    expect(print).toContain('details::details-content');
    expect(print).toMatch(/background: none/);
    const major = [...doc.querySelectorAll('section.major')].map((s) => s.id);
    expect(major).toEqual(['roadmap', 'fit-check', 'probes', 'practices']);
    expect(doc.querySelector('script')!.textContent).toContain("addEventListener('beforeprint'");
  });

  it('embeds a spider chart of the six focus areas with the report values', () => {
    const svg = doc.querySelector('#focus-areas figure svg')!;
    expect(svg.querySelectorAll('line.axis')).toHaveLength(6);
    const report = sampleReport();
    const values = [...svg.querySelectorAll('text.value')].map((t) => t.textContent);
    expect(values).toEqual(FOCUS_AREAS.map((fa) => String(report.scores.focusAreas[fa].score)));
    expect(svg.querySelector('polygon.series-shape')).not.toBeNull();
  });
});

describe('renderHtml: hostile page text', () => {
  const html = renderHtml(hostileReport());
  const doc = dom(html);

  it('renders a hostile <script> title as text, never as an element', () => {
    expect(html).not.toContain(HOSTILE.script);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc.querySelectorAll('script')).toHaveLength(1); // only the print helper
    expect(text(doc.querySelector('h1'))).toContain(`?q=${HOSTILE.script}`);
    expect(doc.title).toContain(HOSTILE.script);
  });

  it('creates no element or event handler from page text', () => {
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
    }
    const practice = [...doc.querySelectorAll('.practices > li')].find((li) => li.querySelector('code')?.textContent === 'discovery.site-search')!;
    expect(text(practice.querySelector('strong'))).toBe(`${HOSTILE.script} ${HOSTILE.img} ${HOSTILE.mdLink}`);
    expect(text(doc.querySelector('.findings li'))).toContain(HOSTILE.img);
  });

  it('shows javascript: and data: URLs as text, not links', () => {
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|#)/);
    const urls = [...doc.querySelectorAll('span.url')].map((s) => s.textContent);
    expect(urls).toContain('javascript:alert(1)');
    expect(urls).toContain('data:text/html,<script>alert(1)</script>');
  });

  it('keeps table structure: hostile text stays inside its cell', () => {
    const rows = tableRows(doc, FIT_CAPTION);
    expect(rows[0]).toHaveLength(7);
    expect(rows[0][0]).toBe(`first line # Injected heading | injected | row | ${HOSTILE.pipe}`);
    expect(rows[0][6]).toBe(HOSTILE.script);
  });
});

describe('h', () => {
  it.each([
    ['<a href="x">', '&lt;a href=&quot;x&quot;&gt;'],
    ["it's & more", 'it&#39;s &amp; more'],
    ['plain', 'plain'],
  ])('escapes %j', (input, expected) => {
    expect(h(input)).toBe(expected);
  });
});
