// The audit's robots policy on hosts other than the target: a host whose robots.txt cannot be
// fetched at all is reported as unreachable (with the real error), not as "robots.txt disallows".
import { describe, expect, it } from 'vitest';
import { loadRobotsPolicy } from '../../src/audit/robots-policy.js';
import type { AuditFetch } from '../../src/crawl/crawler.js';
import { failureResult } from '../../src/fetch/audit-fetch.js';
import { DnsError } from '../../src/errors.js';
import type { FetchResult } from '../../src/fetch/types.js';

const TARGET = 'https://developer.bank.example';

function ok(url: string, status: number, body = ''): FetchResult {
  return { url, finalUrl: url, status, headers: {}, body: Buffer.from(body), truncated: false, redirects: [], bytes: body.length, durationMs: 1, ttfbMs: 1 };
}

/** The target answers; status.bank.example does not resolve; other.example serves a 503 robots.txt. */
function fakeFetch(calls: string[]): AuditFetch {
  return async (url) => {
    calls.push(url);
    const u = new URL(url);
    if (u.host === 'status.bank.example') return failureResult(url, new DnsError(u.hostname), 1);
    if (u.host === 'other.example') return ok(url, u.pathname === '/robots.txt' ? 503 : 200);
    return ok(url, 200, u.pathname === '/robots.txt' ? 'User-agent: *\nDisallow: /private\n' : '<p>ok</p>');
  };
}

describe('robots policy on other hosts', () => {
  it('answers a URL on a host whose robots.txt could not be resolved with that DNS error, fetching nothing else there', async () => {
    const calls: string[] = [];
    const policy = await loadRobotsPolicy(TARGET, fakeFetch(calls), 'portalprobe/0.1.0', false);
    const fetch = policy.wrap(fakeFetch(calls));
    const res = await fetch('https://status.bank.example/api/v2/status.json');
    expect(res.status).toBe(0);
    expect(res.error?.code).toBe('PP_ERR_DNS');
    expect(res.error?.message).toContain('https://status.bank.example/robots.txt');
    expect(calls.filter((c) => c.includes('status.bank.example'))).toEqual(['https://status.bank.example/robots.txt']);
    expect(policy.skipped()).toEqual([]);
  });

  it('still treats a robots.txt answered with 5xx as disallow-all (RFC 9309 §2.3.1.3), and the target\'s rules as written', async () => {
    const calls: string[] = [];
    const policy = await loadRobotsPolicy(TARGET, fakeFetch(calls), 'portalprobe/0.1.0', false);
    const fetch = policy.wrap(fakeFetch(calls));
    expect((await fetch('https://other.example/page')).error?.code).toBe('PP_ERR_ROBOTS_DISALLOWED');
    expect((await fetch(`${TARGET}/private/x`)).error?.code).toBe('PP_ERR_ROBOTS_DISALLOWED');
    expect((await fetch(`${TARGET}/docs`)).status).toBe(200);
    expect(policy.skipped().sort()).toEqual([`${TARGET}/private/x`, 'https://other.example/page']);
  });
});
