// portalprobe's command line. Parses arguments, calls the same core the HTTP service uses, prints
// progress on stderr and a summary on stdout, and maps errors to stable exit codes.
import { PortalProbeError, UsageError, toPortalProbeError } from '../errors.js';
import { packageInfo } from '../util/package-info.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { auditCommand } from './commands/audit.js';
import { demoCommand } from './commands/demo.js';
import { compareCommand } from './commands/compare.js';
import { serveCommand } from './commands/serve.js';
import { keysCommand } from './commands/keys.js';
import { workerCommand } from './commands/worker.js';
import type { CliIo } from './args.js';

export const USAGE = `Usage: portalprobe <command> [options]

Commands:
  audit <url>        Audit a developer portal and write reports
  compare <a> <b>... Compare a portal (first) with competitors; each a URL or a saved report.json
  demo               Serve the bundled demo portal on 127.0.0.1, audit it offline, write reports
  serve              Run the audit service: HTTP API, job queue, dashboard (see src/server/README.md)
  worker             Run audits from a PostgreSQL-backed service's queue (scale-out; no API)
  keys <sub>         Manage the service's API keys: create --name NAME [--admin] [--tenant T] | list | revoke <id>
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
  --no-browser           Do not start headless Chromium (rendering probe falls back to heuristics)
  --questions FILE       Extra fit-check question set (YAML); repeatable
  --answerer KIND        retrieval | llm (default: llm when PORTALPROBE_MODEL is set, else retrieval)
  --llm-base-url URL     OpenAI-compatible endpoint (default OPENAI_BASE_URL); key from OPENAI_API_KEY
  --llm-model NAME       Model name (default PORTALPROBE_MODEL)
  --budget-tokens N      Page text per fit-check question, in tokens (default 3000)
  --no-llm-cache         Do not reuse cached LLM answers (.portalprobe-cache/)
  --quiet                No progress on stderr
  --fail-under N         CI gate: exit 1 when the overall score is below N (0-100)
  --fail-under-lens L=N  CI gate per lens (core, businessReadiness, aiVisibility); repeatable
  --summary-json FILE    Small JSON summary for CI logs (scores, stages, gate, report paths); - for stdout

compare options: the audit options (applied to every URL), the CI gate judged on the first portal;
  --out DIR gets comparison.json/.md/.html and portals/<n>-<host>/report.json for each fresh audit

serve options:
  --port N               Port (default 8080; 0 picks a free one)
  --host H               Interface (default 127.0.0.1; 0.0.0.0 in a container)
  --db FILE|URL          SQLite file (default ./data/portalprobe.db) or postgres://… (default DATABASE_URL);
                         also for keys and worker
  --no-auth              No API keys (local use only)
  --allow-private        Allow private/loopback audit targets (intranet portals, tests)
  --no-browser           Never use a headless browser in audits
  --concurrency N        Audits running at once in this process (default 2)
  --workers N            Same as --concurrency; 0 runs no audits here (PostgreSQL, with worker processes)
  --job-expiry S         PostgreSQL: a job whose worker died is retried after S seconds; the longest
                         an audit may run (default 900)
  --max-active-per-key N Queued + running audits per API key (default 5)
  --rate-limit N         Requests per minute per key, or per IP with --no-auth (default 300)
  --min-schedule-seconds N  Shortest schedule interval accepted (default 300); schedules are checked
                         twice per that interval (every 30 s at most)
  --public-url URL       Base URL for absolute links in /llms.txt
  --trust-proxy          Trust X-Forwarded-* from a reverse proxy
  --log-level L          fatal|error|warn|info|debug|trace|silent (default info)

worker options: --db postgres://… (or DATABASE_URL), --concurrency N, --allow-private, --no-browser,
  --job-expiry S, --min-schedule-seconds N, --port N (health and metrics; default any free port),
  --host H, --log-level L

Exit codes: 0 done, 1 quality gate failed, 2 bad usage, 3 target cannot be audited, 4 internal error.
`;

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'audit':
        return await auditCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      case 'compare':
        return await compareCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      case 'keys':
        return await keysCommand(rest, io);
      case 'worker':
        return await workerCommand(rest, io);
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
