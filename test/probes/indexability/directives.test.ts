// Robots rules (meta robots / X-Robots-Tag) per Google's robots meta tag documentation, and how they
// are combined per crawler.
import { describe, expect, it } from 'vitest';
import { blocksIndexing, blocksSnippet, isExpired, parseMetaContent, parseRobotsHeader } from '../../../probes/indexability/directives.js';
import { isAgentMeta, robotsSignals, signalsFor, summarizeRobots, SEARCH_AGENT_NAMES } from '../../../probes/indexability/robots-rules.js';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('parseMetaContent', () => {
  it.each([
    ['noindex', ['noindex']],
    ['  NoIndex ,  NOFOLLOW ', ['noindex', 'nofollow']],
    ['max-snippet: 0, max-image-preview:large', ['max-snippet', 'max-image-preview']],
    ['unavailable_after: Wednesday, 03-Nov-2027 15:00:00 PST, noarchive', ['unavailable_after', 'noarchive']],
    ['', []],
    [',,,', []],
  ])('%j → %j', (content, names) => {
    expect(parseMetaContent(content).map((r) => r.name)).toEqual(names);
  });

  it('keeps the value of value rules and the rule as written', () => {
    const [rule] = parseMetaContent('Max-Snippet : 20');
    expect(rule).toEqual({ name: 'max-snippet', value: '20', raw: 'Max-Snippet : 20' });
  });

  it('keeps an RFC 850 date with its weekday comma together', () => {
    const [rule] = parseMetaContent('unavailable_after: Sunday, 25-Jun-2010 15:00:00 PST');
    expect(rule.value).toBe('Sunday, 25-Jun-2010 15:00:00 PST');
    expect(isExpired(rule, NOW)).toBe(true);
  });

  it('reads at most 8 KiB of a hostile value', () => {
    const rules = parseMetaContent('all,'.repeat(100_000) + 'noindex');
    expect(rules.length).toBeLessThan(3000);
    expect(rules.some((r) => r.name === 'noindex')).toBe(false);
  });
});

describe('parseRobotsHeader', () => {
  it.each([
    ['noindex', [{ agent: null, rules: ['noindex'] }]],
    ['googlebot: noindex', [{ agent: 'googlebot', rules: ['noindex'] }]],
    ['googlebot: nofollow, otherbot: noindex, nofollow', [{ agent: 'googlebot', rules: ['nofollow'] }, { agent: 'otherbot', rules: ['noindex', 'nofollow'] }]],
    ['noarchive, GPTBot: noindex', [{ agent: null, rules: ['noarchive'] }, { agent: 'GPTBot', rules: ['noindex'] }]],
    ['unavailable_after: 25 Jun 2010 15:00:00 PST', [{ agent: null, rules: ['unavailable_after'] }]],
    ['googlebot: unavailable_after: 25 Jun 2007 15:00:00 PST', [{ agent: 'googlebot', rules: ['unavailable_after'] }]],
    ['max-snippet: -1, bingbot: max-snippet: 0', [{ agent: null, rules: ['max-snippet'] }, { agent: 'bingbot', rules: ['max-snippet'] }]],
    ['archive.org_bot: none', [{ agent: 'archive.org_bot', rules: ['none'] }]],
  ])('%j', (value, groups) => {
    expect(parseRobotsHeader(value).map((g) => ({ agent: g.agent, rules: g.rules.map((r) => r.name) }))).toEqual(groups);
  });
});

describe('rule semantics', () => {
  const rule = (text: string) => parseMetaContent(text)[0];
  it.each([
    ['noindex', true],
    ['none', true],
    ['nofollow', false],
    ['unavailable_after: 2020-09-21', true],
    ['unavailable_after: 2045-06-25', false],
    ['unavailable_after: not a date', false],
    ['index', false],
  ])('%j blocks indexing: %s', (text, blocked) => {
    expect(blocksIndexing(rule(text), NOW)).toBe(blocked);
  });

  it.each([
    ['nosnippet', true],
    ['max-snippet: 0', true],
    ['max-snippet:-1', false],
    ['max-snippet: 50', false],
    ['noarchive', false],
  ])('%j blocks snippets: %s', (text, blocked) => {
    expect(blocksSnippet(rule(text))).toBe(blocked);
  });
});

describe('robots signals and agents', () => {
  const known = new Set([...SEARCH_AGENT_NAMES, 'gptbot']);

  it.each([
    ['GPTBot', 'noindex', true],
    ['googlebot-news', 'nosnippet', true],
    ['MyCustomBot', 'noindex, nofollow', true],
    ['MyCustomBot', 'hello world', false],
    ['referrer', 'none', false],
    ['robots', 'noindex', false],
    ['description', 'noindex', false],
  ])('meta name %j with %j addresses a crawler: %s', (name, content, expected) => {
    expect(isAgentMeta(name, content, known)).toBe(expected);
  });

  it('combines generic and agent rules the Google way (the more restrictive wins)', () => {
    const signals = robotsSignals(
      [{ name: 'robots', content: 'nofollow' }, { name: 'googlebot', content: 'noindex' }],
      { 'x-robots-tag': 'bingbot: nosnippet' },
      known,
    );
    expect(signalsFor(signals, 'Googlebot').map((s) => s.evidence)).toEqual([
      '<meta name="robots" content="nofollow">',
      '<meta name="googlebot" content="noindex">',
    ]);
    expect(signalsFor(signals, 'bingbot').map((s) => s.evidence)).toEqual(['<meta name="robots" content="nofollow">', 'X-Robots-Tag: bingbot: nosnippet']);
    expect(signalsFor(signals, null)).toHaveLength(1);
  });

  it('summarizes generic and agent-specific restrictions with evidence', () => {
    const signals = robotsSignals(
      [{ name: 'robots', content: 'nosnippet' }, { name: 'GPTBot', content: 'noindex' }],
      { 'X-Robots-Tag': 'max-snippet: 0, GPTBot: noarchive, googlebot: index' },
      known,
    );
    const summary = summarizeRobots(signals, NOW);
    expect(summary.noindex).toEqual([]);
    expect(summary.snippet).toEqual({
      directives: ['nosnippet', 'max-snippet: 0'],
      evidence: ['<meta name="robots" content="nosnippet">', 'X-Robots-Tag: max-snippet: 0'],
    });
    expect(summary.agentSpecific).toEqual([
      {
        agent: 'GPTBot',
        directives: ['noindex', 'noarchive'],
        blocksIndexing: true,
        evidence: ['<meta name="GPTBot" content="noindex">', 'X-Robots-Tag: GPTBot: noarchive'],
      },
    ]);
  });

  it('reports generic noindex and nofollow from meta and header', () => {
    const summary = summarizeRobots(robotsSignals([{ name: 'ROBOTS', content: 'none' }], { 'x-robots-tag': 'noindex' }, known), NOW);
    expect(summary.noindex).toEqual(['<meta name="ROBOTS" content="none">', 'X-Robots-Tag: noindex']);
    expect(summary.nofollow).toEqual(['<meta name="ROBOTS" content="none">']);
  });
});
