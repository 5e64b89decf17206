import { describe, expect, it } from 'vitest';
import { createRetrievalAnswerer, loadQuestions, runFitCheck, type FitCheckProgress } from '../../src/fitcheck/index.js';
import type { Answerer, AnswerInput } from '../../src/fitcheck/types.js';
import { makePage, makeSnapshot } from '../helpers/probe-context.js';

const O = 'https://portal.example';
const page = (path: string, title: string, body: string, extra: { finalUrl?: string; redirects?: string[]; depth?: number } = {}) =>
  makePage({ url: `${O}${path}`, ...extra, html: `<!doctype html><html><head><title>${title}</title></head><body><main><article><h1>${title}</h1>${body}</article></main></body></html>` });

const snapshot = makeSnapshot(O, [
  page('/', 'Home', '<p>The Example API lets retailers send invoices.</p><a href="/pricing">Pricing</a>', { depth: 0 }),
  page('/docs/limits', 'Rate limits', '<p>Read endpoints allow 50 requests per second.</p>', { depth: 1 }),
  // A login wall whose text mentions pricing: it must never be an answer.
  page('/pricing', 'Sign in', '<p>Sign in to see pricing: plans cost $99 per month.</p><form><input type="password"></form>', { finalUrl: `${O}/login?next=/pricing`, redirects: [`${O}/pricing`], depth: 1 }),
]);
const questions = loadQuestions().questions.filter((q) => ['rate-limits', 'pricing-model', 'data-residency', 'api-capabilities'].includes(q.id));

/** Wraps the retrieval answerer to record what it was given. */
function spy(): Answerer & { inputs: AnswerInput[] } {
  const inner = createRetrievalAnswerer();
  const inputs: AnswerInput[] = [];
  return { ...inner, id: inner.id, concurrency: 3, inputs, answer: (input) => { inputs.push(input); return inner.answer(input); }, stats: inner.stats };
}

describe('runFitCheck', () => {
  it('answers in question order, reports progress and the question sets', async () => {
    const progress: FitCheckProgress[] = [];
    const run = await runFitCheck({ snapshot, probes: [], questions, answerer: createRetrievalAnswerer(), onProgress: (e) => progress.push(e) });
    expect(run.entries.map((e) => e.id)).toEqual(questions.map((q) => q.id));
    expect(progress).toHaveLength(questions.length);
    expect(progress.at(-1)).toMatchObject({ type: 'question', done: questions.length, total: questions.length });
    expect(run.questionSets).toEqual(['portal-fit-check@1']);
    expect(run.entries.find((e) => e.id === 'rate-limits')).toMatchObject({
      answerable: true, persona: 'developer', informs: expect.arrayContaining(['rate-limit-retry-guidance']),
      human: { clickDepth: 1, gated: false }, agent: { reachable: true },
    });
  });

  it('never answers from a login wall, and points at it instead', async () => {
    const run = await runFitCheck({ snapshot, probes: [], questions, answerer: createRetrievalAnswerer() });
    const pricing = run.entries.find((e) => e.id === 'pricing-model')!;
    expect(pricing.answerable).toBe(false);
    expect(pricing.likelyUrl).toBe(`${O}/pricing`);
    expect(pricing.human.gated).toBe(true);
    expect(run.pagesIndexed).toBe(2);
  });

  it('does not call the answerer when no page text matches, and hands it a quotability check', async () => {
    const answerer = spy();
    const odd = [{ ...questions[0], id: 'odd', text: 'Zyxwvut?', keywords: ['qqqqq'] }];
    const run = await runFitCheck({ snapshot, probes: [], questions: [...odd, questions[0]], answerer });
    expect(run.entries[0]).toMatchObject({ id: 'odd', answerable: false, flags: ['no-matching-page-text'] });
    expect(answerer.inputs.map((i) => i.question.id)).toEqual([questions[0].id]);
    expect(answerer.inputs[0].isQuotable!(`${O}/docs/limits`, 'Read endpoints allow 50 requests per second.')).toBe(true);
    expect(answerer.inputs[0].isQuotable!(`${O}/docs/limits`, 'Read endpoints allow 5000 requests per second.')).toBe(false);
  });

  it('keeps each question within the token budget', async () => {
    const answerer = spy();
    await runFitCheck({ snapshot, probes: [], questions, answerer, budgetTokens: 20 });
    for (const input of answerer.inputs) expect(input.chunks.reduce((n, c) => n + c.tokens, 0)).toBeLessThanOrEqual(20);
  });

  it('stops before asking when the audit is already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runFitCheck({ snapshot, probes: [], questions, answerer: createRetrievalAnswerer(), signal: controller.signal })).rejects.toMatchObject({ code: 'PP_ERR_ABORTED' });
  });
});
