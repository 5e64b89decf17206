// Table-driven tests for probes/gating/login-url.ts with the shipped patterns (probes/gating/data/login-patterns.json).
import { describe, expect, it } from 'vitest';
import { GATING_RULES } from '../../../probes/gating/index.js';
import { loginInChain, matchLoginUrl, withoutQuery } from '../../../probes/gating/login-url.js';

const O = 'https://developer.example-bank.test';

describe('matchLoginUrl', () => {
  it.each([
    // [url, rule (null = not a login URL), registration]
    [`${O}/login`, 'path segment "login"', false],
    [`${O}/Login.aspx?ReturnUrl=%2Fpricing`, 'path segment "login"', false],
    [`${O}/account/sign-in`, 'path segment "sign-in"', false],
    [`${O}/users/sign_in`, 'path segment "users/sign_in"', false],
    [`${O}/register?next=/partners`, 'path segment "register"', true],
    [`${O}/signup`, 'path segment "signup"', true],
    [`${O}/sso/start`, 'path segment "sso"', false],
    [`${O}/oauth2/authorize?client_id=1`, 'identity provider path /oauth2?/(v[0-9.]+/)?authori[sz]e\\b', false],
    ['https://idp.example.test/realms/dev/protocol/openid-connect/auth?client_id=x', 'identity provider path /realms/[^/]+/protocol/openid-connect/auth\\b', false],
    ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize', 'identity provider host login.microsoftonline.com', false],
    ['https://bank.okta.com/app/bank/exk1/sso/saml', 'identity provider host *.okta.com', false],
    ['https://bank.eu.auth0.com/authorize', 'identity provider host *.auth0.com', false],
    ['https://accounts.google.com/o/oauth2/v2/auth', 'identity provider host accounts.google.com', false],
    ['https://bank.b2clogin.com/bank.onmicrosoft.com/b2c_1_signin/oauth2/v2.0/authorize', 'identity provider host *.b2clogin.com', false],
    ['https://auth.example-bank.test/', 'login host "auth."', false],
    ['https://portal.example-bank.test/start?redirect_uri=https%3A%2F%2Fx', 'sign-in request parameter "redirect_uri"', false],
    [`${O}/adfs/ls/?SAMLRequest=abc`, 'identity provider path /adfs/ls\\b', false],
    [`${O}/start?SAMLRequest=abc`, 'sign-in request parameter "samlrequest"', false],
    // not login URLs
    [`${O}/docs/`, null, false],
    [`${O}/docs/authentication`, null, false],
    [`${O}/blog/logging-in-with-passkeys`, null, false],
    [`${O}/search?next=2`, null, false],
    ['https://accounts-google.example/', null, false],
    ['https://evil.example/accounts.google.com', null, false],
    ['https://notokta.com/', null, false],
    ['http://127.0.0.1:8080/', null, false],
    ['mailto:login@example.test', null, false],
    ['not a url', null, false],
  ])('%s', (url, rule, registration) => {
    const match = matchLoginUrl(url, GATING_RULES);
    if (rule === null) {
      expect(match).toBeNull();
    } else {
      expect(match).toMatchObject({ rule, registration, loginUrl: withoutQuery(url) });
    }
  });

  it('entryOnly ignores bare SSO / auth segments, so /docs/auth stays a doc', () => {
    expect(matchLoginUrl(`${O}/docs/auth`, GATING_RULES)).not.toBeNull();
    expect(matchLoginUrl(`${O}/docs/auth`, GATING_RULES, { entryOnly: true })).toBeNull();
    expect(matchLoginUrl(`${O}/login`, GATING_RULES, { entryOnly: true })).not.toBeNull();
    expect(matchLoginUrl('https://x.okta.com/', GATING_RULES, { entryOnly: true })).not.toBeNull();
  });

  it.each([
    [`${O}/account?returnUrl=%2Fpricing`, `${O}/pricing`, true],
    [`${O}/account?next=${encodeURIComponent(`${O}/pricing/`)}`, `${O}/pricing`, true],
    [`${O}/account?continue=%252Fpricing`, `${O}/pricing`, true],
    [`${O}/account?returnUrl=%2Fdocs`, `${O}/pricing`, false],
    [`${O}/account?page=%2Fpricing`, `${O}/pricing`, false],
    [`${O}/account?returnUrl=https%3A%2F%2Fevil.example%2Fpricing`, `${O}/pricing`, false],
  ])('return parameter %s for %s → %s', (url, requestedUrl, isLogin) => {
    expect(matchLoginUrl(url, GATING_RULES, { requestedUrl }) !== null).toBe(isLogin);
    // Without the requested URL a return parameter never counts.
    expect(matchLoginUrl(url, GATING_RULES)).toBeNull();
  });
});

describe('loginInChain', () => {
  it('names the first login hop after the requested URL', () => {
    expect(loginInChain([`${O}/pricing`, `${O}/auth/start`, 'https://bank.okta.com/x'], GATING_RULES)).toMatchObject({ index: 1, loginUrl: `${O}/auth/start` });
    expect(loginInChain([`${O}/login`, `${O}/docs/`], GATING_RULES)).toBeNull();
    expect(loginInChain([`${O}/pricing`], GATING_RULES)).toBeNull();
  });
});

describe('withoutQuery', () => {
  it('drops query and fragment, keeps unparsable input', () => {
    expect(withoutQuery('https://a.example/x/y?z=1#f')).toBe('https://a.example/x/y');
    expect(withoutQuery('::')).toBe('::');
  });
});
