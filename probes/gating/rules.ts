// The gating probe's data files (probes/gating/data/login-patterns.json, gating-*.json) checked and
// compiled into regular expressions once. The data stays data so that patterns can be added without
// touching code; a malformed file is a ParseError (PP_ERR_PARSE) naming every problem.
import { ParseError } from '../../src/errors.js';
import { KEY_KINDS } from './types.js';
import type { KeyKind, Severity } from '../../src/contract/index.js';
import { isRecord } from '../../src/util/is-record.js';

export interface LoginPatternsFile {
  loginSegments: string[];
  registrationSegments: string[];
  ssoSegments: string[];
  pathPatterns: string[];
  hosts: string[];
  hostLabels: string[];
  returnParams: string[];
  oauthParams: string[];
}

export interface KeyKindData {
  severity: Severity;
  segments: string[];
  pathPatterns: string[];
  text: string[];
}

export interface KeyPagesFile {
  kinds: Record<KeyKind, KeyKindData>;
}

export interface PhrasesFile {
  partial: string[];
  wall: string[];
  excludeObject: string;
  cta: string[];
  signInHeading: string;
  search: string;
}

export interface BotSignatureData {
  id: string;
  vendor: string | null;
  statuses?: number[] | null;
  headers?: Record<string, string>;
  body?: string;
  weak?: boolean;
}

export interface BotSignaturesFile {
  signatures: BotSignatureData[];
}

export interface CompiledKeyKind {
  kind: KeyKind;
  severity: Severity;
  segments: Set<string>;
  pathPatterns: RegExp[];
  /** Whole-text match (strong). */
  textExact: RegExp[];
  /** Anywhere in the text (weak). */
  textAnywhere: RegExp[];
}

export interface CompiledBotSignature {
  id: string;
  vendor: string | null;
  /** null: any status. */
  statuses: Set<number> | null;
  headers: Array<[string, RegExp | null]>;
  body: RegExp | null;
  weak: boolean;
}

export interface GatingRules {
  login: {
    /** Login + registration segments: an own sign-in page. */
    entrySegments: RegExp;
    registrationSegments: RegExp;
    /** Every segment list, for redirect targets. */
    allSegments: RegExp;
    pathPatterns: Array<{ pattern: string; regex: RegExp }>;
    hosts: Array<{ pattern: string; test: (host: string) => boolean }>;
    hostLabels: Set<string>;
    returnParams: Set<string>;
    oauthParams: Set<string>;
  };
  keyKinds: CompiledKeyKind[];
  phrases: {
    partial: RegExp[];
    wall: RegExp[];
    excludeObject: RegExp;
    cta: RegExp[];
    signInHeading: RegExp;
    search: RegExp;
  };
  botSignatures: CompiledBotSignature[];
}

const DEFAULT_BOT_STATUSES = [401, 403, 405, 429, 503];
const SEVERITIES = new Set(['info', 'warning', 'error']);

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `(^|/)(a|b|c/d)(/|$|;|.ext$)`: whole path segments (or runs of them), any extension. */
function segmentRegex(segments: string[]): RegExp {
  const body = segments.map((s) => escapeRegex(s.toLowerCase())).join('|');
  return new RegExp(`(?:^|/)(${body})(?=/|$|;|\\.[a-z0-9]{1,8}(?:/|$))`, 'i');
}

function hostTester(pattern: string): (host: string) => boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) {
    const suffix = p.slice(1);
    return (host) => host.toLowerCase().endsWith(suffix) && host.length > suffix.length;
  }
  return (host) => host.toLowerCase() === p;
}

class Problems {
  readonly list: string[] = [];
  regex(source: unknown, where: string, flags = 'i'): RegExp {
    if (typeof source !== 'string' || source === '') {
      this.list.push(`${where} must be a non-empty string`);
      return /(?!)/;
    }
    try {
      return new RegExp(source, flags);
    } catch (err) {
      this.list.push(`${where} is not a valid regular expression: ${(err as Error).message}`);
      return /(?!)/;
    }
  }
  strings(value: unknown, where: string): string[] {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== '')) {
      this.list.push(`${where} must be a list of non-empty strings`);
      return [];
    }
    return value as string[];
  }
}

function compileLogin(data: unknown, p: Problems): GatingRules['login'] {
  const d = isRecord(data) ? data : (p.list.push('login patterns must be an object'), {} as Record<string, unknown>);
  const login = p.strings(d.loginSegments, 'loginSegments');
  const registration = p.strings(d.registrationSegments, 'registrationSegments');
  const sso = p.strings(d.ssoSegments, 'ssoSegments');
  return {
    entrySegments: segmentRegex([...login, ...registration]),
    registrationSegments: segmentRegex(registration),
    allSegments: segmentRegex([...login, ...registration, ...sso]),
    pathPatterns: p.strings(d.pathPatterns, 'pathPatterns').map((pattern, i) => ({ pattern, regex: p.regex(pattern, `pathPatterns[${i}]`) })),
    hosts: p.strings(d.hosts, 'hosts').map((pattern) => ({ pattern, test: hostTester(pattern) })),
    hostLabels: new Set(p.strings(d.hostLabels, 'hostLabels').map((s) => s.toLowerCase())),
    returnParams: new Set(p.strings(d.returnParams, 'returnParams').map((s) => s.toLowerCase())),
    oauthParams: new Set(p.strings(d.oauthParams, 'oauthParams').map((s) => s.toLowerCase())),
  };
}

function compileKeyKinds(data: unknown, p: Problems): CompiledKeyKind[] {
  const kinds = isRecord(data) && isRecord(data.kinds) ? data.kinds : (p.list.push('key pages need a "kinds" object'), {});
  return KEY_KINDS.map((kind) => {
    const k = isRecord(kinds[kind]) ? (kinds[kind] as Record<string, unknown>) : (p.list.push(`kinds.${kind} is missing`), {} as Record<string, unknown>);
    if (!SEVERITIES.has(k.severity as string)) p.list.push(`kinds.${kind}.severity must be info, warning or error`);
    const text = p.strings(k.text, `kinds.${kind}.text`);
    return {
      kind,
      severity: (SEVERITIES.has(k.severity as string) ? k.severity : 'warning') as Severity,
      segments: new Set(p.strings(k.segments, `kinds.${kind}.segments`).map((s) => s.toLowerCase())),
      pathPatterns: p.strings(k.pathPatterns, `kinds.${kind}.pathPatterns`).map((s, i) => p.regex(s, `kinds.${kind}.pathPatterns[${i}]`)),
      textExact: text.map((s, i) => p.regex(`^(?:${s})$`, `kinds.${kind}.text[${i}]`)),
      textAnywhere: text.map((s, i) => p.regex(`\\b(?:${s})\\b`, `kinds.${kind}.text[${i}]`)),
    };
  });
}

function compilePhrases(data: unknown, p: Problems): GatingRules['phrases'] {
  const d = isRecord(data) ? data : (p.list.push('phrases must be an object'), {} as Record<string, unknown>);
  // Global flag: a page may hold several sentences; matchAll walks them.
  return {
    partial: p.strings(d.partial, 'partial').map((s, i) => p.regex(s, `partial[${i}]`, 'gi')),
    wall: p.strings(d.wall, 'wall').map((s, i) => p.regex(s, `wall[${i}]`, 'gi')),
    excludeObject: p.regex(d.excludeObject, 'excludeObject'),
    cta: p.strings(d.cta, 'cta').map((s, i) => p.regex(s, `cta[${i}]`)),
    signInHeading: p.regex(d.signInHeading, 'signInHeading'),
    search: p.regex(d.search, 'search'),
  };
}

function compileBotSignatures(data: unknown, p: Problems): CompiledBotSignature[] {
  const list = isRecord(data) && Array.isArray(data.signatures) ? data.signatures : (p.list.push('bot signatures need a "signatures" list'), []);
  return list.map((raw: unknown, i: number): CompiledBotSignature => {
    const s = isRecord(raw) ? raw : {};
    const where = `signatures[${i}]`;
    if (typeof s.id !== 'string') p.list.push(`${where}.id must be a string`);
    const headers = isRecord(s.headers) ? Object.entries(s.headers) : [];
    if (s.headers !== undefined && !isRecord(s.headers)) p.list.push(`${where}.headers must be an object`);
    if (headers.length === 0 && s.body === undefined) p.list.push(`${where} needs headers or body`);
    const statuses = s.statuses === null ? null : Array.isArray(s.statuses) ? s.statuses : DEFAULT_BOT_STATUSES;
    if (statuses && !statuses.every((n) => Number.isInteger(n))) p.list.push(`${where}.statuses must be integers or null`);
    return {
      id: String(s.id),
      vendor: typeof s.vendor === 'string' ? s.vendor : null,
      statuses: statuses ? new Set(statuses as number[]) : null,
      headers: headers.map(([name, value]) => [name.toLowerCase(), value === '' ? null : p.regex(value, `${where}.headers.${name}`)]),
      body: s.body === undefined ? null : p.regex(s.body, `${where}.body`),
      weak: s.weak === true,
    };
  });
}

/** Checks and compiles the four data files; throws ParseError listing every problem. */
export function compileGatingRules(files: { login: unknown; keyPages: unknown; phrases: unknown; botSignatures: unknown }): GatingRules {
  const p = new Problems();
  const rules: GatingRules = {
    login: compileLogin(files.login, p),
    keyKinds: compileKeyKinds(files.keyPages, p),
    phrases: compilePhrases(files.phrases, p),
    botSignatures: compileBotSignatures(files.botSignatures, p),
  };
  if (p.list.length > 0) throw new ParseError('gating data files', p.list.join('; '), { problems: p.list });
  return rules;
}
