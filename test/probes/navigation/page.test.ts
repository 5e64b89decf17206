// Per-page read-outs (probes/navigation/page.ts): hosted-search scripts, JSON-LD BreadcrumbList and
// link-preview tags, and the site summary (probes/navigation/site.ts).
import { describe, expect, it } from 'vitest';
import { hostedSearchKind, hostedSearchSignals, jsonLdBreadcrumb, linkPreview, pageWayfinding } from '../../../probes/navigation/page.js';
import { LIST_LIMITS, summarizeNavigation } from '../../../probes/navigation/site.js';
import { makePage } from '../../helpers/probe-context.js';

describe('hosted search scripts and stylesheets', () => {
  it.each([
    ['https://cdn.jsdelivr.net/npm/@docsearch/js@3', 'docsearch'],
    ['https://cdn.jsdelivr.net/npm/@docsearch/css@3', 'docsearch'],
    ['https://p.example/assets/docsearch.min.js', 'docsearch'],
    ['https://BH4D9OD16A-dsn.algolia.net', 'algolia'],
    ['https://abc-1.algolianet.com/1/indexes', 'algolia'],
    ['https://cdn.jsdelivr.net/npm/algoliasearch@4/dist/algoliasearch-lite.umd.js', 'algolia'],
    ['https://static.cloud.coveo.com/searchui/v2.10/js/CoveoJsSearch.min.js', 'coveo'],
    ['https://s.swiftypecdn.com/install/v2/st.js', 'elastic'],
    ['https://cse.google.com/cse.js?cx=123', 'google-cse'],
    ['https://www.google.com/cse/brand?form=x', 'google-cse'],
    ['https://p.example/app.js', null],
    ['https://evil.example/?u=algolia.net', null],
    ['https://algolia.net.evil.example/x.js', null],
  ])('%s → %s', (url, kind) => {
    expect(hostedSearchKind(url)).toBe(kind);
  });

  it('reads scripts and stylesheet/preconnect links, one signal per service', () => {
    const signals = hostedSearchSignals(
      ['https://cdn.jsdelivr.net/npm/@docsearch/js@3', 'https://cdn.jsdelivr.net/npm/@docsearch/js@3/dist/umd/index.js'],
      [
        { rel: 'preconnect', href: 'https://X-dsn.algolia.net' },
        { rel: 'canonical', href: 'https://cse.google.com/' },
      ],
    );
    expect(signals).toEqual([
      { kind: 'docsearch', element: 'script[src="https://cdn.jsdelivr.net/npm/@docsearch/js@3"]' },
      { kind: 'algolia', element: 'link[rel="preconnect"][href="https://X-dsn.algolia.net"]' },
    ]);
  });
});

describe('BreadcrumbList in JSON-LD', () => {
  const list = { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem', position: 1, name: 'Docs', item: 'https://p.example/docs' }] };
  it.each([
    ['a top-level BreadcrumbList', [JSON.stringify({ '@context': 'https://schema.org', ...list })], 1],
    ['inside @graph, second block', ['{"@type":"Organization","name":"A"}', JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, list] })], 2],
    ['nested as WebPage.breadcrumb', [JSON.stringify({ '@context': 'https://schema.org', '@type': 'WebPage', breadcrumb: list })], 1],
    ['in an array of nodes, prefixed type', [JSON.stringify([{ '@context': 'https://schema.org', '@type': 'schema:BreadcrumbList' }])], 1],
    ['with a trailing comma (repaired)', ['{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[],}'], 1],
  ])('%s', (_name, blocks, block) => {
    expect(jsonLdBreadcrumb(blocks)).toEqual({ kind: 'json-ld', element: `script[type="application/ld+json"] (block ${block}) BreadcrumbList` });
  });

  it.each([
    ['no blocks', []],
    ['malformed JSON', ['{"@type": "BreadcrumbList", "itemListElement": [ {"name": "Docs" ']],
    ['the word only in a string value', [JSON.stringify({ '@type': 'Article', headline: 'Why BreadcrumbList matters' })]],
    ['another type', [JSON.stringify({ '@type': 'ItemList' })]],
    ['not JSON at all', ['BreadcrumbList <script>']],
    ['a deeply nested hostile block', ['['.repeat(10_000) + '"BreadcrumbList"' + ']'.repeat(10_000)]],
  ])('%s → none', (_name, blocks) => {
    expect(jsonLdBreadcrumb(blocks)).toBeNull();
  });
});

describe('link previews', () => {
  it('reads Open Graph by property or name, and twitter:card', () => {
    expect(linkPreview([
      { property: 'og:title', content: ' Payments API ' },
      { name: 'og:description', content: 'Take payments.' },
      { property: 'og:image', content: '' },
      { property: 'og:image:secure_url', content: 'https://p.example/og.png' },
      { property: 'og:type', content: 'website' },
      { property: 'og:url', content: 'https://p.example/' },
      { name: 'twitter:card', content: 'SUMMARY_LARGE_IMAGE' },
    ])).toEqual({
      ogTitle: 'Payments API', ogDescription: 'Take payments.', ogImage: 'https://p.example/og.png', ogType: 'website',
      ogUrl: 'https://p.example/', twitterCard: 'summary_large_image',
    });
  });

  it('gives nulls without tags', () => {
    expect(linkPreview([{ name: 'description', content: 'x' }])).toEqual({
      ogTitle: null, ogDescription: null, ogImage: null, ogType: null, ogUrl: null, twitterCard: null,
    });
  });

  it('combines DOM signals, hosted scripts and JSON-LD for a page parsed by the crawl', () => {
    const page = makePage({
      url: 'https://p.example/docs/a',
      html: '<html><head><script src="https://cdn.jsdelivr.net/npm/@docsearch/js@3"></script>'
        + '<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList"}</script></head>'
        + '<body><form role="search"><input type="search"></form></body></html>',
    });
    const w = pageWayfinding(page);
    expect(w.search.map((s) => s.kind)).toEqual(['landmark', 'search-input', 'docsearch']);
    expect(w.breadcrumbs.map((s) => s.kind)).toEqual(['json-ld']);
  });
});

describe('site summary', () => {
  const og = '<meta property="og:title" content="T"><meta property="og:description" content="D">';
  const pages = [
    makePage({ url: 'https://p.example/', depth: 0, html: `<html><head>${og}<meta property="og:image" content="/og.png"><meta name="twitter:card" content="summary"></head><body><form role="search"><input type="search" name="q"></form></body></html>` }),
    makePage({ url: 'https://p.example/docs/a', depth: 1, html: `<html><head>${og}</head><body><nav aria-label="Breadcrumb"><a href="/">Home</a></nav></body></html>` }),
    makePage({ url: 'https://p.example/docs/a/b', depth: 2, html: '<html><head><title>B</title></head><body><p>text</p></body></html>' }),
    makePage({ url: 'https://p.example/docs/c', depth: 1, html: '<html><body><div id="docsearch"></div></body></html>' }),
  ];

  it('counts pages, kinds, shares and examples', () => {
    const f = summarizeNavigation(pages, ['https://p.example/']);
    expect(f).toMatchObject({
      pagesChecked: 4, searchUi: true, searchUiPages: 2, searchUiShare: 0.5,
      searchKinds: ['docsearch', 'landmark', 'search-input'], searchKindPages: { landmark: 1, 'search-input': 1, docsearch: 1 },
      pagesWithoutSearch: ['https://p.example/docs/a', 'https://p.example/docs/a/b'],
      breadcrumbs: true, breadcrumbPages: 1, breadcrumbShare: 0.25, breadcrumbKinds: ['aria-label'], breadcrumbListPages: 0,
      openGraphPages: 2, openGraphShare: 0.5, ogImagePages: 1, ogImageShare: 0.25, twitterCardShare: 0.25, twitterCardTypes: { summary: 1 },
      pagesMissingOpenGraph: ['https://p.example/docs/a/b', 'https://p.example/docs/c'],
      ogImageNotAbsolute: ['https://p.example/'],
    });
    expect(f.pagesWithoutBreadcrumbs[0]).toBe('https://p.example/docs/a/b'); // deepest first
    expect(new Set(f.searchExamples.map((e) => e.kind))).toEqual(new Set(['landmark', 'search-input', 'docsearch']));
    expect(f.homePreview).toMatchObject({ url: 'https://p.example/', ogTitle: 'T', ogImage: '/og.png', twitterCard: 'summary' });
  });

  it('reports null shares and no home preview without pages', () => {
    expect(summarizeNavigation([])).toMatchObject({ pagesChecked: 0, searchUi: false, searchUiShare: null, breadcrumbShare: null, openGraphShare: null, homePreview: null });
  });

  it('bounds the lists', () => {
    const many = Array.from({ length: 30 }, (_, i) => makePage({ url: `https://p.example/p${i}`, html: '<html><body><p>x</p></body></html>' }));
    const f = summarizeNavigation(many);
    expect(f.pagesWithoutSearch).toHaveLength(LIST_LIMITS.missing);
    expect(f.pagesMissingOpenGraph).toHaveLength(LIST_LIMITS.missing);
    expect(f.searchUiPages).toBe(0);
  });
});
