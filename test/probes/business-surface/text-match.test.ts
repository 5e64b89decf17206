// Unit tests of probes/business-surface/text-match.ts: whole-word phrase matching, link-text
// normalisation, first non-rejected hit, quotes and sentences around a match.
import { describe, expect, it } from 'vitest';
import { atWordEdges, firstHit, matches, normalizeLabel, patternMatcher, phraseMatcher, quoteAround, sentenceAround, wordCount } from '../../../probes/business-surface/text-match.js';

describe('phraseMatcher', () => {
  const cases: Array<[string, string, boolean]> = [
    ['pricing', 'See our Pricing.', true],
    ['pricing', 'repricing engine', false],
    ['plans', 'Longer explanations', false],
    ['plans', 'Plans: Starter, Growth', true],
    ['rate limits', 'About Rate-Limits', true],
    ['rate limits', 'rate\nlimits apply', true],
    ['rate limits', 'ratelimits', false],
    ["what's new", 'What’s New in 2026', true],
    ["what's new", 'Whats new', true],
    ['sla', 'an SLA of 99.9%', true],
    ['sla', 'Slack and Slavic', false],
    ['24/7 support', 'We offer 24/7 support.', true],
    ['preise', 'Unsere Preise', true],
    ['api', 'rapid', false],
    ['api', 'äapi', false],
    ['sdk', 'the Python SDK.', true],
  ];
  it.each(cases)('%s in %j → %s', (phrase, text, expected) => {
    expect(matches(text, phraseMatcher(phrase))).toBe(expected);
  });

  it('keeps the normalised phrase for exact link-text matches', () => {
    expect(phraseMatcher('Plans & Pricing').exact).toBe('plans pricing');
  });
});

describe('patternMatcher', () => {
  it('is case-insensitive by default and honours flags', () => {
    expect(matches('€49 PER MONTH', patternMatcher('€\\d+ per month'))).toBe(true);
    expect(matches('go get', patternMatcher('\\bGo\\b', 'u'))).toBe(false);
    expect(matches('Go SDK', patternMatcher('\\bGo\\b', 'u'))).toBe(true);
  });
});

describe('firstHit', () => {
  it('skips rejected matches and matches inside words', () => {
    const text = 'explanations; plans in code; plans in prose';
    const hit = firstHit(text, phraseMatcher('plans'), (index) => index < 20);
    expect(hit).toEqual({ index: text.lastIndexOf('plans'), match: 'plans' });
  });
  it('gives up after `tries` rejected matches', () => {
    expect(firstHit('a a a a a', phraseMatcher('a'), () => true, 3)).toBeNull();
  });
  it('is unaffected by earlier use of the same matcher', () => {
    const m = phraseMatcher('fee');
    expect(firstHit('fee', m)).not.toBeNull();
    expect(firstHit('fee', m)).not.toBeNull();
  });
});

describe('helpers', () => {
  it.each([
    ['Plans & Pricing →', 'plans pricing'],
    ['  API   Reference ', 'api reference'],
    ['What’s new', 'what s new'],
    ['Ｐｒｉｃｉｎｇ', 'pricing'],
  ])('normalizeLabel(%j) = %j', (input, expected) => expect(normalizeLabel(input)).toBe(expected));

  it('counts words', () => {
    expect(wordCount('See our pricing!')).toBe(3);
    expect(wordCount('—')).toBe(0);
  });

  it('checks word edges with astral letters', () => {
    expect(atWordEdges('𝐀api', 2, 3)).toBe(false);
    expect(atWordEdges('(api)', 1, 3)).toBe(true);
  });

  it('quotes around a match within bounds, marking cuts', () => {
    const text = `${'word '.repeat(60)}MATCH${' more'.repeat(60)}`;
    const q = quoteAround(text, text.indexOf('MATCH'), 5, 60);
    expect(q).toContain('MATCH');
    expect(q.startsWith('…')).toBe(true);
    expect(q.endsWith('…')).toBe(true);
    expect(q.length).toBeLessThanOrEqual(62);
    expect(quoteAround('short MATCH', 6, 5)).toBe('short MATCH');
  });

  it('cuts the sentence around a match', () => {
    const text = 'We love tea. PCI DSS does not apply here. Next sentence.';
    expect(sentenceAround(text, text.indexOf('PCI'), 7)).toBe('PCI DSS does not apply here.');
  });
});
