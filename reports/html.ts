// The HTML renderer: one self-contained file (inline CSS and SVG, no external assets; readable with
// JavaScript off). It reads the Report only. Every string from the report is escaped with `h()` —
// titles, quotes, answers and findings come from the audited pages and are untrusted — and only
// http(s) URLs become links.
import { type FitCheckEntry, FOCUS_AREAS, LENSES, type Report } from '../src/contract/index.js';
import { formatBytes, formatClickDepth, formatCount, formatDate, formatDuration, formatPracticeScore } from './format.js';
import { CSS } from './html-style.js';
import { badge, evidenceHtml, h, link, notAssessed, practiceAnchor, scoreBadge, section, table } from './html-parts.js';
import {
  DECIDED_BY,
  FOCUS_AREA_LABELS,
  GATED,
  LENS_LABELS,
  PRACTICE_STATUS,
  PRIORITY_LABELS,
  PROBE_STATUS,
  SECTIONS,
  SEVERITY,
  STAGE_LABELS,
  SWOT_HEADINGS,
  TEXT,
  TITLE,
} from './labels.js';
import { spiderChartSvg } from './spider-chart.js';
import {
  enablerScored,
  focusAreaAssessed,
  focusAreaValues,
  keyFacts,
  lensAssessed,
  practiceScore,
  practiceById,
  practicesByArea,
  roadmapByPriority,
  type SummaryItem,
} from './summary.js';
import { opportunityStatus, opportunityWhere, swot, type Opportunity, type Threat } from './swot.js';
import { fitCheckCounts, fitCheckSentence } from './fit-check.js';
import { CHANGES_TITLE, changeRows, changeSummary } from './changes.js';
import { APPENDIX_TITLE, appendixNote, reportPrompts } from './appendix.js';

export { h } from './html-parts.js';

// Opens every <details> before printing, for browsers without ::details-content. Content is
// readable without it: <details> start open.
const PRINT_SCRIPT = `addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});`;

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
  const lenses = table(
    'Scores by lens (0–100)',
    [{ label: 'Lens' }, { label: 'Score' }],
    LENSES.map((l) => [h(LENS_LABELS[l]), scoreBadge(s.lenses[l], lensAssessed(report, l))]),
  );
  return section('scores', SECTIONS.scores, `${overall}\n<div class="narrow">\n${lenses}\n</div>`);
}

function focusAreas(report: Report): string {
  const s = report.scores;
  const chart = spiderChartSvg([{ name: report.target.url, values: focusAreaValues(report) }], { title: 'Focus area scores (0–100)' });
  const anyUnassessed = FOCUS_AREAS.some((fa) => !focusAreaAssessed(report, fa));
  const caption = `Focus area scores on a 0–100 scale; rings at 25, 50, 75 and 100.${anyUnassessed ? ` Hollow markers and “${TEXT.notAssessedShort}”: ${TEXT.notAssessed} (${TEXT.notAssessedWhy}).` : ''}`;
  const figure = `<figure class="chart">\n${chart}\n<figcaption class="muted">${h(caption)}</figcaption>\n</figure>`;
  const rows = FOCUS_AREAS.map((fa) => {
    const assessed = focusAreaAssessed(report, fa);
    return [h(FOCUS_AREA_LABELS[fa]), scoreBadge(s.focusAreas[fa].score, assessed), assessed ? h(STAGE_LABELS[s.focusAreas[fa].stage]) : '–'];
  });
  const areaTable = table('Focus area scores and maturity stage', [{ label: 'Focus area' }, { label: 'Score' }, { label: 'Stage' }], rows);
  return section('focus-areas', SECTIONS.focusAreas, `<div class="side-by-side">\n${figure}\n<div>\n${areaTable}\n</div>\n</div>`);
}

function enablers(report: Report): string {
  const rows = report.scores.enablers.map((e) => {
    const scored = enablerScored(e);
    return [
      h(e.name),
      h(FOCUS_AREA_LABELS[e.focusArea]),
      scored ? scoreBadge(e.score) : notAssessed(),
      !scored || e.stage === undefined ? '–' : `Stage ${h(e.stage)}`,
      e.met !== undefined && e.total !== undefined ? `${h(e.met)} / ${h(e.total)}` : '–',
    ];
  });
  const cols = [{ label: 'Enabler' }, { label: 'Focus area' }, { label: 'Score' }, { label: 'Stage' }, { label: 'Practices met', numeric: true }];
  return section('enablers', SECTIONS.enablers, table('Enabler scores', cols, rows));
}

function summaryItem(item: SummaryItem): string {
  const where = item.kind === 'focusArea' ? 'focus area' : `enabler, ${FOCUS_AREA_LABELS[item.focusArea]}`;
  return `<li><strong>${h(item.name)}</strong> <span class="muted">(${h(where)})</span> ${scoreBadge(item.score)}</li>`;
}

function opportunityItem(o: Opportunity): string {
  const evidence = o.evidence.length ? `<ul class="evidence">${o.evidence.map((e) => `<li>${evidenceHtml(e)}</li>`).join('')}</ul>` : '';
  const partial = o.status === 'partial' ? ` · ${h(opportunityStatus(o))}` : '';
  return (
    `<li><strong><a href="#${practiceAnchor(o.practiceId)}">${h(o.name)}</a></strong> ` +
    `<span class="muted">(${h(opportunityWhere(o))} · stage ${h(o.stage)}${partial})</span>${o.stage === 1 ? '' : ` <br>${h(o.why)}`}${evidence}</li>`
  );
}

function threatItem(t: Threat): string {
  const evidence = t.evidence.length ? `<ul class="evidence">${t.evidence.map((e) => `<li>${evidenceHtml(e)}</li>`).join('')}</ul>` : '';
  return `<li data-threat="${h(t.id)}"><strong>${h(t.title)}</strong> <br>${h(t.detail)}${evidence}</li>`;
}

function strengthsAndWeaknesses(report: Report): string {
  const { strengths, weaknesses, opportunities, threats } = swot(report);
  const quadrant = (key: keyof typeof SWOT_HEADINGS, items: string[], empty: string) =>
    `<div class="quadrant q-${key}">\n<h3>${h(SWOT_HEADINGS[key])}</h3>\n${items.length ? `<ul>\n${items.join('\n')}\n</ul>` : `<p>${h(empty)}</p>`}\n</div>`;
  const body = `<div class="swot">\n${[
    quadrant('strengths', strengths.map(summaryItem), TEXT.noStrengths),
    quadrant('weaknesses', weaknesses.map(summaryItem), TEXT.noWeaknesses),
    quadrant('opportunities', opportunities.map(opportunityItem), TEXT.noOpportunities),
    quadrant('threats', threats.map(threatItem), TEXT.noThreats),
  ].join('\n')}\n</div>`;
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
      const id = practice ? `<a href="#${practiceAnchor(item.practiceId)}"><code>${h(item.practiceId)}</code></a>` : `<code>${h(item.practiceId)}</code>`;
      const meta = `${id}${area ? ` · ${h(FOCUS_AREA_LABELS[area])}` : ''}`;
      return `<li data-priority="${group.priority}"><strong>${h(item.title)}</strong> <span class="muted">${meta}</span>\n<dl>${dl.join('')}</dl></li>`;
    });
    return `<h3>${h(PRIORITY_LABELS[group.priority])}</h3>\n<ol class="roadmap">\n${items.join('\n')}\n</ol>`;
  });
  return section('roadmap', SECTIONS.roadmap, body.join('\n'), true);
}

const YES = { label: 'Yes', icon: '✓', tone: 'good' } as const;
const NO = { label: 'No', icon: '✗', tone: 'poor' } as const;

function agentCells(q: FitCheckEntry): [string, string] {
  if (q.agent.reachable) return [badge({ label: TEXT.reachable, icon: '✓', tone: 'good' }), '–'];
  return [badge({ label: 'not reachable', icon: '✗', tone: 'poor' }), q.agent.blockedBy.map(h).join(', ') || '–'];
}

function fitCheck(report: Report): string {
  if (report.fitCheck.length === 0) return '';
  const rows = report.fitCheck.map((q) => [
    h(q.question),
    h(q.persona),
    q.answerable ? `${badge(YES)} <span class="muted">confidence ${formatPracticeScore(q.confidence)}</span>` : badge(NO),
    h(formatClickDepth(q.human.clickDepth)),
    q.human.gated === undefined ? '–' : q.human.gated ? badge(GATED) : h(TEXT.open),
    ...agentCells(q),
  ]);
  const cols = [
    { label: 'Question' },
    { label: 'Persona' },
    { label: 'Answer found' },
    { label: 'Human: click depth' },
    { label: 'Human: gated' },
    { label: 'Agent: reachable' },
    { label: 'Agent: blocked by' },
  ];
  const counts = `<p class="fit-summary">${h(fitCheckSentence(fitCheckCounts(report.fitCheck)))}</p>`;
  const answers = report.fitCheck.map((q) => {
    const cites = q.citations.map((c) => {
      const mark = c.verified ? badge({ label: TEXT.verified, icon: '✓', tone: 'good' }) : badge({ label: TEXT.unverified, icon: '✗', tone: 'poor' });
      return `<li>${link(c.url)} <q>${h(c.quote)}</q> ${mark}</li>`;
    });
    const list = cites.length ? `\n<ul>${cites.join('')}</ul>` : '';
    return `<details open>\n<summary>${h(q.question)}</summary>\n<p>${h(q.answer) || h(TEXT.noAnswer)}</p>${list}\n</details>`;
  });
  const body = `${counts}\n${table('Human vs agent: can each find the answer to a buyer question?', cols, rows, 'fit-check')}\n<h3>${h(TEXT.answer)}s</h3>\n${answers.join('\n')}`;
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
        const meta = [
          `score ${practiceScore(p)}`,
          `stage ${h(p.stage)}`,
          p.weight === undefined ? '' : `weight ${h(p.weight)}`,
          p.lenses.length ? h(p.lenses.map((l) => LENS_LABELS[l] ?? l).join(', ')) : '',
          p.decidedBy ? `${h(TEXT.decidedBy.toLowerCase())} ${h(DECIDED_BY[p.decidedBy] ?? p.decidedBy)}` : '',
        ].filter(Boolean);
        const definition = p.definition ? `\n<p class="definition">${h(p.definition)}</p>` : '';
        return (
          `<li id="${practiceAnchor(p.id)}">${badge(PRACTICE_STATUS[p.status])} <strong>${h(p.name)}</strong> <code>${h(p.id)}</code> ` +
          `<span class="muted">${meta.join(' · ')}</span>${definition}\n<ul class="evidence">${evidence}</ul></li>`
        );
      });
      const score = enabler.score === undefined ? '' : ` ${scoreBadge(enabler.score, enabler.assessed)}`;
      return `<details open>\n<summary>${h(enabler.name)}${score}</summary>\n<ul class="practices">\n${items.join('\n')}\n</ul>\n</details>`;
    });
    return `<h3>${h(FOCUS_AREA_LABELS[group.focusArea])}</h3>\n${enablerBlocks.join('\n')}`;
  });
  return section('practices', SECTIONS.practices, body.join('\n'), true);
}

/** The whole report as one self-contained HTML document. */
function changes(report: Report): string {
  if (!report.changes) return '';
  const rows = changeRows(report).map((r) => [`${h(r.name)} <code>${h(r.id)}</code>`, h(r.from), h(r.to), h(r.direction)]);
  const columns = [{ label: 'Practice' }, { label: 'Before' }, { label: 'Now' }, { label: 'Change' }];
  return section('changes', CHANGES_TITLE, `<p>${h(changeSummary(report.changes))}</p>${rows.length ? table(CHANGES_TITLE, columns, rows) : ''}`, true);
}

function appendix(report: Report): string {
  const prompts = reportPrompts(report);
  if (!prompts) return '';
  const body = `<p>${h(appendixNote(report))} Prompt version ${h(prompts.version)}.</p>
<details><summary>System prompt</summary><pre>${h(prompts.system)}</pre></details>
<details><summary>Answer instructions</summary><pre>${h(prompts.answerInstructions)}</pre></details>`;
  return section('appendix', APPENDIX_TITLE, body, true);
}

export function renderHtml(report: Report): string {
  const tool = `${h(report.tool.name)} ${h(report.tool.version)}`;
  const model = report.model ? ` · maturity model ${h(report.model.id)} ${h(report.model.version)}` : '';
  const main = [scores(report), changes(report), focusAreas(report), enablers(report), strengthsAndWeaknesses(report), roadmap(report), fitCheck(report), probes(report), practices(report), appendix(report)]
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
