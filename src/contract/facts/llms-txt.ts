// Facts of the `llms-txt` probe (probes/llms-txt/): /llms.txt and /llms-full.txt per llmstxt.org.

/** A type alias, not an interface: it is then assignable to Record<string, unknown> (report.json `probes[].facts`). */
export type LlmsTxtFacts = {
  url: string;
  present: boolean;
  /** Present and without errors. */
  valid: boolean;
  title: string | null;
  summary: string | null;
  sectionCount: number;
  /** List-item links (in sections, and any listed before the first section). */
  linkCount: number;
  optionalLinkCount: number;
  /** Distinct absolute link URLs, in order; the crawl seeds from these. */
  links: string[];
  checkedLinks: number;
  brokenLinks: number;
  brokenLinkUrls: string[];
  sameSiteLinkShare: number | null;
  mdLinkShare: number | null;
  /** Tokens of llms.txt (null when absent). */
  tokens: number | null;
  /** Messages of the parse errors. */
  errors: string[];
  fullUrl: string;
  fullPresent: boolean;
  /** Tokens of llms-full.txt (null when absent). */
  fullTokens: number | null;
  fullTruncated: boolean;
};
