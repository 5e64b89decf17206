// One parse per HTML page: jsdom builds the DOM (scripts never run), we pull out every artifact the
// probes and the fit-check need, run @mozilla/readability last (it mutates the DOM), then drop the
// DOM so memory stays flat however many pages the crawl visits. Probes that need more of the DOM
// than the artifacts below pass collectors in (PageCollector); they ride the same walk.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { withParserTextAppend } from './parser-text-append.js';
import { emptyCollected, type Anchor, type CollectedArtifacts, type FormSummary, type Heading, type LinkTag, type MetaTag, type PageArtifacts, type PageCollector, type Section } from '../contract/index.js';
import { nestingDepth } from '../util/nesting-depth.js';

export type { PageArtifacts };


const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const MAX_ANCHORS = 2000;
// jsdom's tree building slows down sharply with nesting depth (5,000 nested divs take seconds, and
// readability then overflows the stack); real pages stay far below this, browsers cap near 512.
const MAX_NESTING = 400;
// Readability gives up (throws) on documents with more elements than this; we fall back to visible text.
const MAX_READABILITY_ELEMENTS = 40_000;
const LAYOUT_TAGS = /<\/?(?:div|span|section|article|main|aside|nav|header|footer|font|center|b|i|u|em|strong|small|big|table|tbody|thead|tfoot|tr|td|th|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|details|summary)\b[^>]*>/gi;

// jsdom logs CSS and script errors to the console by default; page content is not our concern.
const quietConsole = new VirtualConsole();

// Creating a jsdom window installs every Web IDL interface: about half of the cost of parsing a
// typical 25 KB page. One window per thread, and a DOMParser document per page, avoids it;
// DOMParser documents never run scripts and are garbage once we drop them.
// The window keeps what its documents allocate reachable (the 1,000-page benchmark grew past 2 GiB
// with one window for all pages), so it is replaced every WINDOW_PAGES pages: memory stays flat
// and the set-up cost is shared by many pages.
const WINDOW_PAGES = 50;
let parserWindow: JSDOM['window'] | undefined;
let windowUses = 0;
function parserWindowForNextPage(): JSDOM['window'] {
  if (!parserWindow || windowUses >= WINDOW_PAGES) {
    parserWindow?.close();
    parserWindow = new JSDOM('<!doctype html><html><head></head><body></body></html>', { virtualConsole: quietConsole }).window;
    windowUses = 0;
  }
  return parserWindow;
}

/** Creates this thread's parser window ahead of the first page (call while waiting on the network). */
export function warmUpParser(): void {
  parserWindowForNextPage();
}

function parseDocument(html: string): Document {
  const window = parserWindowForNextPage();
  windowUses += 1;
  const parser = new window.DOMParser();
  return withParserTextAppend(() => parser.parseFromString(html, 'text/html'));
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Absolute http(s) URL without fragment, or null. */
export function resolveHref(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function textOf(el: Element | null | undefined): string {
  return el ? normalizeSpace(el.textContent ?? '') : '';
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL', 'OPTION', 'BUTTON', 'LABEL', 'SUMMARY', 'DETAILS', 'CAPTION',
]);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
// localName: SVG elements keep lower-case tag names in HTML documents.
const HIDDEN_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'iframe', 'object']);

function isBlock(node: Node): boolean {
  return node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName);
}

/**
 * Text of a subtree with a space at every block boundary: textContent glues blocks together
 * ("<p>a</p><p>b</p>" → "ab"), which breaks word matching and quotes. With `splitAtHeadings`,
 * every h1–h6 opens a new section (retrieval works section by section). One walk over
 * firstChild/nextSibling, no DOM edits and no child lists: both are costly in jsdom.
 */
function textSections(root: Node, splitAtHeadings: boolean): { text: string; sections: Section[] } {
  const sections: Section[] = [];
  const all: string[] = [];
  let heading = '';
  let parts: string[] = [];
  const flush = () => {
    const text = normalizeSpace(parts.join(''));
    if (text) sections.push({ heading, text });
    all.push(' ', text);
    parts = [];
  };
  let node: Node = root;
  for (;;) {
    const type = node.nodeType;
    if (type === 3) {
      parts.push((node as Text).data);
    } else if (type === 1 || node === root) {
      if (splitAtHeadings && type === 1 && HEADING_TAGS.has((node as Element).tagName)) {
        flush();
        heading = textOf(node as Element);
        all.push(' ', heading);
      } else {
        const block = isBlock(node);
        if (block) parts.push(' ');
        if (node.firstChild) {
          node = node.firstChild;
          continue;
        }
        if (block) parts.push(' ');
      }
    }
    while (node !== root && !node.nextSibling) {
      node = node.parentNode!;
      if (isBlock(node)) parts.push(' ');
    }
    if (node === root) break;
    node = node.nextSibling!;
  }
  flush();
  return { text: normalizeSpace(all.join('')), sections };
}

function blockText(root: Node): string {
  return textSections(root, false).text;
}

function isHiddenElement(el: Element, tag: string): boolean {
  if (HIDDEN_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (tag === 'INPUT' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  const style = el.getAttribute('style');
  return style !== null && INLINE_HIDDEN.test(style);
}

/** The elements parsePage reads, gathered in one walk of the document (in document order). */
interface Gathered {
  meta: Element[];
  links: Element[];
  scripts: Element[];
  noscripts: Element[];
  forms: { form: Element; inputs: Element[] }[];
  /** Outside hidden subtrees of the body. */
  anchors: Element[];
  headings: Element[];
  /** Hidden subtrees of the body, removed before the text is read. */
  hidden: Element[];
  /** What the collectors gathered among the visible body elements. */
  collected: CollectedArtifacts;
}

// One walk instead of a dozen querySelectorAll calls: each of those is a full tree traversal
// through jsdom's selector engine, together a fifth of the parse time.
function gather(doc: Document, html: string, collectors: readonly PageCollector[]): Gathered {
  const g: Omit<Gathered, 'collected'> = { meta: [], links: [], scripts: [], noscripts: [], forms: [], anchors: [], headings: [], hidden: [] };
  const visitors = collectors.map((c) => ({ artifact: c.artifact, visitor: c.start(html) }));
  const body = doc.body;
  type FormEntry = Gathered['forms'][number];
  const stack: { el: Element; hidden: boolean; inBody: boolean; form: FormEntry | null }[] = [];
  if (doc.documentElement) stack.push({ el: doc.documentElement, hidden: false, inBody: false, form: null });
  while (stack.length > 0) {
    const item = stack.pop()!;
    const { el } = item;
    let { hidden, form } = item;
    const tag = el.tagName;
    const inBody = item.inBody || el === body;
    if (inBody && !hidden && el !== body && isHiddenElement(el, tag)) {
      hidden = true;
      g.hidden.push(el);
    }
    switch (tag) {
      case 'META': g.meta.push(el); break;
      case 'LINK': if (el.hasAttribute('rel') && el.hasAttribute('href')) g.links.push(el); break;
      case 'SCRIPT': g.scripts.push(el); break;
      case 'NOSCRIPT': g.noscripts.push(el); break;
      case 'FORM': form = { form: el, inputs: [] }; g.forms.push(form); break;
      case 'INPUT': form?.inputs.push(el); break;
      case 'A': if (!hidden && el.hasAttribute('href')) g.anchors.push(el); break;
      default: if (!hidden && HEADING_TAGS.has(tag)) g.headings.push(el);
    }
    if (inBody && !hidden && el !== body) {
      for (const { visitor } of visitors) visitor.visit(el, tag, form && form.form !== el ? form.form : null);
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) {
      stack.push({ el: child, hidden, inBody, form });
    }
  }
  const collected = emptyCollected();
  for (const { artifact, visitor } of visitors) collected[artifact] = visitor.result();
  return { ...g, collected };
}

/** The artifacts of one HTML page; `collectors` add the probes' own (their empty values otherwise). */
export function parsePage(html: string, url: string, collectors: readonly PageCollector[] = []): PageArtifacts {
  let parseNote: string | undefined;
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING) {
    // Keep text, links, headings and head metadata; drop the layout wrappers that make it deep.
    html = html.replace(LAYOUT_TAGS, ' ');
    parseNote = `markup nested ${depth} levels deep was flattened before parsing`;
  }
  const doc = parseDocument(html);
  const g = gather(doc, html, collectors);
  const lang = doc.documentElement?.getAttribute('lang') ?? null;
  const title = normalizeSpace(doc.title) || null;

  const meta: MetaTag[] = g.meta.flatMap((m) => {
    const tag: MetaTag = { content: m.getAttribute('content') ?? m.getAttribute('charset') ?? '' };
    const name = m.getAttribute('name');
    const property = m.getAttribute('property');
    const httpEquiv = m.getAttribute('http-equiv');
    if (name) tag.name = name.toLowerCase();
    if (property) tag.property = property.toLowerCase();
    if (httpEquiv) tag.httpEquiv = httpEquiv.toLowerCase();
    return tag.name || tag.property || tag.httpEquiv ? [tag] : [];
  });

  const linkTags: LinkTag[] = g.links.map((l) => {
    const href = resolveHref(l.getAttribute('href'), url) ?? l.getAttribute('href') ?? '';
    const tag: LinkTag = { rel: (l.getAttribute('rel') ?? '').toLowerCase().trim(), href };
    for (const attr of ['type', 'hreflang', 'title'] as const) {
      const v = l.getAttribute(attr);
      if (v) tag[attr] = v;
    }
    return tag;
  });

  const jsonLd = g.scripts
    .filter((s) => /^application\/ld\+json\b/i.test(s.getAttribute('type') ?? ''))
    .map((s) => s.textContent ?? '');
  const scripts = {
    count: g.scripts.length,
    inlineBytes: g.scripts.filter((s) => !s.getAttribute('src')).reduce((n, s) => n + (s.textContent?.length ?? 0), 0),
    external: g.scripts.flatMap((s) => {
      const src = resolveHref(s.getAttribute('src'), url);
      return src ? [src] : [];
    }),
  };
  const noscriptText = normalizeSpace(g.noscripts.map((n) => n.textContent ?? '').join(' '));

  const forms: FormSummary[] = g.forms.map(({ form, inputs }) => ({
    action: form.getAttribute('action'),
    method: (form.getAttribute('method') ?? 'get').toLowerCase(),
    hasPassword: inputs.some((i) => (i.getAttribute('type') ?? '').toLowerCase() === 'password'),
    inputTypes: inputs.map((i) => (i.getAttribute('type') ?? 'text').toLowerCase()),
    text: textOf(form),
  }));

  // Hidden parts go before any text is read, and before readability sees the document.
  for (const el of g.hidden) el.remove();

  const seen = new Set<string>();
  const anchors: Anchor[] = [];
  for (const a of g.anchors) {
    const href = resolveHref(a.getAttribute('href'), url);
    if (!href) continue;
    const text = textOf(a) || normalizeSpace(a.getAttribute('aria-label') ?? a.getAttribute('title') ?? '');
    const key = `${href}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const anchor: Anchor = { href, text };
    const rel = a.getAttribute('rel');
    if (rel) anchor.rel = rel;
    anchors.push(anchor);
    if (anchors.length >= MAX_ANCHORS) break;
  }

  const headings: Heading[] = g.headings.map((h) => ({ level: Number(h.tagName.slice(1)), text: textOf(h) }));

  const visibleText = doc.body ? blockText(doc.body) : '';

  // Readability mutates the document, so it runs after everything else has been read. Its
  // serializer hands back the article element itself: serialising it to HTML only to parse that
  // again cost a fifth of the parse time.
  let mainText = '';
  let sections: Section[] = [];
  try {
    const article = new Readability<Node>(doc, {
      charThreshold: 100,
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
      serializer: (node) => node,
    }).parse();
    if (article?.content) {
      ({ text: mainText, sections } = textSections(article.content, true));
    }
  } catch {
    // A page readability cannot handle simply has no main text; visibleText still serves.
  }
  if (!mainText && visibleText) {
    mainText = visibleText;
    sections = [{ heading: headings[0]?.text ?? '', text: visibleText }];
  }

  const artifacts: PageArtifacts = {
    lang, title, mainText, sections, visibleText, meta, linkTags, anchors, headings, forms, jsonLd, scripts,
    noscriptText, ...g.collected, rawTextLength: visibleText.length,
  };
  if (parseNote) artifacts.parseNote = parseNote;
  return artifacts;
}
