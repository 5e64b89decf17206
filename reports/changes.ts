// "Changes since the previous audit": the rows both renderers show when a report carries
// `changes` (the service adds it from the portal's previous finished audit). Pure: report in, rows out.
import type { Report, ReportChanges } from '../src/contract/index.js';

export const CHANGES_TITLE = 'Changes since the previous audit';

const ARROWS: Record<ReportChanges['changes'][number]['direction'], string> = { improved: '▲ improved', regressed: '▼ regressed', changed: '◆ changed' };

export interface ChangeRow {
  name: string;
  id: string;
  from: string;
  to: string;
  direction: string;
}

const state = (s: { status: string; score: number } | null) => (s ? `${s.status} (${s.score})` : 'not in report');

export function changeSummary(changes: ReportChanges): string {
  const { overall } = changes;
  const sign = overall.delta > 0 ? '+' : '';
  return `Overall ${overall.from} → ${overall.to} (${sign}${overall.delta}) against audit ${changes.againstAuditId} of ${changes.againstFinishedAt}; ${changes.changes.length} practices changed, ${changes.unchanged} unchanged.`;
}

export function changeRows(report: Report): ChangeRow[] {
  return (report.changes?.changes ?? []).map((c) => ({ name: c.name, id: c.id, from: state(c.from), to: state(c.to), direction: ARROWS[c.direction] }));
}
