import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelInvalidError } from '../../src/errors.js';
import { clearModelCache, defaultModelPath, loadModel } from '../../src/model/load.js';
import { validateModel } from '../../src/model/validate.js';
import { FOCUS_AREAS, LENSES } from '../../src/contract/index.js';
import { baseModelData, enablerOf, MANUAL } from './helpers.js';

function problemsOf(data: unknown): string[] {
  try {
    validateModel(data);
  } catch (err) {
    expect(err).toBeInstanceOf(ModelInvalidError);
    expect((err as ModelInvalidError).code).toBe('PP_ERR_MODEL_INVALID');
    return (err as ModelInvalidError).details.problems as string[];
  }
  throw new Error('expected the model to be rejected');
}

/** A valid base with one practice per focus area. */
function validData(): Record<string, any> {
  return baseModelData(FOCUS_AREAS.map((fa, i) => ({ id: `p-${i}`, enabler: enablerOf(fa) })));
}

describe('the bundled model', () => {
  // Its content (size, automatic share, stages, priorities, fit-check links) is tested in model-data.test.ts.
  const model = loadModel();

  it('loads and validates', () => {
    expect(model.id).toBe('portalprobe-devportal');
    expect(model.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(model.focusAreas.map((f) => f.id)).toEqual([...FOCUS_AREAS]);
    expect(model.lenses.map((l) => l.id)).toEqual([...LENSES]);
    expect(validateModel(JSON.parse(readFileSync(defaultModelPath(), 'utf8'))).practices).toHaveLength(model.practices.length);
  });

  it('is cached per path and frozen', () => {
    expect(loadModel()).toBe(model);
    expect(loadModel(defaultModelPath())).toBe(model);
    expect(Object.isFrozen(model.practices[0])).toBe(true);
  });
});

describe('validateModel rejects broken models, naming the problem', () => {
  const cases: [string, (d: Record<string, any>) => void, RegExp][] = [
    ['duplicate practice id', (d) => { d.practices[1].id = 'p-0'; }, /practice "p-0": duplicate id/],
    ['duplicate enabler id', (d) => { d.enablers.push({ ...d.enablers[0] }); }, /enabler "discovery-e": duplicate id/],
    ['unknown enabler', (d) => { d.practices[0].enabler = 'nope'; }, /practice "p-0": unknown enabler "nope"/],
    ['enabler in an unknown focus area', (d) => { d.enablers[0].focusArea = 'marketing'; }, /enabler "discovery-e": unknown focus area "marketing"/],
    ['bad stage', (d) => { d.practices[0].stage = 4; }, /practice "p-0": stage must be 1, 2 or 3, not 4/],
    ['unknown lens', (d) => { d.practices[0].lenses = ['seo']; }, /practice "p-0": unknown lens "seo"/],
    ['zero weight', (d) => { d.practices[0].weight = 0; }, /practice "p-0": weight must be a number > 0/],
    ['unexplained weight', (d) => { d.practices[0].weight = 3; }, /practice "p-0": weight 3 needs a "weightWhy"/],
    ['unknown op', (d) => { d.practices[0].evidence = { type: 'fact', probe: 'robots', fact: 'present', test: { op: 'between' } }; }, /practice "p-0": evidence.test: unknown op "between"/],
    ['unknown check', (d) => { d.practices[0].evidence = { type: 'check', check: 'vibes' }; }, /practice "p-0": evidence: unknown check "vibes"/],
    ['unknown probe', (d) => { d.practices[0].evidence = { type: 'fact', probe: 'robot', fact: 'present', test: { op: 'truthy' } }; }, /unknown probe "robot"/],
    ['unknown fact of a known probe', (d) => { d.practices[0].evidence = { type: 'fact', probe: 'robots', fact: 'aiAgent', test: { op: 'truthy' } }; }, /probe "robots" has no fact "aiAgent"/],
    ['missing focus area', (d) => { d.focusAreas = d.focusAreas.filter((f: any) => f.id !== 'community'); }, /focus area "community" is missing/],
    ['extra focus area', (d) => { d.focusAreas.push({ id: 'pricing', name: 'x', description: 'y' }); }, /unknown focus area "pricing"/],
    ['missing lens', (d) => { d.lenses.pop(); }, /lens "aiVisibility" is missing/],
    ['unknown rule type', (d) => { d.practices[0].evidence = { type: 'guess' }; }, /evidence: unknown rule type "guess"/],
    ['nested bad rule', (d) => { d.practices[0].evidence = { type: 'any', rules: [MANUAL, { type: 'manual' }] }; }, /evidence.rules\[1\]: a manual rule needs a "hint"/],
    ['empty combinator', (d) => { d.practices[0].evidence = { type: 'all', rules: [] }; }, /"all" needs a non-empty "rules" list/],
    ['fitCheck without questions', (d) => { d.practices[0].evidence = { type: 'fitCheck', questions: [], need: 'all' }; }, /a fitCheck rule must name its questions/],
    ['fitCheck with a bad need', (d) => { d.practices[0].evidence = { type: 'fitCheck', questions: ['q1'], need: 'most' }; }, /need must be "all" or "any"/],
    ['ratio out of range', (d) => { d.practices[0].evidence = { type: 'fact', probe: 'sitemap', fact: 'lastmodCoverage', test: { op: 'ratio', value: 90 } }; }, /op ratio needs a value in \(0, 1\]/],
    ['gte partialAt above value', (d) => { d.practices[0].evidence = { type: 'fact', probe: 'sitemap', fact: 'urlCount', test: { op: 'gte', value: 1, partialAt: 5 } }; }, /gte partialAt must be below value 1/],
    ['gte without value', (d) => { d.practices[0].evidence = { type: 'fact', probe: 'sitemap', fact: 'urlCount', test: { op: 'gte' } }; }, /op gte needs a numeric value/],
    ['truthy with a value', (d) => { d.practices[0].evidence = { type: 'fact', probe: 'robots', fact: 'present', test: { op: 'truthy', value: true } }; }, /op truthy takes no value/],
    ['non-kebab practice id', (d) => { d.practices[0].id = 'DI_01'; }, /practice "DI_01": id must be kebab-case/],
    ['misspelt practice key', (d) => { d.practices[0].wieght = 2; }, /practice "p-0": unknown key "wieght"/],
    ['enabler without practices', (d) => { d.enablers.push({ id: 'lonely', name: 'Lonely', focusArea: 'community', description: 'd' }); }, /enabler "lonely": no practice belongs to it/],
    ['bad roadmap priority', (d) => { d.practices[0].roadmap = { priority: 4, why: 'w', done: 'd' }; }, /roadmap.priority must be 1, 2 or 3/],
    ['wrong schemaVersion', (d) => { d.schemaVersion = 2; }, /schemaVersion must be 1/],
  ];

  it('accepts the unbroken base', () => {
    expect(validateModel(validData()).practices).toHaveLength(6);
  });

  it.each(cases)('%s', (_name, breakIt, expected) => {
    const data = validData();
    breakIt(data);
    const problems = problemsOf(data);
    expect(problems.some((p) => expected.test(p)), problems.join('\n')).toBe(true);
  });

  it('lists every problem at once', () => {
    const data = validData();
    data.practices[0].stage = 0;
    data.practices[1].enabler = 'nope';
    data.practices[2].evidence = { type: 'check', check: 'vibes' };
    const problems = problemsOf(data);
    // The fourth follows from the second: the decisionMaking enabler has lost its only practice.
    expect(problems).toEqual([
      'practice "p-0": stage must be 1, 2 or 3, not 0',
      'practice "p-1": unknown enabler "nope"',
      expect.stringMatching(/^practice "p-2": evidence: unknown check "vibes"/),
      'enabler "decisionmaking-e": no practice belongs to it',
    ]);
  });

  it('defaults weight to 1', () => {
    expect(validateModel(validData()).practices[0].weight).toBe(1);
  });
});

describe('loadModel from a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-model-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('throws ModelInvalidError for a missing file, bad JSON and invalid data', () => {
    expect(() => loadModel(join(dir, 'absent.json'))).toThrow(/cannot read/);
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(() => loadModel(join(dir, 'bad.json'))).toThrow(ModelInvalidError);
    const data = validData();
    data.practices[0].stage = 9;
    writeFileSync(join(dir, 'invalid.json'), JSON.stringify(data));
    expect(() => loadModel(join(dir, 'invalid.json'))).toThrow(/stage must be 1, 2 or 3, not 9/);
  });

  it('caches per path until cleared', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(validData()));
    const first = loadModel(file);
    writeFileSync(file, '{ now broken');
    expect(loadModel(file)).toBe(first);
    clearModelCache();
    expect(() => loadModel(file)).toThrow(ModelInvalidError);
  });
});
