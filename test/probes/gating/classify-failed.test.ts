// Failed fetches (status 0) in probes/gating/classify.ts: a chain that reached a login / SSO URL before
// failing (the login host timed out, did not resolve, resolved to a private address) or that looped
// between portal and login host is a `login-redirect`; any other failure stays `no-response`.
import { describe, expect, it } from 'vitest';
import { GATING_RULES } from '../../../probes/gating/index.js';
import { classifyPage, failedFetchVerdict } from '../../../probes/gating/classify.js';
import type { GateEvidence, Page } from '../../../src/contract/index.js';
import { makePage } from '../../helpers/probe-context.js';

const O = 'https://developer.bank.example';
const SSO = 'https://sso.bank.example/login';

/** A page as the crawl records a failed fetch: status 0, no body, the chain from failureResult. */
function failed(url: string, redirects: string[], finalUrl: string, code: string): Page {
  const page = makePage({ url, status: 0, redirects, finalUrl });
  page.error = { code, message: `${code} fetching ${finalUrl}` };
  return page;
}

interface Case {
  name: string;
  page: Page;
  gated: boolean;
  evidence?: GateEvidence;
}

const cases: Case[] = [
  {
    name: 'login redirect, then the SSO host times out',
    page: failed(`${O}/docs`, [`${O}/docs`], `${SSO}?next=%2Fdocs`, 'PP_ERR_TIMEOUT'),
    gated: true,
    evidence: { status: 0, redirects: [`${O}/docs`, `${SSO}?next=%2Fdocs`], loginUrl: SSO, loginRule: 'path segment "login"', fetchError: 'PP_ERR_TIMEOUT' },
  },
  {
    name: 'login redirect, then the SSO host resolves to a private address',
    page: failed(`${O}/docs/reference`, [`${O}/docs/reference`, `${O}/docs/reference/`], 'https://login.bank.example/?client=portal', 'PP_ERR_BLOCKED_ADDRESS'),
    gated: true,
    evidence: {
      status: 0,
      redirects: [`${O}/docs/reference`, `${O}/docs/reference/`, 'https://login.bank.example/?client=portal'],
      loginUrl: 'https://login.bank.example/',
      loginRule: 'login host "login."',
      fetchError: 'PP_ERR_BLOCKED_ADDRESS',
    },
  },
  {
    name: 'an identity provider host that does not resolve',
    page: failed(`${O}/console`, [`${O}/console`], 'https://bank.okta.com/oauth2/v1/authorize?redirect_uri=x', 'PP_ERR_DNS'),
    gated: true,
    evidence: { status: 0, loginUrl: 'https://bank.okta.com/oauth2/v1/authorize', loginRule: 'identity provider host *.okta.com', fetchError: 'PP_ERR_DNS' },
  },
  {
    name: 'the login page answers, a later IdP step fails: still a login redirect',
    page: failed(`${O}/sandbox`, [`${O}/sandbox`, `${O}/login?next=/sandbox`], 'https://idp.partner.example/saml2', 'PP_ERR_CONNECTION'),
    gated: true,
    evidence: { status: 0, loginUrl: `${O}/login`, fetchError: 'PP_ERR_CONNECTION' },
  },
  {
    name: 'an SSO loop: portal → SSO → portal',
    page: failed(`${O}/docs`, [`${O}/docs`, `${SSO}?return=/docs`], `${O}/docs`, 'PP_ERR_REDIRECT_LOOP'),
    gated: true,
    evidence: { status: 0, redirects: [`${O}/docs`, `${SSO}?return=/docs`, `${O}/docs`], loginUrl: SSO, fetchError: 'PP_ERR_REDIRECT_LOOP' },
  },
  {
    name: 'SSO ↔ portal past the hop limit (query strings differ each time)',
    page: failed(`${O}/docs`, [`${O}/docs`, `${SSO}?n=1`, `${O}/docs?sso=1`], `${SSO}?n=2`, 'PP_ERR_TOO_MANY_REDIRECTS'),
    gated: true,
    evidence: { status: 0, loginUrl: SSO, fetchError: 'PP_ERR_TOO_MANY_REDIRECTS' },
  },
  // Failures that say nothing about a login.
  { name: 'the very first request failed', page: failed(`${O}/docs`, [], `${O}/docs`, 'PP_ERR_TIMEOUT'), gated: false },
  { name: 'a chain that never touched a login URL', page: failed(`${O}/docs`, [`${O}/docs`], 'https://cdn.bank.example/docs/', 'PP_ERR_TIMEOUT'), gated: false },
  { name: 'a loop that never touched a login URL', page: failed(`${O}/a`, [`${O}/a`, `${O}/b`], `${O}/a`, 'PP_ERR_REDIRECT_LOOP'), gated: false },
  {
    name: 'a silent SSO check that came back to the page before it timed out',
    page: failed(`${O}/docs`, [`${O}/docs`, `${SSO}?prompt=none&return=/docs`], `${O}/docs/`, 'PP_ERR_TIMEOUT'),
    gated: false,
  },
  { name: 'a cancelled audit', page: failed(`${O}/docs`, [`${O}/docs`], SSO, 'PP_ERR_ABORTED'), gated: false },
  { name: 'the portal’s own sign-in page, whose SSO host is down', page: failed(`${O}/login`, [`${O}/login`], SSO, 'PP_ERR_TIMEOUT'), gated: false },
];

describe('classifyPage on failed fetches', () => {
  it.each(cases)('$name', ({ page, gated, evidence }) => {
    const verdict = classifyPage(page, GATING_RULES);
    expect(verdict.url).toBe(page.url);
    expect(verdict.finalUrl).toBe(page.finalUrl);
    if (gated) {
      expect(verdict).toMatchObject({ gate: 'login-redirect', role: 'content' });
      expect(verdict.evidence).toMatchObject(evidence!);
      expect(verdict.evidence.redirects?.at(-1)).toBe(page.finalUrl);
    } else {
      expect(verdict).toEqual({ url: page.url, finalUrl: page.finalUrl, gate: 'open', role: 'no-response', evidence: { status: 0 } });
    }
  });

  it('a page that answered is never judged by failedFetchVerdict', () => {
    const page = makePage({ url: `${O}/docs`, status: 200, redirects: [`${O}/docs`], finalUrl: SSO, html: '<p>x</p>' });
    page.error = { code: 'PP_ERR_TIMEOUT', message: 'x' };
    expect(failedFetchVerdict(page, GATING_RULES)).toBeNull();
  });

  it('works on a bare FetchResult shape (no parsed page)', () => {
    const verdict = failedFetchVerdict(
      { url: `${O}/docs`, finalUrl: SSO, status: 0, redirects: [`${O}/docs`], error: { code: 'PP_ERR_DNS', message: 'x' } },
      GATING_RULES,
    );
    expect(verdict).toMatchObject({ gate: 'login-redirect', evidence: { fetchError: 'PP_ERR_DNS', loginUrl: SSO } });
  });
});
