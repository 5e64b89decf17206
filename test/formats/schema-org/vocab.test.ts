// Tests for src/formats/schema-org/vocab.ts: type-name normalisation and the business subtype table.
import { describe, expect, it } from 'vitest';
import { BUSINESS_TYPES, SUBTYPES, anyIsA, isA, isSchemaName, isSchemaOrgIri, normalizeName } from '../../../src/formats/schema-org/vocab.js';

describe('normalizeName', () => {
  const cases: Array<[string, string, Map<string, string>?]> = [
    ['Product', 'Product'],
    [' Product ', 'Product'],
    ['schema:Product', 'Product'],
    ['http://schema.org/Product', 'Product'],
    ['https://schema.org/Product', 'Product'],
    ['https://schema.org/Product/', 'Product'],
    ['http://www.schema.org/Product', 'Product'],
    ['HTTPS://SCHEMA.ORG/Product', 'Product'],
    ['https://schema.org/Product#x', 'Product'],
    ['https://schema.org/', 'https://schema.org/'],
    ['sdo:WebAPI', 'WebAPI', new Map([['sdo', 'https://schema.org/']])],
    ['ex:Widget', 'http://example.org/Widget', new Map([['ex', 'http://example.org/']])],
    ['og:title', 'http://ogp.me/ns#title'],
    ['unknown:Thing', 'unknown:Thing'],
    ['http://md.example.com/loco', 'http://md.example.com/loco'],
    ['https://ref.gs1.org/voc/Beverage', 'https://ref.gs1.org/voc/Beverage'],
  ];
  it.each(cases)('%j → %j', (raw, expected, prefixes) => {
    expect(normalizeName(raw, prefixes)).toBe(expected);
  });
});

describe('isSchemaOrgIri / isSchemaName', () => {
  it.each([
    ['https://schema.org', true], ['http://schema.org/', true], ['https://schema.org/docs/jsonldcontext.json', true],
    ['http://www.schema.org', true], ['https://schema.org.evil.example/', false], ['http://example.org/', false],
  ])('isSchemaOrgIri(%j) = %j', (v, expected) => expect(isSchemaOrgIri(v as string)).toBe(expected));

  it.each([
    ['Product', true], ['3DModel', true], ['http://x/Y', false], ['__proto__', false], ['Local Business', false], ['rdfa:Pattern', false],
  ])('isSchemaName(%j) = %j', (v, expected) => expect(isSchemaName(v as string)).toBe(expected));
});

describe('business types', () => {
  it.each([
    ['Corporation', 'Organization', true],
    ['BankOrCreditUnion', 'Organization', true],
    ['FinancialService', 'Organization', true],
    ['SportsTeam', 'Organization', true],
    ['Organization', 'Organization', true],
    ['Person', 'Organization', false],
    ['AggregateOffer', 'Offer', true],
    ['WebApplication', 'SoftwareApplication', true],
    ['APIReference', 'TechArticle', true],
    ['WebAPI', 'Service', true],
    ['PaymentService', 'Service', true],
    ['PostalAddress', 'ContactPoint', false],
    ['Recipe', 'HowTo', true],
    ['MusicEvent', 'Event', true],
  ] as const)('isA(%j, %j) = %j', (type, business, expected) => {
    expect(isA(type, business)).toBe(expected);
  });

  it('covers every business type, with no type listed as its own subtype', () => {
    for (const b of BUSINESS_TYPES) {
      expect(SUBTYPES[b]).not.toContain(b);
      expect(anyIsA([b], b)).toBe(true);
    }
  });
});
