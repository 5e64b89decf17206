// The CI quality gate: `--fail-under <n>` on the overall score and `--fail-under-lens name=n` per
// lens. Parsing turns bad flags into usage errors (exit 2) before any audit runs; evaluation is
// pure (Report in, verdict out) and the CLI exits 1 with one line built by `gateReason`.
import { UsageError } from '../errors.js';
import { LENSES, type LensId, type Report } from '../contract/index.js';
import { lensAssessed } from '../../reports/summary.js';

/** Flags the gate adds to `audit` and `compare` (node:util parseArgs options). */
export const GATE_ARG_OPTIONS = {
  'fail-under': { type: 'string' },
  'fail-under-lens': { type: 'string', multiple: true },
  'summary-json': { type: 'string' },
} as const;

const WORDS = {
  badNumber: (flag: string, value: string) => `${flag} needs a score from 0 to 100, not "${value}"`,
  badLensForm: (value: string) => `--fail-under-lens takes name=score (e.g. aiVisibility=50), not "${value}"`,
  badLens: (name: string) => `Unknown lens "${name}" in --fail-under-lens (choose from ${LENSES.join(', ')})`,
  duplicateLens: (name: string) => `--fail-under-lens ${name} is given more than once`,
  failed: 'quality gate failed',
  notAssessed: 'not assessed',
} as const;

export interface GateSpec {
  /** Minimum overall score (0–100). */
  overall?: number;
  /** Minimum score per lens (0–100). */
  lenses: Partial<Record<LensId, number>>;
}

export interface GateCheck {
  name: 'overall' | LensId;
  threshold: number;
  actual: number;
  /** False for a lens with no scored practice: its 0 is a missing measurement, and it fails the gate. */
  assessed: boolean;
  passed: boolean;
}

export interface GateResult {
  passed: boolean;
  checks: GateCheck[];
  /** One line naming every failed check; absent when the gate passed. */
  reason?: string;
}

function score(value: string, flag: string): number {
  const trimmed = value.trim();
  const n = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(WORDS.badNumber(flag, value));
  return n;
}

/** The gate from raw flag values; undefined when no gate flag was given. Throws UsageError on bad input. */
export function parseGate(failUnder: string | undefined, failUnderLens: readonly string[] | undefined): GateSpec | undefined {
  if (failUnder === undefined && (!failUnderLens || failUnderLens.length === 0)) return undefined;
  const spec: GateSpec = { lenses: {} };
  if (failUnder !== undefined) spec.overall = score(failUnder, '--fail-under');
  for (const entry of failUnderLens ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(WORDS.badLensForm(entry));
    const name = entry.slice(0, eq).trim();
    if (!(LENSES as readonly string[]).includes(name)) throw new UsageError(WORDS.badLens(name));
    const lens = name as LensId;
    if (spec.lenses[lens] !== undefined) throw new UsageError(WORDS.duplicateLens(lens));
    spec.lenses[lens] = score(entry.slice(eq + 1), `--fail-under-lens ${lens}`);
  }
  return spec;
}

/** Checks a report against the gate, overall first, then lenses in contract order. */
export function evaluateGate(report: Report, spec: GateSpec): GateResult {
  const checks: GateCheck[] = [];
  if (spec.overall !== undefined) {
    const actual = report.scores.overall;
    checks.push({ name: 'overall', threshold: spec.overall, actual, assessed: true, passed: actual >= spec.overall });
  }
  for (const lens of LENSES) {
    const threshold = spec.lenses[lens];
    if (threshold === undefined) continue;
    const actual = report.scores.lenses[lens];
    const assessed = lensAssessed(report, lens);
    // A lens nothing could score cannot show it meets a bar, unless the bar is 0.
    checks.push({ name: lens, threshold, actual, assessed, passed: actual >= threshold && (assessed || threshold === 0) });
  }
  const failed = checks.filter((c) => !c.passed);
  const result: GateResult = { passed: failed.length === 0, checks };
  if (failed.length > 0) result.reason = failed.map(describe).join('; ');
  return result;
}

function describe(check: GateCheck): string {
  const na = check.assessed ? '' : ` (${WORDS.notAssessed})`;
  return `${check.name} ${check.actual}${na} < ${check.threshold}`;
}

/** The one stderr line: "portalprobe: quality gate failed: overall 41.2 < 60". */
export function gateReason(result: GateResult): string {
  return `portalprobe: ${WORDS.failed}: ${result.reason ?? ''}`;
}
