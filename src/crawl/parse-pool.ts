// Page parsing shared between the main thread and a small pool of workers. jsdom + readability
// cost tens of milliseconds per page, far more than fetching from a nearby host, so parsing is the
// crawl's bottleneck. Measured on 2 cores (`npm run bench`, see README): one worker plus the main
// thread beats two workers, because a worker spends ~1 s loading jsdom before its first page (two
// loading at once starve the main thread), and the main thread is mostly idle between fetches.
// So: the main thread parses whenever every worker already has a page waiting, and always until
// the workers are ready; pages above MAIN_THREAD_MAX_CHARS go to a worker when one is ready, so a
// huge page never stalls the event loop (the HTTP service shares it). Under a TypeScript test
// runner the compiled worker file does not exist, and everything is parsed on the main thread.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePage, warmUpParser, type PageArtifacts } from './parse-page.js';
import type { PageCollector } from '../contract/index.js';

export interface PageParser {
  parse(html: string, url: string): Promise<PageArtifacts>;
  readonly workers: number;
  /** Pages parsed on the main thread and by workers so far. */
  stats(): { mainThread: number; workers: number };
  /** Resolves once every worker has loaded its parser (at once when there are none). */
  whenReady(): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  html: string;
  url: string;
  resolve: (a: PageArtifacts) => void;
  reject: (e: Error) => void;
}

/** A worker keeps at most this many pages (one parsing, one waiting) so it never idles between messages. */
const WORKER_QUEUE = 2;
/** A hostile page that makes jsdom grow past this kills its worker, not the audit (pages are ≤ 5 MiB by default). */
const WORKER_HEAP_MB = 1024;
/** Larger pages are never parsed on the main thread once a worker is ready. */
const MAIN_THREAD_MAX_CHARS = 256 * 1024;

function workerScript(): string | null {
  const url = new URL('./parse-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js')) return null;
  const path = fileURLToPath(url);
  return existsSync(path) ? path : null;
}

/** One worker per core beyond the first (the main thread parses too), at least one, at most three. */
export function defaultParseWorkers(): number {
  return workerScript() ? Math.min(3, Math.max(1, availableParallelism() - 1)) : 0;
}

export interface PageParserOptions {
  /** Worker entry point (tests substitute one that misbehaves). @default the compiled parse-worker.js */
  workerScript?: string;
  /** The probes' collectors (probes/index.ts PAGE_COLLECTORS); workers load them by their `module`. @default none */
  collectors?: readonly PageCollector[];
}

export function createPageParser(workers = defaultParseWorkers(), options: PageParserOptions = {}): PageParser {
  const script = workers > 0 ? options.workerScript ?? workerScript() : null;
  let onMain = 0;
  let inWorkers = 0;
  // The first pages are parsed here; building the window while the start page is fetched takes
  // its set-up off the critical path.
  setImmediate(warmUpParser).unref();
  const collectors = options.collectors ?? [];
  const parseHere = (html: string, url: string) => {
    onMain += 1;
    return parsePage(html, url, collectors);
  };
  if (!script) {
    return {
      workers: 0,
      parse: async (html, url) => parseHere(html, url),
      stats: () => ({ mainThread: onMain, workers: 0 }),
      whenReady: async () => {},
      close: async () => {},
    };
  }
  // execArgv: [] — workers must not inherit the parent's flags (`node -e …` would make each worker
  // evaluate the parent's script instead of parse-worker.js).
  const pool = Array.from({ length: workers }, () => {
    let markReady = () => {};
    const started = new Promise<void>((resolve) => { markReady = resolve; });
    const pending = new Map<number, Pending>();
    const worker = new Worker(script, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      workerData: { collectorModules: collectors.map((c) => c.module) },
    });
    return { worker, busy: 0, ready: false, started, markReady, pending };
  });
  let nextId = 1;
  for (const slot of pool) {
    slot.worker.unref();
    slot.worker.on('message', (msg: { id?: number; ready?: boolean; artifacts?: PageArtifacts; error?: string }) => {
      if (msg.ready) {
        slot.ready = true;
        slot.markReady();
        return;
      }
      slot.busy -= 1;
      const p = slot.pending.get(msg.id!);
      if (!p) return;
      slot.pending.delete(msg.id!);
      if (msg.artifacts) p.resolve(msg.artifacts);
      else p.reject(new Error(msg.error ?? 'parse failed'));
    });
    // A worker that dies (out of memory, a crash) takes no more pages. The page it was parsing
    // (the oldest; a worker works in order) fails with the reason, since parsing it here could
    // take the audit down the same way; the pages queued behind it are parsed here instead.
    const retire = (reason: unknown) => {
      slot.ready = false;
      slot.markReady();
      const [current, ...queued] = [...slot.pending.values()];
      slot.pending.clear();
      slot.busy = 0;
      const why = reason instanceof Error ? reason.message : `exit code ${String(reason)}`;
      current?.reject(new Error(`the parse worker stopped while parsing this page (${why})`));
      for (const p of queued) {
        try {
          p.resolve(parseHere(p.html, p.url));
        } catch (err) {
          p.reject(err instanceof Error ? err : new Error(String(err)));
        }
      }
    };
    slot.worker.on('error', retire);
    slot.worker.on('exit', retire);
  }
  const send = (slot: (typeof pool)[number], html: string, url: string) => {
    slot.busy += 1;
    inWorkers += 1;
    const id = nextId++;
    return new Promise<PageArtifacts>((resolve, reject) => {
      slot.pending.set(id, { html, url, resolve, reject });
      slot.worker.postMessage({ id, html, url });
    });
  };
  return {
    workers,
    async parse(html, url) {
      const ready = pool.filter((s) => s.ready);
      if (ready.length === 0) return parseHere(html, url);
      const slot = ready.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy < WORKER_QUEUE || html.length > MAIN_THREAD_MAX_CHARS) return send(slot, html, url);
      return parseHere(html, url);
    },
    stats: () => ({ mainThread: onMain, workers: inWorkers }),
    whenReady: async () => { await Promise.all(pool.map((slot) => slot.started)); },
    async close() {
      for (const slot of pool) slot.worker.removeAllListeners('exit');
      await Promise.all(pool.map((slot) => slot.worker.terminate()));
    },
  };
}
