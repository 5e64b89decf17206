// How old a dated thing (a feed entry, a sitemap lastmod, a changelog entry) was when the audit
// started. Probes compute ages against the crawl's start time, never the clock, so that scoring stays
// pure and a stored audit scores the same tomorrow.
const DAY_MS = 24 * 3600 * 1000;

export interface Age {
  /** Whole days from the date to the reference (floor); 0 for a date after it. */
  days: number;
  /** The date is later than the reference (clamped to 0 days). */
  future: boolean;
}

/**
 * Age of `date` (an ISO date or date-time; a date alone counts as UTC midnight) at `reference`
 * (the audit start, ISO). Null when either does not parse. Whole days are floored: an entry 23
 * hours old is 0 days old.
 */
export function ageInDays(date: string | null | undefined, reference: string | number | Date | null | undefined): Age | null {
  if (!date || reference === null || reference === undefined) return null;
  const t = Date.parse(date);
  const ref = reference instanceof Date ? reference.getTime() : typeof reference === 'number' ? reference : Date.parse(reference);
  if (!Number.isFinite(t) || !Number.isFinite(ref)) return null;
  const diff = ref - t;
  if (diff < 0) return { days: 0, future: true };
  return { days: Math.floor(diff / DAY_MS), future: false };
}
