// An SVG spider (radar) chart of the six focus areas, 0–100. Pure: series in, markup out, no
// scripts or external assets, so it can be inlined in the self-contained HTML report. Several
// series can be overlaid (competitor comparison); each gets a colour, a dash pattern and a marker
// shape so series differ by more than colour (WCAG 2.2 SC 1.4.1), and a legend names them.
// A value of null means "not assessed" (nothing could be scored): that axis gets a hollow marker
// near the centre and an "n/a" label instead of a point at 0, and the series' shape joins the
// assessed axes only, so a missing measurement never reads as a zero.
import { FOCUS_AREAS, type FocusAreaId } from '../src/contract/index.js';
import { FOCUS_AREA_SHORT } from './labels.js';

export interface SpiderSeries {
  name: string;
  /** 0–100 per focus area; null when the focus area was not assessed. */
  values: Record<FocusAreaId, number | null>;
}

/** Text shown where a value is missing. */
export const NOT_ASSESSED_SHORT = 'n/a';
const NOT_ASSESSED_DESC = 'not assessed';

export interface SpiderChartOptions {
  /** Accessible title of the chart. @default 'Focus area scores' */
  title?: string;
  /** Axis labels. @default FOCUS_AREA_SHORT */
  labels?: Record<FocusAreaId, string>;
  /** Radius of the 100 ring in SVG units. @default 120 */
  radius?: number;
  /** Write each value as text next to its point. @default true */
  showValues?: boolean;
  /** Show a legend. @default true when there is more than one series */
  legend?: boolean;
  /** Prefix for element ids, so several charts can share one page. @default 'spider' */
  idPrefix?: string;
}

export const RINGS = [25, 50, 75, 100] as const;

/** Series styles, in order; they repeat past the end. Colours keep ≥ 3:1 against white (SC 1.4.11). */
const STYLES = [
  { colour: '#1f5fa8', dash: '', marker: 'circle' },
  { colour: '#b3261e', dash: '7 4', marker: 'square' },
  { colour: '#2e6b30', dash: '2 3', marker: 'diamond' },
  { colour: '#6a3d9a', dash: '10 3 2 3', marker: 'triangle' },
  { colour: '#7a4f00', dash: '4 2', marker: 'circle' },
] as const;

const PAD_X = 150; // room for axis labels (and a " · n/a") left and right
const PAD_Y = 50; // room above and below (axis labels sit beyond the value labels)
/** How far axis labels sit outside the 100 ring: past a value label at 100 (12 out, 11 high). */
const LABEL_OUT = 26;
const LEGEND_ROW = 22;
/** Where a not-assessed marker sits (on the 0–100 scale), how far each further series steps out, and its "n/a" label beyond it. */
const NA_MARKER_AT = 10;
const NA_STEP = 9;
const NA_TEXT_OUT = 12;
/** A white outline under value text so grid lines and shapes never cut through the digits. */
const HALO = ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function xml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** Angle of axis `i`: the first points straight up, then clockwise. */
function angle(i: number): number {
  return -Math.PI / 2 + (i * 2 * Math.PI) / FOCUS_AREAS.length;
}

/** A filled marker, or a hollow one (white inside, coloured outline) for a value not assessed. */
function marker(shape: string, x: number, y: number, colour: string, hollow = false): string {
  const s = 3.5;
  const paint = hollow ? `fill="#ffffff" stroke="${colour}" stroke-width="1.5" class="marker hollow"` : `fill="${colour}" class="marker"`;
  switch (shape) {
    case 'square':
      return `<rect x="${round(x - s)}" y="${round(y - s)}" width="${2 * s}" height="${2 * s}" ${paint}/>`;
    case 'diamond':
      return `<polygon points="${round(x)},${round(y - s - 1)} ${round(x + s + 1)},${round(y)} ${round(x)},${round(y + s + 1)} ${round(x - s - 1)},${round(y)}" ${paint}/>`;
    case 'triangle':
      return `<polygon points="${round(x)},${round(y - s - 1)} ${round(x + s + 1)},${round(y + s)} ${round(x - s - 1)},${round(y + s)}" ${paint}/>`;
    default:
      return `<circle cx="${round(x)}" cy="${round(y)}" r="${s}" ${paint}/>`;
  }
}

function assessed(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

export function spiderChartSvg(series: SpiderSeries[], opts: SpiderChartOptions = {}): string {
  const r = opts.radius ?? 120;
  const labels = opts.labels ?? FOCUS_AREA_SHORT;
  const showValues = opts.showValues ?? true;
  const legend = opts.legend ?? series.length > 1;
  const id = opts.idPrefix ?? 'spider';
  const title = opts.title ?? 'Focus area scores';
  const cx = PAD_X + r;
  const cy = PAD_Y + r;
  const width = 2 * (PAD_X + r);
  const legendHeight = legend ? series.length * LEGEND_ROW + 8 : 0;
  const height = 2 * (PAD_Y + r) + legendHeight;
  const at = (i: number, value: number) => ({
    x: round(cx + r * (value / 100) * Math.cos(angle(i))),
    y: round(cy + r * (value / 100) * Math.sin(angle(i))),
  });

  const desc = series
    .map((s) => {
      const parts = FOCUS_AREAS.map((fa) => {
        const v = s.values[fa];
        return `${labels[fa]} ${assessed(v) ? Math.round(clamp(v)) : NOT_ASSESSED_DESC}`;
      });
      return `${s.name}: ${parts.join(', ')}`;
    })
    .join('. ');
  // An axis no series could assess is drawn dashed and its label muted.
  const axisUnassessed = (fa: FocusAreaId) => series.length > 0 && series.every((s) => !assessed(s.values[fa]));

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="spider-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${xml(title)}</title>`,
    `<desc id="${id}-desc">${xml(desc)}</desc>`,
  );

  // Grid: one hexagon per ring, labelled along the first axis.
  parts.push('<g class="grid" fill="none" stroke="#9aa0a6" stroke-width="1">');
  for (const level of RINGS) {
    const points = FOCUS_AREAS.map((_, i) => at(i, level)).map((p) => `${p.x},${p.y}`).join(' ');
    parts.push(`<polygon class="ring" data-level="${level}" points="${points}"/>`);
  }
  FOCUS_AREAS.forEach((fa, i) => {
    const end = at(i, 100);
    const na = axisUnassessed(fa) ? ' stroke-dasharray="3 4"' : '';
    parts.push(`<line class="axis" data-axis="${fa}" x1="${cx}" y1="${cy}" x2="${end.x}" y2="${end.y}"${na}/>`);
  });
  parts.push('</g>');
  // Ring labels sit midway along the edge between the first two axes, clear of value labels.
  parts.push('<g class="ring-labels" font-size="10" fill="#4a4f55" text-anchor="middle">');
  for (const level of RINGS) {
    const a = at(0, level);
    const b = at(1, level);
    parts.push(`<text x="${round((a.x + b.x) / 2)}" y="${round((a.y + b.y) / 2 + 3)}">${level}</text>`);
  }
  parts.push('</g>');

  // Axis labels, anchored away from the centre.
  parts.push('<g class="axis-labels" font-size="13" fill="#1d2125">');
  FOCUS_AREAS.forEach((fa, i) => {
    const p = at(i, 100);
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const anchor = cos > 0.1 ? 'start' : cos < -0.1 ? 'end' : 'middle';
    const x = round(p.x + cos * LABEL_OUT);
    const y = round(p.y + sin * LABEL_OUT + (sin > 0.1 ? 8 : sin < -0.1 ? -2 : 4));
    // An axis nobody could assess says so at its label, where the eye looks for the axis name.
    const na = axisUnassessed(fa);
    const attrs = na ? ' data-assessed="false" fill="#4a4f55"' : '';
    const tag = na ? `<tspan class="not-assessed" font-style="italic" font-weight="bold"> · ${NOT_ASSESSED_SHORT}</tspan>` : '';
    parts.push(`<text class="axis-label" data-axis="${fa}" x="${x}" y="${y}" text-anchor="${anchor}"${attrs}>${xml(labels[fa])}${tag}</text>`);
  });
  parts.push('</g>');

  // Series: shape through the assessed axes, markers and values. Not-assessed axes get a hollow
  // marker a little out from the centre (clear of a real 0, which sits on the centre) and, when
  // other series do have a value there, an "n/a" beside it.
  // Overlaid fills add up; lighter fills keep every outline readable.
  const fillOpacity = series.length > 1 ? 0.07 : 0.12;
  series.forEach((s, n) => {
    const style = STYLES[n % STYLES.length];
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    const known = FOCUS_AREAS.map((fa, i) => ({ fa, i, value: s.values[fa] })).filter((a): a is { fa: FocusAreaId; i: number; value: number } => assessed(a.value));
    const pts = known.map((a) => at(a.i, clamp(a.value)));
    const list = pts.map((p) => `${p.x},${p.y}`).join(' ');
    parts.push(`<g class="series" data-series="${xml(s.name)}">`);
    if (pts.length >= 3) {
      parts.push(`<polygon class="series-shape" points="${list}" fill="${style.colour}" fill-opacity="${fillOpacity}" stroke="${style.colour}" stroke-width="2"${dash}/>`);
    } else if (pts.length === 2) {
      parts.push(`<polyline class="series-shape" points="${list}" fill="none" stroke="${style.colour}" stroke-width="2"${dash}/>`);
    }
    for (const p of pts) parts.push(marker(style.marker, p.x, p.y, style.colour));
    FOCUS_AREAS.forEach((fa, i) => {
      const value = s.values[fa];
      const cos = Math.cos(angle(i));
      const sin = Math.sin(angle(i));
      if (assessed(value)) {
        if (!showValues) return;
        const p = at(i, clamp(value));
        // Just outside the point along its axis; stacked series step further out so they do not collide.
        const out = 12 + n * 12;
        const x = round(p.x + cos * out);
        const y = round(p.y + sin * out + 4);
        parts.push(`<text class="value" data-axis="${fa}" x="${x}" y="${y}" font-size="11" font-weight="bold" fill="${style.colour}"${HALO} text-anchor="middle">${Math.round(clamp(value))}</text>`);
        return;
      }
      const p = at(i, NA_MARKER_AT + n * NA_STEP);
      parts.push(marker(style.marker, p.x, p.y, style.colour, true));
      // Only where other series have a value: otherwise the axis label already says n/a.
      if (axisUnassessed(fa)) return;
      const t = at(i, NA_MARKER_AT + n * NA_STEP + NA_TEXT_OUT);
      parts.push(
        `<text class="value not-assessed" data-axis="${fa}" x="${t.x}" y="${round(t.y + 4)}" font-size="11" font-style="italic" font-weight="bold" fill="${style.colour}"${HALO} text-anchor="middle">${NOT_ASSESSED_SHORT}</text>`,
      );
    });
    parts.push('</g>');
  });

  if (legend) {
    parts.push('<g class="legend" font-size="12" fill="#1d2125">');
    series.forEach((s, n) => {
      const style = STYLES[n % STYLES.length];
      const y = 2 * (PAD_Y + r) + n * LEGEND_ROW + 12;
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
      parts.push(
        `<line x1="${PAD_X}" y1="${y}" x2="${PAD_X + 32}" y2="${y}" stroke="${style.colour}" stroke-width="2"${dash}/>`,
        marker(style.marker, PAD_X + 16, y, style.colour),
        `<text x="${PAD_X + 40}" y="${y + 4}">${xml(s.name)}</text>`,
      );
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}
