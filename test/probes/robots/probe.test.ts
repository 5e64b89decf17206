// Integration test for probes/robots/index.ts: a real node:http server on 127.0.0.1 serves /robots.txt; the
// probe gets a hand-built ProbeContext whose fetch (test-only) uses Node's fetch against it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import robotsProbe, { looksLikeHtml, publicContentPaths } from '../../../probes/robots/index.js';
import type { Page, ProbeContext, RobotsFacts, Snapshot } from '../../../src/contract/index.js';
import type { FetchResult } from '../../../src/fetch/types.js';
import { MAX_PARSE_BYTES } from '../../../src/robots/parse.js';
import { contextOf } from '../../helpers/probe-context.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_req, res) => res.end();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const serve = (status: number, body: string | Buffer, type = 'text/plain'): void => {
  handler = (req, res) => {
    if (req.url !== '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
};

function page(path: string, status = 200): Page {
  return { url: origin + path, finalUrl: origin + path, status } as unknown as Page;
}

function context(fetchImpl?: ProbeContext['fetch']): ProbeContext {
  const snapshot = {
    startUrl: origin + '/',
    finalUrl: origin + '/',
    origin,
    pages: [page('/'), page('/docs/getting-started'), page('/pricing'), page('/gone', 404)],
    skippedByRobots: [],
  } as unknown as Snapshot;
  // Test-only: product code fetches through the audit's HttpClient, never Node's fetch.
  const fetch = async (url: string): Promise<FetchResult> => {
    const started = Date.now();
    const res = await globalThis.fetch(url, { redirect: 'follow' });
    const body = Buffer.from(await res.arrayBuffer());
    return {
      url,
      finalUrl: res.url,
      status: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      body,
      truncated: false,
      redirects: [],
      bytes: body.byteLength,
      durationMs: Date.now() - started,
      ttfbMs: 0,
    };
  };
  return contextOf({
    snapshot,
    fetch: fetchImpl ?? fetch,
    signal: new AbortController().signal,
    options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
  });
}

const agent = (facts: RobotsFacts, name: string) => facts.aiAgents.find((a) => a.agent === name);

describe('robots probe', () => {
  it('has the contract metadata', () => {
    expect(robotsProbe.id).toBe('robots');
    expect(robotsProbe.reads).toContain('fetch');
  });

  it.each([
    ['<!doctype html><html></html>', 'text/plain', true],
    ['\uFEFF  <html lang="en">', undefined, true],
    ['<p>Not found</p>', 'text/html', true],
    ['Not found', 'text/html; charset=utf-8', true],
    ['User-agent: *\nDisallow:', 'text/html', false],
    ['User-agent: *\nDisallow: /<x>', 'text/plain', false],
    ['', 'text/plain', false],
  ])('looksLikeHtml(%j, %s) → %s', (body, type, expected) => {
    expect(looksLikeHtml(Buffer.from(body), type)).toBe(expected);
  });

  it('samples public content paths: /, start URL, 2xx pages and portal sections', () => {
    expect(publicContentPaths(context().snapshot).sort()).toEqual(
      ['/', '/api', '/docs', '/docs/getting-started', '/pricing', '/reference'].sort(),
    );
  });

  it('reports per-agent access: GPTBot none, ClaudeBot partial, PerplexityBot all', async () => {
    serve(
      200,
      [
        'User-agent: GPTBot', // 1
        'Disallow: /', // 2
        '', // 3
        'User-agent: ClaudeBot', // 4
        'Content-Signal: search=yes, ai-train=no', // 5
        'Disallow: /docs', // 6
        '', // 7
        'User-agent: *', // 8
        'Allow: /', // 9
        'Crawl-delays: 5', // 10
        'Sitemap: ' + 'https://docs.example.com/sitemap.xml', // 11
        'Sitemap: https://docs.example.com/sitemap.xml', // 12 (duplicate)
      ].join('\n'),
    );
    const { facts, findings } = await robotsProbe.run(context());
    expect(facts.present).toBe(true);
    expect(facts.status).toBe(200);
    expect(facts.url).toBe(`${origin}/robots.txt`);
    expect(facts.aiAgents).toHaveLength(166);
    expect(agent(facts, 'GPTBot')).toEqual({ agent: 'GPTBot', operator: 'OpenAI', purpose: 'training', access: 'none', group: 'GPTBot' });
    expect(agent(facts, 'ClaudeBot')).toMatchObject({ access: 'partial', group: 'ClaudeBot' });
    expect(agent(facts, 'PerplexityBot')).toMatchObject({ purpose: 'search', access: 'all', group: '*' });
    expect(facts.sitemaps).toEqual(['https://docs.example.com/sitemap.xml']);
    expect(facts.contentSignals).toEqual([{ agent: 'ClaudeBot', value: 'search=yes, ai-train=no', line: 5 }]);
    expect(facts.portalprobeAllowed).toBe(true);
    expect(facts.lintErrors).toBe(1);
    expect(facts.blockedPurposes.training.none).toBe(1);
    expect(facts.blockedPurposes.training.partial).toBe(1);
    const total = Object.values(facts.blockedPurposes).flatMap((c) => Object.values(c)).reduce((a, b) => a + b, 0);
    expect(total).toBe(166);
    expect(findings).toContainEqual(
      expect.objectContaining({ severity: 'info', evidence: 'line 10: Crawl-delays: 5', message: expect.stringContaining('Crawl-delays') }),
    );
    // ClaudeBot is a training crawler, so no "search blocked from docs" warning here.
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('warns when AI search crawlers are blocked from the docs, citing the line', async () => {
    serve(200, 'User-agent: *\nAllow: /\n\nUser-agent: OAI-SearchBot\nUser-agent: PerplexityBot\nDisallow: /docs/\n');
    const { facts, findings } = await robotsProbe.run(context());
    expect(agent(facts, 'OAI-SearchBot')?.access).toBe('partial');
    const warning = findings.find((f) => f.severity === 'warning');
    expect(warning?.message).toMatch(/OAI-SearchBot, PerplexityBot/);
    expect(warning?.evidence).toBe('line 6: Disallow: /docs/ (OAI-SearchBot, PerplexityBot)');
  });

  it('404: no robots.txt, every agent may fetch everything', async () => {
    serve(404, 'not found');
    const { facts, findings } = await robotsProbe.run(context());
    expect(facts.present).toBe(false);
    expect(facts.status).toBe(404);
    expect(facts.aiAgents.every((a) => a.access === 'all')).toBe(true);
    expect(facts.portalprobeAllowed).toBe(true);
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/No robots\.txt/) })]);
  });

  it('500: everything is disallowed for every agent', async () => {
    serve(500, 'oops');
    const { facts, findings } = await robotsProbe.run(context());
    expect(facts.present).toBe(false);
    expect(facts.aiAgents.every((a) => a.access === 'none')).toBe(true);
    expect(facts.blockedPurposes.search).toEqual({ all: 0, partial: 0, none: 21 });
    expect(facts.portalprobeAllowed).toBe(false);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', evidence: 'HTTP 500' });
  });

  it('an HTML page at /robots.txt is not a robots.txt', async () => {
    serve(200, '<!DOCTYPE html>\n<html><head><title>Not found</title></head><body>Oops</body></html>', 'text/html');
    const { facts, findings } = await robotsProbe.run(context());
    expect(facts.present).toBe(false);
    expect(facts.status).toBe(200);
    expect(facts.aiAgents.every((a) => a.access === 'all')).toBe(true);
    expect(facts.lintErrors).toBe(0);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/HTML page/), evidence: expect.stringContaining('<!DOCTYPE html>') }),
    ]);
  });

  it('flags a file over 500 KiB and ignores the rest', async () => {
    const head = 'User-agent: *\nDisallow: /private\n';
    serve(200, head + '#'.repeat(MAX_PARSE_BYTES) + '\nUser-agent: GPTBot\nDisallow: /\n');
    const { facts, findings } = await robotsProbe.run(context());
    expect(facts.present).toBe(true);
    expect(facts.sizeBytes).toBeGreaterThan(MAX_PARSE_BYTES);
    expect(agent(facts, 'GPTBot')?.access).toBe('all');
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/500 KiB/) }));
  });

  it('an unreachable server means complete disallow', async () => {
    const failing: ProbeContext['fetch'] = async (url) => ({
      url, finalUrl: url, status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, redirects: [], bytes: 0,
      durationMs: 1, ttfbMs: 0, error: { code: 'PP_ERR_TIMEOUT', message: 'timed out' },
    });
    const { facts, findings } = await robotsProbe.run(context(failing));
    expect(facts.status).toBe(0);
    expect(facts.aiAgents.every((a) => a.access === 'none')).toBe(true);
    expect(findings[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('PP_ERR_TIMEOUT') });
  });
});
