// `portalprobe serve`: runs the audit service (src/server) until SIGTERM/SIGINT, then shuts down
// gracefully (running audits are re-queued and resume at the next start).
import { UsageError } from '../../errors.js';
import { resolveConfig, SERVER_DEFAULTS, type ServerConfig } from '../../server/config.js';
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
};
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function serveConfigFromArgs(args: string[]): ServerConfig {
  const { values, positionals } = parseCommandArgs(args, SERVE_ARG_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments, got: ${positionals.join(' ')}`);
  const partial: Partial<ServerConfig> = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(TEXT.badPort.replace('{value}', String(values.port)));
    partial.port = port;
  }
  if (values.host) partial.host = values.host;
  if (values.db) partial.dbFile = values.db;
  if (values['no-auth']) partial.auth = false;
  if (values['allow-private']) partial.allowPrivate = true;
  if (values['no-browser']) partial.browser = false;
  partial.concurrency = positiveInt(values.concurrency, '--concurrency');
  partial.maxActivePerKey = positiveInt(values['max-active-per-key'], '--max-active-per-key');
  const rate = positiveInt(values['rate-limit'], '--rate-limit');
  if (rate) partial.rateLimit = { max: rate, timeWindowMs: SERVER_DEFAULTS.rateLimit.timeWindowMs };
  if (values['public-url']) {
    if (!/^https?:\/\/[^/\s]+/i.test(values['public-url'])) throw new UsageError(TEXT.badUrl.replace('{value}', values['public-url']));
    partial.publicUrl = values['public-url'];
  }
  if (values['trust-proxy']) partial.trustProxy = true;
  if (values['log-level']) {
    if (!LOG_LEVELS.includes(values['log-level'])) throw new UsageError(TEXT.badLevel.replace('{levels}', LOG_LEVELS.join(', ')));
    partial.logLevel = values['log-level'];
  }
  for (const key of Object.keys(partial) as (keyof ServerConfig)[]) if (partial[key] === undefined) delete partial[key];
  return resolveConfig(partial);
}

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const config = serveConfigFromArgs(args);
  const server = await startServer(config, { handleSignals: true });
  io.stderr.write(TEXT.listening.replaceAll('{url}', server.url));
  if (!config.auth) io.stderr.write(TEXT.noAuth.replace('{url}', server.url));
  else if (server.app.store.keys.list().every((k) => k.revokedAt !== null)) {
    io.stderr.write(TEXT.needKey.replace('{db}', config.dbFile === SERVER_DEFAULTS.dbFile ? '' : ` --db ${config.dbFile}`));
  }
  if (config.allowPrivate) io.stderr.write(TEXT.allowPrivate);
  await server.closed;
  io.stderr.write(TEXT.stopped);
  return EXIT.ok;
}
