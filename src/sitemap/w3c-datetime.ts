// W3C Datetime (https://www.w3.org/TR/NOTE-datetime), the format sitemaps.org requires for
// <lastmod>: YYYY, YYYY-MM, YYYY-MM-DD, or a date with hh:mm[:ss[.s+]] and a time zone (Z or ±hh:mm).
// Google also accepts a date-time without a zone; the note requires one, so we flag it.

const PATTERN =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))?)?)?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `value` is a W3C datetime with in-range fields (a time needs a zone). */
export function isW3cDatetime(value: string): boolean {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const [, y, mo, d, hh, mm, ss, tz, tzh, tzm] = m;
  const year = Number(y);
  if (mo !== undefined) {
    const month = Number(mo);
    if (month < 1 || month > 12) return false;
    if (d !== undefined) {
      const day = Number(d);
      if (day < 1 || day > daysInMonth(year, month)) return false;
    }
  }
  if (hh !== undefined) {
    if (tz === undefined) return false;
    if (Number(hh) > 23 || Number(mm) > 59) return false;
    if (ss !== undefined && Number(ss) > 59) return false;
    if (tzh !== undefined && (Number(tzh) > 23 || Number(tzm) > 59)) return false;
  }
  return true;
}

/** Milliseconds since the epoch for a valid W3C datetime (partial dates start at their first instant). */
export function w3cDatetimeToMs(value: string): number | undefined {
  if (!isW3cDatetime(value)) return undefined;
  const padded = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
  const ms = Date.parse(padded.length === 10 ? `${padded}T00:00:00Z` : padded);
  return Number.isNaN(ms) ? undefined : ms;
}
