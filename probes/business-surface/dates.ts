// Dates written in page text, and ages relative to the audit start. A changelog or blog page shows
// its entries' dates as text ("12 November 2026", "Nov 12, 2026", "2026-11-12", "12.11.2026"); the
// crawl keeps no <time datetime> attributes, so the newest plausible date is read from the words.
// Ages are whole days between a date and the audit's crawl start (Snapshot.startedAt), never the
// clock, so scoring stays deterministic. Pure.
//
// Formats read (month names in English, German, French, Spanish, Italian, Dutch and Portuguese,
// full or abbreviated, any case):
//   ISO 8601 calendar dates   2026-11-03, 2026-11-03T10:00:00Z (the date part), 2026/11/03
//   day month year            3 November 2026, 3rd Nov 2026, 3. November 2026, 1er novembre 2026,
//                             3 de noviembre de 2026
//   month day year            November 3, 2026, Nov. 3rd 2026
//   day.month.year            03.11.2026, 3.11.2026 (the European numeric order)
// Not read: 11/03/2026 and 03/11/2026 (month-first in the US, day-first elsewhere: ambiguous),
// two-digit years, and dates without a day ("November 2026": an entry's day is unknown).

const DAY_MS = 24 * 3600 * 1000;
/** Text read at most per page: changelogs put the newest entries near the top, and this bounds the work on a hostile page. */
export const MAX_TEXT_CHARS = 400_000;
/** Dates considered at most per page. */
export const MAX_DATES = 5_000;
/** The web's developer portals are younger than this: an earlier year is a version number or a citation. */
export const MIN_YEAR = 1995;
/** A date up to this long after the audit start is a time-zone edge (a publisher ahead of UTC), not a typo. */
export const FUTURE_TOLERANCE_MS = DAY_MS;

const MONTHS: Record<string, number> = {};
function months(names: string, ...extra: string[][]): void {
  names.split(' ').forEach((n, i) => (MONTHS[n] = i + 1));
  for (const [name, month] of extra) MONTHS[name] = Number(month);
}
// Full names per language, then abbreviations (a trailing '.' is matched separately).
months('january february march april may june july august september october november december');
months('jan feb mar apr may jun jul aug sep oct nov dec', ['sept', '9']);
months('januar februar märz april mai juni juli august september oktober november dezember', ['jänner', '1'], ['maerz', '3']);
months('jan feb mär apr mai jun jul aug sep okt nov dez', ['mrz', '3']);
months('janvier février mars avril mai juin juillet août septembre octobre novembre décembre', ['fevrier', '2'], ['aout', '8'], ['decembre', '12']);
months('janv févr mars avr mai juin juil août sept oct nov déc', ['fevr', '2'], ['dec', '12']);
months('enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre', ['setiembre', '9']);
months('ene feb mar abr may jun jul ago sep oct nov dic');
months('gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre');
months('gen feb mar apr mag giu lug ago set ott nov dic');
months('januari februari maart april mei juni juli augustus september oktober november december');
months('jan feb mrt apr mei jun jul aug sep okt nov dec');
months('janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro', ['marco', '3']);
months('jan fev mar abr mai jun jul ago set out nov dez');

// Longest names first, so "june" wins over "jun" inside the alternation.
const MONTH_ALT = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const ORDINAL = '(?:st|nd|rd|th|er|e|º|°|\\.)?';

/** One pass over the text; each alternative captures (year, month, day) in its own groups. */
const DATE_RE = new RegExp(
  [
    // ISO: 2026-11-03 or 2026/11/03 (not part of a longer number or a version like 1.2026-11-03).
    `(?<![\\p{N}.\\-/])(?<isoY>\\d{4})(?<isoSep>[-/])(?<isoM>\\d{2})\\k<isoSep>(?<isoD>\\d{2})(?![\\p{N}]|[-/]\\d)`,
    // Day month year: 3 November 2026, 3. Nov. 2026, 3 de noviembre de 2026, 1er novembre 2026.
    `${NOT_LETTER_BEFORE}(?<dmyD>\\d{1,2})${ORDINAL}[ \\t\\u00a0]*(?:de[ \\t\\u00a0]+)?(?<dmyM>${MONTH_ALT})\\.?,?[ \\t\\u00a0]+(?:de[ \\t\\u00a0]+)?(?<dmyY>\\d{4})${NOT_LETTER_AFTER}`,
    // Month day year: November 3, 2026; Nov. 3rd 2026.
    `${NOT_LETTER_BEFORE}(?<mdyM>${MONTH_ALT})\\.?[ \\t\\u00a0]+(?<mdyD>\\d{1,2})(?:st|nd|rd|th)?,?[ \\t\\u00a0]+(?<mdyY>\\d{4})${NOT_LETTER_AFTER}`,
    // Day.month.year: 03.11.2026 (not inside a version number such as 1.03.11.2026).
    `(?<![\\p{N}.])(?<dotD>\\d{1,2})\\.(?<dotM>\\d{1,2})\\.(?<dotY>\\d{4})(?![\\p{N}]|\\.\\d)`,
  ].join('|'),
  'giu',
);

export interface TextDate {
  /** The calendar date, YYYY-MM-DD. */
  date: string;
  /** UTC midnight of that date, in ms. */
  ms: number;
  /** The words it was read from. */
  quote: string;
}

export interface NewestDate {
  /** The newest plausible date, YYYY-MM-DD; null when the text has none. */
  newest: string | null;
  /** The words the newest date was read from, with a little context. */
  quote: string | null;
  /** Plausible dates read. */
  count: number;
  /** Dates ignored as implausible (before MIN_YEAR or later than the audit start + 1 day). */
  ignored: number;
}

export interface DateWindow {
  /** The audit start in ms: dates later than this plus FUTURE_TOLERANCE_MS are ignored. */
  notAfterMs: number;
}

/** UTC midnight of a real calendar date, or null (31 February, month 13 …). */
export function calendarDateMs(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function monthOf(name: string): number | undefined {
  const key = name.toLowerCase();
  return Object.hasOwn(MONTHS, key) ? MONTHS[key] : undefined;
}

/** Every calendar date written in `text` (first MAX_TEXT_CHARS characters, first MAX_DATES dates), in text order. */
export function datesInText(text: string): TextDate[] {
  // NFC: "März" typed with a combining diaeresis must still match the month list.
  const input = (text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text).normalize('NFC');
  const out: TextDate[] = [];
  for (const m of input.matchAll(DATE_RE)) {
    const g = m.groups ?? {};
    let y: number;
    let mo: number | undefined;
    let d: number;
    if (g.isoY) [y, mo, d] = [Number(g.isoY), Number(g.isoM), Number(g.isoD)];
    else if (g.dmyY) [y, mo, d] = [Number(g.dmyY), monthOf(g.dmyM), Number(g.dmyD)];
    else if (g.mdyY) [y, mo, d] = [Number(g.mdyY), monthOf(g.mdyM), Number(g.mdyD)];
    else [y, mo, d] = [Number(g.dotY), Number(g.dotM), Number(g.dotD)];
    const ms = mo === undefined ? null : calendarDateMs(y, mo, d);
    if (ms === null) continue;
    out.push({ date: `${pad(y, 4)}-${pad(mo!)}-${pad(d)}`, ms, quote: m[0] });
    if (out.length >= MAX_DATES) break;
  }
  return out;
}

/** The newest plausible date in the text: not before MIN_YEAR, not after the audit start + 1 day. */
export function newestDateInText(text: string, window: DateWindow): NewestDate {
  const earliest = Date.UTC(MIN_YEAR, 0, 1);
  const latest = window.notAfterMs + FUTURE_TOLERANCE_MS;
  let best: TextDate | null = null;
  let count = 0;
  let ignored = 0;
  for (const d of datesInText(text)) {
    if (d.ms < earliest || d.ms > latest) {
      ignored++;
      continue;
    }
    count++;
    if (!best || d.ms > best.ms) best = d;
  }
  return { newest: best?.date ?? null, quote: best?.quote ?? null, count, ignored };
}

export { ageInDays, type Age } from '../../src/util/age.js';
