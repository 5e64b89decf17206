// API catalogs (RFC 9727 over RFC 9264 linksets): the RFC's own Appendix A examples, its §5.1
// example (whose string-valued "api-catalog" member RFC 9264 §4.2.2 does not allow), and broken input.
import { describe, expect, it } from 'vitest';
import { API_CATALOG_PROFILE, catalogContentType, parseApiCatalog } from '../../src/formats/api-catalog.js';

const BASE = 'https://www.example.com/.well-known/api-catalog';

// RFC 9727 Appendix A.1 "Using Linkset with RFC 8615 Relations".
const RFC_RELATIONS = JSON.stringify({
  linkset: [
    {
      anchor: 'https://developer.example.com/apis/foo_api',
      'service-desc': [{ href: 'https://developer.example.com/apis/foo_api/spec', type: 'application/yaml' }],
      status: [{ href: 'https://developer.example.com/apis/foo_api/status', type: 'application/json' }],
      'service-doc': [{ href: 'https://developer.example.com/apis/foo_api/doc', type: 'text/html' }],
      'service-meta': [{ href: 'https://developer.example.com/apis/foo_api/policies', type: 'text/xml' }],
    },
    {
      anchor: 'https://developer.example.com/apis/bar_api',
      'service-desc': [{ href: 'https://developer.example.com/apis/bar_api/spec', type: 'application/yaml' }],
      status: [{ href: 'https://developer.example.com/apis/bar_api/status', type: 'application/json' }],
      'service-doc': [{ href: 'https://developer.example.com/apis/bar_api/doc', type: 'text/plain' }],
    },
    {
      anchor: 'https://apis.example.net/apis/cantona_api',
      'service-desc': [{ href: 'https://apis.example.net/apis/cantona_api/spec', type: 'text/n3' }],
      'service-doc': [{ href: 'https://apis.example.net/apis/cantona_api/doc', type: 'text/html' }],
    },
  ],
});

// RFC 9727 Appendix A.2 "Using Linkset with Bookmarks".
const RFC_BOOKMARKS = `{ "linkset":
 [
   { "anchor": "https://www.example.com/.well-known/api-catalog",
     "item": [
       {"href": "https://developer.example.com/apis/foo_api"},
       {"href": "https://developer.example.com/apis/bar_api"},
       {"href": "https://developer.example.com/apis/cantona_api"}
     ]
   }
 ]
}`;

// RFC 9727 Appendix A.4 "Nesting API Catalog Links".
const RFC_NESTING = JSON.stringify({
  linkset: [{
    anchor: 'https://www.example.com/.well-known/api-catalog',
    'api-catalog': [
      { href: 'https://apis.example.com/iot/api-catalog' },
      { href: 'https://ecommerce.example.com/api-catalog' },
      { href: 'https://developer.example.com/gaming/api-catalog' },
    ],
  }],
});

// RFC 9727 §5.1: "api-catalog" given as a string, not an array of target objects.
const RFC_MULTI_DOMAIN = JSON.stringify({
  linkset: [{
    anchor: 'https://www.example.com/.well-known/api-catalog',
    item: [{ href: 'https://developer.example.com/apis/foo_api' }, { href: 'https://developer.example.com/apis/bar_api' }, { href: 'https://developer.example.com/apis/cantona_api' }],
    'api-catalog': 'https://www.example.net/.well-known/api-catalog',
  }],
});

describe('parseApiCatalog: RFC 9727 examples', () => {
  it('A.1 relations: 3 APIs, 9 links, service-desc per API', () => {
    const r = parseApiCatalog(RFC_RELATIONS, BASE);
    expect(r).toMatchObject({ parsed: true, valid: true, linkCount: 9, apiCount: 3, nestedCatalogs: [], errors: [], warnings: [] });
    expect(r.entries.map((e) => e.anchor)).toEqual([
      'https://developer.example.com/apis/foo_api', 'https://developer.example.com/apis/bar_api', 'https://apis.example.net/apis/cantona_api',
    ]);
    expect(r.entries[0].serviceDesc).toEqual([{ rel: 'service-desc', href: 'https://developer.example.com/apis/foo_api/spec', type: 'application/yaml' }]);
    expect(r.entries[0].serviceMeta).toHaveLength(1);
    expect(r.entries[0].status).toHaveLength(1);
  });

  it('A.2 bookmarks: one context, 3 item links = 3 APIs', () => {
    expect(parseApiCatalog(RFC_BOOKMARKS, BASE)).toMatchObject({ valid: true, linkCount: 3, apiCount: 3 });
  });

  it('A.4 nesting: 3 nested catalogs, no APIs of its own', () => {
    const r = parseApiCatalog(RFC_NESTING, BASE);
    expect(r).toMatchObject({ valid: true, linkCount: 3, apiCount: 0 });
    expect(r.nestedCatalogs).toEqual([
      'https://apis.example.com/iot/api-catalog', 'https://ecommerce.example.com/api-catalog', 'https://developer.example.com/gaming/api-catalog',
    ]);
  });

  it('§5.1 example: a string-valued relation is reported (RFC 9264 §4.2.2 wants an array)', () => {
    const r = parseApiCatalog(RFC_MULTI_DOMAIN, BASE);
    expect(r.valid).toBe(false);
    expect(r.apiCount).toBe(3);
    expect(r.errors).toEqual(['linkset[0]["api-catalog"] must be an array of target objects (RFC 9264 §4.2.2)']);
  });
});

describe('parseApiCatalog: problems', () => {
  it.each<[string, string, Partial<ReturnType<typeof parseApiCatalog>>, string[]]>([
    ['not JSON', '{"linkset": [', { parsed: false, valid: false }, ['not JSON']],
    ['an array', '[]', { parsed: false }, ['not a JSON object']],
    ['no linkset', '{"apis": []}', { parsed: false }, ['no "linkset" array']],
    ['empty linkset', '{"linkset": []}', { parsed: true, valid: false }, ['lists no links']],
    ['context not an object', '{"linkset": [1, {"anchor": "https://a.test/", "item": [{"href": "https://a.test/x"}]}]}', { valid: false, linkCount: 1 }, ['linkset[0] is not a link context object']],
    ['target without href', '{"linkset": [{"anchor": "https://a.test/", "item": [{"title": "x"}]}]}', { valid: false }, ['linkset[0]["item"][0] is not a target object']],
    ['anchor not a string', '{"linkset": [{"anchor": 5, "item": [{"href": "https://a.test/x"}]}]}', { valid: false }, ['anchor is not a string']],
  ])('%s', (_name, text, expected, errorParts) => {
    const r = parseApiCatalog(text, BASE);
    expect(r).toMatchObject(expected);
    for (const [i, part] of errorParts.entries()) expect(r.errors[i]).toContain(part);
  });

  it('resolves relative references but warns (RFC 9264 §4 recommends absolute ones), and warns on a missing anchor', () => {
    const r = parseApiCatalog('{"linkset": [{"anchor": "/apis/foo", "service-desc": [{"href": "foo.yaml"}]}, {"item": [{"href": "https://a.test/x"}]}]}', BASE);
    expect(r.valid).toBe(true);
    expect(r.entries[0].anchor).toBe('https://www.example.com/apis/foo');
    expect(r.entries[0].serviceDesc[0].href).toBe('https://www.example.com/.well-known/foo.yaml');
    expect(r.warnings).toEqual([
      'linkset[0].anchor "/apis/foo" is relative; RFC 9264 §4 recommends absolute URIs',
      'linkset[0]["service-desc"] href "foo.yaml" is relative; RFC 9264 §4 recommends absolute URIs',
      'linkset[1] has no "anchor"; RFC 9264 §4 recommends an explicit link context',
    ]);
  });

  it('caps hostile input: 100,000 bad targets give a bounded error list, quickly', () => {
    const text = JSON.stringify({ linkset: [{ anchor: 'https://a.test/', item: Array.from({ length: 100_000 }, () => ({})) }] });
    const started = performance.now();
    const r = parseApiCatalog(text, BASE);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.valid).toBe(false);
    expect(r.errors).toHaveLength(21);
    expect(r.errors[20]).toMatch(/^… and \d+ more$/);
  });

  it('refuses a file over 1 MiB', () => {
    const r = parseApiCatalog(`{"linkset": [], "pad": "${'x'.repeat(1024 * 1024)}"}`, BASE);
    expect(r.parsed).toBe(false);
    expect(r.errors[0]).toContain('larger than');
  });
});

describe('catalogContentType', () => {
  it.each([
    [`application/linkset+json; profile="${API_CATALOG_PROFILE}"`, { linkset: true, profile: true }],
    ['application/linkset+json', { linkset: true, profile: false }],
    [`Application/Linkset+JSON;profile="https://example.com/other ${API_CATALOG_PROFILE}"`, { linkset: true, profile: true }],
    ['application/json', { linkset: false, profile: false }],
    [undefined, { linkset: false, profile: false }],
  ])('%s', (type, expected) => {
    expect(catalogContentType(type)).toEqual(expected);
  });
});
