import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, normalizeForMatch, phraseIn, splitSentences, stem, stemSet } from '../../src/fitcheck/text.js';

describe('splitSentences', () => {
  it.each([
    ['Sandbox use is free. Production pricing is shared after sign-in.', ['Sandbox use is free.', 'Production pricing is shared after sign-in.']],
    ['Certifications, e.g. ISO 27001, are listed. Next.', ['Certifications, e.g. ISO 27001, are listed.', 'Next.']],
    ['Version 3.1, effective 1 Feb. 2026. These terms apply.', ['Version 3.1, effective 1 Feb. 2026.', 'These terms apply.']],
    ['We maintain SDKs for .NET, Java and Node.js. Done!', ['We maintain SDKs for .NET, Java and Node.js.', 'Done!']],
    ['Is mutual TLS required? Yes, in production.', ['Is mutual TLS required?', 'Yes, in production.']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });

  it('cuts runaway sentences so regexes stay cheap', () => {
    const parts = splitSentences(`${'word '.repeat(1_000)}end.`);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(parts.join(' ')).toBe(`${'word '.repeat(1_000)}end.`.trim());
  });
});

describe('normalizeForMatch', () => {
  it.each([
    ['  Rate\u00A0limits\n\tapply ', 'rate limits apply'],
    ['\u201CQuoted\u201D and \u2018single\u2019', '"quoted" and \'single\''],
    ['08:00\u201318:00 \u2014 CET \u2212 1', '08:00-18:00 - cet - 1'],
    ['Wait\u2026 then', 'wait... then'],
    ['ＦＵＬＬ width', 'full width'],
    ['soft\u00ADhyphen zero\u200Bwidth', 'softhyphen zerowidth'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForMatch(input)).toBe(expected);
  });
});

describe('stem / phraseIn', () => {
  it.each([
    ['limits', 'limit'], ['businesses', 'business'], ['business', 'business'], ['pricing', 'pric'], ['prices', 'pric'],
    ['certified', 'certify'], ['policies', 'policy'], ['webhooks', 'webhook'], ['status', 'status'], ['hosted', 'host'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('matches a phrase when all its words occur, in any form', () => {
    const stems = stemSet('Rate limiting: the API limits requests per second.');
    expect(phraseIn('rate limits', stems)).toBe(true);
    expect(phraseIn('requests per second', stems)).toBe(true);
    expect(phraseIn('data residency', stems)).toBe(false);
  });
});
