// Probe `structured-data`: the machine-readable description a portal gives of itself — schema.org
// types in JSON-LD, microdata and RDFa Lite on every crawled HTML page — and what it says about the
// business behind it (Organization, WebAPI, products and offers, FAQ, search). Extraction and the
// site read-out live in probes/structured-data; this file picks the pages and words the findings.
// No fetches: everything comes from the crawled pages (JSON-LD blocks and raw HTML).
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { defineProbe, type Finding, type Page, type Snapshot, type StructuredDataFacts } from '../../src/contract/index.js';
import { htmlPages } from '../../src/crawl/page-views.js';
import { AbortedError } from '../../src/errors.js';
import { extractPage } from './extract-page.js';
import { summarizeSite, type CheckedPage } from './site.js';
import type { WarningKind } from '../../src/formats/schema-org/types.js';

const TEXT = {
  title: 'Structured data (schema.org)',
  description:
    'Reads schema.org markup (JSON-LD, microdata, RDFa Lite) on every crawled page: the types found, invalid blocks, and the business facts it states (Organization, WebAPI, products and offers, FAQ, site search).',
  invalid: 'A JSON-LD block is not valid JSON, so search engines and answer engines ignore it.',
  recovered: 'A JSON-LD block is not valid JSON (it could only be read leniently); strict parsers, as most consumers use, ignore it.',
  noneOnHome: 'The home page has no schema.org structured data: nothing tells answer engines who runs the portal (Organization) or how to search it (WebSite with SearchAction).',
  noneAnywhere: (pages: number) =>
    `No schema.org structured data on any of the ${pages} checked page(s): answer engines and search features get no machine-readable facts about the company, its API or its offers.`,
  noOrganization:
    'No schema.org Organization (or subtype such as Corporation) on any checked page: answer engines cannot tie the portal to its company name, logo, official profiles (sameAs) and contact points.',
  noWebApi: (n: number) =>
    `${n} API page(s) but no schema.org WebAPI anywhere: describing the API (name, documentation, termsOfService, provider) helps answer engines and buyers find it.`,
  contextMissing: 'A JSON-LD block has no @context, so consumers cannot tell that its types are schema.org.',
  contextOther: 'A JSON-LD block uses a @context other than schema.org; its types are not read as schema.org types.',
  rdfaNoVocab: 'RDFa typeof without vocab: RDFa processors do not read these types.',
  limits: 'Structured data on this page exceeds what portalprobe reads; part of it was not checked.',
  more: (n: number, what: string) => `${n} more ${what} not listed here (see facts).`,
} as const;

/** Paths whose segment marks API documentation (for the "no WebAPI" finding). */
const API_PATH = /(?:^|\/)(?:api|apis|api-?reference|api-?docs|apidocs|reference|openapi|swagger|graphql)(?:\/|$|\.)/i;
const MAX_FINDINGS_PER_KIND = 10;

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

export function isHomePage(page: Page, snapshot: Snapshot): boolean {
  const targets = [snapshot.finalUrl, snapshot.startUrl].filter(Boolean);
  return targets.some((t) => sameUrl(page.url, t) || sameUrl(page.finalUrl, t));
}

export function isApiPage(url: string): boolean {
  try {
    return API_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** Up to MAX_FINDINGS_PER_KIND findings, then one saying how many more. */
function capped(findings: Finding[], what: string): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_KIND) return findings;
  const rest = findings.length - MAX_FINDINGS_PER_KIND;
  return [...findings.slice(0, MAX_FINDINGS_PER_KIND), { severity: 'info', message: TEXT.more(rest, what) }];
}

const WARNING_TEXT: Partial<Record<WarningKind, { severity: Finding['severity']; message: string }>> = {
  'context-missing': { severity: 'warning', message: TEXT.contextMissing },
  'context-not-schema-org': { severity: 'info', message: TEXT.contextOther },
  'rdfa-no-vocab': { severity: 'info', message: TEXT.rdfaNoVocab },
  'too-deep': { severity: 'info', message: TEXT.limits },
  'too-many': { severity: 'info', message: TEXT.limits },
  'too-large': { severity: 'info', message: TEXT.limits },
};

export function findingsFor(site: StructuredDataFacts, checked: readonly CheckedPage[], home: Page | undefined): Finding[] {
  const findings: Finding[] = [];
  // site.invalid is itself bounded; the "more" line counts from the exact total.
  const shown = site.invalid.slice(0, MAX_FINDINGS_PER_KIND);
  for (const b of shown) {
    findings.push({
      severity: b.recovered ? 'warning' : 'error',
      message: b.recovered ? TEXT.recovered : TEXT.invalid,
      url: b.url,
      evidence: `JSON-LD block ${b.block + 1}: ${b.reason}`,
    });
  }
  if (site.invalidBlocks > shown.length) findings.push({ severity: 'info', message: TEXT.more(site.invalidBlocks - shown.length, 'invalid block(s)') });

  if (site.pagesChecked > 0 && site.pagesWithStructuredData === 0) {
    findings.push({ severity: 'warning', message: TEXT.noneAnywhere(site.pagesChecked), ...(home ? { url: home.finalUrl || home.url } : {}) });
  } else if (home && site.homeTypes !== null && site.homeTypes.length === 0) {
    const url = home.finalUrl || home.url;
    findings.push({ severity: 'warning', message: TEXT.noneOnHome, url, evidence: `${home.jsonLd.length} JSON-LD block(s), no schema.org type` });
  }
  if (site.pagesChecked > 0 && !site.businessTypes.Organization) {
    findings.push({ severity: 'warning', message: TEXT.noOrganization, evidence: `types found: ${site.types.join(', ') || 'none'}` });
  }
  const apiPages = checked.filter((c) => isApiPage(c.data.url)).map((c) => c.data.url);
  if (apiPages.length > 0 && !site.businessTypes.WebAPI) {
    findings.push({
      severity: 'info',
      message: TEXT.noWebApi(apiPages.length),
      url: apiPages[0],
      evidence: `API pages: ${apiPages.slice(0, 3).join(', ')}${apiPages.length > 3 ? ', …' : ''}`,
    });
  }

  const byKind = new Map<WarningKind, Finding[]>();
  for (const { data } of checked) {
    for (const w of data.warnings) {
      const text = WARNING_TEXT[w.kind];
      if (!text) continue;
      const list = byKind.get(w.kind) ?? [];
      const where = w.block === undefined ? w.syntax : `JSON-LD block ${w.block + 1}`;
      list.push({ severity: text.severity, message: text.message, url: data.url, evidence: `${where}: ${w.detail}` });
      byKind.set(w.kind, list);
    }
  }
  for (const [kind, list] of byKind) findings.push(...capped(list, `${kind} warning(s)`));
  return findings;
}

export const structuredDataProbe = defineProbe<StructuredDataFacts>()({
  id: 'structured-data',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages'],
  async run(ctx) {
    const { snapshot } = ctx;
    const checked: CheckedPage[] = [];
    let home: Page | undefined;
    for (const page of htmlPages(snapshot)) {
      if (ctx.signal.aborted) throw new AbortedError(snapshot.origin, ctx.signal.reason);
      const isHome = !home && isHomePage(page, snapshot);
      if (isHome) home = page;
      checked.push({ data: extractPage({ url: page.finalUrl || page.url, html: page.html, jsonLd: page.jsonLd }), isHome });
      // Parsing is synchronous; let timers and progress run between pages.
      await yieldToLoop();
    }
    const facts = summarizeSite(checked);
    return { facts, findings: findingsFor(facts, checked, home) };
  },
});

export default structuredDataProbe;
