// Facts of the `rendering` probe (probes/rendering/): which pages need JavaScript to show their content.

export interface RenderingPageFact {
  url: string;
  rawWords: number;
  /** Null when the page was not rendered (heuristic mode, or the render failed). */
  renderedWords: number | null;
  ratio: number | null;
  jsOnly: boolean;
  /** Ids of the raw-HTML signals (empty-app-root, noscript-enable-js, low-text-to-script, framework:x). */
  signals: string[];
  /** How jsOnly was decided. */
  verdict: 'measured' | 'heuristic';
  emptyRoot: string | null;
  renderedOnlyLinks: number;
  error?: string;
}

export interface RenderingFacts {
  mode: 'browser' | 'heuristic';
  /** Pages whose content needs JavaScript (measured in browser mode, judged from HTML otherwise). */
  jsOnlyUrls: string[];
  pages: RenderingPageFact[];
  /** Same-page links that exist only in the rendered DOM, across rendered pages. */
  renderedOnlyLinks: string[];
  pagesRendered: number;
  /** HTML pages whose raw HTML looks like an app shell (all crawled pages, not only the sample). */
  likelyShellUrls: string[];
  /** Why mode is heuristic. */
  browserUnavailableReason?: string;
  renderErrors: number;
}
