// Unit tests of probes/business-surface/access.ts: public, gated, broken or unchecked.
import { describe, expect, it } from 'vitest';
import { keywordRegistry } from '../../../probes/business-surface/index.js';
import { pageAccess } from '../../../probes/business-surface/access.js';
import { ORIGIN, pageOf, type SitePage } from './site.js';

const LOGIN = '<h1>Sign in</h1><form action="/session"><input type="email"><input type="password"><button>Sign in</button></form>';

describe('pageAccess', () => {
  const cases: Array<[string, SitePage, string, string | null]> = [
    ['a 200 page', { path: '/pricing', title: 'Pricing', body: '<h1>Pricing</h1>' }, 'public', null],
    ['401', { path: '/pricing', status: 401 }, 'gated', 'HTTP 401'],
    ['403', { path: '/pricing', status: 403 }, 'gated', 'HTTP 403'],
    ['404', { path: '/pricing', status: 404 }, 'broken', 'HTTP 404'],
    ['500', { path: '/pricing', status: 500 }, 'broken', 'HTTP 500'],
    ['a redirect left unfollowed', { path: '/pricing', status: 301 }, 'broken', 'HTTP 301'],
    ['no response', { path: '/pricing', status: 0, error: { code: 'PP_ERR_TIMEOUT', message: 't' } }, 'broken', 'no response (PP_ERR_TIMEOUT)'],
    ['robots.txt kept us out', { path: '/pricing', status: 0, error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'r' } }, 'unchecked', 'not checked (robots.txt)'],
    ['a redirect to the login page', { path: '/pricing', finalPath: '/login?next=/pricing', title: 'Sign in', body: LOGIN }, 'gated', 'redirects to /login?next=/pricing'],
    ['a redirect to an identity provider', { path: '/pricing', finalPath: 'https://acme.okta.com/login', title: 'Okta', body: '<p>x</p>' }, 'gated', 'redirects to acme.okta.com/login'],
    ['a login form served in place', { path: '/pricing', title: 'Log in to Acme', body: LOGIN }, 'gated', 'serves a sign-in form'],
    ['a redirect to another public page', { path: '/pricing', finalPath: '/plans', title: 'Plans', body: '<h1>Plans</h1>' }, 'public', null],
    ['a page with a password field that is no login (change password guide)', { path: '/docs/passwords', title: 'Password rules', body: '<h1>Password rules</h1><form><input type="password"></form>' }, 'public', null],
  ];
  it.each(cases)('%s', (_name, input, access, reason) => {
    const registry = keywordRegistry();
    const verdict = pageAccess(pageOf(input), ORIGIN, registry.common, registry.forLang('en'));
    expect(verdict).toEqual({ access, reason });
  });
});
