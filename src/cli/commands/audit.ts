// `portalprobe audit <url>`: crawl, probe, score, write reports.
import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import { runAudit, parseTargetUrl } from '../../audit/run-audit.js';
import type { AuditOptions } from '../../audit/options.js';
import { parseAssessment } from '../../model/assessment.js';
import { createProgressPrinter } from '../progress-printer.js';
import { formatSummary } from '../summary.js';
import { GATE_ARG_OPTIONS } from '../gate.js';
import { ciFlags, finishRun } from '../ci-output.js';
import { defaultOutDir, parseFormats, writeReports } from '../write-reports.js';
import { AUDIT_ARG_OPTIONS, parseCommandArgs, positiveInt, type CliIo } from '../args.js';

type AuditFlags = ReturnType<typeof parseCommandArgs<typeof AUDIT_ARG_OPTIONS>>['values'];

export async function auditOptionsFromFlags(values: AuditFlags, io: CliIo): Promise<AuditOptions> {
  const options: AuditOptions = {
    maxPages: positiveInt(values['max-pages'] as string | undefined, '--max-pages'),
    maxDepth: positiveInt(values['max-depth'] as string | undefined, '--max-depth'),
    allowPrivate: Boolean(values['allow-private']),
    ignoreRobots: Boolean(values['ignore-robots']),
    client: {},
    onProgress: values.quiet ? undefined : createProgressPrinter(io.stderr),
    browser: !values['no-browser'],
    questionFiles: values.questions as string[] | undefined,
    answerer: values.answerer as string | undefined,
    llmBaseUrl: values['llm-base-url'] as string | undefined,
    llmModel: values['llm-model'] as string | undefined,
    budgetTokens: positiveInt(values['budget-tokens'] as string | undefined, '--budget-tokens'),
    llmCacheDir: values['no-llm-cache'] ? false : undefined,
  };
  const timeout = positiveInt(values.timeout as string | undefined, '--timeout');
  if (timeout) options.client = { ...options.client, headersTimeoutMs: timeout, bodyTimeoutMs: timeout, connectTimeoutMs: timeout };
  const maxBody = positiveInt(values['max-body'] as string | undefined, '--max-body');
  if (maxBody) options.client = { ...options.client, maxBodyBytes: maxBody };
  if (values.assessment) {
    const file = values.assessment as string;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new UsageError(`Cannot read assessment file ${file}`);
    }
    options.assessment = parseAssessment(text, /\.json$/i.test(file) ? 'json' : 'yaml');
  }
  return options;
}

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { ...AUDIT_ARG_OPTIONS, ...GATE_ARG_OPTIONS });
  if (positionals.length !== 1) throw new UsageError('audit takes exactly one URL: portalprobe audit <url>');
  const target = parseTargetUrl(positionals[0]).href;
  const formats = parseFormats(values.format as string | undefined);
  // Gate flags are checked before the audit: a typo must not cost a whole crawl.
  const ci = ciFlags(values);
  const options = await auditOptionsFromFlags(values, io);
  const report = await runAudit(target, options);
  const dir = (values.out as string | undefined) ?? defaultOutDir(report.target.finalUrl);
  const files = await writeReports(report, dir, formats);
  return finishRun(report, files, ci, io, formatSummary(report, files));
}
