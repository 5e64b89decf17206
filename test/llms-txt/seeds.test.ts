// llmsTxtLinks: the crawl's llms.txt seeds, from the same fetch the probe uses.
import { describe, expect, it } from 'vitest';
import type { FetchResult } from '../../src/fetch/types.js';
import { llmsTxtLinks } from '../../src/llms-txt/seeds.js';

function answer(url: string, status: number, body: string, type = 'text/plain'): FetchResult {
  const buf = Buffer.from(body);
  return { url, finalUrl: url, status, headers: { 'content-type': type }, body: buf, truncated: false, redirects: [], bytes: buf.length, durationMs: 1, ttfbMs: 1 };
}

describe('llmsTxtLinks', () => {
  it('returns the distinct absolute links of <origin>/llms.txt', async () => {
    const calls: string[] = [];
    const links = await llmsTxtLinks('https://a.example/docs/page', async (url) => {
      calls.push(url);
      return answer(url, 200, '# A\n\n## Docs\n\n- [One](/one.md)\n- [One again](https://a.example/one.md#top)\n- [Two](https://b.example/two)\n');
    });
    expect(calls).toEqual(['https://a.example/llms.txt']);
    expect(links).toEqual(['https://a.example/one.md', 'https://b.example/two']);
  });

  it.each([
    ['a 404', 404, '# Not found', 'text/plain'],
    ['a soft 404', 200, '<!doctype html><html></html>', 'text/html'],
    ['no response', 0, '', 'text/plain'],
  ])('returns [] for %s', async (_name, status, body, type) => {
    expect(await llmsTxtLinks('https://a.example', async (url) => answer(url, status, body, type))).toEqual([]);
  });
});
