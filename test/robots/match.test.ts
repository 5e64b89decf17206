// Unit tests for src/robots/match.ts: pattern matching (checked against a port of robots.cc's
// Matches()), longest match and ties, /robots.txt always allowed, product tokens, blanket policies.
import { describe, expect, it } from 'vitest';
import { getPathParamsQuery, isAllowed, matcherFor, patternMatches, productToken } from '../../src/robots/match.js';
import { blanketRobots, parseRobots } from '../../src/robots/parse.js';

/** mulberry32: a small seeded PRNG, so the random cases are the same on every run. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

/** robots.cc RobotsMatchStrategy::Matches, transcribed as the reference for the fuzz test. */
function googleMatches(path: string, pattern: string): boolean {
  const pathlen = path.length;
  const pos = new Array<number>(pathlen + 1);
  pos[0] = 0;
  let numpos = 1;
  for (let p = 0; p < pattern.length; p++) {
    const c = pattern[p];
    if (c === '$' && p + 1 === pattern.length) return pos[numpos - 1] === pathlen;
    if (c === '*') {
      numpos = pathlen - pos[0] + 1;
      for (let i = 1; i < numpos; i++) pos[i] = pos[i - 1] + 1;
    } else {
      let n = 0;
      for (let i = 0; i < numpos; i++) if (pos[i] < pathlen && path[pos[i]] === c) pos[n++] = pos[i] + 1;
      numpos = n;
      if (numpos === 0) return false;
    }
  }
  return true;
}

describe('patternMatches', () => {
  it.each([
    ['/', '/anything', true],
    ['/fish', '/fish.html', true],
    ['/fish', '/Fish', false],
    ['/*.php', '/a/b.php?x', true],
    ['/*.php$', '/a/b.php?x', false],
    ['/*.php$', '/a/b.php', true],
    ['/a$b', '/a$b/c', true],
    ['$', '/', false],
    ['/$', '/', true],
    ['*', '/x', true],
    ['/**/x*', '/a/b/x', true],
    ['', '/x', true],
  ])('%s vs %s → %s', (pattern, path, expected) => {
    expect(patternMatches(path, pattern)).toBe(expected);
    expect(googleMatches(path, pattern)).toBe(expected);
  });

  it('agrees with robots.cc Matches() on 20,000 random cases', () => {
    const rand = random(42);
    const pick = (alphabet: string, max: number): string =>
      Array.from({ length: rand(max + 1) }, () => alphabet[rand(alphabet.length)]).join('');
    const mismatches: string[] = [];
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const path = '/' + pick('ab/$', 8);
      const pattern = '/' + pick('ab/*$', 6);
      const expected = googleMatches(path, pattern);
      if (expected) matched++;
      if (patternMatches(path, pattern) !== expected) mismatches.push(`${pattern} vs ${path}`);
    }
    expect(mismatches).toEqual([]);
    // Both outcomes are well represented, so agreement means something.
    expect(matched).toBeGreaterThan(2_000);
    expect(matched).toBeLessThan(18_000);
  });
});

describe('isAllowed', () => {
  const robots = parseRobots(
    [
      'User-agent: *', // 1
      'Disallow: /', // 2
      'User-agent: portalprobe', // 3
      'Disallow: /private', // 4
      'Allow: /private/ok', // 5
      'Disallow: /tie', // 6
      'Allow: /tie', // 7
      'Allow: /docs/index.html', // 8
      'Disallow: /docs/', // 9
    ].join('\n'),
  );

  it.each([
    ['portalprobe', '/', true, undefined],
    ['portalprobe', '/private/x', false, 4],
    ['portalprobe', '/private/ok/1', true, 5],
    ['portalprobe', '/tie', true, 7],
    ['portalprobe', '/docs/', true, 8],
    ['portalprobe', '/docs/a', false, 9],
    ['portalprobe/0.1.0 (+https://github.com/portalprobe/portalprobe)', '/private/x', false, 4],
    ['PortalProbe', '/', true, undefined],
    ['OtherBot', '/', false, 2],
    ['OtherBot', '/robots.txt', true, undefined],
  ])('%s %s → %s (rule line %s)', (ua, path, allowed, line) => {
    const res = isAllowed(robots, ua, `https://example.com${path}`);
    expect(res.allowed).toBe(allowed);
    expect(res.rule?.line).toBe(line);
  });

  it('reports the deciding rule as written', () => {
    expect(isAllowed(robots, 'OtherBot', 'https://example.com/x').rule).toEqual({
      line: 2, directive: 'disallow', pattern: '/', text: 'Disallow: /',
    });
  });

  it('names the group that applied', () => {
    expect(matcherFor(robots, 'PORTALPROBE').group).toBe('portalprobe');
    expect(matcherFor(robots, 'GPTBot').group).toBe('*');
    expect(matcherFor(parseRobots('User-agent: a\nDisallow: /'), 'b').group).toBeNull();
  });

  it('gives agents with the same rule set the same key (for caching)', () => {
    expect(matcherFor(robots, 'A').key).toBe(matcherFor(robots, 'B').key);
    expect(matcherFor(robots, 'A').key).not.toBe(matcherFor(robots, 'portalprobe').key);
  });

  it.each([
    ['allow-all', '/anything', true],
    ['disallow-all', '/anything', false],
    ['disallow-all', '/robots.txt', true],
  ] as const)('blanket %s: %s → %s', (policy, path, allowed) => {
    expect(isAllowed(blanketRobots(policy), 'Bot', `https://e.com${path}`).allowed).toBe(allowed);
  });

  it('accepts a path as well as a URL', () => {
    expect(getPathParamsQuery('/a/b?c#d')).toBe('/a/b?c');
    expect(isAllowed(robots, 'OtherBot', '/x').allowed).toBe(false);
  });
});

describe('productToken', () => {
  it.each([
    ['portalprobe/0.1.0 (+https://x)', 'portalprobe'],
    ['GPTBot', 'GPTBot'],
    // Without a '/', the string is used as given (robots_test.cc GoogleOnly_AcceptUserAgentUpToFirstSpace).
    ['Foo Bar', 'Foo Bar'],
  ])('%s → %s', (ua, token) => {
    expect(productToken(ua)).toBe(token);
  });
});

/**
 * robots.cc RobotsMatcher (HandleUserAgent / HandleAllow / HandleDisallow / disallow()), transcribed
 * as a streaming reference over already-split "key: value" lines, to check our group resolution.
 */
function googleAllowed(lines: Array<[string, string]>, agent: string, path: string): boolean {
  let seenGlobal = false;
  let seenSpecific = false;
  let everSpecific = false;
  let seenSeparator = false;
  const best = { allowSpecific: -1, disallowSpecific: -1, allowGlobal: -1, disallowGlobal: -1 };
  const rule = (kind: 'allow' | 'disallow', value: string): void => {
    if (!seenGlobal && !seenSpecific) return;
    seenSeparator = true;
    let priority = googleMatches(path, value) ? value.length : -1;
    if (priority < 0 && kind === 'allow') {
      const slash = value.lastIndexOf('/');
      if (slash >= 0 && value.startsWith('/index.htm', slash)) {
        const alt = value.slice(0, slash + 1) + '$';
        priority = googleMatches(path, alt) ? alt.length : -1;
      }
    }
    if (priority < 0) return;
    const key = `${kind}${seenSpecific ? 'Specific' : 'Global'}` as keyof typeof best;
    if (best[key] < priority) best[key] = priority;
  };
  for (const [key, value] of lines) {
    if (key === 'user-agent') {
      if (seenSeparator) seenSpecific = seenGlobal = seenSeparator = false;
      if (value === '*') seenGlobal = true;
      else if (/^[A-Za-z_-]+/.exec(value)?.[0].toLowerCase() === agent.toLowerCase()) everSpecific = seenSpecific = true;
    } else if (key === 'allow' || key === 'disallow') {
      rule(key, value);
    }
  }
  if (best.allowSpecific > 0 || best.disallowSpecific > 0) return !(best.disallowSpecific > best.allowSpecific);
  if (everSpecific) return true;
  if (best.allowGlobal > 0 || best.disallowGlobal > 0) return !(best.disallowGlobal > best.allowGlobal);
  return true;
}

describe('group resolution against robots.cc RobotsMatcher', () => {
  it('agrees on 5,000 random files', () => {
    const rand = random(7);
    const choose = <T,>(xs: T[]): T => xs[rand(xs.length)];
    const mismatches: string[] = [];
    let disallowed = 0;
    for (let i = 0; i < 5_000; i++) {
      const lines: Array<[string, string]> = Array.from({ length: 1 + rand(8) }, () => {
        const key = choose(['user-agent', 'user-agent', 'allow', 'disallow', 'disallow', 'sitemap', 'crawl-delay']);
        if (key === 'user-agent') return [key, choose(['FooBot', 'foobot', 'BarBot', '*', 'FooBot/1.0'])];
        if (key === 'allow' || key === 'disallow') return [key, choose(['', '/', '/a', '/a/', '/a*', '/*b', '/a$', '/a/index.html'])];
        return [key, 'x'];
      });
      const path = choose(['/', '/a', '/a/', '/a/b', '/ab', '/b']);
      const agent = choose(['FooBot', 'BarBot', 'BazBot']);
      const text = lines.map(([k, v]) => `${k}: ${v}`).join('\n');
      const expected = googleAllowed(lines, agent, path);
      if (!expected) disallowed++;
      if (isAllowed(parseRobots(text), agent, path).allowed !== expected) mismatches.push(`${agent} ${path}\n${text}`);
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(disallowed).toBeGreaterThan(300);
  });
});
