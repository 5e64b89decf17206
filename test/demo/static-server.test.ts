// Integration tests of the static fixture server on a throwaway portal folder: pretty URLs, media
// types, _routes.json behaviour (redirects, fixed statuses, Markdown negotiation, headers, hidden
// files), gzip, {{origin}} substitution, 404s, and that no request path escapes the root.
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticPortal, pathSegments, type RunningPortal } from '../../src/demo/static-server.js';
import { PortalProbeError } from '../../src/errors.js';
import { rawGet } from './raw-http.js';

const SECRET = 'TOP-SECRET-OUTSIDE-ROOT';
const LONG_TEXT = 'Northwind documentation paragraph. '.repeat(40);

const FILES: Record<string, string> = {
  'index.html': `<!doctype html><title>Home</title><p>home page ${LONG_TEXT}</p>`,
  'about.html': '<!doctype html><title>About</title><p>about page</p>',
  'docs/index.html': '<!doctype html><title>Docs</title><p>docs index</p>',
  'docs/faq.html': '<!doctype html><title>FAQ</title><p>faq html</p>',
  'docs/faq.md': '# FAQ\n\nfaq markdown\n',
  'docs/plain.html': '<!doctype html><title>Plain</title><p>plain html</p>',
  'docs/plain.md': '# Plain\n',
  'openapi.json': '{"openapi":"3.0.3"}',
  'openapi.yaml': 'openapi: 3.0.3\n',
  'sitemap.xml': '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{{origin}}/</loc></url></urlset>',
  'robots.txt': 'User-agent: *\nAllow: /\n\nSitemap: {{origin}}/sitemap.xml\n',
  'llms.txt': '# Portal\n\n- [Docs]({{origin}}/docs/)\n',
  'changelog.atom': '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>x</id></feed>',
  'assets/app.js': 'console.log(1);',
  'assets/logo.png': '\x89PNG fake',
  '.well-known/security.txt': 'Contact: mailto:security@example.com\n',
  'forbidden.html': '<p>forbidden body file</p>',
  'README.md': 'answer key',
  '_routes.json': JSON.stringify({
    redirects: {
      '/pricing': { status: 302, location: '/login?next=/pricing' },
      '/old': { status: 301, location: '{{origin}}/about' },
      '/moved': { location: '/about' },
    },
    statuses: {
      '/console*': { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="console"' } },
      '/teapot': { status: 418, body: '<p>short and stout</p>' },
      '/blocked': { status: 403, file: 'forbidden.html' },
    },
    markdown: ['/docs/faq', '/docs/'],
    headers: { '/openapi.json': { Link: '<{{origin}}/openapi.json>; rel="service-desc"' } },
    hidden: ['/README.md'],
    delays: { '/about': 30 },
  }),
};

/** Lower-cased tokens of a Vary header. */
function varyTokens(vary: string | string[] | undefined): string[] {
  return String(vary ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
}

let root: string;
let outside: string;
let portal: RunningPortal;

beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'pp-static-'));
  root = path.join(base, 'portal');
  outside = base;
  await writeFile(path.join(base, 'secret.txt'), SECRET);
  await mkdir(path.join(base, 'secret-dir'));
  await writeFile(path.join(base, 'secret-dir', 'index.html'), SECRET);
  for (const [name, content] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  // A symlink inside the root pointing outside it must not be followed.
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'leak.txt'));
  await symlink(path.join(base, 'secret-dir'), path.join(root, 'leakdir'));
  portal = await startStaticPortal({ root });
});

afterAll(async () => {
  await portal?.close();
  await rm(outside, { recursive: true, force: true });
});

describe('startStaticPortal', () => {
  it('listens on 127.0.0.1 with a free port', () => {
    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(portal.url).not.toMatch(/:0$/);
  });

  it.each([
    ['/', 'text/html; charset=utf-8', 'home page'],
    ['/index.html', 'text/html; charset=utf-8', 'home page'],
    ['/about', 'text/html; charset=utf-8', 'about page'],
    ['/about.html', 'text/html; charset=utf-8', 'about page'],
    ['/docs/', 'text/html; charset=utf-8', 'docs index'],
    ['/docs', 'text/html; charset=utf-8', 'docs index'],
    ['/docs/faq', 'text/html; charset=utf-8', 'faq html'],
    ['/docs/faq.md', 'text/markdown; charset=utf-8', 'faq markdown'],
    ['/openapi.json', 'application/json; charset=utf-8', '"openapi"'],
    ['/openapi.yaml', 'application/yaml; charset=utf-8', 'openapi: 3.0.3'],
    ['/sitemap.xml', 'application/xml; charset=utf-8', '<urlset'],
    ['/robots.txt', 'text/plain; charset=utf-8', 'User-agent'],
    ['/llms.txt', 'text/plain; charset=utf-8', '# Portal'],
    ['/changelog.atom', 'application/atom+xml; charset=utf-8', '<feed'],
    ['/assets/app.js', 'text/javascript; charset=utf-8', 'console.log'],
    ['/assets/logo.png', 'image/png', 'PNG'],
    ['/.well-known/security.txt', 'text/plain; charset=utf-8', 'Contact:'],
    ['/about?utm_source=test#frag', 'text/html; charset=utf-8', 'about page'],
    ['/docs//faq', 'text/html; charset=utf-8', 'faq html'],
  ])('GET %s → 200 %s', async (target, type, snippet) => {
    const res = await rawGet(portal.url, target);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.text).toContain(snippet);
  });

  it.each([
    ['/pricing', 302, '/login?next=/pricing'],
    ['/moved', 302, '/about'],
    ['/pricing?x=1', 302, '/login?next=/pricing'],
  ])('redirects %s → %i %s', async (target, status, location) => {
    const res = await rawGet(portal.url, target);
    expect(res.status).toBe(status);
    expect(res.headers.location).toBe(location);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('substitutes {{origin}} in redirect locations', async () => {
    const res = await rawGet(portal.url, '/old');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`${portal.url}/about`);
  });

  it.each(['/console', '/console/keys', '/console?next=1'])('answers %s with the fixed 401 and its headers', async (target) => {
    const res = await rawGet(portal.url, target);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="console"');
    expect(res.text).toContain('401 Unauthorized');
  });

  it('serves a fixed status with an inline body or a file body', async () => {
    const teapot = await rawGet(portal.url, '/teapot');
    expect(teapot.status).toBe(418);
    expect(teapot.text).toBe('<p>short and stout</p>');
    const blocked = await rawGet(portal.url, '/blocked');
    expect(blocked.status).toBe(403);
    expect(blocked.text).toContain('forbidden body file');
  });

  it('adds per-path headers with {{origin}} substituted', async () => {
    const res = await rawGet(portal.url, '/openapi.json');
    expect(res.headers.link).toBe(`<${portal.url}/openapi.json>; rel="service-desc"`);
  });

  describe('Accept: text/markdown negotiation', () => {
    it.each([
      ['text/markdown', 'text/markdown; charset=utf-8', 'faq markdown'],
      ['text/markdown, text/html;q=0.9', 'text/markdown; charset=utf-8', 'faq markdown'],
      ['text/html;q=0.8, text/markdown', 'text/markdown; charset=utf-8', 'faq markdown'],
      ['text/markdown, text/html', 'text/markdown; charset=utf-8', 'faq markdown'],
      ['text/html, text/markdown;q=0.5', 'text/html; charset=utf-8', 'faq html'],
      ['text/markdown;q=0', 'text/html; charset=utf-8', 'faq html'],
      ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html; charset=utf-8', 'faq html'],
      ['*/*', 'text/html; charset=utf-8', 'faq html'],
      ['text/*', 'text/html; charset=utf-8', 'faq html'],
    ])('Accept: %s → %s', async (accept, type, snippet) => {
      const res = await rawGet(portal.url, '/docs/faq', { Accept: accept });
      expect(res.headers['content-type']).toBe(type);
      expect(res.text).toContain(snippet);
      expect(varyTokens(res.headers.vary)).toContain('accept');
    });

    it('negotiates a directory URL to its index.md only if one exists (else HTML)', async () => {
      const res = await rawGet(portal.url, '/docs/', { Accept: 'text/markdown' });
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(varyTokens(res.headers.vary)).toContain('accept');
    });

    it('does not negotiate paths the routes do not list, and sends no Vary: Accept there', async () => {
      const res = await rawGet(portal.url, '/docs/plain', { Accept: 'text/markdown' });
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(varyTokens(res.headers.vary)).not.toContain('accept');
      expect(varyTokens(res.headers.vary)).toContain('accept-encoding');
    });
  });

  describe('gzip', () => {
    it('compresses text when the client accepts gzip, with Vary: Accept-Encoding', async () => {
      const plain = await rawGet(portal.url, '/');
      const gz = await rawGet(portal.url, '/', { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.raw.length).toBeLessThan(plain.raw.length);
      expect(gz.text).toBe(plain.text);
      expect(Number(gz.headers['content-length'])).toBe(gz.raw.length);
      expect(String(gz.headers.vary)).toContain('Accept-Encoding');
    });

    it.each([
      ['gzip;q=0', false],
      ['identity', false],
      ['*', true],
      ['br;q=1, gzip;q=0.5', true],
    ])('Accept-Encoding: %s → gzip %s', async (acceptEncoding, gzipped) => {
      const res = await rawGet(portal.url, '/', { 'Accept-Encoding': acceptEncoding });
      expect(res.headers['content-encoding'] === 'gzip').toBe(gzipped);
    });

    it('does not compress images', async () => {
      const res = await rawGet(portal.url, '/assets/logo.png', { 'Accept-Encoding': 'gzip' });
      expect(res.headers['content-encoding']).toBeUndefined();
    });
  });

  it.each(['/robots.txt', '/sitemap.xml', '/llms.txt'])('substitutes {{origin}} in %s', async (target) => {
    const res = await rawGet(portal.url, target);
    expect(res.text).not.toContain('{{origin}}');
    expect(res.text).toContain(`${portal.url}/`);
  });

  it('writes the Sitemap line of robots.txt as an absolute URL', async () => {
    const res = await rawGet(portal.url, '/robots.txt');
    expect(res.text).toContain(`Sitemap: ${portal.url}/sitemap.xml\n`);
  });

  describe('refuses to leave the root', () => {
    it.each([
      '/../secret.txt',
      '/../../secret.txt',
      '/docs/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/docs/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%2e%2e/secret-dir/',
      '/leak.txt',
      '/leakdir/',
      '/leakdir',
      '/secret.txt%00.html',
      '/%E0%A4%A',
      // {outside} is the folder holding the root, known only once beforeAll has run.
      '/{outside}/secret.txt',
      '/{outside-encoded}',
    ])('%s', async (pattern) => {
      const target = pattern
        .replace('{outside}', path.relative('/', outside))
        .replace('{outside-encoded}', encodeURIComponent(path.join(outside, 'secret.txt')));
      const res = await rawGet(portal.url, target);
      expect([400, 404]).toContain(res.status);
      expect(res.text).not.toContain(SECRET);
    });
  });

  it.each([
    ['/nope', 404],
    ['/docs/nope/', 404],
    ['/README.md', 404],
    ['/_routes.json', 404],
  ])('%s → %i HTML page', async (target, status) => {
    const res = await rawGet(portal.url, target);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<h1>');
    expect(res.text).not.toContain('answer key');
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await rawGet(portal.url, '/about', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.raw.length).toBe(0);
  });

  it('answers other methods with 405 and Allow', async () => {
    const res = await rawGet(portal.url, '/about', {}, 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it('applies per-path delays', async () => {
    const t0 = performance.now();
    await rawGet(portal.url, '/about');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });
});

describe('startStaticPortal options and errors', () => {
  it('uses the root 404.html when there is one, and lets option routes override _routes.json', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pp-static-404-'));
    await writeFile(path.join(dir, '404.html'), '<h1>Custom not found</h1>');
    await writeFile(path.join(dir, 'a.html'), 'page a');
    await writeFile(path.join(dir, '_routes.json'), JSON.stringify({ redirects: { '/go': { location: '/a' } } }));
    const server = await startStaticPortal({ root: dir, routes: { redirects: { '/go': { status: 308, location: '/b' } }, statuses: { '/a': { status: 503, headers: { 'Retry-After': '5' } } } } });
    try {
      const missing = await rawGet(server.url, '/missing');
      expect(missing.status).toBe(404);
      expect(missing.text).toContain('Custom not found');
      const go = await rawGet(server.url, '/go');
      expect([go.status, go.headers.location]).toEqual([308, '/b']);
      const a = await rawGet(server.url, '/a');
      expect([a.status, a.headers['retry-after']]).toEqual([503, '5']);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('works without _routes.json', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pp-static-plain-'));
    await writeFile(path.join(dir, 'index.html'), 'plain home');
    const server = await startStaticPortal({ root: dir, port: 0, host: '127.0.0.1' });
    try {
      expect((await rawGet(server.url, '/')).text).toBe('plain home');
      expect((await rawGet(server.url, '/pricing')).status).toBe(404);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['not json', '{ nope'],
    ['unknown key', '{"redirect": {}}'],
    ['bad redirect status', '{"redirects": {"/a": {"status": 200, "location": "/b"}}}'],
    ['missing location', '{"redirects": {"/a": {"status": 301}}}'],
    ['bad fixed status', '{"statuses": {"/a": {"status": 1000}}}'],
    ['relative path key', '{"statuses": {"a": {"status": 401}}}'],
    ['markdown not a list', '{"markdown": "/docs/faq"}'],
  ])('rejects an invalid _routes.json (%s) with PP_ERR_PARSE', async (_name, text) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pp-static-bad-'));
    await writeFile(path.join(dir, '_routes.json'), text);
    try {
      const err = await startStaticPortal({ root: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PortalProbeError);
      expect((err as PortalProbeError).code).toBe('PP_ERR_PARSE');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a root that is not a folder with PP_ERR_USAGE', async () => {
    const err = await startStaticPortal({ root: path.join(tmpdir(), 'pp-does-not-exist-' + process.pid) }).catch((e: unknown) => e);
    expect((err as PortalProbeError).code).toBe('PP_ERR_USAGE');
  });

  it('closes promptly even with a request waiting on a delay', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pp-static-slow-'));
    await writeFile(path.join(dir, 'slow.html'), 'slow');
    const server = await startStaticPortal({ root: dir, routes: { delays: { '/slow': 60_000 } } });
    const pending = rawGet(server.url, '/slow').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await server.close();
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(await pending).toBeInstanceOf(Error);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('pathSegments', () => {
  it.each([
    ['/', ['']],
    ['/docs/', ['docs', '']],
    ['/docs/faq', ['docs', 'faq']],
    ['/docs//faq?x=1', ['docs', 'faq']],
    ['/a%20b', ['a b']],
    ['/../x', null],
    ['/./x', null],
    ['/%2e%2e/x', null],
    ['/a%2fb', null],
    ['/a%5cb', null],
    ['/a%00', null],
    ['/%E0%A4%A', null],
    ['x', null],
  ])('%s → %j', (target, expected) => {
    expect(pathSegments(target)).toEqual(expected);
  });
});
