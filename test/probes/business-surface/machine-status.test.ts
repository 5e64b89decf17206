// probes/business-surface/machine-status.ts: which URLs are checked for a machine-readable status, how
// each answer is judged (Statuspage JSON valid / invalid, HTML soft 404, feeds, failures that are
// "not checked"), and the summary fact; then the async check over in-memory responses.
import { describe, expect, it } from 'vitest';
import type { KindResult, Resource } from '../../../src/contract/index.js';
import {
  checkMachineReadableStatus, judgeStatusAnswer, MAX_STATUS_CHECKS, statusCandidates, summarizeStatusChecks, type StatusCandidate,
} from '../../../probes/business-surface/machine-status.js';
import { FEED_ACCEPT } from '../../../src/formats/feeds.js';
import { makeContext, makePage, makeSnapshot } from '../../helpers/probe-context.js';

const STATUSPAGE_JSON = JSON.stringify({
  page: { id: 'kctbh9vrtdwd', name: 'Acme', url: 'https://status.acme.test', time_zone: 'Etc/UTC', updated_at: '2026-11-27T10:00:00.000Z' },
  status: { indicator: 'none', description: 'All Systems Operational' },
});
const ATOM = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Acme status - Incident history</title><id>x</id><updated>2026-11-20T00:00:00Z</updated><entry><id>1</id><title>Degraded API</title><updated>2026-11-20T00:00:00Z</updated></entry></feed>';
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Acme status</title><item><title>Outage</title><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>';
const SPA = '<!doctype html><html><head><title>Acme status</title></head><body><div id="app"></div></body></html>';

function res(over: Partial<Resource>): Resource {
  return { url: 'https://status.acme.test/x', finalUrl: 'https://status.acme.test/x', status: 200, headers: {}, type: '', text: '', bytes: 0, truncated: false, redirects: [], fromSnapshot: false, ...over };
}

const api: StatusCandidate = { url: 'https://status.acme.test/api/v2/status.json', source: 'statuspage-api', expect: 'statuspage-json', evidence: 'Statuspage API' };
const history: StatusCandidate = { url: 'https://status.acme.test/history.atom', source: 'statuspage-history', expect: 'feed', evidence: 'history' };
const declaredJson: StatusCandidate = { url: 'https://status.acme.test/status.json', source: 'link-alternate', expect: 'json', evidence: 'link' };
const anchor: StatusCandidate = { url: 'https://status.acme.test/feed', source: 'anchor', expect: 'any', evidence: 'anchor' };

describe('judgeStatusAnswer', () => {
  it.each([
    ['Statuspage JSON', api, res({ type: 'application/json', text: STATUSPAGE_JSON }), { result: 'found', kind: 'statuspage-json', indicator: 'none' }],
    ['Statuspage JSON with a BOM and no content type', api, res({ text: `\uFEFF${STATUSPAGE_JSON}` }), { result: 'found', kind: 'statuspage-json' }],
    ['a major outage is still a valid document', api, res({ type: 'application/json', text: '{"status":{"indicator":"major","description":"Partial outage"}}' }), { result: 'found', indicator: 'major' }],
    ['JSON without status.indicator', api, res({ type: 'application/json', text: '{"status":"ok"}' }), { result: 'invalid', note: expect.stringContaining('without status.indicator') }],
    ['an empty indicator', api, res({ type: 'application/json', text: '{"status":{"indicator":""}}' }), { result: 'invalid' }],
    ['malformed JSON', api, res({ type: 'application/json', text: '{"status": {' }), { result: 'invalid', note: expect.stringContaining('not JSON') }],
    ['a JSON array', api, res({ type: 'application/json', text: '[1,2]' }), { result: 'invalid', note: expect.stringContaining('not a JSON object') }],
    ['an HTML soft 404 (200 text/html)', api, res({ type: 'text/html', text: SPA }), { result: 'missing', note: expect.stringContaining('soft 404') }],
    ['an HTML page served as JSON', api, res({ type: 'application/json', text: SPA }), { result: 'missing', note: expect.stringContaining('soft 404') }],
    ['404', api, res({ status: 404, type: 'text/html', text: 'Not found' }), { result: 'missing', note: 'HTTP 404, text/html' }],
    ['401 (the JSON is not public)', api, res({ status: 401 }), { result: 'missing', note: 'HTTP 401' }],
    ['an empty 200', api, res({ type: 'application/json', text: '  ' }), { result: 'invalid', note: expect.stringContaining('empty body') }],
    ['text where JSON is expected', api, res({ type: 'text/plain', text: 'OK' }), { result: 'invalid', note: expect.stringContaining('not JSON') }],
    ['an Atom incident feed', history, res({ type: 'application/atom+xml', text: ATOM }), { result: 'found', kind: 'feed' }],
    ['an RSS feed where Atom was guessed', history, res({ type: 'application/xml', text: RSS }), { result: 'found', kind: 'feed' }],
    ['malformed XML', history, res({ type: 'application/atom+xml', text: '<feed><entry>' }), { result: 'invalid', note: expect.stringContaining('malformed XML') }],
    ['XML that is not a feed', history, res({ type: 'application/xml', text: '<urlset/>' }), { result: 'invalid', note: expect.stringContaining('not a feed') }],
    ['JSON where a feed was expected', history, res({ type: 'application/json', text: '{"a":1}' }), { result: 'invalid' }],
    ['a JSON Feed', history, res({ type: 'application/feed+json', text: '{"version":"https://jsonfeed.org/version/1.1","title":"Status","items":[]}' }), { result: 'found', kind: 'feed' }],
    ['declared JSON of another shape', declaredJson, res({ type: 'application/json', text: '{"components":[{"name":"API","status":"operational"}]}' }), { result: 'found', kind: 'json' }],
    ['declared JSON that is Statuspage', declaredJson, res({ type: 'application/json', text: STATUSPAGE_JSON }), { result: 'found', kind: 'statuspage-json' }],
    ['declared empty JSON object', declaredJson, res({ type: 'application/json', text: '{}' }), { result: 'invalid' }],
    ['declared JSON that is XML', declaredJson, res({ type: 'application/xml', text: RSS }), { result: 'invalid', note: expect.stringContaining('not JSON') }],
    ['an anchor to a feed', anchor, res({ type: 'application/rss+xml', text: RSS }), { result: 'found', kind: 'feed' }],
  ] as const)('%s', (_name, candidate, answer, expected) => {
    const j = judgeStatusAnswer(candidate, answer);
    expect('checked' in j).toBe(true);
    if ('checked' in j) expect(j.checked).toMatchObject({ url: candidate.url, source: candidate.source, ...expected });
  });

  it.each([
    ['robots.txt', res({ status: 0, error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'robots' } }), 'not checked (robots.txt)'],
    ['no answer', res({ status: 0, error: { code: 'PP_ERR_TIMEOUT', message: 'timed out' } }), 'no response: timed out'],
    ['rate limited', res({ status: 429 }), 'HTTP 429'],
    ['a server error', res({ status: 503, type: 'text/html' }), 'HTTP 503, text/html'],
  ])('%s is not checked, not missing', (_name, answer, reason) => {
    expect(judgeStatusAnswer(api, answer)).toEqual({ notChecked: { url: api.url, reason } });
  });
});

describe('statusCandidates', () => {
  const portalHost = 'portal.acme.test';

  it('on a status host: Statuspage JSON first, then declared feeds, then the history feeds, at most four', () => {
    const got = statusCandidates({
      url: 'https://status.acme.test/',
      linkTags: [
        { rel: 'alternate', type: 'application/atom+xml', href: '/history.atom', title: 'Incident history' },
        { rel: 'alternate', type: 'application/rss+xml', href: '/history.rss' },
        { rel: 'stylesheet', href: '/app.css' },
        { rel: 'alternate', type: 'application/json', href: 'https://status.acme.test/index.json' },
        { rel: 'alternate', hreflang: 'de', href: '/de' },
      ],
      anchors: [],
    }, portalHost);
    expect(got.map((c) => [c.url, c.source, c.expect])).toEqual([
      ['https://status.acme.test/api/v2/status.json', 'statuspage-api', 'statuspage-json'],
      ['https://status.acme.test/history.atom', 'link-alternate', 'feed'],
      ['https://status.acme.test/history.rss', 'link-alternate', 'feed'],
      ['https://status.acme.test/index.json', 'link-alternate', 'json'],
    ]);
    expect(got).toHaveLength(MAX_STATUS_CHECKS);
    expect(got[1].evidence).toBe('<link rel="alternate" type="application/atom+xml" href="/history.atom"> on https://status.acme.test/');
  });

  it('on a portal page: the site-wide blog feed does not count, a status feed and an anchor to the status host do', () => {
    const got = statusCandidates({
      url: 'https://portal.acme.test/status',
      linkTags: [
        { rel: 'alternate', type: 'application/rss+xml', href: '/blog/feed.xml', title: 'Acme blog' },
        { rel: 'alternate', type: 'application/atom+xml', href: '/status/incidents.atom', title: 'Incidents' },
      ],
      anchors: [
        { href: 'https://status.acme.test/history.rss', text: 'RSS feed' },
        { href: 'https://portal.acme.test/blog/rss', text: 'Blog RSS' },
        { href: 'https://status.acme.test/', text: 'status.acme.test' },
      ],
    }, portalHost);
    expect(got.map((c) => c.url)).toEqual([
      'https://portal.acme.test/api/v2/status.json',
      'https://portal.acme.test/status/incidents.atom',
      'https://status.acme.test/history.rss',
      'https://portal.acme.test/history.atom',
    ]);
    expect(got[2]).toMatchObject({ source: 'anchor', expect: 'any', evidence: "anchor 'RSS feed' on https://portal.acme.test/status" });
  });

  it('without declared feeds: the three Statuspage URLs on the final URL\'s origin', () => {
    expect(statusCandidates({ url: 'https://acme.statuspage.io/', linkTags: [], anchors: [] }, portalHost).map((c) => c.url)).toEqual([
      'https://acme.statuspage.io/api/v2/status.json', 'https://acme.statuspage.io/history.atom', 'https://acme.statuspage.io/history.rss',
    ]);
  });

  it('ignores unusable hrefs', () => {
    const got = statusCandidates({
      url: 'https://status.acme.test/',
      linkTags: [{ rel: 'alternate', type: 'application/rss+xml', href: 'javascript:alert(1)' }, { rel: 'alternate', type: 'application/rss+xml', href: 'http://[bad' }],
      anchors: [{ href: 'mailto:ops@acme.test', text: 'feed' }],
    }, portalHost);
    expect(got.map((c) => c.source)).toEqual(['statuspage-api', 'statuspage-history', 'statuspage-history']);
  });
});

describe('summarizeStatusChecks', () => {
  const found = { checked: { url: 'a', source: 'statuspage-api', result: 'found', kind: 'statuspage-json', note: 'HTTP 200' } } as const;
  const missing = { checked: { url: 'b', source: 'statuspage-history', result: 'missing', kind: null, note: 'HTTP 404' } } as const;
  const skipped = { notChecked: { url: 'c', reason: 'not checked (robots.txt)' } } as const;

  it.each([
    ['found', [found, missing], { found: true, url: 'a', kind: 'statuspage-json', endpointsFound: 1 }],
    ['found beside a URL not checked', [skipped, found], { found: true, url: 'a', endpointsFound: 1 }],
    ['all checked, none there', [missing], { found: false, url: null, kind: null, endpointsFound: 0 }],
    ['none there, one not checked: cannot tell', [missing, skipped], { found: false, endpointsFound: null }],
    ['nothing could be checked', [skipped], { found: false, endpointsFound: null }],
  ] as const)('%s', (_name, judgements, expected) => {
    expect(summarizeStatusChecks('https://status.acme.test/', 'crawled', [...judgements])).toMatchObject({ ...expected, statusPage: 'https://status.acme.test/', statusPageRead: 'crawled' });
  });
});

describe('checkMachineReadableStatus (in-memory responses)', () => {
  const O = 'https://portal.acme.test';
  const statusResult = (url: string, over: Partial<KindResult> = {}): KindResult => ({
    found: true, status: 'found', url, confidence: 0.9, evidence: [], linkedOnly: false, gated: false, broken: false, external: false, otherUrls: [], ...over,
  });

  it('fetches nothing without a public status page', async () => {
    const { ctx, calls } = makeContext(makeSnapshot(O, []));
    for (const r of [statusResult('x', { status: 'missing', found: false, url: null }), statusResult(`${O}/status`, { status: 'gated', found: false })]) {
      expect(await checkMachineReadableStatus(ctx, r)).toMatchObject({ found: false, endpointsFound: null, statusPage: null });
    }
    expect(calls).toEqual([]);
  });

  it('fetches an external status page once, parses it, and finds the Statuspage JSON', async () => {
    const { ctx, calls } = makeContext(makeSnapshot(O, []), {
      'https://status.acme.test/': { headers: { 'content-type': 'text/html' }, body: `<html><head><link rel="alternate" type="application/atom+xml" href="/history.atom"></head><body>${SPA}</body></html>` },
      'https://status.acme.test/api/v2/status.json': { headers: { 'content-type': 'application/json' }, body: STATUSPAGE_JSON },
      [`https://status.acme.test/history.atom|${FEED_ACCEPT}`]: { headers: { 'content-type': 'application/atom+xml' }, body: ATOM },
    });
    const got = await checkMachineReadableStatus(ctx, statusResult('https://status.acme.test/', { linkedOnly: true, external: true }));
    expect(got).toMatchObject({ found: true, url: 'https://status.acme.test/api/v2/status.json', kind: 'statuspage-json', endpointsFound: 2, statusPageRead: 'fetched' });
    expect(got.checked.map((c) => [c.url.replace('https://status.acme.test', ''), c.result, c.kind])).toEqual([
      ['/api/v2/status.json', 'found', 'statuspage-json'], ['/history.atom', 'found', 'feed'], ['/history.rss', 'missing', null],
    ]);
    expect(calls.map((c) => c.url)).toEqual([
      'https://status.acme.test/', 'https://status.acme.test/api/v2/status.json', 'https://status.acme.test/history.atom', 'https://status.acme.test/history.rss',
    ]);
    expect(calls.length).toBeLessThanOrEqual(MAX_STATUS_CHECKS + 1);
  });

  it('reads a crawled status page from the snapshot (no refetch) and judges an SPA that answers 200 everywhere as missing', async () => {
    const page = makePage({ url: `${O}/status`, html: '<html><head><title>Status</title></head><body><h1>Status</h1></body></html>' });
    const { ctx, calls } = makeContext(makeSnapshot(O, [page]));
    ctx.fetch = async (url, request) => {
      calls.push({ url, request });
      return { url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(SPA), truncated: false, redirects: [], bytes: SPA.length, durationMs: 1, ttfbMs: 1 };
    };
    const got = await checkMachineReadableStatus(ctx, statusResult(`${O}/status`));
    expect(got).toMatchObject({ found: false, endpointsFound: 0, statusPageRead: 'crawled', statusPage: `${O}/status` });
    expect(got.checked.every((c) => c.result === 'missing' && c.note.includes('soft 404'))).toBe(true);
    expect(calls.map((c) => c.url)).not.toContain(`${O}/status`);
  });
});
