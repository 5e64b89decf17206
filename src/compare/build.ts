// buildComparison: one subject portal beside its competitors, from their reports. Pure and
// deterministic: the same reports in the same order give the same comparison. It compares what
// the reports say and never re-scores: a focus area, lens or enabler a report could not assess is
// null (not 0), so a missing measurement never makes a portal look worse or another one lead.
import { UsageError } from '../errors.js';
import { FOCUS_AREAS, type FocusAreaId, LENSES, type LensId, type Report } from '../contract/index.js';
import { enablerScored, focusAreaAssessed, lensAssessed } from '../../reports/summary.js';
import {
  COMPARISON_SCHEMA_VERSION,
  type ComparedEnabler,
  type ComparedFocusArea,
  type ComparedPortal,
  type ComparedScore,
  type Comparison,
  type PracticeGap,
  type ScoreRow,
} from './types.js';

const WORDS = {
  tooFew: 'A comparison needs at least two reports: the subject first, then one or more competitors',
  modelMismatch: (list: string) =>
    `The reports were scored with different maturity models (${list}); practice gaps cover only practices with the same id in both.`,
} as const;

/** Evidence items kept per competitor and per gap (the competitor's own report has the rest). */
const MAX_EVIDENCE = 3;

export interface ComparisonOptions {
  /** The tool that builds the comparison. @default the subject report's tool */
  tool?: { name: string; version: string };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Leaders (all indices at the top score) and the subject's gap to the best competitor. */
function compareRow(scores: ScoreRow): ComparedScore {
  const known = scores.filter((s): s is number => s !== null);
  const best = known.length ? Math.max(...known) : undefined;
  const leaders = best === undefined ? [] : scores.flatMap((s, i) => (s === best ? [i] : []));
  const competitors = scores.slice(1).filter((s): s is number => s !== null);
  const subject = scores[0];
  const subjectGap = subject === null || competitors.length === 0 ? null : round1(subject - Math.max(...competitors));
  return { scores, leaders, subjectGap };
}

/** Portals that lead a row; none when every assessed portal scores the same (a tie has no leader). */
export function leadersOf(row: ComparedScore): number[] {
  const assessed = row.scores.filter((s) => s !== null).length;
  return row.leaders.length > 1 && row.leaders.length === assessed ? [] : row.leaders;
}

function overallOf(report: Report): number | null {
  return FOCUS_AREAS.some((fa) => focusAreaAssessed(report, fa)) ? report.scores.overall : null;
}

function labels(reports: readonly Report[]): string[] {
  const seen = new Map<string, number>();
  return reports.map((r) => {
    const host = hostOf(r.target.url);
    const n = (seen.get(host) ?? 0) + 1;
    seen.set(host, n);
    return n === 1 ? host : `${host} (${n})`;
  });
}

function enablerRows(reports: readonly Report[]): ComparedEnabler[] {
  // Union of enablers in first-seen order: the subject's model order, then any others.
  const meta = new Map<string, { name: string; focusArea: FocusAreaId }>();
  for (const r of reports) for (const e of r.scores.enablers) if (!meta.has(e.id)) meta.set(e.id, { name: e.name, focusArea: e.focusArea });
  return [...meta].map(([id, { name, focusArea }]) => {
    const scores = reports.map((r) => {
      const e = r.scores.enablers.find((x) => x.id === id);
      return e && enablerScored(e) ? e.score : null;
    });
    return { id, name, focusArea, ...compareRow(scores) };
  });
}

function practiceGaps(reports: readonly Report[]): PracticeGap[] {
  const [subject, ...others] = reports;
  const gaps: PracticeGap[] = [];
  for (const p of subject.practices) {
    if (p.status !== 'fail' && p.status !== 'partial') continue;
    const competitors = others.flatMap((r, k) => {
      const theirs = r.practices.find((x) => x.id === p.id);
      return theirs?.status === 'pass' ? [{ portal: k + 1, status: 'pass' as const, evidence: theirs.evidence.slice(0, MAX_EVIDENCE) }] : [];
    });
    if (competitors.length === 0) continue;
    gaps.push({
      practiceId: p.id,
      name: p.name,
      focusArea: p.focusArea,
      enabler: p.enabler,
      stage: p.stage,
      weight: typeof p.weight === 'number' ? p.weight : 1,
      subject: { status: p.status, score: p.score, evidence: p.evidence.slice(0, MAX_EVIDENCE) },
      competitors,
    });
  }
  // Foundational first, then the practices that count most, then the most common among competitors.
  gaps.sort(
    (a, b) =>
      a.stage - b.stage ||
      b.weight - a.weight ||
      b.competitors.length - a.competitors.length ||
      a.subject.score - b.subject.score ||
      a.practiceId.localeCompare(b.practiceId),
  );
  return gaps;
}

function modelNote(reports: readonly Report[], names: string[]): string[] {
  const models = reports.map((r) => (r.model ? `${r.model.id} ${r.model.version}` : 'unknown model'));
  if (new Set(models).size <= 1) return [];
  return [WORDS.modelMismatch(models.map((m, i) => `${names[i]}: ${m}`).join(', '))];
}

/** Compares `reports[0]` (the subject) with the others. Throws UsageError for fewer than two reports. */
export function buildComparison(reports: readonly Report[], options: ComparisonOptions = {}): Comparison {
  if (reports.length < 2) throw new UsageError(WORDS.tooFew);
  const names = labels(reports);
  const overall = compareRow(reports.map(overallOf));
  // Stable sort: ties keep the order the reports were given in (subject first).
  const ranking = reports.map((_, i) => i).sort((a, b) => (overall.scores[b] ?? -1) - (overall.scores[a] ?? -1));
  const rankOf = (i: number) => 1 + reports.filter((_, j) => (overall.scores[j] ?? -1) > (overall.scores[i] ?? -1)).length;

  const portals: ComparedPortal[] = reports.map((r, i) => ({
    index: i,
    label: names[i],
    url: r.target.url,
    finalUrl: r.target.finalUrl,
    host: hostOf(r.target.url),
    startedAt: r.target.startedAt,
    model: r.model ? { id: r.model.id, version: r.model.version } : null,
    overall: r.scores.overall,
    rank: rankOf(i),
  }));

  const lenses = {} as Record<LensId, ComparedScore>;
  for (const lens of LENSES) lenses[lens] = compareRow(reports.map((r) => (lensAssessed(r, lens) ? r.scores.lenses[lens] : null)));

  const focusAreas = {} as Record<FocusAreaId, ComparedFocusArea>;
  for (const fa of FOCUS_AREAS) {
    const assessed = reports.map((r) => focusAreaAssessed(r, fa));
    focusAreas[fa] = {
      ...compareRow(reports.map((r, i) => (assessed[i] ? r.scores.focusAreas[fa].score : null))),
      stages: reports.map((r, i) => (assessed[i] ? r.scores.focusAreas[fa].stage : null)),
    };
  }

  return {
    kind: 'portalprobe-comparison',
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    tool: options.tool ?? { ...reports[0].tool },
    subject: 0,
    portals,
    ranking,
    overall,
    lenses,
    focusAreas,
    enablers: enablerRows(reports),
    gaps: practiceGaps(reports),
    notes: modelNote(reports, names),
  };
}
