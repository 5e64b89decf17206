// A small pool of parse workers. jsdom + readability cost tens of milliseconds per page, far more
// than fetching from a nearby host, so on a 2-core machine parsing in workers roughly doubles
// crawl throughput (measured by `npm run bench`, see README). Under a TypeScript test runner the
// compiled worker file does not exist, and parsing falls back to the main thread.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePage, type PageArtifacts } from './parse-page.js';

export interface PageParser {
  parse(html: string, url: string): Promise<PageArtifacts>;
  readonly workers: number;
  close(): Promise<void>;
}

interface Pending {
  resolve: (a: PageArtifacts) => void;
  reject: (e: Error) => void;
}

function workerScript(): string | null {
  const url = new URL('./parse-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js')) return null;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
}

export function defaultParseWorkers(): number {
  return workerScript() ? Math.min(2, availableParallelism()) : 0;
}

export function createPageParser(workers = defaultParseWorkers()): PageParser {
  const script = workers > 0 ? workerScript() : null;
  if (!script) {
    return {
      workers: 0,
      parse: async (html, url) => parsePage(html, url),
      close: async () => {},
    };
  }
  // execArgv: [] — workers must not inherit the parent's flags (`node -e …` would make each worker
  // evaluate the parent's script instead of parse-worker.js).
  const pool = Array.from({ length: workers }, () => ({ worker: new Worker(script, { execArgv: [] }), busy: 0, ready: false }));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  for (const slot of pool) {
    slot.worker.unref();
    slot.worker.on('message', (msg: { id?: number; ready?: boolean; artifacts?: PageArtifacts; error?: string }) => {
      if (msg.ready) {
        slot.ready = true;
        return;
      }
      slot.busy -= 1;
      const p = pending.get(msg.id!);
      if (!p) return;
      pending.delete(msg.id!);
      if (msg.artifacts) p.resolve(msg.artifacts);
      else p.reject(new Error(msg.error ?? 'parse failed'));
    });
    slot.worker.on('error', (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  return {
    workers,
    async parse(html, url) {
      const ready = pool.filter((s) => s.ready);
      if (ready.length === 0) return parsePage(html, url);
      const slot = ready.reduce((a, b) => (b.busy < a.busy ? b : a));
      slot.busy += 1;
      const id = nextId++;
      return new Promise<PageArtifacts>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, html, url });
      });
    },
    async close() {
      await Promise.all(pool.map((slot) => slot.worker.terminate()));
    },
  };
}
