// The turndown estimate of a page's Markdown: main content only (navigation and footer dropped),
// headings/code/links kept, and null instead of work on oversized or pathological markup.
import { describe, expect, it } from 'vitest';
import { estimateMarkdown, MAX_ESTIMATE_HTML_CHARS, stripHeavyElements } from '../../../probes/markdown/estimate.js';

const ARTICLE = `<!doctype html><html><head><title>Quickstart</title></head><body>
<nav><a href="/">Home</a> <a href="/pricing">Pricing</a> <a href="/login">Sign in to the console</a></nav>
<main><article><h1>Quickstart</h1>
<p>${'Send your first payment with the Acme API in five minutes using a sandbox key. '.repeat(6)}</p>
<h2>Install</h2><pre><code>npm install acme</code></pre>
<p>Then read <a href="/docs/reference">the reference</a>.</p></article></main>
<footer>Copyright Acme Payments Incorporated, all rights reserved worldwide</footer></body></html>`;

describe('estimateMarkdown', () => {
  it('converts the main content to Markdown and drops the page chrome', () => {
    const md = estimateMarkdown(ARTICLE, 'https://x.test/docs/quickstart');
    expect(md).not.toBeNull();
    expect(md).toMatch(/^# Quickstart\n/);
    expect(md).toContain('## Install');
    expect(md).toContain('```\nnpm install acme\n```');
    expect(md).toContain('[the reference](https://x.test/docs/reference)');
    expect(md).not.toContain('Sign in to the console');
    expect(md).not.toContain('Copyright Acme');
  });

  it.each([
    ['empty', ''],
    ['too large', `<html><body><p>${'a '.repeat(MAX_ESTIMATE_HTML_CHARS / 2 + 10)}</p></body></html>`],
    ['nested 5,000 deep', `<html><body>${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}</body></html>`],
  ])('%s → null, quickly', (_name, html) => {
    const started = performance.now();
    expect(estimateMarkdown(html, 'https://x.test/')).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('stripHeavyElements', () => {
  it.each([
    ['<p>a</p><script>var x = "<p>";</script><p>b</p>', '<p>a</p><p>b</p>'],
    ['<p>a</p><SCRIPT type="x">1</SCRIPT ><STYLE>p{}</style><p>b</p>', '<p>a</p><p>b</p>'],
    ['<svg viewBox="0 0 1 1"><path d="M0"/></svg><noscript>x</noscript><template><p>t</p></template>ok', 'ok'],
    ['<scripts>kept</scripts><p>a</p>', '<scripts>kept</scripts><p>a</p>'],
    ['<p>İstanbul</p><script>x</script><p>b</p>', '<p>İstanbul</p><p>b</p>'],
    ['<p>a</p><script>never closed <p>b</p>', '<p>a</p><script>never closed <p>b</p>'],
  ])('%j', (html, expected) => {
    expect(stripHeavyElements(html)).toBe(expected);
  });

  it('stays linear on thousands of unclosed and closed tags', () => {
    const hostile = '<style>a</style>'.repeat(50_000) + '<script>'.repeat(50_000) + '<p>x</p>';
    const started = performance.now();
    const out = stripHeavyElements(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.startsWith('<script>')).toBe(true);
  });
});
