// Content negotiation judged from one answer: Markdown vs HTML, mislabelled HTML, failures, robots,
// and Vary parsing (RFC 9110 §12.5.5).
import { describe, expect, it } from 'vitest';
import { classifyNegotiation, varyListsAccept } from '../../../probes/markdown/negotiation.js';
import type { Resource } from '../../../src/contract/index.js';

function res(over: Partial<Resource>): Resource {
  return { url: 'https://x.test/a', finalUrl: 'https://x.test/a', status: 200, headers: {}, type: 'text/markdown', text: '# A\n', bytes: 0, truncated: false, redirects: [], fromSnapshot: false, ...over };
}

describe('varyListsAccept', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['Accept', true],
    ['accept-encoding', false],
    ['Accept-Encoding, Accept', true],
    ['  ACCEPT ,Cookie', true],
    ['*', true],
    ['Accept-Language', false],
  ])('%j → %s', (vary, expected) => {
    expect(varyListsAccept(vary)).toBe(expected);
  });
});

describe('classifyNegotiation', () => {
  it.each<[string, Partial<Resource>, string, boolean]>([
    ['markdown with Vary', { headers: { vary: 'Accept' } }, 'markdown', true],
    ['text/x-markdown', { type: 'text/x-markdown' }, 'markdown', false],
    ['markdown that starts with inline HTML', { text: '<div align="center">logo</div>\n\n# A' }, 'markdown', false],
    ['HTML labelled markdown', { text: '<!DOCTYPE html><html><body>x</body></html>' }, 'mislabelled-html', false],
    ['empty markdown', { text: '  \n' }, 'empty', false],
    ['Accept ignored: HTML', { type: 'text/html', text: '<!doctype html><p>x' }, 'ignored', false],
    ['Accept ignored: text/plain', { type: 'text/plain', text: '# A' }, 'ignored', false],
    ['404', { status: 404, type: 'text/html' }, 'failed', false],
    ['no response', { status: 0, type: '', text: '', error: { code: 'PP_ERR_TIMEOUT', message: 'slow' } }, 'failed', false],
    ['robots', { status: 0, type: '', text: '', error: { code: 'PP_ERR_ROBOTS_DISALLOWED', message: 'no' } }, 'robots', false],
  ])('%s', (_name, over, outcome, vary) => {
    const result = classifyNegotiation(res(over));
    expect(result.outcome).toBe(outcome);
    expect(result.varyAccept).toBe(vary);
    expect(result.markdown !== null).toBe(outcome === 'markdown');
  });
});
