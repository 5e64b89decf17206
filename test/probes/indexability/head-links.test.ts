// The head reader (a parse of the head part only) must agree with a full jsdom parse about which
// <link>/<meta> elements are in the head, and read hrefs as written; plus the Link header parser.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractHead, headEnd, linkHeaderLinks, MAX_HEAD_CHARS } from '../../../probes/indexability/head-links.js';
import { parseLinkHeader } from '../../../src/formats/link-header.js';

const URL_ = 'https://docs.example.com/guide/start';

const SAMPLES: Record<string, string> = {
  plain: '<!doctype html><html><head><title>T</title><link rel="canonical" href="/guide/start"><meta name="robots" content="noindex"></head><body><link rel="canonical" href="/body"></body></html>',
  noHeadTags: '<title>T</title><link rel=canonical href=https://x.example/><p>text<link rel=alternate hreflang=de href=/de>',
  implicitClose: '<html><head><link rel="canonical" href="/a"><div>oops</div><link rel="canonical" href="/b"></head><body></body></html>',
  bodyInScript: '<html><head><script>document.write("<body>")</script><link rel="canonical" href="/after-script"></head><body></body></html>',
  bodyInComment: '<html><head><!-- <body> --><link rel="canonical" href="/after-comment"></head><body></body></html>',
  afterHeadClose: '<html><head><title>x</title></head><link rel="canonical" href="/between"><body><link rel="alternate" hreflang="fr" href="/fr"></body></html>',
  upperCase: '<HTML><HEAD><LINK REL="ALTERNATE" HREFLANG="ru-RU" HREF="https://ru.example.com"><META NAME="GoogleBot" CONTENT="noindex"></HEAD><BODY></BODY></HTML>',
  noscriptInHead: '<html><head><noscript><link rel="canonical" href="/ns"></noscript><link rel="canonical" href="/after"></head><body></body></html>',
  template: '<html><head><template><div><link rel="canonical" href="/tpl"></div></template><link rel="canonical" href="/real"></head><body></body></html>',
  textInHead: '<html><head><link rel="canonical" href="/one">stray text<link rel="canonical" href="/two"></head><body></body></html>',
  entities: '<html><head><link rel="canonical" href="/search?a=1&amp;b=2"></head><body></body></html>',
  nonAscii: '<html><head><title>İİİİ ẞ</title><link rel="canonical" href="/ü"></head><body></body></html>',
  base: '<html><head><base href="https://cdn.example.org/root/"><link rel="alternate" hreflang="de" href="de/page"></head><body></body></html>',
};

function fullParse(html: string) {
  const doc = new JSDOM(html, { url: URL_ }).window.document;
  const where = (el: Element) => (doc.head.contains(el) ? 'head' : 'body');
  return {
    links: Array.from(doc.querySelectorAll('link')).filter((el) => where(el) === 'head').map((el) => el.getAttribute('href') ?? ''),
    meta: Array.from(doc.querySelectorAll('meta[name]')).filter((el) => where(el) === 'head').map((el) => el.getAttribute('name')),
  };
}

describe('extractHead', () => {
  it.each(Object.entries(SAMPLES))('%s: the same head elements as a full parse', (_name, html) => {
    const ours = extractHead(html, URL_);
    const full = fullParse(html);
    expect(ours.links.filter((l) => l.source === 'head').map((l) => l.hrefRaw)).toEqual(full.links);
    expect(ours.meta.filter((m) => m.source === 'head').map((m) => m.name)).toEqual(full.meta);
    expect(ours.truncated).toBe(false);
  });

  it('reads rel tokens, raw and resolved hrefs, hreflang and a missing href', () => {
    const html = '<head><link rel="alTeRnate" hreflang="es"><link rel="Canonical  preload" href=" /x?y=1#frag "><link rel=alternate hreflang=de href="de/page"></head>';
    expect(extractHead(html, URL_).links).toEqual([
      { rel: ['alternate'], href: null, hrefRaw: '', hreflang: 'es', source: 'head' },
      { rel: ['canonical', 'preload'], href: 'https://docs.example.com/x?y=1#frag', hrefRaw: ' /x?y=1#frag ', hreflang: '', source: 'head' },
      { rel: ['alternate'], href: 'https://docs.example.com/guide/de/page', hrefRaw: 'de/page', hreflang: 'de', source: 'head' },
    ]);
  });

  it('resolves against <base href>', () => {
    expect(extractHead(SAMPLES.base, URL_).links[0].href).toBe('https://cdn.example.org/root/de/page');
  });

  it('decodes entities in attribute values', () => {
    expect(extractHead(SAMPLES.entities, URL_).links[0].hrefRaw).toBe('/search?a=1&b=2');
  });

  it('stops at the first element that cannot be in a head, and not inside scripts or comments', () => {
    const html = '<html><head><script>"<body>"</script><!-- <div> --><link rel=x href=/y></head><body><p>hi</p></body></html>';
    expect(html.slice(0, headEnd(html).end)).toBe('<html><head><script>"<body>"</script><!-- <div> --><link rel=x href=/y></head>');
  });

  it('cuts a hostile head at MAX_HEAD_CHARS and says so', () => {
    const html = `<html><head>${'<meta name="x" content="y">'.repeat(20_000)}<link rel="canonical" href="/late"></head><body></body></html>`;
    const started = performance.now();
    const head = extractHead(html, URL_);
    expect(head.truncated).toBe(true);
    expect(head.links).toEqual([]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('survives an unterminated comment, script or garbage', () => {
    for (const html of ['<head><!-- never closed <link rel=canonical href=/a>', '<head><script>var a = "<link rel=canonical href=/b>"', '\u0000\uFFFF<<<>>>', '']) {
      expect(() => extractHead(html, URL_)).not.toThrow();
    }
    expect(extractHead('<head><!-- never closed <link rel=canonical href=/a>', URL_).links).toEqual([]);
  });
});

describe('Link header (RFC 8288)', () => {
  it.each([
    ['<https://example.com/a>; rel="canonical"', [{ target: 'https://example.com/a', params: { rel: 'canonical' } }]],
    ['<http://example.com>;rel="alternate";hreflang="xx", <https://example.com>; rel="canonical"', [
      { target: 'http://example.com', params: { rel: 'alternate', hreflang: 'xx' } },
      { target: 'https://example.com', params: { rel: 'canonical' } },
    ]],
    ['</de>; rel=alternate; hreflang=de, </fr>; REL=alternate; hreflang=fr', [
      { target: '/de', params: { rel: 'alternate', hreflang: 'de' } },
      { target: '/fr', params: { rel: 'alternate', hreflang: 'fr' } },
    ]],
    ['<https://cdn.example.com/app.js>; rel=preload; as=script, <https://x.example/>; rel="canonical"; title="a, b; c"', [
      { target: 'https://cdn.example.com/app.js', params: { rel: 'preload', as: 'script' } },
      { target: 'https://x.example/', params: { rel: 'canonical', title: 'a, b; c' } },
    ]],
    ['<a>; rel="x"; rel="y"', [{ target: 'a', params: { rel: 'x' } }]],
    ['garbage, <ok>; rel=canonical', [{ target: 'ok', params: { rel: 'canonical' } }]],
    ['<never-closed; rel=canonical', []],
    ['', []],
  ])('%j', (value, expected) => {
    expect(parseLinkHeader(value)).toEqual(expected);
  });

  it('gives head-link shaped canonical and hreflang entries resolved against the page', () => {
    expect(linkHeaderLinks('</>; rel="canonical", <https://example.com/de>; rel="alternate"; hreflang="de"', 'https://example.com/de/')).toEqual([
      { rel: ['canonical'], href: 'https://example.com/', hrefRaw: '/', hreflang: '', source: 'headers' },
      { rel: ['alternate'], href: 'https://example.com/de', hrefRaw: 'https://example.com/de', hreflang: 'de', source: 'headers' },
    ]);
  });

  it('bounds hostile headers', () => {
    const links = parseLinkHeader('<a>; rel=x, '.repeat(100_000));
    expect(links.length).toBeLessThanOrEqual(200);
  });
});
