// Probe `llms-txt`: fetches <origin>/llms.txt and <origin>/llms-full.txt (https://llmstxt.org/),
// checks the structure, checks a bounded number of the listed links (GET through the audit's cached
// fetch, so pages the crawl already fetched cost nothing), and measures both files in tokens.
// Parsing lives in src/llms-txt; this file gathers and summarises.
import { mapPool } from '../../src/util/map-pool.js';
import { defineProbe, type Finding, type LlmsTxtFacts } from '../../src/contract/index.js';
import { isMarkdownUrl, shareOf } from './links.js';
import { listedUrls, parseLlmsTxt, type LlmsTxtDocument } from '../../src/llms-txt/parse.js';
import { isSameSite } from '../../src/util/site.js';
import { llmsTxtFromResponse, type LlmsTxtAbsence } from '../../src/llms-txt/response.js';
import { countTokens } from '../../src/util/tokens.js';

const TEXT = {
  title: 'llms.txt',
  description:
    'Reads /llms.txt and /llms-full.txt (llmstxt.org): structure, summary, sections and links, whether the listed links work, and how many tokens the files take.',
  absent: (url: string, reason: LlmsTxtAbsence, status: number, why?: string): string => {
    switch (reason) {
      case 'fetch-failed': return `${url} could not be fetched (${why ?? 'no response'}).`;
      case 'server-error': return `${url} answered HTTP ${status}; agents get no llms.txt.`;
      case 'not-found': return `No ${url} (HTTP ${status}): agents and answer engines get no curated map of the documentation.`;
      case 'unexpected-status': return `${url} answered HTTP ${status}, not a file.`;
      case 'html': return `${url} returns an HTML page, not a markdown file (a soft 404).`;
    }
  },
  htmlType: (url: string) => `${url} is markdown but is served as text/html; serve it as text/plain or text/markdown.`,
  issue: (message: string) => `llms.txt: ${message}`,
  broken: (link: string, status: number, why?: string) =>
    `Broken link in llms.txt: ${link} (${status === 0 ? `no response${why ? `: ${why}` : ''}` : `HTTP ${status}`}).`,
  unchecked: (n: number, max: number) => `${n} more llms.txt link(s) not checked (at most ${max} are).`,
  noFull: (url: string) => `No llms-full.txt at ${url} (optional: the full documentation as one markdown file).`,
  fullCut: (url: string, bytes: number) => `${url} is larger than ${bytes.toLocaleString('en-US')} bytes; its token count covers the start only.`,
} as const;

/** llms-full.txt read at most (token count covers this much). */
const MAX_FULL_BYTES = 32 * 1024 * 1024;
const LINK_CHECK_CONCURRENCY = 4;
const MAX_ISSUE_FINDINGS = 20;

function absenceFinding(url: string, outcome: { reason: LlmsTxtAbsence; status: number }, why?: string): Finding {
  return { severity: 'warning', message: TEXT.absent(url, outcome.reason, outcome.status, why), url };
}

export const llmsTxtProbe = defineProbe<LlmsTxtFacts>()({
  id: 'llms-txt',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['fetch', 'pages'],
  async run(ctx) {
    const base = new URL(ctx.snapshot.origin).origin;
    const url = `${base}/llms.txt`;
    const fullUrl = `${base}/llms-full.txt`;
    const findings: Finding[] = [];
    const signal = ctx.signal;

    const [response, fullResponse] = await Promise.all([
      ctx.fetch(url, { signal }),
      ctx.fetch(fullUrl, { signal, maxBodyBytes: MAX_FULL_BYTES }),
    ]);

    const facts: LlmsTxtFacts = {
      url, present: false, valid: false, title: null, summary: null, sectionCount: 0, linkCount: 0, optionalLinkCount: 0,
      links: [], checkedLinks: 0, brokenLinks: 0, brokenLinkUrls: [], sameSiteLinkShare: null, mdLinkShare: null,
      tokens: null, errors: [], fullUrl, fullPresent: false, fullTokens: null, fullTruncated: false,
    };

    const outcome = llmsTxtFromResponse({ status: response.status, contentType: response.headers['content-type'], body: response.body });
    let doc: LlmsTxtDocument | null = null;
    if (!outcome.present) {
      findings.push(absenceFinding(url, outcome, response.error?.message));
    } else {
      doc = parseLlmsTxt(outcome.text, response.finalUrl || url);
      if (outcome.htmlContentType) findings.push({ severity: 'warning', message: TEXT.htmlType(url), url });
      const links = listedUrls(doc);
      Object.assign(facts, {
        present: true,
        valid: doc.errors.length === 0,
        title: doc.title,
        summary: doc.summary,
        sectionCount: doc.sections.length,
        linkCount: doc.links.length,
        optionalLinkCount: doc.sections.filter((s) => s.name.toLowerCase() === 'optional').reduce((n, s) => n + s.links.length, 0),
        links,
        sameSiteLinkShare: shareOf(links, (l) => isSameSite(l, base)),
        mdLinkShare: shareOf(links, isMarkdownUrl),
        tokens: countTokens(outcome.text),
        errors: doc.errors.map((e) => e.message),
      });
      const issues: Finding[] = [
        ...doc.errors.map((e): Finding => ({ severity: 'error', message: TEXT.issue(e.message), url, ...(e.line ? { evidence: `line ${e.line}` } : {}) })),
        ...doc.warnings.map((w): Finding => ({ severity: 'info', message: TEXT.issue(w.message), url, ...(w.line ? { evidence: `line ${w.line}` } : {}) })),
      ];
      findings.push(...issues.slice(0, MAX_ISSUE_FINDINGS));

      // Link check: GET (HEAD is unreliable on many sites), bounded, through the cached fetch.
      const max = Math.max(0, ctx.options.maxLinkChecks);
      const toCheck = links.slice(0, max);
      const results = await mapPool(toCheck, LINK_CHECK_CONCURRENCY, (link) => ctx.fetch(link, { signal }));
      facts.checkedLinks = toCheck.length;
      results.forEach((r, i) => {
        if (r.status === 0 || r.status >= 400) {
          facts.brokenLinkUrls.push(toCheck[i]);
          findings.push({ severity: 'warning', message: TEXT.broken(toCheck[i], r.status, r.error?.message), url: toCheck[i] });
        }
      });
      facts.brokenLinks = facts.brokenLinkUrls.length;
      if (links.length > toCheck.length) findings.push({ severity: 'info', message: TEXT.unchecked(links.length - toCheck.length, max) });
    }

    const fullOutcome = llmsTxtFromResponse({ status: fullResponse.status, contentType: fullResponse.headers['content-type'], body: fullResponse.body });
    if (fullOutcome.present) {
      facts.fullPresent = true;
      facts.fullTokens = countTokens(fullOutcome.text);
      facts.fullTruncated = fullResponse.truncated;
      if (fullResponse.truncated) findings.push({ severity: 'info', message: TEXT.fullCut(fullUrl, fullResponse.body.length), url: fullUrl });
    } else if (fullOutcome.reason === 'html') {
      findings.push(absenceFinding(fullUrl, fullOutcome));
    } else if (facts.present) {
      findings.push({ severity: 'info', message: TEXT.noFull(fullUrl), url: fullUrl });
    }
    return { facts, findings };
  },
});

export default llmsTxtProbe;
