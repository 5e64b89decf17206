// portalprobe's command line. Parses arguments, calls the same core the HTTP service uses, prints
// progress on stderr and a summary on stdout, and maps errors to stable exit codes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PortalProbeError, UsageError, toPortalProbeError } from '../errors.js';
import { packageInfo } from '../util/package-info.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { auditCommand } from './commands/audit.js';
import { demoCommand } from './commands/demo.js';

export const USAGE = `Usage: portalprobe <command> [options]

Commands:
  audit <url>        Audit a developer portal and write reports
  demo               Serve the bundled demo portal on 127.0.0.1, audit it offline, write reports
  help               Show this help

audit options:
  --out DIR              Report folder (default ./audits/<host>-<timestamp>/)
  --format LIST          Comma-separated: json,md,html (default all three)
  --max-pages N          Pages to crawl at most (default 200)
  --max-depth N          Click depth to follow (default 5)
  --allow-private        Allow private/loopback targets (intranet portals, tests)
  --ignore-robots        Crawl pages robots.txt disallows for portalprobe (portals you own or assess);
                         the report records that it did
  --assessment FILE      Assessor scores (YAML/JSON) merged into the model
  --timeout MS           Per-request timeout (default 15000)
  --max-body BYTES       Body size limit per response (default 5242880)
  --quiet                No progress on stderr

Exit codes: 0 done, 1 quality gate failed, 2 bad usage, 3 target cannot be audited, 4 internal error.
`;

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
} as const;

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'audit':
        return await auditCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      case '--version':
      case '-v':
        io.stdout.write(`${packageInfo().version}\n`);
        return EXIT.ok;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command: ${command}`);
    }
  } catch (err) {
    const error = toPortalProbeError(err);
    io.stderr.write(`portalprobe: ${error.message} [${error.code}]\n`);
    if (error instanceof UsageError) io.stderr.write('Run `portalprobe help` for usage.\n');
    return err instanceof PortalProbeError ? exitCodeFor(error.code) : EXIT.internal;
  }
}

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
