// Raw-versus-rendered comparison and the no-browser app-shell heuristics. Real static pages (mozilla/
// readability's test pages, test/fixtures/rendering/readability) must never be called JS-only;
// handmade shells in the style of Create React App, Vue CLI, Next.js, Angular, Vite and Nuxt must.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compareRender, countWords, detectAppShell, findEmptyAppRoot, frameworkMarkers, isJsOnly, JS_ONLY_SHARE,
  MIN_RENDERED_WORDS, renderedOnlyLinks,
} from '../../src/browser/render-compare.js';
import { makePage } from '../helpers/probe-context.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/rendering');
// Real static pages live in the shared test/fixtures/readability-pages/ (also used by other tests).
const READABILITY_PAGES = [
  '003-metadata-preferred.html', 'ars-1.html', 'dev418.html', 'gitlab-blog.html', 'keep-tabular-data.html', 'medium-1.html',
  'mozilla-2.html', 'schema-org-context-object.html', 'simplyfound-1.html', 'topicseed-1.html', 'v8-blog.html', 'wordpress.html',
];
const dirOf = (dir: string) => (dir === 'readability' ? path.join(FIXTURES, '../readability-pages') : path.join(FIXTURES, dir));
const read = (dir: string, name: string) => readFileSync(path.join(dirOf(dir), name), 'utf8');
const htmlFiles = (dir: string) => (dir === 'readability' ? READABILITY_PAGES : readdirSync(dirOf(dir)).filter((f) => f.endsWith('.html')).sort());
const pageOf = (html: string, url = 'http://fakehost/test/page.html') => makePage({ url, html });

describe('real static pages are not JS-only', () => {
  const files = [...htmlFiles('readability').map((f) => ['readability', f]), ...htmlFiles('static-handmade').map((f) => ['static-handmade', f])];
  it('has the fixtures', () => expect(files.length).toBe(14));

  it.each(files)('%s/%s', (dir, file) => {
    const page = pageOf(read(dir, file));
    const verdict = detectAppShell(page);
    expect(verdict.likelyShell).toBe(false);
    // Rendering a static page shows roughly the words its HTML already has: never JS-only.
    const cmp = compareRender(page, { text: page.visibleText, links: page.anchors.map((a) => a.href) });
    expect(cmp.jsOnly).toBe(false);
    expect(cmp.ratio).toBe(1);
    expect(cmp.renderedOnlyLinks).toEqual([]);
  });

  it('keeps the signals it saw as evidence even when the verdict is "not a shell"', () => {
    // keep-tabular-data has a <noscript> asking for JavaScript, but 2,500 words of real content.
    const tabular = detectAppShell(pageOf(read('readability', 'keep-tabular-data.html')));
    expect(tabular.signals.map((s) => s.id)).toContain('noscript-enable-js');
    expect(tabular.rawWords).toBeGreaterThan(2000);
    // A server-rendered Next.js page carries the framework's markers without being a shell.
    const ssr = detectAppShell(pageOf(read('static-handmade', 'next-ssr.html')));
    expect(ssr.signals.map((s) => s.id)).toContain('framework:next');
    expect(ssr.emptyRoot).toBeNull();
    // A docs page with an empty search-widget mount point is still a docs page.
    const widget = detectAppShell(pageOf(read('static-handmade', 'docs-with-widget.html')));
    expect(widget.emptyRoot).toBe('<div id="app"></div>');
    expect(widget.likelyShell).toBe(false);
  });
});

describe('handmade app shells are JS-only', () => {
  const table: Array<{ file: string; root: string | null; signals: string[] }> = [
    { file: 'create-react-app.html', root: '<div id="root"></div>', signals: ['empty-app-root', 'noscript-enable-js'] },
    { file: 'vue-cli.html', root: '<div id="app"></div>', signals: ['empty-app-root', 'noscript-enable-js'] },
    { file: 'next-client-only.html', root: '<div id="__next"></div>', signals: ['empty-app-root', 'low-text-to-script', 'framework:next'] },
    { file: 'angular.html', root: '<app-root></app-root>', signals: ['empty-app-root', 'low-text-to-script', 'framework:angular'] },
    { file: 'vite-react-loading.html', root: '<div id="root">…</div>', signals: ['empty-app-root', 'low-text-to-script', 'framework:vite'] },
    { file: 'nuxt-spa.html', root: '<div id="__nuxt">…</div>', signals: ['empty-app-root', 'low-text-to-script', 'framework:nuxt'] },
    { file: 'bundle-only.html', root: null, signals: ['low-text-to-script'] },
    { file: 'header-footer-shell.html', root: '<div id="app"></div>', signals: ['empty-app-root'] },
  ];
  it('covers every shell fixture', () => expect(table.map((t) => t.file).sort()).toEqual(htmlFiles('shells')));

  it.each(table)('$file', ({ file, root, signals }) => {
    const verdict = detectAppShell(pageOf(read('shells', file)));
    expect(verdict.likelyShell).toBe(true);
    expect(verdict.emptyRoot).toBe(root);
    expect(verdict.signals.map((s) => s.id)).toEqual(expect.arrayContaining(signals));
    expect(verdict.rawWords).toBeLessThan(30);
  });

  it('says which element is the empty root and what the noscript asks', () => {
    const verdict = detectAppShell(pageOf(read('shells', 'create-react-app.html')));
    expect(verdict.signals).toEqual(expect.arrayContaining([
      { id: 'empty-app-root', evidence: '<div id="root"></div>' },
      { id: 'noscript-enable-js', evidence: '<noscript>You need to enable JavaScript to run this app.</noscript>' },
    ]));
  });
});

describe('isJsOnly: raw < 20 % of rendered words, rendered ≥ 50 words', () => {
  it('uses the documented constants', () => {
    expect(MIN_RENDERED_WORDS).toBe(50);
    expect(JS_ONLY_SHARE).toBe(0.2);
  });
  it.each([
    [0, 50, true],
    [9, 50, true],
    [10, 50, false],
    [0, 49, false],
    [19, 100, true],
    [20, 100, false],
    [300, 320, false],
    [5, 0, false],
    [0, 0, false],
  ])('raw %i, rendered %i → %s', (raw, rendered, expected) => expect(isJsOnly(raw, rendered)).toBe(expected));
});

describe('compareRender', () => {
  it('measures an app shell against its rendered text', () => {
    const page = pageOf(read('shells', 'create-react-app.html'), 'https://acme.test/app');
    const renderedText = `Acme Console\n${'Manage your API keys, webhooks and team members here. '.repeat(10)}`;
    const cmp = compareRender(page, { text: renderedText, links: ['https://acme.test/docs/guide', 'https://acme.test/pricing'] });
    expect(cmp.rawWords).toBe(0);
    expect(cmp.renderedWords).toBe(92);
    expect(cmp.ratio).toBe(0);
    expect(cmp.jsOnly).toBe(true);
    expect(cmp.emptyRoot).toBe('<div id="root"></div>');
    expect(cmp.renderedOnlyLinks).toEqual(['https://acme.test/docs/guide', 'https://acme.test/pricing']);
  });

  it('ratio is null when the rendered page has no words', () => {
    const cmp = compareRender(pageOf('<html><body><p>Hello there</p></body></html>'), { text: '', links: [] });
    expect(cmp).toMatchObject({ rawWords: 2, renderedWords: 0, ratio: null, jsOnly: false });
  });

  it('renderedOnlyLinks keeps rendered order, drops duplicates and links the HTML already has', () => {
    const anchors = [{ href: 'https://a.test/x', text: 'x' }, { href: 'https://a.test/y', text: 'y' }];
    expect(renderedOnlyLinks(anchors, ['https://a.test/z', 'https://a.test/x', 'https://a.test/w', 'https://a.test/z'])).toEqual(['https://a.test/z', 'https://a.test/w']);
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['Hello, world!', 2],
    ['  API   keys — test & live… ', 4],
    ['v1.2 costs $0.05 per 1,000 requests', 6],
    ['--- *** !!!', 0],
    ['日本語のテキストです。', 4],
    ['Ich möchte die Preise sehen', 5],
  ])('%j → %i', (text, n) => expect(countWords(text)).toBe(n));
});

describe('findEmptyAppRoot', () => {
  it.each([
    ['<div id="root"></div>', '<div id="root"></div>'],
    ["<div id='app'>\n  <!-- mounted by main.js -->\n</div>", "<div id='app'>…</div>"],
    ['<div id=root></div>', '<div id=root></div>'],
    ['<div class="x" id="APP" data-x="1"></div>', '<div class="x" id="APP" data-x="1"></div>'],
    ['<div id="root"><div class="spinner"><span>Loading…</span></div></div>', '<div id="root">…</div>'],
    ['<div id="root"><noscript>Enable JavaScript to read this page properly and see everything</noscript></div>', '<div id="root">…</div>'],
    ['<app-root></app-root>', '<app-root></app-root>'],
    ['<div id="root"><h1>Pricing</h1><p>Three plans for every team size.</p></div>', null],
    ['<div id="rooted"></div>', null],
    ['<div data-id="root"></div>', null],
    ['<section id="main"></section>', null],
    ['<div id="root">', null],
    ['<div id="app"><div><div></div></div><p>Real words are here, a sentence of them.</p></div>', null],
  ])('%s → %s', (html, expected) => expect(findEmptyAppRoot(`<html><body>${html}</body></html>`)).toBe(expected));

  it('stays fast on hostile markup (thousands of unclosed mount points)', () => {
    const html = `<html><body>${'<div id="root"><div>'.repeat(200_000)}</body></html>`;
    const t0 = performance.now();
    expect(findEmptyAppRoot(html)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('frameworkMarkers', () => {
  it.each([
    ['<div id="__next"></div>', ['next']],
    ['<script src="/_nuxt/app.js"></script>', ['nuxt']],
    ['<div id="___gatsby"></div>', ['gatsby']],
    ['<app-root ng-version="17.0.0"></app-root>', ['angular']],
    ['<div id="app" data-v-app></div>', ['vue']],
    ['<script type="module" src="/assets/index-D4x7Qk2a.js"></script>', ['vite']],
    ['<p>Plain page</p>', []],
  ])('%s → %j', (html, expected) => expect(frameworkMarkers(html)).toEqual(expected));
});

describe('countWords fast path agrees with Intl.Segmenter', () => {
  const seg = new Intl.Segmenter('en', { granularity: 'word' });
  const reference = (t: string) => [...seg.segment(t)].filter((s) => s.isWordLike).length;
  it.each([
    'Hello, world! This is a test.',
    "Don't panic: version 3.5 of the API (e.g. /v3) costs €49 per month.",
    'Café déjà vu — naïve façade; Straße über Ärger.',
    'snake_case and camelCase and 2026-11-28 dates',
    'Привет мир, это тест.',
  ])('%s', (text) => {
    expect(countWords(text)).toBe(reference(text));
  });
  it('uses the segmenter for scripts without spaces', () => {
    expect(countWords('日本語のテキストです')).toBe(reference('日本語のテキストです'));
  });
});
