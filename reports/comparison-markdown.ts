// comparison.md: the comparison as GitHub-flavoured Markdown (tickets, chats, pull requests). It
// reads the Comparison only; every string from a report goes through `md()`.
import type { ComparedScore, Comparison, PracticeGap } from '../src/compare/types.js';
import { FOCUS_AREAS, LENSES } from '../src/contract/index.js';
import { formatDate, formatPracticeScore, formatScore } from './format.js';
import { COMPARISON_SECTIONS, COMPARISON_TITLE, FOCUS_AREA_LABELS, LENS_LABELS, NOT_ASSESSED, PRACTICE_STATUS, TEXT } from './labels.js';
import { code, evidenceText, link, md, scoreCell, signal, table } from './markdown.js';
import { leadersOf } from '../src/compare/build.js';

const WORDS = {
  subject: 'subject',
  leader: 'Leader',
  gapToBest: 'You vs best competitor',
  nobody: 'nobody assessed',
  tie: 'tie',
  noGaps: 'No practice that a competitor passes is failing on the subject portal.',
  gapsIntro: 'Practices at least one competitor passes while the subject fails or only partly meets them, foundational first.',
} as const;

const MAX_GAPS = 40;

function name(c: Comparison, index: number): string {
  return index === c.subject ? `${md(c.portals[index].label)} (${WORDS.subject})` : md(c.portals[index].label);
}

function cell(score: number | null, leader: boolean): string {
  if (score === null) return `${NOT_ASSESSED.icon} ${NOT_ASSESSED.label}`;
  return leader ? `**${scoreCell(score)} ★**` : scoreCell(score);
}

function leaders(c: Comparison, row: ComparedScore): string {
  if (row.leaders.length === 0) return WORDS.nobody;
  const list = leadersOf(row);
  return list.length ? list.map((i) => md(c.portals[i].label)).join(', ') : WORDS.tie;
}

function isLeader(row: ComparedScore, index: number): boolean {
  return leadersOf(row).includes(index);
}

function gapText(gap: number | null): string {
  if (gap === null) return '–';
  return `${gap > 0 ? '+' : gap < 0 ? '−' : '±'}${formatScore(Math.abs(gap))}`;
}

function gapLines(c: Comparison, g: PracticeGap, n: number): string[] {
  const out = [
    `${n}. **${md(g.name)}** (${code(g.practiceId)}, ${FOCUS_AREA_LABELS[g.focusArea]}, stage ${g.stage}, weight ${g.weight})`,
    `   - You: ${signal(PRACTICE_STATUS[g.subject.status])} (score ${formatPracticeScore(g.subject.score)})`,
  ];
  for (const e of g.subject.evidence) out.push(`     - ${evidenceText(e)}`);
  for (const comp of g.competitors) {
    out.push(`   - ${md(c.portals[comp.portal].label)}: ${signal(PRACTICE_STATUS.pass)}`);
    if (comp.evidence.length === 0) out.push(`     - ${TEXT.noEvidence}`);
    for (const e of comp.evidence) out.push(`     - ${evidenceText(e)}`);
  }
  return out;
}

/** The comparison as Markdown, ending with a newline. */
export function renderComparisonMarkdown(c: Comparison): string {
  const subject = c.portals[c.subject];
  const out: string[] = [`# ${COMPARISON_TITLE}: ${md(subject.label)} vs ${c.portals.length - 1} competitor${c.portals.length === 2 ? '' : 's'}`, ''];
  out.push(
    ...table(
      ['Portal', 'URL', 'Audited', 'Model'],
      c.portals.map((p) => [name(c, p.index), link(p.url, p.url), md(formatDate(p.startedAt)), p.model ? md(`${p.model.id} ${p.model.version}`) : '–']),
    ),
  );

  out.push('', `## ${COMPARISON_SECTIONS.ranking}`, '');
  out.push(
    ...table(
      ['Portal', 'Rank', 'Overall', ...LENSES.map((l) => LENS_LABELS[l])],
      [
        ...c.ranking.map((i) => [
          name(c, i),
          String(c.portals[i].rank),
          cell(c.overall.scores[i], isLeader(c.overall, i)),
          ...LENSES.map((l) => cell(c.lenses[l].scores[i], isLeader(c.lenses[l], i))),
        ]),
        [WORDS.gapToBest, '', gapText(c.overall.subjectGap), ...LENSES.map((l) => gapText(c.lenses[l].subjectGap))],
      ],
    ),
  );
  out.push('', '★ marks the leader of a row (none on a tie).');

  out.push('', `## ${COMPARISON_SECTIONS.focusAreas}`, '');
  out.push(
    ...table(
      ['Focus area', ...c.portals.map((p) => md(p.label)), WORDS.leader, WORDS.gapToBest],
      FOCUS_AREAS.map((fa) => {
        const row = c.focusAreas[fa];
        return [
          FOCUS_AREA_LABELS[fa],
          ...c.portals.map((p) => {
            const stage = row.stages[p.index];
            return `${cell(row.scores[p.index], isLeader(row, p.index))}${stage === null ? '' : ` · stage ${stage}`}`;
          }),
          leaders(c, row),
          gapText(row.subjectGap),
        ];
      }),
    ),
  );

  out.push('', `## ${COMPARISON_SECTIONS.enablers}`, '');
  out.push(
    ...table(
      ['Enabler', 'Focus area', ...c.portals.map((p) => md(p.label)), WORDS.leader, WORDS.gapToBest],
      c.enablers.map((e) => [
        md(e.name),
        FOCUS_AREA_LABELS[e.focusArea],
        ...c.portals.map((p) => cell(e.scores[p.index], isLeader(e, p.index))),
        leaders(c, e),
        gapText(e.subjectGap),
      ]),
    ),
  );

  out.push('', `## ${COMPARISON_SECTIONS.gaps}`, '');
  if (c.gaps.length === 0) out.push(WORDS.noGaps);
  else {
    out.push(WORDS.gapsIntro, '');
    c.gaps.slice(0, MAX_GAPS).forEach((g, i) => out.push(...gapLines(c, g, i + 1)));
    if (c.gaps.length > MAX_GAPS) out.push('', `… and ${c.gaps.length - MAX_GAPS} more in comparison.json.`);
  }

  if (c.notes.length) out.push('', `## ${COMPARISON_SECTIONS.notes}`, '', ...c.notes.map((n) => `- ${md(n)}`));
  out.push('', `Generated by ${md(c.tool.name)} ${md(c.tool.version)}.`);
  return `${out.join('\n')}\n`;
}
