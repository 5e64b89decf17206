// Table-driven tests for probes/gating/classify.ts over handmade pages (parsed with the crawl's real
// parser through makePage) and real third-party pages that must stay open.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GATING_RULES } from '../../../probes/gating/index.js';
import { classifyPage, redirectChain } from '../../../probes/gating/classify.js';
import type { PageRole } from '../../../probes/gating/types.js';
import { makePage, type PageInput } from '../../helpers/probe-context.js';
import type { Gate, GateEvidence } from '../../../src/contract/index.js';

const O = 'https://developer.example-bank.test';
const NAV = `<header><nav><a href="/docs/">Docs</a> <a href="/pricing">Pricing</a> <a href="/login">Log in</a> <a href="/signup" class="button">Sign up</a></nav></header>`;
const PARA =
  'The Accounts API returns the balances and transactions of the accounts a customer has consented to share. ' +
  'Requests are authenticated with OAuth 2.0 client credentials over mutual TLS, and every response carries a request id. ';
const LONG = `<p>${PARA.repeat(6)}</p><p>${PARA.repeat(6)}</p>`;
const html = (body: string, title = 'Accounts API'): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body>${NAV}<main>${body}</main><footer>© Example Bank</footer></body></html>`;
const LOGIN_FORM = `<h1>Sign in</h1><form action="/session" method="post"><label>Email <input type="email" name="email"></label>
  <label>Password <input type="password" name="password"></label><input type="hidden" name="csrf" value="x"><button>Sign in</button></form>`;

interface Case {
  name: string;
  page: PageInput;
  gate: Gate;
  role?: PageRole;
  evidence?: Partial<GateEvidence> & { sentenceContains?: string; formAction?: string; redirectsLength?: number };
}

const cases: Case[] = [
  // ——— open ———
  { name: 'docs page with Log in / Sign up links in the header', page: { url: `${O}/docs/accounts`, html: html(`<h1>Accounts API</h1>${LONG}`) }, gate: 'open' },
  {
    name: 'article with a small login form (password) in its header',
    page: {
      url: `${O}/blog/post`,
      html: html(`<form action="/session" method="post"><input name="u"><input type="password" name="p"><button>Log in</button></form><h1>Release notes</h1>${LONG}`),
    },
    gate: 'open',
  },
  { name: '"sign in to view your applications" is about the account, not gated content', page: { url: `${O}/docs/apps`, html: html(`<h1>Apps</h1>${LONG}<p>Sign in to view your applications and their keys.</p>`) }, gate: 'open' },
  { name: '"log in to multiple sites" is not a wall', page: { url: `${O}/docs/sso`, html: html(`<h1>Single sign-on</h1>${LONG}<p>One username and password to log in to multiple sites.</p>`) }, gate: 'open' },
  { name: '"Log in now" / "Subscribe" in a sidebar', page: { url: `${O}/news`, html: html(`<h1>News</h1>${LONG}<aside><a href="/login">Log in now</a> <a href="/subscribe">Subscribe</a></aside>`) }, gate: 'open' },
  { name: 'newsletter sign-up form on a short page', page: { url: `${O}/newsletter`, html: html('<h1>Newsletter</h1><p>Sign up to receive product news.</p><form action="/subscribe"><input type="email"><button>Sign up</button></form>') }, gate: 'open' },
  { name: 'short search page', page: { url: `${O}/search`, html: html('<h1>Search</h1><form action="/search"><input type="search" name="q"><button>Search</button></form>', 'Search') }, gate: 'open' },
  { name: 'redirect to another content page', page: { url: `${O}/docs`, finalUrl: `${O}/docs/`, redirects: [`${O}/docs`], html: html(`<h1>Docs</h1>${LONG}`) }, gate: 'open' },
  {
    name: 'silent SSO check that comes back to the page asked for',
    page: { url: `${O}/docs/`, finalUrl: `${O}/docs/`, redirects: [`${O}/docs/`, `https://login.example-bank.test/sso/check?return=${encodeURIComponent(`${O}/docs/`)}`], html: html(`<h1>Docs</h1>${LONG}`) },
    gate: 'open',
  },
  {
    name: 'normal page with Cloudflare JS detections (challenge-platform script) at 200',
    page: { url: `${O}/docs/webhooks`, headers: { 'cf-ray': '8f00-AMS', server: 'cloudflare' }, html: html(`<h1>Webhooks</h1>${LONG}<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>`) },
    gate: 'open',
  },
  { name: 'query parameter next= on an ordinary redirect does not make a login URL', page: { url: `${O}/blog`, finalUrl: `${O}/blog/?next=2`, redirects: [`${O}/blog`], html: html(`<h1>Blog</h1>${LONG}`) }, gate: 'open' },
  { name: 'JSON spec at 200', page: { url: `${O}/openapi.json`, headers: { 'content-type': 'application/json' } }, gate: 'open' },
  // ——— roles that are neither open content nor gated ———
  { name: 'the sign-in page itself', page: { url: `${O}/login`, html: html(LOGIN_FORM, 'Sign in') }, gate: 'open', role: 'login-page' },
  { name: 'the registration page itself', page: { url: `${O}/signup`, html: html('<h1>Create your account</h1><form action="/signup" method="post"><input type="email"><input type="password"><button>Sign up</button></form>') }, gate: 'open', role: 'login-page' },
  { name: 'a long guide whose URL has a login segment stays content', page: { url: `${O}/docs/login`, html: html(`<h1>Log in users with OAuth</h1>${LONG}`) }, gate: 'open', role: 'content' },
  { name: '404', page: { url: `${O}/gone`, status: 404, html: html('<h1>Not found</h1>') }, gate: 'open', role: 'error-status' },
  { name: 'network failure (status 0)', page: { url: `${O}/down`, status: 0 }, gate: 'open', role: 'no-response' },
  // ——— status-401 / status-403 ———
  {
    name: '401 with WWW-Authenticate',
    page: { url: `${O}/console`, status: 401, headers: { 'www-authenticate': 'Bearer realm="console"' }, html: html('<h1>Sign-in required</h1>') },
    gate: 'status-401',
    evidence: { status: 401, wwwAuthenticate: 'Bearer realm="console"' },
  },
  { name: '401 without WWW-Authenticate', page: { url: `${O}/keys`, status: 401, html: html('<h1>Unauthorized</h1>') }, gate: 'status-401', evidence: { status: 401 } },
  {
    name: '403 that says to sign in (a real authorisation wall, though it says "access denied")',
    page: { url: `${O}/partner-docs`, status: 403, html: html('<h1>Access denied</h1><p>This area is for approved partners. <a href="/login?next=/partner-docs">Log in</a> with a partner account.</p>') },
    gate: 'status-403',
  },
  { name: 'plain 403 without any block signature', page: { url: `${O}/internal`, status: 403, html: '<html><body><h1>403 Forbidden</h1></body></html>' }, gate: 'status-403' },
  // ——— bot-blocked ———
  {
    name: 'Cloudflare block page (403 + cf-ray)',
    page: { url: `${O}/docs/`, status: 403, headers: { 'cf-ray': '8f00-AMS', server: 'cloudflare' }, html: '<html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1><p>Cloudflare Ray ID: 8f00</p></body></html>' },
    gate: 'bot-blocked',
    evidence: { signature: 'cloudflare-block', vendor: 'Cloudflare' },
  },
  {
    name: 'Cloudflare managed challenge (cf-mitigated: challenge, any status)',
    page: { url: `${O}/pricing`, status: 403, headers: { 'cf-mitigated': 'challenge' }, html: '<html><head><title>Just a moment...</title></head><body></body></html>' },
    gate: 'bot-blocked',
    evidence: { signature: 'cloudflare-challenge' },
  },
  {
    name: 'Akamai "Access Denied" with reference number',
    page: { url: `${O}/docs/`, status: 403, headers: { server: 'AkamaiGHost' }, html: '<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>You don\'t have permission to access "http://developer.example-bank.test/docs/" on this server.<p>Reference #18.2f3c1702.1700000000.1a2b3c4d</p></body></html>' },
    gate: 'bot-blocked',
    evidence: { vendor: 'Akamai' },
  },
  { name: 'DataDome 403', page: { url: `${O}/docs/`, status: 403, headers: { 'x-datadome': 'protected' }, html: '<html><body><iframe src="https://geo.captcha-delivery.com/captcha/"></iframe></body></html>' }, gate: 'bot-blocked', evidence: { vendor: 'DataDome' } },
  { name: 'Imperva incident page', page: { url: `${O}/`, status: 403, html: '<html><body>Request unsuccessful. Incapsula incident ID: 123000450123456789-1234</body></html>' }, gate: 'bot-blocked', evidence: { vendor: 'Imperva' } },
  { name: 'CAPTCHA wall on 429', page: { url: `${O}/docs/`, status: 429, html: '<html><body><h1>Are you a robot?</h1><div class="g-recaptcha"></div></body></html>' }, gate: 'bot-blocked', evidence: { signature: 'captcha' } },
  { name: 'generic "Access denied" 403 with no sign of a sign-in', page: { url: `${O}/docs/`, status: 403, html: '<html><body><h1>Access denied</h1><p>Your request was blocked by the web application firewall.</p></body></html>' }, gate: 'bot-blocked', evidence: { signature: 'generic-denied', vendor: null } },
  // ——— login-redirect ———
  {
    name: '/pricing 302 → /login?next=/pricing',
    page: { url: `${O}/pricing`, finalUrl: `${O}/login?next=/pricing`, redirects: [`${O}/pricing`], html: html(LOGIN_FORM, 'Sign in') },
    gate: 'login-redirect',
    evidence: { loginUrl: `${O}/login`, loginRule: 'path segment "login"', redirects: [`${O}/pricing`, `${O}/login?next=/pricing`] },
  },
  {
    name: 'Keycloak realm on another host',
    page: {
      url: `${O}/sandbox`,
      finalUrl: 'https://idp.example-bank.test/realms/dev/protocol/openid-connect/auth?client_id=portal&response_type=code&redirect_uri=https%3A%2F%2Fdeveloper.example-bank.test%2Fsandbox',
      redirects: [`${O}/sandbox`],
    },
    gate: 'login-redirect',
    evidence: { loginUrl: 'https://idp.example-bank.test/realms/dev/protocol/openid-connect/auth', loginRule: 'identity provider path /realms/[^/]+/protocol/openid-connect/auth\\b' },
  },
  {
    name: 'Microsoft Entra ID via an own /auth hop',
    page: { url: `${O}/docs/`, finalUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=1', redirects: [`${O}/docs/`, `${O}/auth/start`] },
    gate: 'login-redirect',
    evidence: { loginUrl: `${O}/auth/start`, redirectsLength: 3 },
  },
  { name: 'Okta tenant', page: { url: `${O}/reference`, finalUrl: 'https://examplebank.okta.com/app/x/sso/saml', redirects: [`${O}/reference`] }, gate: 'login-redirect', evidence: { loginRule: 'identity provider host *.okta.com' } },
  { name: 'Google accounts', page: { url: `${O}/reference`, finalUrl: 'https://accounts.google.com/v3/signin/identifier?continue=x', redirects: [`${O}/reference`] }, gate: 'login-redirect', evidence: { loginUrl: 'https://accounts.google.com/v3/signin/identifier' } },
  { name: 'Auth0 universal login', page: { url: `${O}/keys`, finalUrl: 'https://example-bank.eu.auth0.com/u/login?state=abc', redirects: [`${O}/keys`] }, gate: 'login-redirect' },
  {
    name: 'return parameter pointing back to the requested page (/account?returnUrl=%2Fpricing)',
    page: { url: `${O}/pricing`, finalUrl: `${O}/account?returnUrl=%2Fpricing`, redirects: [`${O}/pricing`], html: html('<h1>Your account</h1><p>Welcome.</p>') },
    gate: 'login-redirect',
    evidence: { loginRule: 'return parameter "returnUrl" pointing back to the requested page' },
  },
  { name: 'redirect to a registration page', page: { url: `${O}/sandbox`, finalUrl: `${O}/signup?next=%2Fsandbox`, redirects: [`${O}/sandbox`] }, gate: 'login-redirect', evidence: { loginRule: 'path segment "signup"' } },
  {
    name: 'meta refresh to the sign-in page',
    page: { url: `${O}/pricing`, html: '<html><head><meta http-equiv="refresh" content="0; url=/signin?next=/pricing"></head><body>Redirecting…</body></html>' },
    gate: 'login-redirect',
    evidence: { via: 'meta-refresh', loginUrl: `${O}/signin` },
  },
  {
    name: 'script redirect on an empty shell',
    page: { url: `${O}/pricing`, html: '<html><body><script>window.location.href = "https://sso.example-bank.test/login?goto=/pricing";</script></body></html>' },
    gate: 'login-redirect',
    evidence: { via: 'script', loginUrl: 'https://sso.example-bank.test/login' },
  },
  {
    name: 'redirect the client did not follow (3xx with Location)',
    page: { url: `${O}/pricing`, status: 302, headers: { location: '/sso/start?target=%2Fpricing' }, html: '' },
    gate: 'login-redirect',
    evidence: { via: 'location-header', loginUrl: `${O}/sso/start` },
  },
  // ——— login-form ———
  {
    name: 'a 200 page that is mostly a sign-in form',
    page: { url: `${O}/docs/reference`, html: html(LOGIN_FORM, 'Developer portal') },
    gate: 'login-form',
    evidence: { formAction: '/session' },
  },
  {
    name: 'identifier-first sign-in (email first, no password yet)',
    page: { url: `${O}/portal`, html: html('<h1>Sign in</h1><form action="/identify" method="post"><label>Email <input type="email" name="email"></label><button>Next</button></form>', 'Sign in') },
    gate: 'login-form',
  },
  // ——— registration-interstitial ———
  {
    name: '"Register to view partner pricing" with a call to action',
    page: { url: `${O}/partners`, html: html('<h1>Partner programme</h1><p>Register to view partner pricing.</p><p><a href="/register">Register now</a></p>') },
    gate: 'registration-interstitial',
    evidence: { sentenceContains: 'Register to view partner pricing', cta: 'Register now' },
  },
  {
    name: '"Contact sales to see pricing" with a form',
    page: { url: `${O}/plans`, html: html('<h1>Plans</h1><p>Contact our sales team to see pricing for your volumes.</p><form action="/lead" method="post"><input type="email" name="email"><input type="text" name="company"><button>Send</button></form>') },
    gate: 'registration-interstitial',
    evidence: { sentenceContains: 'Contact our sales team to see pricing' },
  },
  {
    name: '"only available to registered partners" + Request access',
    page: { url: `${O}/docs/open-banking`, html: html('<h1>Open banking APIs</h1><p>This documentation is only available to registered partners.</p><a href="/request-access">Request access</a>') },
    gate: 'registration-interstitial',
    evidence: { cta: 'Request access' },
  },
  // ——— partial ———
  {
    name: '"Log in to see pricing" inside a long product page',
    page: { url: `${O}/products/payments`, html: html(`<h1>Payments API</h1>${LONG}<table><tr><td>Production</td><td>Log in to see pricing</td></tr></table>${LONG}`) },
    gate: 'partial',
    evidence: { sentenceContains: 'Log in to see pricing' },
  },
  { name: '"Sign in to view the API reference"', page: { url: `${O}/docs/overview`, html: html(`<h1>Overview</h1>${LONG}<p>Sign in to view the API reference for this product.</p>`) }, gate: 'partial', evidence: { sentenceContains: 'Sign in to view the API reference' } },
  {
    name: 'pricing "shared with registered partners after sign-in"',
    page: { url: `${O}/docs/faq`, html: html(`<h1>FAQ</h1>${LONG}<p>Production pricing is shared with registered partners after sign-in.</p>`) },
    gate: 'partial',
    evidence: { sentenceContains: 'after sign-in' },
  },
  { name: '"Please log in to download the specification"', page: { url: `${O}/docs/specs`, html: html(`<h1>Specs</h1>${LONG}<p>Please log in to download the OpenAPI specification.</p>`) }, gate: 'partial' },
  { name: '"a login is required to access the sandbox"', page: { url: `${O}/docs/sandbox`, html: html(`<h1>Sandbox</h1>${LONG}<p>A login is required to access the sandbox.</p>`) }, gate: 'partial' },
];

describe('classifyPage', () => {
  it.each(cases)('$name → $gate', (c) => {
    const verdict = classifyPage(makePage(c.page), GATING_RULES);
    expect(verdict.gate).toBe(c.gate);
    expect(verdict.role).toBe(c.role ?? (c.page.status === 0 ? 'no-response' : 'content'));
    expect(verdict.url).toBe(c.page.url);
    const { sentenceContains, formAction, redirectsLength, ...exact } = c.evidence ?? {};
    expect(verdict.evidence).toMatchObject(exact);
    if (sentenceContains) expect(verdict.evidence.sentence).toContain(sentenceContains);
    if (formAction) expect(verdict.evidence.form).toMatchObject({ action: formAction, hasPassword: true, inputTypes: ['email', 'password'] });
    if (redirectsLength) expect(verdict.evidence.redirects).toHaveLength(redirectsLength);
    if (c.gate === 'open') expect(Object.keys(verdict.evidence)).toEqual(['status']);
  });

  it('covers every gate reason', () => {
    const covered = new Set(cases.map((c) => c.gate));
    for (const gate of ['open', 'status-401', 'status-403', 'bot-blocked', 'login-redirect', 'login-form', 'registration-interstitial', 'partial']) {
      expect(covered.has(gate as Gate), gate).toBe(true);
    }
  });

  it('a WWW-Authenticate 401 wins over a CAPTCHA on the same page', () => {
    const page = makePage({ url: `${O}/console`, status: 401, headers: { 'www-authenticate': 'Basic realm="x"' }, html: '<html><body><div class="g-recaptcha"></div></body></html>' });
    expect(classifyPage(page, GATING_RULES).gate).toBe('status-401');
  });

  it('a very long page is scanned only up to its first 200,000 characters and never hangs', () => {
    const filler = `<p>${'word '.repeat(60_000)}</p>`;
    const page = makePage({ url: `${O}/huge`, html: html(`<h1>Huge</h1>${filler}<p>Log in to see pricing.</p>`) });
    const started = performance.now();
    expect(classifyPage(page, GATING_RULES).gate).toBe('open');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('redirectChain', () => {
  it.each([
    { page: { url: 'https://a/x', finalUrl: 'https://a/x', redirects: [] as string[] }, chain: ['https://a/x'] },
    { page: { url: 'https://a/x', finalUrl: 'https://a/y', redirects: ['https://a/x'] }, chain: ['https://a/x', 'https://a/y'] },
    { page: { url: 'https://a/x', finalUrl: 'https://a/z', redirects: ['https://a/x', 'https://a/y'] }, chain: ['https://a/x', 'https://a/y', 'https://a/z'] },
    { page: { url: 'https://a/x', finalUrl: 'https://a/y', redirects: [] as string[] }, chain: ['https://a/x', 'https://a/y'] },
  ])('$page.url → $chain', ({ page, chain }) => {
    expect(redirectChain(page)).toEqual(chain);
  });
});

describe('real pages with ordinary sign-in links stay open', () => {
  const dir = fileURLToPath(new URL('../../fixtures/readability-pages/', import.meta.url));
  const files = ['ars-1.html', 'gitlab-blog.html', 'iab-1.html', 'lwn-1.html', 'medium-1.html', 'wikipedia.html'];
  it('has the six pages', () => {
    expect(files.filter((f) => readdirSync(dir).includes(f))).toEqual(files);
  });
  it.each(files)('%s', (file) => {
    const page = makePage({ url: 'http://fakehost/test/page.html', html: readFileSync(`${dir}${file}`, 'utf8') });
    const verdict = classifyPage(page, GATING_RULES);
    expect(verdict).toMatchObject({ gate: 'open', role: 'content' });
  });
  it('ars-1 really has a password form and medium-1 a sign-in link (the traps are there)', () => {
    const ars = makePage({ url: 'http://fakehost/test/page.html', html: readFileSync(`${dir}ars-1.html`, 'utf8') });
    expect(ars.forms.some((f) => f.hasPassword)).toBe(true);
    const medium = makePage({ url: 'http://fakehost/test/page.html', html: readFileSync(`${dir}medium-1.html`, 'utf8') });
    expect(medium.anchors.some((a) => /\/m\/signin\?redirect=/.test(a.href))).toBe(true);
  });
});
