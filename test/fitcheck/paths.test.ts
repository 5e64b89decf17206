import { describe, expect, it } from 'vitest';
import { readFacts } from '../../src/fitcheck/facts.js';
import { buildPathContext, pathTo, REPRESENTATIVE_AGENTS, unansweredPath } from '../../src/fitcheck/paths.js';
import type { Page, ProbeResultEntry } from '../../src/contract/index.js';
import { makePage, makeSnapshot } from '../helpers/probe-context.js';

const O = 'https://portal.example';
const html = (body: string, head = '') => `<!doctype html><html><head><title>T</title>${head}</head><body><main>${body}</main></body></html>`;

function pages(): Page[] {
  const home = makePage({ url: `${O}/`, depth: 0, html: html('<h1>Home</h1><a href="/pricing">Pricing</a> <a href="/docs/limits">Limits</a> <a href="/docs/guide">Guide</a>') });
  home.via = 'start';
  const limits = makePage({ url: `${O}/docs/limits`, depth: 1, html: html('<h1>Limits</h1><p>50 requests per second.</p>') });
  const faq = makePage({ url: `${O}/docs/faq`, depth: 2, html: html('<h1>FAQ</h1><p>Answers.</p>', '<link rel="alternate" type="text/markdown" href="/docs/faq.md">') });
  const guide = makePage({ url: `${O}/docs/guide`, depth: 1, html: html('<div id="root"></div>') });
  const pricing = makePage({ url: `${O}/pricing`, finalUrl: `${O}/login?next=/pricing`, redirects: [`${O}/pricing`], depth: 1, html: html('<h1>Sign in</h1><form><input type="password"></form>') });
  const orphan = makePage({ url: `${O}/orphan`, depth: null, html: html('<h1>Orphan</h1><p>Only in the sitemap.</p>') });
  orphan.via = 'sitemap';
  return [home, limits, faq, guide, pricing, orphan];
}

const probe = (id: string, facts: Record<string, unknown>, status: ProbeResultEntry['status'] = 'ok'): ProbeResultEntry => ({ id, status, durationMs: 1, facts, findings: [] });

const agents = (access: Record<string, 'all' | 'partial' | 'none'>) =>
  Object.entries(REPRESENTATIVE_AGENTS).flatMap(([purpose, list]) => list.map((agent) => ({ agent, operator: null, purpose, access: access[agent] ?? 'all', group: null })));

const FULL_PROBES: ProbeResultEntry[] = [
  probe('robots', { url: `${O}/robots.txt`, present: true, aiAgents: agents({ GPTBot: 'none', ClaudeBot: 'partial' }) }),
  probe('gating', { gatedUrls: [`${O}/pricing`], loginWall: false, pages: [{ url: `${O}/pricing`, finalUrl: `${O}/login?next=/pricing`, gate: 'login-redirect', evidence: {} }], loginUrls: [`${O}/login`] }),
  probe('rendering', { mode: 'heuristic', jsOnlyUrls: [`${O}/docs/guide`] }),
  probe('llms-txt', { present: true, links: [`${O}/docs/limits`, `${O}/docs/faq.md`] }),
  probe('markdown', { negotiation: false, mdSiblings: true, mdSiblingUrls: [{ page: `${O}/docs/faq`, md: `${O}/docs/faq.md`, via: 'alternate' }], negotiatingUrls: [] }),
  probe('sitemap', { present: true, urlCount: 3 }),
];

const ROBOTS = 'User-agent: *\nAllow: /\n\nUser-agent: GPTBot\nDisallow: /\n\nUser-agent: ClaudeBot\nDisallow: /docs/\n\nUser-agent: PerplexityBot\nDisallow: /docs/limits\n';

function ctx(probes = FULL_PROBES, robotsTxt: string | null = ROBOTS, sitemapUrls?: string[]) {
  return buildPathContext(makeSnapshot(O, pages()), readFacts(probes), robotsTxt, sitemapUrls);
}

describe('representative agents', () => {
  it('has every planned agent under its class in probes/data/ai-agents.json', () => {
    expect(REPRESENTATIVE_AGENTS).toEqual({
      training: ['GPTBot', 'ClaudeBot', 'Google-Extended', 'CCBot'],
      search: ['OAI-SearchBot', 'Claude-SearchBot', 'PerplexityBot'],
      user: ['ChatGPT-User', 'Claude-User', 'Perplexity-User'],
    });
  });
});

describe('human and agent path to an answer', () => {
  it('checks robots.txt per agent class for the exact URL', () => {
    const p = pathTo(`${O}/docs/limits`, ctx());
    expect(p.agent.classes).toEqual({ training: false, search: false, user: true });
    expect(p.agent.blockedBy).toEqual(expect.arrayContaining(['robots:GPTBot', 'robots:ClaudeBot', 'robots:PerplexityBot']));
    expect(p.agent.blockedBy).not.toContain('robots:OAI-SearchBot');
    expect(p.agent.reachable).toBe(false);
    expect(p.human).toEqual({ clickDepth: 1, gated: false, url: `${O}/docs/limits` });

    const home = pathTo(`${O}/`, ctx());
    expect(home.agent.classes).toEqual({ training: false, search: true, user: true });
    expect(home.agent.reachable).toBe(true);
    expect(home.agent.blockedBy).toEqual(['robots:GPTBot', 'not-in-llms-txt']);
    expect(home.human.clickDepth).toBe(0);
  });

  it('falls back to the robots probe per-agent access without robots.txt text; partial is unknown', () => {
    const p = pathTo(`${O}/docs/limits`, ctx(FULL_PROBES, null));
    expect(p.agent.classes).toEqual({ training: false, search: true, user: true });
    expect(p.agent.blockedBy).toContain('robots:GPTBot');
    expect(p.agent.unknown).toContain('robots:ClaudeBot');
    expect(p.agent.reachable).toBe(true);
  });

  it('reports a login wall from the gating facts, and from the redirect when gating did not run', () => {
    for (const probes of [FULL_PROBES, FULL_PROBES.filter((p) => p.id !== 'gating')]) {
      const p = pathTo(`${O}/pricing`, ctx(probes));
      expect(p.human.gated).toBe(true);
      expect(p.agent.blockedBy).toContain('login');
      expect(p.agent.reachable).toBe(false);
    }
  });

  it('reports JavaScript-only content from the rendering facts or a rendered page', () => {
    const p = pathTo(`${O}/docs/guide`, ctx());
    expect(p.agent.blockedBy).toContain('javascript');
    expect(p.agent.reachable).toBe(false);
    const noRendering = ctx(FULL_PROBES.filter((x) => x.id !== 'rendering'));
    expect(pathTo(`${O}/docs/guide`, noRendering).agent.unknown).toContain('rendering');
    const rendered = noRendering.pages.get(`${O}/docs/guide`)!;
    rendered.via = 'rendered';
    expect(pathTo(`${O}/docs/guide`, noRendering).agent.blockedBy).toContain('javascript');
  });

  it('knows llms.txt listings (a .md twin counts), markdown twins and sitemap listings', () => {
    const c = ctx(FULL_PROBES, ROBOTS, [`${O}/docs/limits`]);
    expect(pathTo(`${O}/docs/limits`, c).agent).toMatchObject({ inLlmsTxt: true, inSitemap: true, markdown: false });
    expect(pathTo(`${O}/docs/faq`, c).agent).toMatchObject({ inLlmsTxt: true, inSitemap: false, markdown: true });
    expect(pathTo(`${O}/docs/faq`, c).agent.blockedBy).toContain('not-in-sitemap');
    // Without a sitemap URL list: a page found through the sitemap is in it, others unknown.
    const d = ctx();
    expect(pathTo(`${O}/orphan`, d).agent.inSitemap).toBe(true);
    expect(pathTo(`${O}/orphan`, d).human.clickDepth).toBeNull();
    expect(pathTo(`${O}/docs/limits`, d).agent).toMatchObject({ inSitemap: null, unknown: expect.arrayContaining(['sitemap']) });
  });

  it('treats a missing or failed probe as unknown, never as a crash', () => {
    const broken = [probe('robots', { aiAgents: 'oops' }), probe('gating', {}, 'error'), probe('llms-txt', { present: true, links: [42, null] }), probe('markdown', { mdSiblingUrls: [null, 7] })];
    const p = pathTo(`${O}/docs/limits`, ctx(broken, null));
    expect(p.agent.classes).toEqual({ training: null, search: null, user: null });
    expect(p.agent.reachable).toBe(true);
    expect(p.agent.unknown).toEqual(expect.arrayContaining(['rendering', 'robots:GPTBot', 'sitemap']));
    expect(p.agent.inLlmsTxt).toBe(false);
  });
});

describe('path of an unanswered question', () => {
  it('points at the walled page that probably holds the answer (pricing → login)', () => {
    const p = unansweredPath({ keywords: ['pricing', 'price', 'plans'] }, ctx());
    expect(p.likelyUrl).toBe(`${O}/pricing`);
    expect(p.human).toEqual({ clickDepth: null, gated: true });
    expect(p.agent.reachable).toBe(false);
    expect(p.agent.blockedBy).toEqual(expect.arrayContaining(['login', 'robots:GPTBot']));
    expect(p.agent.blockedBy).not.toContain('not-in-llms-txt');
  });

  it('finds a JavaScript-only page by its link text', () => {
    const p = unansweredPath({ keywords: ['guide', 'quickstart'] }, ctx());
    expect(p.likelyUrl).toBe(`${O}/docs/guide`);
    expect(p.agent.blockedBy).toContain('javascript');
  });

  it('says nothing when no blocked page matches', () => {
    expect(unansweredPath({ keywords: ['data residency'] }, ctx())).toEqual({
      human: { clickDepth: null, gated: false },
      agent: { reachable: false, blockedBy: [], classes: { training: null, search: null, user: null }, inLlmsTxt: null, inSitemap: null, markdown: null, unknown: [] },
    });
  });

  it('names robots.txt when portalprobe itself was kept from the likely page', () => {
    const snapshot = makeSnapshot(O, pages());
    snapshot.skippedByRobots = [`${O}/partners/program`];
    const c = buildPathContext(snapshot, readFacts([]), undefined);
    const p = unansweredPath({ keywords: ['partner program'] }, c);
    expect(p.likelyUrl).toBe(`${O}/partners/program`);
    expect(p.agent.blockedBy).toContain('robots');
  });
});
