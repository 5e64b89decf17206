// Raw HTML versus rendered DOM for one page (pure). The crawl reads HTML the way AI crawlers and
// answer-engine fetchers do — without running JavaScript; the browser shows what a person (or a
// browser-driving agent) sees. When most of the words exist only after rendering, the page is
// "JS-only": invisible to agents that do not run JavaScript.
//
// jsOnly rule: rendered text has at least MIN_RENDERED_WORDS words, and the raw HTML holds fewer
// than JS_ONLY_SHARE of that many. Tuned on test/fixtures/rendering: real static pages render to
// about as many words as their raw HTML (ratio 0.8–1.3: innerText drops CSS-hidden text, raw
// visibleText joins some block elements), app shells to a few percent. 50 words keeps a tiny page
// whose "content" is a cookie banner from counting; 20 % leaves room for a static header and footer
// around client-rendered content.
import type { Anchor } from '../contract/index.js';
import { detectAppShell, type ShellInput, type ShellSignal } from './app-shell.js';
import { countWords } from './words.js';

export { countWords } from './words.js';
export {
  detectAppShell, findEmptyAppRoot, frameworkMarkers, textPerScriptByte,
  type ShellInput, type ShellSignal, type ShellSignalId, type ShellVerdict,
} from './app-shell.js';

export const MIN_RENDERED_WORDS = 50;
export const JS_ONLY_SHARE = 0.2;

export type RawPage = ShellInput & { anchors: Anchor[] };

export interface RenderedText {
  text: string;
  links: string[];
}

export interface RenderComparison {
  rawWords: number;
  renderedWords: number;
  /** rawWords / renderedWords, 2 decimals; null when the rendered page has no words. */
  ratio: number | null;
  jsOnly: boolean;
  /** Links in the rendered DOM that the raw HTML does not have, in rendered order. */
  renderedOnlyLinks: string[];
  /** Heuristic signals from the raw HTML (kept as evidence beside the measured verdict). */
  signals: ShellSignal[];
  emptyRoot: string | null;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** True when the raw HTML holds too little of the rendered text (see the rule above). */
export function isJsOnly(rawWords: number, renderedWords: number): boolean {
  return renderedWords >= MIN_RENDERED_WORDS && rawWords < JS_ONLY_SHARE * renderedWords;
}

/** Links only the rendered DOM has (both sides are absolute, fragment-free URLs). */
export function renderedOnlyLinks(rawAnchors: Anchor[], renderedLinks: string[]): string[] {
  const raw = new Set(rawAnchors.map((a) => a.href));
  return [...new Set(renderedLinks)].filter((href) => !raw.has(href));
}

export function compareRender(raw: RawPage, rendered: RenderedText): RenderComparison {
  const shell = detectAppShell(raw);
  const renderedWords = countWords(rendered.text);
  return {
    rawWords: shell.rawWords,
    renderedWords,
    ratio: renderedWords > 0 ? round2(shell.rawWords / renderedWords) : null,
    jsOnly: isJsOnly(shell.rawWords, renderedWords),
    renderedOnlyLinks: renderedOnlyLinks(raw.anchors, rendered.links),
    signals: shell.signals,
    emptyRoot: shell.emptyRoot,
  };
}
