// Validates maturity-model data (parsed JSON) and returns it as a typed, normalised Model. Every
// problem is collected and reported at once, named by the id it concerns, so that whoever edits
// model.v1.json sees the whole list in one run. Hand-written rather than a JSON Schema because the
// checks that matter most are cross-references (enablers, named checks, probe facts) and messages
// that name practice ids rather than array indexes.
import { ModelInvalidError } from '../errors.js';
import { FOCUS_AREAS, type FocusAreaId, LENSES, type LensId } from '../contract/index.js';
import { CHECKS } from './checks.js';
import { factPathProblem } from './known-probes.js';
import {
  TEST_OPS,
  type EnablerDef,
  type FactTest,
  type FocusAreaDef,
  type LensDef,
  type Model,
  type PracticeDef,
  type Rule,
  type Stage,
  type TestOp,
} from './types.js';
import { isRecord } from '../util/is-record.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Deeper nesting than this is a data mistake, and it bounds recursion. */
const MAX_RULE_DEPTH = 6;

const PRACTICE_KEYS = ['id', 'name', 'definition', 'enabler', 'stage', 'lenses', 'weight', 'weightWhy', 'roadmap', 'evidence'];
const RULE_KEYS: Record<Rule['type'], string[]> = {
  fact: ['type', 'probe', 'fact', 'test'],
  check: ['type', 'check'],
  fitCheck: ['type', 'questions', 'need'],
  manual: ['type', 'hint'],
  all: ['type', 'rules'],
  any: ['type', 'rules'],
};
const PRESENCE_OPS: TestOp[] = ['truthy', 'falsy', 'nonEmpty', 'empty'];

type Obj = Record<string, unknown>;
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function unknownKeys(o: Obj, allowed: string[]): string[] {
  return Object.keys(o).filter((k) => !allowed.includes(k));
}

/** Validates a parsed model; throws ModelInvalidError listing every problem. */
export function validateModel(data: unknown): Model {
  const problems: string[] = [];
  const add = (p: string): void => void problems.push(p);

  if (!isRecord(data)) throw new ModelInvalidError(['the model must be a JSON object']);
  if (!isText(data.id)) add('id must be a non-empty string');
  if (!isText(data.version)) add('version must be a non-empty string');
  if (data.schemaVersion !== 1) add(`schemaVersion must be 1, not ${JSON.stringify(data.schemaVersion)}`);

  const focusAreas = validateNamedList<FocusAreaId>(data.focusAreas, 'focus area', FOCUS_AREAS, add) as FocusAreaDef[];
  const lenses = validateNamedList<LensId>(data.lenses, 'lens', LENSES, add) as LensDef[];

  const enablers: EnablerDef[] = [];
  const enablerIds = new Set<string>();
  if (!Array.isArray(data.enablers)) add('enablers must be a list');
  for (const [i, e] of (Array.isArray(data.enablers) ? data.enablers : []).entries()) {
    if (!isRecord(e)) { add(`enablers[${i}] must be an object`); continue; }
    const label = isText(e.id) ? `enabler "${e.id}"` : `enablers[${i}]`;
    if (!isText(e.id) || !KEBAB.test(e.id)) add(`${label}: id must be kebab-case`);
    else if (enablerIds.has(e.id)) add(`${label}: duplicate id`);
    else enablerIds.add(e.id);
    if (!isText(e.name)) add(`${label}: name must be a non-empty string`);
    if (!isText(e.description)) add(`${label}: description must be a non-empty string`);
    if (!(FOCUS_AREAS as readonly unknown[]).includes(e.focusArea)) add(`${label}: unknown focus area ${JSON.stringify(e.focusArea)}`);
    for (const k of unknownKeys(e, ['id', 'name', 'focusArea', 'description'])) add(`${label}: unknown key "${k}"`);
    enablers.push({ id: String(e.id), name: String(e.name), focusArea: e.focusArea as FocusAreaId, description: String(e.description) });
  }

  const practices: PracticeDef[] = [];
  const practiceIds = new Set<string>();
  const usedEnablers = new Set<string>();
  if (!Array.isArray(data.practices) || data.practices.length === 0) add('practices must be a non-empty list');
  for (const [i, p] of (Array.isArray(data.practices) ? data.practices : []).entries()) {
    if (!isRecord(p)) { add(`practices[${i}] must be an object`); continue; }
    const label = isText(p.id) ? `practice "${p.id}"` : `practices[${i}]`;
    const at = (msg: string): void => add(`${label}: ${msg}`);
    if (!isText(p.id) || !KEBAB.test(p.id)) at('id must be kebab-case');
    else if (practiceIds.has(p.id)) at('duplicate id');
    else practiceIds.add(p.id);
    if (!isText(p.name)) at('name must be a non-empty string');
    if (!isText(p.definition)) at('definition must be a non-empty string');
    if (typeof p.enabler !== 'string' || !enablerIds.has(p.enabler)) at(`unknown enabler ${JSON.stringify(p.enabler)}`);
    else usedEnablers.add(p.enabler);
    if (p.stage !== 1 && p.stage !== 2 && p.stage !== 3) at(`stage must be 1, 2 or 3, not ${JSON.stringify(p.stage)}`);
    if (!Array.isArray(p.lenses) || p.lenses.length === 0) at('lenses must be a non-empty list');
    else {
      for (const l of p.lenses) if (!(LENSES as readonly unknown[]).includes(l)) at(`unknown lens ${JSON.stringify(l)}`);
      if (new Set(p.lenses).size !== p.lenses.length) at('lenses repeat');
    }
    const weight = p.weight === undefined ? 1 : p.weight;
    if (!isNum(weight) || weight <= 0) at(`weight must be a number > 0, not ${JSON.stringify(p.weight)}`);
    else if (weight !== 1 && !isText(p.weightWhy)) at(`weight ${weight} needs a "weightWhy" saying why`);
    if (p.weightWhy !== undefined && !isText(p.weightWhy)) at('weightWhy must be a non-empty string');
    if (p.roadmap !== undefined) validateRoadmap(p.roadmap, at);
    for (const k of unknownKeys(p, PRACTICE_KEYS)) at(`unknown key "${k}"`);
    validateRule(p.evidence, 'evidence', 0, at);
    practices.push({
      id: String(p.id),
      name: String(p.name),
      definition: String(p.definition),
      enabler: String(p.enabler),
      stage: p.stage as Stage,
      lenses: (Array.isArray(p.lenses) ? p.lenses : []) as LensId[],
      weight: isNum(weight) ? weight : 1,
      ...(isText(p.weightWhy) ? { weightWhy: p.weightWhy } : {}),
      ...(isRecord(p.roadmap) ? { roadmap: p.roadmap as unknown as NonNullable<PracticeDef['roadmap']> } : {}),
      evidence: p.evidence as Rule,
    });
  }
  for (const id of enablerIds) if (!usedEnablers.has(id)) add(`enabler "${id}": no practice belongs to it`);
  for (const k of unknownKeys(data, ['id', 'version', 'schemaVersion', 'focusAreas', 'lenses', 'enablers', 'practices', '$comment'])) {
    add(`unknown top-level key "${k}"`);
  }

  if (problems.length > 0) throw new ModelInvalidError(problems);
  return {
    id: String(data.id),
    version: String(data.version),
    schemaVersion: 1,
    focusAreas,
    lenses,
    enablers,
    practices,
  };
}

/** Focus areas and lenses: exactly the fixed ids of the report contract, each once. */
function validateNamedList<T extends string>(list: unknown, what: string, ids: readonly T[], add: (p: string) => void): { id: T; name: string; description: string }[] {
  const out: { id: T; name: string; description: string }[] = [];
  if (!Array.isArray(list)) { add(`${what} list is missing`); return out; }
  const seen = new Set<unknown>();
  for (const [i, item] of list.entries()) {
    if (!isRecord(item)) { add(`${what} [${i}] must be an object`); continue; }
    const label = `${what} ${JSON.stringify(item.id)}`;
    if (!(ids as readonly unknown[]).includes(item.id)) add(`unknown ${label} (expected one of ${ids.join(', ')})`);
    else if (seen.has(item.id)) add(`${label}: duplicate id`);
    seen.add(item.id);
    if (!isText(item.name)) add(`${label}: name must be a non-empty string`);
    if (!isText(item.description)) add(`${label}: description must be a non-empty string`);
    for (const k of unknownKeys(item, ['id', 'name', 'description'])) add(`${label}: unknown key "${k}"`);
    out.push({ id: item.id as T, name: String(item.name), description: String(item.description) });
  }
  for (const id of ids) if (!seen.has(id)) add(`${what} "${id}" is missing`);
  // Keep the contract's order whatever order the file uses.
  return out.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}

function validateRoadmap(r: unknown, at: (msg: string) => void): void {
  if (!isRecord(r)) { at('roadmap must be an object'); return; }
  if (r.priority !== undefined && r.priority !== 1 && r.priority !== 2 && r.priority !== 3) {
    at(`roadmap.priority must be 1, 2 or 3, not ${JSON.stringify(r.priority)}`);
  }
  if (!isText(r.why)) at('roadmap.why must be a non-empty string');
  if (!isText(r.done)) at('roadmap.done must be a non-empty string');
  for (const k of unknownKeys(r, ['priority', 'why', 'done'])) at(`roadmap: unknown key "${k}"`);
}

function validateRule(rule: unknown, path: string, depth: number, at: (msg: string) => void): void {
  if (!isRecord(rule)) { at(`${path} must be a rule object`); return; }
  if (depth > MAX_RULE_DEPTH) { at(`${path}: rules nest deeper than ${MAX_RULE_DEPTH}`); return; }
  const type = rule.type;
  if (typeof type !== 'string' || !Object.hasOwn(RULE_KEYS, type)) {
    at(`${path}: unknown rule type ${JSON.stringify(type)}`);
    return;
  }
  for (const k of unknownKeys(rule, RULE_KEYS[type as Rule['type']])) at(`${path}: unknown key "${k}"`);
  switch (type) {
    case 'fact': {
      if (!isText(rule.probe) || !isText(rule.fact)) { at(`${path}: a fact rule needs "probe" and "fact"`); break; }
      const problem = factPathProblem(rule.probe, rule.fact);
      if (problem) at(`${path}: ${problem}`);
      validateTest(rule.test, `${path}.test`, at);
      break;
    }
    case 'check':
      if (!isText(rule.check) || !Object.hasOwn(CHECKS, rule.check)) {
        at(`${path}: unknown check ${JSON.stringify(rule.check)} (known: ${Object.keys(CHECKS).join(', ')})`);
      } else {
        for (const use of CHECKS[rule.check].uses) {
          const [probe, ...fact] = use.split('.');
          const problem = factPathProblem(probe, fact.join('.'));
          if (problem) at(`${path}: check ${rule.check} uses ${use}: ${problem}`);
        }
      }
      break;
    case 'fitCheck': {
      const qs = rule.questions;
      if (!Array.isArray(qs) || qs.length === 0 || !qs.every(isText)) at(`${path}: a fitCheck rule must name its questions`);
      else if (new Set(qs).size !== qs.length) at(`${path}: fitCheck questions repeat`);
      if (rule.need !== 'all' && rule.need !== 'any') at(`${path}: need must be "all" or "any", not ${JSON.stringify(rule.need)}`);
      break;
    }
    case 'manual':
      if (!isText(rule.hint)) at(`${path}: a manual rule needs a "hint" for the assessor`);
      break;
    default: // all | any
      if (!Array.isArray(rule.rules) || rule.rules.length === 0) at(`${path}: "${type}" needs a non-empty "rules" list`);
      else rule.rules.forEach((r, i) => validateRule(r, `${path}.rules[${i}]`, depth + 1, at));
  }
}

function validateTest(test: unknown, path: string, at: (msg: string) => void): void {
  if (!isRecord(test)) { at(`${path} must be an object`); return; }
  const op = test.op as FactTest['op'];
  if (!(TEST_OPS as readonly unknown[]).includes(op)) { at(`${path}: unknown op ${JSON.stringify(test.op)} (known: ${TEST_OPS.join(', ')})`); return; }
  for (const k of unknownKeys(test, ['op', 'value', 'partialAt'])) at(`${path}: unknown key "${k}"`);
  const { value, partialAt } = test;
  if (PRESENCE_OPS.includes(op)) {
    if (value !== undefined || partialAt !== undefined) at(`${path}: op ${op} takes no value or partialAt`);
    return;
  }
  if (op === 'eq') {
    const primitive = value === null || ['string', 'number', 'boolean'].includes(typeof value);
    if (!primitive) at(`${path}: op eq needs a string, number, boolean or null value`);
    if (partialAt !== undefined) at(`${path}: op eq takes no partialAt`);
    return;
  }
  if (partialAt !== undefined && !isNum(partialAt)) at(`${path}: partialAt must be a number`);
  if (op === 'ratio') {
    const v = value === undefined ? 1 : value;
    if (!isNum(v) || v <= 0 || v > 1) { at(`${path}: op ratio needs a value in (0, 1]`); return; }
    if (isNum(partialAt) && (partialAt < 0 || partialAt >= v)) at(`${path}: ratio partialAt must be in [0, ${v})`);
    return;
  }
  // gte | lte
  if (!isNum(value)) { at(`${path}: op ${op} needs a numeric value`); return; }
  if (isNum(partialAt) && op === 'gte' && partialAt >= value) at(`${path}: gte partialAt must be below value ${value}`);
  if (isNum(partialAt) && op === 'lte' && partialAt <= value) at(`${path}: lte partialAt must be above value ${value}`);
}
