// Handmade cases for probes/structured-data/rdfa.ts (RDFa Lite 1.1): vocab, typeof, property,
// resource, prefix; values; what is deliberately ignored; bounds.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractRdfa } from '../../../probes/structured-data/rdfa.js';
import { treeTypes } from '../../../src/formats/schema-org/summarize.js';
import type { Entity } from '../../../src/formats/schema-org/types.js';

const BASE = 'https://portal.example/about';
function read(html: string, limits = {}) {
  const dom = new JSDOM(html, { url: BASE });
  try {
    return extractRdfa(dom.window.document, BASE, limits);
  } finally {
    dom.window.close();
  }
}

describe('extractRdfa', () => {
  it('reads vocab, typeof and nested property+typeof', () => {
    const { entities, warnings } = read(`<div vocab="https://schema.org/" typeof="Organization" resource="#org">
        <span property="name">Acme</span>
        <div property="contactPoint" typeof="ContactPoint"><span property="contactType">sales</span></div>
        <a property="sameAs" href="https://x.example/acme">X</a>
      </div>`);
    expect(warnings).toEqual([]);
    expect(entities.map((e) => e.types)).toEqual([['Organization']]);
    expect(entities[0].id).toBe('#org');
    expect([...treeTypes(entities[0])].sort()).toEqual(['ContactPoint', 'Organization']);
    expect(entities[0].props.get('sameAs')).toEqual(['https://x.example/acme']);
    expect((entities[0].props.get('contactPoint')?.[0] as Entity).props.get('contactType')).toEqual(['sales']);
  });

  it.each([
    ['prefix attribute', '<div prefix="ex: http://example.org/ns#" typeof="ex:Widget"></div>', [['http://example.org/ns#Widget']]],
    ['schema: without declaration (RDFa initial context)', '<div typeof="schema:Product"></div>', [['Product']]],
    ['absolute schema.org IRI', '<div typeof="http://schema.org/WebAPI"></div>', [['WebAPI']]],
    ['vocab without a trailing slash', '<div vocab="https://schema.org" typeof="BroadcastService"></div>', [['BroadcastService']]],
    ['several types', '<div vocab="http://schema.org/" typeof="Book Product"></div>', [['Book', 'Product']]],
    ['other vocab', '<div vocab="http://xmlns.com/foaf/0.1/" typeof="Person"></div>', [['http://xmlns.com/foaf/0.1/Person']]],
    ['vocab reset by an empty vocab', '<div vocab="https://schema.org/"><p vocab="" typeof="Thing"></p></div>', [[]]],
  ])('%s', (_name, html, types) => {
    expect(read(html).entities.map((e) => e.types)).toEqual(types);
  });

  it('warns about typeof without vocab and drops the type', () => {
    const { entities, warnings } = read('<div typeof="Product"><span property="name">x</span></div>');
    expect(entities.map((e) => e.types)).toEqual([[]]);
    expect(warnings.map((w) => w.kind)).toEqual(['rdfa-no-vocab']);
    expect(warnings[0].detail).toContain('"Product"');
  });

  it('takes values from content, resource, href/src, datetime, then text', () => {
    const { entities } = read(`<div vocab="https://schema.org/" typeof="Event">
        <meta property="startDate" content="2025-01-01">
        <span property="about" resource="#topic">ignored text</span>
        <a property="url" href="/events/1">ignored</a>
        <img property="image" src="e.png">
        <time property="endDate" datetime="2025-01-02">2 Jan</time>
        <span property="name"> Launch
          day </span>
      </div>`);
    expect(Object.fromEntries(entities[0].props)).toEqual({
      startDate: ['2025-01-01'],
      about: ['#topic'],
      url: ['https://portal.example/events/1'],
      image: ['https://portal.example/e.png'],
      endDate: ['2025-01-02'],
      name: ['Launch day'],
    });
  });

  it('ignores document-level properties (Open Graph meta) and keeps sibling items separate', () => {
    const { entities } = read(`<html prefix="og: http://ogp.me/ns#"><head><meta property="og:title" content="T"></head>
      <body vocab="https://schema.org/"><div typeof="WebSite"></div><div typeof="Organization"></div></body></html>`);
    expect(entities.map((e) => e.types)).toEqual([['WebSite'], ['Organization']]);
  });

  it('bounds item depth', () => {
    const nested = '<div property="hasPart" typeof="WebPage">'.repeat(100) + '</div>'.repeat(100);
    const { entities, warnings } = read(`<div vocab="https://schema.org/" typeof="WebSite">${nested}</div>`, { maxDepth: 20 });
    expect(entities).toHaveLength(1);
    let depth = 0;
    for (let e: Entity | undefined = entities[0]; e; e = e.props.get('hasPart')?.[0] as Entity | undefined) depth++;
    expect(depth).toBe(20);
    expect(warnings.map((w) => w.kind)).toEqual(['too-deep']);
  });

  it('walks 100,000 nested elements without recursion', () => {
    // jsdom itself cannot build such a tree quickly (its parser is quadratic in depth), so a
    // minimal element chain stands in for the Document: the walker only reads attributes and children.
    interface FakeEl { getAttribute(name: string): string | null; children: FakeEl[]; textContent: string }
    const leaf: FakeEl = { getAttribute: (n) => (n === 'property' ? 'name' : null), children: [], textContent: 'deep' };
    let el: FakeEl = leaf;
    for (let i = 0; i < 100_000; i++) el = { getAttribute: () => null, children: [el], textContent: '' };
    const root: FakeEl = { getAttribute: (n) => ({ vocab: 'https://schema.org/', typeof: 'WebSite' })[n] ?? null, children: [el], textContent: '' };
    const { entities, warnings } = extractRdfa({ documentElement: root } as unknown as Document, BASE, { maxVisits: 1_000_000 });
    expect(entities.map((e) => e.types)).toEqual([['WebSite']]);
    expect(entities[0].props.get('name')).toEqual(['deep']);
    expect(warnings).toEqual([]);
  });

  it('stops after maxVisits elements', () => {
    const { warnings } = read(`<div vocab="https://schema.org/" typeof="WebSite">${'<p></p>'.repeat(50)}</div>`, { maxVisits: 10 });
    expect(warnings.map((w) => w.kind)).toEqual(['too-many']);
  });
});
