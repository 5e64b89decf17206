// Where the crawled pages point at OAuth / OIDC: metadata links (anchor, <link>, printed URL) and
// the hosts of authorization / token endpoints, first occurrence kept, http hosts only when allowed.
import { describe, expect, it } from 'vitest';
import { findAuthSignals } from '../../../probes/agent-discovery/auth-links.js';
import { makePage } from '../../helpers/probe-context.js';

const page = (path: string, body: string, head = '') => makePage({ url: `https://acme.test${path}`, html: `<html><head>${head}</head><body><main><h1>T</h1>${body}</main></body></html>` });

describe('findAuthSignals', () => {
  it('finds metadata links as anchors, <link> elements and text, once each', () => {
    const signals = findAuthSignals([
      page('/a', '<p>See <a href="https://login.acme.test/.well-known/openid-configuration#x">OIDC</a> and <a href="/.well-known/api-catalog">catalog</a>.</p>',
        '<link rel="describedby" href="/.well-known/oauth-authorization-server/t1">'),
      page('/b', '<p>Metadata lives at https://login.acme.test/.well-known/openid-configuration, and https://api.acme.test/.well-known/oauth-protected-resource.</p>'),
    ]);
    expect(signals.metadataLinks).toEqual([
      { href: 'https://acme.test/.well-known/oauth-authorization-server/t1', page: 'https://acme.test/a', via: 'link-element' },
      { href: 'https://login.acme.test/.well-known/openid-configuration', page: 'https://acme.test/a', via: 'anchor' },
      { href: 'https://api.acme.test/.well-known/oauth-protected-resource', page: 'https://acme.test/b', via: 'text' },
    ]);
  });

  it.each([
    ['POST https://auth.acme.test/oauth2/token', 'https://auth.acme.test'],
    ['https://login.microsoftonline.com/common/oauth2/v2.0/token', 'https://login.microsoftonline.com'],
    ['https://acme.okta.test/oauth2/default/v1/authorize?client_id=x', 'https://acme.okta.test'],
    ['https://id.acme.test:8443/connect/authorize.', 'https://id.acme.test:8443'],
    ['https://sso.acme.test/as/token', 'https://sso.acme.test'],
  ])('finds the authorization host in "%s"', (text, origin) => {
    expect(findAuthSignals([page('/auth', `<p>${text}</p>`)]).endpoints.map((e) => e.origin)).toEqual([origin]);
  });

  it.each([
    'https://acme.test/docs/tokens',
    'https://acme.test/oauth2/tokenize',
    'https://sso.acme.test/as/token.oauth2',
    'http://auth.acme.test/oauth2/token',
    'https://acme.test/oauth/a/b/c/token',
  ])('ignores "%s"', (text) => {
    expect(findAuthSignals([page('/auth', `<p>${text}</p>`)]).endpoints).toEqual([]);
  });

  it('keeps http endpoint hosts when allowed, and reads anchors too', () => {
    const signals = findAuthSignals([page('/auth', '<p><a href="http://127.0.0.1:9/oauth/authorize">Sign in</a></p>')], { allowHttp: true });
    expect(signals.endpoints).toEqual([{ origin: 'http://127.0.0.1:9', url: 'http://127.0.0.1:9/oauth/authorize', page: 'https://acme.test/auth' }]);
  });

  it('stays fast on hostile text', () => {
    const hostile = `https://${'a'.repeat(50_000)}/${'/x'.repeat(20_000)} ${'https://a/'.repeat(18_000)} ${'https://a.b/oauth/'.repeat(10_000)}`;
    const started = Date.now();
    expect(findAuthSignals([page('/h', `<p>${hostile}</p>`)])).toEqual({ metadataLinks: [], endpoints: [] });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
