// Probe `rendering`: which pages need JavaScript before they show their content? Most AI crawlers
// and answer-engine fetchers read raw HTML and never run scripts, so a client-rendered page is an
// empty page to them. With a headless browser (mode `browser`) the probe renders a bounded sample —
// the start page, every page whose raw HTML looks like an app shell, then a spread of other pages —
// and compares raw and rendered words (src/browser/render-compare.ts). Without one (mode `heuristic`)
// it judges from the raw HTML alone (src/browser/app-shell.ts) and says why no browser was used.
// Every request a render makes goes through ctx.fetch (the audit's guarded, cached client); the
// pages themselves are served from the snapshot, never fetched again.
//
// The browser is the audit's (ctx.browser: available, or unavailable with the reason); the probe
// never launches or closes one itself.
import type { Browser } from 'playwright-core';
import { defineProbe, type Finding, type Page, type ProbeContext, type RenderingFacts, type RenderingPageFact } from '../../src/contract/index.js';
import { renderPage, type RenderedPage } from '../../src/browser/browser.js';
import { pageDocument } from '../../src/browser/page-document.js';
import { isHtmlPage } from '../../src/crawl/page-views.js';
import { detectAppShell, type ShellVerdict } from '../../src/browser/app-shell.js';
import { compareRender } from '../../src/browser/render-compare.js';

const TEXT = {
  title: 'JavaScript rendering',
  description:
    'Renders a sample of pages in a headless browser (or, without one, reads their HTML for app-shell signs) and reports the pages whose content only appears after JavaScript runs — invisible to crawlers and agents that read HTML.',
  jsOnly: (raw: number, rendered: number) =>
    `This page shows ${raw} word(s) in its HTML but ${rendered} once its JavaScript runs: crawlers and AI agents that do not run JavaScript see an almost empty page.`,
  likelyJsOnly: (raw: number) =>
    `This page looks like a JavaScript app shell (${raw} word(s) of text in its HTML): crawlers and AI agents that do not run JavaScript likely see an almost empty page.`,
  heuristic: (reason: string) =>
    `Pages were not rendered in a browser (${reason}); JavaScript-only pages were judged from their HTML alone.`,
  nothingToRender: 'the crawl found no HTML page to render',
  renderedOnlyLinks: (n: number, pages: number) =>
    `${n} link(s) appear only after JavaScript runs, on ${pages} rendered page(s): agents that read HTML cannot follow them.`,
  renderFailed: (n: number) => `${n} page(s) could not be rendered; they were judged from their HTML alone.`,
  budget: (n: number) => `${n} page(s) were not rendered: the rendering time budget ran out.`,
  evidence: (raw: number, rendered: number, root: string | null) =>
    `raw HTML ${raw} word(s) vs rendered ${rendered} word(s)${root ? `; empty app root ${root}` : ''}`,
  heuristicEvidence: (signals: string[]) => `signals: ${signals.join('; ')}`,
} as const;

/** Pages rendered per audit at most (the start page always among them). */
export const MAX_RENDERS = 15;
/** Time per page: navigation, load and settle. */
const PAGE_TIMEOUT_MS = 15_000;
/** No new render starts after this (the runner stops a probe at 120 s). */
const RENDER_BUDGET_MS = 75_000;
/** Renders at once (one browser, a fresh context each). */
const CONCURRENCY = 2;
const MAX_LISTED = 500;
const MAX_EXAMPLES = 5;

interface Candidate {
  page: Page;
  verdict: ShellVerdict;
}

function isStart(page: Page, ctx: ProbeContext<'pages'>): boolean {
  const { startUrl, finalUrl } = ctx.snapshot;
  return page.via === 'start' || page.url === startUrl || page.url === finalUrl || page.finalUrl === finalUrl;
}

/** Start page, then likely shells, then an even spread of the rest (shallow pages first). */
export function selectPages(candidates: Candidate[], ctx: ProbeContext<'pages'>, max = MAX_RENDERS): Candidate[] {
  const chosen: Candidate[] = [];
  const take = (c: Candidate | undefined): void => {
    if (c && chosen.length < max && !chosen.includes(c)) chosen.push(c);
  };
  take(candidates.find((c) => isStart(c.page, ctx)));
  for (const c of candidates) if (c.verdict.likelyShell) take(c);
  const rest = candidates
    .filter((c) => !chosen.includes(c))
    .sort((a, b) => (a.page.depth ?? 99) - (b.page.depth ?? 99) || a.page.url.localeCompare(b.page.url));
  const room = max - chosen.length;
  if (room > 0 && rest.length > 0) {
    const step = rest.length / room;
    for (let i = 0; i < room && i * step < rest.length; i++) take(rest[Math.floor(i * step)]);
  }
  return chosen;
}

function heuristicFact(c: Candidate, error?: string): RenderingPageFact {
  return {
    url: c.page.url,
    rawWords: c.verdict.rawWords,
    renderedWords: null,
    ratio: null,
    jsOnly: c.verdict.likelyShell,
    signals: c.verdict.signals.map((s) => s.id),
    verdict: 'heuristic',
    emptyRoot: c.verdict.emptyRoot,
    renderedOnlyLinks: 0,
    ...(error ? { error } : {}),
  };
}

/** Renders the chosen pages, CONCURRENCY at a time, until done or the budget runs out. */
async function renderAll(browser: Browser, chosen: Candidate[], ctx: ProbeContext<'fetch'>): Promise<Map<Candidate, RenderedPage>> {
  const out = new Map<Candidate, RenderedPage>();
  const stopAt = Date.now() + RENDER_BUDGET_MS;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chosen.length && Date.now() < stopAt && !ctx.signal.aborted) {
      const c = chosen[next++];
      const rendered = await renderPage(browser, c.page.finalUrl, {
        fetch: ctx.fetch,
        document: pageDocument(c.page),
        timeoutMs: PAGE_TIMEOUT_MS,
        signal: ctx.signal,
      });
      out.set(c, rendered);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return out;
}

const probe = defineProbe<RenderingFacts>()({
  id: 'rendering',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages', 'browser', 'fetch'],
  async run(ctx) {
    const candidates: Candidate[] = ctx.snapshot.pages.filter(isHtmlPage).map((page) => ({ page, verdict: detectAppShell(page) }));
    const likelyShellUrls = candidates.filter((c) => c.verdict.likelyShell).map((c) => c.page.url);
    const chosen = selectPages(candidates, ctx);
    const findings: Finding[] = [];

    const access = chosen.length > 0 ? ctx.browser : { state: 'unavailable' as const, reason: TEXT.nothingToRender };
    if (access.state === 'unavailable') {
      const pages = chosen.map((c) => heuristicFact(c));
      for (const c of candidates.filter((x) => x.verdict.likelyShell).slice(0, MAX_LISTED)) {
        findings.push({
          severity: 'warning',
          url: c.page.url,
          message: TEXT.likelyJsOnly(c.verdict.rawWords),
          evidence: TEXT.heuristicEvidence(c.verdict.signals.map((s) => `${s.id}: ${s.evidence}`)),
        });
      }
      if (chosen.length > 0) findings.push({ severity: 'info', message: TEXT.heuristic(access.reason) });
      return {
        facts: {
          mode: 'heuristic', jsOnlyUrls: likelyShellUrls.slice(0, MAX_LISTED), pages, renderedOnlyLinks: [], pagesRendered: 0,
          likelyShellUrls: likelyShellUrls.slice(0, MAX_LISTED), browserUnavailableReason: access.reason, renderErrors: 0,
        },
        findings,
      };
    }

    const rendered = await renderAll(access.browser, chosen, ctx);
    const pages: RenderingPageFact[] = [];
    const onlyLinks = new Set<string>();
    let errors = 0;
    let firstError: { url: string; message: string } | null = null;
    let linkPages = 0;
    for (const c of chosen) {
      const r = rendered.get(c);
      if (!r) continue;
      if (r.error && !r.text) {
        errors++;
        firstError ??= { url: c.page.url, message: r.error.message };
        pages.push(heuristicFact(c, r.error.code));
        continue;
      }
      const cmp = compareRender(c.page, r);
      if (cmp.renderedOnlyLinks.length > 0) linkPages++;
      for (const link of cmp.renderedOnlyLinks) if (onlyLinks.size < MAX_LISTED) onlyLinks.add(link);
      pages.push({
        url: c.page.url,
        rawWords: cmp.rawWords,
        renderedWords: cmp.renderedWords,
        ratio: cmp.ratio,
        jsOnly: cmp.jsOnly,
        signals: cmp.signals.map((s) => s.id),
        verdict: 'measured',
        emptyRoot: cmp.emptyRoot,
        renderedOnlyLinks: cmp.renderedOnlyLinks.length,
        ...(r.error ? { error: r.error.code } : {}),
      });
      if (cmp.jsOnly) {
        findings.push({
          severity: 'warning',
          url: c.page.url,
          message: TEXT.jsOnly(cmp.rawWords, cmp.renderedWords),
          evidence: TEXT.evidence(cmp.rawWords, cmp.renderedWords, cmp.emptyRoot),
        });
      }
    }
    const jsOnlyUrls = pages.filter((p) => p.jsOnly).map((p) => p.url);
    if (onlyLinks.size > 0) {
      findings.push({
        severity: 'info',
        message: TEXT.renderedOnlyLinks(onlyLinks.size, linkPages),
        evidence: [...onlyLinks].slice(0, MAX_EXAMPLES).join(', '),
      });
    }
    if (errors > 0) findings.push({ severity: 'info', url: firstError?.url, message: TEXT.renderFailed(errors), evidence: firstError?.message });
    const skipped = chosen.length - rendered.size;
    if (skipped > 0) findings.push({ severity: 'info', message: TEXT.budget(skipped) });
    return {
      facts: {
        mode: 'browser', jsOnlyUrls, pages, renderedOnlyLinks: [...onlyLinks], pagesRendered: rendered.size - errors,
        likelyShellUrls: likelyShellUrls.slice(0, MAX_LISTED), renderErrors: errors,
      },
      findings,
    };
  },
});

export default probe;
