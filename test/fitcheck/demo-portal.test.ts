// The retrieval-only answerer on the demo portal (test/fixtures/demo-portal, answer key in its
// README.md), served on 127.0.0.1, crawled with the real crawl and probed with the real robots,
// sitemap, llms-txt, gating and markdown probes (rendering is left out: it starts a browser; its
// facts are covered in paths.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createRetrievalAnswerer, loadQuestions, runFitCheck, type FitCheckProgress, type FitCheckRun } from '../../src/fitcheck/index.js';
import type { ProbeResultEntry, SitemapFacts } from '../../src/contract/index.js';
import { buildReport } from '../../src/audit/build-report.js';
import { validateReport } from '../../reports/json.js';
import { crawlPortal, type CrawledPortal } from './portal.js';

let portal: CrawledPortal;
let run: FitCheckRun;
let probes: ProbeResultEntry[];
const progress: FitCheckProgress[] = [];
const entry = (id: string) => run.entries.find((e) => e.id === id)!;
const path = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  portal = await crawlPortal(fileURLToPath(new URL('../fixtures/demo-portal/', import.meta.url)));
  probes = portal.probes;
  run = await runFitCheck({
    snapshot: portal.snapshot, probes, robotsTxt: portal.robotsTxt,
    questions: loadQuestions(), answerer: createRetrievalAnswerer(), onProgress: (e) => progress.push(e),
  });
}, 90_000);
afterAll(async () => portal.close());

describe('fit-check of the demo portal without an LLM', () => {
  it('reports the answerer and costs nothing', () => {
    expect(run.answerer).toBe('retrieval-only');
    expect(run.tokens).toEqual({ prompt: 0, completion: 0 });
    expect(run.requests).toBe(0);
    expect(run.questionSets).toEqual(['portal-fit-check@1']);
    expect(run.pagesIndexed).toBeGreaterThan(20);
    expect(progress.map((p) => p.done)).toEqual(run.entries.map((_, i) => i + 1));
  });

  it('gives contract-shaped entries whose answers all rest on verified quotes', () => {
    for (const e of run.entries) {
      expect(e).toMatchObject({ id: expect.any(String), persona: expect.any(String), question: expect.any(String), answerable: expect.any(Boolean), answer: expect.any(String) });
      expect(e.confidence).toBeGreaterThanOrEqual(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
      expect(e.human.clickDepth === null || Number.isInteger(e.human.clickDepth)).toBe(true);
      expect(Array.isArray(e.agent.blockedBy)).toBe(true);
      if (e.answerable) {
        expect(e.citations.length).toBeGreaterThan(0);
        expect(e.citations.every((c) => c.verified), e.id).toBe(true);
      } else {
        expect(e.answer).toBe('');
        expect(e.human.clickDepth).toBeNull();
        expect(e.agent.reachable).toBe(false);
      }
    }
  });

  it('pricing is not answerable: the Pricing link leads to a login wall', () => {
    const e = entry('pricing-model');
    expect(e.answerable).toBe(false);
    expect(e.likelyUrl).toBe(`${portal.origin}/pricing`);
    expect(e.human.gated).toBe(true);
    expect(e.agent.blockedBy).toContain('login');
    expect(e.flags).toContain('answer-probably-gated');
  });

  it.each(['sla-uptime', 'data-residency', 'deprecation-policy', 'partner-programme'])('%s is not answerable (absent from the portal)', (id) => {
    expect(entry(id).answerable).toBe(false);
  });

  it('rate limits are answerable from the docs, with the paths a human and an agent take', () => {
    const e = entry('rate-limits');
    expect(e.answerable).toBe(true);
    expect(['/docs/rate-limits', '/docs/faq']).toContain(path(e.citations[0].url));
    expect(e.answer).toMatch(/requests per second/);
    const page = portal.snapshot.pages.find((p) => p.finalUrl === e.citations[0].url)!;
    expect(e.human).toMatchObject({ clickDepth: page.depth, gated: false });
    // GPTBot may fetch nothing, ClaudeBot nothing under /docs/; search and user agents may.
    expect(e.agent.classes).toEqual({ training: false, search: true, user: true });
    expect(e.agent.blockedBy).toEqual(expect.arrayContaining(['robots:GPTBot', 'robots:ClaudeBot']));
    expect(e.agent.reachable).toBe(true);
  });

  it('SDK languages, certifications and the sandbox are answerable', () => {
    expect(entry('sdk-languages')).toMatchObject({ answerable: true });
    expect(entry('sdk-languages').citations[0].quote).toMatch(/Java|Python|Node/);
    expect(entry('certifications').citations[0]).toMatchObject({ verified: true });
    expect(path(entry('certifications').citations[0].url)).toBe('/security');
    expect(entry('certifications').answer).toMatch(/27001/);
    expect(entry('sandbox').answerable).toBe(true);
    expect(entry('security-disclosure').agent.inLlmsTxt).toBe(false);
    // The FAQ has a Markdown twin and is listed in llms.txt (as faq.md).
    expect(path(entry('free-tier').citations[0].url)).toBe('/docs/faq');
    expect(entry('free-tier').agent).toMatchObject({ markdown: true, inLlmsTxt: true });
  });

  it('knows whether the sitemap lists the page that holds an answer (agent.inSitemap)', () => {
    const listed = (probes.find((p) => p.id === 'sitemap')!.facts as unknown as SitemapFacts).listedPageUrls.map(path);
    // Answer key (demo portal README): 22 pages listed; /docs/legacy-v1, /community, the blog post and /login left out.
    expect(listed).toHaveLength(22);
    for (const left of ['/docs/legacy-v1', '/community', '/blog/verification-of-payee-for-all-euro-accounts', '/login']) expect(listed).not.toContain(left);
    expect(entry('rate-limits').agent.inSitemap).toBe(true);
    expect(entry('certifications').agent.inSitemap).toBe(true);
    // The Pricing link ends on the sign-in page, which the sitemap leaves out.
    expect(entry('pricing-model').agent.inSitemap).toBe(false);
    for (const e of run.entries.filter((x) => x.answerable)) expect(e.agent.inSitemap, e.id).toBe(listed.includes(path(e.citations[0].url)));
  });

  it('finds the blog comment that tells AI assistants to misreport pricing, and keeps it out of every answer', () => {
    expect(run.suspectedInjections).toEqual([
      expect.objectContaining({ url: `${portal.origin}/blog/verification-of-payee-for-all-euro-accounts`, sentence: expect.stringMatching(/ignore previous instructions/i) }),
    ]);
    for (const e of run.entries) expect(e.answer).not.toMatch(/pricing is free|100\/100/i);
  });

  it('gives the same answers with the injected blog page removed: the injection changes nothing', async () => {
    const without = await runFitCheck({
      snapshot: { ...portal.snapshot, pages: portal.snapshot.pages.filter((p) => !p.url.includes('/blog/verification-of-payee')) },
      probes, robotsTxt: portal.robotsTxt, questions: loadQuestions(), answerer: createRetrievalAnswerer(),
    });
    const verdicts = (r: FitCheckRun) => r.entries.map((e) => [e.id, e.answerable, e.citations.filter((c) => c.verified && !c.url.includes('/blog/')).map((c) => c.quote)]);
    expect(without.suspectedInjections).toEqual([]);
    expect(verdicts(without).map((v) => v.slice(0, 2))).toEqual(verdicts(run).map((v) => v.slice(0, 2)));
  });

  it('fits the report contract', () => {
    const report = buildReport({
      snapshot: portal.snapshot, probes, fitCheck: run.entries, answerer: run.answerer, tokens: run.tokens, durationMs: 1,
    });
    expect(() => validateReport(JSON.parse(JSON.stringify(report)))).not.toThrow();
    expect(report.run.answerer).toBe('retrieval-only');
    expect(report.fitCheck).toHaveLength(run.entries.length);
  });
});
