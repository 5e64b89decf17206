// The business-surface keyword lists as data: probes/business-surface/data/business-surface.<lang>.json (words per
// page language) and business-surface.common.json (hosts, SDK languages, certifications, flags per
// kind). This file checks both at load — a typo in a pattern or a kind name fails loudly instead of
// silently finding nothing — compiles them once, and merges a page language's list with English
// (portals mix English nav words into every language).
import { ParseError } from '../../src/errors.js';
import { escapeRegExp, patternMatcher, phraseMatcher, type Matcher } from './text-match.js';
import { KINDS, PRICING_MODELS } from './types.js';
import type { Kind, PricingModel } from '../../src/contract/index.js';
import { isRecord } from '../../src/util/is-record.js';

export const FALLBACK_LANG = 'en';

// ---- Raw file shapes -------------------------------------------------------------------------

export type RawEntry = string | { text: string; weight?: number } | { pattern: string; flags?: string; weight?: number };

export interface RawKindWords {
  paths?: Array<string | { text: string; weight?: number }>;
  anchors?: RawEntry[];
  headings?: RawEntry[];
  text?: RawEntry[];
  notUnder?: string[];
}

export interface RawLangFile {
  lang: string;
  pathGroups?: Record<string, string[]>;
  loginWords?: RawEntry[];
  sdkWords?: RawEntry[];
  certificationContext?: RawEntry[];
  certificationNegation?: RawEntry[];
  supportEmailLocals?: string[];
  contactFormWords?: RawEntry[];
  pricingModel?: Partial<Record<PricingModel, RawEntry[]>>;
  kinds: Partial<Record<Kind, RawKindWords>>;
}

interface RawPattern {
  pattern: string;
  flags?: string;
}

export interface RawCommonFile {
  kinds: Record<Kind, { urls?: Array<{ pattern: string; weight: number }>; jsonLdTypes?: string[]; textDecides?: boolean; codeCounts?: boolean; authPagesOk?: boolean }>;
  authUrls: string[];
  sdkLanguages: Array<{ name: string; patterns: RawPattern[]; repoTokens: string[] }>;
  installCommands: Array<{ language: string; pattern: string }>;
  packageRegistries: Array<{ language: string; pattern: string }>;
  githubReservedOwners: string[];
  sdkRepoTokens: string[];
  certifications: Array<{ name: string; patterns: RawPattern[] }>;
  communityChannels: { forum: string[]; chat: string[]; stackOverflow: string[] };
  chatWidgets: Array<{ name: string; pattern: string }>;
}

// ---- Compiled shapes -------------------------------------------------------------------------

export interface PathSlug {
  slug: string;
  /** The slug split on '-' (for slugs inside longer segments: "managing-api-keys"). */
  tokens: string[];
  weight: number;
}

export interface KindWords {
  paths: PathSlug[];
  anchors: Matcher[];
  headings: Matcher[];
  text: Matcher[];
  /** Path segments above which a page is no candidate for the kind. */
  notUnder: Set<string>;
}

export interface LangLists {
  /** Languages merged into this list, first the page's own. */
  langs: string[];
  kinds: Record<Kind, KindWords>;
  loginWords: Matcher[];
  sdkWords: Matcher[];
  certificationContext: Matcher[];
  /** A sentence with one of these does not claim the certification ("PCI DSS does not apply"). */
  certificationNegation: Matcher[];
  supportEmailLocals: Set<string>;
  contactFormWords: Matcher[];
  pricingModel: Record<PricingModel, Matcher[]>;
}

export interface UrlRule {
  re: RegExp;
  weight: number;
  label: string;
}

export interface KindRules {
  urls: UrlRule[];
  /** schema.org types, each with the expression that finds it in a raw JSON-LD block. */
  jsonLdTypes: Array<{ type: string; re: RegExp }>;
  textDecides: boolean;
  codeCounts: boolean;
  authPagesOk: boolean;
}

export interface NamedPatterns {
  name: string;
  /** Global expressions. */
  patterns: RegExp[];
}

export interface CommonLists {
  kinds: Record<Kind, KindRules>;
  authUrls: RegExp[];
  sdkLanguages: Array<NamedPatterns & { repoTokens: Set<string> }>;
  installCommands: Array<{ language: string; re: RegExp }>;
  packageRegistries: Array<{ language: string; re: RegExp }>;
  githubReservedOwners: Set<string>;
  sdkRepoTokens: Set<string>;
  certifications: NamedPatterns[];
  communityChannels: { forum: RegExp[]; chat: RegExp[]; stackOverflow: RegExp[] };
  chatWidgets: Array<{ name: string; re: RegExp }>;
}

// ---- Checking --------------------------------------------------------------------------------

const ALLOWED_FLAGS = /^[imsu]*$/;

function checkRegex(pattern: unknown, flags: unknown, where: string, problems: string[]): void {
  if (typeof pattern !== 'string' || pattern === '') {
    problems.push(`${where}: "pattern" must be a non-empty string`);
    return;
  }
  if (flags !== undefined && (typeof flags !== 'string' || !ALLOWED_FLAGS.test(flags))) {
    problems.push(`${where}: "flags" may only hold i, m, s, u`);
    return;
  }
  try {
    new RegExp(pattern, typeof flags === 'string' ? flags : 'i');
  } catch (err) {
    problems.push(`${where}: invalid regular expression (${(err as Error).message})`);
  }
}

function checkWeight(weight: unknown, where: string, problems: string[]): void {
  if (weight === undefined) return;
  if (typeof weight !== 'number' || !(weight > 0 && weight <= 1)) problems.push(`${where}: "weight" must be a number in (0, 1]`);
}

function checkEntries(list: unknown, where: string, problems: string[], allowPattern = true): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push(`${where} must be an array`);
    return;
  }
  list.forEach((entry, i) => {
    const at = `${where}[${i}]`;
    if (typeof entry === 'string') {
      if (!entry.trim()) problems.push(`${at}: empty phrase`);
    } else if (isRecord(entry) && typeof entry.text === 'string') {
      if (!entry.text.trim()) problems.push(`${at}: empty phrase`);
      checkWeight(entry.weight, at, problems);
    } else if (allowPattern && isRecord(entry) && 'pattern' in entry) {
      checkRegex(entry.pattern, entry.flags, at, problems);
      checkWeight(entry.weight, at, problems);
    } else {
      problems.push(`${at}: expected a phrase, {text, weight}${allowPattern ? ' or {pattern, flags, weight}' : ''}`);
    }
  });
}

function checkStrings(list: unknown, where: string, problems: string[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || !s.trim())) problems.push(`${where} must be an array of non-empty strings`);
}

/** Problems of a language file ([] when fine). `complete` requires every kind (the English list). */
export function checkLangFile(data: unknown, complete: boolean): string[] {
  const problems: string[] = [];
  if (!isRecord(data)) return ['the file must hold a JSON object'];
  if (typeof data.lang !== 'string' || !/^[a-z]{2,3}$/.test(data.lang)) problems.push('"lang" must be a lower-case primary language subtag (en, de, fr …)');
  const groups = data.pathGroups ?? {};
  if (!isRecord(groups)) problems.push('"pathGroups" must map names to arrays of path segments');
  else for (const [name, list] of Object.entries(groups)) checkStrings(list, `pathGroups.${name}`, problems);
  for (const key of ['loginWords', 'sdkWords', 'certificationContext', 'certificationNegation', 'contactFormWords'] as const) checkEntries(data[key], key, problems);
  checkStrings(data.supportEmailLocals, 'supportEmailLocals', problems);
  if (data.pricingModel !== undefined) {
    if (!isRecord(data.pricingModel)) problems.push('"pricingModel" must be an object');
    else {
      for (const [model, list] of Object.entries(data.pricingModel)) {
        if (!(PRICING_MODELS as readonly string[]).includes(model)) problems.push(`pricingModel: unknown model "${model}"`);
        checkEntries(list, `pricingModel.${model}`, problems);
      }
    }
  }
  if (!isRecord(data.kinds)) {
    problems.push('"kinds" must be an object');
    return problems;
  }
  for (const name of Object.keys(data.kinds)) if (!(KINDS as readonly string[]).includes(name)) problems.push(`kinds: unknown kind "${name}"`);
  for (const kind of KINDS) {
    const words = data.kinds[kind];
    if (words === undefined) {
      if (complete) problems.push(`kinds: "${kind}" is missing`);
      continue;
    }
    if (!isRecord(words)) {
      problems.push(`kinds.${kind} must be an object`);
      continue;
    }
    checkEntries(words.paths, `kinds.${kind}.paths`, problems, false);
    for (const key of ['anchors', 'headings', 'text'] as const) checkEntries(words[key], `kinds.${kind}.${key}`, problems);
    if (words.notUnder !== undefined) {
      checkStrings(words.notUnder, `kinds.${kind}.notUnder`, problems);
      if (Array.isArray(words.notUnder) && isRecord(groups)) {
        for (const g of words.notUnder) if (typeof g === 'string' && !(g in groups)) problems.push(`kinds.${kind}.notUnder: unknown path group "${g}"`);
      }
    }
  }
  return problems;
}

/** Problems of the common file ([] when fine). */
export function checkCommonFile(data: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(data)) return ['the file must hold a JSON object'];
  if (!isRecord(data.kinds)) problems.push('"kinds" must be an object');
  else {
    for (const name of Object.keys(data.kinds)) if (!(KINDS as readonly string[]).includes(name)) problems.push(`kinds: unknown kind "${name}"`);
    for (const kind of KINDS) {
      const rules = data.kinds[kind];
      if (!isRecord(rules)) {
        problems.push(`kinds.${kind} is missing`);
        continue;
      }
      if (rules.urls !== undefined) {
        if (!Array.isArray(rules.urls)) problems.push(`kinds.${kind}.urls must be an array`);
        else
          rules.urls.forEach((u, i) => {
            const at = `kinds.${kind}.urls[${i}]`;
            if (!isRecord(u)) return problems.push(`${at} must be {pattern, weight}`);
            checkRegex(u.pattern, undefined, at, problems);
            if (typeof u.weight !== 'number' || !(u.weight > 0 && u.weight <= 1)) problems.push(`${at}: "weight" must be a number in (0, 1]`);
          });
      }
      checkStrings(rules.jsonLdTypes, `kinds.${kind}.jsonLdTypes`, problems);
      for (const flag of ['textDecides', 'codeCounts', 'authPagesOk'] as const) {
        if (rules[flag] !== undefined && typeof rules[flag] !== 'boolean') problems.push(`kinds.${kind}.${flag} must be true or false`);
      }
    }
  }
  const patterns = (list: unknown, where: string) => {
    if (!Array.isArray(list)) return problems.push(`${where} must be an array`);
    list.forEach((p, i) => checkRegex(p, undefined, `${where}[${i}]`, problems));
  };
  patterns(data.authUrls, 'authUrls');
  const named = (list: unknown, where: string, extra?: (item: Record<string, unknown>, at: string) => void) => {
    if (!Array.isArray(list)) return problems.push(`${where} must be an array`);
    list.forEach((item, i) => {
      const at = `${where}[${i}]`;
      if (!isRecord(item) || typeof item.name !== 'string' || !Array.isArray(item.patterns) || item.patterns.length === 0) {
        return problems.push(`${at} must be {name, patterns: [{pattern, flags}]}`);
      }
      item.patterns.forEach((p, j) => (isRecord(p) ? checkRegex(p.pattern, p.flags, `${at}.patterns[${j}]`, problems) : problems.push(`${at}.patterns[${j}] must be {pattern, flags}`)));
      extra?.(item, at);
    });
  };
  named(data.sdkLanguages, 'sdkLanguages', (item, at) => checkStrings(item.repoTokens ?? [], `${at}.repoTokens`, problems));
  named(data.certifications, 'certifications');
  const languages = new Set(Array.isArray(data.sdkLanguages) ? data.sdkLanguages.map((l) => (isRecord(l) ? l.name : undefined)) : []);
  for (const key of ['installCommands', 'packageRegistries'] as const) {
    const list = data[key];
    if (!Array.isArray(list)) {
      problems.push(`${key} must be an array`);
      continue;
    }
    list.forEach((item, i) => {
      const at = `${key}[${i}]`;
      if (!isRecord(item)) return problems.push(`${at} must be {language, pattern}`);
      if (!languages.has(item.language)) problems.push(`${at}: unknown language "${String(item.language)}" (not in sdkLanguages)`);
      checkRegex(item.pattern, undefined, at, problems);
    });
  }
  checkStrings(data.githubReservedOwners, 'githubReservedOwners', problems);
  checkStrings(data.sdkRepoTokens, 'sdkRepoTokens', problems);
  if (!isRecord(data.communityChannels)) problems.push('"communityChannels" must be an object');
  else for (const key of ['forum', 'chat', 'stackOverflow'] as const) patterns(data.communityChannels[key], `communityChannels.${key}`);
  if (!Array.isArray(data.chatWidgets)) problems.push('"chatWidgets" must be an array');
  else
    data.chatWidgets.forEach((w, i) => {
      if (!isRecord(w) || typeof w.name !== 'string') return problems.push(`chatWidgets[${i}] must be {name, pattern}`);
      checkRegex(w.pattern, undefined, `chatWidgets[${i}]`, problems);
    });
  return problems;
}

// ---- Compiling -------------------------------------------------------------------------------

function matchersOf(list: RawEntry[] | undefined): Matcher[] {
  return (list ?? []).map((e) => {
    if (typeof e === 'string') return phraseMatcher(e);
    if ('pattern' in e) return patternMatcher(e.pattern, e.flags ?? 'i', e.weight ?? 1);
    return phraseMatcher(e.text, e.weight ?? 1);
  });
}

function slugsOf(list: RawKindWords['paths']): PathSlug[] {
  return (list ?? []).map((e) => {
    const slug = (typeof e === 'string' ? e : e.text).toLowerCase();
    return { slug, tokens: slug.split(/[-_]+/).filter(Boolean), weight: typeof e === 'string' ? 1 : (e.weight ?? 1) };
  });
}

const DEFAULT_NOT_UNDER = ['articles'];

/** Compiles one checked language file. Throws ParseError (PP_ERR_PARSE) naming every problem. */
export function compileLang(data: unknown, source: string, complete = false): LangLists {
  const problems = checkLangFile(data, complete);
  if (problems.length > 0) throw new ParseError(source, problems.join('; '), { problems });
  const raw = data as RawLangFile;
  const groups = raw.pathGroups ?? {};
  const kinds = {} as Record<Kind, KindWords>;
  for (const kind of KINDS) {
    const w = raw.kinds[kind] ?? {};
    const notUnder = new Set<string>();
    for (const g of w.notUnder ?? DEFAULT_NOT_UNDER) for (const seg of groups[g] ?? []) notUnder.add(seg.toLowerCase());
    kinds[kind] = { paths: slugsOf(w.paths), anchors: matchersOf(w.anchors), headings: matchersOf(w.headings), text: matchersOf(w.text), notUnder };
  }
  const pricingModel = {} as Record<PricingModel, Matcher[]>;
  for (const model of PRICING_MODELS) pricingModel[model] = matchersOf(raw.pricingModel?.[model]);
  return {
    langs: [raw.lang],
    kinds,
    loginWords: matchersOf(raw.loginWords),
    sdkWords: matchersOf(raw.sdkWords),
    certificationContext: matchersOf(raw.certificationContext),
    certificationNegation: matchersOf(raw.certificationNegation),
    supportEmailLocals: new Set((raw.supportEmailLocals ?? []).map((s) => s.toLowerCase())),
    contactFormWords: matchersOf(raw.contactFormWords),
    pricingModel,
  };
}

/** A page language's lists followed by the fallback's (deduplicated by label). */
export function mergeLists(primary: LangLists, fallback: LangLists): LangLists {
  const join = (a: Matcher[], b: Matcher[]) => {
    const seen = new Set(a.map((m) => m.label));
    return [...a, ...b.filter((m) => !seen.has(m.label))];
  };
  const kinds = {} as Record<Kind, KindWords>;
  for (const kind of KINDS) {
    const a = primary.kinds[kind];
    const b = fallback.kinds[kind];
    const slugs = new Set(a.paths.map((p) => p.slug));
    kinds[kind] = {
      paths: [...a.paths, ...b.paths.filter((p) => !slugs.has(p.slug))],
      anchors: join(a.anchors, b.anchors),
      headings: join(a.headings, b.headings),
      text: join(a.text, b.text),
      notUnder: new Set([...a.notUnder, ...b.notUnder]),
    };
  }
  const pricingModel = {} as Record<PricingModel, Matcher[]>;
  for (const model of PRICING_MODELS) pricingModel[model] = join(primary.pricingModel[model], fallback.pricingModel[model]);
  return {
    langs: [...primary.langs, ...fallback.langs.filter((l) => !primary.langs.includes(l))],
    kinds,
    loginWords: join(primary.loginWords, fallback.loginWords),
    sdkWords: join(primary.sdkWords, fallback.sdkWords),
    certificationContext: join(primary.certificationContext, fallback.certificationContext),
    certificationNegation: join(primary.certificationNegation, fallback.certificationNegation),
    supportEmailLocals: new Set([...primary.supportEmailLocals, ...fallback.supportEmailLocals]),
    contactFormWords: join(primary.contactFormWords, fallback.contactFormWords),
    pricingModel,
  };
}

/** Global (use with testRe / execAll from text-match.ts): compiled once, reused on every page. */
const rx = (p: { pattern: string; flags?: string }) => new RegExp(p.pattern, `${p.flags ?? 'i'}g`);

/** Compiles the checked common file. Throws ParseError (PP_ERR_PARSE) naming every problem. */
export function compileCommon(data: unknown, source: string): CommonLists {
  const problems = checkCommonFile(data);
  if (problems.length > 0) throw new ParseError(source, problems.join('; '), { problems });
  const raw = data as RawCommonFile;
  const kinds = {} as Record<Kind, KindRules>;
  for (const kind of KINDS) {
    const r = raw.kinds[kind];
    kinds[kind] = {
      urls: (r.urls ?? []).map((u) => ({ re: new RegExp(u.pattern, 'i'), weight: u.weight, label: u.pattern })),
      jsonLdTypes: (r.jsonLdTypes ?? []).map((type) => ({ type, re: new RegExp(`"@type"\\s*:\\s*(?:\\[[^\\]]*?)?"(?:https?://schema\\.org/)?${escapeRegExp(type)}"`) })),
      textDecides: r.textDecides ?? false,
      codeCounts: r.codeCounts ?? false,
      authPagesOk: r.authPagesOk ?? false,
    };
  }
  return {
    kinds,
    authUrls: raw.authUrls.map((p) => new RegExp(p, 'i')),
    sdkLanguages: raw.sdkLanguages.map((l) => ({ name: l.name, patterns: l.patterns.map(rx), repoTokens: new Set(l.repoTokens.map((t) => t.toLowerCase())) })),
    installCommands: raw.installCommands.map((c) => ({ language: c.language, re: new RegExp(c.pattern, 'u') })),
    packageRegistries: raw.packageRegistries.map((c) => ({ language: c.language, re: new RegExp(c.pattern, 'i') })),
    githubReservedOwners: new Set(raw.githubReservedOwners.map((s) => s.toLowerCase())),
    sdkRepoTokens: new Set(raw.sdkRepoTokens.map((s) => s.toLowerCase())),
    certifications: raw.certifications.map((c) => ({ name: c.name, patterns: c.patterns.map(rx) })),
    communityChannels: {
      forum: raw.communityChannels.forum.map((p) => new RegExp(p, 'i')),
      chat: raw.communityChannels.chat.map((p) => new RegExp(p, 'i')),
      stackOverflow: raw.communityChannels.stackOverflow.map((p) => new RegExp(p, 'i')),
    },
    chatWidgets: raw.chatWidgets.map((w) => ({ name: w.name, re: new RegExp(w.pattern, 'i') })),
  };
}

// ---- Registry --------------------------------------------------------------------------------

export interface KeywordRegistry {
  common: CommonLists;
  /** Lists for a page's lang attribute ("de-AT" → de + en; unknown or null → en). Cached. */
  forLang(lang: string | null | undefined): LangLists;
  /** Languages that have a list. */
  available: string[];
}

/** Primary subtag of a BCP 47 tag, lower-cased ("en-GB" → "en"); null when absent or malformed. */
export function primaryLang(lang: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(lang ?? '');
  return m ? m[1].toLowerCase() : null;
}

/**
 * Builds the registry from the raw files. `langs` must hold the fallback (English) list, which
 * must define every kind; other languages may define only some.
 */
export function createKeywordRegistry(files: { common: unknown; langs: Record<string, unknown> }): KeywordRegistry {
  const common = compileCommon(files.common, 'business-surface.common.json');
  const compiled = new Map<string, LangLists>();
  for (const [lang, data] of Object.entries(files.langs)) {
    const lists = compileLang(data, `business-surface.${lang}.json`, lang === FALLBACK_LANG);
    if (lists.langs[0] !== lang) throw new ParseError(`business-surface.${lang}.json`, `"lang" is "${lists.langs[0]}", expected "${lang}"`);
    compiled.set(lang, lists);
  }
  const fallback = compiled.get(FALLBACK_LANG);
  if (!fallback) throw new ParseError('business-surface keyword lists', `no "${FALLBACK_LANG}" list`);
  const merged = new Map<string, LangLists>([[FALLBACK_LANG, fallback]]);
  return {
    common,
    available: [...compiled.keys()],
    forLang(lang) {
      const primary = primaryLang(lang);
      const key = primary && compiled.has(primary) ? primary : FALLBACK_LANG;
      let lists = merged.get(key);
      if (!lists) {
        lists = mergeLists(compiled.get(key)!, fallback);
        merged.set(key, lists);
      }
      return lists;
    },
  };
}
