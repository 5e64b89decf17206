import { describe, expect, it } from 'vitest';
import { decide, looksLikeCode, MAX_QUOTE_CHARS, quoteWindow, scoreSentences } from '../../../src/fitcheck/answerers/retrieval.js';
import { parseQuestionSet } from '../../../src/fitcheck/questions.js';
import type { RetrievedChunk } from '../../../src/fitcheck/types.js';

const set = parseQuestionSet(`
id: t
version: 1
personas: [{ id: dev, name: Developer }]
questions:
  - id: limits
    persona: dev
    text: What are the rate limits?
    keywords: [rate limit, requests per second]
    informs: []
    answer:
      criteria: A number per time unit.
      patterns: ['\\b\\d+ requests per second\\b']
      exclude: ['\\bexample only\\b']
  - id: news
    persona: dev
    text: Is there a changelog?
    keywords: [changelog]
    informs: []
    answer:
      criteria: A dated entry.
      context: ['\\bchangelog\\b']
      patterns: ['\\b\\d{1,2} (?:may|june) \\d{4}\\b']
  - id: plain
    persona: dev
    text: Is there a status page?
    keywords: [status page]
    informs: []
    answer:
      criteria: Names a status page.
`);
const [limits, news, plain] = set.questions;
const chunk = (id: string, text: string, over: Partial<RetrievedChunk> = {}): RetrievedChunk => ({
  id, url: 'https://p.example/docs', title: 'Docs', heading: '', text, tokens: 10, score: 1, relative: 1, ...over,
});

describe('scoreSentences', () => {
  it('scores pattern matches, keyword coverage and rank; ignores excluded sentences', () => {
    const scored = scoreSentences(limits, [
      chunk('0:0:0', 'Intro text. The rate limit is 50 requests per second for reads. Use 10 requests per second, example only.', { heading: 'Rate limits' }),
      chunk('1:0:0', 'Batch jobs may use 5 requests per second.', { relative: 0.2 }),
    ]);
    expect(scored.map((s) => s.sentence)).toEqual(['The rate limit is 50 requests per second for reads.', 'Batch jobs may use 5 requests per second.']);
    expect(scored[0].score).toBe(1);
    expect(scored[1].score).toBeCloseTo(0.5 + 0.3 * 0.5 + 0.2 * 0.2, 3);
  });

  it('needs the context when the question names one, and tries heading + first sentence', () => {
    expect(scoreSentences(news, [chunk('0:0:0', 'Added refunds.', { heading: '14 May 2026', title: 'Blog' })])).toEqual([]);
    const scored = scoreSentences(news, [chunk('0:1:0', 'Added refunds.', { heading: '14 May 2026', title: 'Changelog' })]);
    expect(scored[0].quote).toBe('14 May 2026 Added refunds.');
  });

  it('falls back to keywords for a question without patterns, at half weight', () => {
    const scored = scoreSentences(plain, [chunk('0:0:0', 'See our status page for incidents. Nothing else here.')]);
    expect(scored).toHaveLength(1);
    expect(scored[0].score).toBeCloseTo(0.25 + 0.3 * 0.5 + 0.2, 3);
  });

  it('marks code down', () => {
    expect(looksLikeCode('npm install @x/y@2.5.0 import { X } from "@x/y"; const c = new X({ a: 1 });')).toBe(true);
    expect(looksLikeCode('Official SDKs exist for Java, Python and Node.js.')).toBe(false);
  });
});

describe('decide', () => {
  const scored = [
    { url: 'u1', chunkId: 'a', sentence: 's1', quote: 'q1', score: 0.9 },
    { url: 'u1', chunkId: 'a', sentence: 's2', quote: 'q2', score: 0.85 },
    { url: 'u2', chunkId: 'b', sentence: 's3', quote: 'q3', score: 0.8 },
    { url: 'u3', chunkId: 'c', sentence: 's4', quote: 'q4', score: 0.5 },
  ];
  it('answers with the best sentence and one from another chunk above the threshold', () => {
    expect(decide(scored, 0.7)).toEqual({ answerable: true, answer: 'q1 … q3', confidence: 0.9, citations: [{ url: 'u1', quote: 'q1' }, { url: 'u2', quote: 'q3' }] });
  });
  it('says not answerable below the threshold', () => {
    expect(decide(scored, 0.95)).toMatchObject({ answerable: false, citations: [] });
  });
  it('skips sentences that would not verify', () => {
    expect(decide(scored, 0.7, (url) => url !== 'u1').citations).toEqual([{ url: 'u2', quote: 'q3' }]);
  });
});

describe('quoteWindow', () => {
  it('keeps short sentences whole and cuts long ones around the match, at spaces', () => {
    expect(quoteWindow('Short one.', 0, 5)).toBe('Short one.');
    const long = `${'lead '.repeat(100)}MATCH here ${'tail '.repeat(100)}`;
    const start = long.indexOf('MATCH');
    const q = quoteWindow(long, start, start + 5);
    expect(q.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(q).toContain('MATCH');
    expect(long).toContain(q);
    expect(q).toMatch(/^lead/);
  });
});
