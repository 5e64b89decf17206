// Unit tests of probes/business-surface/code-text.ts: code-sample text from raw HTML, and whether a
// match in the page text sits inside it. Includes hostile HTML that must not make it crawl.
import { describe, expect, it } from 'vitest';
import { codeTextOf, inCode } from '../../../probes/business-surface/code-text.js';

describe('codeTextOf', () => {
  it.each([
    ['<p>x</p>', ''],
    ['<pre><code class="json">{"price": "&euro;49 per month"}</code></pre>', '{"price": "€49 per month"}'],
    ['<p>Use <code>Authorization: Bearer &lt;token&gt;</code>.</p>', 'Authorization: Bearer <token>'],
    ['<PRE>a\n  b</PRE><code>c</code>', 'a b \u0000 c'],
    ['<pre>never closed', ''],
    ['<pre>&#x20AC;1 &#8364;2 &bogus;</pre>', '€1 €2 &bogus;'],
  ])('%j → %j', (html, text) => expect(codeTextOf(html)).toBe(text));

  it('stays fast on hostile HTML (unclosed tags, stray brackets)', () => {
    const hostile = `${'<pre>'.repeat(50_000)}${'<code a="'.repeat(20_000)}${'<pre>a < b '.repeat(20_000)}</pre>`;
    const started = performance.now();
    codeTextOf(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('inCode', () => {
  const code = codeTextOf('<pre>{"plan": "growth", "price": "€49 per month"}</pre>');
  it('finds a match inside the code sample', () => {
    const text = 'Create an order. {"plan": "growth", "price": "€49 per month"} More prose.';
    expect(inCode(text, text.indexOf('€49 per month'), 13, code)).toBe(true);
  });
  it('does not take the same words in prose for code', () => {
    const text = 'The growth plan costs €49 per month, billed annually.';
    expect(inCode(text, text.indexOf('€49 per month'), 13, code)).toBe(false);
  });
  it('is false without code', () => {
    expect(inCode('€49 per month', 0, 13, '')).toBe(false);
  });
});
