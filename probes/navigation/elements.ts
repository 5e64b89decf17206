// Search UI and breadcrumb trails, recognised element by element during the crawl's one walk over
// each page's DOM (src/crawl/parse-page.ts gather()). Parsing is the crawl's bottleneck, so this is
// built to cost next to nothing: the tag name (already read) decides which elements can match, two
// literal scans of the raw HTML (`navigationHints`: "breadcrumb", "search") decide whether any class,
// id, role or itemtype attribute is worth reading at all, and reading stops once a breadcrumb, or a
// search landmark or widget, is found. No selector queries, no extra walks. Measured on 46 real and
// 100 generated pages: about 0.1 ms per page against ~25 ms for the whole parse.
//
// What counts, and why:
// - Search landmark: `role="search"` (WAI-ARIA 1.2 §5.3.4 "search") and the HTML `<search>` element
//   (WHATWG HTML §4.4.15), the two ways a page marks its search region.
// - `<input type="search">` (HTML §4.10.5.1.3), and forms that look like search: action path
//   /search (or a translation) or an input named q / query / search.
// - Hosted search widgets by their markup: Algolia DocSearch (`.DocSearch`, `#docsearch`), Algolia
//   InstantSearch (`ais-SearchBox`), Coveo (`CoveoSearchbox`, `<atomic-search-box>`), Elastic Site
//   Search / Swiftype (`st-default-search-input`) and Search UI (`sui-search-box`), Google
//   Programmable Search (`gcse-search`, `<gcse:search>`). Their scripts are judged per page (page.ts).
// - Breadcrumbs: `<nav aria-label="Breadcrumb">` (WAI-ARIA Authoring Practices, Breadcrumb pattern)
//   in any case and in a few languages, a class or id containing "breadcrumb" (Bootstrap, Docusaurus,
//   Sphinx, MkDocs …), and microdata `itemtype` …/BreadcrumbList (schema.org).
import type { NavigationSignal, PageNavigation } from '../../src/contract/index.js';

export type SearchKind = 'landmark' | 'search-input' | 'search-form' | 'docsearch' | 'algolia' | 'coveo' | 'elastic' | 'google-cse';
export type BreadcrumbKind = 'aria-label' | 'class' | 'microdata' | 'json-ld';

/** Signals kept per page and list: enough to show; the page counts, not the list length. */
export const MAX_SIGNALS_PER_PAGE = 6;
const MAX_VALUE_CHARS = 60;
/** Elements after a visual breadcrumb (aria-label, class) checked for BreadcrumbList microdata. */
const MICRODATA_LOOKAHEAD = 8;

/** "Breadcrumb" as aria-labels say it in the languages portals are written in (matched case-insensitively). */
const BREADCRUMB_LABEL = /breadcrumb|fil d['’]ariane|brotkr(?:ü|ue)mel|migas? de pan|briciole|kruimel|broodkruim|navega[çc][ãa]o estrutural|trilha de navega|okruszk|хлебн|パンくず|面包屑|麵包屑|탐색 경로|이동 경로/i;
const BREADCRUMB_CLASS = /breadcrumb/i;
const BREADCRUMB_ITEMTYPE = /(?:^|[/#:])BreadcrumbList\/?$/i;
/**
 * Raw-HTML scans: when one finds nothing, the attributes it stands for are never read. Each is a
 * single case-insensitive literal (fast native search; an alternation of many words costs ~6× more).
 * role="search" contains "search", and widgets are looked for only in class and id values that do
 * (DocSearch, ais-SearchBox, CoveoSearchbox, st-default-search-input, sui-search-box, gcse-search).
 */
const HINT_BREADCRUMB = /breadcrumb/i;
const HINT_SEARCH = /search/i;
const SEARCH_WORD = /search/i;

const WIDGETS: ReadonlyArray<readonly [SearchKind, RegExp]> = [
  ['docsearch', /docsearch/i],
  ['algolia', /\bais-SearchBox|\balgolia/i],
  ['coveo', /\bcoveo/i],
  ['elastic', /\bst-(?:default-)?search-input|\bsui-search|\bswiftype/i],
  ['google-cse', /\bgcse-search/i],
];

/** Path segments of a form action that mean "search" (English and common portal languages). */
const SEARCH_ACTION_SEGMENT = /^(?:search|suche|recherche|buscar|busca|ricerca|zoeken|sok|sök|haku|szukaj|hledat|検索)(?:\.(?:html?|php|aspx?|jsp))?$/i;
const SEARCH_INPUT_NAME = /^(?:q|query|search|search_query|searchquery|search-term|searchterm|search_term)$/i;

/** Tags that carry a breadcrumb trail's aria-label, class, id or itemtype in practice. */
const BREADCRUMB_TAGS = new Set(['NAV', 'OL', 'UL', 'LI', 'DIV', 'SECTION', 'HEADER', 'ASIDE', 'FOOTER', 'MAIN', 'P', 'SPAN']);
/** Tags that carry role="search" or a search widget's class or id in practice (not LI, P, SPAN: the many). */
const SEARCH_TAGS = new Set(['FORM', 'DIV', 'BUTTON', 'INPUT', 'NAV', 'HEADER', 'SECTION', 'ASIDE']);

export interface NavigationHints {
  /** The HTML says "breadcrumb" somewhere (class, id, itemtype, aria-label …). */
  breadcrumb: boolean;
  /** The HTML says "search" somewhere (role="search", widget classes …). */
  search: boolean;
}

/** Which attribute checks can find anything on this page (two native scans of the raw HTML). */
export function navigationHints(html: string): NavigationHints {
  return { breadcrumb: HINT_BREADCRUMB.test(html), search: HINT_SEARCH.test(html) };
}

/** What the detectors read of an element (a DOM Element satisfies it; tests may pass plain objects). */
export interface ElementLike {
  getAttribute(name: string): string | null;
}

function clip(value: string): string {
  const v = value.replace(/\s+/g, ' ').trim();
  return v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v;
}

/** `tag#id.class1.class2[attr="value"]`: how findings and facts show an element. */
export function describeElement(el: ElementLike, tag: string, attrs: readonly string[] = []): string {
  let out = tag.toLowerCase();
  const id = el.getAttribute('id');
  if (id && /^[\w-]+$/.test(id)) out += `#${clip(id)}`;
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => /^[\w-]+$/.test(c)).slice(0, 2);
  for (const c of classes) out += `.${clip(c)}`;
  for (const attr of attrs) {
    const v = el.getAttribute(attr);
    if (v !== null) out += `[${attr}="${clip(v).replace(/"/g, "'")}"]`;
  }
  return out;
}

/** True when a form action's path ends in a search segment (/search, /docs/search.html, /suche …). */
export function isSearchAction(action: string | null): boolean {
  if (!action) return false;
  const path = action.trim().replace(/[?#].*$/s, '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const segments = path.split('/').filter(Boolean);
  return segments.length > 0 && SEARCH_ACTION_SEGMENT.test(segments[segments.length - 1]);
}

export function isSearchInputName(name: string | null): boolean {
  return name !== null && SEARCH_INPUT_NAME.test(name.trim());
}

export function isBreadcrumbLabel(label: string | null): boolean {
  return label !== null && BREADCRUMB_LABEL.test(label);
}

export function isBreadcrumbItemtype(itemtype: string | null): boolean {
  return itemtype !== null && itemtype.trim().split(/\s+/).some((t) => BREADCRUMB_ITEMTYPE.test(t));
}

/** The hosted-search widget a class or id names, if any. */
export function widgetKind(classOrId: string): SearchKind | null {
  for (const [kind, re] of WIDGETS) if (re.test(classOrId)) return kind;
  return null;
}

/** The widget a custom element's tag names (Coveo Atomic, Google Programmable Search), if any. */
function widgetTag(tag: string): SearchKind | null {
  if (tag.startsWith('ATOMIC-SEARCH')) return 'coveo';
  if (tag.startsWith('GCSE:SEARCH')) return 'google-cse';
  return null;
}

/**
 * Collects a page's signals during the DOM walk. Call `visit` for every element that is visible
 * (not inside a hidden subtree), in document order, with the form it sits in.
 */
export class NavigationCollector {
  private readonly search: NavigationSignal[] = [];
  private readonly breadcrumbs: NavigationSignal[] = [];
  private readonly seen = new Set<string>();
  /** Forms already recorded as search forms (one signal per form). */
  private readonly searchForms = new Set<ElementLike>();
  private foundMarkedSearch = false;
  /** Elements after a visual breadcrumb still checked for BreadcrumbList microdata. */
  private microdataBudget = 0;

  constructor(private readonly hints: NavigationHints) {}

  visit(el: ElementLike, tag: string, form: ElementLike | null): void {
    if (tag === 'SEARCH') {
      this.add(this.search, 'landmark', describeElement(el, tag));
      return;
    }
    const custom = widgetTag(tag);
    if (custom) {
      // The outer custom element stands for the widget; its inner parts are not more of it.
      if (!this.foundMarkedSearch) this.add(this.search, custom, describeElement(el, tag));
      this.foundMarkedSearch = true;
      return;
    }
    if (BREADCRUMB_TAGS.has(tag)) {
      if (this.breadcrumbs.length === 0) {
        // A <nav> is rare enough to check always (its aria-label may be in any language); other
        // elements only when the page's HTML has the word at all.
        if ((tag === 'NAV' || this.hints.breadcrumb) && isBreadcrumbLabel(el.getAttribute('aria-label'))) {
          this.add(this.breadcrumbs, 'aria-label', describeElement(el, tag, ['aria-label']));
          this.microdataBudget = MICRODATA_LOOKAHEAD;
        } else if (this.hints.breadcrumb) {
          this.visitBreadcrumbAttributes(el, tag);
        }
      } else if (this.microdataBudget > 0) {
        // The trail just found may carry its schema.org markup on an inner list: look a few elements on.
        this.microdataBudget--;
        if (isBreadcrumbItemtype(el.getAttribute('itemtype'))) {
          this.add(this.breadcrumbs, 'microdata', describeElement(el, tag, ['itemtype']));
          this.microdataBudget = 0;
        }
      }
    }
    if (!SEARCH_TAGS.has(tag) || this.search.length >= MAX_SIGNALS_PER_PAGE) return;
    // Once a landmark or widget is found, its own markup (and the rest of the page) need no more reading.
    if (this.hints.search && !this.foundMarkedSearch) {
      if ((el.getAttribute('role') ?? '').trim().toLowerCase() === 'search') {
        this.add(this.search, 'landmark', describeElement(el, tag, ['role']));
        this.foundMarkedSearch = true;
      }
      const cls = el.getAttribute('class');
      const id = el.getAttribute('id');
      const kind = (cls && SEARCH_WORD.test(cls) ? widgetKind(cls) : null) ?? (id && SEARCH_WORD.test(id) ? widgetKind(id) : null);
      if (kind) {
        this.add(this.search, kind, describeElement(el, tag));
        this.foundMarkedSearch = true;
      }
    }
    if (tag === 'FORM') {
      if (isSearchAction(el.getAttribute('action'))) this.addForm(el);
    } else if (tag === 'INPUT') {
      const type = (el.getAttribute('type') ?? 'text').trim().toLowerCase();
      if (type === 'search') this.add(this.search, 'search-input', describeElement(el, tag, ['type', 'name']));
      else if ((type === 'text' || type === '') && isSearchInputName(el.getAttribute('name'))) {
        if (form) this.addForm(form, el);
        else this.add(this.search, 'search-input', describeElement(el, tag, ['name']));
      }
    }
  }

  result(): PageNavigation {
    return { search: this.search, breadcrumbs: this.breadcrumbs };
  }

  private add(list: NavigationSignal[], kind: SearchKind | BreadcrumbKind, element: string): void {
    const key = `${kind}\u0000${element}`;
    if (this.seen.has(key) || list.length >= MAX_SIGNALS_PER_PAGE) return;
    this.seen.add(key);
    list.push({ kind, element });
  }

  private visitBreadcrumbAttributes(el: ElementLike, tag: string): void {
    if (isBreadcrumbItemtype(el.getAttribute('itemtype'))) {
      this.add(this.breadcrumbs, 'microdata', describeElement(el, tag, ['itemtype']));
    } else if (BREADCRUMB_CLASS.test(el.getAttribute('class') ?? '') || BREADCRUMB_CLASS.test(el.getAttribute('id') ?? '')) {
      this.add(this.breadcrumbs, 'class', describeElement(el, tag));
      this.microdataBudget = MICRODATA_LOOKAHEAD;
    }
  }

  private addForm(form: ElementLike, input?: ElementLike): void {
    if (this.searchForms.has(form)) return;
    this.searchForms.add(form);
    const element = describeElement(form, 'FORM', ['action']) + (input ? ` > ${describeElement(input, 'INPUT', ['name'])}` : '');
    this.add(this.search, 'search-form', element);
  }
}
