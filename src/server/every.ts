// Schedule intervals: "30m", "1h", "1d", "2w" or a number of seconds. Pure.
import { UsageError } from '../errors.js';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 };
export const EVERY_PATTERN = '^[1-9][0-9]{0,5}[smhdw]$';
const EVERY_RE = new RegExp(EVERY_PATTERN);
const MAX_SECONDS = 366 * 86_400;

const TEXT = {
  format: '"every" must be a number of seconds or a duration such as "30m", "1h", "1d" (got {got})',
  tooShort: '"every" must be at least {min} seconds on this server (got {got})',
  tooLong: '"every" must be at most one year (got {got} seconds)',
};

/** @throws UsageError for a malformed, too short or too long interval. */
export function parseEvery(every: string | number, minSeconds: number): number {
  let seconds: number;
  if (typeof every === 'number') {
    seconds = every;
  } else if (EVERY_RE.test(every)) {
    seconds = Number(every.slice(0, -1)) * UNIT_SECONDS[every.slice(-1)];
  } else {
    throw new UsageError(TEXT.format.replace('{got}', JSON.stringify(every)));
  }
  if (!Number.isInteger(seconds) || seconds <= 0) throw new UsageError(TEXT.format.replace('{got}', JSON.stringify(every)));
  if (seconds < minSeconds) throw new UsageError(TEXT.tooShort.replace('{min}', String(minSeconds)).replace('{got}', String(seconds)));
  if (seconds > MAX_SECONDS) throw new UsageError(TEXT.tooLong.replace('{got}', String(seconds)));
  return seconds;
}
