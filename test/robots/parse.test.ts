// Unit tests for src/robots/parse.ts: line endings, BOM, groups and merging, Content-Signal lines,
// the 500 KiB limit, sitemaps, lint (unknown directives, typos, missing colons, rules outside groups).
import { describe, expect, it } from 'vitest';
import {
  escapePattern,
  extractAgentToken,
  MAX_LINE_BYTES,
  MAX_PARSE_BYTES,
  parseRobots,
  splitLines,
} from '../../src/robots/parse.js';
import { isAllowed } from '../../src/robots/match.js';

const summary = (text: string | Uint8Array) => {
  const r = parseRobots(text);
  return r.groups.map((g) => ({ agents: g.agents, rules: g.rules.map((x) => `${x.line} ${x.directive} ${x.pattern}`) }));
};

describe('line endings and BOM', () => {
  const expected = [
    { agents: ['foo'], rules: ['2 allow /a'] },
    { agents: ['bar'], rules: ['5 disallow /'] },
  ];
  it.each([
    ['LF', 'User-Agent: foo\nAllow: /a\nUser-Agent: bar\n\nDisallow: /\n'],
    ['CRLF', 'User-Agent: foo\r\nAllow: /a\r\nUser-Agent: bar\r\n\r\nDisallow: /\r\n'],
    ['CR', 'User-Agent: foo\rAllow: /a\rUser-Agent: bar\r\rDisallow: /\r'],
    ['mixed, no final newline', 'User-Agent: foo\nAllow: /a\r\nUser-Agent: bar\r\nDisallow: /'],
    ['BOM', '\uFEFFUser-Agent: foo\nAllow: /a\nUser-Agent: bar\n\nDisallow: /\n'],
  ])('%s', (_name, text) => {
    const got = summary(text);
    // The mixed file has one line fewer (no blank line), so compare shapes and rule kinds.
    expect(got.map((g) => g.agents)).toEqual(expected.map((g) => g.agents));
    expect(got[0].rules).toEqual(['2 allow /a']);
    expect(got[1].rules[0]).toMatch(/^\d disallow \/$/);
  });

  it('counts lines as robots.cc does (CRLF is one line ending, a final line without ending counts)', () => {
    expect(splitLines(Buffer.from('a\r\nb\rc\nd'))).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines(Buffer.from('a\r\n\r\nb\n'))).toEqual(['a', '', 'b', '']);
    expect(splitLines(Buffer.from('\r\r\n'))).toEqual(['', '', '']);
  });

  it('skips a BOM only at the start; one in the middle spoils that line', () => {
    const r = parseRobots('User-Agent: foo\n\uFEFFAllow: /x\n');
    expect(r.groups[0].rules).toHaveLength(0);
    expect(r.unknownDirectives.map((u) => u.line)).toEqual([2]);
  });

  it('cuts a line at MAX_LINE_BYTES bytes', () => {
    const long = 'x'.repeat(MAX_LINE_BYTES + 50);
    expect(splitLines(Buffer.from(`${long}\nnext`))).toEqual(['x'.repeat(MAX_LINE_BYTES), 'next']);
  });
});

describe('groups', () => {
  it.each([
    {
      name: 'consecutive user-agent lines share a group; a rule closes the list',
      text: 'User-agent: a\nUser-agent: b\nDisallow: /x\nUser-agent: c\nAllow: /',
      groups: [['a', 'b'], ['c']],
    },
    {
      name: 'Sitemap and unknown lines do not close a group',
      text: 'User-agent: a\nSitemap: https://e.com/s.xml\nCrawl-delay: 3\nUser-agent: b\nDisallow: /',
      groups: [['a', 'b']],
    },
    {
      name: 'blank lines and comments do not close a group',
      text: 'User-agent: a\n\n# hi\nUser-agent: b\nDisallow: /',
      groups: [['a', 'b']],
    },
    {
      name: 'agent names are cut to their product token; "* foo" is global',
      text: 'User-agent: Googlebot/2.1\nUser-agent: Foo Bar\nUser-agent: * bot\nDisallow: /',
      groups: [['Googlebot', 'Foo', '*']],
    },
  ])('$name', ({ text, groups }) => {
    expect(parseRobots(text).groups.map((g) => g.agents)).toEqual(groups);
  });

  it('merges groups that name the same agent, case-insensitively, and ignores * for it', () => {
    const r = parseRobots('User-agent: FooBot\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n\nuser-agent: foobot\nDisallow: /c\n');
    const ask = (path: string) => isAllowed(r, 'FOOBOT', `https://e.com${path}`);
    expect(ask('/a').allowed).toBe(false);
    expect(ask('/c').allowed).toBe(false);
    expect(ask('/c').rule).toEqual({ line: 8, directive: 'disallow', pattern: '/c', text: 'Disallow: /c' });
    expect(ask('/b').allowed).toBe(true);
    expect(ask('/b').group).toBe('FooBot');
    expect(isAllowed(r, 'Other', 'https://e.com/b')).toMatchObject({ allowed: false, group: '*' });
  });

  it('ignores rules before the first user-agent line and reports them', () => {
    const r = parseRobots('Disallow: /\nUser-agent: *\nAllow: /x\n');
    expect(isAllowed(r, 'Bot', 'https://e.com/y').allowed).toBe(true);
    expect(r.lint).toContainEqual(expect.objectContaining({ line: 1, kind: 'rule-outside-group', severity: 'error' }));
  });
});

describe('values', () => {
  it.each([
    ['non-ASCII is percent-encoded', 'Disallow: /ツ', '/%E3%83%84'],
    ['lower-case escapes are upper-cased', 'Disallow: /%aa%2f', '/%AA%2F'],
    ['an inline comment ends the value', 'Disallow: /a#b', '/a'],
    ['whitespace around the value is dropped', 'Disallow: \t /a b  ', '/a b'],
    ['the colon may be missing (Google)', 'Disallow /a', '/a'],
  ])('%s', (_name, line, pattern) => {
    const r = parseRobots(`User-agent: *\n${line}\n`);
    expect(r.groups[0].rules[0].pattern).toBe(pattern);
  });

  it('escapePattern works on UTF-8 octets', () => {
    expect(escapePattern('/SanJoséSellers')).toBe('/SanJos%C3%A9Sellers');
  });

  it('extractAgentToken keeps [A-Za-z_-] only', () => {
    expect(['GPTBot', 'iaskspider/2.0', 'ChatGPT Agent', 'bigsur.ai', '*', ''].map(extractAgentToken)).toEqual([
      'GPTBot', 'iaskspider', 'ChatGPT', 'bigsur', '', '',
    ]);
  });

  it('keeps bytes that are not UTF-8 and still parses the rest', () => {
    const r = parseRobots(Buffer.concat([Buffer.from('User-agent: *\nDisallow: /'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    expect(r.groups[0].rules[0].pattern).toBe('/%FF%FE');
  });
});

describe('sitemaps and Content-Signal', () => {
  const text = [
    'Sitemap: https://e.com/top.xml', // 1
    'User-agent: *', // 2
    'Content-Signal: search=yes, ai-train=no', // 3
    'Allow: /', // 4
    'User-agent: GPTBot', // 5
    'User-agent: ClaudeBot', // 6
    'content-signal: ai-train=no', // 7
    'Disallow: /', // 8
    'SITEMAP: https://e.com/bottom.xml # trailing comment', // 9
    'Sitemap: /relative.xml', // 10
  ].join('\n');
  const r = parseRobots(text);

  it('collects sitemaps anywhere, flags relative ones', () => {
    expect(r.sitemaps).toEqual([
      { line: 1, url: 'https://e.com/top.xml', valid: true },
      { line: 9, url: 'https://e.com/bottom.xml', valid: true },
      { line: 10, url: '/relative.xml', valid: false },
    ]);
    expect(r.lint).toContainEqual(expect.objectContaining({ line: 10, kind: 'sitemap-not-absolute' }));
  });

  it('records Content-Signal lines with the agents of their group', () => {
    expect(r.contentSignals.map(({ line, value, agents }) => ({ line, value, agents }))).toEqual([
      { line: 3, value: 'search=yes, ai-train=no', agents: ['*'] },
      { line: 7, value: 'ai-train=no', agents: ['GPTBot', 'ClaudeBot'] },
    ]);
    expect(r.unknownDirectives).toEqual([]);
  });

  it('a Content-Signal line before any group has no agents', () => {
    expect(parseRobots('Content-Signal: ai-train=no\n').contentSignals[0].agents).toEqual([]);
  });
});

describe('lint', () => {
  const text = [
    'User-agent: *', // 1
    'Crawl-delay: 10', // 2 known extension
    'Noindex: /x', // 3 known extension
    'Crawl-delays: 10', // 4 unknown
    'Disalow: /tmp', // 5 typo (Google reads it)
    'Disallow /private', // 6 missing colon (Google reads it)
    'just some words here', // 7 syntax
    'X-Robots: none', // 8 unknown
    'User-agent: ツ', // 9 names no token
    'Disallow: /', // 10
  ].join('\r\n');
  const r = parseRobots(text);

  it('reports unknown directives with their line numbers, not known extensions', () => {
    expect(r.unknownDirectives.map((u) => [u.line, u.name, u.value, u.text])).toEqual([
      [4, 'Crawl-delays', '10', 'Crawl-delays: 10'],
      [8, 'X-Robots', 'none', 'X-Robots: none'],
    ]);
    expect(r.extensions.map((e) => e.name)).toEqual(['Crawl-delay', 'Noindex']);
  });

  it('reports typos, missing colons, syntax errors and agent values', () => {
    expect(r.lint.map((l) => `${l.line} ${l.kind}`)).toEqual([
      '4 unknown-directive',
      '5 directive-typo',
      '6 missing-colon',
      '7 syntax',
      '8 unknown-directive',
      '9 user-agent-invalid',
    ]);
    // Google reads the typo and the missing colon as rules.
    expect(r.groups[0].rules.map((x) => x.pattern)).toEqual(['/tmp', '/private']);
  });

  it('mirrors robots_test.cc stats', () => {
    expect(r.stats).toEqual({ validDirectives: 5, otherDirectives: 4, lastLineSeen: 10, lineCount: 10 });
  });

  it('a group whose only user-agent names no token applies to nobody', () => {
    expect(isAllowed(r, 'Anybot', 'https://e.com/').allowed).toBe(true);
  });
});

describe('the 500 KiB limit (RFC 9309 §2.5)', () => {
  const head = 'User-agent: *\nDisallow: /early\n';

  it('ignores content beyond MAX_PARSE_BYTES', () => {
    const filler = '#'.repeat(MAX_PARSE_BYTES - head.length - 1) + '\n';
    const text = head + filler + 'Disallow: /late\n';
    const r = parseRobots(text);
    expect(r.truncated).toBe(true);
    expect(r.sizeBytes).toBe(Buffer.byteLength(text));
    expect(r.groups[0].rules.map((x) => x.pattern)).toEqual(['/early']);
  });

  it('drops the line cut by the limit instead of reading a shorter pattern', () => {
    const filler = '#'.repeat(MAX_PARSE_BYTES - head.length - 12) + '\n';
    const text = head + filler + 'Disallow: /private-area\n';
    expect(Buffer.byteLength(head + filler + 'Disallow: /')).toBeLessThanOrEqual(MAX_PARSE_BYTES);
    const r = parseRobots(text);
    expect(r.groups[0].rules.map((x) => x.pattern)).toEqual(['/early']);
  });

  it('reads a file of exactly the limit completely', () => {
    const tail = 'Disallow: /last\n';
    const filler = '#'.repeat(MAX_PARSE_BYTES - head.length - tail.length - 1) + '\n';
    const r = parseRobots(head + filler + tail);
    expect(r.truncated).toBe(false);
    expect(r.groups[0].rules.map((x) => x.pattern)).toEqual(['/early', '/last']);
  });

  it('parses a hostile 500 KiB file quickly', () => {
    const rule = `Disallow: /${'*a'.repeat(2000)}$\n`;
    const text = 'User-agent: *\n' + rule.repeat(Math.floor(MAX_PARSE_BYTES / rule.length));
    const t0 = performance.now();
    const r = parseRobots(text);
    const res = isAllowed(r, 'Bot', `https://e.com/${'a'.repeat(3000)}b`);
    expect(res.allowed).toBe(true);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
