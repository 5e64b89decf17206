// Lighthouse's SEO smoke runs (test/fixtures/lighthouse-seo/smoke-expectations.json) replayed against
// the indexability probe: each fixture page is served from node:http on 127.0.0.1 with the status and
// extra response headers the run lists, fetched with portalprobe's real HTTP client, turned into a
// Page with makePage, and audited. Expected audit results are compared where they map onto our facts.
//
// Serving notes (to reproduce Lighthouse's static server, which runs at http://localhost:10200):
// - "http://localhost:10200" in the fixtures and headers is replaced by the test server's origin;
// - /robots.txt is Lighthouse's site-wide fixture (User-agent: * / Disallow:);
// - /seo/ (seo-tester.html's canonical) answers 200 with a small page. Lighthouse never fetches the
//   canonical target; we do, and a 404 there would (rightly) be a canonical issue of ours.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import indexabilityProbe from '../../../probes/indexability/index.js';
import { createAuditFetch } from '../../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../../src/fetch/client.js';
import { decodeBody } from '../../../src/fetch/decode.js';
import { CANONICAL_ISSUE_KINDS } from '../../../probes/indexability/canonical.js';
import type { Finding, IndexabilityFacts } from '../../../src/contract/index.js';
import { makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

const DIR = new URL('../../fixtures/lighthouse-seo/', import.meta.url);
const LH_ORIGIN = 'http://localhost:10200';

interface SmokeCase {
  id: string;
  fixture: string;
  servedPath: string;
  status: number;
  responseHeaders: Array<{ name: string; value: string }>;
  expectedAudits: Record<string, Record<string, unknown>>;
}

const smoke = JSON.parse(readFileSync(new URL('smoke-expectations.json', DIR), 'utf8')) as { cases: SmokeCase[] };

/** Audits of other probes (link text, anchors, robots.txt syntax): not compared here. */
const NOT_OURS = new Set(['crawlable-anchors', 'link-text', 'robots-txt']);

/** Deliberate differences, keyed `<run> <audit> <property>`, with our answer and why. */
const EXPECTED_DIFFERENCES: Record<string, { ours: unknown; why: string }> = {
  'seo-status-403 http-status-code score': {
    ours: 0,
    why: 'Lighthouse aborts the whole run on a 403 document (every audit null); we report the 403 as data (errorStatusUrls) and judge nothing else on that page.',
  },
};

interface Run {
  url: string;
  facts: IndexabilityFacts;
  findings: Finding[];
}

async function serveAndAudit(c: SmokeCase): Promise<Run> {
  let origin = '';
  const local = (text: string) => text.replaceAll(LH_ORIGIN, origin);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === c.servedPath) {
      const headers: Record<string, string | string[]> = { 'content-type': 'text/html; charset=utf-8' };
      for (const h of c.responseHeaders) {
        const name = h.name.toLowerCase();
        const value = local(h.value);
        const prior = headers[name];
        headers[name] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
      }
      res.writeHead(c.status, headers).end(local(readFileSync(new URL(c.fixture, DIR), 'utf8')));
    } else if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(readFileSync(new URL('fixtures/robots.txt', DIR)));
    } else if (path === '/seo/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>SEO</title><h1>SEO</h1>');
    } else {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createHttpClient({ allowPrivate: true, maxRetries: 0 });
  try {
    const fetch = createAuditFetch(client);
    const url = `${origin}${c.servedPath}`;
    const res = await fetch(url);
    expect(res.status).toBe(c.status);
    const page = makePage({
      url,
      finalUrl: res.finalUrl,
      status: res.status,
      headers: res.headers,
      html: decodeBody(res.body, res.headers['content-type']),
    });
    const ctx = contextOf({
      snapshot: makeSnapshot(origin, [page]),
      fetch,
      signal: new AbortController().signal,
      options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
    });
    const out = await indexabilityProbe.run(ctx);
    return { url, ...out };
  } finally {
    await client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Our answer to a Lighthouse audit property for the page (null: the page was not judged). */
function ours(audit: string, property: string, run: Run): unknown {
  const { facts, findings, url } = run;
  const judged = facts.pagesChecked > 0;
  const canonical = facts.canonicalProblems.filter((p) => p.url === url && CANONICAL_ISSUE_KINDS.has(p.kind));
  const hreflang = facts.hreflangIssues.filter((h) => h.url === url);
  const noindex = findings.find((f) => f.url === url && /not to index it/.test(f.message));
  const key = `${audit} ${property}`;
  switch (key) {
    case 'http-status-code score':
      return facts.errorStatusUrls.some((e) => e.url === url) ? 0 : 1;
    case 'document-title score':
      return judged ? Number(!facts.pagesWithoutTitle.includes(url)) : null;
    case 'meta-description score':
      return judged ? Number(!facts.pagesWithoutDescription.includes(url)) : null;
    case 'is-crawlable score':
      return judged ? Number(!facts.noindexUrls.includes(url) && !facts.robotsTxtBlockedUrls.includes(url)) : null;
    case 'is-crawlable details.items.length':
      return noindex?.evidence?.split('; ').length ?? 0;
    case 'hreflang score':
      return judged ? Number(hreflang.length === 0) : null;
    case 'hreflang details.items.length':
      return hreflang.length;
    case 'canonical score':
      return judged ? Number(canonical.length === 0) : null;
    case 'canonical explanation':
      return canonical[0]?.kind === 'conflict' ? `Multiple conflicting URLs (${canonical[0].candidates?.join(', ')})` : canonical[0]?.kind;
    default:
      throw new Error(`unmapped smoke expectation ${key}`);
  }
}

describe.each(smoke.cases.map((c) => [c.id, c] as const))('Lighthouse smoke run %s', (id, c) => {
  let run: Run;
  beforeAll(async () => {
    run = await serveAndAudit(c);
  });

  const mapped = Object.entries(c.expectedAudits).filter(([audit]) => !NOT_OURS.has(audit));
  it.each(mapped.flatMap(([audit, props]) => Object.entries(props).map(([prop, value]) => [`${audit} ${prop}`, audit, prop, value] as const)))(
    '%s',
    (_key, audit, prop, expected) => {
      const key = `${id} ${audit} ${prop}`;
      const value = ours(audit, prop, run);
      const diff = EXPECTED_DIFFERENCES[key];
      if (diff) {
        expect(value, `${key}: ${diff.why}`).toEqual(diff.ours);
        expect(value, `${key} now agrees with Lighthouse: remove it from EXPECTED_DIFFERENCES`).not.toEqual(expected);
      } else {
        expect(value, key).toEqual(expected);
      }
    },
  );

  it('judged the page only when it answered 2xx, and never threw', () => {
    expect(run.facts.pagesChecked).toBe(c.status === 200 ? 1 : 0);
    if (c.status !== 200) expect(run.facts.errorStatusUrls).toEqual([{ url: run.url, status: c.status }]);
  });
});

describe('smoke extras', () => {
  it('seo-mixed-language: anchors with hreflang are not hreflang links, and nothing is flagged but the missing description', async () => {
    const run = await serveAndAudit(smoke.cases.find((c) => c.id === 'seo-mixed-language')!);
    expect(run.facts.hreflangIssues).toEqual([]);
    expect(run.facts.noindexUrls).toEqual([]);
    expect(run.facts.pagesWithoutTitle).toEqual([]);
    expect(run.facts.pagesWithoutDescription).toEqual([run.url]);
    expect(run.facts.canonicalIssues).toBe(0);
    expect(run.facts.indexableShare).toBe(1);
  });

  it('seo-passing: the canonical to /seo/ was fetched and answered 200 (a note, not an issue)', async () => {
    const run = await serveAndAudit(smoke.cases.find((c) => c.id === 'seo-passing')!);
    expect(run.facts.canonicalProblems).toEqual([{ url: run.url, kind: 'other-page', canonical: run.url.replace('seo-tester.html', '') }]);
    expect(run.facts.canonicalTargets).toEqual({ checked: 1, notCheckedRobots: 0, notCheckedLimit: 0 });
    expect(run.facts.robotsTxt).toBe('parsed');
  });
});
