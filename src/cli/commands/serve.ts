// `portalprobe serve`: runs the audit service (src/server) until SIGTERM/SIGINT, then shuts down
// gracefully (running audits are re-queued and resume at the next start). The flags it shares with
// `portalprobe worker` (store, audit policy, port, logging) are parsed by sharedServiceFlags.
import { UsageError } from '../../errors.js';
import { resolveConfig, SERVER_DEFAULTS, type ServerConfig } from '../../server/config.js';
import { dbLocation, isPostgresUrl } from '../../server/store/index.js';
import { startServer } from '../../server/server.js';
import { EXIT } from '../exit-codes.js';
import { parseCommandArgs, positiveInt, type CliIo } from '../args.js';

export const SERVE_ARG_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  'no-auth': { type: 'boolean' },
  'allow-private': { type: 'boolean' },
  'no-browser': { type: 'boolean' },
  concurrency: { type: 'string' },
  workers: { type: 'string' },
  'job-expiry': { type: 'string' },
  'min-schedule-seconds': { type: 'string' },
  'max-active-per-key': { type: 'string' },
  'rate-limit': { type: 'string' },
  'public-url': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'log-level': { type: 'string' },
} as const;

const TEXT = {
  listening: 'portalprobe service listening at {url} (dashboard {url}/, API docs {url}/docs)\n',
  noAuth: 'Warning: --no-auth: anyone who can reach {url} can start audits. Use it on your own machine only.\n',
  allowPrivate: 'Warning: --allow-private: audits may target private and loopback addresses.\n',
  needKey: 'API keys are required: create one with `portalprobe keys create --name <who>`{db}.\n',
  stopped: 'portalprobe service stopped\n',
  badPort: '--port must be a whole number from 0 to 65535, not "{value}"',
  badUrl: '--public-url must be an http(s) URL, not "{value}"',
  badLevel: '--log-level must be one of {levels}',
  badWorkers: '--workers must be a whole number from 0 (this process runs no audits) up, not "{value}"',
  workersNeedPg: '--workers 0 needs a PostgreSQL store (--db postgres://…) with `portalprobe worker` processes; with SQLite the service runs its audits itself',
  badExpiry: '--job-expiry must be a whole number of seconds from 10 to 86000, not "{value}"',
};
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The flags `serve` and `worker` share, as config. */
export function sharedServiceFlags(values: {
  port?: string;
  host?: string;
  db?: string;
  'allow-private'?: boolean;
  'no-browser'?: boolean;
  concurrency?: string;
  'job-expiry'?: string;
  'min-schedule-seconds'?: string;
  'log-level'?: string;
}): Partial<ServerConfig> {
  const partial: Partial<ServerConfig> = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(TEXT.badPort.replace('{value}', String(values.port)));
    partial.port = port;
  }
  if (values.host) partial.host = values.host;
  partial.db = dbLocation(values.db);
  if (values['allow-private']) partial.allowPrivate = true;
  if (values['no-browser']) partial.browser = false;
  partial.concurrency = positiveInt(values.concurrency, '--concurrency');
  if (values['job-expiry'] !== undefined) {
    const s = Number(values['job-expiry']);
    if (!Number.isInteger(s) || s < 10 || s > 86_000) throw new UsageError(TEXT.badExpiry.replace('{value}', values['job-expiry']));
    partial.jobExpirySeconds = s;
  }
  const minSchedule = positiveInt(values['min-schedule-seconds'], '--min-schedule-seconds');
  if (minSchedule !== undefined) {
    partial.minScheduleSeconds = minSchedule;
    // Due schedules are looked for twice per shortest interval (every 30 s at most, every second at least).
    partial.schedulerTickMs = Math.min(SERVER_DEFAULTS.schedulerTickMs, Math.max(1_000, minSchedule * 500));
  }
  if (values['log-level']) {
    if (!LOG_LEVELS.includes(values['log-level'])) throw new UsageError(TEXT.badLevel.replace('{levels}', LOG_LEVELS.join(', ')));
    partial.logLevel = values['log-level'];
  }
  return partial;
}

export function serveConfigFromArgs(args: string[]): ServerConfig {
  const { values, positionals } = parseCommandArgs(args, SERVE_ARG_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments, got: ${positionals.join(' ')}`);
  const partial = sharedServiceFlags(values);
  if (values.workers !== undefined) {
    const n = Number(values.workers);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(TEXT.badWorkers.replace('{value}', values.workers));
    if (n === 0 && !isPostgresUrl(partial.db!)) throw new UsageError(TEXT.workersNeedPg);
    partial.concurrency = n;
  }
  if (values['no-auth']) partial.auth = false;
  partial.maxActivePerKey = positiveInt(values['max-active-per-key'], '--max-active-per-key');
  const rate = positiveInt(values['rate-limit'], '--rate-limit');
  if (rate) partial.rateLimit = { max: rate, timeWindowMs: SERVER_DEFAULTS.rateLimit.timeWindowMs };
  if (values['public-url']) {
    if (!/^https?:\/\/[^/\s]+/i.test(values['public-url'])) throw new UsageError(TEXT.badUrl.replace('{value}', values['public-url']));
    partial.publicUrl = values['public-url'];
  }
  if (values['trust-proxy']) partial.trustProxy = true;
  for (const key of Object.keys(partial) as (keyof ServerConfig)[]) if (partial[key] === undefined) delete partial[key];
  return resolveConfig(partial);
}

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const config = serveConfigFromArgs(args);
  const server = await startServer(config, { handleSignals: true });
  io.stderr.write(TEXT.listening.replaceAll('{url}', server.url));
  if (!config.auth) io.stderr.write(TEXT.noAuth.replace('{url}', server.url));
  else if ((await server.app.store.keys.list()).every((k) => k.revokedAt !== null)) {
    io.stderr.write(TEXT.needKey.replace('{db}', config.db === SERVER_DEFAULTS.db ? '' : ` --db ${server.app.store.location}`));
  }
  if (config.allowPrivate) io.stderr.write(TEXT.allowPrivate);
  await server.closed;
  io.stderr.write(TEXT.stopped);
  return EXIT.ok;
}
