// One crawled HTML page → every indexability verdict about it: robots rules (per crawler), whether
// search crawlers are blocked (with robots.txt), the canonical, hreflang, title and description.
// Pure: the caller supplies robots.txt and the clock.
import type { RobotsFile } from '../../src/robots/index.js';
import { judgeCanonical, type CanonicalVerdict } from './canonical.js';
import { judgeCrawlable, type CrawlableVerdict } from './crawlable.js';
import { extractHead, linkHeaderLinks, type HeadLink } from './head-links.js';
import { judgeHreflang, type HreflangIssue } from './hreflang.js';
import { judgeDescription, judgeTitle, type DescriptionVerdict, type TitleVerdict } from './page-text.js';
import { SEARCH_AGENT_NAMES, headerValue, robotsSignals, summarizeRobots, type MetaInput, type PageRobots, type RobotsSignal } from './robots-rules.js';

export interface PageInput {
  /** The URL the content came from (after redirects). */
  url: string;
  headers: Record<string, string>;
  html: string;
  title: string | null;
  /** Metas the crawl found anywhere in the page (names may be lower-cased); used for those outside the head. */
  meta?: readonly MetaInput[];
}

export interface JudgeOptions {
  /** The site's robots.txt; null when unknown. */
  robots: RobotsFile | null;
  now: Date;
  /** Lower-cased crawler tokens whose meta tags count as robots rules. @default SEARCH_AGENT_NAMES */
  knownAgents?: ReadonlySet<string>;
}

export interface PageVerdict {
  url: string;
  signals: RobotsSignal[];
  robots: PageRobots;
  crawlable: CrawlableVerdict;
  canonical: CanonicalVerdict;
  hreflang: HreflangIssue[];
  title: TitleVerdict;
  description: DescriptionVerdict;
  /** The head was longer than portalprobe reads; links past the limit were not seen. */
  headTruncated: boolean;
}

/** Head metas (names as written) plus any robots-relevant meta the crawl saw elsewhere in the page. */
function allMeta(headMeta: readonly MetaInput[], crawlMeta: readonly MetaInput[]): MetaInput[] {
  const seen = new Set(headMeta.map((m) => `${m.name.toLowerCase()}\u0000${m.content}`));
  const extra = crawlMeta.filter((m) => !seen.has(`${m.name.toLowerCase()}\u0000${m.content}`));
  return [...headMeta, ...extra];
}

export function judgePage(input: PageInput, options: JudgeOptions): PageVerdict {
  const head = extractHead(input.html, input.url);
  const links: HeadLink[] = [...head.links, ...linkHeaderLinks(headerValue(input.headers, 'link'), input.url)];
  const meta = allMeta(head.meta, (input.meta ?? []).filter((m) => m.name));
  const signals = robotsSignals(meta, input.headers, options.knownAgents ?? new Set(SEARCH_AGENT_NAMES));
  return {
    url: input.url,
    signals,
    robots: summarizeRobots(signals, options.now),
    crawlable: judgeCrawlable(signals, input.url, options.robots, options.now),
    canonical: judgeCanonical(input.url, links),
    hreflang: judgeHreflang(links),
    title: judgeTitle(input.title),
    description: judgeDescription(meta),
    headTruncated: head.truncated,
  };
}
