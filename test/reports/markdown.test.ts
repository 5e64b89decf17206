// Tests for reports/markdown.ts: real content (scores, run line, roadmap order, fit check, probes,
// drill-down) and escaping of hostile page text.
import { describe, expect, it } from 'vitest';
import { md, renderMarkdown } from '../../reports/markdown.js';
import { HOSTILE, hostileReport, sampleReport } from './sample-report.js';

const NOTICE = "No LLM was used: answers are the best-matching sentences from the portal's own pages";

/** The lines of the Markdown table that follows the heading `heading`. */
function tableAfter(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line);
    else if (rows.length > 0) break;
  }
  return rows;
}

/** Cells of a table row, splitting on unescaped pipes only (as GFM does). */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('renderMarkdown: content', () => {
  const text = renderMarkdown(sampleReport());

  it('starts with a title naming the target and the date', () => {
    expect(text.split('\n')[0]).toBe('# Developer portal audit: https://developer.example-pay.com/ (2025-05-14)');
    expect(text.match(/^# /gm)).toHaveLength(1);
  });

  it('has a run line with pages, requests, duration, answerer and robots policy', () => {
    const run = text.split('\n').find((l) => l.startsWith('**Run:**'));
    expect(run).toBe(
      '**Run:** 87 pages fetched · 131 requests (6.5 MB) · 1 min 39 s · answerer: llm:gpt-4o-mini (18,422 prompt + 1,310 completion tokens) · robots.txt respected (2 pages skipped)',
    );
  });

  it('says plainly that no LLM was used only when the answerer is retrieval-only', () => {
    expect(text).not.toContain(NOTICE);
    const report = sampleReport();
    report.run.answerer = 'retrieval-only';
    const retrieval = renderMarkdown(report);
    expect(retrieval).toContain(`> **${NOTICE}.**`);
    expect(retrieval).toContain('answerer: retrieval-only');
    expect(retrieval).not.toContain('completion tokens');
  });

  it('shows the overall and lens scores', () => {
    expect(text).toContain('**Overall: 58 / 100** (◆ Fair)');
    const lenses = tableAfter(text, '## Scores').map(cells);
    expect(lenses.slice(2)).toEqual([
      ['Core', '64 ◆ Fair'],
      ['Business readiness', '47 ▽ Weak'],
      ['AI visibility', '41 ▽ Weak'],
    ]);
  });

  it('has a focus-area table with score, band and stage for all six areas', () => {
    const rows = tableAfter(text, '## Focus areas').slice(2).map(cells);
    expect(rows).toEqual([
      ['Discovery', '62 ◆ Fair', 'Stage 0 · not yet foundational'],
      ['Decision making', '44 ▽ Weak', 'Stage 0 · not yet foundational'],
      ['Onboarding', '71 ◆ Fair', 'Stage 1 · foundational'],
      ['Go-live', '82 ▲ Strong', 'Stage 1 · foundational'],
      ['Maintenance & Troubleshooting', '55 ◆ Fair', 'Stage 0 · not yet foundational'],
      ['Community', '33 ▽ Weak', 'Stage 1 · foundational'],
    ]);
  });

  it('has an enabler table with score, stage and practices met/total, and no score for an enabler without scored practices', () => {
    const rows = tableAfter(text, '## Enablers').slice(2).map(cells);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['Search', 'Discovery', '75 ▲ Strong', 'Stage 1', '1 / 2']);
    expect(rows[2]).toEqual(['Commercial transparency', 'Decision making', '20 ✗ Poor', 'Stage 0', '0 / 2']);
    expect(rows[11]).toEqual(['Marketing \\& business development', 'Community', '– not assessed', '–', '0 / 0']);
  });

  it('shows the enabler table without the optional fields as dashes', () => {
    const report = sampleReport();
    report.scores.enablers = [{ id: 'search', name: 'Search', focusArea: 'discovery', score: 75 }];
    const rows = tableAfter(renderMarkdown(report), '## Enablers').slice(2).map(cells);
    expect(rows).toEqual([['Search', 'Discovery', '75 ▲ Strong', '–', '–']]);
  });

  it('lists strengths and weaknesses from the scores', () => {
    const section = text.slice(text.indexOf('## Strengths, weaknesses, opportunities and threats'), text.indexOf('## Roadmap'));
    const strengths = section.slice(0, section.indexOf('### Weaknesses'));
    const weaknesses = section.slice(section.indexOf('### Weaknesses'), section.indexOf('### Opportunities'));
    expect(strengths).toContain('- **Go-live** (focus area): 82 ▲ Strong');
    expect(strengths).toContain('- **Support** (enabler, Maintenance & Troubleshooting): 100 ▲ Strong');
    expect(weaknesses).toContain('- **Community** (focus area): 33 ▽ Weak');
    expect(weaknesses).toContain('- **Commercial transparency** (enabler, Decision making): 20 ✗ Poor');
    expect(section).not.toContain('Marketing'); // no scored practices: neither strength nor weakness
  });

  it('shows "not assessed" instead of a 0 for a focus area, lens or enabler with nothing scored', () => {
    const report = sampleReport();
    report.scores.focusAreas.community = { score: 0, stage: 0, assessed: false };
    report.scores.enablers[0].assessed = false;
    report.scores.lenses.businessReadiness = 0;
    report.practices = report.practices.map((p) => (p.lenses.includes('businessReadiness') ? { ...p, status: 'notApplicable' as const } : p));
    const out = renderMarkdown(report);
    expect(tableAfter(out, '## Focus areas').slice(2).map(cells)[5]).toEqual(['Community', '– not assessed', '–']);
    expect(tableAfter(out, '## Scores').slice(2).map(cells)[1]).toEqual(['Business readiness', '– not assessed']);
    expect(tableAfter(out, '## Enablers').slice(2).map(cells)[0]).toEqual(['Search', 'Discovery', '– not assessed', '–', '1 / 2']);
    expect(out).toContain('#### Search (not assessed)');
    const weaknesses = out.slice(out.indexOf('### Weaknesses'), out.indexOf('### Opportunities'));
    expect(weaknesses).not.toContain('**Community** (focus area)');
  });

  it('has the four SWOT parts in order, with opportunities and threats from the report data', () => {
    const order = ['### Strengths', '### Weaknesses', '### Opportunities (cheap, high-weight fixes)', '### Threats'].map((h) => text.indexOf(`\n${h}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const opportunities = text.slice(order[2], order[3]);
    expect(opportunities).toContain('- **Pricing is public** (`decision.pricing-public`; Decision making · Commercial transparency · stage 1)');
    expect(opportunities).toContain('- **SLA is public** (`golive.sla`; Go-live · Go-live essentials · stage 2): Stage-2 practice in an otherwise strong enabler: Go-live essentials \\(82\\)');
    const threats = text.slice(order[3], text.indexOf('## Roadmap'));
    expect(threats).toContain('- **AI search and assistant agents are blocked**: robots.txt lets PerplexityBot fetch nothing');
    expect(threats).toContain('- **The lenses disagree**: AI visibility \\(41\\) trails Core \\(64\\) by 23 points');
  });

  it('gives each practice in the drill-down its definition and who decided it', () => {
    expect(text).toContain('- ✗ Fail · 0.00 · **Pricing is public** `decision.pricing-public` · stage 1 · decided by fit-check answer');
    expect(text).toContain('  - What it means: Prices or a pricing model can be read without signing up or contacting sales.');
  });

  it('groups the roadmap P1, P2, P3 in that order, keeping the report order inside a priority', () => {
    const titles = ['Publish pricing', 'Let AI search crawlers read the docs', 'Publish a status page', 'Keep the changelog current', 'Open a developer forum'];
    const positions = titles.map((t) => text.indexOf(`**${t}**`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const headings = ['### P1', '### P2', '### P3'].map((h) => text.indexOf(h));
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(headings[0]).toBeLessThan(positions[0]);
    expect(headings[1]).toBeGreaterThan(positions[1]);
    expect(headings[1]).toBeLessThan(positions[2]);
    expect(headings[2]).toBeGreaterThan(positions[3]);
  });

  it('gives each roadmap item its why, evidence and "done looks like" (falling back to the practice)', () => {
    const pricing = text.slice(text.indexOf('**Publish pricing**'), text.indexOf('**Let AI search crawlers'));
    expect(pricing).toContain('   - Why: Buyers and answer engines cannot compare you without prices');
    expect(pricing).toContain('   - Evidence: [developer.example-pay.com/pricing](https://developer.example-pay.com/pricing) — Contact form only');
    expect(pricing).toContain('   - Done looks like: A public page states prices or the pricing model, readable without sign-up.');
    // The forum item has no evidence or done of its own: both come from practice community.forum.
    const forum = text.slice(text.indexOf('**Open a developer forum**'));
    expect(forum).toContain('   - Evidence: No forum, Discord or GitHub Discussions link found');
    expect(forum).toContain('   - Done looks like: A public forum or discussion board where developers help each other.');
  });

  it('has a fit-check table question × human × agent', () => {
    const rows = tableAfter(text, '## Human vs agent: buyer questions (fit check)').map(cells);
    expect(rows[0]).toEqual(['Question', 'Persona', 'Answer found', 'Human: click depth', 'Human: gated', 'Agent: reachable', 'Agent: blocked by']);
    expect(rows.slice(2)).toEqual([
      ['Is the service SOC 2 Type II certified?', 'security reviewer', '✓ Yes (0.55)', '3 clicks', '⊘ gated', '✗ not reachable', 'login wall'],
      ['How much does it cost to process 10,000 payments a month?', 'buyer', '✗ No', 'not found', 'open', '✗ not reachable', 'robots.txt \\(GPTBot, PerplexityBot\\)'],
      ['Can I try the API for free before signing a contract?', 'developer', '✓ Yes (0.92)', '2 clicks', 'open', '✓ reachable', '–'],
    ]);
    // Only the sandbox answer is open to a human (the SOC 2 one is gated, pricing is not found); the same one is open to agents.
    expect(text).toContain('Humans reach 1 of 3 answers without a login (1 more behind one); agents reach 1 of 3.');
    expect(text).toContain('“SOC 2 Type II report available on request” (✗ unverified)');
  });

  it('leaves the fit-check section out when there are no questions', () => {
    const report = sampleReport();
    report.fitCheck = [];
    expect(renderMarkdown(report)).not.toContain('## Buyer questions');
  });

  it('summarises probes with status, key facts and findings count, then lists findings', () => {
    const rows = tableAfter(text, '## Probes').slice(2).map(cells);
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['`robots`', '✓ OK', '2'],
      ['`llms-txt`', '✓ OK', '1'],
      ['`openapi`', '✗ Error', '0'],
    ]);
    expect(rows[0][3]).toBe('present: true; aiAgents: 3 items; sitemaps: https://developer.example-pay.com/sitemap.xml');
    expect(rows[2][3]).toContain('`PP_ERR_TIMEOUT` Timed out');
    const findings = text.slice(text.indexOf('### Findings'), text.indexOf('## Practices in detail'));
    expect(findings.match(/^- /gm)).toHaveLength(3);
    expect(findings).toContain('- ⚠ Warning · `llms-txt` · 1 of 38 links in llms.txt is broken');
  });

  it('drills down focus area → enabler → practice with status, score and evidence links', () => {
    const report = sampleReport();
    const drill = text.slice(text.indexOf('## Practices in detail'));
    for (const p of report.practices) expect(drill).toContain(`\`${p.id}\``);
    const decision = drill.slice(drill.indexOf('### Decision making'), drill.indexOf('### Onboarding'));
    expect(decision).toContain('#### Commercial transparency (20)');
    expect(decision).toContain('- ✗ Fail · 0.00 · **Pricing is public** `decision.pricing-public` · stage 1');
    expect(decision).toContain('- ✎ Manual · – · **Customer stories** `decision.customer-stories` · stage 3');
    expect(decision).toContain('  - [developer.example-pay.com/trust](https://developer.example-pay.com/trust) — PCI DSS named');
    expect(drill).toContain('- – N/A · – · **Mutual TLS option**');
    expect(drill).toContain('- ◐ Partial · 0.50 · **Changelog is maintained**');
  });

  it('is deterministic', () => {
    expect(renderMarkdown(sampleReport())).toBe(text);
  });
});

describe('renderMarkdown: hostile page text', () => {
  const text = renderMarkdown(hostileReport());

  it('never emits raw HTML', () => {
    expect(text).not.toContain('<script>');
    expect(text).not.toMatch(/(^|[^\\])</m);
    expect(text).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
  });

  it('never turns page text or non-http URLs into links', () => {
    expect(text).not.toMatch(/\]\((javascript|data):/);
    expect(text).toContain('\\[click me\\]\\(javascript:alert\\(1\\)\\)');
    const links = [...text.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    for (const href of links) expect(href).toMatch(/^https?:\/\//);
  });

  it('keeps page text on one line so it cannot start a heading or a table row', () => {
    expect(text).not.toMatch(/^# Injected/m);
    expect(text).not.toMatch(/^\| injected/m);
    expect(text).toContain('first line \\# Injected heading \\| injected \\| row \\|');
  });

  it('encodes parentheses and backslashes in link destinations so the link cannot be cut short', () => {
    const report = sampleReport();
    report.practices[0].evidence = [{ url: 'https://example.com/wiki/Foo_(bar)?q=a\\b', note: 'n' }];
    expect(renderMarkdown(report)).toContain('](https://example.com/wiki/Foo_%28bar%29?q=a%5Cb)');
  });

  it('keeps fit-check table rows to seven cells despite pipes in the question', () => {
    const rows = tableAfter(text, '## Human vs agent: buyer questions (fit check)');
    for (const row of rows) expect(cells(row)).toHaveLength(7);
  });
});

describe('renderMarkdown: golden file', () => {
  it('renders the sample report exactly as reviewed (update with vitest -u after an intended change)', async () => {
    await expect(renderMarkdown(sampleReport())).toMatchFileSnapshot('golden/report.md');
  });
});

describe('md', () => {
  it.each([
    ['plain words', 'plain words'],
    ['*bold* _em_ `code`', '\\*bold\\* \\_em\\_ \\`code\\`'],
    ['<b>x</b> & y', '\\<b\\>x\\</b\\> \\& y'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. item', '1\\. item'],
    ['a\nb\r\nc\u2028d', 'a b c d'],
    ['tab\tand\u0000nul', 'tab and nul'],
    ['a|b', 'a\\|b'],
    ['~~strike~~ $x$ !', '\\~\\~strike\\~\\~ \\$x\\$ \\!'],
    ['back\\slash', 'back\\\\slash'],
  ])('escapes %j', (input, expected) => {
    expect(md(input)).toBe(expected);
  });
});
