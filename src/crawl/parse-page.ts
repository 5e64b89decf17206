// One parse per HTML page: jsdom builds the DOM (scripts never run), we pull out every artifact the
// probes and the fit-check need, run @mozilla/readability last (it mutates the DOM), then drop the
// DOM so memory stays flat however many pages the crawl visits.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import type { Anchor, FormSummary, Heading, LinkTag, MetaTag, PageArtifacts, Section } from './types.js';

export type { PageArtifacts };


const HIDDEN_SELECTOR = [
  'script', 'style', 'template', 'noscript', 'svg', 'iframe', 'object',
  '[hidden]', '[aria-hidden="true"]', 'input[type="hidden"]',
].join(',');
const INLINE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const MAX_ANCHORS = 2000;
// jsdom's tree building slows down sharply with nesting depth (5,000 nested divs take seconds, and
// readability then overflows the stack); real pages stay far below this, browsers cap near 512.
const MAX_NESTING = 400;
// Readability gives up (throws) on documents with more elements than this; we fall back to visible text.
const MAX_READABILITY_ELEMENTS = 40_000;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
const LAYOUT_TAGS = /<\/?(?:div|span|section|article|main|aside|nav|header|footer|font|center|b|i|u|em|strong|small|big|table|tbody|thead|tfoot|tr|td|th|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|details|summary)\b[^>]*>/gi;

/** Deepest element nesting, estimated from the tag sequence without building a DOM. */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = m[2].toLowerCase();
    if (VOID_ELEMENTS.has(name) || m[3] === '/') continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

// jsdom logs CSS and script errors to the console by default; page content is not our concern.
const quietConsole = new VirtualConsole();

// Creating a jsdom window installs every Web IDL interface: about half of the cost of parsing a
// typical 25 KB page. One window per thread, and a DOMParser document per page, avoids it;
// DOMParser documents never run scripts and are garbage once we drop them.
// The window keeps what its documents allocate reachable (the 1,000-page benchmark grew past 2 GiB
// with one window for all pages), so it is replaced every WINDOW_PAGES pages: memory stays flat
// and the set-up cost is shared by many pages.
const WINDOW_PAGES = 25;
let parserWindow: JSDOM['window'] | undefined;
let windowUses = 0;
function parseDocument(html: string): Document {
  if (!parserWindow || windowUses >= WINDOW_PAGES) {
    parserWindow?.close();
    parserWindow = new JSDOM('<!doctype html><html><head></head><body></body></html>', { virtualConsole: quietConsole }).window;
    windowUses = 0;
  }
  windowUses += 1;
  return new parserWindow.DOMParser().parseFromString(html, 'text/html');
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

/**
 * Text of a subtree with a space at every block boundary: textContent glues blocks together
 * ("<p>a</p><p>b</p>" → "ab"), which breaks word matching and quotes. A walk, not DOM edits: jsdom
 * mutations are costly.
 */
function blockText(root: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      parts.push((node as Text).data);
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const block = node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName);
    if (block) parts.push(' ');
    // Children pushed in reverse so they pop in document order; a marker string closes a block.
    if (block) stack.push(SPACE_MARKER);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return normalizeSpace(parts.join(''));
}
const SPACE_MARKER = { nodeType: 3, data: ' ' } as unknown as Text;

function removeHidden(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(HIDDEN_SELECTOR))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[style]'))) {
    if (INLINE_HIDDEN.test(el.getAttribute('style') ?? '')) el.remove();
  }
}

/** Splits readability's content HTML by headings so retrieval can work section by section. */
function splitSections(container: Element): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: '', text: '' };
  const push = () => {
    const text = normalizeSpace(current.text);
    if (text) sections.push({ heading: current.heading, text });
  };
  const walk = (node: Element) => {
    for (const child of Array.from(node.children)) {
      if (/^H[1-6]$/.test(child.tagName)) {
        push();
        current = { heading: textOf(child), text: '' };
      } else if (child.querySelector('h1,h2,h3,h4,h5,h6')) {
        walk(child);
      } else {
        current.text += ` ${blockText(child)}`;
      }
    }
  };
  walk(container);
  push();
  return sections;
}

export function parsePage(html: string, url: string): PageArtifacts {
  let parseNote: string | undefined;
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING) {
    // Keep text, links, headings and head metadata; drop the layout wrappers that make it deep.
    html = html.replace(LAYOUT_TAGS, ' ');
    parseNote = `markup nested ${depth} levels deep was flattened before parsing`;
  }
  const doc = parseDocument(html);
  {
    const lang = doc.documentElement.getAttribute('lang');
    const title = normalizeSpace(doc.title) || null;

    const meta: MetaTag[] = Array.from(doc.querySelectorAll('meta')).flatMap((m) => {
      const tag: MetaTag = { content: m.getAttribute('content') ?? m.getAttribute('charset') ?? '' };
      const name = m.getAttribute('name');
      const property = m.getAttribute('property');
      const httpEquiv = m.getAttribute('http-equiv');
      if (name) tag.name = name.toLowerCase();
      if (property) tag.property = property.toLowerCase();
      if (httpEquiv) tag.httpEquiv = httpEquiv.toLowerCase();
      return tag.name || tag.property || tag.httpEquiv ? [tag] : [];
    });

    const linkTags: LinkTag[] = Array.from(doc.querySelectorAll('link[rel][href]')).flatMap((l) => {
      const href = resolveHref(l.getAttribute('href'), url) ?? l.getAttribute('href') ?? '';
      const tag: LinkTag = { rel: (l.getAttribute('rel') ?? '').toLowerCase().trim(), href };
      for (const attr of ['type', 'hreflang', 'title'] as const) {
        const v = l.getAttribute(attr);
        if (v) tag[attr] = v;
      }
      return [tag];
    });

    const jsonLd = Array.from(doc.querySelectorAll('script[type]'))
      .filter((s) => /^application\/ld\+json\b/i.test(s.getAttribute('type') ?? ''))
      .map((s) => s.textContent ?? '');

    const scriptEls = Array.from(doc.querySelectorAll('script'));
    const scripts = {
      count: scriptEls.length,
      inlineBytes: scriptEls.filter((s) => !s.getAttribute('src')).reduce((n, s) => n + (s.textContent?.length ?? 0), 0),
      external: scriptEls.flatMap((s) => {
        const src = resolveHref(s.getAttribute('src'), url);
        return src ? [src] : [];
      }),
    };
    const noscriptText = normalizeSpace(Array.from(doc.querySelectorAll('noscript')).map((n) => n.textContent ?? '').join(' '));

    const forms: FormSummary[] = Array.from(doc.querySelectorAll('form')).map((f) => {
      const inputs = Array.from(f.querySelectorAll('input'));
      return {
        action: f.getAttribute('action'),
        method: (f.getAttribute('method') ?? 'get').toLowerCase(),
        hasPassword: inputs.some((i) => (i.getAttribute('type') ?? '').toLowerCase() === 'password'),
        inputTypes: inputs.map((i) => (i.getAttribute('type') ?? 'text').toLowerCase()),
        text: textOf(f),
      };
    });

    const body = doc.body;
    if (body) {
      removeHidden(body);
    }

    const seen = new Set<string>();
    const anchors: Anchor[] = [];
    for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
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

    const headings: Heading[] = Array.from(doc.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => ({
      level: Number(h.tagName.slice(1)),
      text: textOf(h),
    }));

    const visibleText = body ? blockText(body) : '';

    // Readability mutates the document, so it runs after everything else has been read.
    let mainText = '';
    let sections: Section[] = [];
    try {
      const article = new Readability(doc, { charThreshold: 100, maxElemsToParse: MAX_READABILITY_ELEMENTS }).parse();
      if (article?.content) {
        const container = doc.createElement('div');
        container.innerHTML = article.content;
        mainText = blockText(container);
        sections = splitSections(container);
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
      noscriptText, rawTextLength: visibleText.length,
    };
    if (parseNote) artifacts.parseNote = parseNote;
    return artifacts;
  }
}
