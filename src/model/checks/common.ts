// Shared types and small pure helpers for the named checks (src/model/checks/*.ts). A check reads
// only the probe facts it declares in `uses`, never throws on odd values (a malformed fact is
// "cannot tell": score null) and cites its evidence.
import type { Evidence } from '../../contract/index.js';

export type CheckOutcome =
  | { score: number; evidence: Evidence[] }
  /** The facts cannot decide it (e.g. no agents to judge): the practice is reported as manual. */
  | { score: null; evidence: Evidence[] }
  | { notApplicable: true; evidence: Evidence[] };

/** Facts per probe id, as the scorer hands them to a check (only the probes in `uses`). */
export type CheckFacts = Record<string, Record<string, unknown>>;

export interface NamedCheck {
  /** `probe.fact` paths the check reads; validated against known-probes.ts. */
  uses: string[];
  description: string;
  /**
   * True when the check only decides whether the practice applies (notApplicable) and otherwise
   * leaves it to an assessor (score null): such practices are not counted as decided automatically.
   */
  applicabilityOnly?: boolean;
  run(facts: CheckFacts): CheckOutcome;
}

/** At most this many per-item notes, so a long list cannot flood the report. */
export const MAX_NOTES = 8;

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m));
}

export function withUrl(note: string, url: string | null | undefined): Evidence {
  return url ? { url, note } : { note };
}

/** A fact that should be a list: the list, or undefined when it is not one. */
export function listOf(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** Strings of a list fact (other entries dropped); undefined when it is not a list. */
export function stringsOf(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter(isText) : undefined;
}

/** Percent with no decimals, for notes. */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * A share judged against two thresholds: 1 at >= pass, the share itself (partial) at >= partial,
 * 0 below. Mirrors the `ratio` fact test (rules.ts) so checks and facts give partial credit alike.
 */
export function shareScore(share: number, pass: number, partial: number): number {
  if (share >= pass) return 1;
  return share >= partial ? share : 0;
}

/** Notes for the first MAX_NOTES items, then one "… and n more" note. */
export function boundedNotes<T>(items: readonly T[], note: (item: T) => Evidence, more: (n: number) => string): Evidence[] {
  const out = items.slice(0, MAX_NOTES).map(note);
  if (items.length > MAX_NOTES) out.push({ note: more(items.length - MAX_NOTES) });
  return out;
}

/** origin + path of a URL (query and fragment dropped); the input when it does not parse. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return url;
  }
}
