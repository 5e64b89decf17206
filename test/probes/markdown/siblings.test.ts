// .md sibling URLs (llmstxt.org convention and common docs-generator layouts), declared
// rel="alternate" Markdown links, and judging the answer at a twin URL.
import { describe, expect, it } from 'vitest';
import { classifyTwin, markdownAlternates, MAX_SIBLING_CANDIDATES, siblingCandidates } from '../../../probes/markdown/siblings.js';
import { makePage } from '../../helpers/probe-context.js';
import type { Resource } from '../../../src/contract/index.js';

describe('siblingCandidates', () => {
  it.each([
    ['https://x.test/docs/quickstart', ['https://x.test/docs/quickstart.md']],
    ['https://x.test/docs/', ['https://x.test/docs/index.md', 'https://x.test/docs.md', 'https://x.test/docs/index.html.md']],
    ['https://x.test/', ['https://x.test/index.md', 'https://x.test/index.html.md']],
    ['https://x.test/a/b.html', ['https://x.test/a/b.html.md', 'https://x.test/a/b.md']],
    ['https://x.test/a/B.HTM', ['https://x.test/a/B.HTM.md', 'https://x.test/a/B.md']],
    ['https://x.test/docs/q?tab=js#install', ['https://x.test/docs/q.md']],
    ['https://x.test/docs/readme.md', []],
    ['mailto:a@x.test', []],
    ['not a url', []],
  ])('%s', (url, expected) => {
    const got = siblingCandidates(url);
    expect(got).toEqual(expected);
    expect(got.length).toBeLessThanOrEqual(MAX_SIBLING_CANDIDATES);
  });
});

describe('markdownAlternates', () => {
  it('keeps only rel=alternate links typed as Markdown, resolved and deduplicated', () => {
    const page = makePage({
      url: 'https://x.test/docs/a',
      html: `<html><head>
        <link rel="alternate" type="text/markdown" href="a.md">
        <link rel="ALTERNATE" type="text/markdown; charset=utf-8" href="/docs/a.md">
        <link rel="alternate" type="text/x-markdown" href="https://cdn.x.test/a.md">
        <link rel="alternate" type="application/rss+xml" href="/feed.xml">
        <link rel="alternate" hreflang="de" href="/de/docs/a">
        <link rel="canonical" type="text/markdown" href="/nope.md">
      </head><body></body></html>`,
    });
    expect(markdownAlternates(page)).toEqual([
      { page: 'https://x.test/docs/a', href: 'https://x.test/docs/a.md', type: 'text/markdown' },
      { page: 'https://x.test/docs/a', href: 'https://cdn.x.test/a.md', type: 'text/x-markdown' },
    ]);
  });
});

describe('classifyTwin', () => {
  const res = (over: Partial<Resource>): Resource => ({
    url: 'https://x.test/a.md', finalUrl: 'https://x.test/a.md', status: 200, headers: {}, type: 'text/markdown', text: '# A', bytes: 0, truncated: false, redirects: [], fromSnapshot: false, ...over,
  });
  it.each<[string, Partial<Resource>, string]>([
    ['text/markdown', {}, 'twin'],
    ['text/plain', { type: 'text/plain' }, 'twin'],
    ['unlabelled', { type: '' }, 'twin'],
    ['octet-stream', { type: 'application/octet-stream' }, 'twin'],
    ['soft 404 (HTML 200)', { type: 'text/html', text: '<!doctype html><title>Not found</title>' }, 'html'],
    ['HTML body labelled text/plain', { type: 'text/plain', text: '<html><body>x</body></html>' }, 'html'],
    ['JSON', { type: 'application/json', text: '{}' }, 'wrong-type'],
    ['empty', { text: '\n' }, 'empty'],
    ['404', { status: 404 }, 'failed'],
    ['robots', { status: 0, error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'x' } }, 'robots'],
  ])('%s → %s', (_name, over, expected) => {
    expect(classifyTwin(res(over))).toBe(expected);
  });
});
