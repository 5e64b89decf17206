// Discovery pointers in the crawled pages: <link rel="search" type="application/opensearchdescription+xml">
// (OpenSearch 1.1), <link rel="alternate"> feeds, and rel="api-catalog" (RFC 9727 §3) either as a
// <link> element or in the HTTP Link header (RFC 8288). No fetching; hrefs are absolute. Pure.
import type { Page } from '../../src/contract/index.js';
import { mediaType } from '../../src/fetch/decode.js';
import { parseLinkHeader } from '../../src/formats/link-header.js';
import { FEED_TYPES } from '../../src/formats/feeds.js';
import { OPENSEARCH_TYPE } from './opensearch.js';
import { httpUrl, relTokens } from '../../src/util/url.js';

export interface PageLink {
  href: string;
  /** The page that declares it. */
  page: string;
  type: string;
  title?: string;
  via: 'link-element' | 'link-header';
}

export interface PageLinks {
  apiCatalog: PageLink[];
  openSearch: PageLink[];
  feeds: PageLink[];
}

/** Pointers from all pages, first declaration of each URL kept, in page order. */
export function discoverPageLinks(pages: Page[]): PageLinks {
  const out: PageLinks = { apiCatalog: [], openSearch: [], feeds: [] };
  const add = (list: PageLink[], link: PageLink) => {
    if (!list.some((l) => l.href === link.href)) list.push(link);
  };
  for (const page of pages) {
    const base = page.finalUrl || page.url;
    for (const value of parseLinkHeader(page.headers.link ?? '')) {
      const rels = relTokens(value.params.rel ?? '');
      const href = httpUrl(value.target, base);
      if (href && rels.includes('api-catalog')) add(out.apiCatalog, { href, page: page.url, type: mediaType(value.params.type), via: 'link-header' });
    }
    for (const tag of page.linkTags) {
      const rels = relTokens(tag.rel);
      const href = httpUrl(tag.href, base);
      if (!href) continue;
      const type = mediaType(tag.type);
      const link: PageLink = { href, page: page.url, type, via: 'link-element' };
      if (tag.title) link.title = tag.title;
      if (rels.includes('api-catalog')) add(out.apiCatalog, link);
      if (rels.includes('search') && type === OPENSEARCH_TYPE) add(out.openSearch, link);
      if (rels.includes('alternate') && FEED_TYPES.has(type)) add(out.feeds, link);
    }
  }
  return out;
}
