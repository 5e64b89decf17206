// Test helper: serves a fixture portal on 127.0.0.1, crawls it with the real crawl and runs the
// probes the fit-check reads (robots, sitemap, llms-txt, gating, markdown, and rendering on request:
// it may start a headless browser), as run-audit does.
import { startStaticPortal } from '../../src/demo/static-server.js';
import { createHttpClient } from '../../src/fetch/client.js';
import { createAuditFetch } from '../../src/fetch/audit-fetch.js';
import { crawl } from '../../src/crawl/crawler.js';
import { createPageParser } from '../../src/crawl/parse-pool.js';
import { discoverSeeds } from '../../src/crawl/seeds.js';
import { loadRobotsPolicy } from '../../src/audit/robots-policy.js';
import { runProbes } from '../../src/audit/probe-runner.js';
import { browserAccess, closeBrowser, tryLaunchBrowser } from '../../src/browser/browser.js';
import { decodeBody } from '../../src/fetch/decode.js';
import robots from '../../probes/robots/index.js';
import sitemap from '../../probes/sitemap/index.js';
import llmsTxt from '../../probes/llms-txt/index.js';
import gating from '../../probes/gating/index.js';
import rendering from '../../probes/rendering/index.js';
import markdown from '../../probes/markdown/index.js';
import type { ProbeResultEntry, Snapshot } from '../../src/contract/index.js';

export interface CrawledPortal {
  origin: string;
  snapshot: Snapshot;
  probes: ProbeResultEntry[];
  robotsTxt: string | undefined;
  close(): Promise<void>;
}

export async function crawlPortal(root: string, options: { maxPages?: number; rendering?: boolean } = {}): Promise<CrawledPortal> {
  const server = await startStaticPortal({ root, host: '127.0.0.1', port: 0 });
  const origin = new URL(server.url).origin;
  const client = createHttpClient({ allowPrivate: true });
  try {
    const raw = createAuditFetch(client);
    const policy = await loadRobotsPolicy(origin, raw, client.userAgent, false);
    const fetch = policy.wrap(raw);
    const snapshot = await crawl(`${origin}/`, {
      fetch, parser: createPageParser(0), robotsPolicy: policy.policy, seeds: (o) => discoverSeeds(o, fetch),
      requestCount: () => client.stats,
    }, { maxPages: options.maxPages ?? 60, maxDepth: 5 });
    // As run-audit does, the one browser is launched here and handed to the rendering probe.
    const launched = options.rendering ? await tryLaunchBrowser() : null;
    const probes = await runProbes([robots, sitemap, llmsTxt, gating, markdown, ...(options.rendering ? [rendering] : [])], {
      snapshot, fetch, signal: new AbortController().signal, options: { maxLinkChecks: 20, maxSitemapDepth: 2 },
      ...(launched ? { browser: browserAccess(launched) } : {}),
    }).finally(() => closeBrowser(launched?.browser));
    const res = await fetch(`${origin}/robots.txt`);
    const robotsTxt = res.status === 200 ? decodeBody(res.body, res.headers['content-type']) : undefined;
    return { origin, snapshot, probes, robotsTxt, close: () => server.close() };
  } finally {
    await client.close();
  }
}
