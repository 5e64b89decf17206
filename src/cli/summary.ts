// The one-screen summary printed on stdout after an audit.
import { FOCUS_AREAS, type Report } from '../report/types.js';

const FOCUS_LABELS: Record<string, string> = {
  discovery: 'Discovery', decisionMaking: 'Decision-making', onboarding: 'Onboarding', goLive: 'Go Live',
  maintenance: 'Maintenance & Troubleshooting', community: 'Community',
};

function bar(score: number, width = 20): string {
  const filled = Math.round((score / 100) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
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
  lines.push(`Overall            ${String(s.overall).padStart(3)}  ${bar(s.overall)}`);
  lines.push(`Core               ${String(s.lenses.core).padStart(3)}`);
  lines.push(`Business readiness ${String(s.lenses.businessReadiness).padStart(3)}`);
  lines.push(`AI visibility      ${String(s.lenses.aiVisibility).padStart(3)}`);
  lines.push('');
  for (const fa of FOCUS_AREAS) {
    const { score, stage } = s.focusAreas[fa];
    lines.push(`${FOCUS_LABELS[fa].padEnd(30)} ${String(score).padStart(3)}  stage ${stage}  ${bar(score, 10)}`);
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
