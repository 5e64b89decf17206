// Reads an API catalog (RFC 9727): a JSON linkset (RFC 9264, application/linkset+json) served at
// /.well-known/api-catalog. Each context object names an API (`anchor`) and links it to its
// description (`service-desc`, the machine-readable spec), its docs (`service-doc`), its
// metadata (`service-meta`) and, for catalogs that list APIs, `item` links (RFC 9727 §4.1). Pure.
import { isRecord } from './load.js';
import { absoluteUrl, isSpecFileUrl, isSpecMediaType } from './discover.js';

const TEXT = {
  notJson: (m: string) => `not JSON: ${m}`,
  noLinkset: 'no "linkset" array (RFC 9264 §4.2 application/linkset+json)',
} as const;

/** Relations whose targets are API descriptions or may be (RFC 8631, RFC 9727 §2). */
const SPEC_RELS = new Set(['service-desc', 'item']);

export interface CatalogLink {
  rel: string;
  href: string;
  type?: string;
  anchor?: string;
}

export interface ApiCatalog {
  /** Every target link of every context object (all relations). */
  links: CatalogLink[];
  /** Links that point to a spec: all `service-desc` links, plus `item` / `service-doc` links whose URL or type is a spec's. */
  specUrls: string[];
  /** Context objects (≈ APIs) in the linkset. */
  apiCount: number;
}

export type CatalogParse = { ok: true; catalog: ApiCatalog } | { ok: false; reason: string };

const MAX_LINKS = 2000;

/** Parses the text of an API catalog; relative hrefs resolve against the catalog URL. */
export function parseApiCatalog(text: string, baseUrl: string): CatalogParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, reason: TEXT.notJson(err instanceof Error ? err.message.split('\n', 1)[0] : String(err)) };
  }
  if (!isRecord(data) || !Array.isArray(data.linkset)) return { ok: false, reason: TEXT.noLinkset };
  const links: CatalogLink[] = [];
  let apiCount = 0;
  for (const context of data.linkset) {
    if (!isRecord(context)) continue;
    apiCount++;
    const anchor = typeof context.anchor === 'string' ? (absoluteUrl(context.anchor, baseUrl) ?? undefined) : undefined;
    for (const [rel, targets] of Object.entries(context)) {
      if (rel === 'anchor' || !Array.isArray(targets)) continue;
      for (const target of targets) {
        if (links.length >= MAX_LINKS) break;
        if (!isRecord(target) || typeof target.href !== 'string') continue;
        const href = absoluteUrl(target.href, baseUrl);
        if (!href) continue;
        const link: CatalogLink = { rel: rel.toLowerCase(), href };
        if (typeof target.type === 'string') link.type = target.type;
        if (anchor) link.anchor = anchor;
        links.push(link);
      }
    }
  }
  const specUrls = links
    .filter((l) => l.rel === 'service-desc' || ((SPEC_RELS.has(l.rel) || l.rel === 'service-doc') && (isSpecFileUrl(l.href) || isSpecMediaType(l.type))))
    .map((l) => l.href);
  return { ok: true, catalog: { links, specUrls: [...new Set(specUrls)], apiCount } };
}
