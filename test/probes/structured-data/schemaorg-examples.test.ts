// schema.org's own examples (test/fixtures/structured-data/schemaorg/selected-examples.json, see
// SOURCES.md): each example's JSON section read as JSON-LD yields the classes its TYPES line names
// (nested ones too), and where the example has MICRODATA / RDFA sections, those read as microdata /
// RDFa Lite give the same top-level type set as the JSON-LD. Every exception is listed below with
// its reason, and the tests check that each listed exception really happens (no stale entries).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../probes/structured-data/extract-page.js';
import { extractJsonLd } from '../../../src/formats/schema-org/json-ld.js';
import { treeTypes } from '../../../src/formats/schema-org/summarize.js';
import type { Entity } from '../../../src/formats/schema-org/types.js';
import { BUSINESS_TYPES, anyIsA } from '../../../src/formats/schema-org/vocab.js';
import type { BusinessType, Syntax } from '../../../src/contract/index.js';

interface Example {
  id: string | null;
  file: string;
  types: string[];
  matchedTypes: string[];
  microdata: string | null;
  rdfa: string | null;
  jsonld: string | null;
}
const { examples } = JSON.parse(readFileSync(new URL('../../fixtures/structured-data/schemaorg/selected-examples.json', import.meta.url), 'utf8')) as { examples: Example[] };
const URL_ = 'https://example.com/';

/**
 * TYPES-line classes that the JSON-LD does not use as an @type, and why. The TYPES line lists the
 * terms an example illustrates (properties, enumeration members, supertypes), not only the @types in it.
 */
const NOT_IN_JSON_LD: Record<string, Record<string, { why: string; usedSubtype?: string }>> = {
  '#eg-0010': { InStock: { why: 'enumeration member (a value of availability), not a type' } },
  '#eg-0171': { EventCancelled: { why: 'enumeration member (eventStatus value)' } },
  '#eg-0173': { SoldOut: { why: 'enumeration member (availability value)' } },
  '#eg-0174': { LimitedAvailability: { why: 'enumeration member (availability value)' } },
  '#eg-0200': {
    HearingImpairedSupported: { why: 'enumeration member (contactOption value)' },
    TollFree: { why: 'enumeration member (contactOption value)' },
  },
  '#eg-0202': { EventRescheduled: { why: 'enumeration member (eventStatus value)' } },
  '#eg-0462': { CreativeWork: { why: 'supertype of the type used', usedSubtype: 'Book' } },
  '#eg-0206': {
    Role: { why: 'supertype of the type used', usedSubtype: 'OrganizationRole' },
    Organization: { why: 'supertype of the type used (via SportsOrganization)', usedSubtype: 'SportsTeam' },
  },
  '#eg-4575': { SoftwareApplication: { why: 'supertype of the type used', usedSubtype: 'VideoGame' } },
  '#eg-0377': { ItemList: { why: 'supertype of the type used', usedSubtype: 'BreadcrumbList' } },
  '#eg-0169': { ContactPoint: { why: 'listed in TYPES, but the example describes the channel as ServiceChannel' } },
  '#eg-0172': { Event: { why: 'the JSON-LD version has only the Place and the Offer (@graph); the Event is in the microdata/RDFa only' } },
};

/**
 * Top-level type sets where microdata / RDFa deliberately differ from the example's JSON-LD.
 * Keys are `${id} ${syntax}`; values are the top-level types we expect instead.
 */
const TOP_LEVEL_DIFFERENCES: Record<string, { types: string[]; why: string }> = {
  '#eg-0172 microdata': { types: ['Event'], why: 'markup nests Place and Offer in an Event; the JSON-LD lists Place and Offer in a @graph without the Event' },
  '#eg-0172 rdfa': { types: ['Event'], why: 'as for microdata' },
  '#eg-0393 microdata': { types: ['Book', 'Offer'], why: 'the Offer is a separate item linked by itemOffered="#record"; the JSON-LD nests it in Book.offers' },
  '#eg-0393 rdfa': { types: ['Book', 'Offer', 'Product'], why: 'separate Offer as in microdata, and typeof="Book Product" where the JSON-LD uses additionalType' },
  '#eg-0394 rdfa': {
    types: ['ItemPage', 'Organization', 'http://www.w3.org/ns/rdfa#Pattern'],
    why: 'the footer Organization is a separate subject (JSON-LD nests it as offeredBy), and rdfa:Pattern / rdfa:copy property copying is not implemented, so the patterns stay items',
  },
  '#eg-0429 microdata': { types: [], why: 'the outer item has itemprop="organization", so by the HTML microdata rules it is not a top-level item' },
};

const withJsonLd = examples.filter((e) => e.jsonld && /ld\+json/.test(e.jsonld));
const blocksOf = (html: string): string[] => [...html.matchAll(/<script[^>]*>([^]*?)<\/script>/gi)].map((m) => m[1]);
const collect = (entities: Entity[]): Set<string> => {
  const all = new Set<string>();
  for (const e of entities) for (const t of treeTypes(e)) all.add(t);
  return all;
};
const hasSection = (text: string | null, syntax: Syntax): boolean =>
  !!text && (syntax === 'microdata' ? /\bitemscope\b/.test(text) : /\btypeof\s*=/.test(text));

describe('schema.org examples: JSON-LD', () => {
  it('has the examples the fixture promises', () => {
    expect(examples).toHaveLength(57);
    expect(withJsonLd).toHaveLength(56); // issue-4870 has no JSON section
  });

  it.each(withJsonLd.map((e) => [e.id, e] as const))('%s yields its TYPES classes', (_id, example) => {
    const ld = extractJsonLd(blocksOf(example.jsonld as string));
    expect(ld.invalid).toEqual([]);
    expect(ld.warnings.filter((w) => w.kind === 'context-missing')).toEqual([]);
    const found = collect(ld.entities);
    const exceptions = NOT_IN_JSON_LD[example.id ?? ''] ?? {};
    const classes = example.types.filter((t) => /^[A-Z]/.test(t));
    const expected = classes.filter((t) => !(t in exceptions));
    expect([...found].filter((t) => expected.includes(t)).sort()).toEqual([...new Set(expected)].sort());
    for (const [absent, { usedSubtype }] of Object.entries(exceptions)) {
      expect(found.has(absent), `${absent} is listed as absent`).toBe(false);
      if (usedSubtype) expect(found.has(usedSubtype), `${usedSubtype} is listed as used`).toBe(true);
    }
    // Each business type the example was selected for is recognised, directly or via a subtype,
    // unless the example does not use it at all.
    for (const m of example.matchedTypes.filter((t): t is BusinessType => (BUSINESS_TYPES as readonly string[]).includes(t))) {
      const reallyAbsent = exceptions[m] !== undefined && exceptions[m].usedSubtype === undefined;
      expect(anyIsA([...found], m), `business type ${m}`).toBe(!reallyAbsent);
    }
  });
});

describe('schema.org examples: microdata and RDFa agree with JSON-LD at the top level', () => {
  const cases = withJsonLd.flatMap((e) =>
    (['microdata', 'rdfa'] as const).filter((s) => hasSection(e[s], s)).map((s) => [`${e.id} ${s}`, e, s] as const),
  );

  it('covers the examples with markup sections', () => {
    expect(cases.filter(([, , s]) => s === 'microdata')).toHaveLength(33);
    expect(cases.filter(([, , s]) => s === 'rdfa')).toHaveLength(32);
  });

  it.each(cases)('%s', (key, example, syntax) => {
    const jsonTop = new Set(extractJsonLd(blocksOf(example.jsonld as string)).entities.flatMap((e) => e.types));
    const page = extractPage({ url: URL_, html: example[syntax] as string, jsonLd: [] });
    const top = new Set(page.entities.filter((e) => e.syntax === syntax).flatMap((e) => e.types));
    const difference = TOP_LEVEL_DIFFERENCES[key];
    if (difference) {
      expect([...top].sort()).toEqual([...difference.types].sort());
      expect([...top].sort(), 'a listed difference must still differ').not.toEqual([...jsonTop].sort());
    } else {
      expect([...top].sort()).toEqual([...jsonTop].sort());
    }
  });
});
