import { it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadModel } from '../../src/model/load.js';
import { scorePractices } from '../../src/model/score.js';
import { factsFromProbes } from '../../src/model/facts.js';
it('score', () => {
  const d = JSON.parse(readFileSync('/tmp/ppm/demo.json', 'utf8'));
  const model = loadModel();
  const r = scorePractices(model, factsFromProbes(d.probes), []);
  writeFileSync('/tmp/ppm/scored.txt', r.map((p) => `${p.status.padEnd(13)} ${p.score.toFixed(2)} ${p.id.padEnd(36)} ${p.evidence.map((e) => e.note).join(' | ').slice(0, 220)}`).join('\n'));
});
