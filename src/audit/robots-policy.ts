// portalprobe's own manners: the crawl and the probes fetch only what robots.txt allows for our
// User-Agent, unless the user explicitly ignores robots.txt (a portal they own or are engaged to
// assess) — then we fetch anyway and record every URL where we did. /robots.txt itself is always
// allowed: it has to be read to be obeyed.
import { PortalProbeError, RobotsDisallowedError, TargetUnauditableError, type ErrorCode } from '../errors.js';
import { matcherFor, productToken, robotsFromResponse } from '../robots/index.js';
import type { AuditFetch } from '../crawl/crawler.js';
import type { FetchResult } from '../fetch/types.js';
import { failureResult } from '../fetch/audit-fetch.js';

export interface RobotsPolicy {
  policy: 'respected' | 'ignored';
  /** A fetch that refuses disallowed URLs with status 0 and PP_ERR_ROBOTS_DISALLOWED. */
  wrap(fetch: AuditFetch): AuditFetch;
  /** URLs not fetched because robots.txt disallows them. */
  skipped(): string[];
  /** URLs fetched although robots.txt disallows them (policy 'ignored'). */
  ignoredOn(): string[];
}

const UNREACHABLE: ErrorCode[] = ['PP_ERR_BLOCKED_ADDRESS', 'PP_ERR_DNS', 'PP_ERR_CONNECTION', 'PP_ERR_TIMEOUT', 'PP_ERR_UNSUPPORTED_SCHEME'];

function refused(url: string): FetchResult {
  return failureResult(url, new RobotsDisallowedError(url), 0);
}

function hostDown(url: string, robots: FetchResult): FetchResult {
  const { code, message } = robots.error!;
  return failureResult(url, new PortalProbeError(code as ErrorCode, `${message} (found fetching ${robots.url}; nothing else on that host was tried)`), 0);
}

function isRobotsTxt(url: string): boolean {
  try {
    return new URL(url).pathname === '/robots.txt';
  } catch {
    return false;
  }
}

export async function loadRobotsPolicy(origin: string, fetch: AuditFetch, userAgent: string, ignore: boolean): Promise<RobotsPolicy> {
  const token = productToken(userAgent);
  const matchers = new Map<string, ReturnType<typeof matcherFor>>();
  // Origins whose robots.txt could not be fetched at all (no such host, refused address, no
  // connection): RFC 9309 makes that disallow-all, but the truthful answer for any URL there is that
  // the host is unreachable, so such a URL fails with the robots.txt fetch's own error.
  const unreachable = new Map<string, FetchResult>();
  const skipped = new Set<string>();
  const ignoredOn = new Set<string>();

  // Each origin has its own robots.txt; the crawl stays on one or two origins, probes may visit more.
  async function matcher(url: string) {
    const o = new URL(url).origin;
    let m = matchers.get(o);
    if (!m) {
      const res = await fetch(`${o}/robots.txt`);
      if (res.error && UNREACHABLE.includes(res.error.code)) unreachable.set(o, res);
      // RFC 9309 §2.3.1 via robotsFromResponse: 4xx allow all, 5xx or no answer disallow all.
      m = matcherFor(robotsFromResponse(res.error ? 0 : res.status, res.body), token);
      matchers.set(o, m);
    }
    return m;
  }
  // robots.txt is the first request of an audit: when the host cannot be reached at all (refused
  // address, DNS, connection, timeout) there is nothing to audit, and saying so beats a report of
  // "robots.txt unreachable, everything disallowed".
  const first = await fetch(`${origin}/robots.txt`);
  if (first.error && UNREACHABLE.includes(first.error.code)) {
    throw new TargetUnauditableError(origin, new PortalProbeError(first.error.code, first.error.message));
  }
  await matcher(origin);

  function decide(url: string, m: ReturnType<typeof matcherFor>): boolean {
    if (isRobotsTxt(url) || m.isAllowed(url).allowed) return true;
    if (ignore) {
      ignoredOn.add(url);
      return true;
    }
    skipped.add(url);
    return false;
  }

  return {
    policy: ignore ? 'ignored' : 'respected',
    wrap(inner) {
      return async (url, request) => {
        let m: ReturnType<typeof matcherFor>;
        try {
          m = await matcher(url);
        } catch {
          return inner(url, request);
        }
        const down = unreachable.get(new URL(url).origin);
        if (down && !isRobotsTxt(url) && !ignore) return hostDown(url, down);
        return decide(url, m) ? inner(url, request) : refused(url);
      };
    },
    skipped: () => [...skipped],
    ignoredOn: () => [...ignoredOn],
  };
}
