// Probe `sitemap`: finds the site's sitemaps (robots.txt `Sitemap:` lines, /sitemap.xml,
// /sitemap_index.xml), walks indexes, and reports whether they follow the protocol
// (https://www.sitemaps.org/protocol.html) and how well they cover the site: URL count, lastmod
// coverage, share on the audited host, and how many crawled pages they list. Parsing and walking
// live in src/sitemap; this file only gathers and summarises.
import { defineProbe, type Finding, type SitemapError, type SitemapFacts, type SitemapSummary } from '../../src/contract/index.js';
import { ageInDays } from '../../src/util/age.js';
import { isHtmlPage } from '../../src/crawl/page-views.js';
import { findSitemapCandidates } from '../../src/sitemap/discover.js';
import { w3cDatetimeToMs } from '../../src/sitemap/w3c-datetime.js';
import { walkSitemaps, type WalkedSitemap } from '../../src/sitemap/walk.js';

const TEXT = {
  title: 'XML sitemap',
  description:
    'Finds the sitemaps named in robots.txt and at /sitemap.xml, follows sitemap indexes, and checks them against the sitemaps.org protocol and against the pages the crawl found.',
  none: (tried: string[]) => `No sitemap found (tried ${tried.join(', ')}); crawlers and answer engines must discover every page through links.`,
  softHtml: (url: string) => `${url} answers 200 with an HTML page, not a sitemap (a soft 404).`,
  issue: (url: string, message: string) => `Sitemap ${url}: ${message}`,
  capped: (n: number) => `The sitemaps list more than ${n.toLocaleString('en-US')} URLs; the counts cover the first ${n.toLocaleString('en-US')}.`,
  lowCoverage: (share: number, pages: number) =>
    `Only ${Math.round(share * 100)}% of the ${pages} crawled HTML pages are listed in the sitemaps.`,
  moreFindings: (n: number) => `${n} more sitemap problem(s) not listed here.`,
  futureLastmod: (lastmod: string) => `The newest <lastmod> (${lastmod}) is later than the audit start; its age is counted as 0 days.`,
} as const;

/** Unique URLs read at most for the coverage facts (memory bound; real sitemaps rarely exceed it). */
const MAX_URLS = 250_000;
const MAX_FINDINGS = 60;
/** Below this share of crawled pages listed, a finding says so. */
const LOW_COVERAGE = 0.5;

function normalize(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** A default-location candidate that is not there (404, soft-404 HTML…) is no error of the site. */
function isAbsentCandidate(record: WalkedSitemap): boolean {
  if (record.status < 200 || record.status >= 300) return true;
  return record.errors.some((e) => e.code === 'html' || e.code === 'empty');
}

function firstPresentUrl(sitemaps: SitemapSummary[]): string | undefined {
  return sitemaps.find((s) => s.status >= 200 && s.status < 300)?.url;
}

export const sitemapProbe = defineProbe<SitemapFacts>()({
  id: 'sitemap',
  title: TEXT.title,
  description: TEXT.description,
  // 'pages' for crawledPagesListed.
  reads: ['fetch', 'pages'],
  async run(ctx) {
    const origin = ctx.snapshot.origin;
    const originHost = hostOf(origin);
    const candidates = await findSitemapCandidates(origin, ctx.fetch);
    const declared = new Set(candidates.declared);
    const defaults = new Set(candidates.defaults);
    const findings: Finding[] = [];
    const issueFindings: Finding[] = [];

    const sitemaps: SitemapSummary[] = [];
    const errors: SitemapError[] = [];
    const listed = new Set<string>();
    let withLastmod = 0;
    let sameHost = 0;
    let newestMs = -Infinity;
    let newest: string | null = null;
    let indexDepth = 0;
    let urlCountCapped = false;
    let current: WalkedSitemap | null = null;
    let skipCurrent = false;

    const walk = walkSitemaps([...candidates.declared, ...candidates.defaults], ctx.fetch, {
      maxDepth: ctx.options.maxSitemapDepth,
      maxSitemaps: Math.max(ctx.options.maxLinkChecks, candidates.declared.length + candidates.defaults.length),
      maxUrls: MAX_URLS + 1,
      signal: ctx.signal,
    });
    for await (const item of walk) {
      if (item.type === 'sitemap') {
        current = item;
        skipCurrent = item.parent === null && defaults.has(item.url) && !declared.has(item.url) && isAbsentCandidate(item);
        if (skipCurrent) {
          if (item.status >= 200 && item.status < 300 && item.errors.some((e) => e.code === 'html')) {
            findings.push({ severity: 'info', message: TEXT.softHtml(item.url), url: item.url });
          }
          continue;
        }
        if (item.kind === 'index') indexDepth = Math.max(indexDepth, item.depth + 1);
        sitemaps.push({
          url: item.url,
          status: item.status,
          kind: item.kind,
          urlCount: item.urlCount,
          errors: item.errors.map((e) => e.message),
          depth: item.depth,
          parent: item.parent,
        });
        for (const e of item.errors) {
          errors.push({ url: item.url, code: e.code, message: e.message });
          issueFindings.push({ severity: 'error', message: TEXT.issue(item.url, e.message), url: item.url });
        }
        for (const w of item.warnings) issueFindings.push({ severity: 'warning', message: TEXT.issue(item.url, w.message), url: item.url });
        continue;
      }
      if (skipCurrent || !current) continue;
      const key = normalize(item.url.loc) ?? item.url.loc;
      if (listed.has(key)) continue;
      if (listed.size >= MAX_URLS) {
        urlCountCapped = true;
        break;
      }
      listed.add(key);
      if (hostOf(key) === originHost) sameHost += 1;
      if (item.url.lastmod) {
        withLastmod += 1;
        const ms = w3cDatetimeToMs(item.url.lastmod);
        if (ms !== undefined && ms > newestMs) {
          newestMs = ms;
          newest = item.url.lastmod;
        }
      }
    }

    const present = sitemaps.some((s) => s.status >= 200 && s.status < 300 && s.parent === null);
    const htmlPages = ctx.snapshot.pages.filter(isHtmlPage);
    // The crawled pages the sitemaps list, by the URL they are listed under (what the fit-check asks).
    const listedPageUrls = new Set<string>();
    let listedPages = 0;
    for (const p of htmlPages) {
      const asListed = [normalize(p.url), normalize(p.finalUrl)].filter((u): u is string => u !== null && listed.has(u));
      if (asListed.length === 0) continue;
      listedPages += 1;
      for (const u of asListed) listedPageUrls.add(u);
    }
    const crawledPagesListed = present ? share(listedPages, htmlPages.length) : (htmlPages.length ? 0 : null);

    if (!present) {
      findings.push({ severity: 'warning', message: TEXT.none([...candidates.declared, ...candidates.defaults]) });
    }
    if (urlCountCapped) findings.push({ severity: 'info', message: TEXT.capped(MAX_URLS) });
    if (present && crawledPagesListed !== null && crawledPagesListed < LOW_COVERAGE && htmlPages.length >= 5) {
      findings.push({ severity: 'warning', message: TEXT.lowCoverage(crawledPagesListed, htmlPages.length) });
    }
    findings.push(...issueFindings.slice(0, MAX_FINDINGS));
    if (issueFindings.length > MAX_FINDINGS) findings.push({ severity: 'info', message: TEXT.moreFindings(issueFindings.length - MAX_FINDINGS) });

    // Relative to the crawl start, never the clock: the same snapshot always gives the same age.
    const lastmodAge = newest === null ? null : ageInDays(new Date(newestMs).toISOString(), ctx.snapshot.startedAt);
    if (lastmodAge?.future) findings.push({ severity: 'info', message: TEXT.futureLastmod(newest!), url: firstPresentUrl(sitemaps), evidence: `<lastmod>${newest}</lastmod>` });

    const firstPresent = sitemaps.find((s) => s.parent === null && s.status >= 200 && s.status < 300);
    return {
      facts: {
        url: firstPresent?.url ?? null,
        present,
        urlCount: listed.size,
        errors,
        sitemaps,
        declaredInRobots: candidates.declared,
        lastmodCoverage: share(withLastmod, listed.size),
        newestLastmod: newest,
        newestLastmodAgeDays: lastmodAge?.days ?? null,
        sameHostShare: share(sameHost, listed.size),
        crawledPagesListed,
        listedPageUrls: present ? [...listedPageUrls] : [],
        indexDepth,
        urlCountCapped,
      },
      findings,
    };
  },
});

export default sitemapProbe;
