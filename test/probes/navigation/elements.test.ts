// Search UI and breadcrumb detection during the crawl's DOM walk (probes/navigation/elements.ts),
// through the crawl's real parser, plus the pure helpers it uses.
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../src/crawl/parse-page.js';
import {
  describeElement, isBreadcrumbItemtype, isBreadcrumbLabel, isSearchAction, isSearchInputName, MAX_SIGNALS_PER_PAGE, navigationHints,
  NavigationCollector, widgetKind,
} from '../../../probes/navigation/elements.js';
import { navigationCollector } from '../../../probes/navigation/collector.js';

const nav = (body: string, head = '') => parsePage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'https://p.example/docs/a', [navigationCollector]).navigation;
const kinds = (signals: { kind: string }[]) => signals.map((s) => s.kind);

describe('search UI in the page markup', () => {
  it.each([
    ['form role=search', '<form role="search" action="/find"><input name="x"></form>', ['landmark'], 'form[role="search"]'],
    ['role=search in upper case on a div', '<div role="SEARCH"><input name="x"></div>', ['landmark'], 'div[role="SEARCH"]'],
    ['<search> element', '<search><input name="x"></search>', ['landmark'], 'search'],
    ['input type=search', '<input type="search" name="term">', ['search-input'], 'input[type="search"][name="term"]'],
    ['form action /search', '<form action="/search"><input name="x"></form>', ['search-form'], 'form[action="/search"]'],
    ['form action absolute …/search.html?x', '<form action="https://p.example/docs/search.html?lang=en"><input name="x"></form>', ['search-form'], 'form[action="https://p.example/docs/search.html?lang=en"]'],
    ['form with input name=q', '<form action="/results"><input type="text" name="q"></form>', ['search-form'], 'form[action="/results"] > input[name="q"]'],
    ['input name=query outside a form', '<input name="query">', ['search-input'], 'input[name="query"]'],
    ['DocSearch button', '<div id="docsearch"><button class="DocSearch DocSearch-Button">Search</button></div>', ['docsearch'], 'div#docsearch'],
    ['Algolia InstantSearch box', '<div class="ais-SearchBox"></div>', ['algolia'], 'div.ais-SearchBox'],
    ['Coveo search box', '<div class="CoveoSearchbox"></div>', ['coveo'], 'div.CoveoSearchbox'],
    ['Coveo Atomic', '<atomic-search-interface><atomic-search-box></atomic-search-box></atomic-search-interface>', ['coveo'], 'atomic-search-interface'],
    ['Swiftype input', '<input type="text" class="st-default-search-input">', ['elastic'], 'input.st-default-search-input'],
    ['Elastic Search UI', '<div class="sui-search-box"></div>', ['elastic'], 'div.sui-search-box'],
    ['Google Programmable Search', '<div class="gcse-search"></div>', ['google-cse'], 'div.gcse-search'],
  ])('%s', (_name, body, expected, element) => {
    const found = nav(body).search;
    expect(kinds(found)).toEqual(expected);
    expect(found[0].element).toBe(element);
  });

  it('records every kind of one search form once', () => {
    const found = nav('<form role="search" action="/search"><input type="search" name="q"></form>').search;
    expect(kinds(found)).toEqual(['landmark', 'search-form', 'search-input']);
  });

  it.each([
    ['a login form', '<form action="/login" method="post"><input type="email" name="email"><input type="password" name="password"></form>'],
    ['a newsletter form', '<form action="/subscribe"><input type="email" name="email"></form>'],
    ['the word search in text only', '<p>Research shows that search matters.</p><div class="content">Search tips</div>'],
    ['a hidden (attribute) search form', '<form role="search" action="/search" hidden><input type="search" name="q"></form>'],
    ['a display:none search form', '<form action="/search" style="display: none"><input type="search" name="q"></form>'],
    ['a search form inside an aria-hidden block', '<div aria-hidden="true"><form action="/search"><input type="search"></form></div>'],
    ['a search box inside <template>', '<template><div role="search"><input type="search"></div></template>'],
    ['a hidden input named q', '<form action="/newsletter"><input type="hidden" name="q" value="1"><input type="email" name="e"></form>'],
    ['a search input inside <noscript>', '<noscript><input type="search"></noscript>'],
    ['a hidden DocSearch container', '<div id="docsearch" style="visibility:hidden"></div>'],
    ['role=searchbox is not a landmark', '<input role="searchbox" name="x">'],
  ])('%s does not count', (_name, body) => {
    expect(nav(body).search).toEqual([]);
  });

  it('ignores head markup and keeps at most MAX_SIGNALS_PER_PAGE signals', () => {
    const many = Array.from({ length: 20 }, (_, i) => `<input type="search" name="s${i}">`).join('');
    expect(nav(many).search).toHaveLength(MAX_SIGNALS_PER_PAGE);
  });
});

describe('breadcrumbs in the page markup', () => {
  it.each([
    ['nav aria-label=Breadcrumb', '<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li></ol></nav>', 'aria-label', 'nav[aria-label="Breadcrumb"]'],
    ['nav aria-label=breadcrumbs (lower case, plural)', '<nav aria-label="breadcrumbs"><a href="/">Home</a></nav>', 'aria-label', 'nav[aria-label="breadcrumbs"]'],
    ['nav aria-label=BREADCRUMB TRAIL', '<nav aria-label="BREADCRUMB TRAIL"><a href="/">Home</a></nav>', 'aria-label', 'nav[aria-label="BREADCRUMB TRAIL"]'],
    ['German label', '<nav aria-label="Brotkrümelnavigation"><a href="/">Start</a></nav>', 'aria-label', 'nav[aria-label="Brotkrümelnavigation"]'],
    ['French label', '<nav aria-label="Fil d’Ariane"><a href="/">Accueil</a></nav>', 'aria-label', 'nav[aria-label="Fil d’Ariane"]'],
    ['Japanese label', '<nav aria-label="パンくずリスト"><a href="/">ホーム</a></nav>', 'aria-label', 'nav[aria-label="パンくずリスト"]'],
    ['ol aria-label on a page that says breadcrumb', '<ol aria-label="Breadcrumb"><li>Home</li></ol>', 'aria-label', 'ol[aria-label="Breadcrumb"]'],
    ['Bootstrap ol.breadcrumb', '<ol class="breadcrumb"><li class="breadcrumb-item">Docs</li></ol>', 'class', 'ol.breadcrumb'],
    ['Docusaurus class', '<nav class="theme-doc-breadcrumbs"><ul><li>Docs</li></ul></nav>', 'class', 'nav.theme-doc-breadcrumbs'],
    ['id breadcrumbs', '<div id="breadcrumbs"><a href="/">Home</a></div>', 'class', 'div#breadcrumbs'],
    ['microdata BreadcrumbList', '<ol itemscope itemtype="https://schema.org/BreadcrumbList"><li>Home</li></ol>', 'microdata', 'ol[itemtype="https://schema.org/BreadcrumbList"]'],
    ['microdata http, trailing slash', '<ul itemscope itemtype="http://schema.org/BreadcrumbList/"><li>Home</li></ul>', 'microdata', 'ul[itemtype="http://schema.org/BreadcrumbList/"]'],
  ])('%s', (_name, body, kind, element) => {
    expect(nav(body).breadcrumbs).toEqual([{ kind, element }]);
  });

  it.each([
    ['a main nav', '<nav aria-label="Main"><a href="/docs">Docs</a></nav>'],
    ['a hidden breadcrumb nav', '<nav aria-label="Breadcrumb" hidden><a href="/">Home</a></nav>'],
    ['a breadcrumb inside display:none', '<div style="display:none"><ol class="breadcrumb"><li>Home</li></ol></div>'],
    ['the word only in text', '<p>Add a breadcrumb to every page.</p>'],
    ['the word only in a link', '<a class="link" href="/docs/breadcrumbs">Breadcrumbs guide</a>'],
    ['another microdata type', '<ol itemscope itemtype="https://schema.org/ItemList"><li>x</li></ol>'],
  ])('%s does not count', (_name, body) => {
    expect(nav(body).breadcrumbs).toEqual([]);
  });

  it('stops at the first breadcrumb, but still sees BreadcrumbList microdata on the trail', () => {
    expect(nav('<nav aria-label="Breadcrumb"></nav><ol class="breadcrumb"></ol>').breadcrumbs).toHaveLength(1);
    expect(nav('<nav class="breadcrumbs"><ol itemscope itemtype="https://schema.org/BreadcrumbList"><li>Docs</li></ol></nav>').breadcrumbs).toEqual([
      { kind: 'class', element: 'nav.breadcrumbs' },
      { kind: 'microdata', element: 'ol[itemtype="https://schema.org/BreadcrumbList"]' },
    ]);
  });
});

describe('helpers', () => {
  it.each([
    ['/search', true], ['/search/', true], ['search', true], ['/docs/search.html', true], ['https://p.example/SEARCH?q=x', true],
    ['/suche', true], ['/recherche#top', true], ['/search-results', false], ['/login', false], ['', false], [null, false],
    ['/research', false], ['https://search.example/', false],
  ] as [string | null, boolean][])('isSearchAction(%s) = %s', (action, expected) => {
    expect(isSearchAction(action)).toBe(expected);
  });

  it.each([
    ['q', true], ['Q', true], ['query', true], ['search', true], ['searchTerm', true], ['email', false], ['qq', false], [null, false],
  ] as [string | null, boolean][])('isSearchInputName(%s) = %s', (name, expected) => {
    expect(isSearchInputName(name)).toBe(expected);
  });

  it.each([
    ['Breadcrumb', true], ['You are here: breadcrumbs', true], ['migas de pan', true], ['面包屑导航', true], ['Main navigation', false], [null, false],
  ] as [string | null, boolean][])('isBreadcrumbLabel(%s) = %s', (label, expected) => {
    expect(isBreadcrumbLabel(label)).toBe(expected);
  });

  it.each([
    ['https://schema.org/BreadcrumbList', true], ['schema:BreadcrumbList', true], ['https://schema.org/Thing https://schema.org/BreadcrumbList', true],
    ['https://schema.org/BreadcrumbListing', false], ['https://schema.org/ItemList', false], [null, false],
  ] as [string | null, boolean][])('isBreadcrumbItemtype(%s) = %s', (itemtype, expected) => {
    expect(isBreadcrumbItemtype(itemtype)).toBe(expected);
  });

  it.each([
    ['DocSearch DocSearch-Button', 'docsearch'], ['ais-SearchBox', 'algolia'], ['CoveoSearchbox', 'coveo'], ['sui-search-box', 'elastic'],
    ['gcse-searchbox-only', 'google-cse'], ['site-search', null],
  ])('widgetKind(%s) = %s', (cls, kind) => {
    expect(widgetKind(cls)).toBe(kind);
  });

  it('describes an element with id, two classes and chosen attributes, clipping long values', () => {
    const attrs: Record<string, string> = { id: 'top', class: 'a b c', 'aria-label': 'x'.repeat(100) };
    const el = { getAttribute: (n: string) => attrs[n] ?? null };
    expect(describeElement(el, 'NAV', ['aria-label', 'role'])).toBe(`nav#top.a.b[aria-label="${'x'.repeat(60)}…"]`);
  });

  it('reads no attribute of an ordinary element when the page never says "search" or "breadcrumb"', () => {
    const hints = navigationHints('<html><body><div class="x">hello</div></body></html>');
    expect(hints).toEqual({ breadcrumb: false, search: false });
    const read: string[] = [];
    const el = { getAttribute: (n: string) => { read.push(n); return null; } };
    const c = new NavigationCollector(hints);
    for (const tag of ['DIV', 'SPAN', 'LI', 'P', 'UL', 'SECTION', 'A', 'BUTTON']) c.visit(el, tag, null);
    expect(read).toEqual([]);
    expect(c.result()).toEqual({ search: [], breadcrumbs: [] });
  });
});
