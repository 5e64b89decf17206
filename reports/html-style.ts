// The inline stylesheet of the HTML report. Colours are chosen for WCAG 2.2 contrast (text ≥ 4.5:1
// on its background, SC 1.4.3; the test checks every pair listed here); status never relies on
// colour alone (each badge has a word and an icon). Print: no backgrounds needed, big sections
// start on a new page, collapsed <details> are shown.

/** Foreground/background pairs used for text. */
export const PALETTE = {
  text: { fg: '#1d2125', bg: '#ffffff' },
  muted: { fg: '#4a4f55', bg: '#ffffff' },
  link: { fg: '#0b57d0', bg: '#ffffff' },
  tableHead: { fg: '#1d2125', bg: '#eef1f4' },
  notice: { fg: '#3b2c00', bg: '#fff4cc' },
  good: { fg: '#0b5a1f', bg: '#e2f3e6' },
  fair: { fg: '#6b4a00', bg: '#fdf1d3' },
  weak: { fg: '#8a3b00', bg: '#fde6d8' },
  poor: { fg: '#a0161b', bg: '#fbe3e4' },
  neutral: { fg: '#3b4148', bg: '#eceff1' },
} as const;

const P = PALETTE;

export const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: ${P.text.fg}; background: ${P.text.bg}; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #d0d5da; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
a { color: ${P.link.fg}; overflow-wrap: anywhere; }
a:focus-visible, summary:focus-visible { outline: 3px solid ${P.link.fg}; outline-offset: 2px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875em; overflow-wrap: anywhere; }
.muted, .run { color: ${P.muted.fg}; }
.notice { color: ${P.notice.fg}; background: ${P.notice.bg}; border-left: 4px solid #8a6d00; padding: .5rem .75rem; font-weight: 600; }
nav ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; list-style: none; }
table { border-collapse: collapse; width: 100%; margin: 0; }
.table-scroll { overflow-x: auto; margin: .5rem 0 1rem; }
.table-scroll:focus-visible { outline: 3px solid ${P.link.fg}; outline-offset: 2px; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid #d0d5da; }
thead th { color: ${P.tableHead.fg}; background: ${P.tableHead.bg}; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td ul, dd ul { margin: 0; padding-left: 1.1rem; }
.badge { display: inline-block; white-space: nowrap; border-radius: .75rem; padding: 0 .55rem; font-weight: 600; font-size: .9em; border: 1px solid currentColor; }
.tone-good { color: ${P.good.fg}; background: ${P.good.bg}; }
.tone-fair { color: ${P.fair.fg}; background: ${P.fair.bg}; }
.tone-weak { color: ${P.weak.fg}; background: ${P.weak.bg}; }
.tone-poor { color: ${P.poor.fg}; background: ${P.poor.bg}; }
.tone-neutral { color: ${P.neutral.fg}; background: ${P.neutral.bg}; }
.overall { font-size: 1.25rem; }
.chart { margin: 1rem 0; }
.chart svg { max-width: 100%; height: auto; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0 2rem; }
.swot { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; }
.side-by-side { display: grid; grid-template-columns: minmax(0, 34rem) minmax(0, 1fr); gap: 0 2rem; align-items: start; }
.narrow { max-width: 40rem; }
@media (max-width: 60rem) { .swot, .side-by-side { grid-template-columns: minmax(0, 1fr); } }
@media (max-width: 40rem) { body { padding: .75rem; } th, td { padding: .3rem .4rem; } .columns { grid-template-columns: minmax(0, 1fr); } }
.quadrant { border: 1px solid #d0d5da; border-top-width: 4px; border-radius: .4rem; padding: 0 1rem .5rem; }
.quadrant h3 { margin-top: .75rem; }
.quadrant ul { padding-left: 1.1rem; }
.quadrant li { margin-bottom: .5rem; }
.quadrant .evidence { margin-top: .15rem; }
.q-strengths { border-top-color: ${P.good.fg}; }
.q-weaknesses { border-top-color: ${P.poor.fg}; }
.q-opportunities { border-top-color: ${P.link.fg}; }
.q-threats { border-top-color: ${P.weak.fg}; }
.definition { margin: .2rem 0; }
.fit-summary { font-weight: 600; }
table.fit-check td, table.fit-check th { font-size: .95em; }
.roadmap > li { margin-bottom: 1rem; }
dl { margin: .25rem 0 0; display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; }
dt { font-weight: 600; }
dd { margin: 0; }
details { margin: .5rem 0; border: 1px solid #d0d5da; border-radius: .4rem; padding: .25rem .75rem; }
summary { cursor: pointer; font-weight: 600; padding: .25rem 0; }
.practices { list-style: none; padding: 0; }
.practices > li { padding: .4rem 0; border-top: 1px solid #e4e7ea; }
.evidence { color: ${P.muted.fg}; font-size: .95em; }
q { font-style: italic; }
footer { margin-top: 3rem; color: ${P.muted.fg}; font-size: .9em; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  .badge, thead th, .notice { background: none !important; }
  .major { break-before: page; }
  .side-by-side { grid-template-columns: minmax(0, 1fr); }
  .swot { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .table-scroll { overflow: visible; }
  tr, figure, .roadmap > li, .practices > li, .quadrant { break-inside: avoid; }
  details { border: none; padding: 0; }
  details::details-content { content-visibility: visible; display: block; }
  summary { list-style: none; }
  a { color: inherit; }
}
`;
