// What an agent would need when a page has no Markdown twin: the page's main content (per
// @mozilla/readability, as the crawl reads it) converted to Markdown with turndown. An ESTIMATE of a
// twin's size, not something the site serves; facts built from it say so. Bounded: oversized or
// pathologically nested markup gives null instead of a slow parse.
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
import { nestingDepth } from '../../src/util/nesting-depth.js';

/** HTML larger than this is not converted (the estimate would cost more than it tells). */
export const MAX_ESTIMATE_HTML_CHARS = 2_000_000;
/** Same bound as the crawl's parser (src/crawl/parse-page.ts): deeper markup is pathological. */
const MAX_NESTING = 400;
/** Readability gives up above this many elements (as in the crawl's parser). */
const MAX_READABILITY_ELEMENTS = 40_000;

const quietConsole = new VirtualConsole();
/** Elements dropped before parsing: readability discards them anyway, and they are most of many pages' bytes. */
const DROPPED_ELEMENTS = ['script', 'style', 'svg', 'noscript', 'template'];

/**
 * Removes <script>, <style>, <svg>, <noscript> and <template> elements with their content, by index
 * scanning (linear even on hostile input such as thousands of unclosed tags). An unclosed element
 * is left as it is for the HTML parser.
 */
export function stripHeavyElements(html: string): string {
  // ASCII-only lower-casing keeps indices aligned with `html` (toLowerCase can change lengths).
  const lower = html.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  // Next opening position per element name, recomputed only once passed: the scan stays linear.
  const next = new Map<string, number>(DROPPED_ELEMENTS.map((tag) => [tag, -2]));
  const find = (tag: string, from: number): number => {
    let at = lower.indexOf(`<${tag}`, from);
    // `<script` must be followed by whitespace, '>' or '/', not e.g. `<scripts>`.
    while (at >= 0 && !/[\s>/]/.test(lower[at + tag.length + 1] ?? '')) at = lower.indexOf(`<${tag}`, at + 1);
    return at;
  };
  let out = '';
  let from = 0;
  for (;;) {
    let start = -1;
    let name = '';
    for (const tag of DROPPED_ELEMENTS) {
      let at = next.get(tag)!;
      if (at !== -1 && at < from) {
        at = find(tag, from);
        next.set(tag, at);
      }
      if (at >= 0 && (start < 0 || at < start)) {
        start = at;
        name = tag;
      }
    }
    if (start < 0) break;
    const close = lower.indexOf(`</${name}`, start);
    const end = close < 0 ? -1 : lower.indexOf('>', close);
    // Unclosed: leave the rest to the HTML parser.
    if (end < 0) break;
    out += html.slice(from, start);
    from = end + 1;
  }
  return out + html.slice(from);
}

let turndown: TurndownService | undefined;
function converter(): TurndownService {
  // Options that match how docs sites write Markdown (ATX headings, fenced code, '-' bullets).
  turndown ??= new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  return turndown;
}

/** Markdown for the page's main content, or null when none can be estimated. */
export function estimateMarkdown(html: string, url: string): string | null {
  if (!html || html.length > MAX_ESTIMATE_HTML_CHARS || nestingDepth(html) > MAX_NESTING) return null;
  let dom: JSDOM;
  try {
    dom = new JSDOM(stripHeavyElements(html), { url, virtualConsole: quietConsole });
  } catch {
    return null;
  }
  try {
    const doc = dom.window.document;
    const article = new Readability(doc, { charThreshold: 100, maxElemsToParse: MAX_READABILITY_ELEMENTS }).parse();
    if (!article?.content) return null;
    const container = doc.createElement('div');
    container.innerHTML = article.content;
    const body = converter().turndown(container).trim();
    if (!body) return null;
    // Readability lifts the title out of the content; a twin starts with it.
    const title = article.title?.trim();
    return title && !body.startsWith('#') ? `# ${title}\n\n${body}\n` : `${body}\n`;
  } catch {
    return null;
  } finally {
    dom.window.close();
  }
}
