// One page → its structured data in every syntax. JSON-LD comes from the blocks the crawl already
// pulled out; microdata and RDFa need the DOM, so the page's raw HTML is parsed again with jsdom
// (scripts never run, nothing is loaded) — but only when a cheap string test says the page can hold
// them. Most pages carry neither and skip the second parse.
import { JSDOM, VirtualConsole } from 'jsdom';
import { nestingDepth } from '../../src/util/nesting-depth.js';
import { extractJsonLd, type JsonLdLimits } from '../../src/formats/schema-org/json-ld.js';
import { extractMicrodata } from './microdata.js';
import { extractRdfa } from './rdfa.js';
import type { PageStructuredData } from '../../src/formats/schema-org/types.js';

export interface PageInput {
  url: string;
  /** Raw HTML ('' when the crawl kept none). */
  html: string;
  /** Raw JSON-LD blocks (Page.jsonLd). */
  jsonLd: readonly string[];
}

export interface ExtractOptions {
  jsonLd?: Partial<JsonLdLimits>;
}

// Microdata needs `itemscope` on every item; RDFa Lite needs `typeof` to type anything and `vocab`
// to resolve bare terms. Attribute names are case-insensitive in HTML.
const MICRODATA_HINT = /\bitemscope\b/i;
const RDFA_HINT = /\b(?:typeof|vocab)\s*=/i;

// jsdom builds deeply nested trees in time that grows sharply with depth (5,000 levels take seconds)
// and overflows the stack closing them; the crawl flattens such pages before parsing (parse-page.ts,
// same bound). Flattening would break the item structure, so past this depth we do not read
// microdata/RDFa at all and say so.
const MAX_NESTING = 400;

const TEXT = {
  tooDeep: (depth: number) => `markup nested ${depth} levels deep; microdata and RDFa on this page were not read`,
} as const;

const quietConsole = new VirtualConsole();

/** Which DOM-based syntaxes the page may hold (a string test, no parse). */
export function domHints(html: string): { microdata: boolean; rdfa: boolean } {
  return { microdata: MICRODATA_HINT.test(html), rdfa: RDFA_HINT.test(html) };
}

/** Extracts a page's JSON-LD, microdata and RDFa Lite. Never throws for page content. */
export function extractPage(page: PageInput, options: ExtractOptions = {}): PageStructuredData {
  const ld = extractJsonLd(page.jsonLd, options.jsonLd);
  const result: PageStructuredData = {
    url: page.url,
    entities: [...ld.entities],
    invalid: [...ld.invalid],
    warnings: [...ld.warnings],
    jsonLdBlocks: page.jsonLd.length,
    domParsed: false,
  };
  const hints = domHints(page.html);
  if (!hints.microdata && !hints.rdfa) return result;
  const depth = nestingDepth(page.html);
  if (depth > MAX_NESTING) {
    result.warnings.push({ syntax: hints.microdata ? 'microdata' : 'rdfa', kind: 'too-deep', detail: TEXT.tooDeep(depth) });
    return result;
  }

  let dom: JSDOM;
  try {
    dom = new JSDOM(page.html, { url: page.url, virtualConsole: quietConsole });
  } catch {
    // jsdom refuses only a URL it cannot use; parse without one (relative values stay relative).
    dom = new JSDOM(page.html, { virtualConsole: quietConsole });
  }
  try {
    const doc = dom.window.document;
    result.domParsed = true;
    for (const run of [hints.microdata && extractMicrodata, hints.rdfa && extractRdfa]) {
      if (!run) continue;
      const { entities, warnings } = run(doc, page.url);
      result.entities.push(...entities);
      result.warnings.push(...warnings);
    }
  } finally {
    try {
      dom.window.close();
    } catch {
      // jsdom detaches nodes recursively: a DOM thousands of levels deep overflows the stack here.
      // The extraction is done; the window is left to the garbage collector.
    }
  }
  return result;
}
