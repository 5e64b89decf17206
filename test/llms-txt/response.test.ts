// Lighthouse's llms-txt audit unit cases (mechanically recorded) run through our response handling
// and parser: same verdict and the same number of errors wherever the meaning is the same.
//
// Deliberate difference: for a 3xx with no body Lighthouse's audit throws ("Status 3xx was valid,
// but content was null", documented there as known behaviour). We never throw for a site's
// answer: it is "no llms.txt" (reason unexpected-status). Our fetch follows redirects, so a final
// 3xx only happens past the redirect limit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLlmsTxt } from '../../src/llms-txt/parse.js';
import { llmsTxtFromResponse, looksLikeHtml } from '../../src/llms-txt/response.js';

const FIXTURES = new URL('../fixtures/llms-txt/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

interface Assertion { assert: string; actual: string; expected: unknown }
interface LhCase { it: string; artifacts: { LlmsTxt: { status: number | null; content: string | null } }; assertions: Assertion[] }
const lighthouse = JSON.parse(read('lighthouse/llms-txt-audit-unit-cases.json')) as { cases: LhCase[] };

/** Our verdict in Lighthouse's terms. */
function verdict(status: number | null, content: string | null) {
  const outcome = llmsTxtFromResponse({ status, body: content });
  if (!outcome.present) {
    return { score: outcome.reason === 'not-found' ? 1 : 0, notApplicable: outcome.reason === 'not-found', items: 0, reason: outcome.reason };
  }
  const doc = parseLlmsTxt(outcome.text, 'https://example.com/llms.txt');
  return { score: doc.errors.length === 0 ? 1 : 0, notApplicable: false, items: doc.errors.length, reason: null };
}

describe('Lighthouse llms-txt audit unit cases', () => {
  it('has all 19 cases', () => {
    expect(lighthouse.cases).toHaveLength(19);
  });

  it.each(lighthouse.cases.map((c, i) => [i, c.it, c] as const))('#%d %s', (_i, _name, c) => {
    const { status, content } = c.artifacts.LlmsTxt;
    const ours = verdict(status, content);
    for (const a of c.assertions) {
      if (a.assert === 'assert.throws') {
        expect(status).toBeGreaterThanOrEqual(300);
        expect(status).toBeLessThan(400);
        expect(ours).toMatchObject({ score: 0, reason: 'unexpected-status' }); // the documented difference
      } else if (a.actual === 'score') expect(ours.score).toBe(a.expected);
      else if (a.actual === 'notApplicable') expect(ours.notApplicable).toBe(a.expected);
      else if (a.actual === 'details.items.length') expect(ours.items).toBe(a.expected);
      else if (a.actual === 'explanation') expect(ours.reason).toBe('fetch-failed');
      else throw new Error(`untranscribed assertion ${a.actual}`);
    }
  });

  it('smoke fixture: the three errors in Lighthouse order', () => {
    const doc = parseLlmsTxt(read('lighthouse/llms.txt'));
    expect(doc.errors.map((e) => e.code)).toEqual(['missing-h1', 'no-links', 'too-short']);
  });
});

describe('soft 404 and content types', () => {
  const md = '# Title\n\n> Summary\n\n## Docs\n\n- [A](https://a.example/a)\n';
  it.each([
    ['HTML with a doctype as text/plain', 200, 'text/plain', '<!DOCTYPE html><html><body>Not found</body></html>', 'html'],
    ['HTML without a doctype', 200, undefined, '\n<html lang="en"><head></head></html>', 'html'],
    ['an app shell as text/html', 200, 'text/html; charset=utf-8', '<div id="root"></div>', 'html'],
    ['a 404 page', 404, 'text/html', '<html>404</html>', 'not-found'],
    ['a 503', 503, 'text/plain', md, 'server-error'],
  ])('%s → absent (%s)', (_name, status, contentType, body, reason) => {
    expect(llmsTxtFromResponse({ status, contentType, body: Buffer.from(body as string) })).toEqual({ present: false, reason, status });
  });

  it('accepts markdown served as text/html but notes the type', () => {
    expect(llmsTxtFromResponse({ status: 200, contentType: 'text/html', body: Buffer.from(md) })).toEqual({ present: true, text: md, htmlContentType: true });
  });

  it('decodes bytes by charset and drops a BOM', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Café\n')]);
    expect(llmsTxtFromResponse({ status: 200, contentType: 'text/plain; charset=utf-8', body })).toEqual({ present: true, text: '# Café\n', htmlContentType: false });
  });

  it('looksLikeHtml ignores leading comments and whitespace', () => {
    expect(looksLikeHtml('  <!-- x -->\n<!doctype HTML>')).toBe(true);
    expect(looksLikeHtml('# <html> in a heading')).toBe(false);
    // Many short comments stay linear (a comment-skipping regex would backtrack exponentially).
    const started = performance.now();
    expect(looksLikeHtml(`${'<!---->'.repeat(100_000)}x`)).toBe(false);
    expect(looksLikeHtml(`${'<!---->'.repeat(100_000)}<html>`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
