// OpenSearch description documents (OpenSearch 1.1, draft 6): a page advertises site search with
// <link rel="search" type="application/opensearchdescription+xml" href="…">; the document has a
// required <ShortName> (at most 16 characters) and <Description>, and one or more <Url type="…"
// template="…{searchTerms}…">. Agents and browsers use the template to search the site. Pure.
import { asArray, asRecord, attrOf, parseXml, textOf } from '../../src/formats/xml.js';

export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';

const TEXT = {
  notOpenSearch: 'the root element is not <OpenSearchDescription>',
  noShortName: 'no <ShortName> (required)',
  longShortName: (n: number) => `<ShortName> is ${n} characters; the specification allows 16`,
  noDescription: 'no <Description> (required)',
  noUrl: 'no <Url> with a template containing {searchTerms}',
} as const;

export interface OpenSearchUrl {
  type: string;
  template: string;
}

export interface OpenSearchParse {
  parsed: boolean;
  /** ShortName present and a Url template with {searchTerms}. */
  valid: boolean;
  shortName: string | null;
  description: string | null;
  urls: OpenSearchUrl[];
  /** The template for HTML results (else the first usable one). */
  searchTemplate: string | null;
  errors: string[];
  warnings: string[];
  /** Line of a well-formedness error. */
  line?: number;
}

export function parseOpenSearch(text: string): OpenSearchParse {
  const result: OpenSearchParse = { parsed: false, valid: false, shortName: null, description: null, urls: [], searchTemplate: null, errors: [], warnings: [] };
  const xml = parseXml(text);
  if (!xml.ok) {
    result.errors.push(xml.reason);
    if (xml.line !== undefined) result.line = xml.line;
    return result;
  }
  const root = asRecord(xml.doc.OpenSearchDescription);
  if (!root) {
    result.errors.push(TEXT.notOpenSearch);
    return result;
  }
  result.parsed = true;
  result.shortName = textOf(root.ShortName) || null;
  result.description = textOf(root.Description) || null;
  result.urls = asArray(root.Url).map((u) => ({ type: attrOf(u, 'type'), template: attrOf(u, 'template') })).filter((u) => u.template !== '').slice(0, 20);
  const usable = result.urls.filter((u) => u.template.includes('{searchTerms}'));
  result.searchTemplate = (usable.find((u) => u.type.toLowerCase().startsWith('text/html')) ?? usable[0])?.template ?? null;
  if (!result.shortName) result.errors.push(TEXT.noShortName);
  else if ([...result.shortName].length > 16) result.warnings.push(TEXT.longShortName([...result.shortName].length));
  if (!result.description) result.warnings.push(TEXT.noDescription);
  if (!result.searchTemplate) result.errors.push(TEXT.noUrl);
  result.valid = result.errors.length === 0;
  return result;
}
