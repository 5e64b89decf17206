// The SSRF guard: pure classification, URL pre-checks, and the connect-time check through a real
// client against a server on 127.0.0.1 (with fake host names mapped there by the resolver seam).
import { afterEach, describe, expect, it } from 'vitest';
import { PortalProbeError } from '../../src/errors.js';
import { checkUrl, classifyAddress, defaultResolver, offlineResolver, systemResolver } from '../../src/fetch/address-guard.js';
import { createHttpClient } from '../../src/fetch/client.js';
import type { AddressClass, HttpClient } from '../../src/fetch/types.js';
import { startServer, type TestServer } from './test-server.js';

const blocked: Array<[string, string]> = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['100.64.0.1', 'carrierGradeNat'],
  ['100.127.255.255', 'carrierGradeNat'],
  ['169.254.169.254', 'linkLocal'],
  ['169.254.0.1', 'linkLocal'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['255.255.255.255', 'broadcast'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['198.51.100.1', 'reserved'],
  ['203.0.113.1', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'linkLocal'],
  ['febf:ffff::1', 'linkLocal'],
  ['fc00::1', 'uniqueLocal'],
  ['fd12:3456::1', 'uniqueLocal'],
  ['ff02::1', 'multicast'],
  ['fec0::1', 'deprecatedSiteLocal'],
  ['2001:db8::1', 'reserved'],
  ['2001::1', 'teredo'],
  ['100::1', 'discard'],
  ['::ffff:127.0.0.1', 'ipv4Mapped(loopback)'],
  ['::ffff:7f00:1', 'ipv4Mapped(loopback)'],
  ['::ffff:10.1.2.3', 'ipv4Mapped(private)'],
  ['::ffff:169.254.169.254', 'ipv4Mapped(linkLocal)'],
  ['::ffff:0.0.0.0', 'ipv4Mapped(unspecified)'],
  ['::ffff:0:7f00:1', 'rfc6145(loopback)'],
  ['::7f00:1', 'ipv4Compatible'],
  ['::a00:1', 'ipv4Compatible'],
  ['64:ff9b::7f00:1', 'rfc6052(loopback)'],
  ['64:ff9b::a9fe:a9fe', 'rfc6052(linkLocal)'],
  ['64:ff9b:1::1', 'rfc6052'],
  ['2002:7f00:1::1', '6to4(loopback)'],
  ['2002:c0a8:101::1', '6to4(private)'],
  ['not-an-ip', 'invalid'],
  ['', 'invalid'],
];

const allowed = [
  '1.1.1.1',
  '8.8.8.8',
  '93.184.216.34',
  '11.0.0.1',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '169.253.255.255',
  '223.255.255.255',
  '2606:4700:4700::1111',
  '2a00:1450:4001:80b::200e',
  '::ffff:1.1.1.1',
  '64:ff9b::101:101',
  '2002:101:101::1',
];

describe('classifyAddress', () => {
  it.each(blocked)('blocks %s (%s)', (ip, range) => {
    expect(classifyAddress(ip)).toEqual({ blocked: true, range });
  });
  it.each(allowed)('allows %s', (ip) => {
    expect(classifyAddress(ip)).toEqual({ blocked: false, range: 'unicast' });
  });
});

describe('checkUrl', () => {
  const cases: Array<[string, string | null]> = [
    ['http://127.0.0.1/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://127.0.0.1:8080/admin', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://[::1]/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://2130706433/', 'PP_ERR_BLOCKED_ADDRESS'], // decimal 127.0.0.1
    ['http://0x7f.1/', 'PP_ERR_BLOCKED_ADDRESS'], // hex + short form
    ['http://0x7f000001/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://0177.0.0.1/', 'PP_ERR_BLOCKED_ADDRESS'], // octal
    ['http://127.1/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://0/', 'PP_ERR_BLOCKED_ADDRESS'], // 0.0.0.0
    ['http://[::ffff:127.0.0.1]/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://[::ffff:7f00:1]/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://[::]/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://[fe80::1]/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://[fd00::1]/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://169.254.169.254/latest/meta-data/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['https://10.0.0.5/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['http://100.100.100.200/', 'PP_ERR_BLOCKED_ADDRESS'],
    ['file:///etc/passwd', 'PP_ERR_UNSUPPORTED_SCHEME'],
    ['ftp://example.com/', 'PP_ERR_UNSUPPORTED_SCHEME'],
    ['gopher://example.com/', 'PP_ERR_UNSUPPORTED_SCHEME'],
    ['javascript:alert(1)', 'PP_ERR_UNSUPPORTED_SCHEME'],
    ['data:text/plain,hi', 'PP_ERR_UNSUPPORTED_SCHEME'],
    ['not a url', 'PP_ERR_INVALID_URL'],
    ['http://', 'PP_ERR_INVALID_URL'],
    ['https://example.com/docs', null], // names are checked at connect time, not here
    ['http://1.1.1.1/', null],
    ['http://[2606:4700:4700::1111]/', null],
  ];
  it.each(cases)('%s → %s', (url, code) => {
    if (code === null) {
      expect(checkUrl(url, false).href).toBe(new URL(url).href);
    } else {
      expect(() => checkUrl(url, false)).toThrowError(expect.objectContaining({ code }));
    }
  });

  it('names the normalised address and range in the error', () => {
    try {
      checkUrl('http://0x7f.1/', false);
      expect.fail('should throw');
    } catch (err) {
      expect((err as PortalProbeError).details).toMatchObject({ address: '127.0.0.1', range: 'loopback' });
    }
  });

  it('lets private literals through with allowPrivate, but never other schemes', () => {
    expect(checkUrl('http://127.0.0.1:1/', true).hostname).toBe('127.0.0.1');
    expect(() => checkUrl('file:///etc/passwd', true)).toThrowError(expect.objectContaining({ code: 'PP_ERR_UNSUPPORTED_SCHEME' }));
  });
});

describe('guarded client', () => {
  let server: TestServer;
  let client: HttpClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
    await server?.close();
  });

  const PUBLIC: AddressClass = { blocked: false, range: 'unicast' };

  it('a default client refuses a loopback literal and never reaches the server', async () => {
    server = await startServer((_req, res) => res.end('secret'));
    client = createHttpClient();
    await expect(client.fetch(`${server.origin}/`)).rejects.toMatchObject({ code: 'PP_ERR_BLOCKED_ADDRESS' });
    await expect(client.fetch(`http://[::ffff:127.0.0.1]:${server.port}/`)).rejects.toMatchObject({
      code: 'PP_ERR_BLOCKED_ADDRESS',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback (localhost) at connect time', async () => {
    server = await startServer((_req, res) => res.end('secret'));
    client = createHttpClient();
    const err = await client.fetch(`http://localhost:${server.port}/x`).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PP_ERR_BLOCKED_ADDRESS', details: { url: `http://localhost:${server.port}/x` } });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a redirect from an allowed host to a private address', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/ok') return res.end('public page');
      if (req.url === '/to-literal') {
        res.writeHead(302, { location: `http://127.0.0.1:${server.port}/secret` });
        return res.end();
      }
      if (req.url === '/to-name') {
        res.writeHead(301, { location: `http://intranet.test:${server.port}/secret` });
        return res.end();
      }
      res.end('SECRET');
    });
    // public.test and intranet.test both resolve to 127.0.0.1; only public.test is treated as public.
    client = createHttpClient({
      lookup: async () => [{ address: '127.0.0.1', family: 4 }],
      classify: (address, host) => (host === 'public.test' ? PUBLIC : classifyAddress(address)),
    });
    const ok = await client.fetch(`http://public.test:${server.port}/ok`);
    expect(ok.body.toString()).toBe('public page');

    await expect(client.fetch(`http://public.test:${server.port}/to-literal`)).rejects.toMatchObject({
      code: 'PP_ERR_BLOCKED_ADDRESS',
      details: { url: `http://127.0.0.1:${server.port}/secret`, range: 'loopback' },
    });
    await expect(client.fetch(`http://public.test:${server.port}/to-name`)).rejects.toMatchObject({
      code: 'PP_ERR_BLOCKED_ADDRESS',
      details: { url: `http://intranet.test:${server.port}/secret`, address: '127.0.0.1' },
    });
    expect(server.requests.map((r) => r.url)).toEqual(['/ok', '/to-literal', '/to-name']);
  });

  it('checks the address it dials: one lookup per connection, so a rebinding answer is refused', async () => {
    // Connection: close makes every fetch open a new connection (and so resolve again).
    server = await startServer((_req, res) => {
      res.setHeader('connection', 'close');
      res.end('hello');
    });
    let lookups = 0;
    client = createHttpClient({
      lookup: async () => {
        lookups++;
        return [{ address: '127.0.0.1', family: 4 }];
      },
      // The fake DNS's first answer counts as public; from then on it "rebinds" to loopback.
      classify: (address) => (lookups === 1 ? PUBLIC : classifyAddress(address)),
    });
    const first = await client.fetch(`http://rebind.test:${server.port}/`);
    expect(first.status).toBe(200);
    // Check and connect used the same single answer: there was no second lookup to rebind.
    expect(lookups).toBe(1);

    await expect(client.fetch(`http://rebind.test:${server.port}/again`)).rejects.toMatchObject({
      code: 'PP_ERR_BLOCKED_ADDRESS',
      details: { address: '127.0.0.1', range: 'loopback' },
    });
    expect(lookups).toBe(2);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a host when any of its addresses is blocked', async () => {
    server = await startServer((_req, res) => res.end('x'));
    client = createHttpClient({
      lookup: async () => [
        { address: '127.0.0.1', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ],
      classify: (address) => (address === '127.0.0.1' ? PUBLIC : classifyAddress(address)),
    });
    await expect(client.fetch(`http://mixed.test:${server.port}/`)).rejects.toMatchObject({
      code: 'PP_ERR_BLOCKED_ADDRESS',
      details: { address: '10.0.0.1', range: 'private' },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('allowPrivate lifts the guard', async () => {
    server = await startServer((_req, res) => res.end('intranet'));
    client = createHttpClient({ allowPrivate: true });
    const res = await client.fetch(`${server.origin}/`);
    expect(res.body.toString()).toBe('intranet');
  });
});

describe('offline resolution (the demo and the test run never send a DNS query)', () => {
  it('answers localhost names with loopback and fails every other name as unknown', async () => {
    await expect(offlineResolver('localhost')).resolves.toEqual([{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]);
    await expect(offlineResolver('api.LOCALHOST.')).resolves.toHaveLength(2);
    await expect(offlineResolver('status.northwindbank.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(offlineResolver('localhost.evil.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('is the default under PORTALPROBE_OFFLINE=1 (set for every test by vitest.config.ts), the system resolver otherwise', () => {
    expect(process.env.PORTALPROBE_OFFLINE).toBe('1');
    expect(defaultResolver()).toBe(offlineResolver);
    expect(defaultResolver({ PORTALPROBE_OFFLINE: 'true' })).toBe(offlineResolver);
    expect(defaultResolver({})).toBe(systemResolver);
    expect(defaultResolver({ PORTALPROBE_OFFLINE: '0' })).toBe(systemResolver);
  });

  it('a client fetch to another host fails as a DNS error without leaving the machine', async () => {
    const client = createHttpClient();
    try {
      await expect(client.fetch('https://status.northwindbank.example/api/v2/status.json')).rejects.toMatchObject({ code: 'PP_ERR_DNS' });
    } finally {
      await client.close();
    }
  });
});
