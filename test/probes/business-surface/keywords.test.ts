// Unit tests of probes/business-surface/keywords.ts: the shipped keyword files load, and a broken
// file fails at load with every problem named (PP_ERR_PARSE) instead of silently finding nothing.
import { describe, expect, it } from 'vitest';
import commonJson from '../../../probes/business-surface/data/business-surface.common.json' with { type: 'json' };
import enJson from '../../../probes/business-surface/data/business-surface.en.json' with { type: 'json' };
import { checkCommonFile, checkLangFile, createKeywordRegistry, primaryLang } from '../../../probes/business-surface/keywords.js';
import { KINDS } from '../../../probes/business-surface/types.js';
import { ParseError } from '../../../src/errors.js';

const clone = <T>(v: T): T => structuredClone(v);

describe('shipped keyword files', () => {
  it('are valid and complete', () => {
    expect(checkLangFile(enJson, true)).toEqual([]);
    expect(checkCommonFile(commonJson)).toEqual([]);
  });

  it('give every kind some words and flags', () => {
    const registry = createKeywordRegistry({ common: commonJson, langs: { en: enJson } });
    const en = registry.forLang('en');
    for (const kind of KINDS) {
      expect(en.kinds[kind].paths.length + en.kinds[kind].anchors.length, kind).toBeGreaterThan(0);
      expect(registry.common.kinds[kind]).toBeDefined();
    }
    expect(registry.available).toEqual(['en']);
    expect(en.kinds.pricing.notUnder.has('api')).toBe(true);
    expect(en.kinds.blog.notUnder.size).toBe(0);
    // Default: not under article folders.
    expect(en.kinds.useCases.notUnder.has('blog')).toBe(true);
  });
});

describe('checkLangFile', () => {
  const broken: Array<[string, (d: any) => void, string]> = [
    ['an unknown kind', (d) => (d.kinds.pricingg = {}), 'unknown kind "pricingg"'],
    ['a missing kind in the English list', (d) => delete d.kinds.sla, '"sla" is missing'],
    ['an invalid pattern', (d) => d.kinds.pricing.text.push({ pattern: '(unclosed' }), 'invalid regular expression'],
    ['a bad flag', (d) => d.kinds.pricing.text.push({ pattern: 'x', flags: 'g' }), 'may only hold'],
    ['a weight out of range', (d) => d.kinds.pricing.anchors.push({ text: 'x', weight: 2 }), '"weight" must be a number in (0, 1]'],
    ['an empty phrase', (d) => d.kinds.pricing.anchors.push(' '), 'empty phrase'],
    ['a pattern among paths', (d) => d.kinds.pricing.paths.push({ pattern: 'x' }), 'expected a phrase'],
    ['an unknown path group', (d) => (d.kinds.pricing.notUnder = ['nope']), 'unknown path group "nope"'],
    ['an unknown pricing model', (d) => (d.pricingModel.barter = []), 'unknown model "barter"'],
    ['a bad lang', (d) => (d.lang = 'English'), '"lang" must be'],
  ];
  it.each(broken)('reports %s', (_name, mutate, problem) => {
    const data = clone(enJson) as any;
    mutate(data);
    expect(checkLangFile(data, true).join('; ')).toContain(problem);
    expect(() => createKeywordRegistry({ common: commonJson, langs: { en: data } })).toThrow(ParseError);
  });

  it('accepts a partial list for another language', () => {
    expect(checkLangFile({ lang: 'de', kinds: { pricing: { anchors: ['Preise'] } } }, false)).toEqual([]);
  });

  it('rejects non-objects', () => {
    expect(checkLangFile(null, true)).toEqual(['the file must hold a JSON object']);
    expect(checkLangFile([], false)).toEqual(['the file must hold a JSON object']);
  });
});

describe('checkCommonFile', () => {
  const broken: Array<[string, (d: any) => void, string]> = [
    ['a missing kind', (d) => delete d.kinds.faq, 'kinds.faq is missing'],
    ['a url rule without weight', (d) => d.kinds.statusPage.urls.push({ pattern: 'x' }), '"weight" must be a number'],
    ['an install command for an unknown language', (d) => d.installCommands.push({ language: 'COBOL', pattern: 'x' }), 'unknown language "COBOL"'],
    ['an invalid certification pattern', (d) => d.certifications.push({ name: 'X', patterns: [{ pattern: '[' }] }), 'invalid regular expression'],
    ['a non-boolean flag', (d) => (d.kinds.sdks.codeCounts = 'yes'), 'must be true or false'],
    ['a chat widget without a name', (d) => d.chatWidgets.push({ pattern: 'x' }), 'chatWidgets[12]'],
  ];
  it.each(broken)('reports %s', (_name, mutate, problem) => {
    const data = clone(commonJson) as any;
    mutate(data);
    expect(checkCommonFile(data).join('; ')).toContain(problem);
    expect(() => createKeywordRegistry({ common: data, langs: { en: enJson } })).toThrow(/PP_ERR_PARSE|business-surface\.common\.json/);
  });
});

describe('createKeywordRegistry', () => {
  it('needs the English list', () => {
    expect(() => createKeywordRegistry({ common: commonJson, langs: { de: { lang: 'de', kinds: {} } } })).toThrow(/no "en" list/);
  });
  it('checks that a file holds the language it is registered under', () => {
    expect(() => createKeywordRegistry({ common: commonJson, langs: { en: enJson, de: { lang: 'fr', kinds: {} } } })).toThrow(/expected "de"/);
  });
  it.each([
    ['en-GB', 'en'],
    ['DE', 'de'],
    ['zh_Hant', 'zh'],
    ['', null],
    [null, null],
    ['x', null],
  ])('primaryLang(%j) = %j', (tag, lang) => expect(primaryLang(tag)).toBe(lang));
});
