import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runFitCheck, loadQuestions, createRetrievalAnswerer } from '../../src/fitcheck/index.js';
import { scoreSentences } from '../../src/fitcheck/answerers/retrieval.js';
it('scratch', async () => {
  const d = JSON.parse(readFileSync(process.env.SNAP ?? '/tmp/demo-snapshot.json', 'utf8'));
  const q = loadQuestions();
  const run = await runFitCheck({ snapshot: d.snapshot, probes: d.probes, robotsTxt: d.robotsTxt, questions: q, answerer: createRetrievalAnswerer({ threshold: 0 }) });
  for (const e of run.entries) {
    console.log(`${e.answerable ? 'YES' : 'no '} ${e.confidence.toFixed(2)} ${e.id.padEnd(22)} ${e.citations.map(c => new URL(c.url).pathname + ' :: ' + c.quote.slice(0, 140) + (c.verified ? '' : ' [UNVERIFIED ' + (c as any).reason + ']')).join(' || ')}  | depth=${e.human.clickDepth} gated=${e.human.gated} reach=${e.agent.reachable} blocked=${e.agent.blockedBy.join(',')} flags=${e.flags.join(',')} likely=${e.likelyUrl ?? ''}`);
  }
  console.log(JSON.stringify(run.suspectedInjections), run.pagesIndexed, run.chunksIndexed);
}, 60000);
