// `npm run bench`: crawl speed and memory on generated portals served on 127.0.0.1.
// Each size runs in its own child process so peak RSS belongs to that run alone.
// Prints one line per run: pages, seconds, pages/s, peak RSS (MiB), parse workers.
// `--scale` runs scale-bench.ts instead (PostgreSQL, worker processes).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startGeneratedPortal } from '../../src/demo/generated-portal.js';
import { crawl } from '../../src/crawl/crawler.js';
import { createPageParser } from '../../src/crawl/parse-pool.js';
import { createHttpClient } from '../../src/fetch/client.js';
import { createAuditFetch } from '../../src/fetch/audit-fetch.js';
import { discoverSeeds } from '../../src/crawl/seeds.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { PAGE_COLLECTORS } from '../../probes/index.js';

const SIZES = [100, 1000];

interface RunResult {
  kind: 'crawl' | 'audit';
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  peakRssMiB: number;
  workers: number;
}

async function runOne(kind: 'crawl' | 'audit', size: number): Promise<RunResult> {
  const portal = await startGeneratedPortal({ pages: size, host: '127.0.0.1', port: 0 });
  try {
    const t0 = performance.now();
    let pages = 0;
    let workers = 0;
    if (kind === 'crawl') {
      const client = createHttpClient({ allowPrivate: true });
      const parser = createPageParser(undefined, { collectors: PAGE_COLLECTORS });
      workers = parser.workers;
      const fetch = createAuditFetch(client);
      const snapshot = await crawl(portal.url, {
        fetch, parser, robotsPolicy: 'respected', seeds: (origin) => discoverSeeds(origin, fetch),
      }, { maxPages: size, maxDepth: 10 });
      pages = snapshot.pages.length;
      await parser.close();
      await client.close();
    } else {
      const report = await runAudit(portal.url, { allowPrivate: true, maxPages: size, maxDepth: 10, browser: false });
      pages = report.run.pagesFetched;
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      kind, pages, seconds, pagesPerSecond: pages / seconds,
      peakRssMiB: process.resourceUsage().maxRSS / 1024, workers,
    };
  } finally {
    await portal.close();
  }
}

async function child(kind: 'crawl' | 'audit', size: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), ['--child', kind, String(size)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    proc.on('message', (m) => resolve(m as RunResult));
    proc.on('exit', (code) => { if (code !== 0) reject(new Error(`bench child exited with ${code}`)); });
  });
}

if (process.argv.includes('--scale')) {
  // `npm run bench -- --scale`: the service on PostgreSQL with 1, 2 and 4 worker processes.
  const { scaleBench } = await import('./scale-bench.js');
  const counts = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  await scaleBench(counts.length ? counts : undefined);
} else if (process.argv[2] === '--child') {
  const result = await runOne(process.argv[3] as 'crawl' | 'audit', Number(process.argv[4]));
  process.send!(result, () => process.exit(0));
} else {
  // `npm run bench -- crawl 100` runs one kind and/or size only.
  const onlyKind = process.argv.slice(2).find((a) => a === 'crawl' || a === 'audit');
  const onlySize = process.argv.slice(2).map(Number).find((n) => Number.isInteger(n) && n > 0);
  console.log('portalprobe bench — generated portals on 127.0.0.1 (each run in a fresh process)');
  console.log('kind   pages  seconds  pages/s  peakRSS(MiB)  parseWorkers');
  for (const kind of ['crawl', 'audit'] as const) {
    if (onlyKind && kind !== onlyKind) continue;
    for (const size of onlySize ? [onlySize] : SIZES) {
      const r = await child(kind, size);
      console.log(`${r.kind.padEnd(6)} ${String(r.pages).padStart(5)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.pagesPerSecond.toFixed(1).padStart(7)}  ${r.peakRssMiB.toFixed(0).padStart(12)}  ${kind === 'crawl' ? r.workers : '-'}`);
    }
  }
}
