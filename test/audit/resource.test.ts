// readResource: the crawl's copy when the Snapshot holds a URL, the cached fetch otherwise, and the
// crawl's Accept for a 2xx non-HTML page the Snapshot keeps no body for (an audit-cache hit).
import { describe, expect, it } from 'vitest';
import { CRAWL_ACCEPT, isHtmlAnswer, readResource, statusNote } from '../../src/audit/resource.js';
import { pageIndex } from '../../src/crawl/page-views.js';
import { makeContext, makePage, makeSnapshot } from '../helpers/probe-context.js';

const O = 'https://acme.test';

describe('readResource', () => {
  const html = makePage({ url: `${O}/a`, html: '<html><body>A</body></html>' });
  const gone = makePage({ url: `${O}/gone`, status: 404, html: '' });
  const json = makePage({ url: `${O}/x.json`, html: '', headers: { 'content-type': 'application/json' } });
  const snapshot = makeSnapshot(O, [html, gone, json]);

  it('uses the crawled HTML page and the crawled 404 without fetching', async () => {
    const { ctx, calls } = makeContext(snapshot);
    const pages = pageIndex(snapshot.pages);
    expect(await readResource(ctx, pages, `${O}/a`, { accept: 'application/json' })).toMatchObject({ status: 200, type: 'text/html', fromSnapshot: true, text: '<html><body>A</body></html>' });
    expect(await readResource(ctx, pages, `${O}/gone`)).toMatchObject({ status: 404, fromSnapshot: true });
    expect(calls).toEqual([]);
  });

  it('asks for a crawled non-HTML page the crawl\'s way, and for other URLs as told', async () => {
    const { ctx, calls } = makeContext(snapshot, {
      [`${O}/x.json|${CRAWL_ACCEPT}`]: { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"a":1}' },
      [`${O}/y.txt`]: { headers: { 'content-type': 'text/plain' }, body: Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]) },
    });
    const pages = pageIndex(snapshot.pages);
    expect(await readResource(ctx, pages, `${O}/x.json`, { accept: 'application/json' })).toMatchObject({ text: '{"a":1}', type: 'application/json', fromSnapshot: false });
    expect(await readResource(ctx, pages, `${O}/y.txt`, { accept: 'text/plain' })).toMatchObject({ text: 'hi', type: 'text/plain' });
    expect(await readResource(ctx, pages, `${O}/a`, { accept: 'text/markdown', useSnapshot: false })).toMatchObject({ status: 404, fromSnapshot: false });
    expect(calls.map((c) => [c.url, c.request?.headers?.accept])).toEqual([[`${O}/x.json`, CRAWL_ACCEPT], [`${O}/y.txt`, 'text/plain'], [`${O}/a`, 'text/markdown']]);
  });
});

describe('isHtmlAnswer / statusNote', () => {
  it.each([
    [{ type: 'text/html', text: 'x' }, true],
    [{ type: 'text/plain', text: '  <!-- c --><!DOCTYPE html><html>' }, true],
    [{ type: 'text/plain', text: 'Contact: mailto:a@b' }, false],
    [{ type: 'application/json', text: '<div>not a document</div>' }, false],
  ])('%j → %s', (r, expected) => {
    expect(isHtmlAnswer(r)).toBe(expected);
  });

  it('describes failures', () => {
    const base = { url: 'u', finalUrl: 'u', headers: {}, text: '', truncated: false, fromSnapshot: false };
    expect(statusNote({ ...base, status: 404, type: 'text/html' })).toBe('HTTP 404, text/html');
    expect(statusNote({ ...base, status: 0, type: '', error: { code: 'PP_ERR_TIMEOUT', message: 'timed out' } })).toBe('no response: timed out');
    expect(statusNote({ ...base, status: 0, type: '', error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'x' } })).toBe('not checked (robots.txt)');
  });
});
