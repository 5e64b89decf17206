// PROVISIONAL — a stand-in for `buildComparison(reports)` from src/compare/index.ts, which the
// lead is writing. POST /v1/comparisons imports from here until that module exists; then the
// import in routes/comparisons.ts switches to '../compare/index.js' and this file is deleted.
// It only lines up the headline scores and the practices whose status differs between portals.
import type { FocusAreaId, LensId, PracticeStatus, Report } from '../report/types.js';

export interface Comparison {
  provisional: true;
  portals: {
    url: string;
    finalUrl: string;
    finishedAt: string;
    overall: number;
    lenses: Record<LensId, number>;
    focusAreas: Record<FocusAreaId, number>;
  }[];
  /** Practices whose status is not the same for every portal; statuses in portal order. */
  differences: { id: string; name: string; focusArea: string; statuses: (PracticeStatus | null)[] }[];
}

export function buildComparison(reports: Report[]): Comparison {
  const portals = reports.map((r) => ({
    url: r.target.url,
    finalUrl: r.target.finalUrl,
    finishedAt: r.target.finishedAt,
    overall: r.scores.overall,
    lenses: { ...r.scores.lenses },
    focusAreas: Object.fromEntries(Object.entries(r.scores.focusAreas).map(([k, v]) => [k, v.score])) as Record<FocusAreaId, number>,
  }));
  const byReport = reports.map((r) => new Map(r.practices.map((p) => [p.id, p])));
  const ids = [...new Set(reports.flatMap((r) => r.practices.map((p) => p.id)))].sort();
  const differences: Comparison['differences'] = [];
  for (const id of ids) {
    const statuses = byReport.map((m) => m.get(id)?.status ?? null);
    if (new Set(statuses).size <= 1) continue;
    const p = byReport.map((m) => m.get(id)).find(Boolean)!;
    differences.push({ id, name: p.name, focusArea: p.focusArea, statuses });
  }
  return { provisional: true, portals, differences };
}
