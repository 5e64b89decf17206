// Which practices changed between two audits of the same portal. Pure: two reports in, the
// changed practices out (status or score), plus score movement at the top level.
import type { PracticeResult, PracticeStatus, Report, ReportChanges } from '../contract/index.js';

// The shapes are the report's own (ReportChanges), so a diff can be stored in a report as is.
export type PracticeChange = ReportChanges['changes'][number];
export type ReportDiff = Omit<ReportChanges, 'againstAuditId' | 'againstFinishedAt'>;

const RANKED: PracticeStatus[] = ['fail', 'partial', 'pass'];

function direction(from: PracticeResult | undefined, to: PracticeResult | undefined): PracticeChange['direction'] {
  if (!from || !to) return 'changed';
  const a = RANKED.indexOf(from.status);
  const b = RANKED.indexOf(to.status);
  if (a >= 0 && b >= 0 && a !== b) return b > a ? 'improved' : 'regressed';
  if (a >= 0 && b >= 0 && from.score !== to.score) return to.score > from.score ? 'improved' : 'regressed';
  return 'changed';
}

function delta(from: number, to: number) {
  return { from, to, delta: Math.round((to - from) * 10) / 10 };
}

/** Changes from `baseline` to `current`, regressions first, then by practice id. */
export function diffReports(baseline: Report, current: Report): ReportDiff {
  const before = new Map(baseline.practices.map((p) => [p.id, p]));
  const after = new Map(current.practices.map((p) => [p.id, p]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const changes: PracticeChange[] = [];
  let unchanged = 0;
  for (const id of ids) {
    const a = before.get(id);
    const b = after.get(id);
    if (a && b && a.status === b.status && a.score === b.score) {
      unchanged++;
      continue;
    }
    const named = (b ?? a)!;
    changes.push({
      id,
      name: named.name,
      focusArea: named.focusArea,
      from: a ? { status: a.status, score: a.score } : null,
      to: b ? { status: b.status, score: b.score } : null,
      direction: direction(a, b),
    });
  }
  const order = { regressed: 0, improved: 1, changed: 2 };
  changes.sort((x, y) => order[x.direction] - order[y.direction] || x.id.localeCompare(y.id));
  const lenses = Object.fromEntries(
    Object.keys(current.scores.lenses).map((k) => [k, delta((baseline.scores.lenses as Record<string, number>)[k] ?? 0, (current.scores.lenses as Record<string, number>)[k])]),
  );
  return { overall: delta(baseline.scores.overall, current.scores.overall), lenses, changes, unchanged };
}
