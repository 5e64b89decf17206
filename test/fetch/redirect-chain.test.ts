// A fetch that fails part-way through a redirect chain keeps the chain (PortalProbeError.redirects):
// the requested URL first, each hop, then the URL whose request failed or was refused. The audit
// fetch turns it into `finalUrl` (the failing URL) and `redirects` (the URLs before it).
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalProbeError } from '../../src/errors.js';
import { classifyAddress } from '../../src/fetch/address-guard.js';
import { createAuditFetch } from '../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../src/fetch/client.js';
import type { AddressClass, ClientOptions, HttpClient } from '../../src/fetch/types.js';
import { startServer, type TestServer } from './test-server.js';

const PUBLIC: AddressClass = { blocked: false, range: 'unicast' };

let portal: TestServer;
let silent: TestServer;
/** An origin nothing listens on any more (a server started, then closed). */
let closedOrigin: string;
const clients: HttpClient[] = [];

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end('moved');
}

function client(options: ClientOptions = {}): HttpClient {
  const c = createHttpClient({ allowPrivate: true, ...options });
  clients.push(c);
  return c;
}

async function failure(c: HttpClient, url: string): Promise<PortalProbeError> {
  const err = await c.fetch(url).then(
    () => null,
    (e: unknown) => e as PortalProbeError,
  );
  expect(err, `${url} should fail`).not.toBeNull();
  return err!;
}

beforeAll(async () => {
  const closed = await startServer((_req, res) => res.end());
  closedOrigin = closed.origin;
  await closed.close();
  // Accepts the connection, never answers: a login host that hangs.
  silent = await startServer(() => {});
  portal = await startServer((req, res) => {
    const url = new URL(req.url!, portal.origin);
    switch (url.pathname) {
      case '/docs':
        return redirect(res, `${closedOrigin}/login?next=/docs`);
      case '/via':
        return redirect(res, '/docs');
      case '/hang':
        return redirect(res, `${silent.origin}/sso/login`);
      case '/loop':
        return redirect(res, '/sso/login');
      case '/sso/login':
        return redirect(res, '/loop');
      case '/to-private-name':
        return redirect(res, `http://sso.intranet.test:${portal.port}/login`);
      case '/to-private-ip':
        return redirect(res, 'http://10.1.2.3/login');
      case '/bad-location':
        return redirect(res, 'http://[bad');
      default:
        return res.end('ok');
    }
  });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await portal.close();
  await silent.close();
});

describe('the client keeps the chain of a failed redirect', () => {
  it('a 302 to a server that is closed → PP_ERR_CONNECTION with [requested, refused host]', async () => {
    const err = await failure(client(), `${portal.origin}/docs`);
    expect(err.code).toBe('PP_ERR_CONNECTION');
    expect(err.redirects).toEqual([`${portal.origin}/docs`, `${closedOrigin}/login?next=/docs`]);
    // The message still names the URL that failed, as before.
    expect(err.message).toMatch(new RegExp(`^Connection to ${closedOrigin}/login\\?next=/docs failed`));
  });

  it('two hops before the failure are all kept, in order', async () => {
    const err = await failure(client(), `${portal.origin}/via`);
    expect(err.redirects).toEqual([`${portal.origin}/via`, `${portal.origin}/docs`, `${closedOrigin}/login?next=/docs`]);
  });

  it('a login host that never answers → PP_ERR_TIMEOUT on hop 2, chain kept', async () => {
    const err = await failure(client({ headersTimeoutMs: 150 }), `${portal.origin}/hang`);
    expect(err).toMatchObject({ code: 'PP_ERR_TIMEOUT', details: { phase: 'headers', url: `${silent.origin}/sso/login` } });
    expect(err.redirects).toEqual([`${portal.origin}/hang`, `${silent.origin}/sso/login`]);
  });

  it('a portal ↔ SSO loop → PP_ERR_REDIRECT_LOOP whose redirects equal its chain', async () => {
    const err = await failure(client(), `${portal.origin}/loop`);
    const chain = [`${portal.origin}/loop`, `${portal.origin}/sso/login`, `${portal.origin}/loop`];
    expect(err).toMatchObject({ code: 'PP_ERR_REDIRECT_LOOP', details: { chain } });
    expect(err.redirects).toEqual(chain);
    expect(err.message).toBe(`Redirect loop starting at ${portal.origin}/loop`);
  });

  it('too many redirects: redirects equal the chain, ending with the refused target', async () => {
    const err = await failure(client({ maxRedirects: 1 }), `${portal.origin}/via`);
    expect(err.code).toBe('PP_ERR_TOO_MANY_REDIRECTS');
    expect(err.redirects).toEqual((err.details as { chain: string[] }).chain);
    expect(err.redirects).toEqual([`${portal.origin}/via`, `${portal.origin}/docs`, `${closedOrigin}/login?next=/docs`]);
  });

  describe('allowPrivate false: the first hop is allowed, the redirect target is not', () => {
    // Both names resolve to 127.0.0.1; the test seam treats only the portal's name as public.
    const guarded = (): HttpClient =>
      client({
        allowPrivate: false,
        lookup: async () => [{ address: '127.0.0.1', family: 4 }],
        classify: (address, host) => (host === 'portal.test' ? PUBLIC : classifyAddress(address)),
      });

    it('a host name that resolves to a private address (refused at connect)', async () => {
      const start = `http://portal.test:${portal.port}/to-private-name`;
      const err = await failure(guarded(), start);
      expect(err).toMatchObject({ code: 'PP_ERR_BLOCKED_ADDRESS', details: { url: `http://sso.intranet.test:${portal.port}/login`, address: '127.0.0.1' } });
      expect(err.redirects).toEqual([start, `http://sso.intranet.test:${portal.port}/login`]);
    });

    it('a literal private IP (refused before any request)', async () => {
      const start = `http://portal.test:${portal.port}/to-private-ip`;
      const err = await failure(guarded(), start);
      expect(err).toMatchObject({ code: 'PP_ERR_BLOCKED_ADDRESS', details: { address: '10.1.2.3' } });
      expect(err.redirects).toEqual([start, 'http://10.1.2.3/login']);
    });
  });

  it('an unparseable Location ends the chain with the URL that sent it', async () => {
    const err = await failure(client(), `${portal.origin}/bad-location`);
    expect(err.code).toBe('PP_ERR_INVALID_URL');
    expect(err.redirects).toEqual([`${portal.origin}/bad-location`]);
  });

  it('a failing first request carries just the URL as given', async () => {
    const url = `${closedOrigin}/start`;
    const err = await failure(client(), url);
    expect(err.code).toBe('PP_ERR_CONNECTION');
    expect(err.redirects).toEqual([url]);
  });

  it('the chain stays out of the wire shape (toJSON)', async () => {
    const err = await failure(client(), `${portal.origin}/docs`);
    expect(Object.keys(err.toJSON()).sort()).toEqual(['code', 'details', 'message']);
    expect(JSON.stringify(err)).not.toContain('"redirects"');
  });
});

describe('the audit fetch turns the chain into finalUrl and redirects', () => {
  it.each([
    ['/docs', 'PP_ERR_CONNECTION', () => `${closedOrigin}/login?next=/docs`, () => [`${portal.origin}/docs`]],
    ['/via', 'PP_ERR_CONNECTION', () => `${closedOrigin}/login?next=/docs`, () => [`${portal.origin}/via`, `${portal.origin}/docs`]],
    ['/loop', 'PP_ERR_REDIRECT_LOOP', () => `${portal.origin}/loop`, () => [`${portal.origin}/loop`, `${portal.origin}/sso/login`]],
  ])('%s → %s', async (path, code, finalUrl, redirects) => {
    const fetch = createAuditFetch(client());
    const res = await fetch(`${portal.origin}${path}`);
    expect(res).toMatchObject({ url: `${portal.origin}${path}`, status: 0, error: { code }, finalUrl: finalUrl(), redirects: redirects() });
  });

  it('a failing first request is unchanged: finalUrl is the URL, no redirects', async () => {
    const fetch = createAuditFetch(client());
    const url = `${closedOrigin}/start`;
    const res = await fetch(url);
    expect(res).toMatchObject({ url, finalUrl: url, redirects: [], status: 0, error: { code: 'PP_ERR_CONNECTION' } });
  });
});
