import { describe, expect, it } from 'vitest';
import { AssessmentInvalidError } from '../../src/errors.js';
import { assessorScore, MAX_ASSESSMENT_BYTES, parseAssessment } from '../../src/model/assessment.js';
import { loadModel } from '../../src/model/load.js';

const model = loadModel();

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AssessmentInvalidError);
    expect((err as AssessmentInvalidError).code).toBe('PP_ERR_ASSESSMENT_INVALID');
    return ((err as AssessmentInvalidError).details.problems as string[] | undefined) ?? [(err as Error).message];
  }
  throw new Error('expected AssessmentInvalidError');
}

describe('parseAssessment', () => {
  it('reads YAML with full entries and shorthand', () => {
    const text = [
      'practices:',
      '  public-pricing: { score: pass, note: "Plans table at /pricing" }',
      '  status-page: 0.5',
      '  mcp-server: notApplicable',
      '  changelog:',
      '    score: 0',
    ].join('\n');
    expect(parseAssessment(text, 'yaml', model)).toEqual({
      practices: {
        'public-pricing': { score: 'pass', note: 'Plans table at /pricing' },
        'status-page': { score: 0.5 },
        'mcp-server': { score: 'notApplicable' },
        changelog: { score: 0 },
      },
    });
  });

  it('reads JSON', () => {
    expect(parseAssessment('{"practices":{"sandbox-environment":{"score":"partial","note":"EU only"}}}', 'json', model))
      .toEqual({ practices: { 'sandbox-environment': { score: 'partial', note: 'EU only' } } });
  });

  it('names every unknown practice id and bad score at once', () => {
    const problems = problemsOf(() => parseAssessment([
      'practices:',
      '  public-pricing: 1.5',
      '  status-page: { score: maybe }',
      '  changelog: { score: 1, colour: red }',
      '  support-channel: { score: 1, note: 3 }',
    ].join('\n'), 'yaml', model));
    expect(problems).toEqual([
      'practice "public-pricing": score must be a number from 0 to 1 or one of pass, partial, fail, notApplicable (got 1.5)',
      'practice "status-page": score must be a number from 0 to 1 or one of pass, partial, fail, notApplicable (got "maybe")',
      'practice "changelog": unknown key "colour"',
      'practice "support-channel": note must be a string',
    ]);
  });

  it('names unknown practice ids', () => {
    const problems = problemsOf(() => parseAssessment('practices:\n  public-prices: pass\n  status-pages: fail\n', 'yaml', model));
    expect(problems).toEqual(['unknown practice id "public-prices"', 'unknown practice id "status-pages"']);
  });

  it.each([
    ['not an object', '- a\n- b\n', /must be an object/],
    ['no practices map', 'practice:\n  x: 1\n', /unknown top-level key "practice"/],
    ['a __proto__ key', '{"practices":{"__proto__":{"score":1}}}', /is not a practice id/],
  ])('rejects %s', (_name, text, expected) => {
    const problems = problemsOf(() => parseAssessment(text, text.startsWith('{') ? 'json' : 'yaml'));
    expect(problems.join('\n')).toMatch(expected);
  });

  it('rejects malformed YAML and JSON with a clear message', () => {
    expect(() => parseAssessment('practices: [unclosed', 'yaml')).toThrow(/not valid YAML/);
    expect(() => parseAssessment('{"practices":', 'json')).toThrow(/not valid JSON/);
    expect(() => parseAssessment('practices:\n  a: 1\n  a: 0\n', 'yaml')).toThrow(AssessmentInvalidError);
  });

  it('refuses a YAML alias bomb quickly instead of expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'practices: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    const t0 = performance.now();
    expect(() => parseAssessment(bomb, 'yaml')).toThrow(/not valid YAML: .*resource exhaustion/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses oversized input', () => {
    expect(() => parseAssessment(`# ${'x'.repeat(MAX_ASSESSMENT_BYTES)}`, 'yaml')).toThrow(/larger than/);
  });
});

describe('assessorScore', () => {
  it.each([
    ['pass', 1, 'pass'], ['partial', 0.5, 'partial'], ['fail', 0, 'fail'], ['notApplicable', 0, 'notApplicable'],
    [1, 1, 'pass'], [0, 0, 'fail'], [0.3333, 0.333, 'partial'],
  ] as const)('%s → %d %s', (input, score, status) => {
    expect(assessorScore(input)).toEqual({ score, status });
  });
});
