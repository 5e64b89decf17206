// What the CLI prints after an audit: the one-screen text summary on stdout, and the small JSON
// summary for a CI job log (`--summary-json FILE|-`). Both read the Report only.
import { FOCUS_AREAS, type FocusAreaId, LENSES, type LensId, type Report } from '../contract/index.js';
import { focusAreaAssessed, lensAssessed } from '../../reports/summary.js';
import type { GateResult } from './gate.js';
import type { Comparison } from '../compare/types.js';

const FOCUS_LABELS: Record<FocusAreaId, string> = {
  discovery: 'Discovery', decisionMaking: 'Decision-making', onboarding: 'Onboarding', goLive: 'Go Live',
  maintenance: 'Maintenance & Troubleshooting', community: 'Community',
};
const LENS_LABELS: Record<LensId, string> = { core: 'Core', businessReadiness: 'Business readiness', aiVisibility: 'AI visibility' };
const NOT_ASSESSED = 'not assessed';

function bar(score: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round((score / 100) * width)));
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** A 0–100 score right-aligned in 5 columns ("  7.5", " 76.7", "  100"). */
function num(score: number): string {
  return String(score).padStart(5);
}

export function formatSummary(report: Report, files: string[] = []): string {
  const s = report.scores;
  const lines: string[] = [];
  lines.push(`portalprobe ${report.tool.version} — ${report.target.finalUrl}`);
  lines.push(`${report.run.pagesFetched} pages, ${report.run.requests} requests, ${(report.run.durationMs / 1000).toFixed(1)} s; robots.txt ${report.run.robots}${report.run.pagesSkippedByRobots.length ? ` (${report.run.pagesSkippedByRobots.length} pages skipped)` : ''}`);
  lines.push(report.run.answerer === 'retrieval-only'
    ? 'Answerer: retrieval-only (no LLM was used)'
    : `Answerer: ${report.run.answerer} (${report.run.tokens.prompt + report.run.tokens.completion} tokens)`);
  lines.push('');
  lines.push(`${'Overall'.padEnd(30)} ${num(s.overall)}  ${bar(s.overall)}`);
  for (const lens of LENSES) {
    lines.push(`${LENS_LABELS[lens].padEnd(30)} ${lensAssessed(report, lens) ? num(s.lenses[lens]) : `  ${NOT_ASSESSED}`}`);
  }
  lines.push('');
  for (const fa of FOCUS_AREAS) {
    const { score, stage } = s.focusAreas[fa];
    // A focus area with nothing scored says so in words: a 0 there would read as "poor".
    lines.push(focusAreaAssessed(report, fa)
      ? `${FOCUS_LABELS[fa].padEnd(30)} ${num(score)}  stage ${stage}  ${bar(score, 10)}`
      : `${FOCUS_LABELS[fa].padEnd(30)}   ${NOT_ASSESSED}`);
  }
  const errors = report.probes.filter((p) => p.status === 'error');
  if (errors.length > 0) lines.push('', `Probes with errors: ${errors.map((p) => p.id).join(', ')}`);
  const top = report.roadmap.filter((r) => r.priority === 1).slice(0, 5);
  if (top.length > 0) {
    lines.push('', 'Priority 1:');
    for (const item of top) lines.push(`  - ${item.title}`);
  }
  if (files.length > 0) lines.push('', 'Reports:', ...files.map((f) => `  ${f}`));
  return `${lines.join('\n')}\n`;
}

/** The JSON summary for CI logs: small, stable keys, no page text beyond the target URL. */
export interface CiSummary {
  kind: 'portalprobe-summary';
  schemaVersion: 1;
  tool: { name: string; version: string };
  target: { url: string; finalUrl: string };
  overall: number;
  lenses: Record<LensId, { score: number; assessed: boolean }>;
  focusAreas: Record<FocusAreaId, { score: number; stage: number; assessed: boolean }>;
  roadmap: { p1: number; p2: number; p3: number };
  /** null when no --fail-under flag was given. */
  gate: GateResult | null;
  reports: string[];
}

export function ciSummary(report: Report, gate: GateResult | null, files: string[] = []): CiSummary {
  const lenses = {} as CiSummary['lenses'];
  for (const lens of LENSES) lenses[lens] = { score: report.scores.lenses[lens], assessed: lensAssessed(report, lens) };
  const focusAreas = {} as CiSummary['focusAreas'];
  for (const fa of FOCUS_AREAS) {
    const { score, stage } = report.scores.focusAreas[fa];
    focusAreas[fa] = { score, stage, assessed: focusAreaAssessed(report, fa) };
  }
  const count = (p: 1 | 2 | 3) => report.roadmap.filter((r) => r.priority === p).length;
  return {
    kind: 'portalprobe-summary',
    schemaVersion: 1,
    tool: { name: report.tool.name, version: report.tool.version },
    target: { url: report.target.url, finalUrl: report.target.finalUrl },
    overall: report.scores.overall,
    lenses,
    focusAreas,
    roadmap: { p1: count(1), p2: count(2), p3: count(3) },
    gate,
    reports: files,
  };
}

/** The one-screen text after `compare`: ranking with lens scores, the number of gaps, files. */
export function formatComparisonSummary(c: Comparison, files: string[] = []): string {
  const cell = (v: number | null) => (v === null ? '  n/a' : num(v));
  const lines: string[] = [`portalprobe ${c.tool.version} — comparison of ${c.portals.length} portals (subject: ${c.portals[c.subject].label})`, ''];
  lines.push(`Rank  Overall   Core  Business     AI  Portal`);
  for (const i of c.ranking) {
    const p = c.portals[i];
    const lenses = LENSES.map((l) => cell(c.lenses[l].scores[i]));
    lines.push(`${String(p.rank).padStart(4)}    ${cell(c.overall.scores[i])}  ${lenses[0]}     ${lenses[1]}  ${lenses[2]}  ${p.label}${i === c.subject ? ' (subject)' : ''}`);
  }
  lines.push('', `Competitors have, you lack: ${c.gaps.length} practice${c.gaps.length === 1 ? '' : 's'}`);
  for (const g of c.gaps.slice(0, 5)) lines.push(`  - ${g.name} (${g.competitors.map((x) => c.portals[x.portal].label).join(', ')})`);
  for (const note of c.notes) lines.push('', `Note: ${note}`);
  if (files.length > 0) lines.push('', 'Reports:', ...files.map((f) => `  ${f}`));
  return `${lines.join('\n')}\n`;
}
