import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parsePage, resolveHref } from '../../src/crawl/parse-page.js';
import { nestingDepth } from '../../src/util/nesting-depth.js';

const FIXTURES = new URL('../fixtures/readability-pages/', import.meta.url);

describe('parsePage on real pages (mozilla/readability test pages)', () => {
  it.each(['ietf-1', 'google-sre-book-1', 'mozilla-1'])('%s: main text holds readability\'s expected content', (name) => {
    const source = readFileSync(new URL(`${name}.html`, FIXTURES), 'utf8');
    const expectedHtml = readFileSync(new URL(`${name}.expected.html`, FIXTURES), 'utf8');
    const expectedText = new JSDOM(expectedHtml).window.document.body.textContent!.replace(/\s+/g, ' ').trim();
    const page = parsePage(source, 'http://fakehost/test/page.html');
    // Readability's expected extraction, sampled at three places, must be in our main text.
    for (const at of [0.1, 0.5, 0.9]) {
      const start = Math.floor(expectedText.length * at);
      const sample = expectedText.slice(start, start + 60).trim();
      expect(page.mainText).toContain(sample);
    }
    expect(page.sections.length).toBeGreaterThan(0);
    expect(page.anchors.every((a) => /^https?:\/\//.test(a.href) && !a.href.includes('#'))).toBe(true);
  });
});

describe('parsePage artifacts', () => {
  const html = `<!doctype html><html lang="en"><head>
    <title> Pricing  | Acme </title>
    <meta name="description" content="Plans and prices">
    <meta name="robots" content="noindex">
    <meta property="og:title" content="Acme">
    <link rel="canonical" href="/pricing">
    <link rel="alternate" type="text/markdown" href="/pricing.md">
    <script type="application/ld+json">{"@type":"Organization","name":"Acme"}</script>
    <script>window.x = 1;</script>
    <script src="/app.js"></script>
    <style>.x{}</style>
  </head><body>
    <nav><a href="/docs#intro">Docs</a> <a href="mailto:a@b.c">Mail</a> <a href="javascript:void(0)">JS</a></nav>
    <main>
      <h1>Plans</h1><p>Starter costs €49 per month.</p>
      <h2>Enterprise</h2><p>Contact sales for volume pricing.</p>
      <div hidden>secret hidden text</div>
      <p aria-hidden="true">aria hidden text</p>
      <p style="display: none">inline hidden text</p>
      <template><p>template text</p></template>
      <!-- comment text -->
      <form action="/login" method="post"><label>Email <input type="email"></label><input type="password"><button>Sign in</button></form>
    </main>
    <noscript>Please enable JavaScript</noscript>
  </body></html>`;
  const page = parsePage(html, 'https://portal.example/pricing');

  it('reads head metadata', () => {
    expect(page.title).toBe('Pricing | Acme');
    expect(page.lang).toBe('en');
    expect(page.meta).toEqual(expect.arrayContaining([
      { name: 'description', content: 'Plans and prices' },
      { name: 'robots', content: 'noindex' },
      { property: 'og:title', content: 'Acme' },
    ]));
    expect(page.linkTags).toEqual(expect.arrayContaining([
      { rel: 'canonical', href: 'https://portal.example/pricing' },
      { rel: 'alternate', href: 'https://portal.example/pricing.md', type: 'text/markdown' },
    ]));
    expect(page.jsonLd).toEqual(['{"@type":"Organization","name":"Acme"}']);
    expect(page.scripts.count).toBe(3);
    expect(page.scripts.external).toEqual(['https://portal.example/app.js']);
    expect(page.noscriptText).toBe('Please enable JavaScript');
  });

  it('keeps only crawlable anchors, absolute and without fragments', () => {
    expect(page.anchors).toEqual([{ href: 'https://portal.example/docs', text: 'Docs' }]);
  });

  it('excludes hidden content, templates and comments from visible text', () => {
    expect(page.visibleText).toContain('Starter costs €49 per month.');
    for (const hidden of ['secret hidden text', 'aria hidden text', 'inline hidden text', 'template text', 'comment text', 'window.x']) {
      expect(page.visibleText).not.toContain(hidden);
      expect(page.mainText).not.toContain(hidden);
    }
  });

  it('keeps words of adjacent blocks apart', () => {
    const p = parsePage('<html><body><h2>Partner programme</h2><p>Register to view</p><ul><li>one</li><li>two</li></ul>a<br>b</body></html>', 'https://p.example/');
    expect(p.visibleText).toBe('Partner programme Register to view one two a b');
  });

  it('splits main content by headings and summarises forms', () => {
    expect(page.headings).toEqual([{ level: 1, text: 'Plans' }, { level: 2, text: 'Enterprise' }]);
    expect(page.sections.map((s) => s.heading)).toContain('Enterprise');
    expect(page.forms).toEqual([{ action: '/login', method: 'post', hasPassword: true, inputTypes: ['email', 'password'], text: 'Email Sign in' }]);
  });

  it('survives malformed and empty HTML', () => {
    expect(() => parsePage('<html><body><div><p>unclosed <b>tags <a href="/x">x', 'https://p.example/')).not.toThrow();
    expect(parsePage('', 'https://p.example/').visibleText).toBe('');
    // 5,000 nested divs: jsdom alone would take seconds and readability would overflow the stack.
    const deep = '<div>'.repeat(5000) + '<a href="/in">deep text</a>' + '</div>'.repeat(5000);
    const page = parsePage(`<html><body>${deep}</body></html>`, 'https://p.example/');
    expect(page.visibleText).toContain('deep text');
    expect(page.anchors).toEqual([{ href: 'https://p.example/in', text: 'deep text' }]);
    expect(page.parseNote).toMatch(/nested 5003 levels/);
    expect(nestingDepth('<div><p>a<br>b</p><img src=x><div/></div>')).toBe(2);
  });
});

describe('resolveHref', () => {
  it.each([
    ['/a#b', 'https://p.example/a'],
    ['b', 'https://p.example/x/b'],
    ['#top', null],
    ['mailto:x@y.z', null],
    ['javascript:alert(1)', null],
    ['ftp://p.example/f', null],
    ['http://[bad', null],
    ['', null],
  ])('%s → %s', (href, expected) => {
    expect(resolveHref(href, 'https://p.example/x/')).toBe(expected);
  });
});
