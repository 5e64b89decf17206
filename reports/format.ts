// Small formatting helpers shared by the renderers: durations, sizes, dates, scores, and the rule
// that decides which URLs may become links.
import { TEXT } from './labels.js';

/** Cuts `text` to at most `max` characters (code points), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** "3 ms", "12.3 s", "2 min 05 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** "512 B", "3.4 kB", "12.0 MB" (SI units). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The calendar date (UTC) of an ISO timestamp, or the text itself when it does not parse. */
export function formatDate(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 10);
}

/** 0–100 scores are shown as whole numbers. */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? String(Math.round(score)) : '–';
}

/** Whole numbers with thousands separators, the same on every machine ("18,422"). */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

/** A 0..1 practice score with two decimals. */
export function formatPracticeScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(2) : '–';
}

/** "2 clicks", "1 click", "not found". */
export function formatClickDepth(depth: number | null): string {
  if (depth === null) return TEXT.notFound;
  return `${depth} click${depth === 1 ? '' : 's'}`;
}

/** Only http and https URLs become links; anything else (javascript:, data:, relative) is text. */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Host and path of a URL for a link label ("docs.example.com/pricing"), cut to `max` characters. */
export function shortUrl(url: string, max = 60): string {
  try {
    const u = new URL(url);
    const path = u.pathname === '/' ? '' : u.pathname;
    return truncate(`${u.host}${path}${u.search}`, max);
  } catch {
    return truncate(url, max);
  }
}
