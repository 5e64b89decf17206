// OpenSearch descriptions and feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed): valid documents, an entity
// bomb that must not expand, malformed XML as a result with a line number, never a throw.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/formats/feeds.js';
import { parseOpenSearch } from '../../../probes/agent-discovery/opensearch.js';

const BOMB_DTD = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>`;

// The example of the OpenSearch 1.1 specification (draft 6), trimmed to its required parts.
const OPENSEARCH = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>Web Search</ShortName>
  <Description>Use Example.com to search the Web.</Description>
  <Tags>example web</Tags>
  <Url type="application/rss+xml" template="http://example.com/?q={searchTerms}&amp;pw={startPage?}&amp;format=rss"/>
  <Url type="text/html" template="https://example.com/search?q={searchTerms}"/>
</OpenSearchDescription>`;

describe('parseOpenSearch', () => {
  it('reads ShortName, Description and prefers the text/html template', () => {
    const r = parseOpenSearch(OPENSEARCH);
    expect(r).toMatchObject({ parsed: true, valid: true, shortName: 'Web Search', description: 'Use Example.com to search the Web.', searchTemplate: 'https://example.com/search?q={searchTerms}', errors: [], warnings: [] });
    expect(r.urls[0].template).toBe('http://example.com/?q={searchTerms}&pw={startPage?}&format=rss');
  });

  it.each<[string, string, object, string]>([
    ['no ShortName', '<OpenSearchDescription><Description>d</Description><Url type="text/html" template="https://x/?q={searchTerms}"/></OpenSearchDescription>', { parsed: true, valid: false }, 'no <ShortName>'],
    ['no searchTerms', '<OpenSearchDescription><ShortName>X</ShortName><Description>d</Description><Url type="text/html" template="https://x/"/></OpenSearchDescription>', { valid: false, searchTemplate: null }, 'no <Url>'],
    ['wrong root', '<html><body>Search</body></html>', { parsed: false }, 'not <OpenSearchDescription>'],
    ['malformed', '<OpenSearchDescription><ShortName>X</Description></OpenSearchDescription>', { parsed: false, line: 1 }, 'malformed XML'],
    ['not XML', 'Search here', { parsed: false }, 'not XML'],
  ])('%s', (_name, text, expected, error) => {
    const r = parseOpenSearch(text);
    expect(r).toMatchObject(expected);
    expect(r.errors.join(' | ')).toContain(error);
  });

  it('warns on a ShortName over 16 characters', () => {
    const r = parseOpenSearch('<OpenSearchDescription><ShortName>A very long search name</ShortName><Description>d</Description><Url type="text/html" template="https://x/?q={searchTerms}"/></OpenSearchDescription>');
    expect(r.valid).toBe(true);
    expect(r.warnings).toEqual(['<ShortName> is 23 characters; the specification allows 16']);
  });

  it('does not expand an entity bomb (the reference stays literal text)', () => {
    const started = performance.now();
    const r = parseOpenSearch(`${BOMB_DTD}<OpenSearchDescription><ShortName>&lol9;</ShortName><Description>&lol9;&lol9;</Description><Url type="text/html" template="https://x/?q={searchTerms}"/></OpenSearchDescription>`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.shortName).toBe('&lol9;');
    expect(r.description).toBe('&lol9;&lol9;');
  });
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
  <title>Acme changelog</title><link>https://acme.test/changelog</link><description>Changes</description>
  <atom:link href="https://acme.test/changelog.rss" rel="self" type="application/rss+xml"/>
  <item><title>v2.1 &amp; more</title><pubDate>Tue, 03 Feb 2026 10:00:00 GMT</pubDate></item>
  <item><title>v2.0</title><pubDate>Mon, 12 Jan 2026 09:30:00 +0100</pubDate></item>
  <item><title>undated</title></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Feed</title>
  <link href="http://example.org/"/>
  <updated>2003-12-13T18:30:02Z</updated>
  <author><name>John Doe</name></author>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <entry>
    <title>Atom-Powered Robots Run Amok</title>
    <link href="http://example.org/2003/12/13/atom03"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2003-12-13T18:30:02Z</updated>
    <summary>Some text.</summary>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://acme.test/"><title>Acme</title></channel>
  <item rdf:about="https://acme.test/a"><title>A</title><dc:date>2025-05-01T00:00:00Z</dc:date></item>
  <item rdf:about="https://acme.test/b"><title>B</title><dc:date>2025-06-01T00:00:00Z</dc:date></item>
</rdf:RDF>`;

describe('parseFeed', () => {
  it.each<[string, string, string, object]>([
    // The Atom example is RFC 4287 §1.1's.
    ['RSS 2.0', RSS, 'application/rss+xml', { ok: true, format: 'rss', title: 'Acme changelog', entries: 3, newest: '2026-02-03T10:00:00.000Z', undated: 1 }],
    ['Atom (RFC 4287 §1.1 example)', ATOM, 'application/atom+xml', { ok: true, format: 'atom', title: 'Example Feed', entries: 1, newest: '2003-12-13T18:30:02.000Z', undated: 0 }],
    ['RSS 1.0', RDF, 'application/rdf+xml', { ok: true, format: 'rdf', title: 'Acme', entries: 2, newest: '2025-06-01T00:00:00.000Z' }],
    ['JSON Feed 1.1', JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', date_published: '2026-01-01T00:00:00Z' }, { id: '2' }] }), 'application/feed+json',
      { ok: true, format: 'json', title: 'J', entries: 2, newest: '2026-01-01T00:00:00.000Z', undated: 1 }],
    ['empty RSS channel', '<rss version="2.0"><channel><title>E</title></channel></rss>', 'application/rss+xml', { ok: true, entries: 0, newest: null }],
  ])('%s', (_name, text, type, expected) => {
    expect(parseFeed(text, type)).toMatchObject(expected);
  });

  it.each<[string, string, string, object]>([
    ['malformed XML, with its line', '<rss version="2.0">\n<channel>\n<item><title>x</channel></rss>', 'application/rss+xml', { ok: false, line: 3 }],
    ['an HTML page', '<!doctype html><html><body>feed</body></html>', 'text/html', { ok: false }],
    ['another XML document', '<urlset><url><loc>https://a.test/</loc></url></urlset>', 'application/xml', { ok: false, reason: expect.stringContaining('root element is <urlset>') }],
    ['JSON that is no JSON Feed', '{"items": []}', 'application/json', { ok: false, reason: expect.stringContaining('not a JSON Feed') }],
    ['truncated JSON', '{"version": "https://jsonfeed.org/version/1", "items": [', 'application/feed+json', { ok: false, reason: expect.stringContaining('not JSON') }],
    ['RSS without channel', '<rss version="2.0"></rss>', 'application/rss+xml', { ok: false, reason: 'RSS without a <channel>' }],
  ])('%s → a result, not a throw', (_name, text, type, expected) => {
    expect(parseFeed(text, type)).toMatchObject(expected);
  });

  it('does not expand an entity bomb in a feed', () => {
    const started = performance.now();
    const r = parseFeed(`${BOMB_DTD}<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>`, 'application/rss+xml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({ ok: true, title: '&lol9;', entries: 1 });
  });

  it('counts a large feed quickly', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `<item><title>${i}</title><pubDate>${new Date(Date.UTC(2020, 0, 1) + i * 3600_000).toUTCString()}</pubDate></item>`).join('');
    const started = performance.now();
    const r = parseFeed(`<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`, 'application/rss+xml');
    expect(performance.now() - started).toBeLessThan(10_000);
    // Dates are read for the first 10,000 entries; the rest count as entries only.
    expect(r).toMatchObject({ ok: true, entries: 20_000, newest: new Date(Date.UTC(2020, 0, 1) + 9_999 * 3600_000).toISOString() });
  });
});
