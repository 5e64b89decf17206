// comparison.json: the Comparison object (src/compare/types.ts) as written by `portalprobe compare`.
import type { Comparison } from '../src/compare/types.js';

/** 2-space indent and a trailing newline, like report.json. */
export function renderComparisonJson(comparison: Comparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}
