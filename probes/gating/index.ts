// Probe `gating`: finds the walls between an anonymous visitor — an AI agent, an answer engine, a
// buyer's analyst — and a portal's content. Every crawled page is classified (probes/gating/classify.ts):
// open, or gated by an HTTP 401/403, a bot block, a redirect to a login/SSO/registration page, a
// sign-in form, a "register / request access" wall, or "log in to view …" parts. Then the key
// pages (docs, API reference, pricing, sandbox, specs, getting started, API keys) are found from
// paths and link texts (probes/gating/key-pages.ts); a key page the crawl did not fetch is fetched once
// here (same site only, at most one per kind). Patterns are data: probes/gating/data/login-patterns.json
// and probes/gating/data/gating-*.json.
import { PAGE_ACCEPT } from '../../src/crawl/crawler.js';
import { parsePage } from '../../src/crawl/parse-page.js';
import { defineProbe, type Finding, type GateEvidence, type GatingFacts, type KeyKind, type KeyPage, type Page, type ProbeContext } from '../../src/contract/index.js';
import { decodeBody } from '../../src/fetch/decode.js';
import type { FetchResult } from '../../src/fetch/types.js';
import { classifyPage, failedFetchVerdict } from './classify.js';
import { findKeyCandidates, type KeyCandidate } from './key-pages.js';
import { matchLoginUrl } from './login-url.js';
import { compileGatingRules, type GatingRules } from './rules.js';
import { isLoginGate, summarize, type GatingSummary } from './summarize.js';
import { KEY_KINDS, type PageVerdict } from './types.js';
import botSignaturesJson from './data/gating-bot-signatures.json' with { type: 'json' };
import keyPagesJson from './data/gating-key-pages.json' with { type: 'json' };
import phrasesJson from './data/gating-phrases.json' with { type: 'json' };
import loginPatternsJson from './data/login-patterns.json' with { type: 'json' };
import { isSameSite } from '../../src/util/site.js';

const KIND_NAMES: Record<KeyKind, string> = {
  docs: 'documentation',
  reference: 'API reference',
  pricing: 'pricing page',
  sandbox: 'sandbox',
  specs: 'API specification',
  gettingStarted: 'getting-started guide',
  apiKeys: 'API keys page',
};

const TEXT = {
  title: 'Login walls and gated content',
  description:
    'Finds pages an anonymous visitor — an AI agent, an answer engine or a buyer\'s analyst — cannot read: 401/403, redirects to login or SSO, sign-in forms, registration walls and "log in to view" parts, with the key pages (docs, reference, pricing, sandbox, specs, API keys) they hide.',
  keyGated: (kind: KeyKind, url: string, how: string) =>
    `The ${KIND_NAMES[kind]} (${url}) is behind a login: ${how}. AI agents and buyers evaluating the portal cannot read it.`,
  keyPartial: (kind: KeyKind, url: string) =>
    `Part of the ${KIND_NAMES[kind]} (${url}) is hidden until sign-in; agents and buyers see only the rest.`,
  keyExpected: (kind: KeyKind, url: string, how: string) =>
    `The ${KIND_NAMES[kind]} (${url}) needs an account (${how}), as expected for credentials; make sure signing up is self-service.`,
  loginWall: (causes: string) =>
    `Login wall: ${causes} cannot be read without signing in, so AI agents, answer engines and evaluators see almost nothing of the portal.`,
  causeStart: 'the start page',
  causeMost: (share: number) => `most pages (${Math.round(share * 100)}% of those checked)`,
  botBlocked: (url: string, vendor: string) =>
    `${url} answers with a bot block (${vendor}) instead of the page: AI agents and crawlers are turned away before any content.`,
  moreBotBlocked: (n: number) => `${n} more page(s) answer with a bot block.`,
  otherGated: (n: number, examples: string) => `${n} other page(s) need a login: ${examples}.`,
  keyNotChecked: (kind: KeyKind, url: string, why: string) => `The ${KIND_NAMES[kind]} (${url}) was not checked (${why}).`,
  redirectLoop: (chain: string) => `redirect loop ${chain}`,
  tooManyRedirects: (chain: string) => `redirects ${chain} and on, past the redirect limit`,
  noAnswer: (chain: string, host: string, code: string) => `redirects ${chain}, then no answer from ${host} (${code})`,
  how: {
    'status-401': 'it answers HTTP 401',
    'status-403': 'it answers HTTP 403',
    'bot-blocked': 'it answers with a bot block',
    'login-redirect': 'it sends the visitor to a sign-in page',
    'login-form': 'it shows a sign-in form instead of content',
    'registration-interstitial': 'a registration wall replaces its content',
    partial: 'part of it says to log in',
  },
} as const;

/** Key pages the probe fetches itself at most (one per kind). */
export const MAX_KEY_FETCHES = KEY_KINDS.length;
/** Bot-block findings listed one by one; the rest are counted. */
const MAX_BOT_FINDINGS = 5;
/** HTML of a fetched key page parsed at most (the crawl bounds its own pages). */
const MAX_PARSE_CHARS = 1_000_000;
const HTML_ACCEPT = PAGE_ACCEPT;

export const GATING_RULES: GatingRules = compileGatingRules({
  login: loginPatternsJson,
  keyPages: keyPagesJson,
  phrases: phrasesJson,
  botSignatures: botSignaturesJson,
});

/** Same site as the portal (src/util/site.ts). */
export const sameSite = isSameSite;

/** A Page built from a fetch, parsed with the crawl's own parser (no DOM kept). */
export function pageFromFetch(res: FetchResult, depth: number | null): Page {
  const type = res.headers['content-type'] ?? null;
  const isHtml = res.body.byteLength > 0 && (/html/i.test(type ?? '') || (!type && /^\s*</.test(res.body.subarray(0, 64).toString('utf8'))));
  const html = isHtml ? decodeBody(res.body, type ?? undefined).slice(0, MAX_PARSE_CHARS) : '';
  const artifacts = parsePage(html || '<html><body></body></html>', res.finalUrl);
  const page: Page = {
    url: res.url, finalUrl: res.finalUrl, status: res.status, headers: res.headers, contentType: type, depth, via: 'link',
    referrer: null, redirects: res.redirects, bytes: res.bytes, timing: { startedAt: 0, ttfbMs: Math.round(res.ttfbMs), totalMs: Math.round(res.durationMs) },
    html, truncated: res.truncated, ...artifacts,
  };
  if (res.error) page.error = res.error;
  return page;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A redirect chain that failed part-way: the loop, or the host that did not answer. */
function describeFailedChain(redirects: string[], code: string): string {
  const chain = redirects.join(' → ');
  if (code === 'PP_ERR_REDIRECT_LOOP') return TEXT.redirectLoop(chain);
  if (code === 'PP_ERR_TOO_MANY_REDIRECTS') return TEXT.tooManyRedirects(chain);
  return TEXT.noAnswer(chain, hostOf(redirects[redirects.length - 1]), code);
}

function describe(evidence: GateEvidence): string {
  const parts: string[] = [];
  if (evidence.redirects && evidence.fetchError) parts.push(describeFailedChain(evidence.redirects, evidence.fetchError));
  else if (evidence.redirects) parts.push(`redirects ${evidence.redirects.join(' → ')} (final HTTP ${evidence.status})`);
  else {
    if (evidence.status > 0) parts.push(`HTTP ${evidence.status}`);
    if (evidence.loginUrl) parts.push(`${evidence.via ?? 'redirect'} to ${evidence.loginUrl}`);
  }
  if (evidence.loginRule) parts.push(`(${evidence.loginRule})`);
  if (evidence.wwwAuthenticate) parts.push(`WWW-Authenticate: ${evidence.wwwAuthenticate}`);
  if (evidence.form) parts.push(`form action=${evidence.form.action ?? '(none)'} method=${evidence.form.method}${evidence.form.hasPassword ? ' with a password input' : ''}`);
  if (evidence.sentence) parts.push(`"${evidence.sentence}"`);
  if (evidence.cta) parts.push(`call to action: ${evidence.cta}`);
  if (evidence.signature) parts.push(`signature ${evidence.signature}`);
  return parts.join('; ');
}

interface KeyResolution {
  keyPage: KeyPage;
  verdict?: PageVerdict;
  /** Set when this verdict is for a page the probe fetched itself. */
  fetched?: boolean;
}

function linkedLoginPage(candidate: KeyCandidate, rules: GatingRules): KeyResolution | null {
  const match = matchLoginUrl(candidate.url, rules, { entryOnly: true });
  if (!match) return null;
  const verdict: PageVerdict = {
    url: candidate.url, finalUrl: candidate.page?.finalUrl ?? candidate.url, gate: 'login-redirect', role: 'content',
    evidence: { status: candidate.page?.status ?? 0, loginUrl: match.loginUrl, loginRule: match.rule, via: 'link' },
  };
  const keyPage: KeyPage = { url: candidate.url, gated: true, gate: 'login-redirect', status: candidate.page?.status ?? null, source: candidate.page ? 'crawl' : 'link' };
  return { keyPage, verdict };
}

async function resolveKeyPage(
  candidate: KeyCandidate,
  verdictOf: (page: Page) => PageVerdict,
  ctx: ProbeContext<'pages' | 'fetch'>,
  rules: GatingRules,
): Promise<KeyResolution> {
  const viaLogin = linkedLoginPage(candidate, rules);
  if (viaLogin) return viaLogin;
  if (candidate.page) {
    const verdict = verdictOf(candidate.page);
    const checked = verdict.role === 'content' || verdict.role === 'error-status';
    return {
      keyPage: {
        url: candidate.url,
        gated: checked ? isLoginGate(verdict.gate) : null,
        gate: checked ? verdict.gate : null,
        status: candidate.page.status,
        source: 'crawl',
        ...(checked ? {} : { notChecked: candidate.page.error?.code ?? 'no response' }),
      },
      verdict,
    };
  }
  const unchecked = (why: string): KeyResolution => ({ keyPage: { url: candidate.url, gated: null, gate: null, status: null, source: 'link', notChecked: why } });
  if (ctx.snapshot.skippedByRobots.includes(candidate.url)) return unchecked('robots.txt');
  if (!sameSite(candidate.url, ctx.snapshot.finalUrl || ctx.snapshot.startUrl)) return unchecked('other site');
  const res = await ctx.fetch(candidate.url, { headers: { accept: HTML_ACCEPT }, signal: ctx.signal });
  if (res.error?.code === 'PP_ERR_ROBOTS_DISALLOWED') return unchecked('robots.txt');
  if (res.status === 0) {
    // Sent to a login host that does not answer (or round a portal ↔ SSO loop): still a login wall.
    const failed = failedFetchVerdict(res, rules);
    if (!failed) return unchecked(res.error?.code ?? 'no response');
    return { keyPage: { url: candidate.url, gated: true, gate: failed.gate, status: res.status, source: 'link' }, verdict: failed, fetched: true };
  }
  const verdict = classifyPage(pageFromFetch(res, candidate.depth), rules);
  const keyPage: KeyPage = { url: candidate.url, gated: isLoginGate(verdict.gate), gate: verdict.gate, status: res.status, source: 'link' };
  return { keyPage, verdict, fetched: true };
}

/** Sign-in links on gated pages (the 401 page's "Sign in"): login destinations too. */
function loginLinksOn(pages: Page[], verdicts: Map<string, PageVerdict>, rules: GatingRules): string[] {
  const urls: string[] = [];
  for (const p of pages) {
    const v = verdicts.get(p.url);
    if (!v || !isLoginGate(v.gate) || v.gate === 'partial') continue;
    for (const a of p.anchors) if (matchLoginUrl(a.href, rules, { entryOnly: true })) urls.push(a.href);
  }
  return urls;
}

function keyFindings(summary: GatingSummary, rules: GatingRules): Finding[] {
  const findings: Finding[] = [];
  for (const kind of summary.gatedKeyPages) {
    const key = summary.keyPages[kind]!;
    const entry = summary.pages.find((p) => p.url === key.url);
    const evidence = entry ? describe(entry.evidence) : undefined;
    const how = TEXT.how[key.gate as keyof typeof TEXT.how] ?? 'it needs a login';
    const severity = rules.keyKinds.find((k) => k.kind === kind)!.severity;
    if (key.gate === 'partial') {
      findings.push({ severity: 'warning', message: TEXT.keyPartial(kind, key.url), url: key.url, evidence });
    } else if (severity === 'info') {
      findings.push({ severity, message: TEXT.keyExpected(kind, key.url, how), url: key.url, evidence });
    } else {
      findings.push({ severity, message: TEXT.keyGated(kind, key.url, how), url: key.url, evidence });
    }
  }
  for (const kind of KEY_KINDS) {
    const key = summary.keyPages[kind];
    if (key?.notChecked === 'robots.txt') findings.push({ severity: 'info', message: TEXT.keyNotChecked(kind, key.url, 'robots.txt'), url: key.url });
  }
  return findings;
}

function wallFinding(summary: GatingSummary, startUrl: string): Finding | null {
  if (!summary.loginWall) return null;
  const causes = summary.loginWallBecause.map((c) => (c === 'start' ? TEXT.causeStart : c === 'most-pages' ? TEXT.causeMost(summary.gatedShare) : `the ${KIND_NAMES[c]}`));
  const first = summary.loginWallBecause[0];
  const url = first === 'start' ? startUrl : first === 'most-pages' ? undefined : summary.keyPages[first]?.url;
  const entry = summary.pages.find((p) => p.url === url);
  return { severity: 'error', message: TEXT.loginWall(causes.join(', ')), url, evidence: entry ? describe(entry.evidence) : undefined };
}

function botFindings(summary: GatingSummary): Finding[] {
  const blocked = summary.pages.filter((p) => p.gate === 'bot-blocked');
  const findings: Finding[] = blocked.slice(0, MAX_BOT_FINDINGS).map((p) => ({
    severity: 'warning',
    message: TEXT.botBlocked(p.url, p.evidence.vendor ?? 'WAF'),
    url: p.url,
    evidence: describe(p.evidence),
  }));
  const more = summary.botBlockedUrls.length - findings.length;
  if (more > 0) findings.push({ severity: 'warning', message: TEXT.moreBotBlocked(more) });
  return findings;
}

export const gatingProbe = defineProbe<GatingFacts>()({
  id: 'gating',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages', 'fetch'],
  async run(ctx) {
    const rules = GATING_RULES;
    const { snapshot } = ctx;
    const verdicts = new Map<string, PageVerdict>();
    const verdictOf = (page: Page): PageVerdict => {
      let v = verdicts.get(page.url);
      if (!v) {
        v = classifyPage(page, rules);
        verdicts.set(page.url, v);
      }
      return v;
    };
    for (const page of snapshot.pages) verdictOf(page);

    // The start page may be a key page itself (an audit started at /docs/).
    const candidates = findKeyCandidates(snapshot.pages, rules);
    const resolutions = await Promise.all(
      KEY_KINDS.map((kind) => (candidates[kind][0] ? resolveKeyPage(candidates[kind][0], verdictOf, ctx, rules) : Promise.resolve(null))),
    );
    const keyPages = Object.fromEntries(KEY_KINDS.map((k, i) => [k, resolutions[i]?.keyPage ?? null])) as Record<KeyKind, KeyPage | null>;
    const fetched = new Map<string, PageVerdict>();
    for (const r of resolutions) if (r?.fetched && r.verdict) fetched.set(r.verdict.url, r.verdict);

    const summary = summarize({
      verdicts: [...verdicts.values(), ...fetched.values()],
      keyPages,
      startUrl: snapshot.startUrl,
      extraLoginUrls: loginLinksOn(snapshot.pages, verdicts, rules),
    });
    // A key page linked straight to the sign-in page has no crawled verdict; show its evidence too.
    for (const r of resolutions) {
      if (r?.verdict?.evidence.via === 'link' && !summary.pages.some((p) => p.url === r.verdict!.url)) {
        summary.pages.push({ url: r.verdict.url, finalUrl: r.verdict.finalUrl, gate: 'login-redirect', evidence: r.verdict.evidence });
      }
    }

    const findings: Finding[] = [];
    const wall = wallFinding(summary, snapshot.startUrl);
    if (wall) findings.push(wall);
    findings.push(...keyFindings(summary, rules), ...botFindings(summary));
    const keyUrls = new Set(KEY_KINDS.map((k) => keyPages[k]?.url));
    const others = summary.gatedUrls.filter((u) => !keyUrls.has(u));
    if (others.length > 0) {
      findings.push({ severity: 'info', message: TEXT.otherGated(others.length, others.slice(0, 5).join(', ') + (others.length > 5 ? ', …' : '')) });
    }
    return { facts: { ...summary, keyPagesFetched: fetched.size }, findings };
  },
});

export default gatingProbe;
