// Site-wide facts from the pages' structured data: which schema.org types appear where, which
// business types are present, the organisation / WebAPI / FAQ read-outs, invalid blocks, and a
// bounded per-page listing for the report. Pure: the probe passes in extracted pages.
import { countFaqQuestions, findOrganization, findWebApi, type PageEntities } from './business.js';
import { schemaTypes, summarizeItem, treeTypes } from '../../src/formats/schema-org/summarize.js';
import type { BlockWarning, PageStructuredData } from '../../src/formats/schema-org/types.js';
import { BUSINESS_TYPES, anyIsA, isSchemaName } from '../../src/formats/schema-org/vocab.js';
import type { BusinessType, InvalidEntry, PageListing, StructuredDataFacts, Syntax } from '../../src/contract/index.js';

/** Bounds on what the facts list (counts stay exact). */
export const LIST_LIMITS = {
  urlsPerType: 50,
  invalid: 100,
  pages: 100,
  itemsPerPage: 20,
  otherTypes: 50,
} as const;

export interface CheckedPage {
  data: PageStructuredData;
  isHome: boolean;
}

const SYNTAX_KEY: Record<Syntax, 'jsonLd' | 'microdata' | 'rdfa'> = { 'json-ld': 'jsonLd', microdata: 'microdata', rdfa: 'rdfa' };

const isContextWarning = (w: BlockWarning): boolean => w.kind === 'context-missing' || w.kind === 'context-not-schema-org';

export function summarizeSite(pages: readonly CheckedPage[]): StructuredDataFacts {
  const byType = new Map<string, string[]>();
  const allTypes = new Set<string>();
  const invalid: InvalidEntry[] = [];
  const listings: PageListing[] = [];
  const syntaxes = { jsonLd: 0, microdata: 0, rdfa: 0 };
  let invalidBlocks = 0;
  let recoveredBlocks = 0;
  let withData = 0;
  let jsonLdBlocks = 0;
  let contextWarnings = 0;
  let homeTypes: string[] | null = null;

  for (const { data, isHome } of pages) {
    jsonLdBlocks += data.jsonLdBlocks;
    const pageTypes = new Set<string>();
    for (const entity of data.entities) for (const t of treeTypes(entity)) pageTypes.add(t);
    for (const t of pageTypes) {
      allTypes.add(t);
      if (!isSchemaName(t)) continue;
      const urls = byType.get(t) ?? [];
      urls.push(data.url);
      byType.set(t, urls);
    }
    // A page "has structured data" when some item on it is typed; an untyped object says nothing.
    if (pageTypes.size > 0) withData++;
    for (const syntax of new Set(data.entities.map((e) => e.syntax))) syntaxes[SYNTAX_KEY[syntax]]++;
    if (isHome && homeTypes === null) homeTypes = schemaTypes(pageTypes);

    for (const block of data.invalid) {
      invalidBlocks++;
      if (block.recovered) recoveredBlocks++;
      if (invalid.length < LIST_LIMITS.invalid) invalid.push({ url: data.url, ...block });
    }
    contextWarnings += data.warnings.filter(isContextWarning).length;

    if ((data.entities.length > 0 || data.invalid.length > 0 || data.warnings.length > 0) && listings.length < LIST_LIMITS.pages) {
      listings.push({
        url: data.url,
        items: data.entities.slice(0, LIST_LIMITS.itemsPerPage).map(summarizeItem),
        moreItems: Math.max(0, data.entities.length - LIST_LIMITS.itemsPerPage),
        invalid: data.invalid.map(({ syntax, block, reason, recovered }) => ({ syntax, block, reason, recovered })),
        warnings: data.warnings.map((w) => (w.block === undefined ? w.detail : `JSON-LD block ${w.block + 1}: ${w.detail}`)),
      });
    }
  }

  const types = schemaTypes(allTypes);
  const entityPages: PageEntities[] = pages.map(({ data, isHome }) => ({ url: data.url, isHome, entities: data.entities }));
  const sortedTypes = [...byType.keys()].sort();
  return {
    types,
    invalidBlocks,
    recoveredBlocks,
    pagesChecked: pages.length,
    pagesWithStructuredData: withData,
    jsonLdBlocks,
    syntaxes,
    // Object.fromEntries defines own properties, so no type name can reach a prototype.
    byType: Object.fromEntries(sortedTypes.map((t) => [t, (byType.get(t) ?? []).slice(0, LIST_LIMITS.urlsPerType)])),
    typePageCounts: Object.fromEntries(sortedTypes.map((t) => [t, byType.get(t)?.length ?? 0])),
    otherTypes: [...allTypes].filter((t) => !isSchemaName(t)).sort().slice(0, LIST_LIMITS.otherTypes),
    invalid,
    contextWarnings,
    businessTypes: Object.fromEntries(BUSINESS_TYPES.map((b) => [b, anyIsA(types, b)])) as Record<BusinessType, boolean>,
    organization: findOrganization(entityPages),
    webApi: findWebApi(entityPages),
    faqQuestions: countFaqQuestions(entityPages),
    homeTypes,
    pages: listings,
  };
}
