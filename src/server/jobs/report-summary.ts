// The few numbers of a report kept beside it for history and metrics (so neither parses the
// whole report). Pure.
import type { Report } from '../../contract/index.js';
import type { ReportSummary } from '../types.js';

export function summarizeReport(report: Report): ReportSummary {
  return {
    overall: report.scores.overall,
    lenses: { ...report.scores.lenses },
    focusAreas: Object.fromEntries(Object.entries(report.scores.focusAreas).map(([id, fa]) => [id, { score: fa.score, stage: fa.stage }])),
    pagesFetched: report.run.pagesFetched,
    tokens: { prompt: report.run.tokens.prompt, completion: report.run.tokens.completion },
    finalUrl: report.target.finalUrl,
  };
}
