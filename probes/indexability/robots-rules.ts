// Which robots rules a page gives to which crawler: `<meta name="robots">` and agent-named metas
// (`<meta name="googlebot">`, `<meta name="GPTBot">`) plus the X-Robots-Tag header, read per
// https://developers.google.com/search/docs/crawling-indexing/robots-meta-tag. Pure.
//
// Combining (Google's rule): a crawler obeys the generic rules AND the rules addressed to it, and
// where they conflict the more restrictive one wins — `<meta name="robots" content="nofollow">` plus
// `<meta name="googlebot" content="noindex">` is noindex, nofollow for Googlebot. (Lighthouse's
// is-crawlable lets an agent meta replace the robots meta; no Lighthouse case depends on it.)
import { KNOWN_RULES, blocksFollowing, blocksIndexing, blocksSnippet, isRestrictive, parseMetaContent, parseRobotsHeader, type Rule } from './directives.js';

export const ROBOTS_HEADER = 'x-robots-tag';

/** Crawler tokens whose meta tags search engines document, besides the AI agents the caller adds. */
export const SEARCH_AGENT_NAMES: readonly string[] = [
  'googlebot', 'googlebot-news', 'googlebot-image', 'googlebot-video', 'google-extended', 'adsbot-google',
  'mediapartners-google', 'storebot-google', 'bingbot', 'msnbot', 'bingpreview', 'slurp', 'duckduckbot',
  'yandex', 'yandexbot', 'baiduspider', 'applebot', 'applebot-extended', 'archive.org_bot', 'ia_archiver',
  'naverbot', 'yeti', 'seznambot', 'petalbot', 'sogou', 'facebot', 'twitterbot',
];

/** A meta name that looks like a crawler token; it counts only when its content is all robots rules. */
const BOTLIKE = /(bot|spider|crawler|slurp|archiver)\b/i;

export interface MetaInput {
  name: string;
  content: string;
}

export interface RobotsSignal {
  /** null: every crawler; otherwise the agent token as written. */
  agent: string | null;
  source: 'meta' | 'header';
  rules: Rule[];
  /** The element or header that says it. */
  evidence: string;
}

function metaEvidence(name: string, content: string): string {
  return `<meta name="${name}" content="${content}">`;
}

/**
 * Decides whether a meta name addresses a crawler: `knownAgents` (lower-cased tokens), or a bot-like
 * name whose content consists only of robots rules (so `<meta name="referrer" content="none">` is not one).
 */
export function isAgentMeta(name: string, content: string, knownAgents: ReadonlySet<string>): boolean {
  const lower = name.trim().toLowerCase();
  if (!lower || lower === 'robots') return false;
  if (knownAgents.has(lower)) return true;
  if (!BOTLIKE.test(lower)) return false;
  const rules = parseMetaContent(content);
  return rules.length > 0 && rules.every((r) => KNOWN_RULES.has(r.name));
}

/** Header names are case-insensitive; callers may pass raw or lower-cased names. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** Every robots signal of a page, in document order (metas first, then the header). */
export function robotsSignals(
  meta: readonly MetaInput[],
  headers: Record<string, string>,
  knownAgents: ReadonlySet<string> = new Set(SEARCH_AGENT_NAMES),
): RobotsSignal[] {
  const signals: RobotsSignal[] = [];
  for (const m of meta) {
    const name = m.name.trim();
    const content = m.content ?? '';
    if (name.toLowerCase() === 'robots') {
      signals.push({ agent: null, source: 'meta', rules: parseMetaContent(content), evidence: metaEvidence(name, content) });
    } else if (isAgentMeta(name, content, knownAgents)) {
      signals.push({ agent: name, source: 'meta', rules: parseMetaContent(content), evidence: metaEvidence(name, content) });
    }
  }
  const header = headerValue(headers, ROBOTS_HEADER);
  if (header !== undefined) {
    for (const group of parseRobotsHeader(header)) {
      const rules = group.rules.map((r) => r.raw).join(', ');
      const shown = group.agent ? `${group.agent}: ${rules}` : rules;
      signals.push({ agent: group.agent, source: 'header', rules: group.rules, evidence: `X-Robots-Tag: ${shown}` });
    }
  }
  return signals;
}

/** The signals a crawler obeys: the generic ones plus those naming it (agent null: generic only). */
export function signalsFor(signals: readonly RobotsSignal[], agent: string | null): RobotsSignal[] {
  const wanted = agent?.toLowerCase();
  return signals.filter((s) => s.agent === null || (wanted !== undefined && s.agent.toLowerCase() === wanted));
}

/** The signals among `signals` that keep the page out of the index (noindex, none, expired). */
export function indexBlocks(signals: readonly RobotsSignal[], now: Date): RobotsSignal[] {
  return signals.filter((s) => s.rules.some((r) => blocksIndexing(r, now)));
}

export interface PageRobots {
  /** Generic noindex / none / expired unavailable_after: evidence of each. */
  noindex: string[];
  /** Generic nofollow / none. */
  nofollow: string[];
  /** Generic nosnippet / max-snippet:0, with the rules as written. */
  snippet: { directives: string[]; evidence: string[] };
  /** Rules addressed to one crawler that withhold something, merged per agent. */
  agentSpecific: AgentRestriction[];
}

export interface AgentRestriction {
  agent: string;
  /** The restrictive rules as written. */
  directives: string[];
  /** True when the rules keep the page out of that crawler's index. */
  blocksIndexing: boolean;
  evidence: string[];
}

/** What a page's robots signals mean for every crawler and for specific ones. */
export function summarizeRobots(signals: readonly RobotsSignal[], now: Date): PageRobots {
  const generic = signals.filter((s) => s.agent === null);
  const snippetSignals = generic.filter((s) => s.rules.some(blocksSnippet));
  const byAgent = new Map<string, AgentRestriction>();
  for (const s of signals) {
    if (s.agent === null) continue;
    const restrictive = s.rules.filter((r) => isRestrictive(r, now));
    if (restrictive.length === 0) continue;
    const key = s.agent.toLowerCase();
    const entry = byAgent.get(key) ?? { agent: s.agent, directives: [], blocksIndexing: false, evidence: [] };
    for (const r of restrictive) if (!entry.directives.includes(r.raw)) entry.directives.push(r.raw);
    entry.blocksIndexing ||= restrictive.some((r) => blocksIndexing(r, now));
    entry.evidence.push(s.evidence);
    byAgent.set(key, entry);
  }
  return {
    noindex: indexBlocks(generic, now).map((s) => s.evidence),
    nofollow: generic.filter((s) => s.rules.some(blocksFollowing)).map((s) => s.evidence),
    snippet: {
      directives: [...new Set(snippetSignals.flatMap((s) => s.rules.filter(blocksSnippet).map((r) => r.raw)))],
      evidence: snippetSignals.map((s) => s.evidence),
    },
    agentSpecific: [...byAgent.values()],
  };
}
