// "Is this page blocked from search?" the way Lighthouse's is-crawlable audit decides it
// (core/audits/seo/is-crawlable.js): for all crawlers and for each of Googlebot, bingbot, DuckDuckBot
// and archive.org_bot, a page is blocked by a noindex rule (meta or X-Robots-Tag) or by robots.txt.
// It fails only when every one of them is blocked; otherwise the blocked ones are listed.
// Rules are combined the Google way (see robots-rules.ts). robots.txt matching is RFC 9309 with
// Google's rules (src/robots). Pure.
import { extractAgentToken, isAllowed, type RobotsFile } from '../../src/robots/index.js';
import { indexBlocks, signalsFor, type RobotsSignal } from './robots-rules.js';

/** The crawlers Lighthouse checks; null stands for "every crawler" (robots meta, `User-agent: *`). */
export const SEARCH_BOTS: readonly (string | null)[] = [null, 'Googlebot', 'bingbot', 'DuckDuckBot', 'archive.org_bot'];

export interface CrawlableVerdict {
  /** Every crawler in SEARCH_BOTS is blocked (Lighthouse's score 0). */
  blocked: boolean;
  /** Named crawlers that are blocked (Lighthouse warns with this list when not all are). */
  blockedAgents: string[];
  /** What blocks every crawler: the elements, headers and robots.txt line (Lighthouse's details). */
  genericBlocks: string[];
  /** robots.txt keeps every crawler in SEARCH_BOTS out of the page. */
  robotsTxtBlocked: boolean;
  /** The robots.txt line that blocks generic crawlers, e.g. `robots.txt line 2: Disallow: /`. */
  robotsTxtEvidence?: string;
}

/**
 * @param robots the site's robots.txt, or null when it is not known (not fetched, or no response).
 */
export function judgeCrawlable(signals: readonly RobotsSignal[], url: string, robots: RobotsFile | null, now: Date): CrawlableVerdict {
  const blockedAgents: string[] = [];
  let genericBlocks: string[] = [];
  let blockedCount = 0;
  let robotsBlockedCount = 0;
  let robotsTxtEvidence: string | undefined;
  for (const agent of SEARCH_BOTS) {
    const sources = indexBlocks(signalsFor(signals, agent), now).map((s) => s.evidence);
    if (robots) {
      // Google's matcher compares product tokens ([A-Za-z_-]+, RFC 9309 §2.2.1) on both sides, so
      // `archive.org_bot` is matched as `archive`, as its `User-agent: archive.org_bot` line is.
      const verdict = isAllowed(robots, agent === null ? '*' : extractAgentToken(agent) || agent, url);
      if (!verdict.allowed) {
        robotsBlockedCount++;
        const evidence = verdict.rule ? `robots.txt line ${verdict.rule.line}: ${verdict.rule.text}` : `robots.txt (${robots.policy})`;
        sources.push(evidence);
        if (agent === null) robotsTxtEvidence = evidence;
      }
    }
    if (sources.length > 0) {
      blockedCount++;
      if (agent !== null) blockedAgents.push(agent);
    }
    if (agent === null) genericBlocks = sources;
  }
  return {
    blocked: blockedCount === SEARCH_BOTS.length,
    blockedAgents,
    genericBlocks,
    robotsTxtBlocked: robotsBlockedCount === SEARCH_BOTS.length,
    ...(robotsTxtEvidence ? { robotsTxtEvidence } : {}),
  };
}
