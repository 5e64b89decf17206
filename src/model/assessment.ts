// Assessor input: scores for practices that only a person can judge (or to override probe
// evidence), supplied to an audit as YAML or JSON:
//
//   practices:
//     public-pricing: { score: pass, note: "Plans table at /pricing" }
//     status-page: 0.5            # shorthand: a score alone
//     mcp-server: notApplicable
//
// A score is a number in 0..1 or one of pass | partial | fail | notApplicable. Unknown practice
// ids and bad scores are rejected together in one AssessmentInvalidError that names them.
import { parse as parseYaml } from 'yaml';
import { AssessmentInvalidError } from '../errors.js';
import type { PracticeStatus } from '../contract/index.js';
import { statusFromScore, unitScore } from './numbers.js';
import type { Assessment, AssessorScore, Model } from './types.js';
import { isRecord } from '../util/is-record.js';

/** Assessor files are hand-written; anything larger is a mistake or an attack. */
export const MAX_ASSESSMENT_BYTES = 1_000_000;
/** YAML aliases needed by a hand-written file are few; a cap defeats "billion laughs" bombs. */
export const MAX_YAML_ALIASES = 50;

const WORD_SCORES = { pass: 1, partial: 0.5, fail: 0, notApplicable: 0 } as const;

// User-facing strings.
const T = {
  tooLarge: 'The assessment is larger than {max} bytes',
  unparsable: 'The assessment is not valid {format}: {message}',
  invalid: 'The assessment is invalid:\n- {problems}',
  notObject: 'the assessment must be an object with a "practices" map',
  practicesNotObject: '"practices" must be a map from practice id to score',
  unknownTopKey: 'unknown top-level key "{key}" (expected "practices")',
  badScore: 'practice "{id}": score must be a number from 0 to 1 or one of pass, partial, fail, notApplicable (got {got})',
  badNote: 'practice "{id}": note must be a string',
  badEntry: 'practice "{id}": expected a score or { score, note }',
  unknownEntryKey: 'practice "{id}": unknown key "{key}"',
  unknownId: 'unknown practice id "{id}"',
  badId: '"{id}" is not a practice id (ids are kebab-case)',
} as const;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(values, k) ? String(values[k]) : m));
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isScore(v: unknown): v is AssessorScore {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && v <= 1;
  return typeof v === 'string' && Object.hasOwn(WORD_SCORES, v);
}

/**
 * Parses assessor input. With `model`, practice ids are checked against it.
 * @throws AssessmentInvalidError naming every unknown id and bad score.
 */
export function parseAssessment(text: string, format: 'yaml' | 'json', model?: Model): Assessment {
  if (Buffer.byteLength(text, 'utf8') > MAX_ASSESSMENT_BYTES) {
    throw new AssessmentInvalidError(fill(T.tooLarge, { max: MAX_ASSESSMENT_BYTES }), { format });
  }
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new AssessmentInvalidError(fill(T.unparsable, { format: format.toUpperCase(), message }), { format });
  }
  const assessment = toAssessment(data);
  if (model) assertAssessmentMatches(assessment, model);
  return assessment;
}

/** Checks the shape of parsed data and normalises shorthand entries to `{ score, note? }`. */
export function toAssessment(data: unknown): Assessment {
  const problems: string[] = [];
  const practices: Assessment['practices'] = {};
  if (!isRecord(data)) throw invalid([T.notObject]);
  for (const key of Object.keys(data)) if (key !== 'practices') problems.push(fill(T.unknownTopKey, { key }));
  if (!isRecord(data.practices)) throw invalid([...problems, T.practicesNotObject]);
  for (const [id, entry] of Object.entries(data.practices)) {
    // Also keeps keys such as "__proto__" out of the result object.
    if (!KEBAB.test(id)) { problems.push(fill(T.badId, { id })); continue; }
    if (isScore(entry)) { practices[id] = { score: entry }; continue; }
    if (!isRecord(entry)) {
      problems.push(typeof entry === 'number' || typeof entry === 'string'
        ? fill(T.badScore, { id, got: JSON.stringify(entry) })
        : fill(T.badEntry, { id }));
      continue;
    }
    let ok = true;
    if (!isScore(entry.score)) { problems.push(fill(T.badScore, { id, got: JSON.stringify(entry.score) ?? 'nothing' })); ok = false; }
    if (entry.note !== undefined && typeof entry.note !== 'string') { problems.push(fill(T.badNote, { id })); ok = false; }
    for (const key of Object.keys(entry)) {
      if (key !== 'score' && key !== 'note') { problems.push(fill(T.unknownEntryKey, { id, key })); ok = false; }
    }
    if (ok) practices[id] = entry.note === undefined ? { score: entry.score as AssessorScore } : { score: entry.score as AssessorScore, note: entry.note as string };
  }
  if (problems.length > 0) throw invalid(problems);
  return { practices };
}

/** @throws AssessmentInvalidError when the assessment names practices the model does not have. */
export function assertAssessmentMatches(assessment: Assessment, model: Model): void {
  const known = new Set(model.practices.map((p) => p.id));
  const unknownIds = Object.keys(assessment.practices).filter((id) => !known.has(id)).sort();
  if (unknownIds.length > 0) throw invalid(unknownIds.map((id) => fill(T.unknownId, { id })), { unknownIds });
}

/** An assessor score as the practice's 0..1 score and status. */
export function assessorScore(score: AssessorScore): { score: number; status: PracticeStatus } {
  if (score === 'notApplicable') return { score: 0, status: 'notApplicable' };
  const n = typeof score === 'number' ? unitScore(score) : WORD_SCORES[score];
  return { score: n, status: statusFromScore(n) };
}

function invalid(problems: string[], extra: Record<string, unknown> = {}): AssessmentInvalidError {
  return new AssessmentInvalidError(fill(T.invalid, { problems: problems.join('\n- ') }), { problems, ...extra });
}
