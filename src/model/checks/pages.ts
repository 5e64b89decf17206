// Named checks over what the crawled pages show to an anonymous reader: login walls on key pages
// (gating probe), content that needs JavaScript (rendering), broken links, titles and descriptions
// (indexability) and Markdown versions (markdown). Shares are judged with the same pass/partial
// thresholds as the `ratio` fact test.
import type { Evidence } from '../../contract/index.js';
import { boundedNotes, fill, isNum, isText, listOf, pageKey, pct, shareScore, stringsOf, withUrl, type NamedCheck } from './common.js';
import { isRecord } from '../../util/is-record.js';

// User-facing strings.
const T = {
  loginWall: 'gating: login wall — {causes} cannot be read without signing in',
  loginWallUnknown: 'gating: login wall — most of the portal cannot be read without signing in',
  noKeyPages: 'gating: no documentation key page (docs, reference, getting started, specification) was found to check',
  keyGated: 'gating: the {kind} ({url}) is behind a login ({gate})',
  keysOpen: 'gating: {n} documentation key page(s) readable without login: {kinds}',
  keyNotChecked: 'gating: the {kind} ({url}) was not checked ({why})',
  jsNotMeasured: 'rendering: no page was sampled',
  noJsOnly: 'rendering: none of the {n} sampled pages needs JavaScript to show its content ({mode} mode)',
  jsOnly: 'rendering: {url} shows its content only after JavaScript runs ({mode} mode)',
  moreJsOnly: 'rendering: … and {n} more pages that need JavaScript',
  jsShare: 'rendering: {k} of {n} pages need JavaScript to show their content',
  noPagesChecked: 'indexability: no page was checked',
  broken: 'indexability: {url} answers HTTP {status}',
  moreBroken: 'indexability: … and {n} more broken URLs',
  brokenRate: 'indexability: {k} of {n} crawled URLs are broken ({rate}; pass at ≤ 1%, partial up to 5%)',
  noBroken: 'indexability: none of the {n} crawled URLs answers 404, 410 or 5xx',
  noTitle: 'indexability: {url} has no <title>',
  dupTitle: 'indexability: "{title}" is the title of {n} different pages ({urls})',
  titlesOk: 'indexability: {ok} of {n} pages have a title of their own ({share})',
  noDescription: 'indexability: {url} has no meta description',
  descriptions: 'indexability: {ok} of {n} pages have a meta description ({share}; pass at 90%, partial from 50%)',
  mdNone: 'markdown: none of the {n} sampled pages offers a Markdown version',
  mdSome: 'markdown: {k} of {n} sampled pages offer a Markdown version ({share}; pass at 80%)',
  mdPage: 'markdown: {url} has a Markdown version',
  mdNotSampled: 'markdown: no page was sampled',
} as const;

/** The gating key kinds that are documentation (pricing, sandbox and API keys are judged elsewhere). */
export const DOC_KEY_KINDS = ['docs', 'reference', 'gettingStarted', 'specs'] as const;
const KIND_NAMES: Record<(typeof DOC_KEY_KINDS)[number], string> = {
  docs: 'documentation',
  reference: 'API reference',
  gettingStarted: 'getting-started guide',
  specs: 'API specification',
};
/** A URL answering one of these is broken; 401/403 are login walls and 429 is transient. */
const isBrokenStatus = (s: number): boolean => s === 404 || s === 410 || s >= 500 || s === 0;

export const PAGE_CHECKS: Readonly<Record<string, NamedCheck>> = {
  /**
   * Overviews, guides, reference and specification readable anonymously (catalogue DM-29, see src/model/README.md).
   * A login wall over the portal fails it outright; otherwise score = share of the documentation key
   * pages found that are open. Key pages the probe could not check do not count either way.
   */
  docsKeyPagesOpen: {
    uses: ['gating.keyPages', 'gating.loginWall', 'gating.loginWallBecause'],
    description: 'No login wall, and the documentation key pages (docs, reference, getting started, specification) are readable without login; score = share open.',
    run(facts) {
      const gating = facts.gating ?? {};
      if (gating.loginWall === true) {
        const causes = (stringsOf(gating.loginWallBecause) ?? []).join(', ');
        return { score: 0, evidence: [{ note: causes ? fill(T.loginWall, { causes }) : T.loginWallUnknown }] };
      }
      if (!isRecord(gating.keyPages)) return { score: null, evidence: [{ note: T.noKeyPages }] };
      const open: string[] = [];
      const evidence: Evidence[] = [];
      let judged = 0;
      for (const kind of DOC_KEY_KINDS) {
        const page = gating.keyPages[kind];
        if (!isRecord(page) || !isText(page.url)) continue;
        if (typeof page.gated !== 'boolean') {
          evidence.push(withUrl(fill(T.keyNotChecked, { kind: KIND_NAMES[kind], url: page.url, why: isText(page.notChecked) ? page.notChecked : 'not fetched' }), page.url));
          continue;
        }
        judged++;
        if (page.gated) evidence.unshift(withUrl(fill(T.keyGated, { kind: KIND_NAMES[kind], url: page.url, gate: isText(page.gate) ? page.gate : 'login' }), page.url));
        else open.push(KIND_NAMES[kind]);
      }
      if (judged === 0) return { score: null, evidence: evidence.length > 0 ? evidence : [{ note: T.noKeyPages }] };
      if (open.length > 0) evidence.push({ note: fill(T.keysOpen, { n: open.length, kinds: open.join(', ') }) });
      return { score: open.length / judged, evidence };
    },
  },

  /**
   * Content in the raw HTML (catalogue DI-22, the "SPA gap"). Pass only when no page needs
   * JavaScript; otherwise score = share of pages that do not, and 0 when half or more need it. The
   * denominator is the rendering sample (in heuristic mode the JS-only list covers every crawled
   * page, so the larger of the two counts is used).
   */
  contentWithoutJavaScript: {
    uses: ['rendering.jsOnlyUrls', 'rendering.pages', 'rendering.mode'],
    description: 'No sampled page needs JavaScript to show its content; score = share of pages that do not (0 when half or more need it).',
    run(facts) {
      const r = facts.rendering ?? {};
      const jsOnly = stringsOf(r.jsOnlyUrls);
      const pages = listOf(r.pages);
      if (!jsOnly || !pages) return { score: null, evidence: [{ note: T.jsNotMeasured }] };
      const mode = isText(r.mode) ? r.mode : 'unknown';
      const n = Math.max(pages.length, jsOnly.length);
      if (n === 0) return { score: null, evidence: [{ note: T.jsNotMeasured }] };
      if (jsOnly.length === 0) return { score: 1, evidence: [{ note: fill(T.noJsOnly, { n, mode }) }] };
      const evidence = [
        { note: fill(T.jsShare, { k: jsOnly.length, n }) },
        ...boundedNotes(jsOnly, (url) => withUrl(fill(T.jsOnly, { url, mode }), url), (more) => fill(T.moreJsOnly, { n: more })),
      ];
      const share = jsOnly.length / n;
      return { score: share >= 0.5 ? 0 : 1 - share, evidence };
    },
  },

  /** Broken links: pass at ≤ 1% of crawled URLs answering 404/410/5xx, 0.5 up to 5% (DI-18). */
  brokenLinkRate: {
    uses: ['indexability.errorStatusUrls', 'indexability.pagesChecked'],
    description: 'Share of crawled URLs that answer 404, 410, 5xx or nothing: pass at ≤ 1%, 0.5 up to 5%, else 0. 401/403 are login walls, not broken links.',
    run(facts) {
      const ix = facts.indexability ?? {};
      const errors = listOf(ix.errorStatusUrls);
      if (!errors || !isNum(ix.pagesChecked)) return { score: null, evidence: [{ note: T.noPagesChecked }] };
      const total = ix.pagesChecked + errors.length;
      if (total === 0) return { score: null, evidence: [{ note: T.noPagesChecked }] };
      const broken = errors.filter((e): e is { url: string; status: number } => isRecord(e) && isText(e.url) && isNum(e.status) && isBrokenStatus(e.status));
      if (broken.length === 0) return { score: 1, evidence: [{ note: fill(T.noBroken, { n: total }) }] };
      const rate = broken.length / total;
      const evidence = [
        { note: fill(T.brokenRate, { k: broken.length, n: total, rate: `${(rate * 100).toFixed(1)}%` }) },
        ...boundedNotes(broken, (e) => withUrl(fill(T.broken, { url: e.url, status: e.status }), e.url), (more) => fill(T.moreBroken, { n: more })),
      ];
      return { score: rate <= 0.01 ? 1 : rate <= 0.05 ? 0.5 : 0, evidence };
    },
  },

  /**
   * Every page has its own title (DI-08). Titles shared by URLs that differ only in their query
   * string are one page seen several times (e.g. /login?next=…), not duplicates.
   */
  uniquePageTitles: {
    uses: ['indexability.duplicateTitles', 'indexability.pagesWithoutTitle', 'indexability.pagesChecked'],
    description: 'Share of pages with a title of their own (no title, or one shared with a different page, counts against): pass at 95%, partial from 50%.',
    run(facts) {
      const ix = facts.indexability ?? {};
      const missing = stringsOf(ix.pagesWithoutTitle);
      const dups = listOf(ix.duplicateTitles);
      if (!missing || !dups || !isNum(ix.pagesChecked) || ix.pagesChecked === 0) return { score: null, evidence: [{ note: T.noPagesChecked }] };
      const evidence: Evidence[] = boundedNotes(missing, (url) => withUrl(fill(T.noTitle, { url }), url), (n) => `indexability: … and ${n} more pages without a title`);
      let extra = 0;
      for (const d of dups) {
        if (!isRecord(d) || !isText(d.title)) continue;
        const urls = stringsOf(d.urls) ?? [];
        const pages = [...new Set(urls.map(pageKey))];
        if (pages.length < 2) continue;
        extra += pages.length - 1;
        if (evidence.length < 8) evidence.push(withUrl(fill(T.dupTitle, { title: d.title, n: pages.length, urls: pages.slice(0, 3).join(', ') }), pages[0]));
      }
      const ok = Math.max(0, ix.pagesChecked - missing.length - extra);
      const share = ok / ix.pagesChecked;
      evidence.unshift({ note: fill(T.titlesOk, { ok, n: ix.pagesChecked, share: pct(share) }) });
      return { score: shareScore(share, 0.95, 0.5), evidence };
    },
  },

  /** Meta descriptions: pass at 90% of pages, partial (the share) from 50% (DI-08). */
  metaDescriptionCoverage: {
    uses: ['indexability.pagesWithoutDescription', 'indexability.pagesChecked'],
    description: 'Share of pages with a meta description: pass at 90%, partial from 50%.',
    run(facts) {
      const ix = facts.indexability ?? {};
      const missing = stringsOf(ix.pagesWithoutDescription);
      if (!missing || !isNum(ix.pagesChecked) || ix.pagesChecked === 0) return { score: null, evidence: [{ note: T.noPagesChecked }] };
      const ok = Math.max(0, ix.pagesChecked - missing.length);
      const share = ok / ix.pagesChecked;
      return {
        score: shareScore(share, 0.9, 0.5),
        evidence: [
          { note: fill(T.descriptions, { ok, n: ix.pagesChecked, share: pct(share) }) },
          ...boundedNotes(missing, (url) => withUrl(fill(T.noDescription, { url }), url), (n) => `indexability: … and ${n} more pages without a description`),
        ],
      };
    },
  },

  /**
   * Markdown versions (llmstxt.org .md twins, or Accept: text/markdown): pass when 80% of the sampled
   * pages offer one, 0.5 when some do, 0 when none does.
   */
  markdownCoverage: {
    uses: ['markdown.pagesSampled', 'markdown.mdSiblingUrls', 'markdown.negotiatingUrls'],
    description: 'Share of sampled pages with a Markdown version (.md twin or Accept: text/markdown): pass at 80%, 0.5 when some have one, 0 when none.',
    run(facts) {
      const md = facts.markdown ?? {};
      const twins = listOf(md.mdSiblingUrls);
      const negotiating = stringsOf(md.negotiatingUrls);
      if (!isNum(md.pagesSampled) || !twins || !negotiating) return { score: null, evidence: [{ note: T.mdNotSampled }] };
      if (md.pagesSampled === 0) return { score: null, evidence: [{ note: T.mdNotSampled }] };
      const pages = new Set<string>(negotiating);
      for (const t of twins) if (isRecord(t) && isText(t.page)) pages.add(t.page);
      const k = Math.min(pages.size, md.pagesSampled);
      if (k === 0) return { score: 0, evidence: [{ note: fill(T.mdNone, { n: md.pagesSampled }) }] };
      const share = k / md.pagesSampled;
      return {
        score: share >= 0.8 ? 1 : 0.5,
        evidence: [
          { note: fill(T.mdSome, { k, n: md.pagesSampled, share: pct(share) }) },
          ...[...pages].slice(0, 5).map((url) => withUrl(fill(T.mdPage, { url }), url)),
        ],
      };
    },
  },
};
