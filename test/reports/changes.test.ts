import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../reports/html.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { validateReport } from '../../reports/json.js';
import { sampleReport } from './sample-report.js';
import type { Report } from '../../src/contract/index.js';

function withChanges(): Report {
  const report = sampleReport();
  report.changes = {
    againstAuditId: 'aud_previous',
    againstFinishedAt: '2026-11-01T10:00:00.000Z',
    overall: { from: 40, to: 52.5, delta: 12.5 },
    lenses: { core: { from: 50, to: 60, delta: 10 } },
    changes: [
      { id: 'status-page', name: 'Public status page', focusArea: 'maintenance', from: { status: 'fail', score: 0 }, to: { status: 'pass', score: 1 }, direction: 'improved' },
      { id: 'llms-txt-valid', name: '<b>llms.txt</b> valid', focusArea: 'discovery', from: { status: 'pass', score: 1 }, to: { status: 'fail', score: 0 }, direction: 'regressed' },
    ],
    unchanged: 159,
  };
  return report;
}

describe('changes since the previous audit', () => {
  it('is rendered in Markdown and HTML when the report carries it', () => {
    const report = withChanges();
    expect(() => validateReport(JSON.parse(JSON.stringify(report)))).not.toThrow();
    // Markdown escapes punctuation (\. \( \+); compare the text as a reader sees it.
    const md = renderMarkdown(report).replace(/\\(?=[^\w\s])/g, '');
    expect(md).toContain('## Changes since the previous audit');
    expect(md).toMatch(/Overall 40 → 52\.5 \(\+12\.5\)/);
    expect(md).toMatch(/Public status page.*fail \(0\).*pass \(1\).*▲ improved/);
    const html = renderHtml(report);
    expect(html).toContain('id="changes"');
    expect(html).toContain('▼ regressed');
    expect(html).toContain('&lt;b&gt;llms.txt&lt;/b&gt; valid');
  });

  it('is absent without previous audit', () => {
    const report = sampleReport();
    expect(renderMarkdown(report)).not.toContain('Changes since the previous audit');
    expect(renderHtml(report)).not.toContain('id="changes"');
  });
});
