// Unit tests for src/robots/response.ts: RFC 9309 §2.3.1 status handling.
import { describe, expect, it } from 'vitest';
import { isAllowed } from '../../src/robots/match.js';
import { robotsFromResponse, robotsOutcome } from '../../src/robots/response.js';

describe('robotsFromResponse', () => {
  const body = 'User-agent: *\nDisallow: /private\n';
  it.each([
    [200, 'rules', true, false],
    [203, 'rules', true, false],
    [301, 'allow-all', true, true],
    [400, 'allow-all', true, true],
    [401, 'allow-all', true, true],
    [403, 'allow-all', true, true],
    [404, 'allow-all', true, true],
    [410, 'allow-all', true, true],
    [429, 'disallow-all', false, false],
    [500, 'disallow-all', false, false],
    [503, 'disallow-all', false, false],
    [0, 'disallow-all', false, false],
  ] as const)('HTTP %i → %s', (status, policy, homeAllowed, privateAllowed) => {
    const robots = robotsFromResponse(status, Buffer.from(body));
    expect(robots.policy).toBe(policy);
    expect(isAllowed(robots, 'Bot', 'https://e.com/').allowed).toBe(homeAllowed);
    expect(isAllowed(robots, 'Bot', 'https://e.com/private/x').allowed).toBe(privateAllowed);
  });

  it('treats a missing body on 2xx as an empty file', () => {
    expect(robotsFromResponse(200, null).groups).toEqual([]);
  });

  it('classifies statuses', () => {
    expect([200, 302, 404, 429, 500, 0].map(robotsOutcome)).toEqual([
      'parsed', 'unavailable', 'unavailable', 'unreachable', 'unreachable', 'unreachable',
    ]);
  });
});
