// `portalprobe worker --db postgres://…`: runs audits from the shared queue (src/server/worker.ts)
// with the same audit-policy flags as `serve`, until SIGTERM/SIGINT.
import { UsageError } from '../../errors.js';
import { resolveConfig } from '../../server/config.js';
import { startWorker } from '../../server/worker.js';
import { EXIT } from '../exit-codes.js';
import { parseCommandArgs, type CliIo } from '../args.js';
import { sharedServiceFlags } from './serve.js';

export const WORKER_ARG_OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  concurrency: { type: 'string' },
  'allow-private': { type: 'boolean' },
  'no-browser': { type: 'boolean' },
  'job-expiry': { type: 'string' },
  'min-schedule-seconds': { type: 'string' },
  'log-level': { type: 'string' },
} as const;

const TEXT = {
  listening: 'portalprobe worker running {n} audits at once; health and metrics at {url}/healthz, {url}/metrics\n',
  stopped: 'portalprobe worker stopped\n',
};

export async function workerCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, WORKER_ARG_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`worker takes no arguments, got: ${positionals.join(' ')}`);
  const partial = sharedServiceFlags(values);
  // A worker's port is its own: 0 (any free port) unless given, so it never clashes with serve's 8080.
  const config = resolveConfig({ ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)), port: partial.port ?? 0 });
  const worker = await startWorker(config, { handleSignals: true });
  io.stderr.write(TEXT.listening.replace('{n}', String(config.concurrency)).replaceAll('{url}', worker.url));
  await worker.closed;
  io.stderr.write(TEXT.stopped);
  return EXIT.ok;
}
