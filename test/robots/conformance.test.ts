// Runs google/robotstxt's own test cases (robots_test.cc, transcribed in test/fixtures/robots) against
// our parser and matcher: all 145 IsUserAgentAllowed cases, plus the parse-stats, user-agent,
// path-extraction and escaping cases. Any case we deliberately answer differently is listed in
// EXPECTED_FAILURES with the reason, so the suite still fails if that behaviour changes.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { escapePattern, getPathParamsQuery, isAllowed, isValidAgentToken, parseRobots } from '../../src/robots/index.js';

interface AllowCase {
  name: string;
  robotsTxt: string;
  userAgent: string;
  url: string;
  allowed: boolean;
  googleSpecific: boolean;
  sourceLine: number;
  comment?: string;
}

type ExtraCase =
  | { name: string; kind: 'isValidUserAgentToObey'; userAgent: string; expected: boolean }
  | {
      name: string;
      kind: 'parseStats';
      metric: 'valid_directives' | 'last_line_seen' | 'unknown_directives' | 'sitemap';
      expected: number | string;
      robotsTxt?: string;
      robotsTxtHex?: string;
    }
  | { name: string; kind: 'getPathParamsQuery'; url: string; expected: string }
  | { name: string; kind: 'maybeEscapePattern'; pattern: string; expected: string };

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/robots/${name}`, import.meta.url), 'utf8'));

const cases = fixture('google-robotstxt-cases.json') as AllowCase[];
const extra = (fixture('google-robotstxt-extra-cases.json') as { cases: ExtraCase[] }).cases;

/**
 * Cases where we knowingly differ from robots.cc, with the reason. Empty: every case, Google-specific
 * ones included, is followed. (Our only deliberate differences — /robots.txt always allowed, a full
 * User-Agent header cut to its product token, the 500 KiB limit — are not exercised by these cases;
 * test/robots/parse.test.ts covers them.)
 */
const EXPECTED_FAILURES: Record<string, string> = {};

const results = { passed: 0, total: 0 };

describe('google/robotstxt IsUserAgentAllowed cases', () => {
  it('has all 145 cases', () => {
    expect(cases).toHaveLength(145);
    expect(cases.filter((c) => !c.googleSpecific)).toHaveLength(72);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = isAllowed(parseRobots(c.robotsTxt), c.userAgent, c.url).allowed;
    const expected = c.name in EXPECTED_FAILURES ? !c.allowed : c.allowed;
    results.total++;
    if (got === c.allowed) results.passed++;
    expect(got, `${c.name} (robots_test.cc:${c.sourceLine}) ${c.comment ?? ''}`).toBe(expected);
  });

  it('lists only real case names as expected failures, never RFC (non-googleSpecific) ones', () => {
    for (const name of Object.keys(EXPECTED_FAILURES)) {
      const c = cases.find((x) => x.name === name);
      expect(c, name).toBeDefined();
      expect(c?.googleSpecific, name).toBe(true);
    }
  });

  afterAll(() => {
    // Recorded in the test output so the pass count is visible in CI logs.
    console.info(`google/robotstxt conformance: ${results.passed}/${results.total} cases pass`);
  });
});

describe('google/robotstxt extra cases', () => {
  const byKind = <K extends ExtraCase['kind']>(kind: K) =>
    extra.filter((c): c is Extract<ExtraCase, { kind: K }> => c.kind === kind).map((c) => [c.name, c] as const);

  it.each(byKind('isValidUserAgentToObey'))('%s', (_n, c) => {
    expect(isValidAgentToken(c.userAgent)).toBe(c.expected);
  });

  it.each(byKind('parseStats'))('%s', (_n, c) => {
    const input = c.robotsTxtHex !== undefined ? Buffer.from(c.robotsTxtHex, 'hex') : (c.robotsTxt ?? '');
    const robots = parseRobots(input);
    const actual = {
      valid_directives: robots.stats.validDirectives,
      last_line_seen: robots.stats.lastLineSeen,
      unknown_directives: robots.stats.otherDirectives,
      sitemap: robots.sitemaps.map((s) => s.url).join(''),
    }[c.metric];
    expect(actual).toBe(c.expected);
  });

  it.each(byKind('getPathParamsQuery'))('%s', (_n, c) => {
    expect(getPathParamsQuery(c.url)).toBe(c.expected);
  });

  it.each(byKind('maybeEscapePattern'))('%s', (_n, c) => {
    expect(escapePattern(c.pattern)).toBe(c.expected);
  });

  it('covers every extra case kind', () => {
    expect(extra).toHaveLength(56);
    expect(new Set(extra.map((c) => c.kind))).toEqual(
      new Set(['isValidUserAgentToObey', 'parseStats', 'getPathParamsQuery', 'maybeEscapePattern']),
    );
  });
});
