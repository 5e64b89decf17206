// The end of an `audit` or `compare` run: the text summary (or the JSON summary on stdout with
// `--summary-json -`), the JSON summary file, and the quality gate's verdict as the exit code.
// Reports are written before this runs, so a failed gate still leaves them for the CI job.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import type { Report } from '../contract/index.js';
import { EXIT } from './exit-codes.js';
import { evaluateGate, gateReason, parseGate, type GateSpec } from './gate.js';
import { ciSummary, type CiSummary } from './summary.js';
import type { CliIo } from './args.js';

export interface CiFlags {
  gate?: GateSpec;
  /** A file path, or `-` for stdout. */
  summaryJson?: string;
}

/** Reads the gate flags (parsed by GATE_ARG_OPTIONS); throws UsageError before anything runs. */
export function ciFlags(values: Record<string, unknown>): CiFlags {
  const failUnderLens = values['fail-under-lens'];
  const gate = parseGate(values['fail-under'] as string | undefined, Array.isArray(failUnderLens) ? (failUnderLens as string[]) : undefined);
  const summaryJson = values['summary-json'] as string | undefined;
  if (summaryJson !== undefined && summaryJson.trim() === '') throw new UsageError('--summary-json needs a file path or - for stdout');
  return { gate, summaryJson };
}

/**
 * Prints `text` (unless the JSON summary goes to stdout), writes the JSON summary, and returns the
 * exit code: 1 with one line on stderr when the gate (judged on `subject`) fails, 0 otherwise.
 */
export async function finishRun(
  subject: Report,
  files: string[],
  flags: CiFlags,
  io: CliIo,
  text: string,
  extra: Partial<Record<string, unknown>> = {},
): Promise<number> {
  const gate = flags.gate ? evaluateGate(subject, flags.gate) : null;
  const summary: CiSummary & Record<string, unknown> = { ...ciSummary(subject, gate, files), ...extra };
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  if (flags.summaryJson === '-') io.stdout.write(json);
  else io.stdout.write(text);
  if (flags.summaryJson && flags.summaryJson !== '-') {
    try {
      await mkdir(dirname(flags.summaryJson), { recursive: true });
      await writeFile(flags.summaryJson, json, 'utf8');
    } catch (err) {
      throw new UsageError(`Cannot write --summary-json file ${flags.summaryJson}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (gate && !gate.passed) {
    io.stderr.write(`${gateReason(gate)}\n`);
    return EXIT.gateFailed;
  }
  return EXIT.ok;
}
