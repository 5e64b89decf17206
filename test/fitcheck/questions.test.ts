import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QuestionsInvalidError } from '../../src/errors.js';
import { loadQuestions, MAX_FILE_BYTES, parseQuestionSet } from '../../src/fitcheck/questions.js';

const VALID = `
id: extra-set
version: 2
personas:
  - id: buyer
    name: Buyer
questions:
  - id: iban-coverage
    persona: buyer
    text: Which countries' IBANs can be verified?
    keywords: [IBAN, countries, coverage]
    informs: [regions-currencies-stated]
    answer:
      criteria: Names the countries covered.
      patterns: ['\\bcountries\\b']
`;

/** VALID with one line replaced (or a line added after `text:`). */
const variant = (from: string, to: string) => {
  if (!VALID.includes(from)) throw new Error(`fixture does not contain ${from}`);
  return VALID.replace(from, to);
};

function problemsOf(text: string): string {
  try {
    parseQuestionSet(text, 'test.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(QuestionsInvalidError);
    expect((err as QuestionsInvalidError).code).toBe('PP_ERR_QUESTIONS_INVALID');
    return (err as Error).message;
  }
  throw new Error('expected QuestionsInvalidError');
}

describe('bundled question set', () => {
  const { sets, questions } = loadQuestions();

  it('has at least 25 questions over the four personas, with a header', () => {
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({ id: 'portal-fit-check', version: 1 });
    expect(questions.length).toBeGreaterThanOrEqual(25);
    expect(new Set(questions.map((q) => q.persona))).toEqual(new Set(['buyer', 'business-analyst', 'developer', 'compliance-officer']));
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it('covers every topic of the issue with a stable id', () => {
    const ids = questions.map((q) => q.id);
    for (const id of [
      'pricing-model', 'free-tier', 'sandbox', 'api-keys-onboarding', 'certifications', 'data-residency', 'sla-uptime', 'status-page',
      'rate-limits', 'sdk-languages', 'authentication', 'support-channels', 'deprecation-policy', 'versioning', 'changelog', 'use-cases',
      'industries', 'case-studies', 'regions-currencies', 'go-live', 'webhooks', 'partner-programme', 'terms-of-use',
    ]) expect(ids).toContain(id);
  });

  it('names the practices each question informs and what counts as an answer', () => {
    for (const q of questions) {
      expect(q.informs.length, q.id).toBeGreaterThan(0);
      expect(q.answer.criteria.length, q.id).toBeGreaterThan(20);
      expect(q.answer.patterns.length, q.id).toBeGreaterThan(0);
      expect(q.keywords.length, q.id).toBeGreaterThan(2);
      expect(q.set).toBe('portal-fit-check@1');
    }
    const pricing = questions.find((q) => q.id === 'pricing-model')!;
    expect(pricing.informs).toContain('public-pricing');
    expect(pricing.answer.exclude.some((re) => re.test('Pricing is shared after sign-in.'))).toBe(true);
  });

  it('keeps its patterns fast on hostile text (no catastrophic backtracking)', () => {
    const hostile = ['a'.repeat(5_000), `${'1 '.repeat(2_000)}x`, `${'data '.repeat(1_000)}stored`, `${'.a'.repeat(2_000)}`].join(' ');
    const t0 = performance.now();
    for (const q of questions) for (const re of [...q.answer.patterns, ...q.answer.exclude]) re.test(hostile.slice(0, 1_200));
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('parseQuestionSet', () => {
  it('reads a valid file', () => {
    const set = parseQuestionSet(VALID, 'extra.yaml');
    expect(set).toMatchObject({ id: 'extra-set', version: 2, source: 'extra.yaml' });
    expect(set.questions[0]).toMatchObject({ id: 'iban-coverage', persona: 'buyer', informs: ['regions-currencies-stated'], set: 'extra-set@2' });
    expect(set.questions[0].answer.patterns[0].test('190 COUNTRIES')).toBe(true);
    expect(set.questions[0].answer.exclude).toEqual([]);
  });

  it.each([
    ['unknown top-level key', variant('version: 2', 'version: 2\nauthor: me'), 'unknown key "author"'],
    ['unknown question key', variant('    persona: buyer', '    persona: buyer\n    weight: 3'), 'unknown key "weight"'],
    ['unknown answer key', variant('      criteria: Names the countries covered.', '      criteria: Names the countries covered.\n      regex: x'), 'unknown key "regex"'],
    ['duplicate question id', VALID + VALID.slice(VALID.indexOf('  - id: iban-coverage')), 'duplicate question id "iban-coverage"'],
    ['duplicate YAML key', variant('    text: Which', '    text: Again\n    text: Which'), 'not valid YAML'],
    ['missing text', variant("    text: Which countries' IBANs can be verified?\n", ''), '"text" is required'],
    ['missing answer', VALID.slice(0, VALID.indexOf('    answer:')), '"answer" is required'],
    ['empty keywords', variant('[IBAN, countries, coverage]', '[]'), '"keywords" must be a non-empty list'],
    ['number in keywords', variant('[IBAN, countries, coverage]', '[IBAN, 429]'), '"keywords" must be a non-empty list'],
    ['undeclared persona', variant('    persona: buyer', '    persona: cfo'), 'persona "cfo" is not declared'],
    ['id not kebab-case', variant('  - id: iban-coverage', '  - id: IBAN_Coverage'), 'must be kebab-case'],
    ['practice id not kebab-case', variant('[regions-currencies-stated]', '[Regions Stated]'), 'must be kebab-case'],
    ['bad regular expression', variant("['\\bcountries\\b']", "['(unclosed']"), 'invalid regular expression'],
    ['version not an integer', variant('version: 2', 'version: two'), '"version" must be a positive integer'],
    ['no questions', VALID.slice(0, VALID.indexOf('questions:')) + 'questions: []\n', 'declares no questions'],
    ['not a mapping', '- just\n- a list\n', 'must be a mapping'],
    ['invalid YAML', 'id: [unclosed\n', 'not valid YAML'],
  ])('refuses a file with %s', (_name, text, message) => {
    expect(problemsOf(text)).toContain(message);
  });

  it('lists every problem of a file at once', () => {
    const text = variant('version: 2', 'version: 0\nauthor: me');
    const message = problemsOf(text);
    expect(message).toContain('"version" must be a positive integer');
    expect(message).toContain('unknown key "author"');
  });

  it('refuses a YAML alias bomb quickly instead of expanding it', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    ].join('\n');
    const t0 = performance.now();
    expect(problemsOf(bomb)).toMatch(/Excessive alias count/);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('refuses a file over the size limit before parsing', () => {
    expect(problemsOf(`# ${'x'.repeat(MAX_FILE_BYTES)}\n${VALID}`)).toContain('more than the');
  });
});

describe('loadQuestions with user files (--questions FILE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-questions-'));

  it('adds a user file to the bundled set', () => {
    const file = join(dir, 'extra.yaml');
    writeFileSync(file, VALID);
    const { questions, sets } = loadQuestions({ files: [file] });
    expect(sets.map((s) => s.id)).toEqual(['portal-fit-check', 'extra-set']);
    expect(questions.at(-1)!.id).toBe('iban-coverage');
  });

  it('refuses a user question whose id is already used by another file', () => {
    const file = join(dir, 'clash.yaml');
    writeFileSync(file, VALID.replace('iban-coverage', 'rate-limits'));
    expect(() => loadQuestions({ files: [file] })).toThrow(/duplicate question id "rate-limits"/);
  });

  it('can run a user file alone', () => {
    const file = join(dir, 'alone.yaml');
    writeFileSync(file, VALID);
    expect(loadQuestions({ files: [file], includeDefault: false }).questions.map((q) => q.id)).toEqual(['iban-coverage']);
  });

  it('reports a missing file as QuestionsInvalidError', () => {
    expect(() => loadQuestions({ files: [join(dir, 'nope.yaml')], includeDefault: false })).toThrow(QuestionsInvalidError);
  });
});
