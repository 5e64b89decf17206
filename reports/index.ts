// The one entry point for report formats (as Lighthouse's generateReport): which formats exist, how
// a report or a comparison is rendered in each, and the Content-Type it is served with. The CLI
// writes files and the service answers requests through these functions; renderers only read the
// JSON report (or the comparison built from reports).
import type { Comparison } from '../src/compare/types.js';
import type { Report } from '../src/contract/index.js';
import { renderComparisonHtml } from './comparison-html.js';
import { renderComparisonJson } from './comparison-json.js';
import { renderComparisonMarkdown } from './comparison-markdown.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

/** The formats, in the order the CLI writes them; each is also the file extension. */
export const REPORT_FORMATS = ['json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

const REPORT_RENDERERS: Record<ReportFormat, (report: Report) => string> = { json: renderJson, md: renderMarkdown, html: renderHtml };

const COMPARISON_RENDERERS: Record<ReportFormat, (comparison: Comparison) => string> = {
  json: renderComparisonJson,
  md: renderComparisonMarkdown,
  html: renderComparisonHtml,
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** A report in one format: report.json (the contract), report.md or a self-contained report.html. */
export function render(report: Report, format: ReportFormat): string {
  return REPORT_RENDERERS[format](report);
}

/** A competitor comparison in one format. */
export function renderComparison(comparison: Comparison, format: ReportFormat): string {
  return COMPARISON_RENDERERS[format](comparison);
}

/** The Content-Type a format is served with. */
export function contentType(format: ReportFormat): string {
  return CONTENT_TYPES[format];
}
