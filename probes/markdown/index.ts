// Probe `markdown`: is the documentation readable by agents as Markdown, and what does the HTML cost
// them? For a bounded sample of crawled pages (start page, docs pages first) it asks the same URL
// with `Accept: text/markdown` (content negotiation, with `Vary: Accept`), tries the `.md` sibling
// URLs (llmstxt.org convention) and checks <link rel="alternate" type="text/markdown"> targets. It
// counts tokens (tiktoken) of each page's HTML, main text and Markdown (served, or an estimate made
// with turndown), flags pages too large for a typical agent context, and measures llms-full.txt.
// Judging lives in probes/markdown; this file gathers.
import { mapPool } from '../../src/util/map-pool.js';
import { type AlternateCheck, defineProbe, type Finding, type MarkdownFacts, type MdSibling, type NegotiationCheck, type Page, type PageTokens, type ProbeContext } from '../../src/contract/index.js';
import { llmsTxtFromResponse } from '../../src/llms-txt/response.js';
import { estimateMarkdown } from './estimate.js';
import { classifyNegotiation, MARKDOWN_ACCEPT, varyListsAccept } from './negotiation.js';
import { samplePages, MAX_SAMPLE } from './sample.js';
import { classifyTwin, markdownAlternates, siblingCandidates } from './siblings.js';
import { FULL_TOKEN_LIMIT, oversizedPages, PAGE_TOKEN_LIMIT, ratio, readableTokens, summarizeTokens } from './token-stats.js';
import { countTokens } from '../../src/util/tokens.js';

const fmt = (n: number): string => n.toLocaleString('en-US');
/** The URL a page was checked at: where the crawl landed (after redirects). */
const checkedUrl = (page: Page): string => page.finalUrl || page.url;

const TEXT = {
  title: 'Markdown for agents',
  description:
    'Checks whether pages are available as Markdown (Accept: text/markdown negotiation with Vary: Accept, .md twins, rel="alternate" links), what their HTML costs in tokens compared with their text, and whether pages and llms-full.txt fit an agent\'s context.',
  noPages: 'No HTML pages were crawled, so no page could be checked for a Markdown version.',
  noMarkdown: (n: number, overhead: number | null) =>
    `None of the ${n} sampled pages offers Markdown: none answers Accept: text/markdown, has a .md twin or links one with rel="alternate".`
    + (overhead ? ` Agents read the HTML instead, about ${overhead}× the tokens of the text.` : ''),
  noNegotiation: (n: number) =>
    `Markdown twins exist, but none of the ${n} sampled pages answers Accept: text/markdown with Markdown; agents that ask by content negotiation get HTML.`,
  varyMissing: (url: string, which: string) =>
    `${url} serves Markdown on Accept: text/markdown, but its ${which} has no Vary: Accept; shared caches may serve the Markdown to browsers or the HTML to agents.`,
  mislabelled: (url: string, type: string) => `${url} answers Accept: text/markdown with an HTML page labelled ${type}.`,
  emptyMarkdown: (url: string) => `${url} answers Accept: text/markdown with an empty body.`,
  brokenAlternate: (page: string, href: string, why: string) =>
    `${page} declares a Markdown version at ${href}, but it ${why}.`,
  twinWhy: {
    html: 'returns an HTML page',
    empty: 'is empty',
    'wrong-type': 'is not a text file',
    failed: 'cannot be fetched',
  } as Record<string, string>,
  htmlOversized: (url: string, n: number, hasTwin: boolean) =>
    `${url}: the HTML is ${fmt(n)} tokens (over ${fmt(PAGE_TOKEN_LIMIT)}); an agent reading it spends most of its context on markup`
    + (hasTwin ? ' unless it uses the Markdown version.' : '. A Markdown version would be far smaller.'),
  textOversized: (url: string, n: number) =>
    `${url}: even its text is ${fmt(n)} tokens (over ${fmt(PAGE_TOKEN_LIMIT)}); split the page so an agent can read one part at a time.`,
  fullTooLarge: (url: string, n: number) =>
    `${url} is ${fmt(n)} tokens, more than the ${fmt(FULL_TOKEN_LIMIT)} of a 128k-context model: agents cannot load it whole. Split it by product or section.`,
  fullTruncated: (url: string, bytes: number) => `${url} is larger than ${fmt(bytes)} bytes; its token count covers the start only.`,
  notChecked: (urls: string[]) => `${urls.length} URL(s) not checked because robots.txt disallows them for portalprobe (not counted as missing).`,
  fullNotChecked: (url: string) => `${url} not checked (robots.txt disallows it for portalprobe).`,
} as const;

/** Same cap as the llms-txt probe (same cache entry: the file is fetched once per audit). */
const MAX_FULL_BYTES = 32 * 1024 * 1024;
const CONCURRENCY = 4;
/** Alternate links checked per page. */
const MAX_ALTERNATES_PER_PAGE = 2;
/**
 * CPU time spent on turndown estimates at most (each re-parses a page: ~0.5–3 s on large pages);
 * pages left over get no estimate rather than pushing the probe towards its timeout.
 */
const ESTIMATE_BUDGET_MS = 20_000;
/** Findings of one kind listed one by one; the rest are summed up in the facts. */
const MAX_FINDINGS_PER_KIND = 10;

interface PageResult {
  page: Page;
  negotiation: NegotiationCheck;
  negotiated: string | null;
  alternates: AlternateCheck[];
  alternateText: string | null;
  sibling: { url: string; text: string } | null;
  notChecked: string[];
}

async function checkPage(ctx: ProbeContext<'fetch'>, page: Page): Promise<PageResult> {
  const url = checkedUrl(page);
  const notChecked: string[] = [];

  // 1. Content negotiation: the same URL, Accept: text/markdown (a distinct entry in the audit cache).
  const negRes = await ctx.read(url, { accept: MARKDOWN_ACCEPT, useSnapshot: false });
  const neg = classifyNegotiation(negRes);
  if (neg.outcome === 'robots') notChecked.push(url);
  const negotiation: NegotiationCheck = {
    url, outcome: neg.outcome, status: neg.status, contentType: neg.contentType, varyAccept: neg.varyAccept,
    htmlVaryAccept: varyListsAccept(page.headers.vary),
    vary: negRes.headers.vary ?? null,
    htmlVary: page.headers.vary ?? null,
  };

  // 2. Declared twins: <link rel="alternate" type="text/markdown">.
  const alternates: AlternateCheck[] = [];
  let alternateText: string | null = null;
  for (const link of markdownAlternates(page).slice(0, MAX_ALTERNATES_PER_PAGE)) {
    const res = await ctx.read(link.href);
    const outcome = classifyTwin(res);
    if (outcome === 'robots') notChecked.push(link.href);
    alternates.push({ page: url, href: link.href, ok: outcome === 'twin', outcome, status: res.status });
    if (outcome === 'twin' && alternateText === null) alternateText = res.text;
  }

  // 3. The .md sibling convention; the first candidate that answers wins.
  let sibling: PageResult['sibling'] = null;
  for (const candidate of siblingCandidates(url)) {
    const res = await ctx.read(candidate);
    const outcome = classifyTwin(res);
    if (outcome === 'robots') notChecked.push(candidate);
    if (outcome === 'twin') {
      sibling = { url: candidate, text: res.text };
      break;
    }
  }
  return { page, negotiation, negotiated: neg.markdown, alternates, alternateText, sibling, notChecked };
}

function pageTokens(r: PageResult, budget: { leftMs: number }): PageTokens {
  const { page } = r;
  const htmlTokens = countTokens(page.html);
  const mainTokens = countTokens(page.mainText);
  const source = r.negotiated !== null ? 'negotiated' : r.sibling ? 'sibling' : r.alternateText !== null ? 'alternate' : null;
  const twin = r.negotiated ?? r.sibling?.text ?? r.alternateText;
  let estimated: number | null = null;
  if (twin === null && budget.leftMs > 0) {
    const started = performance.now();
    const md = estimateMarkdown(page.html, checkedUrl(page));
    estimated = md === null ? null : countTokens(md);
    budget.leftMs -= performance.now() - started;
  }
  return {
    url: checkedUrl(page),
    htmlTokens,
    mainTokens,
    markdownTokens: twin === null ? null : countTokens(twin),
    markdownSource: source,
    estimatedMarkdownTokens: estimated,
    htmlOverheadRatio: ratio(htmlTokens, mainTokens),
    htmlTruncated: page.truncated,
  };
}

function limited(findings: Finding[]): Finding[] {
  return findings.slice(0, MAX_FINDINGS_PER_KIND);
}

async function readLlmsFull(ctx: ProbeContext<'fetch'>, origin: string) {
  const url = `${origin}/llms-full.txt`;
  // Same request as the llms-txt probe (no Accept, same body cap): one fetch per audit.
  const res = await ctx.fetch(url, { signal: ctx.signal, maxBodyBytes: MAX_FULL_BYTES });
  const robots = res.error?.code === 'PP_ERR_ROBOTS_DISALLOWED';
  const outcome = llmsTxtFromResponse({ status: res.status, contentType: res.headers['content-type'], body: res.body });
  return { url, robots, tokens: outcome.present ? countTokens(outcome.text) : null, truncated: outcome.present && res.truncated, bytes: res.body.length };
}

export const markdownProbe = defineProbe<MarkdownFacts>()({
  id: 'markdown',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages', 'fetch'],
  async run(ctx) {
    const origin = new URL(ctx.snapshot.origin).origin;
    const sample = samplePages(ctx.snapshot, MAX_SAMPLE);
    const findings: Finding[] = [];

    const [results, full] = await Promise.all([
      mapPool(sample, CONCURRENCY, (page) => checkPage(ctx, page)),
      readLlmsFull(ctx, origin),
    ]);

    const negotiationChecks = results.map((r) => r.negotiation);
    const negotiating = negotiationChecks.filter((c) => c.outcome === 'markdown');
    const varyMissing = negotiating.filter((c) => !c.varyAccept || !c.htmlVaryAccept);
    const alternateLinks = results.flatMap((r) => r.alternates);
    const mdSiblingUrls: MdSibling[] = [];
    for (const r of results) {
      if (r.sibling) mdSiblingUrls.push({ page: checkedUrl(r.page), md: r.sibling.url, via: 'convention' });
      for (const a of r.alternates) {
        if (a.ok && !mdSiblingUrls.some((s) => s.page === a.page && s.md === a.href)) mdSiblingUrls.push({ page: a.page, md: a.href, via: 'alternate' });
      }
    }
    const budget = { leftMs: ESTIMATE_BUDGET_MS };
    const tokenPages = results.map((r) => pageTokens(r, budget));
    const tokens = summarizeTokens(tokenPages);
    const oversized = oversizedPages(tokenPages);
    const notChecked = [...new Set(results.flatMap((r) => r.notChecked))];

    const facts: MarkdownFacts = {
      negotiation: negotiating.length > 0,
      mdSiblings: mdSiblingUrls.length > 0,
      pagesSampled: sample.length,
      sampledUrls: sample.map(checkedUrl),
      negotiatingUrls: negotiating.map((c) => c.url),
      varyAcceptMissing: varyMissing.map((c) => c.url),
      negotiationChecks,
      mdSiblingUrls,
      alternateLinks,
      notChecked,
      tokens,
      pageTokenLimit: PAGE_TOKEN_LIMIT,
      oversizedUrls: [...new Set([...oversized.html, ...oversized.text])],
      oversizedHtmlUrls: oversized.html,
      oversizedTextUrls: oversized.text,
      llmsFullUrl: full.url,
      llmsFullTokens: full.tokens,
      llmsFullTokenLimit: FULL_TOKEN_LIMIT,
      llmsFullTooLarge: full.tokens !== null && full.tokens > FULL_TOKEN_LIMIT,
      llmsFullTruncated: full.truncated,
    };

    // Findings.
    if (sample.length === 0) findings.push({ severity: 'info', message: TEXT.noPages });
    else if (!facts.negotiation && !facts.mdSiblings) {
      findings.push({ severity: 'warning', message: TEXT.noMarkdown(sample.length, tokens.htmlOverheadRatio), evidence: `sampled: ${facts.sampledUrls.slice(0, 5).join(', ')}` });
    } else if (!facts.negotiation) {
      findings.push({ severity: 'info', message: TEXT.noNegotiation(sample.length), evidence: `Accept: ${MARKDOWN_ACCEPT}` });
    }
    findings.push(...limited(varyMissing.map((c): Finding => {
      const which = !c.varyAccept && !c.htmlVaryAccept ? 'Markdown and HTML answers' : !c.varyAccept ? 'Markdown answer' : 'HTML answer';
      return {
        severity: 'warning', message: TEXT.varyMissing(c.url, which), url: c.url,
        evidence: `Markdown answer Vary: ${c.vary ?? '(absent)'}; HTML answer Vary: ${c.htmlVary ?? '(absent)'}`,
      };
    })));
    findings.push(...limited(negotiationChecks.filter((c) => c.outcome === 'mislabelled-html').map((c): Finding => ({
      severity: 'warning', message: TEXT.mislabelled(c.url, c.contentType), url: c.url, evidence: `Content-Type: ${c.contentType}`,
    }))));
    findings.push(...limited(negotiationChecks.filter((c) => c.outcome === 'empty').map((c): Finding => ({
      severity: 'warning', message: TEXT.emptyMarkdown(c.url), url: c.url, evidence: `HTTP ${c.status}, Content-Type: ${c.contentType}`,
    }))));
    findings.push(...limited(alternateLinks.filter((a) => !a.ok && a.outcome !== 'robots').map((a): Finding => ({
      severity: 'warning',
      message: TEXT.brokenAlternate(a.page, a.href, TEXT.twinWhy[a.outcome] ?? a.outcome),
      url: a.page,
      evidence: `<link rel="alternate" type="text/markdown" href="${a.href}"> → ${a.status === 0 ? 'no response' : `HTTP ${a.status}`}`,
    }))));
    findings.push(...limited(tokenPages.filter((p) => oversized.text.includes(p.url)).map((p): Finding => ({
      severity: 'warning', message: TEXT.textOversized(p.url, readableTokens(p)), url: p.url,
      evidence: `${p.markdownSource ? `${p.markdownSource} Markdown` : p.estimatedMarkdownTokens !== null ? 'estimated Markdown' : 'main text'}: ${readableTokens(p)} tokens`,
    }))));
    findings.push(...limited(tokenPages.filter((p) => oversized.html.includes(p.url) && !oversized.text.includes(p.url)).map((p): Finding => ({
      severity: 'info', message: TEXT.htmlOversized(p.url, p.htmlTokens, p.markdownTokens !== null), url: p.url,
      evidence: `HTML ${p.htmlTokens} tokens, main text ${p.mainTokens} tokens`,
    }))));
    if (full.robots) findings.push({ severity: 'info', message: TEXT.fullNotChecked(full.url), url: full.url });
    if (facts.llmsFullTooLarge) {
      findings.push({ severity: 'warning', message: TEXT.fullTooLarge(full.url, full.tokens!), url: full.url, evidence: `${full.tokens} tokens (limit ${FULL_TOKEN_LIMIT})` });
    }
    if (full.truncated) findings.push({ severity: 'info', message: TEXT.fullTruncated(full.url, full.bytes), url: full.url });
    if (notChecked.length > 0) findings.push({ severity: 'info', message: TEXT.notChecked(notChecked), evidence: notChecked.slice(0, 5).join(', ') });
    return { facts, findings };
  },
});

export default markdownProbe;
