// The `<link>` and `<meta>` elements of a page's <head>, with what the crawl's artifacts do not keep:
// whether an element sits in the head or was pushed into the body by the HTML parser (search engines
// ignore canonical and hreflang links in the body — https://html.spec.whatwg.org/#body-ok), the href
// exactly as written (to tell relative from absolute), and links without an href.
//
// Only the part of the document up to `</head>` or `<body>` is parsed — with jsdom's DOMParser on one
// shared window, so the real HTML parser decides where the head ends (an element that does not belong
// in a head closes it, and everything after that lands in the body) — because a full second parse
// of every page costs far more than the head.
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseLinkHeader } from '../../src/formats/link-header.js';

/** Bytes of HTML read when looking for the end of the head; a head larger than this is cut. */
export const MAX_HEAD_CHARS = 256 * 1024;
/** Most <link> (and most <meta>) elements read; real heads hold a few dozen. */
export const MAX_HEAD_ELEMENTS = 500;

export interface HeadLink {
  /** Lower-cased rel tokens. */
  rel: string[];
  /** The href resolved against the document base; null when absent or unresolvable. */
  href: string | null;
  /** The href attribute as written ('' when absent). */
  hrefRaw: string;
  /** The hreflang attribute as written ('' when absent). */
  hreflang: string;
  source: 'head' | 'body' | 'headers';
}

export interface HeadMeta {
  /** The name attribute as written. */
  name: string;
  content: string;
  source: 'head' | 'body';
}

export interface HeadArtifacts {
  links: HeadLink[];
  meta: HeadMeta[];
  /** True when the head was longer than MAX_HEAD_CHARS (or held more than MAX_HEAD_ELEMENTS links or metas) and only its start was read. */
  truncated: boolean;
}

/** Start tags the parser keeps in (or puts back into) the head; `html` and `head` themselves too. */
const HEAD_TAGS = new Set(['html', 'head', 'base', 'basefont', 'bgsound', 'link', 'meta', 'noframes', 'script', 'style', 'template', 'title', 'noscript']);
/** Elements whose content is text in a head (a `<body` inside them is not a tag). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'noframes', 'template']);
const MARKERS = /<!--|<([a-z][a-z0-9-]*)(?=[\s/>])/;

let parser: DOMParser | null = null;
function domParser(): DOMParser {
  if (!parser) {
    const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() });
    parser = new window.DOMParser();
  }
  return parser;
}

/**
 * Where the head part of `html` ends: before `<body` or before the first start tag that cannot be in
 * a head (the parser closes the head there, HTML §13.2.6.4.4), skipping comments and the contents of
 * raw-text elements (a `<body` inside a script is text). `</head>` does not end it: links and metas
 * between `</head>` and `<body>` are still put in the head. At most MAX_HEAD_CHARS.
 */
export function headEnd(html: string): { end: number; truncated: boolean } {
  const limit = Math.min(html.length, MAX_HEAD_CHARS);
  // Case-insensitive regexes on the original text: lower-casing can change the length of some
  // non-ASCII strings and would shift the indexes.
  const markers = new RegExp(MARKERS.source, 'gi');
  for (;;) {
    const match = markers.exec(html);
    if (!match || match.index >= limit) break;
    const name = match[1]?.toLowerCase();
    let closer: RegExp | null = null;
    if (match[0] === '<!--') closer = /-->/g;
    else if (name === undefined) continue;
    else if (!HEAD_TAGS.has(name)) return { end: match.index, truncated: false };
    else if (RAW_TEXT.has(name)) closer = new RegExp(`</${name}`, 'gi');
    if (!closer) continue;
    closer.lastIndex = markers.lastIndex;
    if (!closer.exec(html) || closer.lastIndex > limit) break;
    markers.lastIndex = closer.lastIndex;
  }
  return { end: limit, truncated: html.length > MAX_HEAD_CHARS };
}

function resolve(raw: string, base: string): string | null {
  try {
    return new URL(raw.trim(), base).href;
  } catch {
    return null;
  }
}

/** Reads the head's links and metas. Never throws for page content. */
export function extractHead(html: string, url: string): HeadArtifacts {
  const { end, truncated } = headEnd(html);
  let doc: Document;
  try {
    doc = domParser().parseFromString(html.slice(0, end), 'text/html');
  } catch {
    return { links: [], meta: [], truncated };
  }
  // <base href> changes what relative links resolve against (HTML §4.2.3); only the first counts.
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && resolve(baseHref, url)) || url;
  const sourceOf = (el: Element): 'head' | 'body' => (doc.head?.contains(el) ? 'head' : 'body');

  const linkEls = Array.from(doc.querySelectorAll('link'));
  const metaEls = Array.from(doc.querySelectorAll('meta[name]'));
  const links: HeadLink[] = linkEls.slice(0, MAX_HEAD_ELEMENTS).map((el) => {
    const hrefRaw = el.getAttribute('href') ?? '';
    return {
      rel: (el.getAttribute('rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/).filter(Boolean),
      href: hrefRaw.trim() ? resolve(hrefRaw, base) : null,
      hrefRaw,
      hreflang: el.getAttribute('hreflang') ?? '',
      source: sourceOf(el),
    };
  });
  const meta: HeadMeta[] = metaEls.slice(0, MAX_HEAD_ELEMENTS).map((el) => ({
    name: el.getAttribute('name') ?? '',
    content: el.getAttribute('content') ?? '',
    source: sourceOf(el),
  }));
  return { links, meta, truncated: truncated || linkEls.length > MAX_HEAD_ELEMENTS || metaEls.length > MAX_HEAD_ELEMENTS };
}

/** The Link header's links in the shape of head links (source 'headers'), resolved against `url`. */
export function linkHeaderLinks(value: string | undefined, url: string): HeadLink[] {
  if (!value) return [];
  return parseLinkHeader(value).map((link) => {
    let href: string | null = null;
    try {
      href = link.target ? new URL(link.target, url).href : null;
    } catch {
      href = null;
    }
    return {
      rel: (link.params.rel ?? '').toLowerCase().split(/[\t ]+/).filter(Boolean),
      href,
      hrefRaw: link.target,
      hreflang: link.params.hreflang ?? '',
      source: 'headers' as const,
    };
  });
}
