// Human path vs agent path for one question. Human: the click depth from the home page to the page
// holding the verified answer (Page.depth, null when no crawled page links to it) and whether a
// login wall is in the way. Agent: may an AI agent fetch that page at all — robots.txt per agent
// class (training / search / user-triggered, with representative agents from ai.robots.txt's list,
// probes/data/ai-agents.json), a login wall, content that needs JavaScript — and can it find it
// the machine way (listed in llms.txt or the sitemap, available as Markdown).
//
// For an unanswered question the path looks for the page that probably held the answer: a gated,
// JavaScript-only or robots-blocked URL whose path or link text matches the question's keywords
// (e.g. the "Pricing" nav link that redirects to a login page).
import type { Page, Snapshot } from '../contract/index.js';
import { matcherFor, parseRobots, type AgentMatcher } from '../robots/index.js';
import { AI_AGENTS } from '../robots/ai-agents.js';
import type { FitCheckFacts } from './facts.js';
import { phraseIn, stemSet } from './text.js';
import type { AgentClass, FitCheckResultEntry, Question } from './types.js';
import { urlKey } from './verify.js';

/**
 * Agents that stand for each class: the crawlers and fetchers of the assistants buyers use most.
 * A class may fetch a page only when every one of its representatives may.
 */
const CANDIDATE_AGENTS: Readonly<Record<AgentClass, readonly string[]>> = {
  training: ['GPTBot', 'ClaudeBot', 'Google-Extended', 'CCBot'],
  search: ['OAI-SearchBot', 'Claude-SearchBot', 'PerplexityBot'],
  user: ['ChatGPT-User', 'Claude-User', 'Perplexity-User'],
};
export const AGENT_CLASSES: readonly AgentClass[] = ['training', 'search', 'user'];

/**
 * The representatives actually used: an agent whose purpose in probes/data/ai-agents.json is not
 * its class (after the data file is regenerated) drops out rather than being misfiled; a test
 * checks that none does today.
 */
const KNOWN_PURPOSE = new Map(AI_AGENTS.agents.map((a) => [a.agent, a.purpose]));
const representatives = (cls: AgentClass): readonly string[] => CANDIDATE_AGENTS[cls].filter((agent) => KNOWN_PURPOSE.get(agent) === cls);
export const REPRESENTATIVE_AGENTS: Readonly<Record<AgentClass, readonly string[]>> = {
  training: representatives('training'),
  search: representatives('search'),
  user: representatives('user'),
};

/** Final URLs that look like a sign-in page (used only when the gating probe did not run). */
const LOGIN_PATH = /(?:^|\/)(?:login|log-in|signin|sign-in|sso|oauth2?|authorize|auth|register|signup|sign-up)(?:\/|$)/i;

export type PathInfo = Pick<FitCheckResultEntry, 'human' | 'agent'>;

export interface PathContext {
  pages: Map<string, Page>;
  facts: FitCheckFacts;
  matchers: Map<string, AgentMatcher> | null;
  /** Link texts pointing at each URL key, from every crawled page. */
  anchorTexts: Map<string, string[]>;
  skippedByRobots: string[];
  sitemapUrls: Set<string> | null;
}

export function buildPathContext(snapshot: Snapshot, facts: FitCheckFacts, robotsTxt?: string | null, sitemapUrls?: readonly string[]): PathContext {
  const pages = new Map<string, Page>();
  for (const p of snapshot.pages) {
    for (const u of [p.url, p.finalUrl]) if (u && !pages.has(urlKey(u))) pages.set(urlKey(u), p);
  }
  let matchers: Map<string, AgentMatcher> | null = null;
  if (typeof robotsTxt === 'string') {
    const robots = parseRobots(robotsTxt);
    matchers = new Map(AGENT_CLASSES.flatMap((c) => REPRESENTATIVE_AGENTS[c]).map((a) => [a, matcherFor(robots, a)]));
  }
  const anchorTexts = new Map<string, string[]>();
  for (const p of snapshot.pages) {
    for (const a of p.anchors ?? []) {
      if (!a.text) continue;
      const key = urlKey(a.href);
      const list = anchorTexts.get(key) ?? [];
      if (list.length < 5 && !list.includes(a.text)) list.push(a.text);
      anchorTexts.set(key, list);
    }
  }
  const listed = sitemapUrls ? new Set(sitemapUrls.map(urlKey)) : facts.sitemapUrls;
  return { pages, facts, matchers, anchorTexts, skippedByRobots: snapshot.skippedByRobots ?? [], sitemapUrls: listed };
}

const keysOf = (page: Page | null, url: string): string[] => [...new Set([urlKey(url), ...(page ? [urlKey(page.url), urlKey(page.finalUrl)] : [])])];
const hasAny = (set: Set<string> | null, keys: string[]): boolean | null => (set === null ? null : keys.some((k) => set.has(k)));

/** Is the page behind a login / registration wall? */
export function isGated(page: Page | null, url: string, ctx: PathContext): boolean | null {
  const keys = keysOf(page, url);
  const fromFacts = hasAny(ctx.facts.fullyGatedUrls, keys);
  if (fromFacts) return true;
  if (page) {
    if (page.status === 401 || page.status === 403) return true;
    const final = urlKey(page.finalUrl);
    if (page.redirects.length > 0 && (ctx.facts.loginUrls.has(final.split('?')[0]) || LOGIN_PATH.test(safePath(page.finalUrl)))) return true;
  }
  return fromFacts;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Markdown twin URLs an llms.txt may list instead of the page (llmstxt.org: "page.html.md"). */
function markdownTwins(url: string): string[] {
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    const path = u.pathname;
    const twins = path.endsWith('/') ? [`${path}index.md`, `${path}index.html.md`, `${path.slice(0, -1)}.md`] : [`${path}.md`, `${path.replace(/\.html?$/, '')}.md`];
    return twins.map((p) => new URL(p, u).href);
  } catch {
    return [];
  }
}

function robotsVerdicts(url: string, ctx: PathContext): { classes: Record<AgentClass, boolean | null>; blocked: string[]; unknown: string[] } {
  const classes = { training: null, search: null, user: null } as Record<AgentClass, boolean | null>;
  const blocked: string[] = [];
  const unknown: string[] = [];
  const byAgent = new Map((ctx.facts.robots?.aiAgents ?? []).map((a) => [a.agent, a.access]));
  for (const cls of AGENT_CLASSES) {
    const verdicts = REPRESENTATIVE_AGENTS[cls].map((agent): boolean | null => {
      const matcher = ctx.matchers?.get(agent);
      let allowed: boolean | null;
      if (matcher) allowed = matcher.isAllowed(url).allowed;
      else {
        const access = byAgent.get(agent);
        // Without robots.txt text a 'partial' agent cannot be judged for one URL.
        allowed = access === 'all' ? true : access === 'none' ? false : null;
      }
      if (allowed === false) blocked.push(`robots:${agent}`);
      if (allowed === null) unknown.push(`robots:${agent}`);
      return allowed;
    });
    classes[cls] = verdicts.includes(false) ? false : verdicts.includes(null) ? null : true;
  }
  return { classes, blocked, unknown };
}

/** The human and agent path to `url` (the page holding the answer). */
export function pathTo(url: string, ctx: PathContext): PathInfo {
  const page = ctx.pages.get(urlKey(url)) ?? null;
  const keys = keysOf(page, url);
  const unknown: string[] = [];
  const gated = isGated(page, url, ctx);
  if (gated === null) unknown.push('gating');

  const jsFromFacts = hasAny(ctx.facts.jsOnlyUrls, keys);
  const jsOnly = page?.via === 'rendered' ? true : jsFromFacts;
  if (jsOnly === null) unknown.push('rendering');

  const robots = robotsVerdicts(url, ctx);
  unknown.push(...robots.unknown);

  let inLlmsTxt: boolean | null = null;
  if (ctx.facts.llmsTxt) {
    const links = ctx.facts.llmsTxt.links;
    inLlmsTxt = ctx.facts.llmsTxt.present && [...keys, ...keys.flatMap(markdownTwins)].some((k) => links.has(urlKey(k)));
  } else unknown.push('llms-txt');

  let inSitemap: boolean | null = hasAny(ctx.sitemapUrls, keys);
  if (inSitemap === null && page?.via === 'sitemap') inSitemap = true;
  if (inSitemap === null) unknown.push('sitemap');

  let markdown: boolean | null = hasAny(ctx.facts.markdownUrls, keys);
  if (page?.linkTags?.some((l) => /alternate/i.test(l.rel) && /markdown/i.test(l.type ?? ''))) markdown = true;

  const blockedBy = [...robots.blocked];
  if (gated) blockedBy.push('login');
  if (jsOnly) blockedBy.push('javascript');
  if (inLlmsTxt === false) blockedBy.push('not-in-llms-txt');
  if (inSitemap === false) blockedBy.push('not-in-sitemap');

  const reachable = robots.classes.search !== false && robots.classes.user !== false && gated !== true && jsOnly !== true;
  return {
    human: { clickDepth: page?.depth ?? null, gated: gated === true, url: page?.finalUrl ?? url },
    agent: { reachable, blockedBy, classes: robots.classes, inLlmsTxt, inSitemap, markdown, unknown },
  };
}

/** A page that is walled, JavaScript-only or robots-blocked and whose URL or link text matches the question. */
export function likelyBlockedUrl(question: Pick<Question, 'keywords'>, ctx: PathContext): string | null {
  const candidates = new Set<string>();
  for (const [key, page] of ctx.pages) {
    if (key !== urlKey(page.url)) continue;
    const gated = isGated(page, page.url, ctx) === true;
    const js = page.via === 'rendered' || ctx.facts.jsOnlyUrls?.has(key) === true;
    if (gated || js) candidates.add(page.url);
  }
  for (const url of ctx.skippedByRobots) candidates.add(url);
  let best: { url: string; score: number } | null = null;
  for (const url of candidates) {
    const words = stemSet(`${safePath(url).replace(/[/_.-]+/g, ' ')} ${(ctx.anchorTexts.get(urlKey(url)) ?? []).join(' ')}`);
    const score = question.keywords.filter((k) => phraseIn(k, words)).length;
    if (score > 0 && (!best || score > best.score)) best = { url, score };
  }
  return best?.url ?? null;
}

/** The path of an unanswered question: nothing for a human to click, and why an agent gets nothing. */
export function unansweredPath(question: Pick<Question, 'keywords'>, ctx: PathContext): PathInfo & { likelyUrl?: string } {
  const likely = likelyBlockedUrl(question, ctx);
  const none = { training: null, search: null, user: null } as Record<AgentClass, boolean | null>;
  if (!likely) {
    return {
      human: { clickDepth: null, gated: false },
      agent: { reachable: false, blockedBy: [], classes: none, inLlmsTxt: null, inSitemap: null, markdown: null, unknown: [] },
    };
  }
  const path = pathTo(likely, ctx);
  const skipped = ctx.skippedByRobots.some((u) => urlKey(u) === urlKey(likely));
  const blockedBy = path.agent.blockedBy.filter((b) => b !== 'not-in-llms-txt' && b !== 'not-in-sitemap');
  if (skipped && !blockedBy.some((b) => b.startsWith('robots:'))) blockedBy.push('robots');
  return {
    human: { clickDepth: null, gated: path.human.gated },
    agent: { ...path.agent, reachable: false, blockedBy },
    likelyUrl: likely,
  };
}
