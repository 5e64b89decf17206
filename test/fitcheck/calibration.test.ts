// Accuracy of the retrieval-only answerer against hand-labelled expectations: five fixture portals
// (the demo portal and four in test/fixtures/fitcheck/portals) × the 30 bundled questions, labels in
// test/fixtures/fitcheck/labels.json. Positive class = "answerable". A yes-answer whose first
// citation is not on one of the labelled pages counts as a false positive AND a false negative.
// Four portals are development data (the patterns were written and tuned on them); the portal
// marked heldOut was written and labelled afterwards and is measured, not tuned against.
// Set FITCHECK_CALIBRATION=1 to print the threshold sweep (the README's calibration table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadQuestions, runFitCheck } from '../../src/fitcheck/index.js';
import { decide, DEFAULT_THRESHOLD, scoreSentences, type ScoredSentence } from '../../src/fitcheck/answerers/retrieval.js';
import type { Answerer, AnswerInput } from '../../src/fitcheck/types.js';
import { crawlPortal, type CrawledPortal } from './portal.js';

interface Label {
  answerable: boolean;
  pages?: string[];
}
interface Labels {
  portals: Record<string, { root: string; heldOut?: boolean; answers: Record<string, Label> }>;
}

const REPO = new URL('../../', import.meta.url);
const labels = JSON.parse(readFileSync(new URL('test/fixtures/fitcheck/labels.json', REPO), 'utf8')) as Labels;
const questions = loadQuestions().questions;

/** Per portal and question: the scored sentences and the quotability check, to decide at any threshold. */
const recorded = new Map<string, Map<string, { scored: ScoredSentence[]; isQuotable?: AnswerInput['isQuotable'] }>>();

function recordingAnswerer(portal: string): Answerer {
  const byQuestion = new Map<string, { scored: ScoredSentence[]; isQuotable?: AnswerInput['isQuotable'] }>();
  recorded.set(portal, byQuestion);
  return {
    id: 'retrieval-only',
    concurrency: 1,
    async answer(input) {
      const scored = scoreSentences(input.question, input.chunks);
      byQuestion.set(input.question.id, { scored, isQuotable: input.isQuotable });
      return decide(scored, DEFAULT_THRESHOLD, input.isQuotable);
    },
    stats: () => ({ tokens: { prompt: 0, completion: 0 }, cache: { hits: 0, misses: 0 }, requests: 0 }),
  };
}

interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  errors: string[];
}

function evaluate(threshold: number, heldOut = false): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0, errors: [] };
  for (const [portal, { answers, heldOut: held }] of Object.entries(labels.portals)) {
    if ((held ?? false) !== heldOut) continue;
    const got = recorded.get(portal)!;
    for (const [id, label] of Object.entries(answers)) {
      const r = got.get(id);
      const draft = r ? decide(r.scored, threshold, r.isQuotable) : { answerable: false, citations: [] as { url: string }[] };
      const page = draft.citations[0] ? new URL(draft.citations[0].url).pathname : null;
      const rightPage = !label.pages || (page !== null && label.pages.includes(page));
      if (draft.answerable && label.answerable && rightPage) c.tp++;
      else if (draft.answerable && label.answerable) {
        c.fp++;
        c.fn++;
        c.errors.push(`${portal}/${id}: answered from ${page}, expected ${label.pages?.join(' or ')}`);
      } else if (draft.answerable) {
        c.fp++;
        c.errors.push(`${portal}/${id}: answered from ${page} but labelled not answerable`);
      } else if (label.answerable) {
        c.fn++;
        c.errors.push(`${portal}/${id}: not answered but labelled answerable`);
      } else c.tn++;
    }
  }
  return c;
}

const precision = (c: Confusion) => c.tp / Math.max(1, c.tp + c.fp);
const recall = (c: Confusion) => c.tp / Math.max(1, c.tp + c.fn);

const portals: CrawledPortal[] = [];

beforeAll(async () => {
  for (const [name, { root }] of Object.entries(labels.portals)) {
    const portal = await crawlPortal(fileURLToPath(new URL(`${root}/`, REPO)));
    portals.push(portal);
    await runFitCheck({
      snapshot: portal.snapshot, probes: portal.probes, robotsTxt: portal.robotsTxt, questions, answerer: recordingAnswerer(name),
    });
  }
}, 120_000);
afterAll(async () => {
  await Promise.all(portals.map((p) => p.close()));
});

describe('retrieval-only answerer calibration', () => {
  it('labels cover every bundled question on every portal', () => {
    for (const { answers } of Object.values(labels.portals)) expect(Object.keys(answers).sort()).toEqual(questions.map((q) => q.id).sort());
  });

  it(`reaches precision and recall >= 0.85 at the default threshold (${DEFAULT_THRESHOLD})`, () => {
    const c = evaluate(DEFAULT_THRESHOLD);
    if (process.env.FITCHECK_CALIBRATION) {
      for (const held of [false, true]) {
        const rows = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9].map((t) => {
          const x = evaluate(t, held);
          return `| ${t.toFixed(2)} | ${x.tp} | ${x.fp} | ${x.fn} | ${x.tn} | ${precision(x).toFixed(3)} | ${recall(x).toFixed(3)} |`;
        });
        console.log([held ? 'held-out' : 'development', '| threshold | TP | FP | FN | TN | precision | recall |', '|---|---|---|---|---|---|---|', ...rows].join('\n'));
        console.log(evaluate(DEFAULT_THRESHOLD, held).errors.join('\n'));
      }
    }
    expect(c.tp + c.fp + c.fn + c.tn).toBeGreaterThanOrEqual(120);
    expect(precision(c), c.errors.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(recall(c), c.errors.join('\n')).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps its measured precision on the held-out portal (recall is the known weak side)', () => {
    const c = evaluate(DEFAULT_THRESHOLD, true);
    expect(c.tp + c.fp + c.fn + c.tn).toBe(30);
    // Measured: precision 1.00, recall 0.67 (README, "Calibration"). Guard against regressions.
    expect(precision(c), c.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(recall(c), c.errors.join('\n')).toBeGreaterThanOrEqual(0.6);
  });
});
