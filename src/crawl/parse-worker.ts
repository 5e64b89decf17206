// Worker-thread entry: parses HTML pages off the main thread so fetching and parsing overlap and
// both cores work. Receives {id, html, url}; answers {id, artifacts} or {id, error}. The probes'
// collectors cannot cross the thread boundary as values, so they are loaded here from the modules
// they name (workerData.collectorModules).
import { parentPort, workerData } from 'node:worker_threads';
import type { PageCollector } from '../contract/index.js';
import { parsePage } from './parse-page.js';

const modules: string[] = (workerData as { collectorModules?: string[] } | null)?.collectorModules ?? [];
const collectors = await Promise.all(modules.map(async (m) => (await import(m) as { default: PageCollector }).default));

// Loading jsdom takes a worker over a second; saying when it is ready lets the pool parse on the
// main thread until then instead of queueing the first pages behind the start-up.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (msg: { id: number; html: string; url: string }) => {
  try {
    parentPort!.postMessage({ id: msg.id, artifacts: parsePage(msg.html, msg.url, collectors) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
