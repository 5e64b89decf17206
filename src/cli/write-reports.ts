// Writes the chosen report formats into one folder. Each file is written to a temporary name and
// renamed, so an interrupted run never leaves a half-written report behind.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderJson } from '../../reports/json.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { renderHtml } from '../../reports/html.js';
import { UsageError } from '../errors.js';
import type { Report } from '../contract/index.js';

export const REPORT_FORMATS = ['json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, { file: string; render: (r: Report) => string }> = {
  json: { file: 'report.json', render: renderJson },
  md: { file: 'report.md', render: renderMarkdown },
  html: { file: 'report.html', render: renderHtml },
};

export function parseFormats(value: string | undefined): ReportFormat[] {
  if (!value) return [...REPORT_FORMATS];
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UsageError(`Unknown report format(s): ${unknown.join(', ')} (choose from ${REPORT_FORMATS.join(', ')})`);
  return [...new Set(formats)] as ReportFormat[];
}

export function renderReport(report: Report, format: ReportFormat): string {
  return RENDERERS[format].render(report);
}

export async function writeReports(report: Report, dir: string, formats: ReportFormat[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const { file, render } = RENDERERS[format];
    const path = join(dir, file);
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, render(report), 'utf8');
    await rename(tmp, path);
    written.push(path);
  }
  return written;
}

export function defaultOutDir(targetUrl: string, at = new Date()): string {
  const host = new URL(targetUrl).host.replace(/[^a-z0-9.-]+/gi, '_');
  const stamp = at.toISOString().replace(/[:]/g, '').replace(/\..+$/, '');
  return join('audits', `${host}-${stamp}`);
}
