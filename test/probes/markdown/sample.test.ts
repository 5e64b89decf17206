// The markdown probe's sample: HTML pages only, start page first, docs pages next, bounded.
import { describe, expect, it } from 'vitest';
import { isDocsUrl, MAX_SAMPLE, samplePages } from '../../../probes/markdown/sample.js';
import { makePage, makeSnapshot } from '../../helpers/probe-context.js';

const O = 'https://x.test';
const html = '<html><body><p>x</p></body></html>';

describe('isDocsUrl', () => {
  it.each([
    ['https://x.test/docs/a', true],
    ['https://x.test/docs', true],
    ['https://x.test/api-reference/x', true],
    ['https://x.test/guides/', true],
    ['https://x.test/en/reference/payments', true],
    ['https://x.test/pricing', false],
    ['https://x.test/blog/docs-we-love', false],
    ['https://x.test/dockerfile', false],
    ['https://x.test/learn.html', true],
  ])('%s → %s', (url, expected) => {
    expect(isDocsUrl(url)).toBe(expected);
  });
});

describe('samplePages', () => {
  it('orders start page, docs pages (by depth), others; skips non-HTML, errors and duplicates', () => {
    const pages = [
      makePage({ url: `${O}/blog`, html, depth: 1 }),
      makePage({ url: `${O}/docs/deep`, html, depth: 3 }),
      makePage({ url: `${O}/openapi.json`, html: '', headers: { 'content-type': 'application/json' } }),
      makePage({ url: `${O}/gone`, html, status: 404, depth: 1 }),
      makePage({ url: `${O}/docs/`, html, depth: 1 }),
      makePage({ url: `${O}/`, html, depth: 0 }),
      makePage({ url: `${O}/docs`, finalUrl: `${O}/docs/`, html, depth: 1 }),
      makePage({ url: `${O}/pricing`, html, depth: null }),
      makePage({ url: `${O}/about`, html, depth: 2 }),
    ];
    const sample = samplePages(makeSnapshot(O, pages));
    expect(sample.map((p) => p.url)).toEqual([`${O}/`, `${O}/docs/`, `${O}/docs/deep`, `${O}/blog`, `${O}/about`, `${O}/pricing`]);
  });

  it(`never takes more than ${MAX_SAMPLE} pages`, () => {
    const pages = Array.from({ length: 20 }, (_, i) => makePage({ url: `${O}/docs/p${i}`, html, depth: 1 }));
    expect(samplePages(makeSnapshot(O, pages))).toHaveLength(MAX_SAMPLE);
    expect(samplePages(makeSnapshot(O, pages), 3).map((p) => p.url)).toEqual([`${O}/docs/p0`, `${O}/docs/p1`, `${O}/docs/p2`]);
  });
});
