// Discovery pointers in crawled pages: rel="api-catalog" (Link header and <link>), OpenSearch and feeds.
import { describe, expect, it } from 'vitest';
import { discoverPageLinks } from '../../../probes/agent-discovery/page-links.js';
import { makePage } from '../../helpers/probe-context.js';

const O = 'https://acme.test';

describe('discoverPageLinks', () => {
  it('collects each pointer once, absolute, with the page that declares it', () => {
    const home = makePage({
      url: `${O}/`,
      headers: { link: '</.well-known/api-catalog>; rel="api-catalog", </style.css>; rel=preload; as=style' },
      html: `<html><head>
        <link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" title="Acme docs">
        <link rel="alternate" type="application/rss+xml" href="/changelog.rss" title="Changelog">
        <link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://acme.test/blog.atom">
        <link rel="alternate" type="text/markdown" href="/index.md">
        <link rel="alternate" hreflang="de" href="/de/">
        <link rel="search" href="/search">
      </head><body></body></html>`,
    });
    const docs = makePage({
      url: `${O}/docs/`,
      html: `<html><head>
        <link rel="api-catalog" href="/catalog.json">
        <link rel="alternate" type="application/rss+xml" href="/changelog.rss">
        <link rel="alternate" type="application/feed+json" href="feed.json">
      </head><body></body></html>`,
    });
    const links = discoverPageLinks([home, docs]);
    expect(links.apiCatalog).toEqual([
      { href: `${O}/.well-known/api-catalog`, page: `${O}/`, type: '', via: 'link-header' },
      { href: `${O}/catalog.json`, page: `${O}/docs/`, type: '', via: 'link-element' },
    ]);
    expect(links.openSearch).toEqual([{ href: `${O}/opensearch.xml`, page: `${O}/`, type: 'application/opensearchdescription+xml', title: 'Acme docs', via: 'link-element' }]);
    expect(links.feeds.map((f) => [f.href, f.type, f.page])).toEqual([
      [`${O}/changelog.rss`, 'application/rss+xml', `${O}/`],
      [`${O}/blog.atom`, 'application/atom+xml', `${O}/`],
      [`${O}/docs/feed.json`, 'application/feed+json', `${O}/docs/`],
    ]);
  });

  it('finds nothing on a bare page', () => {
    expect(discoverPageLinks([makePage({ url: `${O}/`, html: '<html><body>x</body></html>' })])).toEqual({ apiCatalog: [], openSearch: [], feeds: [] });
  });
});
