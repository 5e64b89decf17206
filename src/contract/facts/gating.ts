// Facts of the `gating` probe (probes/gating/): the walls between an anonymous visitor and the
// portal's content, and the key pages behind them.

/** Why a page cannot be read by an anonymous visitor (an AI agent, a buyer's analyst). */
export type GateReason =
  /** HTTP 401 (RFC 9110 §15.5.2): the server wants credentials. */
  | 'status-401'
  /** HTTP 403 that reads as an authorisation wall, not a bot block. */
  | 'status-403'
  /** A WAF / bot-management block or challenge (403, 429, 503 … with a vendor signature). */
  | 'bot-blocked'
  /** The redirect chain (or a meta refresh / script redirect) ends on a login, SSO or registration page. */
  | 'login-redirect'
  /** The page answers 200 but is mostly a sign-in form. */
  | 'login-form'
  /** The page's content is replaced by a "register / request access / contact sales" wall. */
  | 'registration-interstitial'
  /** Content is visible, but part of it says "log in to view …". */
  | 'partial';

export type Gate = 'open' | GateReason;

export interface FormEvidence {
  action: string | null;
  method: string;
  hasPassword: boolean;
  inputTypes: string[];
}

/** What shows the gate. Only the fields that apply are set. */
export interface GateEvidence {
  status: number;
  /** Every URL of the redirect chain, ending with the final URL (only when there were redirects). */
  redirects?: string[];
  /** The login / SSO / registration URL the visitor ends on or is sent to. */
  loginUrl?: string;
  /** Which rule recognised the login URL, e.g. `path segment "login"`, `host *.okta.com`. */
  loginRule?: string;
  /** How the visitor is sent there when not by an HTTP redirect. */
  via?: 'meta-refresh' | 'refresh-header' | 'script' | 'location-header' | 'link';
  wwwAuthenticate?: string;
  form?: FormEvidence;
  /** The sentence that says "log in to …" / the wall's wording. */
  sentence?: string;
  /** The call to action on a wall (link or button text). */
  cta?: string;
  /** Bot block: the signature id and vendor. */
  signature?: string;
  vendor?: string | null;
  title?: string;
  /** Main-text length in characters, when it decided the verdict. */
  mainTextLength?: number;
  /**
   * The fetch failed part-way through a redirect chain that had reached a login URL: the error code
   * (`PP_ERR_TIMEOUT`, `PP_ERR_DNS`, `PP_ERR_BLOCKED_ADDRESS` … when the login host did not answer;
   * `PP_ERR_REDIRECT_LOOP` / `PP_ERR_TOO_MANY_REDIRECTS` when portal and login host send the visitor
   * round in circles). `redirects` then ends with the URL that failed (or the repeated one). `status` is 0.
   */
  fetchError?: string;
}

export type KeyKind = 'docs' | 'reference' | 'pricing' | 'sandbox' | 'specs' | 'gettingStarted' | 'apiKeys';

/** The best page found for a key kind. */
export interface KeyPage {
  url: string;
  /** True when a login / registration wall (any gate but `bot-blocked`) keeps it from anonymous visitors; null when not checked. */
  gated: boolean | null;
  /** The verdict's gate; null when the page was not checked. */
  gate: Gate | null;
  /** HTTP status of the page (after redirects); null when not fetched. A 404 key page is missing, not gated. */
  status: number | null;
  /** Where the candidate came from: a crawled page, or a link (fetched by the probe, or not checked). */
  source: 'crawl' | 'link';
  /** Why it was not checked (e.g. `robots.txt`, `other site`, a fetch error code). */
  notChecked?: string;
}

export type LoginWallCause = 'start' | KeyKind | 'most-pages';

export interface GatedPageFact {
  url: string;
  finalUrl: string;
  gate: GateReason;
  evidence: GateEvidence;
}

export interface GatingFacts {
  gatedUrls: string[];
  loginWall: boolean;
  loginWallBecause: LoginWallCause[];
  pages: GatedPageFact[];
  gatedShare: number;
  assessedPages: number;
  gateCounts: Partial<Record<GateReason, number>>;
  keyPages: Record<KeyKind, KeyPage | null>;
  gatedKeyPages: KeyKind[];
  loginUrls: string[];
  botBlockedUrls: string[];
  /** Key pages the crawl had not fetched that the probe fetched itself. */
  keyPagesFetched: number;
}
