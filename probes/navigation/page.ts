// One page's way-finding and preview signals, from the artifacts the crawl already parsed: the
// search UI and breadcrumbs its DOM walk saw (elements.ts), hosted-search scripts and stylesheets,
// schema.org BreadcrumbList in JSON-LD, and the Open Graph / Twitter card tags. Pure; no fetches.
//
// Open Graph: https://ogp.me/ (og:title, og:type, og:image and og:url are the required four;
// og:description is optional but is what link previews and many answer engines show as the snippet).
// Twitter/X cards: https://developer.x.com/en/docs/x-for-websites/cards/overview/markup (twitter:card).
import type { LinkPreview, LinkTag, MetaTag, NavigationSignal, PageArtifacts } from '../../src/contract/index.js';
import { extractJsonLd } from '../../src/formats/schema-org/json-ld.js';
import { treeTypes } from '../../src/formats/schema-org/summarize.js';
import { MAX_SIGNALS_PER_PAGE, type SearchKind } from './elements.js';

/** Scripts and stylesheets of hosted search services, by URL. */
const HOSTED_SEARCH: ReadonlyArray<readonly [SearchKind, RegExp]> = [
  ['docsearch', /^https?:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/@?docsearch[/@]|\/docsearch(?:\.min)?\.(?:js|css)(?:[?#]|$)/i],
  ['algolia', /^https?:\/\/[^/]*\.(?:algolia\.net|algolianet\.com|algolia\.io)(?:[:/]|$)|^https?:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/(?:algoliasearch|instantsearch\.js|@algolia\/)/i],
  ['coveo', /^https?:\/\/[^/]*\.coveo\.com(?:[:/]|$)|^https?:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/@coveo\//i],
  ['elastic', /^https?:\/\/[^/]*(?:swiftype\.com|swiftypecdn\.com)(?:[:/]|$)|^https?:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/@elastic\/(?:search-ui|react-search-ui|app-search)/i],
  ['google-cse', /^https?:\/\/(?:cse\.google\.com|www\.google\.com\/cse)(?:[:/?]|$)/i],
];
/** JSON-LD blocks that cannot name BreadcrumbList are not parsed at all. */
const MENTIONS_BREADCRUMB_LIST = /BreadcrumbList/i;
const MAX_URL_CHARS = 120;

export interface PageWayfinding {
  search: NavigationSignal[];
  breadcrumbs: NavigationSignal[];
  preview: LinkPreview;
}

/** The hosted search service a script or stylesheet URL belongs to, if any. */
export function hostedSearchKind(url: string): SearchKind | null {
  for (const [kind, re] of HOSTED_SEARCH) if (re.test(url)) return kind;
  return null;
}

const clipUrl = (url: string): string => (url.length > MAX_URL_CHARS ? `${url.slice(0, MAX_URL_CHARS)}…` : url);

/** Hosted-search scripts (`script[src]`) and stylesheets (`link[rel=stylesheet]`) of a page. */
export function hostedSearchSignals(scripts: readonly string[], linkTags: readonly LinkTag[]): NavigationSignal[] {
  const out: NavigationSignal[] = [];
  const seen = new Set<SearchKind>();
  const consider = (url: string, element: string) => {
    const kind = hostedSearchKind(url);
    if (kind && !seen.has(kind)) {
      seen.add(kind);
      out.push({ kind, element });
    }
  };
  for (const src of scripts) consider(src, `script[src="${clipUrl(src)}"]`);
  for (const link of linkTags) {
    if (/\b(?:stylesheet|preconnect|dns-prefetch|preload|modulepreload)\b/.test(link.rel)) consider(link.href, `link[rel="${link.rel}"][href="${clipUrl(link.href)}"]`);
  }
  return out;
}

/**
 * A schema.org BreadcrumbList in the page's JSON-LD (at any depth, inside @graph or nested), read
 * with the structured-data probe's bounded, lenient reader. Malformed blocks it cannot repair count
 * as no breadcrumb: search engines cannot read them either.
 */
export function jsonLdBreadcrumb(blocks: readonly string[]): NavigationSignal | null {
  for (let i = 0; i < blocks.length; i++) {
    if (!MENTIONS_BREADCRUMB_LIST.test(blocks[i])) continue;
    const { entities } = extractJsonLd([blocks[i]]);
    if (entities.some((e) => treeTypes(e).has('BreadcrumbList'))) {
      return { kind: 'json-ld', element: `script[type="application/ld+json"] (block ${i + 1}) BreadcrumbList` };
    }
  }
  return null;
}

/** The first non-empty value of a meta tag named `key` by property= or name= (sites use both). */
function metaValue(meta: readonly MetaTag[], key: string): string | null {
  for (const m of meta) {
    if ((m.property === key || m.name === key) && m.content.trim()) return m.content.trim();
  }
  return null;
}

export function linkPreview(meta: readonly MetaTag[]): LinkPreview {
  return {
    ogTitle: metaValue(meta, 'og:title'),
    ogDescription: metaValue(meta, 'og:description'),
    ogImage: metaValue(meta, 'og:image') ?? metaValue(meta, 'og:image:url') ?? metaValue(meta, 'og:image:secure_url'),
    ogType: metaValue(meta, 'og:type'),
    ogUrl: metaValue(meta, 'og:url'),
    twitterCard: metaValue(meta, 'twitter:card')?.toLowerCase() ?? null,
  };
}

/** Everything the navigation probe knows about one page. */
export function pageWayfinding(page: Pick<PageArtifacts, 'navigation' | 'scripts' | 'linkTags' | 'jsonLd' | 'meta'>): PageWayfinding {
  const search = [...(page.navigation?.search ?? [])];
  for (const signal of hostedSearchSignals(page.scripts.external, page.linkTags)) {
    if (search.length < MAX_SIGNALS_PER_PAGE && !search.some((s) => s.kind === signal.kind)) search.push(signal);
  }
  const breadcrumbs = [...(page.navigation?.breadcrumbs ?? [])];
  const ld = jsonLdBreadcrumb(page.jsonLd);
  if (ld) breadcrumbs.push(ld);
  return { search, breadcrumbs, preview: linkPreview(page.meta) };
}
