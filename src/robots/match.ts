// Decides whether a user agent may fetch a URL under a parsed robots.txt (RFC 9309 §2.2), with
// Google's reference behaviour (github.com/google/robotstxt, robots.cc) where the RFC is silent:
// the longest matching pattern wins, Allow wins a tie, groups naming the agent are merged and the
// '*' group applies only when no group names it. Pure; no network.
import { extractAgentToken, type RobotsFile, type RobotsGroup, type RobotsRule, type RuleDirective } from './parse.js';

export interface MatchedRule {
  line: number;
  directive: RuleDirective;
  pattern: string;
  /** The line as written, for evidence ("line 12: Disallow: /"). */
  text: string;
}

export interface AllowResult {
  allowed: boolean;
  /** The rule that decided, when one did (no rule: nothing matched, or the status decided). */
  rule?: MatchedRule;
  /** The group that applies: the agent's token as written in the file, '*', or null for none. */
  group: string | null;
}

export interface AgentMatcher {
  /** See AllowResult.group. */
  group: string | null;
  /** Identifies the rule set: agents with equal keys get equal answers (for caching). */
  key: string;
  isAllowed(url: string): AllowResult;
}

/**
 * Path, params and query of a URL as robots.cc GetPathParamsQuery extracts them: scheme, authority
 * and fragment removed; always starts with '/'. The URL is used as given (callers pass it already
 * percent-encoded, as `new URL(x).href` is), so a raw "ツ" does not match a "%E3%83%84" rule.
 */
export function getPathParamsQuery(url: string): string {
  let searchStart = 0;
  if (url.length >= 2 && url[0] === '/' && url[1] === '/') searchStart = 2;
  const firstOf = (chars: string, from: number): number => {
    for (let i = from; i < url.length; i++) if (chars.includes(url[i])) return i;
    return -1;
  };
  const earlyPath = firstOf('/?;', searchStart);
  let protocolEnd = url.indexOf('://', searchStart);
  if (earlyPath >= 0 && (protocolEnd < 0 || earlyPath < protocolEnd)) protocolEnd = -1;
  protocolEnd = protocolEnd < 0 ? searchStart : protocolEnd + 3;
  const pathStart = firstOf('/?;', protocolEnd);
  if (pathStart < 0) return '/';
  const hash = url.indexOf('#', searchStart);
  if (hash >= 0 && hash < pathStart) return '/';
  const path = url.slice(pathStart, hash < 0 ? url.length : hash);
  return url[pathStart] === '/' ? path : '/' + path;
}

/** A pattern split once for repeated matching: literal segments between '*'s, and the '$' anchor. */
interface CompiledPattern {
  parts: string[];
  anchored: boolean;
}

export function compilePattern(pattern: string): CompiledPattern {
  const anchored = pattern.endsWith('$');
  return { parts: (anchored ? pattern.slice(0, -1) : pattern).split('*'), anchored };
}

/**
 * RFC 9309 §2.2.3 pattern match, anchored at the start of the path: '*' matches any run of characters
 * and '$' at the very end anchors the end ('$' elsewhere is literal). Same answers as robots.cc
 * Matches(), computed greedily segment by segment so a hostile pattern ("/*a*a*a…") stays linear-ish.
 */
export function patternMatches(path: string, pattern: string | CompiledPattern): boolean {
  const { parts, anchored } = typeof pattern === 'string' ? compilePattern(pattern) : pattern;
  const first = parts[0];
  if (parts.length === 1) return anchored ? path === first : path.startsWith(first);
  if (!path.startsWith(first)) return false;
  let pos = first.length;
  const last = parts.length - 1;
  for (let i = 1; i < last; i++) {
    const part = parts[i];
    if (part === '') continue;
    const at = path.indexOf(part, pos);
    if (at < 0) return false;
    pos = at + part.length;
  }
  // A '*' precedes the last segment, so it may start anywhere at or after pos.
  const tail = parts[last];
  if (!anchored) return tail === '' || path.indexOf(tail, pos) >= 0;
  return path.length - tail.length >= pos && path.endsWith(tail);
}

/** One way a rule can match, with its priority (robots.cc: the pattern's length in octets). */
interface Candidate {
  rule: MatchedRule;
  pattern: CompiledPattern;
  priority: number;
}

/**
 * Candidates of one directive, best first: priority descending, file order among equals (robots.cc
 * keeps the first of equal matches). The first candidate that matches is then the best match.
 */
function candidates(rules: RobotsRule[], directive: RuleDirective): Candidate[] {
  const out: Candidate[] = [];
  for (const r of rules) {
    if (r.directive !== directive) continue;
    const rule: MatchedRule = { line: r.line, directive: r.directive, pattern: r.pattern, text: r.text };
    out.push({ rule, pattern: compilePattern(r.pattern), priority: r.pattern.length });
    // Google-specific (robots.cc HandleAllow): an Allow for ".../index.htm…" also allows ".../" exactly.
    // Its priority is always below the full pattern's, so it only decides when that does not match.
    const slash = r.pattern.lastIndexOf('/');
    if (directive === 'allow' && slash >= 0 && r.pattern.startsWith('/index.htm', slash)) {
      const alternative = r.pattern.slice(0, slash + 1) + '$';
      out.push({ rule, pattern: compilePattern(alternative), priority: alternative.length });
    }
  }
  return out.sort((a, b) => b.priority - a.priority); // Array.prototype.sort is stable
}

interface RuleSet {
  allow: Candidate[];
  disallow: Candidate[];
}

/**
 * The token we match groups against. Google compares the caller's string as given; we additionally
 * cut a full User-Agent header ("portalprobe/0.1 (+https://…)") down to its product token, because
 * RFC 9309 §2.2.1 matches on the product token and a header would otherwise match nothing.
 */
export function productToken(userAgent: string): string {
  return userAgent.includes('/') ? extractAgentToken(userAgent.trim()) : userAgent;
}

const ROBOTS_TXT_PATH = '/robots.txt';

/** Resolves which groups apply to `userAgent` once, for checking many URLs. */
export function matcherFor(robots: RobotsFile, userAgent: string): AgentMatcher {
  if (robots.policy !== 'rules') {
    const allowed = robots.policy === 'allow-all';
    return {
      group: null,
      key: robots.policy,
      // RFC 9309 §2.2.2: /robots.txt itself is always allowed.
      isAllowed: (url) => ({ allowed: allowed || getPathParamsQuery(url) === ROBOTS_TXT_PATH, group: null }),
    };
  }
  const token = productToken(userAgent).toLowerCase();
  const pick = (test: (agent: string) => boolean): { groups: RobotsGroup[]; indexes: number[]; name: string | null } => {
    const groups: RobotsGroup[] = [];
    const indexes: number[] = [];
    let name: string | null = null;
    robots.groups.forEach((g, i) => {
      const hit = g.agents.find(test);
      if (hit === undefined) return;
      groups.push(g);
      indexes.push(i);
      name ??= hit;
    });
    return { groups, indexes, name };
  };
  // RFC 9309 §2.2.1: all groups naming the agent are merged; '*' applies only when none does.
  let chosen = token === '' ? { groups: [], indexes: [], name: null } : pick((a) => a.toLowerCase() === token);
  if (chosen.groups.length === 0) chosen = pick((a) => a === '*');
  const group = chosen.name;
  const groups = chosen.groups;
  let rules: RuleSet | null = null; // compiled on first use: callers often only need `key`
  return {
    group,
    key: chosen.indexes.join(',') || 'none',
    isAllowed(url: string): AllowResult {
      const path = getPathParamsQuery(url);
      if (path === ROBOTS_TXT_PATH) return { allowed: true, group };
      if (rules === null) {
        const all = groups.flatMap((g) => g.rules);
        rules = { allow: candidates(all, 'allow'), disallow: candidates(all, 'disallow') };
      }
      return decide(rules, path, group);
    },
  };
}

/** Longest match wins; on equal length Allow wins (RFC 9309 §2.2.2). */
function decide(rules: RuleSet, path: string, group: string | null): AllowResult {
  const best = (list: Candidate[]): Candidate | undefined => list.find((c) => patternMatches(path, c.pattern));
  const allow = best(rules.allow);
  const disallow = best(rules.disallow);
  const a = allow?.priority ?? -1;
  const d = disallow?.priority ?? -1;
  // An empty pattern matches with priority 0, which robots.cc treats as no rule at all.
  if (a <= 0 && d <= 0) return { allowed: true, group };
  if (d > a) return { allowed: false, rule: { ...disallow!.rule }, group };
  return { allowed: true, rule: { ...allow!.rule }, group };
}

/**
 * May `userAgent` fetch `url`? `userAgent` is a product token ("GPTBot") or a full User-Agent header
 * (cut to its product token); `url` is absolute and percent-encoded, or a path.
 */
export function isAllowed(robots: RobotsFile, userAgent: string, url: string): AllowResult {
  return matcherFor(robots, userAgent).isAllowed(url);
}
