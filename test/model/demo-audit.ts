// Audits the bundled demo portal (test/fixtures/demo-portal, answer key in its README.md) once for
// the model tests: a real runAudit over 127.0.0.1, without a browser. Probes that exist in probes/
// but are not yet in the registry (probes/index.ts) are run as well, over a second crawl gathered
// exactly as runAudit gathers it, so the model can be checked against every probe's real facts.
import { fileURLToPath } from 'node:url';
import { ALL_PROBES } from '../../probes/index.js';
import agentDiscovery from '../../probes/agent-discovery.js';
import businessSurface from '../../probes/business-surface.js';
import markdown from '../../probes/markdown.js';
import { loadRobotsPolicy } from '../../src/audit/robots-policy.js';
import { AUDIT_DEFAULTS } from '../../src/audit/options.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { crawl } from '../../src/crawl/crawler.js';
import { createPageParser } from '../../src/crawl/parse-pool.js';
import { discoverSeeds } from '../../src/crawl/seeds.js';
import { startStaticPortal } from '../../src/demo/static-server.js';
import { createAuditFetch } from '../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../src/fetch/client.js';
import { runProbes } from '../../src/probes/runner.js';
import type { Probe, ProbeContext } from '../../src/probes/types.js';
import type { ProbeResultEntry, Report } from '../../src/report/types.js';

export const DEMO_ROOT = fileURLToPath(new URL('../fixtures/demo-portal/', import.meta.url));

/** Every probe module in probes/ the model may refer to. */
const ALL_PROBE_MODULES: Probe[] = [
  ...ALL_PROBES,
  businessSurface as unknown as Probe,
  markdown as unknown as Probe,
  agentDiscovery as unknown as Probe,
];

export interface DemoAudit {
  origin: string;
  report: Report;
  /** The report's probe entries plus those of probes the registry does not list yet. */
  probes: ProbeResultEntry[];
  /** Ids of probes run beside runAudit because the registry lacks them. */
  unregistered: string[];
}

/** Runs the probes runAudit did not, over a crawl gathered the way runAudit gathers it. */
async function runUnregistered(url: string, probes: Probe[]): Promise<ProbeResultEntry[]> {
  const client = createHttpClient({ allowPrivate: true });
  const parser = createPageParser();
  const controller = new AbortController();
  try {
    const origin = new URL(url).origin;
    const rawFetch = createAuditFetch(client);
    const robots = await loadRobotsPolicy(origin, rawFetch, client.userAgent, false);
    const fetch = robots.wrap(rawFetch);
    const snapshot = await crawl(url, {
      fetch, parser, robotsPolicy: robots.policy, seeds: (o) => discoverSeeds(o, fetch), signal: controller.signal,
    }, { maxPages: AUDIT_DEFAULTS.maxPages, maxDepth: AUDIT_DEFAULTS.maxDepth });
    const ctx: ProbeContext = {
      snapshot,
      fetch,
      signal: controller.signal,
      browser: 'disabled for this audit',
      options: { maxLinkChecks: AUDIT_DEFAULTS.maxLinkChecks, maxSitemapDepth: AUDIT_DEFAULTS.maxSitemapDepth },
    };
    return await runProbes(probes, ctx);
  } finally {
    await parser.close();
    await client.close();
  }
}

/** Serves the demo portal, audits it and closes the server. */
export async function auditDemoPortal(): Promise<DemoAudit> {
  const server = await startStaticPortal({ root: DEMO_ROOT, host: '127.0.0.1', port: 0 });
  try {
    const origin = new URL(server.url).origin;
    const report = await runAudit(server.url, { allowPrivate: true, browser: false });
    const ran = new Set(report.probes.map((p) => p.id));
    const missing = ALL_PROBE_MODULES.filter((p) => !ran.has(p.id));
    const extra = missing.length > 0 ? await runUnregistered(server.url, missing) : [];
    return { origin, report, probes: [...report.probes, ...extra], unregistered: missing.map((p) => p.id) };
  } finally {
    await server.close();
  }
}
