// Probe `navigation`: how do a person and an agent find their way, and how do pages preview when
// they are shared or cited? From the crawl's already-parsed pages (no fetches) it reports which
// pages offer on-site search (a role="search" or <search> landmark, input type=search, a search
// form, or a hosted widget: Algolia DocSearch, Coveo, Elastic/Swiftype, Google Programmable Search),
// which show a breadcrumb trail (nav aria-label="Breadcrumb", a breadcrumb class, schema.org
// BreadcrumbList in JSON-LD or microdata), and which carry Open Graph and Twitter card tags.
// Elements are recognised during the crawl's one DOM walk (probes/navigation/elements.ts); hidden
// elements do not count. Judging lives in probes/navigation; this file words the findings.
import { defineProbe, type Finding, type NavigationFacts, type Page } from '../../src/contract/index.js';
import { htmlPages } from '../../src/crawl/page-views.js';
import { describeElement } from './elements.js';
import { summarizeNavigation } from './site.js';

const pct = (share: number | null): string => `${Math.round((share ?? 0) * 100)}%`;

const TEXT = {
  title: 'Search, breadcrumbs and link previews',
  description:
    'Finds on-site search (search landmarks, search inputs and forms, Algolia DocSearch, Coveo, Elastic or Google search widgets), breadcrumb trails (nav aria-label="Breadcrumb", breadcrumb classes, schema.org BreadcrumbList) and link-preview tags (Open Graph og:title, og:description, og:image; twitter:card) on the crawled pages.',
  noPages: 'No HTML pages were crawled, so search, breadcrumbs and link previews could not be checked.',
  noSearch: (n: number) =>
    `No search box found on any of the ${n} crawled page(s): readers who cannot find an answer in the navigation have no way to search the portal.`,
  noSearchEvidence: (forms: string) =>
    `no role="search" or <search> landmark, input type=search, search form (action /search, input q/query/search) or hosted search widget (DocSearch, Algolia, Coveo, Elastic, Google); ${forms}`,
  searchSome: (pages: number, n: number) =>
    `Search is offered on only ${pages} of ${n} page(s) (${pct(pages / n)}): readers who land elsewhere, often from a search engine or an AI answer, do not see it.`,
  searchSomeEvidence: (example: string, exampleUrl: string) => `no search UI here; seen elsewhere as ${example} (${exampleUrl})`,
  noBreadcrumbs: (n: number) =>
    `No breadcrumb trail found on any of the ${n} crawled page(s): readers arriving deep in the docs from search cannot see where the page sits or climb to its section.`,
  noBreadcrumbsEvidence: (depth: number | null) =>
    `no nav aria-label="Breadcrumb", element with a breadcrumb class or id, or schema.org BreadcrumbList (JSON-LD or microdata)${depth !== null ? `; this page is ${depth} click(s) from the start page` : ''}`,
  noBreadcrumbList:
    'Breadcrumb trails are shown but none is marked up as schema.org BreadcrumbList: search engines and answer engines cannot show the page\'s place in the hierarchy.',
  noOpenGraph: (missing: number, n: number) =>
    `${missing} of ${n} page(s) lack og:title or og:description: links shared in chat, social networks and some AI answers show a bare URL or a guessed snippet instead of a proper preview.`,
  someOpenGraph: (missing: number, n: number) => `${missing} of ${n} page(s) lack og:title or og:description (Open Graph), so their link previews are guessed.`,
  openGraphEvidence: (tags: string) => `missing ${tags}; <title> and meta description are all a preview can fall back to`,
  noOgImage: (missing: number, n: number) => `${missing} of ${n} page(s) have no og:image: shared links show no picture.`,
  ogImageRelative: (n: number) => `${n} page(s) give og:image as a relative URL; Open Graph (ogp.me) needs an absolute URL, and most preview services ignore others.`,
  summary: (f: NavigationFacts) =>
    `Search UI on ${f.searchUiPages} of ${f.pagesChecked} page(s)${f.searchKinds.length ? ` (${f.searchKinds.join(', ')})` : ''}; breadcrumbs on ${f.breadcrumbPages}; Open Graph title and description on ${f.openGraphPages}, og:image on ${f.ogImagePages}.`,
  more: (n: number) => ` (+${n} more)`,
} as const;

/** Search UI worth a finding when fewer than this share of pages offers it. */
const SEARCH_SOME_BELOW = 0.5;
/** Open Graph missing on more than this share of pages is "most pages" (warning); below, info. */
const MOST = 0.5;
/** Forms listed in the no-search evidence. */
const MAX_FORMS_LISTED = 3;

function formsText(page: Page | undefined): string {
  if (!page || page.forms.length === 0) return 'the page has no form';
  const listed = page.forms.slice(0, MAX_FORMS_LISTED).map((f) => describeElement({ getAttribute: (n) => (n === 'action' ? f.action : null) }, 'FORM', ['action']));
  const rest = page.forms.length - listed.length;
  return `forms on the page: ${listed.join(', ')}${rest > 0 ? TEXT.more(rest) : ''}`;
}

function missingOgTags(page: Page | undefined): string {
  if (!page) return 'og:title, og:description';
  const has = (key: string) => page.meta.some((m) => (m.property === key || m.name === key) && m.content.trim() !== '');
  return ['og:title', 'og:description'].filter((k) => !has(k)).map((k) => `meta property="${k}"`).join(' and ');
}

export function findingsFor(facts: NavigationFacts, pages: readonly Page[], startUrl: string): Finding[] {
  const n = facts.pagesChecked;
  if (n === 0) return [{ severity: 'info', message: TEXT.noPages }];
  const byUrl = new Map(pages.map((p) => [p.finalUrl || p.url, p]));
  const home = facts.homePreview?.url ?? (byUrl.has(startUrl) ? startUrl : (pages[0].finalUrl || pages[0].url));
  const findings: Finding[] = [];

  if (!facts.searchUi) {
    findings.push({ severity: 'warning', message: TEXT.noSearch(n), url: home, evidence: TEXT.noSearchEvidence(formsText(byUrl.get(home))) });
  } else if ((facts.searchUiShare ?? 0) < SEARCH_SOME_BELOW && facts.pagesWithoutSearch.length > 0) {
    const example = facts.searchExamples[0];
    findings.push({
      severity: 'info', message: TEXT.searchSome(facts.searchUiPages, n), url: facts.pagesWithoutSearch[0],
      evidence: TEXT.searchSomeEvidence(example.element, example.url),
    });
  }

  if (!facts.breadcrumbs) {
    const deepest = facts.pagesWithoutBreadcrumbs[0];
    findings.push({
      severity: 'info', message: TEXT.noBreadcrumbs(n), url: deepest, evidence: TEXT.noBreadcrumbsEvidence(byUrl.get(deepest)?.depth ?? null),
    });
  } else if (facts.breadcrumbListPages === 0) {
    const example = facts.breadcrumbExamples[0];
    findings.push({ severity: 'info', message: TEXT.noBreadcrumbList, url: example.url, evidence: example.element });
  }

  const missingOg = n - facts.openGraphPages;
  if (missingOg > 0) {
    const first = facts.pagesMissingOpenGraph[0];
    const others = missingOg - 1;
    findings.push({
      severity: missingOg / n > MOST ? 'warning' : 'info',
      message: missingOg / n > MOST ? TEXT.noOpenGraph(missingOg, n) : TEXT.someOpenGraph(missingOg, n),
      url: first,
      evidence: TEXT.openGraphEvidence(missingOgTags(byUrl.get(first))) + (others > 0 ? TEXT.more(others) : ''),
    });
  }
  const missingImage = n - facts.ogImagePages;
  if (missingImage / n > MOST) {
    findings.push({
      severity: 'info', message: TEXT.noOgImage(missingImage, n), url: facts.pagesMissingOgImage[0], evidence: 'no meta property="og:image"',
    });
  }
  if (facts.ogImageNotAbsolute.length > 0) {
    const url = facts.ogImageNotAbsolute[0];
    const value = byUrl.get(url)?.meta.find((m) => m.property === 'og:image' || m.name === 'og:image')?.content ?? '';
    findings.push({
      severity: 'info', message: TEXT.ogImageRelative(facts.ogImageNotAbsolute.length), url, evidence: `meta property="og:image" content="${value.slice(0, 120)}"`,
    });
  }
  findings.push({ severity: 'info', message: TEXT.summary(facts) });
  return findings;
}

export const navigationProbe = defineProbe<NavigationFacts>()({
  id: 'navigation',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages'],
  async run(ctx) {
    const pages = htmlPages(ctx.snapshot);
    const facts = summarizeNavigation(pages, [ctx.snapshot.startUrl, ctx.snapshot.finalUrl]);
    return { facts, findings: findingsFor(facts, pages, ctx.snapshot.finalUrl || ctx.snapshot.startUrl) };
  },
});

export default navigationProbe;
