// Reads the probe facts the fit-check needs: robots.aiAgents, gating.gatedUrls / pages / loginUrls,
// rendering.jsOnlyUrls, llms-txt.links, sitemap.listedPageUrls, markdown.mdSiblingUrls /
// negotiatingUrls. The names are the contract's (src/contract/facts/): each entry's facts are typed
// once, in factsOf, so a renamed fact breaks the build here instead of reading `undefined` for ever.
// The values are still checked as they are read: a probe that is missing, failed or was skipped,
// or a report from elsewhere with a fact in another shape, gives `null` ("unknown"), never an exception.
import type { ProbeFactsById, ProbeId, ProbeResultEntry } from '../contract/index.js';
import { urlKey } from './verify.js';

export interface RobotsAgentFact {
  agent: string;
  purpose: string;
  access: 'all' | 'partial' | 'none';
}

/** What the fit-check knows from the probes; null = the probe did not say. */
export interface FitCheckFacts {
  robots: { url: string | null; aiAgents: RobotsAgentFact[] } | null;
  /** URL keys of pages behind a login or registration wall; null when the gating probe did not run. */
  gatedUrls: Set<string> | null;
  /** Pages whose whole content is walled (not `partial`), by URL key. */
  fullyGatedUrls: Set<string> | null;
  loginUrls: Set<string>;
  jsOnlyUrls: Set<string> | null;
  llmsTxt: { present: boolean; links: Set<string> } | null;
  sitemapUrls: Set<string> | null;
  markdownUrls: Set<string> | null;
}

/** The facts of probe `id` when it ran ok, typed by the contract (any fact may still be absent). */
function factsOf<K extends ProbeId>(probes: readonly ProbeResultEntry[], id: K): Partial<ProbeFactsById[K]> | null {
  const entry = probes.find((p) => p.id === id);
  if (!entry || entry.status !== 'ok' || typeof entry.facts !== 'object' || entry.facts === null) return null;
  // report.json keeps facts as plain objects; this is where they meet their contract type.
  return entry.facts as Partial<ProbeFactsById[K]>;
}

/** A list of URL strings (or objects with a `url`/`page` field) → URL keys; null if not a list. */
function urlSet(value: unknown, field?: string): Set<string> | null {
  if (!Array.isArray(value)) return null;
  const out = new Set<string>();
  for (const item of value) {
    const url = typeof item === 'string' ? item : field && item && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined;
    if (typeof url === 'string' && url) out.add(urlKey(url));
  }
  return out;
}

const FULL_GATES = new Set(['status-401', 'status-403', 'login-redirect', 'login-form', 'registration-interstitial']);

export function readFacts(probes: readonly ProbeResultEntry[]): FitCheckFacts {
  const robots = factsOf(probes, 'robots');
  const gating = factsOf(probes, 'gating');
  const rendering = factsOf(probes, 'rendering');
  const llms = factsOf(probes, 'llms-txt');
  const sitemap = factsOf(probes, 'sitemap');
  const markdown = factsOf(probes, 'markdown');

  let aiAgents: RobotsAgentFact[] | null = null;
  if (robots && Array.isArray(robots.aiAgents)) {
    // Items are checked one by one: a report from elsewhere may hold anything in the list.
    aiAgents = (robots.aiAgents as unknown[]).filter((a): a is RobotsAgentFact =>
      !!a && typeof a === 'object' && typeof (a as RobotsAgentFact).agent === 'string' && ['all', 'partial', 'none'].includes((a as RobotsAgentFact).access));
  }

  let gatedUrls: Set<string> | null = null;
  let fullyGatedUrls: Set<string> | null = null;
  const loginUrls = new Set<string>();
  if (gating) {
    gatedUrls = urlSet(gating.gatedUrls) ?? new Set();
    fullyGatedUrls = new Set();
    if (Array.isArray(gating.pages)) {
      for (const p of gating.pages as unknown[] as Array<Record<string, unknown> | null>) {
        if (!p || typeof p !== 'object') continue;
        if (typeof p.gate === 'string' && FULL_GATES.has(p.gate)) {
          for (const u of [p.url, p.finalUrl]) if (typeof u === 'string') fullyGatedUrls.add(urlKey(u));
        }
      }
    } else {
      // Without per-page gates every gated URL is taken as fully gated.
      for (const u of gatedUrls) fullyGatedUrls.add(u);
    }
    for (const u of urlSet(gating.loginUrls) ?? []) loginUrls.add(u);
  }

  let markdownUrls: Set<string> | null = null;
  if (markdown) {
    const siblings = urlSet(markdown.mdSiblingUrls, 'page');
    const negotiating = urlSet(markdown.negotiatingUrls, 'url');
    if (siblings || negotiating) markdownUrls = new Set([...(siblings ?? []), ...(negotiating ?? [])]);
  }

  return {
    robots: aiAgents ? { url: typeof robots?.url === 'string' ? robots.url : null, aiAgents } : null,
    gatedUrls,
    fullyGatedUrls,
    loginUrls,
    jsOnlyUrls: rendering ? urlSet(rendering.jsOnlyUrls) : null,
    llmsTxt: llms && typeof llms.present === 'boolean' ? { present: llms.present, links: urlSet(llms.links) ?? new Set() } : null,
    // The crawled pages the sitemaps list: enough to tell, for a page that holds an answer, whether
    // an agent could find it through the sitemap.
    sitemapUrls: sitemap ? urlSet(sitemap.listedPageUrls) : null,
    markdownUrls,
  };
}
