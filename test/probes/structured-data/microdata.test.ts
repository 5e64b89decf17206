// Handmade cases for probes/structured-data/microdata.ts (WHATWG microdata): top-level items, nesting,
// itemref (including loops), property values per element, and bounds.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractMicrodata } from '../../../probes/structured-data/microdata.js';
import { treeTypes } from '../../../src/formats/schema-org/summarize.js';
import type { Entity } from '../../../src/formats/schema-org/types.js';

const BASE = 'https://shop.example/products/anvil';
function read(body: string, limits = {}) {
  const dom = new JSDOM(`<!doctype html><html><body>${body}</body></html>`, { url: BASE });
  try {
    return extractMicrodata(dom.window.document, BASE, limits);
  } finally {
    dom.window.close();
  }
}
const S = 'https://schema.org/';

describe('extractMicrodata', () => {
  it('reads nested items as values and only itemprop-less items as top-level', () => {
    const { entities } = read(`
      <div itemscope itemtype="${S}Product">
        <span itemprop="name">Anvil</span>
        <div itemprop="offers" itemscope itemtype="${S}Offer">
          <span itemprop="price">119.99</span>
          <div itemprop="seller" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">ACME</span></div>
        </div>
      </div>
      <p itemprop="orphan" itemscope itemtype="${S}Organization">not top-level (it has itemprop)</p>`);
    expect(entities.map((e) => e.types)).toEqual([['Product']]);
    expect([...treeTypes(entities[0])].sort()).toEqual(['Offer', 'Organization', 'Product']);
    const offer = entities[0].props.get('offers')?.[0] as Entity;
    expect(offer.props.get('price')).toEqual(['119.99']);
  });

  it('takes values from the right attribute per element', () => {
    const { entities } = read(`
      <div itemscope itemtype="${S}Product" itemid="/p/1">
        <meta itemprop="sku" content="A-1">
        <img itemprop="image" src="img/anvil.jpg">
        <a itemprop="url" href="/anvil">link text</a>
        <link itemprop="availability" href="https://schema.org/InStock">
        <time itemprop="releaseDate" datetime="2020-01-02">2 Jan</time>
        <data itemprop="weight" value="42">forty-two</data>
        <meter itemprop="ratingValue" value="4.5">4.5</meter>
        <object itemprop="manual" data="manual.pdf"></object>
        <span itemprop="description">  Sleek
          and heavy </span>
        <span itemprop="name alternateName">Anvil</span>
      </div>`);
    const p = entities[0];
    expect(p.id).toBe('https://shop.example/p/1');
    expect(Object.fromEntries(p.props)).toEqual({
      sku: ['A-1'],
      image: ['https://shop.example/products/img/anvil.jpg'],
      url: ['https://shop.example/anvil'],
      availability: ['https://schema.org/InStock'],
      releaseDate: ['2020-01-02'],
      weight: ['42'],
      ratingValue: ['4.5'],
      manual: ['https://shop.example/products/manual.pdf'],
      description: ['Sleek and heavy'],
      name: ['Anvil'],
      alternateName: ['Anvil'],
    });
  });

  it('follows itemref, in tree order', () => {
    const { entities } = read(`
      <div id="extra"><span itemprop="brand">ACME</span></div>
      <div itemscope itemtype="${S}Product" itemref="extra missing-id"><span itemprop="name">Anvil</span></div>`);
    expect(entities).toHaveLength(1);
    expect([...entities[0].props.keys()]).toEqual(['brand', 'name']);
  });

  it('ends itemref loops (an item referencing itself or its ancestor)', () => {
    const { entities } = read(`
      <div id="a" itemscope itemtype="${S}Thing" itemref="a b"><span itemprop="name">A</span></div>
      <div id="b"><div itemprop="isPartOf" itemscope itemtype="${S}CreativeWork" itemref="a"><span itemprop="name">B</span></div></div>`);
    expect(entities.map((e) => e.types)).toEqual([['Thing']]);
    const part = entities[0].props.get('isPartOf')?.[0] as Entity;
    expect(part.types).toEqual(['CreativeWork']);
  });

  it('keeps several itemtypes and other vocabularies as IRIs', () => {
    const { entities } = read(`<div itemscope itemtype="http://md.example.com/loco http://md.example.com/lighting"></div>
      <div itemscope itemtype="http://data-vocabulary.org/Breadcrumb"></div><div itemscope></div>`);
    expect(entities.map((e) => e.types)).toEqual([['http://md.example.com/loco', 'http://md.example.com/lighting'], ['http://data-vocabulary.org/Breadcrumb'], []]);
  });

  it('bounds nesting depth', () => {
    const open = `<div itemprop="hasPart" itemscope itemtype="${S}WebPage">`.repeat(100);
    const { entities, warnings } = read(`<div itemscope itemtype="${S}WebSite">${open}${'</div>'.repeat(100)}</div>`, { maxDepth: 10 });
    expect(entities).toHaveLength(1);
    expect(warnings.map((w) => w.kind)).toEqual(['too-deep']);
  });

  it('bounds the number of items', () => {
    const { entities, warnings } = read(`<span itemscope itemtype="${S}Thing"></span>`.repeat(30), { maxItems: 5 });
    expect(entities).toHaveLength(5);
    expect(warnings.map((w) => w.kind)).toEqual(['too-many']);
  });
});
