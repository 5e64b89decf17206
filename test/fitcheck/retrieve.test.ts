import { describe, expect, it } from 'vitest';
import { chunkPages } from '../../src/fitcheck/chunk.js';
import { buildIndex, processTerm, queryFor } from '../../src/fitcheck/retrieve.js';
import { makePage } from '../helpers/probe-context.js';

const ORIGIN = 'https://portal.example';
const page = (path: string, title: string, body: string) =>
  makePage({ url: `${ORIGIN}${path}`, html: `<!doctype html><html><head><title>${title}</title></head><body><main><article>${body}</article></main></body></html>` });

const filler = (topic: string, n = 12) => Array.from({ length: n }, (_, i) => `Paragraph ${i} describes ${topic} in some detail for readers.`).join(' ');

const pages = [
  page('/docs/rate-limits', 'Rate limits', `<h1>Rate limits</h1><p>Read endpoints allow 50 requests per second. Over the limit you get 429 Too Many Requests.</p><h2>Headers</h2><p>${filler('response headers')}</p>`),
  page('/docs/errors', 'Errors', `<h1>Errors</h1><p>${filler('error codes')} A 429 status is one of many errors.</p>`),
  page('/blog/scaling', 'Scaling our platform', `<h1>Scaling our platform</h1><p>${filler('infrastructure')} We raised internal limits last year.</p>`),
  page('/pricing-info', 'Plans', `<h1>Plans and pricing</h1><p>The Growth plan costs $250 per month.</p>`),
  page('/security', 'Security', `<h1>Security</h1><p>${filler('encryption')}</p>`),
];
const { chunks } = chunkPages(pages, { maxTokens: 200 });
const index = buildIndex(chunks);
const q = (text: string, keywords: string[]) => ({ text, keywords });

describe('buildIndex / retrieve', () => {
  it('ranks the page whose title and heading name the topic first', () => {
    const top = index.retrieve(q('What are the API rate limits?', ['rate limit', 'throttling', '429']));
    expect(top[0].url).toBe(`${ORIGIN}/docs/rate-limits`);
    expect(top[0].relative).toBe(1);
    // Pages that only mention the words in passing come later, or fall under the relative cut-off.
    const everything = index.retrieve(q('What are the API rate limits?', ['rate limit', 'throttling', '429']), { minRelativeScore: 0 });
    const urls = everything.map((c) => c.url);
    expect(urls).toContain(`${ORIGIN}/docs/errors`);
    expect(urls.indexOf(`${ORIGIN}/docs/errors`)).toBeGreaterThan(urls.indexOf(`${ORIGIN}/docs/rate-limits`));
    expect(everything.length).toBeGreaterThan(top.length);
    // Best first, scores falling.
    for (let i = 1; i < top.length; i++) expect(top[i].score).toBeLessThanOrEqual(top[i - 1].score);
  });

  it('matches word forms ("pricing" finds "price", "plans" finds "plan")', () => {
    const top = index.retrieve(q('How much does it cost?', ['pricing', 'plans']));
    expect(top[0].url).toBe(`${ORIGIN}/pricing-info`);
  });

  it('stays within the token budget and the chunk cap', () => {
    const all = index.retrieve(q('limits errors encryption infrastructure headers', ['paragraph', 'describes']), { budgetTokens: 100_000, minRelativeScore: 0 });
    const budget = 150;
    const some = index.retrieve(q('limits errors encryption infrastructure headers', ['paragraph', 'describes']), { budgetTokens: budget, minRelativeScore: 0 });
    expect(all.length).toBeGreaterThan(some.length);
    expect(some.reduce((n, c) => n + c.tokens, 0)).toBeLessThanOrEqual(budget);
    expect(index.retrieve(q('limits', ['paragraph']), { maxChunks: 2, minRelativeScore: 0 }).length).toBeLessThanOrEqual(2);
  });

  it('returns nothing for a question with no matching words', () => {
    expect(index.retrieve(q('Zyxwv?', ['qqqq']))).toEqual([]);
  });

  it('drops stop words and single letters, stems the rest', () => {
    expect(processTerm('The')).toBeNull();
    expect(processTerm('a')).toBeNull();
    expect(processTerm('7')).toBe('7');
    expect(processTerm('Limits')).toBe('limit');
    expect(queryFor({ text: 'SLA?', keywords: ['uptime', 'service level'] })).toBe('SLA? uptime service level');
  });
});
