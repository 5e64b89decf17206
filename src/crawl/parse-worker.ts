// Worker-thread entry: parses HTML pages off the main thread so fetching and parsing overlap and
// both cores work. Receives {id, html, url}; answers {id, artifacts} or {id, error}.
import { parentPort } from 'node:worker_threads';
import { parsePage } from './parse-page.js';

// Loading jsdom takes a worker over a second; saying when it is ready lets the pool parse on the
// main thread until then instead of queueing the first pages behind the start-up.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (msg: { id: number; html: string; url: string }) => {
  try {
    parentPort!.postMessage({ id: msg.id, artifacts: parsePage(msg.html, msg.url) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
