// Server settings, with defaults in one place. `portalprobe serve` builds one from its flags;
// nothing here comes from a request. In particular `allowPrivate` is a server decision only.
import { DEFAULT_DB_FILE, dbLocation } from './store/index.js';

export interface ServerConfig {
  /** Interface to listen on. @default '127.0.0.1' (use 0.0.0.0 in a container) */
  host: string;
  /** @default 8080 */
  port: number;
  /**
   * The store: a SQLite file (its folder is created) or a postgres:// URL (`?schema=` optional).
   * @default DATABASE_URL when it is a PostgreSQL URL, else './data/portalprobe.db'
   */
  db: string;
  /** Require `Authorization: Bearer <key>` on /v1/*. Only `--no-auth` turns it off. @default true */
  auth: boolean;
  /** Let audits target private, loopback and link-local addresses (intranet portals, tests). @default false */
  allowPrivate: boolean;
  /** Let audits use a headless browser (when one is installed) for JavaScript-rendered pages. @default true */
  browser: boolean;
  /** Audits this process runs at once (`--workers`/`--concurrency`); 0 runs none (PostgreSQL only). @default 2 */
  concurrency: number;
  /** Queued + running audits one API key may have at once. @default 5 */
  maxActivePerKey: number;
  /** Starts an audit gets before an audit interrupted by crashes is failed. @default 3 */
  maxAttempts: number;
  /** Request body limit in bytes. @default 1 MiB */
  bodyLimit: number;
  /** Requests per key (or per IP with auth off) per window. @default 300 per 60 000 ms */
  rateLimit: { max: number; timeWindowMs: number };
  /** Upper bound for a request's `maxPages`. @default 500 */
  maxPagesLimit: number;
  /** Shortest schedule interval accepted, in seconds. @default 300 */
  minScheduleSeconds: number;
  /** How often the scheduler looks for due schedules. @default 30 000 */
  schedulerTickMs: number;
  /** PostgreSQL: a job whose worker went silent this long is retried elsewhere; also the longest an audit may run. @default 900 */
  jobExpirySeconds: number;
  /** PostgreSQL: how often pg-boss looks for expired jobs. @default a quarter of jobExpirySeconds, 60 at most */
  maintenanceSeconds?: number;
  /** PostgreSQL: how often an idle worker asks for a job. @default 1 */
  pollingSeconds: number;
  /** PostgreSQL: how often a worker re-reads its running audits' state (cross-process cancel). @default 1000 */
  cancelPollMs: number;
  /** How often an event stream re-reads its audit from the store (a backstop for missed events). @default 5000 */
  ssePollMs: number;
  /** LLM configured for fit-check answers (`answerer: "llm"` is refused at submit without one). @default from PORTALPROBE_MODEL */
  llmConfigured: boolean;
  /** SSE heartbeat comment interval. @default 15 000 */
  heartbeatMs: number;
  /** Longest wait for running audits to stop at shutdown before they are re-queued anyway. @default 10 000 */
  shutdownGraceMs: number;
  /** Public base URL (e.g. https://probe.example.com) for absolute links in /llms.txt. @default relative links */
  publicUrl?: string;
  /** Trust X-Forwarded-* from a reverse proxy (for the client IP used by rate limits with auth off). @default false */
  trustProxy: boolean;
  /** pino level for the request log; 'silent' turns it off. @default 'info' */
  logLevel: string;
}

export const SERVER_DEFAULTS: ServerConfig = {
  host: '127.0.0.1',
  port: 8080,
  db: DEFAULT_DB_FILE,
  auth: true,
  allowPrivate: false,
  browser: true,
  concurrency: 2,
  maxActivePerKey: 5,
  maxAttempts: 3,
  bodyLimit: 1024 * 1024,
  rateLimit: { max: 300, timeWindowMs: 60_000 },
  maxPagesLimit: 500,
  minScheduleSeconds: 300,
  schedulerTickMs: 30_000,
  jobExpirySeconds: 900,
  pollingSeconds: 1,
  cancelPollMs: 1_000,
  ssePollMs: 5_000,
  llmConfigured: false,
  heartbeatMs: 15_000,
  shutdownGraceMs: 10_000,
  trustProxy: false,
  logLevel: 'info',
};

export function resolveConfig(partial: Partial<ServerConfig> = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    ...SERVER_DEFAULTS,
    db: dbLocation(undefined, env),
    llmConfigured: llmConfiguredIn(env),
    ...partial,
    rateLimit: { ...SERVER_DEFAULTS.rateLimit, ...partial.rateLimit },
  };
}

/** The fit-check's own rule (src/fitcheck/answerers): a model name and an endpoint or key. */
export function llmConfiguredIn(env: NodeJS.ProcessEnv): boolean {
  return !!env.PORTALPROBE_MODEL && !!(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
}
