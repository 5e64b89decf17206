import { describe, expect, it } from 'vitest';
import { applyTest, evaluateRule, formatValue, readFact, type RuleContext } from '../../src/model/rules.js';
import type { FactTest, Outcome, Rule } from '../../src/model/types.js';
import type { FitCheckEntry } from '../../src/contract/index.js';
import { factRule, MANUAL, ok } from './helpers.js';

type Expect = number | 'unknown';

describe('applyTest: every op', () => {
  const cases: [string, FactTest, unknown, Expect][] = [
    ['truthy true', { op: 'truthy' }, true, 1],
    ['truthy false', { op: 'truthy' }, false, 0],
    ['truthy null', { op: 'truthy' }, null, 0],
    ['falsy false', { op: 'falsy' }, false, 1],
    ['falsy 1', { op: 'falsy' }, 1, 0],
    ['nonEmpty list', { op: 'nonEmpty' }, ['a'], 1],
    ['nonEmpty empty list', { op: 'nonEmpty' }, [], 0],
    ['nonEmpty blank string', { op: 'nonEmpty' }, '  ', 0],
    ['nonEmpty object', { op: 'nonEmpty' }, { 'ai-train': 'no' }, 1],
    ['nonEmpty empty object', { op: 'nonEmpty' }, {}, 0],
    ['nonEmpty null', { op: 'nonEmpty' }, null, 0],
    ['empty list', { op: 'empty' }, [], 1],
    ['empty zero', { op: 'empty' }, 0, 1],
    ['empty list with items', { op: 'empty' }, ['err'], 0],
    ['eq string match', { op: 'eq', value: 'browser' }, 'browser', 1],
    ['eq string mismatch', { op: 'eq', value: 'browser' }, 'heuristic', 0],
    ['eq null', { op: 'eq', value: null }, null, 1],
    ['gte pass', { op: 'gte', value: 10, partialAt: 3 }, 10, 1],
    ['gte partial', { op: 'gte', value: 10, partialAt: 3 }, 3, 0.5],
    ['gte fail', { op: 'gte', value: 10, partialAt: 3 }, 2, 0],
    ['gte without partialAt fails below', { op: 'gte', value: 1 }, 0, 0],
    ['gte list by length', { op: 'gte', value: 2 }, ['a', 'b'], 1],
    ['gte null is not measured', { op: 'gte', value: 1 }, null, 'unknown'],
    ['gte string is not a number', { op: 'gte', value: 1 }, '5', 'unknown'],
    ['lte pass', { op: 'lte', value: 0, partialAt: 2 }, 0, 1],
    ['lte partial', { op: 'lte', value: 0, partialAt: 2 }, 2, 0.5],
    ['lte fail', { op: 'lte', value: 0, partialAt: 2 }, 3, 0],
    ['lte list by length', { op: 'lte', value: 0 }, ['https://x/broken'], 0],
    ['ratio pass at value', { op: 'ratio', value: 0.9, partialAt: 0.5 }, 0.9, 1],
    ['ratio partial scores the ratio', { op: 'ratio', value: 0.9, partialAt: 0.5 }, 0.7, 0.7],
    ['ratio partial at the threshold', { op: 'ratio', value: 0.9, partialAt: 0.5 }, 0.5, 0.5],
    ['ratio fail below partialAt', { op: 'ratio', value: 0.9, partialAt: 0.5 }, 0.49, 0],
    ['ratio default value is 1', { op: 'ratio' }, 1, 1],
    ['ratio without partialAt fails below value', { op: 'ratio' }, 0.99, 0],
    ['ratio above 1 is clamped and passes', { op: 'ratio', value: 0.9 }, 1.5, 1],
    ['ratio rounds to 3 decimals', { op: 'ratio', value: 0.9, partialAt: 0 }, 0.12345, 0.123],
    ['ratio of a list is not a number', { op: 'ratio' }, [1], 'unknown'],
    ['ratio null is not measured', { op: 'ratio' }, null, 'unknown'],
  ];
  it.each(cases)('%s', (_name, test, value, expected) => {
    const { score } = applyTest(test, value);
    expect(score === null ? 'unknown' : score).toBe(expected);
  });
});

describe('readFact', () => {
  it.each([
    [{ a: { b: 2 } }, 'a.b', { found: true, value: 2 }],
    [{ documents: [1, 2, 3] }, 'documents.length', { found: true, value: 3 }],
    [{ a: null }, 'a', { found: true, value: null }],
    [{ a: null }, 'a.b', { found: false }],
    [{}, 'missing', { found: false }],
    [{}, 'constructor', { found: false }],
    [{ a: 1 }, 'a.toString', { found: false }],
  ])('%j at %s', (facts, path, expected) => {
    expect(readFact(facts, path)).toEqual(expected);
  });
});

describe('evaluateRule: fact rules', () => {
  const rule = factRule('sitemap', 'urlCount', 'gte', 1);
  const ctx = (facts: RuleContext['facts']): RuleContext => ({ facts, fitCheck: [] });

  it('scores with a note saying what decided it, and the url when the facts have one', () => {
    const out = evaluateRule(rule, ctx({ sitemap: ok({ url: 'https://p.example/sitemap.xml', urlCount: 0 }) }));
    expect(out).toEqual({
      kind: 'scored', score: 0, sources: ['probe'],
      evidence: [{ url: 'https://p.example/sitemap.xml', note: 'sitemap: urlCount = 0 (pass at ≥ 1)' }],
    });
  });

  it.each([
    ['error', 'evidence unavailable: probe sitemap failed'],
    ['skipped', 'evidence unavailable: probe sitemap was skipped'],
  ] as const)('a probe with status %s makes the rule unknown (not a fail)', (status, note) => {
    const out = evaluateRule(rule, ctx({ sitemap: { status, facts: { urlCount: 0 } } }));
    expect(out).toEqual({ kind: 'unknown', evidence: [{ note }], sources: [] });
  });

  it('a probe that did not run makes the rule unknown', () => {
    expect(evaluateRule(rule, ctx({}))).toMatchObject({ kind: 'unknown', evidence: [{ note: 'evidence unavailable: probe sitemap did not run' }] });
  });

  it('a fact the probe did not report is unknown', () => {
    expect(evaluateRule(rule, ctx({ sitemap: ok({ present: true }) }))).toMatchObject({
      kind: 'unknown', evidence: [{ note: 'evidence unavailable: probe sitemap did not report urlCount' }],
    });
  });

  it('a fact reported as null is falsy for presence ops', () => {
    const out = evaluateRule(factRule('robots', 'contentSignals', 'nonEmpty'), ctx({ robots: ok({ contentSignals: null }) }));
    expect(out).toMatchObject({ kind: 'scored', score: 0 });
  });
});

describe('evaluateRule: combinators', () => {
  const T = factRule('robots', 'present', 'truthy');
  const facts = {
    robots: ok({ present: true, sitemaps: [] }),
    sitemap: ok({ present: false, lastmodCoverage: null, crawledPagesListed: 0.7 }),
    'llms-txt': { status: 'error' as const, facts: {} },
  };
  const ctx: RuleContext = { facts, fitCheck: [] };
  const pass = T;
  const fail = factRule('sitemap', 'present', 'truthy');
  const partial = factRule('sitemap', 'crawledPagesListed', 'ratio', 0.9, 0.5);
  const unknown = factRule('llms-txt', 'present', 'truthy');
  const notMeasured = factRule('sitemap', 'lastmodCoverage', 'ratio', 0.9, 0.5);
  const cases: [string, Rule, Outcome['kind'], number?][] = [
    ['all pass', { type: 'all', rules: [pass, pass] }, 'scored', 1],
    ['all with a fail fails even beside an unknown', { type: 'all', rules: [unknown, fail] }, 'scored', 0],
    ['all: a missing sitemap fails before its unmeasured lastmod', { type: 'all', rules: [fail, notMeasured] }, 'scored', 0],
    ['all with an unknown and no fail is unknown', { type: 'all', rules: [pass, unknown] }, 'unknown'],
    ['all takes the lowest score', { type: 'all', rules: [pass, partial] }, 'scored', 0.7],
    ['any with a pass passes even beside an unknown', { type: 'any', rules: [unknown, pass] }, 'scored', 1],
    ['any with an unknown and no pass is unknown', { type: 'any', rules: [fail, unknown] }, 'unknown'],
    ['any takes the highest score', { type: 'any', rules: [fail, partial] }, 'scored', 0.7],
    ['manual is unknown', MANUAL, 'unknown'],
    ['any with manual and fail is unknown', { type: 'any', rules: [MANUAL, fail] }, 'unknown'],
  ];
  it.each(cases)('%s', (_name, rule, kind, score) => {
    const out = evaluateRule(rule, ctx);
    expect(out.kind).toBe(kind);
    if (score !== undefined) expect(out.kind === 'scored' && out.score).toBe(score);
  });

  it('a failing all keeps only the failing evidence', () => {
    const out = evaluateRule({ type: 'all', rules: [pass, fail] }, ctx);
    expect(out.evidence.map((e) => e.note)).toEqual(['sitemap: present = false (expected true)']);
  });
});

describe('evaluateRule: fitCheck rules', () => {
  const entry = (id: string, answerable: boolean, verified: boolean): FitCheckEntry => ({
    id, persona: 'buyer', question: `Question ${id}?`, answerable, answer: 'a', confidence: 0.9,
    citations: [{ url: `https://p.example/${id}`, quote: `quote ${id}`, verified }],
    human: { clickDepth: 1 }, agent: { reachable: true, blockedBy: [] },
  });
  const fit = [entry('q1', true, true), entry('q2', true, false), entry('q3', false, false)];
  const run = (rule: Rule, fitCheck = fit): Outcome => evaluateRule(rule, { facts: {}, fitCheck });

  it('answerable with a verified quote passes, with the quote as evidence', () => {
    const out = run({ type: 'fitCheck', questions: ['q1'], need: 'all' });
    expect(out).toEqual({
      kind: 'scored', score: 1, sources: ['fitCheck'],
      evidence: [{ url: 'https://p.example/q1', note: 'fit-check: "Question q1?" answered with a verified quote', quote: 'quote q1' }],
    });
  });

  it.each([
    [['q2'], 'all', 0],
    [['q1', 'q2'], 'all', 0.5],
    [['q1', 'q3'], 'any', 1],
    [['q2', 'q3'], 'any', 0],
  ] as const)('questions %j need %s → %d', (questions, need, score) => {
    expect(run({ type: 'fitCheck', questions: [...questions], need })).toMatchObject({ kind: 'scored', score });
  });

  it('is unknown when the fit-check did not run or a needed question was not asked', () => {
    expect(run({ type: 'fitCheck', questions: ['q1'], need: 'all' }, [])).toMatchObject({ kind: 'unknown', evidence: [{ note: 'evidence unavailable: the fit-check did not run' }] });
    expect(run({ type: 'fitCheck', questions: ['q1', 'q9'], need: 'all' }).kind).toBe('unknown');
    expect(run({ type: 'fitCheck', questions: ['q1', 'q9'], need: 'any' })).toMatchObject({ kind: 'scored', score: 1 });
  });
});

describe('formatValue keeps notes short', () => {
  it.each([
    [true, 'true'],
    [null, 'null'],
    ['x'.repeat(200), `"${'x'.repeat(77)}…"`],
    [[], 'none'],
    [['a', 'b', 'c', 'd'], '4 items: "a", "b", "c", …'],
    [[{ a: 1 }], '1 item: {…}'],
    [{ search: 'yes', 'ai-train': 'no' }, '{search: "yes", ai-train: "no"}'],
    [{ a: 1, b: { c: 2 }, d: 3, e: 4 }, '{a: 1, b: {…}, d: 3, …}'],
  ])('%j', (value, expected) => {
    expect(formatValue(value)).toBe(expected);
  });
});
