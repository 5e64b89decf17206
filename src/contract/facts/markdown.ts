// Facts of the `markdown` probe (probes/markdown/): Markdown versions of pages for agents, and what
// pages and llms-full.txt cost in tokens.

export type NegotiationOutcome =
  /** text/markdown (or text/x-markdown) with a body that is not HTML. */
  | 'markdown'
  /** Labelled Markdown but the body is an HTML document. */
  | 'mislabelled-html'
  /** Labelled Markdown with an empty body. */
  | 'empty'
  /** The Accept header was ignored: HTML (or another type) came back. */
  | 'ignored'
  /** 4xx/5xx or no response. */
  | 'failed'
  /** portalprobe's own robots.txt manners kept it from asking. */
  | 'robots';

export interface PageTokens {
  url: string;
  /** Tokens of the raw HTML (as crawled, bounded by the body limit). */
  htmlTokens: number;
  /** Tokens of the page's main text (readability). */
  mainTokens: number;
  /** Tokens of the Markdown the site serves for the page (negotiated, sibling or alternate); null without a twin. */
  markdownTokens: number | null;
  /** Where markdownTokens came from. */
  markdownSource: 'negotiated' | 'sibling' | 'alternate' | null;
  /** ESTIMATE when there is no twin: main content converted to Markdown with turndown; null otherwise or when not computable. */
  estimatedMarkdownTokens: number | null;
  /** htmlTokens / mainTokens, one decimal; null when the page has no main text. */
  htmlOverheadRatio: number | null;
  /** The crawl cut the HTML at its body limit, so htmlTokens is a floor. */
  htmlTruncated: boolean;
}

export interface TokenSummary {
  pages: PageTokens[];
  medianHtmlTokens: number | null;
  medianMainTokens: number | null;
  /** Sum of HTML tokens over sum of main-text tokens across sampled pages with main text. */
  htmlOverheadRatio: number | null;
}

export interface NegotiationCheck {
  url: string;
  outcome: NegotiationOutcome;
  status: number;
  contentType: string;
  /** Vary: Accept on the Markdown answer. */
  varyAccept: boolean;
  /** Vary: Accept on the HTML answer the crawl got. */
  htmlVaryAccept: boolean;
  /** The Vary headers as received (null when absent). */
  vary: string | null;
  htmlVary: string | null;
}

export interface MdSibling {
  page: string;
  md: string;
  via: 'convention' | 'alternate';
}

export interface AlternateCheck {
  page: string;
  href: string;
  ok: boolean;
  /** 'twin' when ok; otherwise why not (html, empty, wrong-type, failed, robots). */
  outcome: string;
  status: number;
}

/** A type alias, not an interface: it is then assignable to Record<string, unknown> (report.json `probes[].facts`). */
export type MarkdownFacts = {
  /** At least one sampled page answers Accept: text/markdown with Markdown (docs/ARCHITECTURE.md §3). */
  negotiation: boolean;
  /** At least one sampled page has a Markdown twin at its own URL (.md sibling or working rel=alternate) (docs/ARCHITECTURE.md §3). */
  mdSiblings: boolean;
  pagesSampled: number;
  sampledUrls: string[];
  negotiatingUrls: string[];
  /** Negotiating pages whose Markdown or HTML answer lacks Vary: Accept. */
  varyAcceptMissing: string[];
  negotiationChecks: NegotiationCheck[];
  mdSiblingUrls: MdSibling[];
  alternateLinks: AlternateCheck[];
  /** URLs robots.txt kept portalprobe from asking (not evidence of absence). */
  notChecked: string[];
  tokens: TokenSummary;
  pageTokenLimit: number;
  /** Pages over pageTokenLimit as HTML or as text. */
  oversizedUrls: string[];
  oversizedHtmlUrls: string[];
  oversizedTextUrls: string[];
  llmsFullUrl: string;
  /** Tokens of llms-full.txt; null when absent. */
  llmsFullTokens: number | null;
  llmsFullTokenLimit: number;
  llmsFullTooLarge: boolean;
  llmsFullTruncated: boolean;
};
