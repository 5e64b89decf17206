// failureResult(): a thrown fetch error as the status-0 FetchResult probes read. When the client
// recorded a redirect chain on the error, finalUrl is the URL that failed and redirects the URLs
// before it; a failure of the very first request keeps finalUrl = url and no redirects.
import { describe, expect, it } from 'vitest';
import { ConnectionError, FetchTimeoutError, PortalProbeError, RedirectLoopError, TooManyRedirectsError, withRedirects } from '../../src/errors.js';
import { failureResult } from '../../src/fetch/audit-fetch.js';

const U = 'https://developer.bank.test/docs';
const SSO = 'https://sso.bank.test/login?next=/docs';

describe('failureResult', () => {
  it.each([
    { name: 'an error without a chain', err: new ConnectionError(U), finalUrl: U, redirects: [] as string[], code: 'PP_ERR_CONNECTION' },
    { name: 'a non-PortalProbeError', err: new Error('boom'), finalUrl: U, redirects: [], code: 'PP_ERR_INTERNAL' },
    { name: 'the first request failed ([url])', err: withRedirects(new ConnectionError(U), [U]), finalUrl: U, redirects: [], code: 'PP_ERR_CONNECTION' },
    {
      name: 'the login host timed out on hop 2',
      err: withRedirects(new FetchTimeoutError(SSO, 'connect', 10_000), [U, SSO]),
      finalUrl: SSO,
      redirects: [U],
      code: 'PP_ERR_TIMEOUT',
    },
    {
      name: 'a three-hop chain',
      err: withRedirects(new ConnectionError(SSO), [U, 'https://developer.bank.test/docs/', SSO]),
      finalUrl: SSO,
      redirects: [U, 'https://developer.bank.test/docs/'],
      code: 'PP_ERR_CONNECTION',
    },
    { name: 'a portal ↔ SSO loop', err: new RedirectLoopError(U, [U, SSO, U]), finalUrl: U, redirects: [U, SSO], code: 'PP_ERR_REDIRECT_LOOP' },
    { name: 'too many redirects', err: new TooManyRedirectsError(U, 1, [U, SSO, `${U}?again`]), finalUrl: `${U}?again`, redirects: [U, SSO], code: 'PP_ERR_TOO_MANY_REDIRECTS' },
  ])('$name', ({ err, finalUrl, redirects, code }) => {
    const res = failureResult(U, err, 12);
    expect(res).toMatchObject({ url: U, finalUrl, redirects, status: 0, headers: {}, truncated: false, bytes: 0, durationMs: 12, ttfbMs: 0 });
    expect(res.body.byteLength).toBe(0);
    expect(res.error?.code).toBe(code);
  });

  it('keeps the error message as it was', () => {
    const err = withRedirects(new FetchTimeoutError(SSO, 'headers', 15_000), [U, SSO]);
    expect(failureResult(U, err, 0).error).toEqual({ code: 'PP_ERR_TIMEOUT', message: `Timed out (headers, 15000 ms) fetching ${SSO}` });
  });

  it('does not share the error’s chain array', () => {
    const err = withRedirects(new ConnectionError(SSO), [U, SSO]);
    const res = failureResult(U, err, 0);
    res.redirects.push('x');
    expect(err.redirects).toEqual([U, SSO]);
  });
});

describe('withRedirects', () => {
  it('records a chain once; a loop error keeps its own', () => {
    const err = withRedirects(new ConnectionError(SSO), [U, SSO]);
    expect(withRedirects(err, ['other'])).toBe(err);
    expect(err.redirects).toEqual([U, SSO]);
    const loop = new RedirectLoopError(U, [U, SSO, U]);
    expect(withRedirects(loop, [U, SSO]).redirects).toEqual([U, SSO, U]);
  });

  it('an empty chain records nothing; plain errors have no redirects property', () => {
    const err = new PortalProbeError('PP_ERR_INTERNAL', 'x');
    expect(withRedirects(err, []).redirects).toBeUndefined();
    expect(Object.keys(new ConnectionError(U))).not.toContain('redirects');
  });
});
