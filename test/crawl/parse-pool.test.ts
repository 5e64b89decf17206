// The worker pool only exists in the compiled build (a worker runs dist/src/crawl/parse-worker.js),
// so this test drives the compiled pool; `npm test` builds before vitest runs.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePage } from '../../src/crawl/parse-page.js';
import type { PageParser } from '../../src/crawl/parse-pool.js';

const compiled = new URL('../../dist/src/crawl/parse-pool.js', import.meta.url);
const PAGES = new URL('../fixtures/demo-portal/', import.meta.url);

async function compiledPool(workers: number, workerScript?: string): Promise<PageParser> {
  if (!existsSync(compiled)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  const mod = (await import(compiled.href)) as typeof import('../../src/crawl/parse-pool.js');
  return mod.createPageParser(workers, { workerScript });
}

const demoPages = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ url: `https://portal.example/${f}`, html: readFileSync(new URL(f, PAGES), 'utf8') }));

let parser: PageParser | undefined;
afterEach(async () => {
  await parser?.close();
  parser = undefined;
});

describe('parse pool (compiled, with a worker)', () => {
  it('parses on the main thread until the worker is ready, then shares pages with it', async () => {
    parser = await compiledPool(1);
    expect(parser.workers).toBe(1);
    const early = await parser.parse(demoPages[0].html, demoPages[0].url);
    expect(parser.stats()).toEqual({ mainThread: 1, workers: 0 });
    expect(early.title).toBe(parsePage(demoPages[0].html, demoPages[0].url).title);

    await parser.whenReady();
    // Asked for six pages at once: the worker takes two (one parsing, one waiting), the main
    // thread the other four.
    const batch = demoPages.slice(0, 6);
    const results = await Promise.all(batch.map((p) => parser!.parse(p.html, p.url)));
    expect(parser.stats()).toEqual({ mainThread: 5, workers: 2 });
    // Wherever a page was parsed, its artifacts are the same.
    results.forEach((artifacts, i) => expect(artifacts).toEqual(parsePage(batch[i].html, batch[i].url)));
  }, 30_000);

  it('sends a page too large for the main thread to the worker even when it is busy', async () => {
    parser = await compiledPool(1);
    await parser.whenReady();
    const big = `<!doctype html><title>Big</title><main>${`<p>${'Pricing starts at 49 euros a month. '.repeat(200)}</p>`.repeat(40)}</main>`;
    expect(big.length).toBeGreaterThan(256 * 1024);
    const results = await Promise.all([big, big, big].map((html) => parser!.parse(html, 'https://portal.example/big')));
    expect(parser.stats()).toEqual({ mainThread: 0, workers: 3 });
    expect(results.every((r) => r.title === 'Big' && r.mainText.includes('Pricing starts at 49 euros'))).toBe(true);
  }, 30_000);

  it('loses no page when its worker dies: the page being parsed fails with the reason, the queued one is parsed here', async () => {
    // A worker that says it is ready and exits on its first page.
    parser = await compiledPool(1, fileURLToPath(new URL('../fixtures/crawl/dying-parse-worker.mjs', import.meta.url)));
    await parser.whenReady();
    const batch = demoPages.slice(0, 2);
    const outcomes = await Promise.all(batch.map((p) => parser!.parse(p.html, p.url).then(
      (a) => ({ title: a.title, error: null }),
      (e: Error) => ({ title: null, error: e.message }),
    )));
    expect(outcomes[0].error).toMatch(/parse worker stopped while parsing this page \(exit code 3\)/);
    expect(outcomes[1]).toEqual({ title: parsePage(batch[1].html, batch[1].url).title, error: null });
    // Later pages go to the main thread.
    const after = await parser.parse(demoPages[2].html, demoPages[2].url);
    expect(after.title).toBe(parsePage(demoPages[2].html, demoPages[2].url).title);
    expect(parser.stats()).toEqual({ mainThread: 2, workers: 2 });
  }, 30_000);
});
