// Probe `robots`: fetches <origin>/robots.txt and reports what it allows each known AI agent
// (ai.robots.txt's list, probes/data/ai-agents.json) to read of the public site, plus sitemaps,
// Content-Signal lines and lint. Parsing and matching live in src/robots (RFC 9309 + Google's rules).
//
// "Public content paths" — what `access` is judged on: '/', the start URL, the paths (with query) of
// up to 200 crawled 2xx pages and URLs the crawl skipped for robots.txt, on the audited origin, plus
// the usual portal sections /docs, /api, /pricing and /reference whether or not the crawl saw them.
// access = 'none' when every one of those paths is disallowed (the agent may fetch nothing of the
// public site, home page included), 'partial' when some are, 'all' when none are.
import { type Access, type AgentPurpose, type AiAgentAccess, defineProbe, type Finding, type RobotsFacts, type Snapshot } from '../../src/contract/index.js';
import type { FetchResult } from '../../src/fetch/types.js';
import { AGENT_PURPOSES, AI_AGENTS } from '../../src/robots/ai-agents.js';
import { matcherFor, type AllowResult } from '../../src/robots/match.js';
import { extractAgentToken, MAX_PARSE_BYTES, parseRobots, type RobotsFile } from '../../src/robots/parse.js';
import { robotsFromResponse, robotsOutcome } from '../../src/robots/response.js';

const TEXT = {
  title: 'robots.txt and AI crawler access',
  description:
    'Reads /robots.txt (RFC 9309) and reports, for each known AI crawler and assistant, whether it may read the public site, with sitemaps, Content-Signal lines and syntax problems.',
  missing: (status: number) =>
    `No robots.txt (HTTP ${status}): every crawler may fetch everything, and no Sitemap line points crawlers to your sitemaps.`,
  unreachable: (status: number) =>
    `robots.txt returned HTTP ${status}: crawlers must treat the whole site as disallowed until it is served again (RFC 9309 §2.3.1.4).`,
  failed: (reason: string) =>
    `robots.txt could not be fetched (${reason}): crawlers must treat the whole site as disallowed (RFC 9309 §2.3.1.4).`,
  redirects: (status: number) =>
    `robots.txt still answers with a redirect (HTTP ${status}) after the redirect limit; crawlers treat it as missing (RFC 9309 §2.3.1.2).`,
  softHtml: (status: number) =>
    `/robots.txt returns an HTML page (HTTP ${status}) instead of a robots.txt file; crawlers find no rules and no sitemaps in it.`,
  tooLarge: (bytes: number) =>
    `robots.txt is ${bytes} bytes, over the 500 KiB that crawlers must read; everything after that is ignored (RFC 9309 §2.5).`,
  searchBlockedDocs: (agents: string[]) =>
    `AI search crawlers are blocked from documentation, so answer engines cannot cite it: ${agents.join(', ')}.`,
  lint: (message: string) => `robots.txt: ${message}.`,
  moreLint: (n: number) => `robots.txt has ${n} more problem line(s) not listed here.`,
} as const;

/** portalprobe's own product token (its User-Agent is "portalprobe/<version> (+<homepage>)"). */
export const PORTALPROBE_TOKEN = 'portalprobe';
/** Portal sections always checked, whether or not the crawl reached them. */
export const PORTAL_SECTIONS = ['/docs', '/api', '/pricing', '/reference'];
/** Paths whose first segment marks documentation, for the "search blocked from docs" finding. */
const DOCS_PATH = /^\/(docs?|documentation|reference|api|apis|guides?|developers?|dev|learn|manual)(\/|$|\?)/i;
const MAX_PAGES = 200;
const MAX_LINT_FINDINGS = 10;

/** The public content paths access is judged on (see the header comment). */
export function publicContentPaths(snapshot: Snapshot): string[] {
  const paths = new Set<string>(['/']);
  const add = (url: string): void => {
    try {
      const u = new URL(url, snapshot.origin);
      if (u.origin === snapshot.origin) paths.add(u.pathname + u.search);
    } catch {
      // An unparsable URL in the snapshot is simply not sampled.
    }
  };
  add(snapshot.finalUrl || snapshot.startUrl);
  add(snapshot.startUrl);
  const pageUrls = snapshot.pages
    .filter((p) => p.status >= 200 && p.status < 300)
    .map((p) => p.finalUrl || p.url)
    .concat(snapshot.skippedByRobots);
  for (const url of pageUrls.slice(0, MAX_PAGES)) add(url);
  for (const section of PORTAL_SECTIONS) paths.add(section);
  return [...paths];
}

/** Whether a 2xx body is an HTML page (a soft 404) rather than a robots.txt file. */
export function looksLikeHtml(body: Uint8Array, contentType: string | undefined): boolean {
  const head = Buffer.from(body.subarray(0, 1024)).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(!doctype\s+html|html|head|body|meta|title|!--|script|div|p)[\s>]/.test(head)) return true;
  // Served as text/html and nothing in it reads as a robots.txt directive.
  return /text\/html/i.test(contentType ?? '') && parseRobots(body).stats.validDirectives === 0;
}

const evidence = (line: number, text: string): string => `line ${line}: ${text}`;

function emptyCounts(): Record<AgentPurpose, Record<Access, number>> {
  return Object.fromEntries(AGENT_PURPOSES.map((p) => [p, { all: 0, partial: 0, none: 0 }])) as Record<
    AgentPurpose,
    Record<Access, number>
  >;
}

interface Verdicts {
  access: Access;
  results: Map<string, AllowResult>;
}

function judge(robots: RobotsFile, token: string, paths: string[], cache: Map<string, Verdicts>): Verdicts & { group: string | null } {
  const matcher = matcherFor(robots, token);
  let verdicts = cache.get(matcher.key);
  if (!verdicts) {
    const results = new Map(paths.map((p) => [p, matcher.isAllowed(p)] as const));
    const blocked = [...results.values()].filter((r) => !r.allowed).length;
    verdicts = { access: blocked === 0 ? 'all' : blocked === paths.length ? 'none' : 'partial', results };
    cache.set(matcher.key, verdicts);
  }
  return { ...verdicts, group: matcher.group };
}

function statusFindings(res: FetchResult, url: string, html: boolean, robots: RobotsFile): Finding[] {
  const findings: Finding[] = [];
  const outcome = robotsOutcome(res.status);
  if (res.status === 0) {
    const reason = res.error ? `${res.error.code}: ${res.error.message}` : 'no response';
    findings.push({ severity: 'error', message: TEXT.failed(reason), url });
  } else if (outcome === 'unreachable') {
    findings.push({ severity: 'error', message: TEXT.unreachable(res.status), url, evidence: `HTTP ${res.status}` });
  } else if (res.status >= 300 && res.status < 400) {
    findings.push({ severity: 'warning', message: TEXT.redirects(res.status), url, evidence: `HTTP ${res.status}` });
  } else if (outcome === 'unavailable') {
    findings.push({ severity: 'warning', message: TEXT.missing(res.status), url, evidence: `HTTP ${res.status}` });
  } else if (html) {
    const first = Buffer.from(res.body.subarray(0, 80)).toString('utf8').trim().split(/\r?\n/)[0];
    const type = res.headers['content-type'] ?? 'no content-type';
    findings.push({ severity: 'warning', message: TEXT.softHtml(res.status), url, evidence: `${type}; body starts "${first}"` });
  } else if (robots.truncated || res.truncated || res.body.byteLength > MAX_PARSE_BYTES) {
    findings.push({ severity: 'warning', message: TEXT.tooLarge(res.body.byteLength), url, evidence: `${res.body.byteLength} bytes${res.truncated ? ' (cut by the fetch limit)' : ''}` });
  }
  return findings;
}

function lintFindings(robots: RobotsFile, url: string): Finding[] {
  const errors = robots.lint.filter((l) => l.severity === 'error');
  const findings: Finding[] = errors.slice(0, MAX_LINT_FINDINGS).map((l) => ({
    severity: 'info',
    message: TEXT.lint(l.message),
    url,
    evidence: evidence(l.line, l.text),
  }));
  if (errors.length > MAX_LINT_FINDINGS) {
    findings.push({ severity: 'info', message: TEXT.moreLint(errors.length - MAX_LINT_FINDINGS), url });
  }
  return findings;
}

export const robotsProbe = defineProbe<RobotsFacts>()({
  id: 'robots',
  title: TEXT.title,
  description: TEXT.description,
  // 'pages' too: access is judged on the crawled pages' paths.
  reads: ['fetch', 'pages'],
  async run(ctx) {
    const { snapshot } = ctx;
    const url = new URL('/robots.txt', snapshot.origin).href;
    const res = await ctx.fetch(url);
    const outcome = robotsOutcome(res.status);
    const html = outcome === 'parsed' && looksLikeHtml(res.body, res.headers['content-type']);
    // An HTML page is not a robots.txt: treat it as missing (no rules), as crawlers effectively do.
    const robots = html ? robotsFromResponse(404, null) : robotsFromResponse(res.status, res.body);
    const present = outcome === 'parsed' && !html;

    const paths = publicContentPaths(snapshot);
    const docsPaths = paths.filter((p) => DOCS_PATH.test(p));
    const cache = new Map<string, Verdicts>();
    const blockedPurposes = emptyCounts();
    const searchBlocked = new Map<string, string[]>(); // evidence line → agents
    const aiAgents = AI_AGENTS.agents.map((a): AiAgentAccess => {
      // Names such as "ChatGPT Agent" or "iaskspider/2.0" are matched by their product token, as a
      // robots.txt line naming them is read (RFC 9309 §2.2.1; robots.cc ExtractUserAgent).
      const token = extractAgentToken(a.agent);
      const v = judge(robots, token, paths, cache);
      blockedPurposes[a.purpose][v.access]++;
      if (a.purpose === 'search' && robots.policy === 'rules') {
        const hit = docsPaths.map((p) => v.results.get(p)).find((r) => r && !r.allowed);
        if (hit?.rule) {
          const key = evidence(hit.rule.line, hit.rule.text);
          searchBlocked.set(key, [...(searchBlocked.get(key) ?? []), a.agent]);
        }
      }
      return { agent: a.agent, operator: a.operator, purpose: a.purpose, access: v.access, group: v.group };
    });

    const findings = statusFindings(res, url, html, robots);
    if (searchBlocked.size > 0) {
      const agents = [...searchBlocked.values()].flat();
      findings.push({
        severity: 'warning',
        message: TEXT.searchBlockedDocs(agents),
        url,
        evidence: [...searchBlocked.entries()].map(([line, names]) => `${line} (${names.join(', ')})`).join('; '),
      });
    }
    if (present) findings.push(...lintFindings(robots, url));

    const sitemaps = [...new Set(robots.sitemaps.filter((s) => s.valid).map((s) => new URL(s.url).href))];
    const contentSignals = robots.contentSignals.flatMap((c) =>
      (c.agents.length > 0 ? c.agents : [null]).map((agent) => ({ agent, value: c.value, line: c.line })),
    );
    const startUrl = snapshot.finalUrl || snapshot.startUrl || snapshot.origin;

    return {
      facts: {
        url,
        present,
        status: res.status,
        aiAgents,
        sitemaps,
        contentSignals,
        blockedPurposes,
        portalprobeAllowed: matcherFor(robots, PORTALPROBE_TOKEN).isAllowed(startUrl).allowed,
        sizeBytes: res.body.byteLength,
        lintErrors: present ? robots.lint.filter((l) => l.severity === 'error').length : 0,
        checkedPaths: paths.length,
      },
      findings,
    };
  },
});

export default robotsProbe;
