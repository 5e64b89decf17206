// Facts of the `business-surface` probe (probes/business-surface/): the pages a business buyer (or the
// agent working for one) looks for, and what they say (SDK languages, certifications, channels, pricing).

/** The page kinds a buyer looks for, in report order (probes/business-surface/types.ts KINDS lists them). */
export type Kind =
  | 'pricing' | 'freeTier' | 'useCases' | 'caseStudies' | 'compliance' | 'sla' | 'statusPage' | 'changelog' | 'roadmap'
  | 'deprecationPolicy' | 'support' | 'sandbox' | 'gettingStarted' | 'apiKeys' | 'sdks' | 'apiReference' | 'community'
  | 'blog' | 'events' | 'partners' | 'termsOfUse' | 'privacy' | 'dataResidency' | 'rateLimits' | 'webhooks'
  | 'authentication' | 'errors' | 'faq';

/**
 * Where a signal comes from: the URL path, the text of links pointing to the page, its <title>, its
 * headings, phrases in its main text, its JSON-LD types, its address (status.example.com), a
 * community channel, or what fetching it gave (redirect to a login, 404).
 */
export type SignalType = 'path' | 'anchor' | 'title' | 'heading' | 'text' | 'structured-data' | 'url' | 'channel' | 'access';

export interface KindEvidence {
  /** The page the signal is about (the candidate). */
  url: string;
  signal: SignalType;
  /** Human-readable: "anchor text 'Pricing' on /", "path /pricing", "text: '€49 per month'". */
  note: string;
  /** Surrounding text for text signals. */
  quote?: string;
  /** The signal's weight before combining (0..1). */
  weight: number;
}

/**
 * found: a public page (crawled and answered 2xx) or a link to one the crawl did not fetch (off-site
 * or not crawled); gated: the page asks for a login (401/403 or a redirect to a sign-in page);
 * broken: the page answers 404/410/5xx or nothing; missing: no candidate reached the threshold.
 */
export type KindStatus = 'found' | 'gated' | 'broken' | 'missing';

export interface KindResult {
  found: boolean;
  status: KindStatus;
  /** The best candidate's URL (final URL for a public page), null when missing. */
  url: string | null;
  /** How sure the best candidate is, 0..1 (found needs at least FOUND_AT; for missing, the closest candidate). */
  confidence: number;
  evidence: KindEvidence[];
  /** The only evidence is a link: the page itself was not read (not crawled, off-site, gated or broken). */
  linkedOnly: boolean;
  gated: boolean;
  broken: boolean;
  /** The URL is on another host than the audited portal. */
  external: boolean;
  /** Further candidates that also reached the threshold (up to 5). */
  otherUrls: string[];
}

export type PricingModel = 'freeTier' | 'perCall' | 'tiered' | 'contactSales' | 'subscription';

export interface Quote {
  url: string;
  quote: string;
}

export interface PricingHint extends Quote {
  model: PricingModel;
}

export interface NamedEvidence {
  name: string;
  url: string;
  note: string;
  quote?: string;
}

export interface ChannelHit {
  /** An address, a phone number, a form's page or a chat widget / link. */
  value: string;
  /** The page it was seen on. */
  url: string;
}

export interface SupportChannels {
  email: ChannelHit[];
  form: ChannelHit[];
  phone: ChannelHit[];
  chat: ChannelHit[];
  /** A help centre or ticket portal (support.example.com, *.zendesk.com). */
  helpCenter: ChannelHit[];
}

export interface CommunityChannels {
  github: string | null;
  forum: string | null;
  chat: string | null;
  stackOverflow: string | null;
}

export interface BusinessSurfaceFacts {
  /** HTML pages whose content was read. */
  pagesChecked: number;
  /** Distinct link targets (crawled or not) judged from anchors. */
  linksChecked: number;
  /** Keyword lists used (page languages found, plus en). */
  languages: string[];
  pages: Record<Kind, KindResult>;
  foundKinds: Kind[];
  missingKinds: Kind[];
  gatedKinds: Kind[];
  brokenKinds: Kind[];
  sdkLanguages: string[];
  sdkEvidence: NamedEvidence[];
  certifications: string[];
  certificationEvidence: NamedEvidence[];
  communityChannels: CommunityChannels;
  supportChannels: SupportChannels;
  pricingModel: PricingHint[];
  /**
   * The newest plausible date written on the changelog page (pages.changelog, when it was read),
   * YYYY-MM-DD; null when there is no readable changelog page or it shows no date (dates.ts).
   */
  changelogNewestDate: string | null;
  /** Whole days from changelogNewestDate to the audit start (Snapshot.startedAt), 0 when later; null without a date. */
  changelogNewestAgeDays: number | null;
  /** The same for the blog / news page (pages.blog). */
  blogNewestDate: string | null;
  blogNewestAgeDays: number | null;
  /** The words each newest date was read from, for evidence. */
  dateQuotes: { changelog: DateQuote | null; blog: DateQuote | null };
  /** A JSON status document or incident feed beside the status page (pages.statusPage). */
  statusMachineReadable: StatusMachineReadableFacts;
}

export interface DateQuote {
  url: string;
  quote: string;
  /** Plausible dates read on the page. */
  dates: number;
  /** The date was after the audit start (within a day: a time-zone edge); its age counts as 0. */
  future: boolean;
}

export type StatusEndpointKind = 'statuspage-json' | 'feed' | 'json';

export type CandidateSource = 'statuspage-api' | 'statuspage-history' | 'link-alternate' | 'anchor';

export interface StatusCheck {
  url: string;
  source: CandidateSource;
  result: 'found' | 'missing' | 'invalid';
  kind: StatusEndpointKind | null;
  /** HTTP status and type, or why it is invalid. */
  note: string;
  /** Statuspage's status.indicator (none, minor, major, critical, maintenance) when read. */
  indicator?: string;
}

export interface StatusMachineReadableFacts {
  found: boolean;
  /** The first valid endpoint (in candidate order), null when none. */
  url: string | null;
  kind: StatusEndpointKind | null;
  /** Candidates that answered, with the verdict. */
  checked: StatusCheck[];
  /** Candidates robots.txt kept portalprobe from asking, or that failed (no response, 429, 5xx): not evidence of absence. */
  notChecked: Array<{ url: string; reason: string }>;
  /**
   * Valid endpoints found; null when nothing can be said: no public status page, or none found while
   * some candidate could not be checked. A model rule can read null as "cannot tell".
   */
  endpointsFound: number | null;
  /** The status page the candidates came from (final URL), null when there is none. */
  statusPage: string | null;
  /** How the status page's links were read: the crawl's copy, one fetch, or not at all (it failed). */
  statusPageRead: 'crawled' | 'fetched' | 'failed' | null;
}
