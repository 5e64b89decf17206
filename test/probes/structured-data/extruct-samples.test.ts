// scrapinghub/extruct's test samples (test/fixtures/structured-data/extruct, see SOURCES.md), paired
// as extruct's own tests pair them (EXPECTED.json): for each JSON-LD and microdata sample with an
// expected output, the set of types we extract equals the set in extruct's expected output, and
// the invalid JSON-LD samples (JS comments, HTML comments, control characters) are recovered — read
// like extruct reads them — and still counted as invalid (recovered) with their reason.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/crawl/parse-page.js';
import { extractPage } from '../../../probes/structured-data/extract-page.js';
import { treeTypes } from '../../../src/formats/schema-org/summarize.js';
import { normalizeName } from '../../../src/formats/schema-org/vocab.js';
import type { Syntax } from '../../../src/contract/index.js';

const DIR = new URL('../../fixtures/structured-data/extruct/samples/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, DIR), 'utf8');
const URL_ = 'http://example.com/page.html';

/** @type values anywhere in extruct's JSON-LD output (dicts as parsed). */
function jsonLdTypes(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) jsonLdTypes(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '@type') for (const t of Array.isArray(v) ? v : [v]) out.add(normalizeName(String(t)));
      else jsonLdTypes(v, out);
    }
  }
  return out;
}

/** `type` of every item in extruct's microdata output ({type, properties, id, value} items, nested). */
function microdataTypes(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) microdataTypes(v, out);
  else if (value && typeof value === 'object' && ('type' in value || 'properties' in value)) {
    const item = value as { type?: string | string[]; properties?: Record<string, unknown> };
    for (const t of item.type === undefined ? [] : Array.isArray(item.type) ? item.type : [item.type]) out.add(normalizeName(t));
    for (const v of Object.values(item.properties ?? {})) microdataTypes(v, out);
  }
  return out;
}

function extract(htmlPath: string) {
  const html = read(htmlPath);
  // JSON-LD blocks come from the crawl's own page parser, as in an audit.
  return extractPage({ url: URL_, html, jsonLd: parsePage(html, URL_).jsonLd });
}

function typesOf(result: ReturnType<typeof extract>, syntax: Syntax): string[] {
  const all = new Set<string>();
  for (const e of result.entities.filter((x) => x.syntax === syntax)) for (const t of treeTypes(e)) all.add(t);
  return [...all].sort();
}

const files = (dir: string, ext: string): string[] => readdirSync(new URL(dir, DIR)).filter((f) => f.endsWith(ext)).map((f) => `${dir}/${f}`);

// Rule 1 of EXPECTED.json: JsonLdExtractor, <page>.html → <page>.jsonld.
const JSON_LD_PAIRS = [
  ...['schema.org', 'songkick', 'custom.invalid', 'schema.org.invalid', 'misc'].flatMap((d) => files(d, '.jsonld')),
].map((jsonld) => [jsonld.replace(/\.jsonld$/, '.html'), jsonld] as const);

// Rule 2 (schema.org/<Type>.<NNN>.html → .json) and rule 3 (w3c strict mode), MicrodataExtractor.
const MICRODATA_PAIRS = [
  ...files('schema.org', '.json').filter((f) => !f.includes('_flat')),
  ...files('w3c', '.json'),
].map((json) => [json.replace(/\.json$/, '.html'), json] as const);

// Rule 8, extruct.extract (all syntaxes): the json-ld and microdata parts of the expected output.
const ALL_SYNTAX_PAIRS = ['songkick/elysianfields', 'songkick/elysianfields_1'].map((p) => [`${p}.html`, `${p}.json`] as const);

/** How each invalid sample is read: recovered, with the reason naming the repair (extruct parses them all). */
const INVALID_SAMPLES: Record<string, { repairs: RegExp; at: RegExp }> = {
  'custom.invalid/AllocateAction.001.html': { repairs: /JavaScript comments/, at: /line 2, column 3/ },
  'schema.org.invalid/AllocateAction.001.html': { repairs: /JavaScript comments/, at: /line 2, column 3/ },
  'custom.invalid/JoinAction.001.html': { repairs: /HTML comment markers/, at: /line 2, column 1/ },
  'schema.org.invalid/JoinAction.001.html': { repairs: /HTML comment markers/, at: /line 2, column 1/ },
  'custom.invalid/JSONLD_with_JS_comment.html': { repairs: /JavaScript comments, trailing commas/, at: /line 11, column/ },
  'custom.invalid/JSONLD_with_control_characters.html': { repairs: /control characters in strings/, at: /line 3, column/ },
  'custom.invalid/JSONLD_with_control_characters_comment.html': { repairs: /control characters in strings/, at: /line 3, column/ },
};

describe('extruct samples: JSON-LD', () => {
  it('pairs every sample the rules name', () => {
    expect(JSON_LD_PAIRS).toHaveLength(13);
    expect(MICRODATA_PAIRS).toHaveLength(21);
  });

  it.each(JSON_LD_PAIRS)('%s', (html, expected) => {
    const result = extract(html);
    expect(typesOf(result, 'json-ld')).toEqual([...jsonLdTypes(JSON.parse(read(expected)))].sort());
    const invalid = INVALID_SAMPLES[html];
    if (invalid) {
      expect(result.invalid).toHaveLength(1);
      expect(result.invalid[0].recovered).toBe(true);
      expect(result.invalid[0].reason).toMatch(invalid.repairs);
      expect(result.invalid[0].reason).toMatch(invalid.at);
    } else {
      expect(result.invalid).toEqual([]);
    }
  });

  it('every invalid sample is in the table', () => {
    for (const [html] of JSON_LD_PAIRS.filter(([h]) => h.includes('.invalid/'))) expect(INVALID_SAMPLES[html], html).toBeDefined();
  });
});

describe('extruct samples: microdata', () => {
  it.each(MICRODATA_PAIRS)('%s', (html, expected) => {
    expect(typesOf(extract(html), 'microdata')).toEqual([...microdataTypes(JSON.parse(read(expected)))].sort());
  });
});

describe('extruct samples: all syntaxes (json-ld and microdata parts)', () => {
  it.each(ALL_SYNTAX_PAIRS)('%s', (html, expected) => {
    const result = extract(html);
    const out = JSON.parse(read(expected)) as { 'json-ld': unknown; microdata: unknown };
    expect(typesOf(result, 'json-ld')).toEqual([...jsonLdTypes(out['json-ld'])].sort());
    expect(typesOf(result, 'microdata')).toEqual([...microdataTypes(out.microdata)].sort());
  });
});

describe('extruct samples: RDFa Lite (W3C RDFa Lite examples)', () => {
  // Not part of the brief's pairing, but the same upstream fixtures: the expanded JSON-LD that
  // extruct's RDFa extractor gives holds the @type IRIs our RDFa Lite reader must find.
  it.each(files('w3crdfa', '.expanded.json').map((f) => [f.replace(/\.expanded\.json$/, '.html'), f] as const))('%s', (html, expected) => {
    expect(typesOf(extract(html), 'rdfa')).toEqual([...jsonLdTypes(JSON.parse(read(expected)))].sort());
  });
});
