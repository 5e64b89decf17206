// Integration: the llms-txt probe against a real node:http server on 127.0.0.1 — a valid llms.txt
// with one broken link plus an llms-full.txt; an HTML soft 404 at /llms.txt; no files at all.
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchRequest, FetchResult } from '../../../src/fetch/types.js';
import { countTokens } from '../../../src/util/tokens.js';
import llmsTxtProbe from '../../../probes/llms-txt/index.js';
import { startServer, type TestServer } from '../../fetch/test-server.js';
import { makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

/**
 * ctx.fetch for tests: node's fetch against 127.0.0.1, answers shaped like FetchResult, never throws.
 * One retry on a network error: on a busy machine a kept-alive socket can be closed by the server
 * just as it is reused ("other side closed"), which says nothing about the probe.
 */
async function httpFetch(url: string, request: FetchRequest = {}, retried = false): Promise<FetchResult> {
  try {
    const res = await fetch(url, { method: request.method ?? 'GET', headers: request.headers });
    const body = Buffer.from(await res.arrayBuffer());
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => { headers[name] = value; });
    return { url, finalUrl: res.url || url, status: res.status, headers, body, truncated: false, redirects: [], bytes: body.length, durationMs: 1, ttfbMs: 1 };
  } catch (err) {
    if (!retried) return httpFetch(url, request, true);
    return {
      url, finalUrl: url, status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, redirects: [], bytes: 0, durationMs: 1, ttfbMs: 0,
      error: { code: 'PP_ERR_CONNECTION', message: err instanceof Error ? err.message : String(err) },
    };
  }
}

function context(origin: string, maxLinkChecks = 50) {
  return contextOf({
    snapshot: makeSnapshot(origin, [makePage({ url: `${origin}/`, html: '<html><body><h1>Home</h1></body></html>' })]),
    fetch: httpFetch,
    signal: new AbortController().signal,
    options: { maxLinkChecks, maxSitemapDepth: 3 },
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Routes = Record<string, { status?: number; type: string; body: string }>;
async function serve(routes: (origin: string) => Routes): Promise<TestServer> {
  let table: Routes = {};
  server = await startServer((req, res) => {
    const route = table[req.url ?? ''];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Not found</body></html>');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type }).end(route.body);
  });
  table = routes(server.origin);
  return server;
}

const FULL = `# Acme API\n\n${'The Acme API lets you send payments. '.repeat(200)}\n`;

describe('llms-txt probe', () => {
  it('parses a valid llms.txt, checks its links (one broken) and counts llms-full.txt tokens', async () => {
    const s = await serve((o) => ({
      '/llms.txt': {
        type: 'text/plain; charset=utf-8',
        body: `# Acme API\n\n> Payments for developers.\n\nAcme's docs for agents.\n\n## Docs\n\n`
          + `- [Quickstart](${o}/docs/quickstart.md): Five minutes to a first payment\n`
          + `- [Reference](/docs/reference.md)\n`
          + `- [Gone page](${o}/docs/gone): This one 404s\n`
          + `- [Changelog](${o}/changelog)\n\n`
          + `## Optional\n\n- [GitHub](https://github.invalid/acme)\n`,
      },
      '/llms-full.txt': { type: 'text/markdown', body: FULL },
      '/docs/quickstart.md': { type: 'text/markdown', body: '# Quickstart' },
      '/docs/reference.md': { type: 'text/markdown', body: '# Reference' },
      '/changelog': { type: 'text/html', body: '<html><body>Changes</body></html>' },
    }));
    const o = s.origin;
    // At most 4 checks: the 5th link (off-site, never fetched in a test) stays unchecked.
    const { facts, findings } = await llmsTxtProbe.run(context(o, 4));

    expect(facts).toMatchObject({
      url: `${o}/llms.txt`,
      present: true,
      valid: true,
      title: 'Acme API',
      summary: 'Payments for developers.',
      sectionCount: 2,
      linkCount: 5,
      optionalLinkCount: 1,
      links: [`${o}/docs/quickstart.md`, `${o}/docs/reference.md`, `${o}/docs/gone`, `${o}/changelog`, 'https://github.invalid/acme'],
      checkedLinks: 4,
      brokenLinks: 1,
      brokenLinkUrls: [`${o}/docs/gone`],
      sameSiteLinkShare: 0.8,
      mdLinkShare: 0.4,
      errors: [],
      fullUrl: `${o}/llms-full.txt`,
      fullPresent: true,
      fullTokens: countTokens(FULL),
      fullTruncated: false,
    });
    expect(facts.tokens).toBeGreaterThan(50);
    expect(findings).toContainEqual({ severity: 'warning', message: expect.stringContaining('HTTP 404'), url: `${o}/docs/gone` });
    expect(findings).toContainEqual({ severity: 'info', message: expect.stringContaining('1 more llms.txt link(s) not checked') });
    // Each URL fetched once.
    for (const path of ['/llms.txt', '/llms-full.txt', '/docs/quickstart.md', '/docs/gone']) {
      expect(s.requests.filter((r) => r.url === path)).toHaveLength(1);
    }
  });

  it('treats an HTML soft 404 at /llms.txt as absent', async () => {
    const s = await serve(() => ({
      '/llms.txt': { type: 'text/html; charset=utf-8', body: '<!DOCTYPE html>\n<html><head><title>Acme</title></head><body><div id="app"></div></body></html>' },
      '/llms-full.txt': { type: 'text/html', body: '<!DOCTYPE html><html><body>app</body></html>' },
    }));
    const o = s.origin;
    const { facts, findings } = await llmsTxtProbe.run(context(o));
    expect(facts).toMatchObject({ present: false, valid: false, title: null, linkCount: 0, checkedLinks: 0, tokens: null, fullPresent: false, fullTokens: null });
    expect(findings).toContainEqual({ severity: 'warning', message: expect.stringContaining('soft 404'), url: `${o}/llms.txt` });
    expect(findings).toContainEqual({ severity: 'warning', message: expect.stringContaining('soft 404'), url: `${o}/llms-full.txt` });
  });

  it('reports parse errors as findings and a missing llms.txt as absent', async () => {
    const s = await serve(() => ({ '/llms.txt': { type: 'text/plain', body: 'Bad llms txt file content' } }));
    const o = s.origin;
    const { facts, findings } = await llmsTxtProbe.run(context(o));
    expect(facts).toMatchObject({ present: true, valid: false, title: null, fullPresent: false });
    expect(facts.errors).toHaveLength(3);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.url)).toEqual([`${o}/llms.txt`, `${o}/llms.txt`, `${o}/llms.txt`]);
    expect(findings).toContainEqual({ severity: 'info', message: expect.stringContaining('No llms-full.txt'), url: `${o}/llms-full.txt` });

    await s.close();
    server = await serve(() => ({}));
    const absent = await llmsTxtProbe.run(context(server.origin));
    expect(absent.facts).toMatchObject({ present: false, valid: false, fullPresent: false });
    expect(absent.findings).toEqual([{ severity: 'warning', message: expect.stringContaining('HTTP 404'), url: `${server.origin}/llms.txt` }]);
  });
});
