// Markdown twins at their own URLs: the `.md` sibling convention (llmstxt.org: "a clean markdown
// version of those pages at the same URL as the original page, but with .md appended"; URLs without
// a file name use index.html.md, and many docs generators serve /x/index.md or /x.md), and twins a
// page declares with <link rel="alternate" type="text/markdown" href="…"> (HTML Standard, rel=alternate
// with a type names an alternative format of the same page). Pure.
import type { Page, Resource } from '../../src/contract/index.js';
import { isHtmlAnswer, isOk } from '../../src/audit/resource.js';
import { mediaType } from '../../src/fetch/decode.js';
import { MARKDOWN_TYPES } from './negotiation.js';

/** Candidates tried per page, in order; the first that answers wins. */
export const MAX_SIBLING_CANDIDATES = 3;

/**
 * The `.md` URLs a page's twin may live at, most common first:
 * `/a/b` → `/a/b.md`; `/a/b.html` → `/a/b.html.md`, `/a/b.md`; `/a/` → `/a/index.md`, `/a.md`,
 * `/a/index.html.md`; `/` → `/index.md`, `/index.html.md`. A URL that is already `.md` has none.
 * Query and fragment are dropped (a twin belongs to the document, not to one view of it).
 */
export function siblingCandidates(pageUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  url.search = '';
  url.hash = '';
  const path = url.pathname;
  let paths: string[];
  if (/\.(?:md|markdown)$/i.test(path)) paths = [];
  else if (path.endsWith('/')) {
    paths = [`${path}index.md`];
    if (path !== '/') paths.push(`${path.slice(0, -1)}.md`);
    paths.push(`${path}index.html.md`);
  } else if (/\.html?$/i.test(path)) paths = [`${path}.md`, path.replace(/\.html?$/i, '.md')];
  else paths = [`${path}.md`];
  return [...new Set(paths)].slice(0, MAX_SIBLING_CANDIDATES).map((p) => new URL(p, url).href);
}

export interface AlternateLink {
  page: string;
  href: string;
  type: string;
}

/** <link rel="alternate" type="text/markdown"> targets of a page (absolute; the crawl resolved them). */
export function markdownAlternates(page: Page): AlternateLink[] {
  const out: AlternateLink[] = [];
  for (const link of page.linkTags) {
    if (!link.rel.split(/\s+/).includes('alternate')) continue;
    const type = mediaType(link.type);
    if (!MARKDOWN_TYPES.has(type)) continue;
    let href: string;
    try {
      href = new URL(link.href, page.finalUrl || page.url).href;
    } catch {
      continue;
    }
    if (!out.some((l) => l.href === href)) out.push({ page: page.finalUrl || page.url, href, type });
  }
  return out;
}

export type TwinOutcome = 'twin' | 'html' | 'empty' | 'wrong-type' | 'failed' | 'robots';

/**
 * Judges the answer at a twin URL: a 2xx text body that is not an HTML page (soft 404s answer 200
 * with the site's HTML). text/plain and unlabelled bodies count: many hosts serve .md that way.
 */
export function classifyTwin(res: Resource): TwinOutcome {
  if (res.error?.code === 'PP_ERR_ROBOTS_DISALLOWED') return 'robots';
  if (!isOk(res)) return 'failed';
  if (isHtmlAnswer(res)) return 'html';
  const textual = res.type === '' || res.type.startsWith('text/') || res.type === 'application/octet-stream';
  if (!textual) return 'wrong-type';
  if (res.text.trim() === '') return 'empty';
  return 'twin';
}
