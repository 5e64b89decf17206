// The API catalog (RFC 9727): a Linkset (RFC 9264 §4.2, application/linkset+json) at
// /.well-known/api-catalog or wherever a Link: <…>; rel="api-catalog" points. Each link context
// object has an optional `anchor` and, per relation type, an ARRAY of target objects with `href`
// (RFC 9264 §4.2.2–4.2.3). API entries use service-desc / service-doc / service-meta / status
// (RFC 8631) or list APIs as `item` bookmarks; `api-catalog` links nest catalogs (RFC 9727 §4.3).
// One parser for the format: a structural check with every problem named (the agent-discovery probe
// reports on the catalog) and every target link in order (the openapi probe takes spec URLs from
// them). Pure.
import { absoluteHttpUrl, isAbsoluteUri, parseJsonObject, str } from './json.js';
import { isRecord } from '../util/is-record.js';

/** RFC 9727 §7.3 registers this profile URI; the Content-Type SHOULD carry it (§4.2). */
export const API_CATALOG_PROFILE = 'https://www.rfc-editor.org/info/rfc9727';
export const LINKSET_TYPE = 'application/linkset+json';

const TEXT = {
  noLinkset: 'no "linkset" array (RFC 9264 §4.2.1)',
  contextNotObject: (i: number) => `linkset[${i}] is not a link context object (RFC 9264 §4.2.2)`,
  anchorNotString: (i: number) => `linkset[${i}].anchor is not a string`,
  noAnchor: (i: number) => `linkset[${i}] has no "anchor"; RFC 9264 §4 recommends an explicit link context`,
  relativeAnchor: (i: number, a: string) => `linkset[${i}].anchor "${a}" is relative; RFC 9264 §4 recommends absolute URIs`,
  notArray: (i: number, rel: string) => `linkset[${i}]["${rel}"] must be an array of target objects (RFC 9264 §4.2.2)`,
  badTarget: (i: number, rel: string, j: number) => `linkset[${i}]["${rel}"][${j}] is not a target object with a string "href" (RFC 9264 §4.2.3)`,
  relativeHref: (i: number, rel: string, href: string) => `linkset[${i}]["${rel}"] href "${href}" is relative; RFC 9264 §4 recommends absolute URIs`,
  empty: 'the catalog lists no links; RFC 9727 §4.1 requires links to the APIs',
  capped: (n: number) => `only the first ${n} links were read`,
} as const;

const MAX_LINKS = 2000;
const MAX_ENTRIES_KEPT = 50;
/** Problems listed one by one; hostile files could otherwise produce thousands. */
const MAX_ISSUES = 20;

export function capIssues(list: string[], max = MAX_ISSUES): string[] {
  return list.length <= max ? list : [...list.slice(0, max), `… and ${list.length - max} more`];
}

export interface CatalogTarget {
  rel: string;
  href: string;
  type?: string;
}

export interface CatalogEntry {
  /** The context (absolute when resolvable), null when the object has none. */
  anchor: string | null;
  serviceDesc: CatalogTarget[];
  serviceDoc: CatalogTarget[];
  serviceMeta: CatalogTarget[];
  status: CatalogTarget[];
  items: CatalogTarget[];
  catalogs: CatalogTarget[];
  /** Any other relation. */
  other: CatalogTarget[];
}

export interface ApiCatalogParse {
  /** Parsed as JSON with a linkset array. */
  parsed: boolean;
  /** Parsed, no structural errors, at least one link. */
  valid: boolean;
  linkCount: number;
  /** APIs listed: `item` links plus context objects that describe an API with other relations. */
  apiCount: number;
  /** Nested catalogs (rel api-catalog). */
  nestedCatalogs: string[];
  /** The first MAX_ENTRIES_KEPT context objects. */
  entries: CatalogEntry[];
  /** Every target link of every context object, in document order (at most MAX_LINKS). */
  targets: CatalogTarget[];
  errors: string[];
  warnings: string[];
}

const REL_FIELD: Record<string, keyof Omit<CatalogEntry, 'anchor'>> = {
  'service-desc': 'serviceDesc',
  'service-doc': 'serviceDoc',
  'service-meta': 'serviceMeta',
  status: 'status',
  item: 'items',
  'api-catalog': 'catalogs',
};

/** Parses and checks an API catalog's text; relative URIs resolve against `baseUrl`. */
export function parseApiCatalog(text: string, baseUrl: string): ApiCatalogParse {
  const result: ApiCatalogParse = { parsed: false, valid: false, linkCount: 0, apiCount: 0, nestedCatalogs: [], entries: [], targets: [], errors: [], warnings: [] };
  const json = parseJsonObject(text);
  if (!json.ok) {
    result.errors.push(json.reason);
    return result;
  }
  const linkset = json.data.linkset;
  if (!Array.isArray(linkset)) {
    result.errors.push(TEXT.noLinkset);
    return result;
  }
  result.parsed = true;
  linkset.forEach((context, i) => {
    if (result.linkCount >= MAX_LINKS) return;
    if (!isRecord(context)) {
      result.errors.push(TEXT.contextNotObject(i));
      return;
    }
    const entry: CatalogEntry = { anchor: null, serviceDesc: [], serviceDoc: [], serviceMeta: [], status: [], items: [], catalogs: [], other: [] };
    if (context.anchor === undefined) result.warnings.push(TEXT.noAnchor(i));
    else if (typeof context.anchor !== 'string') result.errors.push(TEXT.anchorNotString(i));
    else {
      if (!isAbsoluteUri(context.anchor)) result.warnings.push(TEXT.relativeAnchor(i, context.anchor));
      entry.anchor = absoluteHttpUrl(context.anchor, baseUrl) ?? context.anchor;
    }
    for (const [name, targets] of Object.entries(context)) {
      if (name === 'anchor') continue;
      const rel = name.toLowerCase();
      if (!Array.isArray(targets)) {
        result.errors.push(TEXT.notArray(i, name));
        continue;
      }
      targets.forEach((target, j) => {
        if (result.linkCount >= MAX_LINKS) return;
        const href = isRecord(target) ? str(target.href) : null;
        if (!isRecord(target) || href === null) {
          result.errors.push(TEXT.badTarget(i, name, j));
          return;
        }
        if (!isAbsoluteUri(href)) result.warnings.push(TEXT.relativeHref(i, name, href));
        const link: CatalogTarget = { rel, href: absoluteHttpUrl(href, baseUrl) ?? href };
        const type = str(target.type);
        if (type) link.type = type;
        entry[REL_FIELD[rel] ?? 'other'].push(link);
        result.targets.push(link);
        result.linkCount++;
      });
    }
    const describesApi = entry.serviceDesc.length + entry.serviceDoc.length + entry.serviceMeta.length + entry.status.length + entry.other.length > 0;
    result.apiCount += entry.items.length + (describesApi ? 1 : 0);
    result.nestedCatalogs.push(...entry.catalogs.map((c) => c.href));
    if (result.entries.length < MAX_ENTRIES_KEPT) result.entries.push(entry);
  });
  if (result.linkCount >= MAX_LINKS) result.warnings.push(TEXT.capped(MAX_LINKS));
  if (result.linkCount === 0) result.errors.push(TEXT.empty);
  result.valid = result.errors.length === 0;
  result.errors = capIssues(result.errors);
  result.warnings = capIssues(result.warnings);
  return result;
}

/** Whether a Content-Type is the Linkset JSON type, and whether it names the RFC 9727 profile. */
export function catalogContentType(contentType: string | undefined): { linkset: boolean; profile: boolean } {
  const value = contentType ?? '';
  const linkset = value.split(';', 1)[0].trim().toLowerCase() === LINKSET_TYPE;
  const profile = /;\s*profile\s*=\s*"?([^";]*)/i.exec(value)?.[1]?.split(/\s+/).includes(API_CATALOG_PROFILE) ?? false;
  return { linkset, profile };
}
