// Tests for probes/structured-data/extract-page.ts: the cheap string test that decides whether the
// page's HTML is parsed again for microdata / RDFa, and the combined result.
import { describe, expect, it } from 'vitest';
import { domHints, extractPage } from '../../../probes/structured-data/extract-page.js';

describe('domHints', () => {
  it.each([
    ['<div itemscope itemtype="https://schema.org/Product">', { microdata: true, rdfa: false }],
    ['<DIV ITEMSCOPE>', { microdata: true, rdfa: false }],
    ['<div vocab="https://schema.org/" typeof="Product">', { microdata: false, rdfa: true }],
    ['<div typeof = "schema:Product">', { microdata: false, rdfa: true }],
    ['<meta property="og:title" content="x"><span itemprop="name">x</span>', { microdata: false, rdfa: false }],
    ['<p>typeof x === "string"; itemscoped</p>', { microdata: false, rdfa: false }],
  ])('%s', (html, expected) => {
    expect(domHints(html)).toEqual(expected);
  });
});

describe('extractPage', () => {
  const url = 'https://portal.example/';
  const block = JSON.stringify({ '@context': 'https://schema.org', '@type': 'WebSite' });

  it('does not parse the HTML when no hint matches', () => {
    const r = extractPage({ url, html: '<p itemprop="name">x</p>', jsonLd: [block] });
    expect(r.domParsed).toBe(false);
    expect(r.jsonLdBlocks).toBe(1);
    expect(r.entities.map((e) => [e.syntax, e.types])).toEqual([['json-ld', ['WebSite']]]);
  });

  it('combines JSON-LD, microdata and RDFa, in that order', () => {
    const html = `<body><div vocab="https://schema.org/" typeof="AboutPage"></div><div itemscope itemtype="https://schema.org/Product"></div></body>`;
    const r = extractPage({ url, html, jsonLd: [block] });
    expect(r.domParsed).toBe(true);
    expect(r.entities.map((e) => [e.syntax, e.types])).toEqual([['json-ld', ['WebSite']], ['microdata', ['Product']], ['rdfa', ['AboutPage']]]);
  });

  it('copes with a URL jsdom refuses', () => {
    const r = extractPage({ url: 'not a url', html: '<div itemscope itemtype="https://schema.org/Thing"><a itemprop="url" href="/x">x</a></div>', jsonLd: [] });
    expect(r.entities.map((e) => e.types)).toEqual([['Thing']]);
    expect(r.entities[0].props.get('url')).toEqual(['/x']);
  });

  it('does not build a DOM for markup nested thousands deep (it says so instead)', () => {
    const deep = '<div itemscope itemtype="https://schema.org/Thing">' + '<div>'.repeat(20_000) + '</div>'.repeat(20_000) + '</div>';
    const t0 = performance.now();
    const r = extractPage({ url, html: deep, jsonLd: [block] });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.domParsed).toBe(false);
    expect(r.entities.map((e) => e.syntax)).toEqual(['json-ld']);
    expect(r.warnings).toEqual([{ syntax: 'microdata', kind: 'too-deep', detail: 'markup nested 20001 levels deep; microdata and RDFa on this page were not read' }]);
  });

  it('never throws on malformed HTML', () => {
    const r = extractPage({ url, html: '<div itemscope itemtype="https://schema.org/Thing"><span itemprop="name">a<div></p></td>'.repeat(50), jsonLd: ['{', 'null'] });
    expect(r.invalid).toHaveLength(1);
    expect(r.entities.length).toBeGreaterThan(0);
  });
});
