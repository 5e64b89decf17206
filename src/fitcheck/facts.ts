// Reads the probe facts the fit-check needs, defensively: a probe that is missing, failed, was
// skipped or reports a fact in an unexpected shape gives `null` ("unknown"), never an exception.
// Fact names follow DESIGN.md §3 and the probes in probes/*.ts (robots.aiAgents, gating.gatedUrls
// and gating.pages, rendering.jsOnlyUrls, llms-txt.links, markdown.mdSiblingUrls /
// negotiatingUrls, sitemap.urls when a sitemap probe exposes its URLs).
import type { ProbeResultEntry } from '../contract/index.js';
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

function okFacts(probes: readonly ProbeResultEntry[], id: string): Record<string, unknown> | null {
  const entry = probes.find((p) => p.id === id);
  if (!entry || entry.status !== 'ok' || typeof entry.facts !== 'object' || entry.facts === null) return null;
  return entry.facts;
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
  const robots = okFacts(probes, 'robots');
  const gating = okFacts(probes, 'gating');
  const rendering = okFacts(probes, 'rendering');
  const llms = okFacts(probes, 'llms-txt');
  const sitemap = okFacts(probes, 'sitemap');
  const markdown = okFacts(probes, 'markdown');

  let aiAgents: RobotsAgentFact[] | null = null;
  if (robots && Array.isArray(robots.aiAgents)) {
    aiAgents = robots.aiAgents.filter((a): a is RobotsAgentFact =>
      !!a && typeof a === 'object' && typeof (a as RobotsAgentFact).agent === 'string' && ['all', 'partial', 'none'].includes((a as RobotsAgentFact).access));
  }

  let gatedUrls: Set<string> | null = null;
  let fullyGatedUrls: Set<string> | null = null;
  const loginUrls = new Set<string>();
  if (gating) {
    gatedUrls = urlSet(gating.gatedUrls) ?? new Set();
    fullyGatedUrls = new Set();
    if (Array.isArray(gating.pages)) {
      for (const p of gating.pages as Array<Record<string, unknown>>) {
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
    // The sitemap probe lists counts, not URLs (DESIGN.md §3); a `urls` list is used when present.
    sitemapUrls: sitemap ? urlSet(sitemap.urls) ?? urlSet(sitemap.listedUrls) : null,
    markdownUrls,
  };
}
