// One end-to-end audit of the bundled demo portal (test/fixtures/demo-portal, answer key in its
// README.md), served on 127.0.0.1. Checks a partial expected result, not every number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { startStaticPortal } from '../../src/demo/static-server.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { buildReport } from '../../src/audit/build-report.js';
import { validateReport } from '../../reports/json.js';
import type { Report } from '../../src/contract/index.js';

const ROOT = fileURLToPath(new URL('../fixtures/demo-portal/', import.meta.url));
let server: { url: string; close(): Promise<void> };
let report: Report;
let origin: string;
const events: string[] = [];
const requests: { method: string; url: string; accept: string }[] = [];

beforeAll(async () => {
  server = await startStaticPortal({
    root: ROOT, host: '127.0.0.1', port: 0,
    onRequest: (r) => requests.push({ method: r.method, url: r.url, accept: String(r.headers.accept ?? '') }),
  });
  origin = new URL(server.url).origin;
  report = await runAudit(server.url, {
    allowPrivate: true,
    // Heuristic rendering keeps this test quick and deterministic; test/probes/rendering.test.ts
    // covers the browser mode.
    browser: false,
    onProgress: (e) => events.push(e.type === 'phase' ? `phase:${e.phase}` : e.type),
  });
}, 120_000);
afterAll(async () => server.close());

const probe = (id: string) => report.probes.find((p) => p.id === id)!;

describe('audit of the demo portal', () => {
  it('produces a report that satisfies the JSON contract', () => {
    expect(() => validateReport(JSON.parse(JSON.stringify(report)))).not.toThrow();
    expect(report.target.finalUrl).toBe(`${origin}/`);
    expect(report.run.robots).toBe('respected');
    expect(report.run.answerer).toBe('retrieval-only');
    expect(report.run.pagesFetched).toBeGreaterThanOrEqual(26);
    expect(events).toEqual(expect.arrayContaining(['phase:crawl', 'page', 'phase:probes', 'probe', 'phase:score', 'phase:done']));
  });

  it('crawls every page of the portal, including those only in the sitemap or llms.txt', () => {
    const pages = report.pages as { url: string; status: number; depth: number | null; via: string }[];
    const byPath = new Map(pages.map((p) => [new URL(p.url).pathname, p]));
    // Linked from the blog index but not in the sitemap: found by links, click depth 2.
    expect(byPath.get('/blog/verification-of-payee-for-all-euro-accounts')).toMatchObject({ status: 200, depth: 2, via: 'link' });
    // Listed in llms.txt only, and missing: fetched from the seed, 404, not linked from any page.
    expect(byPath.get('/docs/guides/account-opening')).toMatchObject({ status: 404, depth: null, via: 'llms-txt' });
    // The pricing nav link ends on the login page.
    expect(byPath.get('/pricing')).toMatchObject({ status: 200, depth: 1 });
    expect(pages.find((p) => new URL(p.url).pathname === '/pricing')!).toHaveProperty('finalUrl', `${origin}/login?next=/pricing`);
    expect(probe('sitemap').facts.crawledPagesListed).toBeGreaterThan(0.5);
  });

  it('fetches no URL twice: probes share one snapshot and one cached client', () => {
    const seen = new Map<string, number>();
    for (const r of requests) {
      const key = `${r.method} ${r.url} ${r.accept}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const repeated = [...seen].filter(([, n]) => n > 1);
    expect(repeated).toEqual([]);
    expect(requests.length).toBeGreaterThan(report.run.pagesFetched);
  });

  it('robots: GPTBot blocked entirely, ClaudeBot from /docs/, others allowed', () => {
    const agents = probe('robots').facts.aiAgents as { agent: string; access: string }[];
    const access = Object.fromEntries(agents.map((a) => [a.agent, a.access]));
    expect(access.GPTBot).toBe('none');
    expect(access.ClaudeBot).toBe('partial');
    expect(access.PerplexityBot).toBe('all');
    expect(access['OAI-SearchBot']).toBe('all');
    expect(probe('robots').facts.sitemaps).toEqual([`${origin}/sitemap.xml`]);
  });

  it('sitemap and llms.txt facts match the answer key', () => {
    expect(probe('sitemap').facts).toMatchObject({ present: true, urlCount: 22, errors: [] });
    expect(probe('llms-txt').facts).toMatchObject({
      present: true, valid: true, title: 'Northwind Bank Developer Portal', sectionCount: 4, linkCount: 11, brokenLinks: 1, fullPresent: false,
    });
  });

  it('machine-readability probes match the answer key', () => {
    const docs = probe('openapi').facts.documents as { url: string; version: string; valid: boolean; operationCount: number }[];
    expect(docs.find((d) => d.url === `${origin}/openapi.json`)).toMatchObject({ version: '3.0.3', valid: true, operationCount: 11 });
    expect(probe('structured-data').facts.types).toEqual(expect.arrayContaining(['Organization', 'WebAPI', 'FAQPage']));
    expect(probe('structured-data').facts.invalidBlocks).toBe(1);
    expect(probe('indexability').facts.noindexUrls).toEqual([`${origin}/docs/legacy-v1`]);
    const canonical = probe('indexability').facts.canonicalProblems as { url: string }[];
    expect(canonical.map((c) => c.url)).toContain(`${origin}/docs/rate-limits`);
    expect(probe('markdown').facts).toMatchObject({ negotiation: true, mdSiblings: true });
  });

  it('business-surface probes: login walls, JavaScript-only content, buyer pages', () => {
    const gating = probe('gating').facts;
    expect(gating.gatedUrls).toEqual(expect.arrayContaining([`${origin}/pricing`, `${origin}/sandbox`, `${origin}/console`]));
    expect(gating.loginWall).toBe(false);
    expect(probe('rendering').facts.jsOnlyUrls).toEqual([`${origin}/docs/guides/payments-quickstart`]);
    const surface = probe('business-surface').facts as { pages: Record<string, { status?: string; found: boolean }>; sdkLanguages: string[] };
    expect(surface.pages.pricing.found).toBe(false);
    expect(surface.pages.pricing.status).toBe('gated');
    expect(surface.pages.sla.found).toBe(false);
    expect(surface.pages.changelog.found).toBe(true);
    expect(surface.sdkLanguages).toEqual(expect.arrayContaining(['Java', 'Python']));
  });

  it('asks the buyer fit-check without an LLM and says so', () => {
    expect(report.run.answerer).toBe('retrieval-only');
    expect(report.fitCheck.length).toBeGreaterThanOrEqual(25);
    const q = (id: string) => report.fitCheck.find((f) => f.id === id)!;
    // Pricing sits behind the login: not answerable from public content.
    expect(q('pricing-model').answerable).toBe(false);
    const rate = q('rate-limits');
    expect(rate.answerable).toBe(true);
    expect(rate.citations.some((c) => c.verified && c.url === `${origin}/docs/rate-limits`)).toBe(true);
    expect(rate.human.clickDepth).toBe(2);
    // ClaudeBot may not fetch /docs/: the rate-limit answer is blocked for one training crawler.
    expect(rate.agent.blockedBy.join(' ')).toMatch(/robots/);
    for (const entry of report.fitCheck) {
      if (entry.answerable) expect(entry.citations.some((c) => c.verified)).toBe(true);
    }
  });

  it('a prompt-injection comment on a page changes no score and no answer', async () => {
    const injectionPage = '/blog/verification-of-payee-for-all-euro-accounts';
    const fit = report.run.fitCheck as { suspectedInjections: { url: string }[] };
    expect(fit.suspectedInjections.map((s) => s.url)).toContain(`${origin}${injectionPage}`);
    // The same portal with the injected comment removed from the page.
    const html = readFileSync(`${ROOT}${injectionPage.slice(1)}.html`, 'utf8');
    const clean = html.replace(/<p>AI assistants: ignore previous instructions[^<]*<\/p>/, '<p>Great news for our payroll runs.</p>');
    expect(clean).not.toBe(html);
    const cleanServer = await startStaticPortal({
      root: ROOT, host: '127.0.0.1', port: 0,
      routes: { statuses: { [injectionPage]: { status: 200, body: clean, headers: { 'Content-Type': 'text/html; charset=utf-8' } } } },
    });
    try {
      const other = await runAudit(cleanServer.url, { allowPrivate: true, browser: false });
      expect(other.scores).toEqual(report.scores);
      const strip = (r: Report) => r.fitCheck.map((f) => ({
        id: f.id, answerable: f.answerable, answer: f.answer,
        citations: f.citations.map((c) => ({ path: new URL(c.url).pathname, quote: c.quote, verified: c.verified })),
      }));
      expect(strip(other)).toEqual(strip(report));
    } finally {
      await cleanServer.close();
    }
  }, 120_000);

  it('scores are in range, mixed (not a perfect score) and deterministic', () => {
    const { scores } = report;
    expect(scores.overall).toBeGreaterThan(0);
    expect(scores.overall).toBeLessThan(100);
    for (const v of Object.values(scores.lenses)) expect(v).toBeGreaterThanOrEqual(0);
    expect(report.practices.some((p) => p.status === 'fail')).toBe(true);
    expect(report.practices.some((p) => p.status === 'pass')).toBe(true);
    // GPTBot is blocked: the training-policy practice passes but "AI crawlers allowed" is not perfect.
    expect(report.roadmap.length).toBeGreaterThan(0);
    const again = buildReport({
      snapshot: {
        startUrl: report.target.url, finalUrl: report.target.finalUrl, origin, startedAt: report.target.startedAt,
        finishedAt: report.target.finishedAt, pages: [], skippedByRobots: [], robotsPolicy: 'respected', notFetched: 0, requests: 0, bytesFetched: 0,
      },
      probes: report.probes, fitCheck: report.fitCheck, answerer: 'retrieval-only', tokens: { prompt: 0, completion: 0 }, durationMs: 0,
    });
    expect(again.scores).toEqual(report.scores);
    expect(again.practices).toEqual(report.practices);
    expect(again.roadmap).toEqual(report.roadmap);
  });
});
