// Evaluates one practice's evidence rule against probe facts and fit-check answers. Pure and
// deterministic. Three outcomes: scored (0..1), unknown (the evidence is not there: a probe failed,
// was skipped, or did not report the fact; the practice then needs an assessor) and notApplicable.
//
// Decisions, each tested in test/model/rules.test.ts:
// - A probe that errored, was skipped or did not run makes its rules unknown, never a fail: we
//   cannot blame the portal for our own failure.
// - A fact the probe did not report (undefined) is unknown. `null` is a reported value: falsy and
//   empty for the presence ops, "not measured" (unknown) for the numeric ops.
// - gte/lte compare numbers; a list compares by its length. Partial credit there is 0.5.
// - ratio: pass (1) at >= value; partial scoring the ratio itself at >= partialAt; else fail (0).
// - all: a failing child fails it (even if another is unknown); else any unknown makes it unknown;
//   else the lowest score. any: a passing child passes it; else any unknown makes it unknown; else
//   the highest score. notApplicable children are ignored; if all are, the rule is notApplicable.
import type { Evidence, FitCheckEntry } from '../contract/index.js';
import { CHECKS } from './checks.js';
import { unitScore } from './numbers.js';
import type { CheckRule, FactRule, FactTest, FactsByProbe, FitCheckRule, Outcome, Rule } from './types.js';

// User-facing strings.
export const NOTES = {
  probeFailed: 'evidence unavailable: probe {probe} failed',
  probeSkipped: 'evidence unavailable: probe {probe} was skipped',
  probeMissing: 'evidence unavailable: probe {probe} did not run',
  factMissing: 'evidence unavailable: probe {probe} did not report {fact}',
  notMeasured: '{probe}: {fact} was not measured ({value})',
  notNumber: '{probe}: {fact} is not a number ({value})',
  fact: '{probe}: {fact} = {value} ({expect})',
  checkCrashed: 'evidence unavailable: check {check} could not judge the facts ({message})',
  manual: 'needs an assessor: {hint}',
  fitCheckNotRun: 'evidence unavailable: the fit-check did not run',
  fitCheckNotAsked: 'evidence unavailable: fit-check question {id} was not asked',
  fitCheckAnswered: 'fit-check: "{question}" answered with a verified quote',
  fitCheckUnanswered: 'fit-check: "{question}" could not be answered from the portal with a verified quote',
} as const;

export interface RuleContext {
  facts: FactsByProbe;
  fitCheck: readonly FitCheckEntry[];
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m));
}

export function evaluateRule(rule: Rule, ctx: RuleContext): Outcome {
  switch (rule.type) {
    case 'fact': return evaluateFact(rule, ctx);
    case 'check': return evaluateCheck(rule, ctx);
    case 'fitCheck': return evaluateFitCheck(rule, ctx);
    case 'manual': return { kind: 'unknown', evidence: [{ note: fill(NOTES.manual, { hint: rule.hint }) }], sources: [] };
    case 'all':
    case 'any': return combine(rule.type, rule.rules.map((r) => evaluateRule(r, ctx)));
  }
}

/** Why a probe's facts cannot be used, or undefined when it ran cleanly. */
function probeUnavailable(probe: string, facts: FactsByProbe): string | undefined {
  const entry = Object.hasOwn(facts, probe) ? facts[probe] : undefined;
  if (!entry) return fill(NOTES.probeMissing, { probe });
  if (entry.status === 'error') return fill(NOTES.probeFailed, { probe });
  if (entry.status === 'skipped') return fill(NOTES.probeSkipped, { probe });
  return undefined;
}

/** Reads a dotted path through own properties only (and `length` of lists and strings). */
export function readFact(facts: unknown, path: string): { found: boolean; value?: unknown } {
  let cur: unknown = facts;
  for (const seg of path.split('.')) {
    if ((Array.isArray(cur) || typeof cur === 'string') && seg === 'length') { cur = cur.length; continue; }
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return { found: false };
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur === undefined ? { found: false } : { found: true, value: cur };
}

function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

/** Short, bounded rendering of a fact value for evidence notes. */
export function formatValue(v: unknown): string {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}…` : v);
  if (Array.isArray(v)) {
    if (v.length === 0) return 'none';
    const shown = v.slice(0, 3).map((x) => (typeof x === 'object' && x !== null ? '{…}' : formatValue(x))).join(', ');
    return `${v.length} item${v.length === 1 ? '' : 's'}: ${shown}${v.length > 3 ? ', …' : ''}`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const shown = entries.slice(0, 3).map(([k, x]) => `${k}: ${typeof x === 'object' && x !== null ? '{…}' : formatValue(x)}`).join(', ');
    return `{${shown}${entries.length > 3 ? ', …' : ''}}`;
  }
  return String(v);
}

function expectation(test: FactTest): string {
  const partial = (sign: string): string => (test.partialAt === undefined ? '' : `, partial at ${sign} ${test.partialAt}`);
  switch (test.op) {
    case 'truthy': return 'expected true';
    case 'falsy': return 'expected false';
    case 'nonEmpty': return 'expected some';
    case 'empty': return 'expected none';
    case 'eq': return `expected ${formatValue(test.value)}`;
    case 'gte': return `pass at ≥ ${test.value}${partial('≥')}`;
    case 'lte': return `pass at ≤ ${test.value}${partial('≤')}`;
    case 'ratio': return `pass at ≥ ${test.value ?? 1}${partial('≥')}`;
  }
}

/**
 * Applies a test to a reported value. `null` score means the value cannot be judged by this op
 * (`reason` says why).
 */
export function applyTest(test: FactTest, value: unknown): { score: number | null; reason?: 'notMeasured' | 'notNumber' } {
  switch (test.op) {
    case 'truthy': return { score: value ? 1 : 0 };
    case 'falsy': return { score: value ? 0 : 1 };
    case 'nonEmpty': return { score: isEmptyValue(value) ? 0 : 1 };
    case 'empty': return { score: isEmptyValue(value) ? 1 : 0 };
    case 'eq': return { score: value === test.value ? 1 : 0 };
    default: break;
  }
  if (value === null) return { score: null, reason: 'notMeasured' };
  const n = Array.isArray(value) && test.op !== 'ratio' ? value.length : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return { score: null, reason: 'notNumber' };
  const target = test.op === 'ratio' ? (test.value as number | undefined) ?? 1 : (test.value as number);
  if (test.op === 'lte') {
    if (n <= target) return { score: 1 };
    return { score: test.partialAt !== undefined && n <= test.partialAt ? 0.5 : 0 };
  }
  if (n >= target) return { score: 1 };
  if (test.partialAt === undefined || n < test.partialAt) return { score: 0 };
  return { score: test.op === 'ratio' ? unitScore(n) : 0.5 };
}

function evaluateFact(rule: FactRule, ctx: RuleContext): Outcome {
  const unavailable = probeUnavailable(rule.probe, ctx.facts);
  if (unavailable) return { kind: 'unknown', evidence: [{ note: unavailable }], sources: [] };
  const facts = ctx.facts[rule.probe].facts ?? {};
  const url = typeof facts.url === 'string' ? facts.url : undefined;
  const ev = (note: string): Evidence[] => [url ? { url, note } : { note }];
  const { found, value } = readFact(facts, rule.fact);
  const vars = { probe: rule.probe, fact: rule.fact, value: formatValue(value) };
  if (!found) return { kind: 'unknown', evidence: [{ note: fill(NOTES.factMissing, vars) }], sources: [] };
  const { score, reason } = applyTest(rule.test, value);
  if (score === null) return { kind: 'unknown', evidence: ev(fill(NOTES[reason ?? 'notNumber'], vars)), sources: ['probe'] };
  return { kind: 'scored', score: unitScore(score), evidence: ev(fill(NOTES.fact, { ...vars, expect: expectation(rule.test) })), sources: ['probe'] };
}

function evaluateCheck(rule: CheckRule, ctx: RuleContext): Outcome {
  const check = CHECKS[rule.check];
  const probes = [...new Set(check.uses.map((u) => u.split('.')[0]))];
  const input: Record<string, Record<string, unknown>> = {};
  for (const probe of probes) {
    const unavailable = probeUnavailable(probe, ctx.facts);
    if (unavailable) return { kind: 'unknown', evidence: [{ note: unavailable }], sources: [] };
    input[probe] = ctx.facts[probe].facts ?? {};
  }
  let result;
  try {
    result = check.run(input);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { kind: 'unknown', evidence: [{ note: fill(NOTES.checkCrashed, { check: rule.check, message }) }], sources: [] };
  }
  if ('notApplicable' in result) return { kind: 'notApplicable', evidence: result.evidence, sources: ['probe'] };
  if (result.score === null || !Number.isFinite(result.score)) return { kind: 'unknown', evidence: result.evidence, sources: ['probe'] };
  return { kind: 'scored', score: unitScore(result.score), evidence: result.evidence, sources: ['probe'] };
}

/** A question counts as answered only when the answer is backed by at least one verified quote. */
function evaluateFitCheck(rule: FitCheckRule, ctx: RuleContext): Outcome {
  if (ctx.fitCheck.length === 0) return { kind: 'unknown', evidence: [{ note: NOTES.fitCheckNotRun }], sources: [] };
  const byId = new Map<string, FitCheckEntry>();
  for (const e of ctx.fitCheck) if (!byId.has(e.id)) byId.set(e.id, e);
  const evidence: Evidence[] = [];
  let answered = 0;
  let missing = 0;
  for (const id of rule.questions) {
    const entry = byId.get(id);
    if (!entry) { missing++; evidence.push({ note: fill(NOTES.fitCheckNotAsked, { id }) }); continue; }
    const verified = entry.answerable ? (entry.citations ?? []).filter((c) => c.verified) : [];
    if (verified.length > 0) {
      answered++;
      const c = verified[0];
      evidence.push({ url: c.url, note: fill(NOTES.fitCheckAnswered, { question: entry.question }), quote: c.quote });
    } else {
      evidence.push({ note: fill(NOTES.fitCheckUnanswered, { question: entry.question }) });
    }
  }
  const asked = rule.questions.length - missing;
  if (rule.need === 'any') {
    if (answered > 0) return { kind: 'scored', score: 1, evidence, sources: ['fitCheck'] };
    if (missing > 0) return { kind: 'unknown', evidence, sources: [] };
    return { kind: 'scored', score: 0, evidence, sources: ['fitCheck'] };
  }
  if (missing > 0) return { kind: 'unknown', evidence, sources: [] };
  return { kind: 'scored', score: unitScore(answered / asked), evidence, sources: ['fitCheck'] };
}

function combine(type: 'all' | 'any', outcomes: Outcome[]): Outcome {
  const live = outcomes.filter((o) => o.kind !== 'notApplicable');
  const sourcesOf = (os: Outcome[]): Outcome['sources'] => [...new Set(os.flatMap((o) => o.sources))];
  const evidenceOf = (os: Outcome[]): Evidence[] => dedupe(os.flatMap((o) => o.evidence));
  if (live.length === 0) return { kind: 'notApplicable', evidence: evidenceOf(outcomes), sources: sourcesOf(outcomes) };
  const scored = live.filter((o): o is Extract<Outcome, { kind: 'scored' }> => o.kind === 'scored');
  const unknown = live.filter((o) => o.kind === 'unknown');
  const decisive = type === 'all' ? scored.filter((o) => o.score === 0) : scored.filter((o) => o.score === 1);
  if (decisive.length > 0) {
    return { kind: 'scored', score: type === 'all' ? 0 : 1, evidence: evidenceOf(decisive), sources: sourcesOf(decisive) };
  }
  if (unknown.length > 0) return { kind: 'unknown', evidence: evidenceOf(live), sources: sourcesOf(live) };
  const scores = scored.map((o) => o.score);
  const score = type === 'all' ? Math.min(...scores) : Math.max(...scores);
  return { kind: 'scored', score, evidence: evidenceOf(scored), sources: sourcesOf(scored) };
}

/** Drops repeated notes (two rules on one failed probe would otherwise say so twice). */
function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = JSON.stringify([e.url ?? null, e.note, e.quote ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
