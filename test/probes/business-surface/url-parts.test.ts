// Unit tests of probes/business-surface/url-parts.ts.
import { describe, expect, it } from 'vitest';
import { brandOf, isAuthUrl, pathSegments, shortLabel, urlKey } from '../../../probes/business-surface/url-parts.js';
import { keywordRegistry } from '../../../probes/business-surface/index.js';

describe('urlKey', () => {
  it.each([
    ['https://A.example/pricing/', 'https://a.example/pricing'],
    ['https://a.example/pricing?utm=x#plans', 'https://a.example/pricing'],
    ['https://a.example/', 'https://a.example/'],
    ['https://a.example', 'https://a.example/'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, key) => expect(urlKey(input)).toBe(key));
});

describe('pathSegments', () => {
  it.each([
    ['https://a.example/en-us/Pricing.html', ['pricing']],
    ['https://a.example/de/docs/rate_limits/', ['docs', 'rate-limits']],
    ['https://a.example/en', ['en']],
    ['https://a.example/docs/sdks/go', ['docs', 'sdks', 'go']],
    ['https://a.example/caf%C3%A9', ['café']],
    ['https://a.example/%E0%A4%A', ['%e0%a4%a']],
    ['https://a.example/', []],
  ])('%s → %j', (url, segments) => expect(pathSegments(url)).toEqual(segments));
});

describe('brandOf', () => {
  it.each([
    ['developer.acme.com', 'acme'],
    ['api.acme.co.uk', 'acme'],
    ['www.acme.io', 'acme'],
    ['docs.example', null],
    ['127.0.0.1', null],
    ['localhost', null],
    ['', null],
  ])('%s → %s', (host, brand) => expect(brandOf(host)).toBe(brand));
});

describe('isAuthUrl', () => {
  const { authUrls } = keywordRegistry().common;
  it.each([
    ['https://a.example/login?next=/pricing', true],
    ['https://a.example/users/sign_in', true],
    ['https://a.example/signup', true],
    ['https://login.acme.example/', true],
    ['https://acme.okta.com/app', true],
    ['https://a.example/docs/authentication', false],
    ['https://a.example/docs/auth', false],
    ['https://a.example/blog/login-with-passkeys-is-here', false],
    ['https://a.example/pricing', false],
  ])('%s → %s', (url, auth) => expect(isAuthUrl(url, authUrls)).toBe(auth));
});

describe('shortLabel', () => {
  it('gives the path on the audited origin and host + path elsewhere', () => {
    expect(shortLabel('https://a.example/pricing?x=1', 'https://a.example')).toBe('/pricing?x=1');
    expect(shortLabel('https://status.a.example/', 'https://a.example')).toBe('status.a.example');
    expect(shortLabel('https://b.example/x', 'https://a.example')).toBe('b.example/x');
  });
});
