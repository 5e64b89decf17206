// `portalprobe compare <url|report.json> <url|report.json> [...]`: audits each portal given as a
// URL (or reads a saved report.json given as a path), compares the first (the subject) with the
// others, and writes comparison.json / .md / .html. Saved reports are validated against the
// contract before any audit starts, so a bad file fails fast with PP_ERR_REPORT_INVALID (exit 2).
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ReportInvalidError, UsageError, PortalProbeError } from '../../errors.js';
import { parseTargetUrl, runAudit } from '../../audit/run-audit.js';
import type { Report } from '../../contract/index.js';
import { buildComparison } from '../../compare/build.js';
import { validateReport } from '../../../reports/json.js';
import { packageInfo } from '../../util/package-info.js';
import { GATE_ARG_OPTIONS } from '../gate.js';
import { ciFlags, finishRun } from '../ci-output.js';
import { formatComparisonSummary } from '../summary.js';
import { defaultOutDir, parseFormats, writeComparison, writeReports } from '../write-reports.js';
import { AUDIT_ARG_OPTIONS, parseCommandArgs, type CliIo } from '../args.js';
import { auditOptionsFromFlags } from './audit.js';

const WORDS = {
  tooFew: 'compare takes at least two portals, the subject first: portalprobe compare <url|report.json> <url|report.json> [...]',
  cannotRead: (path: string, why: string) => `Cannot read report file ${path}: ${why}`,
  tooBig: (path: string, bytes: number) => `Report file ${path} is ${bytes} bytes; saved reports are read up to ${MAX_REPORT_BYTES} bytes`,
  notJson: (path: string, why: string) => `Report file ${path} is not JSON: ${why}`,
  invalid: (path: string, message: string) => `Report file ${path}: ${message}`,
  auditing: (n: number, total: number, url: string) => `» portal ${n}/${total}: auditing ${url}\n`,
  reading: (n: number, total: number, path: string) => `» portal ${n}/${total}: saved report ${path}\n`,
} as const;

/** A saved report larger than this is refused rather than parsed (a real one is a few MB). */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

type Source = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/** Anything with a scheme ("https://", "ftp://") is a URL (checked by parseTargetUrl); the rest is a path. */
export function classifySource(arg: string): Source {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return { kind: 'url', url: parseTargetUrl(arg).href };
  return { kind: 'file', path: arg };
}

/** Reads and validates a saved report.json; every failure is a ReportInvalidError naming the file. */
export async function readReportFile(path: string): Promise<Report> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ReportInvalidError(WORDS.cannotRead(path, 'not a file'), { path });
    if (info.size > MAX_REPORT_BYTES) throw new ReportInvalidError(WORDS.tooBig(path, info.size), { path });
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof PortalProbeError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ReportInvalidError(WORDS.cannotRead(path, code === 'ENOENT' ? 'no such file' : (code ?? String(err))), { path });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ReportInvalidError(WORDS.notJson(path, err instanceof Error ? err.message : String(err)), { path });
  }
  try {
    return validateReport(value);
  } catch (err) {
    if (err instanceof ReportInvalidError) throw new ReportInvalidError(WORDS.invalid(path, err.message), { ...err.details, path });
    throw err;
  }
}

export async function compareCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...AUDIT_ARG_OPTIONS, ...GATE_ARG_OPTIONS });
  if (positionals.length < 2) throw new UsageError(WORDS.tooFew);
  const formats = parseFormats(values.format as string | undefined);
  const ci = ciFlags(values);
  const sources = positionals.map(classifySource);
  // Saved reports first: a bad file must not cost the audits before it.
  const saved = new Map<number, Report>();
  for (const [i, s] of sources.entries()) if (s.kind === 'file') saved.set(i, await readReportFile(s.path));
  const needsAudit = sources.some((s) => s.kind === 'url');
  const options = needsAudit ? await auditOptionsFromFlags(values, io) : undefined;

  const reports: Report[] = [];
  const audited: number[] = [];
  for (const [i, s] of sources.entries()) {
    if (s.kind === 'file') {
      if (!values.quiet) io.stderr.write(WORDS.reading(i + 1, sources.length, s.path));
      reports.push(saved.get(i)!);
    } else {
      if (!values.quiet) io.stderr.write(WORDS.auditing(i + 1, sources.length, s.url));
      // One at a time: politeness per host is kept by each audit, and progress stays readable.
      reports.push(await runAudit(s.url, options));
      audited.push(i);
    }
  }

  const tool = packageInfo();
  const comparison = buildComparison(reports, { tool: { name: tool.name, version: tool.version } });
  const dir = (values.out as string | undefined) ?? join('audits', `compare-${basename(defaultOutDir(reports[0].target.finalUrl))}`);
  const files: string[] = [];
  // Fresh audits are kept as report.json so the next comparison can reuse them.
  for (const i of audited) {
    const folder = join(dir, 'portals', `${i + 1}-${comparison.portals[i].host.replace(/[^a-z0-9.-]+/gi, '_')}`);
    files.push(...(await writeReports(reports[i], folder, ['json'])));
  }
  files.push(...(await writeComparison(comparison, dir, formats)));
  const ranking = comparison.ranking.map((i) => ({ url: comparison.portals[i].url, overall: comparison.overall.scores[i], rank: comparison.portals[i].rank }));
  return finishRun(reports[0], files, ci, io, formatComparisonSummary(comparison, files), { ranking });
}
