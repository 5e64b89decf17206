// comparison.html: one subject portal beside its competitors, self-contained like report.html
// (inline CSS and SVG, no script needed). It reads the Comparison only. Host names, practice names
// and evidence come from audited pages or saved files and are escaped with `h()`.
import type { ComparedScore, Comparison, PracticeGap } from '../src/compare/types.js';
import { leadersOf } from '../src/compare/build.js';
import { FOCUS_AREAS, type FocusAreaId, LENSES } from '../src/contract/index.js';
import { formatDate, formatPracticeScore, formatScore } from './format.js';
import { CSS } from './html-style.js';
import { badge, evidenceHtml, h, link, notAssessed, scoreBadge, section, table } from './html-parts.js';
import { COMPARISON_SECTIONS, COMPARISON_TITLE, FOCUS_AREA_LABELS, LENS_LABELS, PRACTICE_STATUS, TEXT } from './labels.js';
import { spiderChartSvg } from './spider-chart.js';

const WORDS = {
  subject: 'subject',
  leader: 'Leader',
  gapToBest: 'You vs best competitor',
  nobody: 'nobody assessed',
  tie: 'tie',
  starLegend: '★ marks the leader of a row (none on a tie).',
  noGaps: 'No practice that a competitor passes is failing on the subject portal.',
  youHave: 'Your portal',
  theyHave: 'Passed by',
  gapsIntro: 'Practices at least one competitor passes while the subject fails or only partly meets them, foundational first, with the competitors’ evidence.',
  chartCaption: 'Focus area scores (0–100) of every portal; hollow markers and “n/a”: not assessed.',
} as const;

/** Gaps shown in full; the rest are counted (comparison.json has them all). */
const MAX_GAPS = 40;

function portalName(c: Comparison, index: number): string {
  const p = c.portals[index];
  return index === c.subject ? `${h(p.label)} <span class="muted">(${WORDS.subject})</span>` : h(p.label);
}

function cell(score: number | null, leader: boolean): string {
  if (score === null) return notAssessed();
  const b = scoreBadge(score);
  // The star is a symbol, not a colour; screen readers hear the word.
  return leader ? `<strong class="leader">${b} <span class="leader-mark" aria-hidden="true">★</span><span class="sr-only"> (${WORDS.leader.toLowerCase()})</span></strong>` : b;
}

function isLeader(row: ComparedScore, index: number): boolean {
  return leadersOf(row).includes(index);
}

function leadersText(c: Comparison, row: ComparedScore): string {
  if (row.leaders.length === 0) return `<span class="muted">${WORDS.nobody}</span>`;
  const leaders = leadersOf(row);
  if (leaders.length === 0) return `<span class="muted">${WORDS.tie}</span>`;
  return leaders.map((i) => h(c.portals[i].label)).join(', ');
}

function gapText(gap: number | null): string {
  if (gap === null) return '–';
  const sign = gap > 0 ? '+' : gap < 0 ? '−' : '±';
  return `${sign}${formatScore(Math.abs(gap))}`;
}

function header(c: Comparison): string {
  const subject = c.portals[c.subject];
  const rows = c.portals.map((p) => [
    portalName(c, p.index),
    link(p.url, p.url),
    h(formatDate(p.startedAt)),
    p.model ? h(`${p.model.id} ${p.model.version}`) : '–',
  ]);
  const list = table('Portals compared', [{ label: 'Portal' }, { label: 'URL' }, { label: 'Audited' }, { label: 'Model' }], rows);
  const nav = [
    ['ranking', COMPARISON_SECTIONS.ranking],
    ['focus-areas', COMPARISON_SECTIONS.focusAreas],
    ['enablers', COMPARISON_SECTIONS.enablers],
    ['gaps', COMPARISON_SECTIONS.gaps],
    ...(c.notes.length ? [['notes', COMPARISON_SECTIONS.notes]] : []),
  ];
  return `<header>\n<h1>${h(COMPARISON_TITLE)}: ${h(subject.label)} vs ${c.portals.length - 1} competitor${c.portals.length === 2 ? '' : 's'}</h1>\n${list}\n<nav aria-label="Contents"><ol>${nav
    .map(([id, t]) => `<li><a href="#${id}">${h(t)}</a></li>`)
    .join('')}</ol></nav>\n</header>`;
}

function ranking(c: Comparison): string {
  const cols = [{ label: 'Portal' }, { label: 'Rank', numeric: true }, { label: 'Overall' }, ...LENSES.map((l) => ({ label: LENS_LABELS[l] }))];
  const rows = c.ranking.map((i) => [
    portalName(c, i),
    String(c.portals[i].rank),
    cell(c.overall.scores[i], isLeader(c.overall, i)),
    ...LENSES.map((l) => cell(c.lenses[l].scores[i], isLeader(c.lenses[l], i))),
  ]);
  const gapRow = [
    h(WORDS.gapToBest),
    '',
    h(gapText(c.overall.subjectGap)),
    ...LENSES.map((l) => h(gapText(c.lenses[l].subjectGap))),
  ];
  const body = `${table('Overall and lens scores (0–100), best first', cols, [...rows, gapRow], 'compare')}\n<p class="muted">${h(WORDS.starLegend)}</p>`;
  return section('ranking', COMPARISON_SECTIONS.ranking, body);
}

function focusAreas(c: Comparison): string {
  const series = c.portals.map((p) => ({
    name: p.index === c.subject ? `${p.label} (${WORDS.subject})` : p.label,
    values: Object.fromEntries(FOCUS_AREAS.map((fa) => [fa, c.focusAreas[fa].scores[p.index]])) as Record<FocusAreaId, number | null>,
  }));
  // No value labels: overlaid, they collide; the table beside the chart has every number.
  const chart = spiderChartSvg(series, { title: 'Focus area scores by portal (0–100)', idPrefix: 'compare-spider', showValues: false, radius: 150 });
  const figure = `<figure class="chart">\n${chart}\n<figcaption class="muted">${h(WORDS.chartCaption)}</figcaption>\n</figure>`;
  const cols = [{ label: 'Focus area' }, ...c.portals.map((p) => ({ label: p.label })), { label: WORDS.leader }, { label: WORDS.gapToBest, numeric: true }];
  const rows = FOCUS_AREAS.map((fa) => {
    const row = c.focusAreas[fa];
    return [
      h(FOCUS_AREA_LABELS[fa]),
      ...c.portals.map((p) => {
        const s = row.scores[p.index];
        const stage = row.stages[p.index];
        return `${cell(s, isLeader(row, p.index))}${stage === null ? '' : ` <br><span class="muted">stage ${stage}</span>`}`;
      }),
      leadersText(c, row),
      h(gapText(row.subjectGap)),
    ];
  });
  return section('focus-areas', COMPARISON_SECTIONS.focusAreas, `${figure}\n${table('Focus area scores and stages by portal', cols, rows, 'compare')}`);
}

function enablers(c: Comparison): string {
  const cols = [
    { label: 'Enabler' },
    { label: 'Focus area' },
    ...c.portals.map((p) => ({ label: p.label })),
    { label: WORDS.leader },
    { label: WORDS.gapToBest, numeric: true },
  ];
  const rows = c.enablers.map((e) => [
    h(e.name),
    h(FOCUS_AREA_LABELS[e.focusArea]),
    ...c.portals.map((p) => cell(e.scores[p.index], isLeader(e, p.index))),
    leadersText(c, e),
    h(gapText(e.subjectGap)),
  ]);
  return section('enablers', COMPARISON_SECTIONS.enablers, table('Enabler scores by portal, with the leader', cols, rows, 'compare'), true);
}

function gapItem(c: Comparison, g: PracticeGap): string {
  const yours = g.subject.evidence.length ? `<ul class="evidence">${g.subject.evidence.map((e) => `<li>${evidenceHtml(e)}</li>`).join('')}</ul>` : '';
  const theirs = g.competitors
    .map((comp) => {
      const ev = comp.evidence.length ? comp.evidence.map((e) => `<li>${evidenceHtml(e)}</li>`).join('') : `<li>${h(TEXT.noEvidence)}</li>`;
      return `<li><strong>${h(c.portals[comp.portal].label)}</strong> ${badge(PRACTICE_STATUS.pass)}<ul class="evidence">${ev}</ul></li>`;
    })
    .join('');
  const meta = `<code>${h(g.practiceId)}</code> · ${h(FOCUS_AREA_LABELS[g.focusArea])} · stage ${h(g.stage)} · weight ${h(g.weight)}`;
  return (
    `<li class="gap"><strong>${h(g.name)}</strong> <span class="muted">${meta}</span>\n<dl>` +
    `<dt>${WORDS.youHave}</dt><dd>${badge(PRACTICE_STATUS[g.subject.status])} <span class="muted">score ${formatPracticeScore(g.subject.score)}</span>${yours}</dd>` +
    `<dt>${WORDS.theyHave}</dt><dd><ul>${theirs}</ul></dd></dl></li>`
  );
}

function gaps(c: Comparison): string {
  if (c.gaps.length === 0) return section('gaps', COMPARISON_SECTIONS.gaps, `<p>${h(WORDS.noGaps)}</p>`, true);
  const shown = c.gaps.slice(0, MAX_GAPS);
  const more = c.gaps.length > shown.length ? `\n<p class="muted">… and ${c.gaps.length - shown.length} more in comparison.json.</p>` : '';
  return section('gaps', COMPARISON_SECTIONS.gaps, `<p>${h(WORDS.gapsIntro)}</p>\n<ol class="gaps">\n${shown.map((g) => gapItem(c, g)).join('\n')}\n</ol>${more}`, true);
}

function notes(c: Comparison): string {
  if (c.notes.length === 0) return '';
  return section('notes', COMPARISON_SECTIONS.notes, `<ul>${c.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>`);
}

const EXTRA_CSS = `
.leader-mark { font-size: 1.1em; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.gaps > li { margin-bottom: 1rem; }
@media print { .gaps > li { break-inside: avoid; } }
`;

/** The comparison as one self-contained HTML document. */
export function renderComparisonHtml(c: Comparison): string {
  const subject = c.portals[c.subject];
  const tool = `${h(c.tool.name)} ${h(c.tool.version)}`;
  const main = [ranking(c), focusAreas(c), enablers(c), gaps(c), notes(c)].filter(Boolean).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${tool}">
<title>${h(COMPARISON_TITLE)}: ${h(subject.label)} vs ${h(c.portals.slice(1).map((p) => p.label).join(', '))}</title>
<style>${CSS}${EXTRA_CSS}</style>
</head>
<body>
${header(c)}
<main>
${main}
</main>
<footer>Generated by ${tool}.</footer>
</body>
</html>
`;
}
