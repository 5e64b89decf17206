// Classifies one crawled page: can an anonymous visitor (an AI agent, a buyer's analyst) read it, and
// if not, why — an HTTP 401/403, a bot block, a redirect to a login/SSO/registration page, a page
// that is mostly a sign-in form, a "register / request access" wall, or content with "log in to
// view …" parts. The order matters: how the server answered decides first (redirects, status),
// then what the page says. Ordinary pages with a "Sign in" link in their header stay open. A fetch
// that failed after being redirected to a login host (no answer, or a portal ↔ SSO loop) is a
// login redirect too; any other failed fetch says nothing. Pure.
import type { FormEvidence, FormSummary, GateEvidence, GateReason, Page } from '../../src/contract/index.js';
import { matchBotBlock } from './bot-block.js';
import { loginInChain, matchLoginUrl, type LoginUrlMatch } from './login-url.js';
import { findPhrase, separateBlocks } from './phrases.js';
import type { GatingRules } from './rules.js';
import type { PageVerdict } from './types.js';

/** Character thresholds on readability's main text (Page.mainText). */
export const THRESHOLDS = {
  /** "Mostly a login form": main text beyond the form's own text is shorter than this. */
  loginFormOtherText: 400,
  /** …or this, when the title or first heading says "Sign in". */
  loginFormWithHeading: 1500,
  /** An identifier-first sign-in (email first, password on the next step) under a "Sign in" heading. */
  identifierFirstText: 600,
  /** On a wall page, the main text beyond the wall's own sentence is shorter than this. */
  wallOtherText: 600,
  /** A script redirect only counts on a page with almost no visible text. */
  scriptRedirectText: 300,
  /** A page at a login URL is the sign-in page itself unless it holds at least this much text. */
  loginPageText: 1200,
} as const;

const SCRIPT_SCAN_CHARS = 64 * 1024;
const MAX_SENTENCE = 300;
const SIGN_IN_WORDS = /\b(?:log ?in|sign ?in|login|signin|log on|sign on)\b/i;
const SCRIPT_REDIRECT =
  /\b(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*["'`]([^"'`\s]{1,500})["'`]|\blocation\.(?:replace|assign)\(\s*["'`]([^"'`\s]{1,500})["'`]/g;
/** `<meta http-equiv="refresh" content="0; url=/login">` and the Refresh header share this syntax (HTML §4.2.5.3). */
const REFRESH_URL = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"'\s]+)["']?/i;

/** Requested URL, every URL redirected through, then the final URL. */
export function redirectChain(page: Pick<Page, 'url' | 'finalUrl' | 'redirects'>): string[] {
  if (page.redirects.length > 0) {
    const chain = [...page.redirects];
    if (chain[chain.length - 1] !== page.finalUrl) chain.push(page.finalUrl);
    if (chain[0] !== page.url) chain.unshift(page.url);
    return chain;
  }
  return page.finalUrl && page.finalUrl !== page.url ? [page.url, page.finalUrl] : [page.url];
}

function resolve(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function samePath(a: string, b: string): boolean {
  try {
    const strip = (p: string): string => p.replace(/\/+$/, '') || '/';
    const ua = new URL(a);
    const ub = new URL(b);
    return ua.host === ub.host && strip(ua.pathname) === strip(ub.pathname);
  } catch {
    return false;
  }
}

export function formEvidence(form: FormSummary): FormEvidence {
  return { action: form.action, method: form.method, hasPassword: form.hasPassword, inputTypes: form.inputTypes.filter((t) => t !== 'hidden') };
}

function clip(text: string, max = MAX_SENTENCE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function isSearchForm(form: FormSummary, rules: GatingRules): boolean {
  const visible = form.inputTypes.filter((t) => !['hidden', 'submit', 'button', 'image', 'reset'].includes(t));
  return visible.every((t) => t === 'search') || rules.phrases.search.test(form.action ?? '') || rules.phrases.search.test(form.text);
}

function signInTitle(page: Page, rules: GatingRules): string | null {
  const candidates = [page.title ?? '', ...page.headings.filter((h) => h.level <= 2).slice(0, 2).map((h) => h.text)];
  return candidates.find((t) => t && rules.phrases.signInHeading.test(t.trim())) ?? null;
}

/** Signs of a real sign-in on the page: an auth challenge, a password form, a sign-in link or wording. */
export function looksLikeSignIn(page: Page, rules: GatingRules): boolean {
  if (page.headers['www-authenticate']) return true;
  if (page.forms.some((f) => f.hasPassword)) return true;
  if (page.anchors.some((a) => matchLoginUrl(a.href, rules, { entryOnly: true }) || SIGN_IN_WORDS.test(a.text))) return true;
  return SIGN_IN_WORDS.test(separateBlocks(page.visibleText.slice(0, 20_000)));
}

function refreshTarget(page: Page): { url: string; via: 'meta-refresh' | 'refresh-header' } | null {
  const header = page.headers.refresh;
  const meta = page.meta.find((m) => m.httpEquiv === 'refresh')?.content;
  for (const [content, via] of [[header, 'refresh-header'], [meta, 'meta-refresh']] as const) {
    if (!content) continue;
    const m = REFRESH_URL.exec(content);
    const url = m?.[1] ? resolve(m[1], page.finalUrl) : null;
    if (url) return { url, via };
  }
  return null;
}

function scriptTarget(page: Page, rules: GatingRules): { url: string; match: LoginUrlMatch } | null {
  if (page.visibleText.length >= THRESHOLDS.scriptRedirectText) return null;
  for (const m of page.html.slice(0, SCRIPT_SCAN_CHARS).matchAll(SCRIPT_REDIRECT)) {
    const url = resolve(m[1] ?? m[2], page.finalUrl);
    const match = url ? matchLoginUrl(url, rules, { requestedUrl: page.url }) : null;
    if (url && match) return { url, match };
  }
  return null;
}

/**
 * The wall's call to action: a "Register" / "Request access" / "Contact sales" link, a link to a
 * sign-in or registration page, or a form. Links inside the main text come first, so the header's
 * ordinary "Log in" is named only when nothing on the wall itself asks for action.
 */
function ctaOf(page: Page, rules: GatingRules): string | null {
  const isCta = (a: Page['anchors'][number]): boolean => Boolean(a.text) && a.text.length <= 60 && rules.phrases.cta.some((re) => re.test(a.text));
  const isLoginLink = (a: Page['anchors'][number]): boolean => matchLoginUrl(a.href, rules, { entryOnly: true }) !== null;
  const inMain = page.anchors.filter((a) => a.text && page.mainText.includes(a.text));
  const form = page.forms.find((f) => !isSearchForm(f, rules) && f.inputTypes.some((t) => t !== 'hidden'));
  const anchor = inMain.find(isCta) ?? inMain.find(isLoginLink);
  if (anchor) return anchor.text;
  if (form) return `form${form.text ? ` "${clip(form.text, 80)}"` : ''}`;
  const any = page.anchors.find(isCta) ?? page.anchors.find(isLoginLink);
  return any ? any.text || any.href : null;
}

function gated(page: Page, gate: GateReason, evidence: Omit<GateEvidence, 'status'>): PageVerdict {
  const clean = Object.fromEntries(Object.entries(evidence).filter(([, v]) => v !== undefined));
  return { url: page.url, finalUrl: page.finalUrl, gate, role: 'content', evidence: { status: page.status, ...clean } };
}

function open(page: Page, role: PageVerdict['role'] = 'content'): PageVerdict {
  return { url: page.url, finalUrl: page.finalUrl, gate: 'open', role, evidence: { status: page.status } };
}

/** The portal's own sign-in / registration page: its URL says so and it holds little else. */
function isOwnLoginPage(page: Page, chain: string[], rules: GatingRules): boolean {
  if (!matchLoginUrl(page.url, rules, { entryOnly: true })) return false;
  const contentful = page.mainText.length >= THRESHOLDS.loginPageText && !page.forms.some((f) => f.hasPassword);
  return !contentful || chain.length > 1;
}

function redirectVerdict(page: Page, chain: string[], rules: GatingRules): PageVerdict | null {
  if (chain.length > 1) {
    const hit = loginInChain(chain, rules);
    // A silent SSO check that comes back to the page asked for lets the visitor through.
    if (hit && !(hit.index < chain.length - 1 && samePath(chain[chain.length - 1], chain[0]))) {
      return gated(page, 'login-redirect', { redirects: chain, loginUrl: hit.loginUrl, loginRule: hit.rule, title: page.title ?? undefined });
    }
  }
  const location = page.status >= 300 && page.status < 400 && page.headers.location ? resolve(page.headers.location, page.finalUrl) : null;
  const refresh = refreshTarget(page);
  for (const [url, via] of [[location, 'location-header'], [refresh?.url, refresh?.via]] as const) {
    const match = url ? matchLoginUrl(url, rules, { requestedUrl: page.url }) : null;
    if (match) return gated(page, 'login-redirect', { loginUrl: match.loginUrl, loginRule: match.rule, via });
  }
  return null;
}

function contentVerdict(page: Page, rules: GatingRules): PageVerdict {
  if (!page.html) return open(page);
  const script = scriptTarget(page, rules);
  if (script) return gated(page, 'login-redirect', { loginUrl: script.match.loginUrl, loginRule: script.match.rule, via: 'script' });

  const mainLength = page.mainText.length;
  const heading = signInTitle(page, rules);
  const passwordForm = page.forms.find((f) => f.hasPassword);
  if (passwordForm) {
    const other = Math.max(0, mainLength - passwordForm.text.length);
    if (other < THRESHOLDS.loginFormOtherText || (heading && other < THRESHOLDS.loginFormWithHeading)) {
      return gated(page, 'login-form', { form: formEvidence(passwordForm), title: heading ?? page.title ?? undefined, mainTextLength: mainLength });
    }
  } else if (heading && mainLength < THRESHOLDS.identifierFirstText) {
    const idForm = page.forms.find((f) => !isSearchForm(f, rules) && f.inputTypes.some((t) => t === 'email' || t === 'text'));
    if (idForm) return gated(page, 'login-form', { form: formEvidence(idForm), title: heading, mainTextLength: mainLength });
  }

  const { phrases } = rules;
  if (mainLength < THRESHOLDS.wallOtherText + MAX_SENTENCE) {
    const h1 = page.headings.filter((h) => h.level === 1).map((h) => h.text);
    const text = [...h1, page.mainText].join('. ');
    const wall = findPhrase(text, [...phrases.wall, ...phrases.partial], phrases.excludeObject);
    const short = wall !== null && mainLength - Math.min(wall.sentence.length, MAX_SENTENCE) < THRESHOLDS.wallOtherText;
    const cta = short ? ctaOf(page, rules) : null;
    if (wall && cta) {
      return gated(page, 'registration-interstitial', { sentence: clip(wall.sentence), cta, title: page.title ?? undefined, mainTextLength: mainLength });
    }
  }
  const partial = findPhrase(page.visibleText, phrases.partial, phrases.excludeObject);
  if (partial) return gated(page, 'partial', { sentence: clip(partial.sentence), title: page.title ?? undefined });
  return open(page);
}

/** Failures that loop rather than fail to answer: the visitor never gets through, whatever the path. */
const LOOP_CODES = new Set(['PP_ERR_REDIRECT_LOOP', 'PP_ERR_TOO_MANY_REDIRECTS']);
/** Failures that say nothing about the site. */
const NOT_THE_SITE_CODES = new Set(['PP_ERR_ABORTED', 'PP_ERR_ROBOTS_DISALLOWED']);

export type FailedFetch = Pick<Page, 'url' | 'finalUrl' | 'redirects' | 'status' | 'error'>;

/**
 * A fetch that failed (status 0) part-way through a redirect chain that had reached a login / SSO /
 * registration URL is a login wall: the visitor is sent to sign in, and the sign-in host does not
 * answer (typical of bank portals whose SSO host times out or resolves to a private address), or
 * portal and login host redirect to each other forever. Null when the chain never touched a login
 * URL, when the page asked for is the portal's own sign-in page, or when the chain came back to the
 * page asked for before a (non-loop) failure — then nothing can be said, as for any failed fetch.
 */
export function failedFetchVerdict(page: FailedFetch, rules: GatingRules): PageVerdict | null {
  const code = page.error?.code;
  if (page.status !== 0 || !code || NOT_THE_SITE_CODES.has(code)) return null;
  const chain = redirectChain(page);
  if (chain.length < 2 || matchLoginUrl(page.url, rules, { entryOnly: true })) return null;
  const hit = loginInChain(chain, rules);
  if (!hit) return null;
  const loop = LOOP_CODES.has(code);
  if (!loop && hit.index < chain.length - 1 && samePath(chain[chain.length - 1], chain[0])) return null;
  return {
    url: page.url,
    finalUrl: page.finalUrl,
    gate: 'login-redirect',
    role: 'content',
    evidence: { status: 0, redirects: chain, loginUrl: hit.loginUrl, loginRule: hit.rule, fetchError: code },
  };
}

/** The verdict for one page of the snapshot. */
export function classifyPage(page: Page, rules: GatingRules): PageVerdict {
  if (page.status === 0) return failedFetchVerdict(page, rules) ?? open(page, 'no-response');
  const chain = redirectChain(page);
  if (isOwnLoginPage(page, chain, rules)) return { ...open(page, 'login-page'), evidence: { status: page.status, ...(chain.length > 1 ? { redirects: chain } : {}) } };

  const redirect = redirectVerdict(page, chain, rules);
  if (redirect) return redirect;

  const wwwAuthenticate = page.headers['www-authenticate'] ? clip(page.headers['www-authenticate'], 200) : undefined;
  if (page.status === 401 && wwwAuthenticate) return gated(page, 'status-401', { wwwAuthenticate, title: page.title ?? undefined });
  const bot = matchBotBlock(
    { status: page.status, headers: page.headers, html: page.html, title: page.title, visibleText: page.visibleText, looksLikeSignIn: () => looksLikeSignIn(page, rules) },
    rules,
  );
  if (bot) return gated(page, 'bot-blocked', { signature: bot.id, vendor: bot.vendor, title: page.title ?? undefined });
  if (page.status === 401) return gated(page, 'status-401', { title: page.title ?? undefined });
  if (page.status === 403) return gated(page, 'status-403', { wwwAuthenticate, title: page.title ?? undefined });
  if (page.status >= 300) return open(page, 'error-status');
  return contentVerdict(page, rules);
}
