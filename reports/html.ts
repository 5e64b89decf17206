// The HTML renderer: one self-contained file (inline CSS and SVG, no external assets; readable with
// JavaScript off). It reads the Report only. Every string from the report is escaped with `h()` —
// titles, quotes, answers and findings come from the audited pages and are untrusted — and only
// http(s) URLs become links.
import { FOCUS_AREAS, LENSES, type Evidence, type Report } from '../src/report/types.js';
import {
  formatBytes,
  formatClickDepth,
  formatCount,
  formatDate,
  formatDuration,
  formatPracticeScore,
  formatScore,
  safeHttpUrl,
  shortUrl,
  truncate,
} from './format.js';
import { CSS } from './html-style.js';
import {
  FOCUS_AREA_LABELS,
  LENS_LABELS,
  PRACTICE_STATUS,
  PRIORITY_LABELS,
  PROBE_STATUS,
  SECTIONS,
  SEVERITY,
  STAGE_LABELS,
  TEXT,
  TITLE,
  type Signal,
} from './labels.js';
import { spiderChartSvg } from './spider-chart.js';
import { enablerScored, focusAreaValues, keyFacts, practiceScore, practiceById, practicesByArea, roadmapByPriority, scoreBand, summarize, type SummaryItem } from './summary.js';

// Opens every <details> before printing, for browsers without ::details-content. Content is
// readable without it: <details> start open.
const PRINT_SCRIPT = `addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});`;

/** Escapes text for HTML element content and double-quoted attributes. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function h(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A link for http(s) URLs; any other scheme (javascript:, data:…) is shown as text. */
function link(url: string | undefined, label?: string): string {
  if (!url) return '';
  const href = safeHttpUrl(url);
  // A URL that will not be a link is shown whole, so the reader sees its scheme.
  if (!href) return `<span class="url">${h(truncate(label ?? url, 80))}</span>`;
  return `<a href="${h(href)}" rel="nofollow noopener noreferrer">${h(label ?? shortUrl(url))}</a>`;
}

function badge(s: Signal, value?: string): string {
  const v = value === undefined ? '' : `${h(value)} `;
  return `<span class="badge tone-${s.tone}"><span aria-hidden="true">${s.icon}</span> ${v}${h(s.label)}</span>`;
}

function scoreBadge(score: number): string {
  return badge(scoreBand(score), formatScore(score));
}

interface Column {
  label: string;
  numeric?: boolean;
}

/** A table whose first cell of each row is the row header. Cells are already-escaped HTML. */
function table(caption: string, columns: Column[], rows: string[][]): string {
  const head = columns.map((c) => `<th scope="col">${h(c.label)}</th>`).join('');
  const body = rows
    .map((cells) => {
      const tds = cells.map((cell, i) => {
        if (i === 0) return `<th scope="row">${cell}</th>`;
        return columns[i]?.numeric ? `<td class="num">${cell}</td>` : `<td>${cell}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<caption>${h(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function section(id: string, title: string, body: string, major = false): string {
  return `<section id="${id}" aria-labelledby="${id}-h"${major ? ' class="major"' : ''}>\n<h2 id="${id}-h">${h(title)}</h2>\n${body}\n</section>`;
}

function evidenceHtml(e: Evidence): string {
  const parts = [e.url ? link(e.url) : '', h(e.note), e.quote ? `<q>${h(e.quote)}</q>` : ''].filter(Boolean);
  return parts.join(' — ');
}

function header(report: Report): string {
  const { run, target } = report;
  const retrievalOnly = run.answerer === 'retrieval-only';
  const answerer = retrievalOnly
    ? 'answerer: retrieval-only'
    : `answerer: ${h(run.answerer)} (${formatCount(run.tokens.prompt)} prompt + ${formatCount(run.tokens.completion)} completion tokens)`;
  const robots = run.robots === 'respected' ? TEXT.robotsRespected : TEXT.robotsIgnored;
  const skipped = run.pagesSkippedByRobots.length;
  const lines = [
    `<h1>${h(TITLE)}: ${h(target.url)} <span class="muted">(${h(formatDate(target.startedAt))})</span></h1>`,
  ];
  if (target.finalUrl && target.finalUrl !== target.url) lines.push(`<p>Final URL after redirects: ${link(target.finalUrl, target.finalUrl)}</p>`);
  lines.push(
    `<p class="run">${run.pagesFetched} pages fetched · ${run.requests} requests (${formatBytes(run.bytesFetched)}) · ` +
      `${formatDuration(run.durationMs)} · ${answerer} · ${robots}${skipped ? ` (${skipped} pages skipped)` : ''}</p>`,
  );
  if (retrievalOnly) lines.push(`<p class="notice" role="note">${h(TEXT.retrievalOnly)}</p>`);
  const nav = [
    ['scores', SECTIONS.scores],
    ['focus-areas', SECTIONS.focusAreas],
    ['enablers', SECTIONS.enablers],
    ['summary', SECTIONS.summary],
    ['roadmap', SECTIONS.roadmap],
    ...(report.fitCheck.length ? [['fit-check', SECTIONS.fitCheck]] : []),
    ['probes', SECTIONS.probes],
    ['practices', SECTIONS.practices],
  ];
  lines.push(`<nav aria-label="Contents"><ol>${nav.map(([id, t]) => `<li><a href="#${id}">${h(t)}</a></li>`).join('')}</ol></nav>`);
  return `<header>\n${lines.join('\n')}\n</header>`;
}

function scores(report: Report): string {
  const s = report.scores;
  const overall = `<p class="overall"><strong>${h(TEXT.overall)}:</strong> ${scoreBadge(s.overall)} <span class="muted">out of 100</span></p>`;
  const lenses = table('Scores by lens (0–100)', [{ label: 'Lens' }, { label: 'Score' }], LENSES.map((l) => [h(LENS_LABELS[l]), scoreBadge(s.lenses[l])]));
  return section('scores', SECTIONS.scores, `${overall}\n${lenses}`);
}

function focusAreas(report: Report): string {
  const s = report.scores;
  const chart = spiderChartSvg([{ name: report.target.url, values: focusAreaValues(report) }], { title: 'Focus area scores (0–100)' });
  const figure = `<figure class="chart">\n${chart}\n<figcaption class="muted">Focus area scores on a 0–100 scale; rings at 25, 50, 75 and 100.</figcaption>\n</figure>`;
  const rows = FOCUS_AREAS.map((fa) => [h(FOCUS_AREA_LABELS[fa]), scoreBadge(s.focusAreas[fa].score), h(STAGE_LABELS[s.focusAreas[fa].stage])]);
  return section('focus-areas', SECTIONS.focusAreas, `${figure}\n${table('Focus area scores and maturity stage', [{ label: 'Focus area' }, { label: 'Score' }, { label: 'Stage' }], rows)}`);
}

function enablers(report: Report): string {
  const rows = report.scores.enablers.map((e) => [
    h(e.name),
    h(FOCUS_AREA_LABELS[e.focusArea]),
    enablerScored(e) ? scoreBadge(e.score) : `– <span class="muted">${h(TEXT.noScoredPractices)}</span>`,
    e.stage === undefined ? '–' : `Stage ${h(e.stage)}`,
    e.met !== undefined && e.total !== undefined ? `${h(e.met)} / ${h(e.total)}` : '–',
  ]);
  const cols = [{ label: 'Enabler' }, { label: 'Focus area' }, { label: 'Score' }, { label: 'Stage' }, { label: 'Practices met', numeric: true }];
  return section('enablers', SECTIONS.enablers, table('Enabler scores', cols, rows));
}

function summaryItem(item: SummaryItem): string {
  const where = item.kind === 'focusArea' ? 'focus area' : `enabler, ${FOCUS_AREA_LABELS[item.focusArea]}`;
  return `<li><strong>${h(item.name)}</strong> <span class="muted">(${h(where)})</span> ${scoreBadge(item.score)}</li>`;
}

function strengthsAndWeaknesses(report: Report): string {
  const { strengths, weaknesses } = summarize(report);
  const list = (items: SummaryItem[], empty: string) => (items.length ? `<ul>\n${items.map(summaryItem).join('\n')}\n</ul>` : `<p>${h(empty)}</p>`);
  const body = `<div class="columns">\n<div>\n<h3>Strengths</h3>\n${list(strengths, TEXT.noStrengths)}\n</div>\n<div>\n<h3>Weaknesses</h3>\n${list(weaknesses, TEXT.noWeaknesses)}\n</div>\n</div>`;
  return section('summary', SECTIONS.summary, body);
}

function roadmap(report: Report): string {
  const groups = roadmapByPriority(report);
  if (groups.length === 0) return section('roadmap', SECTIONS.roadmap, `<p>${h(TEXT.noRoadmap)}</p>`, true);
  const body = groups.map((group) => {
    const items = group.items.map((item) => {
      const practice = practiceById(report, item.practiceId);
      const area = item.focusArea ?? practice?.focusArea;
      const evidence = item.evidence ?? practice?.evidence ?? [];
      const done = item.done ?? practice?.definition;
      const dl = [`<dt>${h(TEXT.why)}</dt><dd>${h(item.why)}</dd>`];
      if (evidence.length) dl.push(`<dt>${h(TEXT.evidence)}</dt><dd><ul>${evidence.map((e) => `<li>${evidenceHtml(e)}</li>`).join('')}</ul></dd>`);
      if (done) dl.push(`<dt>${h(TEXT.doneLooksLike)}</dt><dd>${h(done)}</dd>`);
      const meta = `<code>${h(item.practiceId)}</code>${area ? ` · ${h(FOCUS_AREA_LABELS[area])}` : ''}`;
      return `<li data-priority="${group.priority}"><strong>${h(item.title)}</strong> <span class="muted">${meta}</span>\n<dl>${dl.join('')}</dl></li>`;
    });
    return `<h3>${h(PRIORITY_LABELS[group.priority])}</h3>\n<ol class="roadmap">\n${items.join('\n')}\n</ol>`;
  });
  return section('roadmap', SECTIONS.roadmap, body.join('\n'), true);
}

function fitCheck(report: Report): string {
  if (report.fitCheck.length === 0) return '';
  const rows = report.fitCheck.map((q) => [
    h(q.question),
    h(q.persona),
    q.answerable
      ? `${badge({ label: 'Yes', icon: '✓', tone: 'good' })} <span class="muted">confidence ${formatPracticeScore(q.confidence)}</span>`
      : badge({ label: 'No', icon: '✗', tone: 'poor' }),
    h(formatClickDepth(q.human.clickDepth)),
    q.human.gated === undefined ? '–' : q.human.gated ? badge({ label: TEXT.gated, icon: '🔒', tone: 'poor' }) : h(TEXT.open),
    q.agent.reachable
      ? badge({ label: TEXT.reachable, icon: '✓', tone: 'good' })
      : `${badge({ label: TEXT.blockedBy, icon: '✗', tone: 'poor' })} ${q.agent.blockedBy.map(h).join(', ') || '–'}`,
  ]);
  const cols = [{ label: 'Question' }, { label: 'Persona' }, { label: 'Answerable' }, { label: 'Human: click depth' }, { label: 'Human: gated' }, { label: 'Agent' }];
  const answers = report.fitCheck.map((q) => {
    const cites = q.citations.map((c) => {
      const mark = c.verified ? badge({ label: TEXT.verified, icon: '✓', tone: 'good' }) : badge({ label: TEXT.unverified, icon: '✗', tone: 'poor' });
      return `<li>${link(c.url)} <q>${h(c.quote)}</q> ${mark}</li>`;
    });
    const list = cites.length ? `\n<ul>${cites.join('')}</ul>` : '';
    return `<details open>\n<summary>${h(q.question)}</summary>\n<p>${h(q.answer) || h(TEXT.noAnswer)}</p>${list}\n</details>`;
  });
  const body = `${table('Buyer questions: can a human and an agent find the answer?', cols, rows)}\n<h3>${h(TEXT.answer)}s</h3>\n${answers.join('\n')}`;
  return section('fit-check', SECTIONS.fitCheck, body, true);
}

function probes(report: Report): string {
  const rows = report.probes.map((p) => {
    const facts = keyFacts(p.facts).map((f) => `<li><code>${h(f.key)}</code>: ${h(f.value)}</li>`);
    if (p.error) facts.unshift(`<li><code>${h(p.error.code)}</code> ${h(p.error.message)}</li>`);
    return [`<code>${h(p.id)}</code>`, badge(PROBE_STATUS[p.status]), h(formatDuration(p.durationMs)), facts.length ? `<ul>${facts.join('')}</ul>` : '–', String(p.findings.length)];
  });
  const cols = [{ label: 'Probe' }, { label: 'Status' }, { label: 'Duration' }, { label: 'Key facts' }, { label: 'Findings', numeric: true }];
  const findings = report.probes.flatMap((p) => p.findings.map((f) => ({ probe: p.id, ...f })));
  const list = findings.length
    ? `<ul class="findings">\n${findings
        .map((f) => `<li>${badge(SEVERITY[f.severity])} <code>${h(f.probe)}</code> ${h(f.message)}${f.url ? ` (${link(f.url)})` : ''}</li>`)
        .join('\n')}\n</ul>`
    : `<p>${h(TEXT.noFindings)}</p>`;
  return section('probes', SECTIONS.probes, `${table('Probe results', cols, rows)}\n<h3>${h(SECTIONS.findings)}</h3>\n${list}`, true);
}

function practices(report: Report): string {
  const body = practicesByArea(report).map((group) => {
    const enablerBlocks = group.enablers.map((enabler) => {
      const items = enabler.practices.map((p) => {
        const evidence = p.evidence.length ? p.evidence.map((e) => `<li>${evidenceHtml(e)}</li>`).join('') : `<li>${h(TEXT.noEvidence)}</li>`;
        return (
          `<li>${badge(PRACTICE_STATUS[p.status])} <strong>${h(p.name)}</strong> <code>${h(p.id)}</code> ` +
          `<span class="muted">score ${practiceScore(p)} · stage ${h(p.stage)}</span>\n<ul class="evidence">${evidence}</ul></li>`
        );
      });
      const score = enabler.score === undefined ? '' : ` ${scoreBadge(enabler.score)}`;
      return `<details open>\n<summary>${h(enabler.name)}${score}</summary>\n<ul class="practices">\n${items.join('\n')}\n</ul>\n</details>`;
    });
    return `<h3>${h(FOCUS_AREA_LABELS[group.focusArea])}</h3>\n${enablerBlocks.join('\n')}`;
  });
  return section('practices', SECTIONS.practices, body.join('\n'), true);
}

/** The whole report as one self-contained HTML document. */
export function renderHtml(report: Report): string {
  const tool = `${h(report.tool.name)} ${h(report.tool.version)}`;
  const model = report.model ? ` · maturity model ${h(report.model.id)} ${h(report.model.version)}` : '';
  const main = [scores(report), focusAreas(report), enablers(report), strengthsAndWeaknesses(report), roadmap(report), fitCheck(report), probes(report), practices(report)]
    .filter(Boolean)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${tool}">
<title>${h(TITLE)}: ${h(report.target.url)} (${h(formatDate(report.target.startedAt))})</title>
<style>${CSS}</style>
</head>
<body>
${header(report)}
<main>
${main}
</main>
<footer>Generated by ${tool}${model} on ${h(report.target.finishedAt)}.</footer>
<script>${PRINT_SCRIPT}</script>
</body>
</html>
`;
}
