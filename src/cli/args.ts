// Argument parsing shared by the commands: the I/O they write to, the audit flags, node:util's
// parseArgs with our UsageError, and number flags. Kept apart from main.ts so the commands do not
// import the dispatcher that imports them.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

export const AUDIT_ARG_OPTIONS = {
  out: { type: 'string' },
  format: { type: 'string' },
  'max-pages': { type: 'string' },
  'max-depth': { type: 'string' },
  'allow-private': { type: 'boolean' },
  'ignore-robots': { type: 'boolean' },
  assessment: { type: 'string' },
  timeout: { type: 'string' },
  'max-body': { type: 'string' },
  quiet: { type: 'boolean' },
  'no-browser': { type: 'boolean' },
  questions: { type: 'string', multiple: true },
  answerer: { type: 'string' },
  'llm-base-url': { type: 'string' },
  'llm-model': { type: 'string' },
  'budget-tokens': { type: 'string' },
  'no-llm-cache': { type: 'boolean' },
} as const;

/** parseArgs with our error type: unknown flags and missing values become UsageError. */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive whole number, not "${value}"`);
  return n;
}
