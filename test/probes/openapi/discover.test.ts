// Unit tests for spec discovery (probes/openapi/discover.ts), the spec URLs an RFC 9727 API catalog
// lists, and the login-gate heuristics (probes/openapi/gated.ts). Pages are parsed by the crawl's parser.
import { describe, expect, it } from 'vitest';
import { parseApiCatalog } from '../../../src/formats/api-catalog.js';
import { addCommonPaths, addPageCandidates, CandidateSet, catalogSpecUrls, COMMON_SPEC_PATHS, docsUiSpecUrls, isSpecFileUrl, linkHeaderTargets } from '../../../probes/openapi/discover.js';
import { gateEvidence, isLoginUrl } from '../../../probes/openapi/gated.js';
import { strengthOf } from '../../../probes/openapi/types.js';
import { makePage } from '../../helpers/probe-context.js';

const ORIGIN = 'https://developer.acme.io';

function candidatesOf(html: string, headers: Record<string, string> = {}) {
  const set = new CandidateSet();
  addPageCandidates(set, makePage({ url: `${ORIGIN}/docs/`, html, headers }), ORIGIN);
  return set.ordered();
}

describe('candidates from a page', () => {
  it('reads <link rel="service-desc"> (RFC 8631), including multi-token rel and relative hrefs', () => {
    const c = candidatesOf('<html><head><link rel="alternate service-desc" href="../openapi.yaml" type="application/vnd.oai.openapi"></head><body></body></html>');
    expect(c).toEqual([{ url: `${ORIGIN}/openapi.yaml`, foundVia: ['link-service-desc'], foundOn: `${ORIGIN}/docs/` }]);
  });

  it('reads describedby only with an OpenAPI-ish type or spec file name', () => {
    const c = candidatesOf(`<html><head>
      <link rel="describedby" href="/meta.json" type="application/vnd.oai.openapi+json;version=3.1">
      <link rel="describedby" href="/powder.xml" type="application/powder+xml">
      <link rel="describedby" href="/specs/swagger.yaml">
    </head><body></body></html>`);
    expect(c.map((x) => [x.url, x.foundVia[0]])).toEqual([
      [`${ORIGIN}/meta.json`, 'link-describedby'],
      [`${ORIGIN}/specs/swagger.yaml`, 'link-describedby'],
    ]);
  });

  it('reads an HTTP Link header (RFC 8288)', () => {
    const c = candidatesOf('<html><body></body></html>', { link: '</style.css>; rel=preload, </api/openapi.json>; rel="service-desc"; type="application/openapi+json"' });
    expect(c).toEqual([{ url: `${ORIGIN}/api/openapi.json`, foundVia: ['link-header'], foundOn: `${ORIGIN}/docs/` }]);
  });

  it('reads anchors to spec files anywhere, and "OpenAPI"/"Download spec" anchors on the same site only', () => {
    const c = candidatesOf(`<html><body>
      <a href="https://raw.githubusercontent.com/acme/api/main/openapi.yaml">spec on GitHub</a>
      <a href="/downloads/payments.swagger.json">Payments</a>
      <a href="/reference/rest">OpenAPI reference</a>
      <a href="https://api.acme.io/spec">Download the spec</a>
      <a href="https://spec.openapis.org/oas/v3.1.0">OpenAPI 3.1</a>
      <a href="https://swagger.io/tools/">Swagger tools</a>
      <a href="/pricing">Pricing</a>
    </body></html>`);
    expect(c.map((x) => [x.url, x.foundVia.join()])).toEqual([
      ['https://raw.githubusercontent.com/acme/api/main/openapi.yaml', 'anchor'],
      [`${ORIGIN}/downloads/payments.swagger.json`, 'anchor'],
      [`${ORIGIN}/reference/rest`, 'anchor-text'],
      ['https://api.acme.io/spec', 'anchor-text'],
    ]);
  });

  it('finds the spec a docs UI loads', () => {
    const html = `<html><body>
      <redoc spec-url="/specs/redoc.yaml"></redoc>
      <rapi-doc spec-url="https://developer.acme.io/specs/rapi.json"></rapi-doc>
      <elements-api apiDescriptionUrl="/specs/elements.yaml" router="hash"></elements-api>
      <script id="api-reference" data-url="/specs/scalar.json"></script>
      <script>window.ui = SwaggerUIBundle({ dom_id: '#swagger-ui', urls: [{ url: "/specs/a.json", name: "A" }, { url: '/specs/b.yaml', name: 'B' }] });</script>
    </body></html>`;
    expect(docsUiSpecUrls(html).sort()).toEqual(
      ['/specs/a.json', '/specs/b.yaml', '/specs/elements.yaml', '/specs/redoc.yaml', '/specs/scalar.json', 'https://developer.acme.io/specs/rapi.json'].sort(),
    );
    expect(candidatesOf(html).every((c) => c.foundVia[0] === 'docs-ui')).toBe(true);
  });

  it('merges routes for one URL and orders declared pointers before guesses', () => {
    const set = new CandidateSet();
    addCommonPaths(set, ORIGIN);
    addPageCandidates(set, makePage({ url: `${ORIGIN}/`, html: '<html><head><link rel="service-desc" href="/openapi.json"></head><body><a href="/specs/x.yaml">OpenAPI</a></body></html>' }), ORIGIN);
    const ordered = set.ordered();
    expect(ordered[0]).toEqual({ url: `${ORIGIN}/openapi.json`, foundVia: ['common-path', 'link-service-desc'], foundOn: null });
    expect(ordered[1].url).toBe(`${ORIGIN}/specs/x.yaml`);
    expect(ordered).toHaveLength(COMMON_SPEC_PATHS.length + 1);
    expect(strengthOf(ordered[0].foundVia)).toBe('declared');
    expect(strengthOf(['anchor', 'common-path'])).toBe('linked');
    expect(strengthOf(['common-path'])).toBe('guessed');
  });

  it.each([
    ['https://x.io/openapi.json', true],
    ['https://x.io/v2/swagger.yaml', true],
    ['https://x.io/specs/payments.openapi.yml', true],
    ['https://x.io/openapi/v1.json', true],
    ['https://x.io/swagger/v1/swagger.json', true],
    ['https://x.io/data/products.json', false],
    ['https://x.io/openapi', false],
    ['https://x.io/docs/openapi.html', false],
  ])('isSpecFileUrl(%s) = %s', (url, expected) => {
    expect(isSpecFileUrl(url)).toBe(expected);
  });

  it('parses Link headers with several values and quoted rels', () => {
    expect(linkHeaderTargets('<https://a.io/x>; rel="service-desc api-catalog", <y>;rel=describedby;type="application/openapi+yaml"')).toEqual([
      { href: 'https://a.io/x', rel: 'service-desc api-catalog', type: undefined },
      { href: 'y', rel: 'describedby', type: 'application/openapi+yaml' },
    ]);
    expect(linkHeaderTargets(undefined)).toEqual([]);
  });
});

describe('parseApiCatalog (RFC 9727 / RFC 9264 linkset)', () => {
  const base = 'https://www.example.com/.well-known/api-catalog';

  it('reads the RFC 9727 §7 style example: service-desc links are specs, docs and status are not', () => {
    const text = JSON.stringify({
      linkset: [
        {
          anchor: 'https://developer.example.com/apis/foo_api',
          'service-desc': [{ href: 'https://developer.example.com/apis/foo_api/spec', type: 'application/yaml' }],
          status: [{ href: 'https://developer.example.com/apis/foo_api/status', type: 'application/json' }],
          'service-doc': [{ href: 'https://developer.example.com/apis/foo_api/doc', type: 'text/html' }],
          'service-meta': [{ href: 'https://developer.example.com/apis/foo_api/policies', type: 'application/xml' }],
        },
        {
          anchor: 'https://developer.example.com/apis/bar_api',
          'service-desc': [{ href: 'https://developer.example.com/apis/bar_api/spec', type: 'application/yaml' }],
        },
      ],
    });
    const r = parseApiCatalog(text, base);
    if (!r.parsed) throw new Error(r.errors[0]);
    expect(r.targets).toHaveLength(5);
    expect(r.apiCount).toBe(2);
    expect(catalogSpecUrls(r.targets, base)).toEqual(['https://developer.example.com/apis/foo_api/spec', 'https://developer.example.com/apis/bar_api/spec']);
  });

  it('takes item links only when they look like specs, and resolves relative hrefs against the catalog', () => {
    const text = JSON.stringify({
      linkset: [
        {
          anchor: base,
          item: [{ href: '/apis/foo_api' }, { href: '/apis/bar/openapi.yaml' }, { href: '/apis/baz', type: 'application/vnd.oai.openapi+json' }],
        },
      ],
    });
    const r = parseApiCatalog(text, base);
    if (!r.parsed) throw new Error(r.errors[0]);
    expect(catalogSpecUrls(r.targets, base)).toEqual(['https://www.example.com/apis/bar/openapi.yaml', 'https://www.example.com/apis/baz']);
  });

  it.each([
    ['not JSON', '<html></html>', /not JSON/],
    ['no linkset', '{"apis": []}', /linkset/],
    ['linkset not an array', '{"linkset": {}}', /linkset/],
  ])('%s → not ok', (_name, text, reason) => {
    const r = parseApiCatalog(text, base);
    expect(r.parsed).toBe(false);
    expect(r.errors[0]).toMatch(reason);
  });
});

describe('gateEvidence', () => {
  const res = (over: Partial<Parameters<typeof gateEvidence>[0]>) => ({
    status: 200, finalUrl: 'https://acme.io/openapi.json', redirects: [], headers: {}, bodyStart: '{}', ...over,
  });
  it.each([
    ['401 anywhere', res({ status: 401, headers: { 'www-authenticate': 'Bearer' } }), 'guessed', 'HTTP 401; WWW-Authenticate: Bearer'],
    ['403 on a declared URL', res({ status: 403 }), 'declared', 'HTTP 403'],
    ['403 on a guessed URL (S3/CDN style)', res({ status: 403 }), 'guessed', null],
    ['403 on a guessed URL with WWW-Authenticate', res({ status: 403, headers: { 'www-authenticate': 'Basic' } }), 'guessed', 'HTTP 403; WWW-Authenticate: Basic'],
    ['redirect to /login', res({ finalUrl: 'https://acme.io/login?next=/openapi.json', redirects: ['https://acme.io/openapi.json'], status: 404 }), 'guessed', 'redirects to https://acme.io/login?next=/openapi.json'],
    ['redirect to an IdP', res({ finalUrl: 'https://acme.okta.com/oauth2/v1/authorize', redirects: ['x'] }), 'linked', 'redirects to https://acme.okta.com/oauth2/v1/authorize'],
    ['redirect elsewhere', res({ finalUrl: 'https://acme.io/docs/', redirects: ['x'] }), 'declared', null],
    ['login form served in place', res({ headers: { 'content-type': 'text/html' }, bodyStart: '<form><input type="password"></form>' }), 'declared', 'HTTP 200 login form at https://acme.io/openapi.json'],
    ['login form at a guessed path (SPA catch-all)', res({ headers: { 'content-type': 'text/html' }, bodyStart: '<form><input type=password></form>' }), 'guessed', null],
    ['a plain 200', res({}), 'declared', null],
  ] as const)('%s', (_name, input, strength, expected) => {
    expect(gateEvidence(input, strength)).toBe(expected);
  });

  it.each([
    ['https://acme.io/login', true],
    ['https://acme.io/users/sign_in', true],
    ['https://login.acme.io/', true],
    ['https://acme.io/oauth2/authorize?x=1', true],
    ['https://accounts.google.com/o/oauth2/v2/auth', true],
    ['https://acme.io/docs/authentication', false],
    ['https://acme.io/blog/logging-in-practice', false],
  ])('isLoginUrl(%s) = %s', (url, expected) => {
    expect(isLoginUrl(url)).toBe(expected);
  });
});
