// Loads and validates fit-check question sets: the bundled prompts/questions/*.yaml plus any files a
// user passes with `--questions FILE`. A bad file is refused as a whole with every problem listed
// (QuestionsInvalidError, PP_ERR_QUESTIONS_INVALID). YAML is parsed with the `yaml` package with a
// low alias budget, unique keys and a size cap, so an alias bomb or a huge file fails fast.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import { QuestionsInvalidError } from '../errors.js';
import { packageRoot } from '../util/package-info.js';
import type { Persona, Question, QuestionSet } from './types.js';
import { isRecord } from '../util/is-record.js';

const TEXT = {
  tooLarge: (bytes: number, max: number) => `the file is ${bytes} bytes, more than the ${max} allowed`,
  yaml: (message: string) => `not valid YAML: ${message}`,
  notObject: 'the file must be a mapping with id, version, personas and questions',
  unknownKey: (where: string, key: string, allowed: readonly string[]) => `${where}: unknown key "${key}" (allowed: ${allowed.join(', ')})`,
  missing: (where: string, key: string) => `${where}: "${key}" is required`,
  type: (where: string, key: string, type: string) => `${where}: "${key}" must be ${type}`,
  badId: (where: string, id: string) => `${where}: id "${id}" must be kebab-case (a-z, 0-9 and single hyphens)`,
  duplicate: (what: string, id: string, first: string) => `duplicate ${what} id "${id}" (first defined in ${first})`,
  unknownPersona: (where: string, persona: string) => `${where}: persona "${persona}" is not declared in this file's personas`,
  badRegex: (where: string, pattern: string, message: string) => `${where}: invalid regular expression ${JSON.stringify(pattern)}: ${message}`,
  longRegex: (where: string, max: number) => `${where}: a pattern may be at most ${max} characters`,
  empty: 'the file declares no questions',
  read: (message: string) => `cannot read the file: ${message}`,
  problems: (file: string, problems: string[]) => `Invalid question set ${file}:\n- ${problems.join('\n- ')}`,
} as const;

/** Question files are small; anything bigger is refused before parsing. */
export const MAX_FILE_BYTES = 512 * 1024;
/** YAML aliases a file may expand (the `yaml` default is 100; a question file needs none). */
export const MAX_ALIAS_COUNT = 20;
const MAX_PATTERN_CHARS = 600;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const SET_KEYS = ['id', 'version', 'description', 'personas', 'questions'] as const;
const PERSONA_KEYS = ['id', 'name', 'description'] as const;
const QUESTION_KEYS = ['id', 'persona', 'text', 'keywords', 'informs', 'answer'] as const;
const ANSWER_KEYS = ['criteria', 'patterns', 'exclude', 'context'] as const;

/** Folder of the bundled question sets. */
export function defaultQuestionsDir(): string {
  return join(packageRoot(), 'prompts', 'questions');
}

type Problems = string[];


function checkKeys(value: Record<string, unknown>, allowed: readonly string[], where: string, problems: Problems): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) problems.push(TEXT.unknownKey(where, key, allowed));
}

function str(value: Record<string, unknown>, key: string, where: string, problems: Problems, required = true): string | undefined {
  const v = value[key];
  if (v === undefined || v === null) {
    if (required) problems.push(TEXT.missing(where, key));
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') {
    problems.push(TEXT.type(where, key, 'a non-empty string'));
    return undefined;
  }
  return v.trim();
}

function strList(value: Record<string, unknown>, key: string, where: string, problems: Problems, opts: { required: boolean; nonEmpty: boolean }): string[] {
  const v = value[key];
  if (v === undefined || v === null) {
    if (opts.required) problems.push(TEXT.missing(where, key));
    return [];
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '') || (opts.nonEmpty && v.length === 0)) {
    problems.push(TEXT.type(where, key, opts.nonEmpty ? 'a non-empty list of strings' : 'a list of strings'));
    return [];
  }
  return v.map((x: string) => x.trim());
}

function regexList(value: Record<string, unknown>, key: string, where: string, problems: Problems): RegExp[] {
  const list = strList(value, key, where, problems, { required: false, nonEmpty: false });
  const out: RegExp[] = [];
  for (const pattern of list) {
    if (pattern.length > MAX_PATTERN_CHARS) {
      problems.push(TEXT.longRegex(`${where}.${key}`, MAX_PATTERN_CHARS));
      continue;
    }
    try {
      out.push(new RegExp(pattern, 'iu'));
    } catch (err) {
      problems.push(TEXT.badRegex(`${where}.${key}`, pattern, (err as Error).message));
    }
  }
  return out;
}

function parsePersonas(raw: unknown, problems: Problems): Persona[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push(TEXT.type('personas', 'personas', 'a non-empty list'));
    return [];
  }
  const out: Persona[] = [];
  raw.forEach((p, i) => {
    const where = `personas[${i}]`;
    if (!isRecord(p)) return void problems.push(TEXT.type(where, 'persona', 'a mapping'));
    checkKeys(p, PERSONA_KEYS, where, problems);
    const id = str(p, 'id', where, problems);
    const name = str(p, 'name', where, problems);
    const description = str(p, 'description', where, problems, false);
    if (id && !KEBAB.test(id)) problems.push(TEXT.badId(where, id));
    if (id && out.some((x) => x.id === id)) problems.push(TEXT.duplicate('persona', id, 'this file'));
    if (id && name) out.push({ id, name, ...(description ? { description } : {}) });
  });
  return out;
}

function parseQuestion(q: unknown, i: number, personas: Persona[], set: string, problems: Problems): Question | null {
  const where0 = `questions[${i}]`;
  if (!isRecord(q)) {
    problems.push(TEXT.type(where0, 'question', 'a mapping'));
    return null;
  }
  const id = str(q, 'id', where0, problems);
  const where = id ? `question "${id}"` : where0;
  checkKeys(q, QUESTION_KEYS, where, problems);
  if (id && !KEBAB.test(id)) problems.push(TEXT.badId(where, id));
  const persona = str(q, 'persona', where, problems);
  if (persona && !personas.some((p) => p.id === persona)) problems.push(TEXT.unknownPersona(where, persona));
  const text = str(q, 'text', where, problems);
  const keywords = strList(q, 'keywords', where, problems, { required: true, nonEmpty: true });
  const informs = strList(q, 'informs', where, problems, { required: true, nonEmpty: false });
  for (const practice of informs) if (!KEBAB.test(practice)) problems.push(TEXT.badId(`${where}.informs`, practice));
  const answer = q.answer;
  let criteria: string | undefined;
  let patterns: RegExp[] = [];
  let exclude: RegExp[] = [];
  let context: RegExp[] = [];
  if (!isRecord(answer)) {
    problems.push(answer === undefined ? TEXT.missing(where, 'answer') : TEXT.type(where, 'answer', 'a mapping'));
  } else {
    const w = `${where}.answer`;
    checkKeys(answer, ANSWER_KEYS, w, problems);
    criteria = str(answer, 'criteria', w, problems);
    patterns = regexList(answer, 'patterns', w, problems);
    exclude = regexList(answer, 'exclude', w, problems);
    context = regexList(answer, 'context', w, problems);
  }
  if (!id || !persona || !text || !criteria) return null;
  return { id, persona, text, keywords, informs, answer: { criteria, patterns, exclude, context }, set };
}

/** Parses and validates one question set from YAML text. Throws QuestionsInvalidError listing every problem. */
export function parseQuestionSet(text: string, source = '<inline>'): QuestionSet {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FILE_BYTES) throw new QuestionsInvalidError(TEXT.problems(source, [TEXT.tooLarge(bytes, MAX_FILE_BYTES)]), { file: source });
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const problems: Problems = [];
  if (doc.errors.length > 0) {
    throw new QuestionsInvalidError(TEXT.problems(source, doc.errors.slice(0, 5).map((e) => TEXT.yaml(e.message))), { file: source });
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new QuestionsInvalidError(TEXT.problems(source, [TEXT.yaml((err as Error).message)]), { file: source });
  }
  if (!isRecord(raw)) throw new QuestionsInvalidError(TEXT.problems(source, [TEXT.notObject]), { file: source });
  checkKeys(raw, SET_KEYS, 'file', problems);
  const id = str(raw, 'id', 'file', problems);
  if (id && !KEBAB.test(id)) problems.push(TEXT.badId('file', id));
  const version = raw.version;
  if (version === undefined) problems.push(TEXT.missing('file', 'version'));
  else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) problems.push(TEXT.type('file', 'version', 'a positive integer'));
  const description = str(raw, 'description', 'file', problems, false);
  const personas = parsePersonas(raw.personas, problems);
  const set = `${id ?? '?'}@${typeof version === 'number' ? version : '?'}`;
  const questions: Question[] = [];
  if (!Array.isArray(raw.questions) || raw.questions.length === 0) {
    problems.push(Array.isArray(raw.questions) ? TEXT.empty : TEXT.type('file', 'questions', 'a non-empty list'));
  } else {
    raw.questions.forEach((q, i) => {
      const question = parseQuestion(q, i, personas, set, problems);
      if (!question) return;
      if (questions.some((x) => x.id === question.id)) problems.push(TEXT.duplicate('question', question.id, 'this file'));
      else questions.push(question);
    });
  }
  if (problems.length > 0) throw new QuestionsInvalidError(TEXT.problems(source, problems), { file: source, problems });
  return { id: id!, version: version as number, ...(description ? { description } : {}), personas, questions, source };
}

/** Reads one question file. */
export function readQuestionFile(path: string): QuestionSet {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) throw new QuestionsInvalidError(TEXT.problems(path, [TEXT.tooLarge(size, MAX_FILE_BYTES)]), { file: path });
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof QuestionsInvalidError) throw err;
    throw new QuestionsInvalidError(TEXT.problems(path, [TEXT.read((err as Error).message)]), { file: path });
  }
  return parseQuestionSet(text, path);
}

export interface LoadQuestionsOptions {
  /** Extra question files (`--questions FILE`, repeatable). */
  files?: string[];
  /** Load the bundled sets from prompts/questions/. @default true */
  includeDefault?: boolean;
  /** Folder of the bundled sets. @default defaultQuestionsDir() */
  defaultDir?: string;
}

export interface LoadedQuestions {
  sets: QuestionSet[];
  /** Every question of every set, in file order; ids are unique across sets. */
  questions: Question[];
}

/** Merges sets; a question id used twice across files is an error (ids are what the model references). */
export function mergeQuestionSets(sets: QuestionSet[]): LoadedQuestions {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  const questions: Question[] = [];
  for (const set of sets) {
    for (const q of set.questions) {
      const first = seen.get(q.id);
      if (first) problems.push(TEXT.duplicate('question', q.id, first));
      else {
        seen.set(q.id, set.source || set.id);
        questions.push(q);
      }
    }
  }
  if (problems.length > 0) {
    throw new QuestionsInvalidError(TEXT.problems(sets.map((s) => s.source || s.id).join(', '), problems), { problems });
  }
  return { sets, questions };
}

/** The bundled sets (sorted by file name) plus user files, validated and merged. */
export function loadQuestions(options: LoadQuestionsOptions = {}): LoadedQuestions {
  const sets: QuestionSet[] = [];
  if (options.includeDefault ?? true) {
    const dir = options.defaultDir ?? defaultQuestionsDir();
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
    for (const f of files) sets.push(readQuestionFile(join(dir, f)));
  }
  for (const file of options.files ?? []) sets.push(readQuestionFile(file));
  if (sets.length === 0) throw new QuestionsInvalidError(TEXT.problems(options.files?.map((f) => basename(f)).join(', ') || 'prompts/questions', [TEXT.empty]));
  return mergeQuestionSets(sets);
}
