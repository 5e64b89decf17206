import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadQuestions } from '../../src/fitcheck/index.js';
import { chunkPages } from '../../src/fitcheck/chunk.js';
import { buildIndex } from '../../src/fitcheck/retrieve.js';
import { scoreSentences } from '../../src/fitcheck/answerers/retrieval.js';
it('debug', () => {
  const d = JSON.parse(readFileSync(process.env.SNAP!, 'utf8'));
  const { chunks } = chunkPages(d.snapshot.pages);
  const index = buildIndex(chunks);
  for (const q of loadQuestions().questions.filter((q) => (process.env.QS ?? '').split(',').includes(q.id))) {
    const r = index.retrieve(q);
    console.log('== ' + q.id + ' chunks: ' + r.map((c) => new URL(c.url).pathname + '#' + c.relative).join(' '));
    for (const s of scoreSentences(q, r).slice(0, 4)) console.log('   ' + s.score + ' ' + new URL(s.url).pathname + ' :: ' + s.quote.slice(0, 120));
  }
});
