// Writes the chosen report formats into one folder. Each file is written to a temporary name and
// renamed, so an interrupted run never leaves a half-written report behind.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isReportFormat, render, renderComparison, REPORT_FORMATS, type ReportFormat } from '../../reports/index.js';
import type { Comparison } from '../compare/types.js';
import type { Report } from '../contract/index.js';
import { UsageError } from '../errors.js';

export function parseFormats(value: string | undefined): ReportFormat[] {
  if (!value) return [...REPORT_FORMATS];
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !isReportFormat(f));
  if (unknown.length > 0) throw new UsageError(`Unknown report format(s): ${unknown.join(', ')} (choose from ${REPORT_FORMATS.join(', ')})`);
  return [...new Set(formats)] as ReportFormat[];
}

/** `<name>.<format>` for each format, written whole or not at all. */
async function writeFormats(dir: string, name: string, formats: readonly ReportFormat[], text: (format: ReportFormat) => string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const path = join(dir, `${name}.${format}`);
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, text(format), 'utf8');
    await rename(tmp, path);
    written.push(path);
  }
  return written;
}

/** report.json, report.md, report.html (as chosen). */
export function writeReports(report: Report, dir: string, formats: readonly ReportFormat[]): Promise<string[]> {
  return writeFormats(dir, 'report', formats, (format) => render(report, format));
}

/** comparison.json, comparison.md, comparison.html (as chosen). */
export function writeComparison(comparison: Comparison, dir: string, formats: readonly ReportFormat[]): Promise<string[]> {
  return writeFormats(dir, 'comparison', formats, (format) => renderComparison(comparison, format));
}

export function defaultOutDir(targetUrl: string, at = new Date()): string {
  const host = new URL(targetUrl).host.replace(/[^a-z0-9.-]+/gi, '_');
  const stamp = at.toISOString().replace(/[:]/g, '').replace(/\..+$/, '');
  return join('audits', `${host}-${stamp}`);
}
