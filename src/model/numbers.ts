// Number helpers shared by the scoring modules. Scores are kept in [0, 1] and rounded to three
// decimals so that results are stable across platforms and easy to compare in tests; reports show
// 0–100 with one decimal (docs/CONTRIBUTING.md, habit 4).
import type { PracticeStatus } from '../contract/index.js';

/** Clamps to [0, 1] (NaN becomes 0) and rounds to 3 decimals. */
export function unitScore(x: number): number {
  if (!Number.isFinite(x)) return x === Infinity ? 1 : 0;
  const clamped = Math.min(1, Math.max(0, x));
  return Math.round(clamped * 1000) / 1000;
}

/** A [0, 1] score shown on the report's 0–100 scale with one decimal. */
export function percent(x: number): number {
  return Math.round(unitScore(x) * 1000) / 10;
}

/** 1 is a pass, 0 a fail, anything between a partial. */
export function statusFromScore(score: number): Extract<PracticeStatus, 'pass' | 'partial' | 'fail'> {
  if (score >= 1) return 'pass';
  if (score <= 0) return 'fail';
  return 'partial';
}

/** Weighted mean of `[score, weight]` pairs; undefined when there is nothing to average. */
export function weightedMean(items: { score: number; weight: number }[]): number | undefined {
  let sum = 0;
  let weights = 0;
  for (const { score, weight } of items) {
    sum += score * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : undefined;
}
