// Shapes shared by the sitemap parser, the walker and the sitemap probe (https://www.sitemaps.org/protocol.html).
import type { SitemapKind } from '../contract/index.js';

/** Stable codes for sitemap problems; scoring and tests branch on these, never on message text. */
export type SitemapIssueCode =
  | 'empty'
  | 'html'
  | 'not-xml'
  | 'malformed-xml'
  | 'doctype'
  | 'wrong-root'
  | 'wrong-namespace'
  | 'too-many-urls'
  | 'too-large'
  | 'gzip-invalid'
  | 'truncated'
  | 'missing-loc'
  | 'invalid-lastmod'
  | 'invalid-changefreq'
  | 'invalid-priority'
  | 'loc-not-absolute'
  | 'loc-other-host'
  | 'loc-too-long'
  | 'unknown-tag'
  | 'text-not-url'
  | 'nested-index'
  | 'fetch-failed'
  | 'http-status'
  | 'depth-limit'
  | 'sitemap-limit';

export interface SitemapIssue {
  code: SitemapIssueCode;
  message: string;
  /** How many entries share this problem (problems of one kind are reported once, counted). */
  count?: number;
}

export interface SitemapUrl {
  /** The <loc> text, entity-decoded and trimmed, as the site wrote it. */
  loc: string;
  /** The <lastmod> text when it is a valid W3C datetime. */
  lastmod?: string;
  changefreq?: string;
  priority?: number;
}

export interface SitemapRef {
  loc: string;
  lastmod?: string;
}

export interface SitemapParseResult {
  kind: SitemapKind;
  /** `text` for the one-URL-per-line form the protocol also allows. */
  format: 'xml' | 'text' | 'unknown';
  /** True when the body was gzip and was decompressed. */
  gzipped: boolean;
  urls: SitemapUrl[];
  sitemaps: SitemapRef[];
  errors: SitemapIssue[];
  warnings: SitemapIssue[];
}
