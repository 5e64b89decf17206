// Retry-After (RFC 9110 §10.2.3): either delay-seconds or an HTTP-date. Used on 429 (RFC 6585 §4)
// and 503 so that a portal asking us to slow down is listened to, within a bounded wait.

/** Milliseconds to wait, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date always names a weekday and GMT; refusing other text keeps Date.parse's
  // leniency (it accepts "1" or "tomorrow"-like junk on some engines) out of the way.
  if (!/GMT$/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Statuses whose Retry-After we honour. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}
