// Handmade cases for src/formats/schema-org/json-ld.ts: the shapes JSON-LD takes on real pages
// (@graph, arrays, nested nodes, prefixed and array @type, contexts) and hostile ones (malformed,
// 5 MB, 10,000 levels deep, too many entities) — never a crash, never a stack overflow.
import { describe, expect, it } from 'vitest';
import { extractJsonLd } from '../../../src/formats/schema-org/json-ld.js';
import { schemaTypes, treeTypes } from '../../../src/formats/schema-org/summarize.js';
import type { Entity } from '../../../src/formats/schema-org/types.js';

const allTypes = (entities: Entity[]): string[] => {
  const set = new Set<string>();
  for (const e of entities) for (const t of treeTypes(e)) set.add(t);
  return [...set].sort();
};
const j = (v: unknown): string => JSON.stringify(v);
const ctx = 'https://schema.org';

describe('extractJsonLd: shapes', () => {
  const cases: Array<{ name: string; blocks: string[]; top: string[][]; all: string[]; warnings?: string[] }> = [
    {
      name: '@graph of nodes',
      blocks: [j({ '@context': ctx, '@graph': [{ '@type': 'Organization', name: 'Acme' }, { '@type': 'WebSite', url: 'https://a.example/' }] })],
      top: [['Organization'], ['WebSite']],
      all: ['Organization', 'WebSite'],
    },
    {
      name: 'top-level array of nodes',
      blocks: [j([{ '@context': ctx, '@type': 'Product' }, { '@context': ctx, '@type': 'BreadcrumbList' }])],
      top: [['Product'], ['BreadcrumbList']],
      all: ['BreadcrumbList', 'Product'],
    },
    {
      name: 'several blocks on one page',
      blocks: [j({ '@context': ctx, '@type': 'WebSite' }), j({ '@context': ctx, '@type': 'FAQPage' })],
      top: [['WebSite'], ['FAQPage']],
      all: ['FAQPage', 'WebSite'],
    },
    {
      name: 'Organization nested in WebSite.publisher, SearchAction in potentialAction',
      blocks: [j({
        '@context': ctx, '@type': 'WebSite', url: 'https://a.example/',
        publisher: { '@type': 'Organization', name: 'Acme', contactPoint: { '@type': 'ContactPoint', contactType: 'sales' } },
        potentialAction: { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: 'https://a.example/s?q={q}' }, 'query-input': 'required name=q' },
      })],
      top: [['WebSite']],
      all: ['ContactPoint', 'EntryPoint', 'Organization', 'SearchAction', 'WebSite'],
    },
    {
      name: 'Offer array inside Product.offers, @type as array',
      blocks: [j({ '@context': ctx, '@type': ['Product', 'SoftwareApplication'], offers: [{ '@type': 'Offer', price: '0' }, { '@type': 'AggregateOffer' }] })],
      top: [['Product', 'SoftwareApplication']],
      all: ['AggregateOffer', 'Offer', 'Product', 'SoftwareApplication'],
    },
    {
      name: 'prefixed and IRI types',
      blocks: [j({
        '@context': { schema: 'http://schema.org/' }, '@type': 'schema:Product',
        'schema:offers': { '@type': 'http://schema.org/Offer' }, seller: { '@type': 'https://schema.org/Organization' },
      })],
      top: [['Product']],
      all: ['Offer', 'Organization', 'Product'],
    },
    {
      name: '@vocab context',
      blocks: [j({ '@context': { '@vocab': 'https://schema.org/' }, '@type': 'WebAPI' })],
      top: [['WebAPI']],
      all: ['WebAPI'],
    },
    {
      name: '@list, @set and @value wrappers',
      blocks: [j({ '@context': ctx, '@type': 'HowTo', step: { '@list': [{ '@type': 'HowToStep' }, { '@set': [{ '@type': 'HowToSection' }] }] }, name: { '@value': 'x' } })],
      top: [['HowTo']],
      all: ['HowTo', 'HowToSection', 'HowToStep'],
    },
    {
      name: 'a @graph wrapper that is a node itself',
      blocks: [j({ '@context': ctx, '@type': 'WebPage', '@graph': [{ '@type': 'Product' }] })],
      top: [['WebPage'], ['Product']],
      all: ['Product', 'WebPage'],
    },
    {
      name: 'null blocks describe nothing (extruct null_ld_mock)',
      blocks: ['null', 'null'],
      top: [],
      all: [],
    },
    {
      name: 'other vocabulary via @vocab is kept as IRIs',
      blocks: [j({ '@context': { '@vocab': 'http://example.org/voc#' }, '@type': 'Widget' })],
      top: [['http://example.org/voc#Widget']],
      all: ['http://example.org/voc#Widget'],
      warnings: ['context-not-schema-org'],
    },
    {
      name: 'missing @context still reads the type, with a warning',
      blocks: [j({ '@type': 'Organization', name: 'Acme' })],
      top: [['Organization']],
      all: ['Organization'],
      warnings: ['context-missing'],
    },
    {
      name: 'a scalar block',
      blocks: ['false'],
      top: [],
      all: [],
      warnings: ['not-an-object'],
    },
  ];
  it.each(cases)('$name', ({ blocks, top, all, warnings = [] }) => {
    const r = extractJsonLd(blocks);
    expect(r.invalid).toEqual([]);
    expect(r.entities.map((e) => e.types)).toEqual(top);
    expect(allTypes(r.entities)).toEqual(all);
    expect(r.warnings.map((w) => w.kind)).toEqual(warnings);
  });

  it('keeps properties under their schema.org names and reads values', () => {
    const r = extractJsonLd([j({ '@context': ctx, '@type': 'Organization', '@id': '#org', 'schema:name': 'Acme', url: 'https://acme.example/', sameAs: ['https://x.example/acme', 'https://y.example/acme'] })]);
    const org = r.entities[0];
    expect(org.id).toBe('#org');
    expect([...org.props.keys()]).toEqual(['name', 'url', 'sameAs']);
    expect(org.props.get('sameAs')).toEqual(['https://x.example/acme', 'https://y.example/acme']);
  });

  it('treats a __proto__ key as data', () => {
    const r = extractJsonLd(['{"@context": "https://schema.org", "@type": "Thing", "__proto__": {"@type": "Product"}}']);
    expect(allTypes(r.entities)).toEqual(['Product', 'Thing']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('extractJsonLd: invalid and hostile blocks', () => {
  it('malformed JSON is one invalid block with a located reason, and the other blocks still count', () => {
    const r = extractJsonLd([j({ '@context': ctx, '@type': 'WebSite' }), '{"@context": "https://schema.org", "@type": "Organization" "name": "x"}']);
    expect(r.invalid).toHaveLength(1);
    expect(r.invalid[0]).toMatchObject({ syntax: 'json-ld', block: 1, recovered: false });
    expect(r.invalid[0].reason).toMatch(/line 1, column 60/);
    expect(allTypes(r.entities)).toEqual(['WebSite']);
  });

  it('a recovered block counts as invalid-but-recovered and its types are read', () => {
    const r = extractJsonLd(['{"@context": "https://schema.org", "@type": "FAQPage", // the FAQ\n}']);
    expect(r.invalid).toEqual([expect.objectContaining({ recovered: true, reason: expect.stringMatching(/recovered by removing JavaScript comments, trailing commas/) })]);
    expect(allTypes(r.entities)).toEqual(['FAQPage']);
  });

  it('reads a 5 MB block', () => {
    const offers = Array.from({ length: 10_000 }, (_, i) => ({ '@type': 'Offer', sku: `sku-${i}`, description: 'x'.repeat(500) }));
    const block = j({ '@context': ctx, '@type': 'Product', offers });
    expect(block.length).toBeGreaterThan(5_000_000);
    const t0 = performance.now();
    const r = extractJsonLd([block]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r.invalid).toEqual([]);
    expect(schemaTypes(allTypes(r.entities))).toEqual(['Offer', 'Product']);
    expect(r.entities[0].props.get('offers')).toHaveLength(10_000);
  });

  it('bounds 10,000 nesting levels (objects) without a stack overflow', () => {
    const deep = '{"@type": "Thing", "a": '.repeat(10_000) + '1' + '}'.repeat(10_000);
    const r = extractJsonLd([`{"@context": "https://schema.org", "@type": "WebPage", "x": ${deep}}`]);
    expect(r.invalid).toEqual([]);
    expect(r.entities[0].types).toEqual(['WebPage']);
    expect(r.warnings.map((w) => w.kind)).toEqual(['too-deep']);
    expect(allTypes(r.entities)).toEqual(['Thing', 'WebPage']);
  });

  it('bounds 10,000 nesting levels of arrays, top-level and inside a node', () => {
    const arrays = '['.repeat(10_000) + '{"@type": "Product"}' + ']'.repeat(10_000);
    const r = extractJsonLd([arrays, `{"@context": "https://schema.org", "@type": "WebPage", "x": ${arrays}}`]);
    expect(r.invalid).toEqual([]);
    expect(r.entities.map((e) => e.types)).toEqual([['WebPage']]);
    expect(r.warnings.filter((w) => w.kind === 'too-deep').map((w) => w.block)).toEqual([0, 1]);
  });

  it('malformed deep nesting is invalid, not a crash', () => {
    const r = extractJsonLd(['['.repeat(10_000)]);
    expect(r.invalid).toHaveLength(1);
    expect(r.invalid[0].reason).toMatch(/column 10001/);
  });

  it('stops after maxEntities and says so', () => {
    const r = extractJsonLd([j(Array.from({ length: 50 }, () => ({ '@context': ctx, '@type': 'Product' })))], { maxEntities: 10 });
    expect(r.entities).toHaveLength(10);
    expect(r.warnings.map((w) => w.kind)).toContain('too-many');
  });

  it('skips a block over maxBlockChars with a warning', () => {
    const r = extractJsonLd([j({ '@context': ctx, '@type': 'Product', d: 'x'.repeat(100) })], { maxBlockChars: 50 });
    expect(r.entities).toEqual([]);
    expect(r.warnings.map((w) => w.kind)).toEqual(['too-large']);
  });

  it('clips long text values', () => {
    const r = extractJsonLd([j({ '@context': ctx, '@type': 'Product', description: 'y'.repeat(10_000) })]);
    expect((r.entities[0].props.get('description')?.[0] as string).length).toBe(2000);
  });
});
