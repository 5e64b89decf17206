// Sitemap parser: the sitemap.js fixtures (test/fixtures/sitemaps, expectations from EXPECTED.json)
// plus handmade hostile and edge cases (entity bombs, 50,001 URLs, gzip bomb, text sitemaps).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_SITEMAP_BYTES, gunzipCapped } from '../../src/sitemap/gzip.js';
import { decodeXmlText, parseSitemap, parseSitemapBody } from '../../src/sitemap/parse.js';
import { isW3cDatetime, w3cDatetimeToMs } from '../../src/sitemap/w3c-datetime.js';

const FIXTURES = new URL('../fixtures/sitemaps/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const json = (name: string) => JSON.parse(read(name)) as Record<string, unknown>;
const SITE = 'https://roosterteeth.com/sitemap.xml';

const normalizedUrls = (json('sampleconfig.normalized.json').urls as { url: string; lastmod?: string }[]);
const normalizedIndex = (json('sampleconfig-index.normalized.json').sitemaps as { url: string; lastmod?: string }[]);
const expected = json('EXPECTED.json') as { cases: { file: string; expectedParse?: string; expectedWarnings?: unknown; expected?: string }[] };

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('sitemap.js fixtures (EXPECTED.json)', () => {
  const urlsetCases = expected.cases.filter((c) => c.expectedParse === 'sampleconfig.normalized.json#/urls');
  const indexCases = expected.cases.filter((c) => c.expectedParse === 'sampleconfig-index.normalized.json#/sitemaps');
  const rejectCases = expected.cases.filter((c) => /rejects/.test(c.expected ?? ''));

  it('has the cases this test relies on', () => {
    expect(urlsetCases.map((c) => c.file).sort()).toEqual(['alltags.cdata.xml', 'alltags.xml', 'bad-tag-sitemap.xml']);
    expect(indexCases.map((c) => c.file).sort()).toEqual(['alltags-index.cdata.xml', 'alltags-index.xml', 'bad-tag-index.xml']);
    expect(rejectCases.map((c) => c.file).sort()).toEqual(['index-unescaped-lt.xml', 'unescaped-lt.xml']);
  });

  it.each(urlsetCases.map((c) => [c.file, c.expectedWarnings !== undefined] as const))('%s parses to the normalized URLs', (file, warns) => {
    const result = parseSitemap(SITE, read(file));
    expect(result.kind).toBe('urlset');
    expect(result.errors).toEqual([]);
    expect(new Set(result.urls.map((u) => u.loc))).toEqual(new Set(normalizedUrls.map((u) => u.url)));
    expect(result.urls).toHaveLength(normalizedUrls.length);
    // lastmod agrees where sitemap.js has one (it normalises dates to ISO; the fixture already is).
    for (const u of normalizedUrls) {
      const mine = result.urls.find((x) => x.loc === u.url);
      expect(mine?.lastmod).toBe(u.lastmod);
    }
    const unknown = result.warnings.filter((w) => w.code === 'unknown-tag');
    if (warns) expect(unknown.map((w) => w.message)).toEqual(['Unhandled tag <foo>.']);
    else expect(unknown).toEqual([]);
  });

  it.each(indexCases.map((c) => [c.file, c.expectedWarnings !== undefined || c.file.includes('cdata')] as const))(
    '%s parses to the normalized sitemaps',
    (file, warns) => {
      const result = parseSitemap('https://www.example.com/sitemap-index.xml', read(file));
      expect(result.kind).toBe('index');
      expect(result.errors).toEqual([]);
      expect(result.sitemaps).toEqual(normalizedIndex.map((s) => ({ loc: s.url, lastmod: s.lastmod })));
      // alltags-index.cdata.xml also carries a <foo> element (with CDATA), so it warns like bad-tag-index.
      expect(result.warnings.some((w) => w.code === 'unknown-tag' && w.message.includes('<foo>'))).toBe(warns);
    },
  );

  it.each(rejectCases.map((c) => [c.file]))('%s gives a malformed-XML error, no throw and no entries', (file) => {
    const result = parseSitemap(SITE, read(file));
    expect(result.kind).toBe('invalid');
    expect(codes(result.errors)).toEqual(['malformed-xml']);
    expect(result.errors[0].message).toMatch(/line \d+, column \d+/);
    expect(result.urls).toEqual([]);
    expect(result.sitemaps).toEqual([]);
  });

  it.each([['cli-urls.json.xml'], ['cli-urls.json.bad.xml'], ['video.xml']])('%s (extra sample) parses as a urlset without errors', (file) => {
    const result = parseSitemap('https://roosterteeth.com/sitemap.xml', read(file));
    expect(result.kind).toBe('urlset');
    expect(result.errors).toEqual([]);
    expect(result.urls.length).toBeGreaterThan(0);
  });
});

const urlset = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>`;

describe('hostile input', () => {
  const bombs: [string, string][] = [
    ['billion laughs', `<?xml version="1.0"?>
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
]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/&lol9;</loc></url></urlset>`],
    // Quadratic blow-up: one large entity referenced many times.
    ['quadratic blow-up', `<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "${'x'.repeat(50_000)}">]>\n`
      + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/${'&a;'.repeat(50_000)}</loc></url></urlset>`],
  ];

  it.each(bombs)('%s: returns quickly, expands nothing, flags the DOCTYPE', (_name, xml) => {
    const started = performance.now();
    const result = parseSitemap('https://a.example/sitemap.xml', xml);
    // Generous (the machine may be busy); an expanded bomb would take gigabytes and minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(codes(result.errors)).toContain('doctype');
    const locs = result.urls.map((u) => u.loc);
    expect(locs).toHaveLength(1);
    expect(locs[0]).not.toContain('lollol');
    expect(locs[0]).not.toContain('xxxx');
    expect(locs[0].length).toBeLessThan(xml.length);
  });

  it('keeps the first 50,000 of 50,001 URLs and flags the rest', { timeout: 90_000 }, () => {
    const body = Array.from({ length: 50_001 }, (_, i) => `<url><loc>https://a.example/p/${i}</loc></url>`).join('');
    const result = parseSitemap('https://a.example/sitemap.xml', urlset(body));
    expect(result.urls).toHaveLength(50_000);
    expect(result.urls[49_999].loc).toBe('https://a.example/p/49999');
    expect(codes(result.errors)).toEqual(['too-many-urls']);
    expect(result.errors[0].message).toContain('50,001');
  });

  it('flags a body over 50 MB uncompressed', { timeout: 90_000 }, async () => {
    const filler = `<url><loc>https://a.example/${'p'.repeat(1000)}</loc></url>`;
    const body = Buffer.from(urlset(filler.repeat(Math.ceil((MAX_SITEMAP_BYTES + 1) / filler.length))));
    expect(body.length).toBeGreaterThan(MAX_SITEMAP_BYTES);
    const result = await parseSitemapBody('https://a.example/sitemap.xml', body, 'application/xml');
    expect(codes(result.errors)).toContain('too-large');
  });

  it('cuts a gzip bomb at 50 MB instead of inflating it', { timeout: 90_000 }, async () => {
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20)); // 80 MB of spaces, ~80 KB gzipped
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const inflated = await gunzipCapped(bomb);
    expect(inflated.truncated).toBe(true);
    expect(inflated.data.length).toBe(MAX_SITEMAP_BYTES);
    const result = await parseSitemapBody('https://a.example/sitemap.xml.gz', bomb, 'application/gzip');
    expect(result.gzipped).toBe(true);
    expect(result.kind).toBe('invalid');
    expect(codes(result.errors)).toContain('too-large');
  });

  it('reads a gzipped sitemap and reports a corrupt one', async () => {
    const xml = urlset('<url><loc>https://a.example/x</loc></url>');
    const ok = await parseSitemapBody('https://a.example/sitemap.xml.gz', gzipSync(xml), 'application/x-gzip');
    expect(ok).toMatchObject({ kind: 'urlset', gzipped: true, errors: [] });
    expect(ok.urls.map((u) => u.loc)).toEqual(['https://a.example/x']);
    const corrupt = Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from('not really gzip')]);
    const bad = await parseSitemapBody('https://a.example/sitemap.xml.gz', corrupt);
    expect(bad.kind).toBe('invalid');
    expect(codes(bad.errors)).toContain('gzip-invalid');
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><html><body>Not found</body></html>', 'html'],
    ['an HTML page after an XML declaration', '<?xml version="1.0"?>\n<html><body>x</body></html>', 'html'],
    ['JSON', '{"error":"not found"}', 'not-xml'],
    ['nothing', '   \n', 'empty'],
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><item><link>https://a.example/</link></item></channel></rss>', 'wrong-root'],
    ['unclosed tags', '<urlset><url><loc>https://a.example/</loc></url>', 'malformed-xml'],
    ['a deeply nested document', `<urlset>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</urlset>`, 'malformed-xml'],
    // Many short comments: exponential for a /(?:<!--.*?-->)*/ prolog regex.
    ['many comments before garbage', `${'<!---->'.repeat(10_000)}x`, 'malformed-xml'],
    ['many comments before an HTML page', `${'<!---->'.repeat(10_000)}<html><body></body></html>`, 'html'],
  ])('%s is invalid with %s', (_name, content, code) => {
    const result = parseSitemap('https://a.example/sitemap.xml', content);
    expect(result.kind).toBe('invalid');
    expect(codes(result.errors)).toContain(code);
  });
});

describe('entries', () => {
  it('accepts a plain-text sitemap (one URL per line) and flags lines that are not URLs', () => {
    const result = parseSitemap('https://a.example/sitemap.txt', '\uFEFFhttps://a.example/\r\nhttps://a.example/docs\n\nnot a url\nhttps://b.example/x\n');
    expect(result).toMatchObject({ kind: 'urlset', format: 'text' });
    expect(result.urls.map((u) => u.loc)).toEqual(['https://a.example/', 'https://a.example/docs', 'https://b.example/x']);
    expect(codes(result.errors)).toEqual(['text-not-url']);
    expect(codes(result.warnings)).toEqual(['loc-other-host']);
  });

  it('reports invalid lastmod once, counted, and keeps the URLs', () => {
    const body = ['2024-13-01', '2024-02-30', 'yesterday', '2024-01-01T10:00', '2024-01-01']
      .map((d, i) => `<url><loc>https://a.example/${i}</loc><lastmod>${d}</lastmod></url>`).join('');
    const result = parseSitemap('https://a.example/sitemap.xml', urlset(body));
    expect(result.urls).toHaveLength(5);
    expect(result.urls.filter((u) => u.lastmod).map((u) => u.lastmod)).toEqual(['2024-01-01']);
    expect(result.errors).toEqual([{ code: 'invalid-lastmod', count: 4, message: expect.stringContaining('4 entries') }]);
  });

  it('warns about relative and cross-host locations, bad changefreq and priority, missing namespace', () => {
    const xml = '<urlset><url><loc>/relative</loc></url><url><loc>https://other.example/</loc><changefreq>sometimes</changefreq><priority>1.5</priority></url><url><lastmod>2024-01-01</lastmod></url></urlset>';
    const result = parseSitemap('https://a.example/sitemap.xml', xml);
    expect(result.kind).toBe('urlset');
    expect(codes(result.errors)).toEqual(['missing-loc']);
    expect(codes(result.warnings).sort()).toEqual(['invalid-changefreq', 'invalid-priority', 'loc-not-absolute', 'loc-other-host', 'wrong-namespace']);
  });

  it('reads a prefixed sitemap namespace and tolerates extension tags', () => {
    const xml = '<sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
      + '<sm:url><sm:loc>https://a.example/</sm:loc><sm:priority>0.5</sm:priority><image:image><image:loc>https://a.example/i.png</image:loc></image:image></sm:url></sm:urlset>';
    const result = parseSitemap('https://a.example/sitemap.xml', xml);
    expect(result).toMatchObject({ kind: 'urlset', errors: [], warnings: [] });
    expect(result.urls).toEqual([{ loc: 'https://a.example/', priority: 0.5 }]);
  });

  it('decodes predefined entities and character references but nothing else', () => {
    expect(decodeXmlText('a&amp;b&lt;&gt;&quot;&apos;&#65;&#x42;&lol;&amp;amp;')).toBe('a&b<>"\'AB&lol;&amp;');
  });
});

describe('W3C datetime', () => {
  it.each([
    ['1997', true], ['1997-07', true], ['1997-07-16', true], ['1997-07-16T19:20+01:00', true],
    ['1997-07-16T19:20:30+01:00', true], ['1997-07-16T19:20:30.45Z', true], ['2004-10-01T18:23:17+00:00', true],
    ['1997-07-16T19:20:30', false], ['1997-7-16', false], ['1997-02-29', false], ['2000-02-29', true],
    ['1997-07-16T25:00Z', false], ['16/07/1997', false], ['', false],
  ])('%s → %s', (value, ok) => {
    expect(isW3cDatetime(value)).toBe(ok);
  });

  it('converts partial dates to their first instant', () => {
    expect(w3cDatetimeToMs('2005')).toBe(Date.UTC(2005, 0, 1));
    expect(w3cDatetimeToMs('2005-03')).toBe(Date.UTC(2005, 2, 1));
    expect(w3cDatetimeToMs('2004-10-01T18:23:17+00:00')).toBe(Date.UTC(2004, 9, 1, 18, 23, 17));
    expect(w3cDatetimeToMs('nope')).toBeUndefined();
  });
});
