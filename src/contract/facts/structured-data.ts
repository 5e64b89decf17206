// Facts of the `structured-data` probe (probes/structured-data/): schema.org types in JSON-LD,
// microdata and RDFa Lite, invalid blocks, and the business facts the markup states.

export type Syntax = 'json-ld' | 'microdata' | 'rdfa';

/** What the report keeps of a top-level item. */
export interface ItemSummary {
  syntax: Syntax;
  types: string[];
  /** Top-level property names, sorted. */
  properties: string[];
  /** Types of the entities nested inside it (any depth within the bounds), sorted, unique. */
  nestedTypes: string[];
}

/** The business types the report answers yes/no for (facts.businessTypes). */
export type BusinessType =
  | 'Organization' | 'WebSite' | 'SearchAction' | 'ContactPoint' | 'WebAPI' | 'APIReference' | 'TechArticle'
  | 'SoftwareApplication' | 'SoftwareSourceCode' | 'Product' | 'Offer' | 'Service' | 'FAQPage' | 'HowTo'
  | 'BreadcrumbList' | 'Event';

export interface ContactPointSummary {
  contactType?: string;
  telephone?: string;
  email?: string;
  url?: string;
}

export interface OrganizationSummary {
  /** The type as written (Organization or a subtype such as Corporation). */
  type: string;
  name: string | null;
  url: string | null;
  logo: string | null;
  sameAs: string[];
  contactPoint?: ContactPointSummary[];
  /** The page it was read from. */
  foundOn: string;
}

export interface WebApiSummary {
  name: string | null;
  documentation: string | null;
  termsOfService: string | null;
  /** The provider's name, url or @id. */
  provider: string | null;
  foundOn: string;
}

export interface InvalidEntry {
  url: string;
  syntax: Syntax;
  /** 0-based JSON-LD block index on the page. */
  block: number;
  reason: string;
  recovered: boolean;
}

export interface PageListing {
  url: string;
  items: ItemSummary[];
  /** Items beyond `items` (the list is bounded). */
  moreItems: number;
  invalid: Array<{ syntax: Syntax; block: number; reason: string; recovered: boolean }>;
  warnings: string[];
}

export interface StructuredDataFacts {
  types: string[];
  invalidBlocks: number;
  recoveredBlocks: number;
  pagesChecked: number;
  pagesWithStructuredData: number;
  jsonLdBlocks: number;
  /** Pages using each syntax (with at least one item). */
  syntaxes: Record<'jsonLd' | 'microdata' | 'rdfa', number>;
  /** schema.org type → pages where it appears at any depth (first LIST_LIMITS.urlsPerType). */
  byType: Record<string, string[]>;
  /** schema.org type → number of pages where it appears. */
  typePageCounts: Record<string, number>;
  /** Types from other vocabularies (IRIs), sorted. */
  otherTypes: string[];
  invalid: InvalidEntry[];
  /** JSON-LD blocks without @context or with a non-schema.org one. */
  contextWarnings: number;
  businessTypes: Record<BusinessType, boolean>;
  organization: OrganizationSummary | null;
  webApi: WebApiSummary | null;
  faqQuestions: number;
  /** Types on the home page (null when the home page was not among the checked pages). */
  homeTypes: string[] | null;
  pages: PageListing[];
}
