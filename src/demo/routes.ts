// The `_routes.json` format: special behaviour of a static fixture portal kept as data beside its
// pages (redirects, fixed statuses, Markdown negotiation, extra headers, hidden files, latency), so
// one generic server can play many different portals. Pure: parsing, merging and path matching.
import { ParseError } from '../errors.js';
import { isRecord } from '../util/is-record.js';

/** The file in a portal's root folder that declares its routes; it is never served itself. */
export const ROUTES_FILE = '_routes.json';

export interface RedirectRule {
  /** @default 302 */
  status?: 301 | 302 | 303 | 307 | 308;
  /** Location header; may be relative, or absolute with `{{origin}}`. */
  location: string;
}

export interface StatusRule {
  /** The status every request for the path gets (e.g. 401, 403, 500, 503). */
  status: number;
  /** Extra response headers, e.g. `WWW-Authenticate` or `Retry-After`. */
  headers?: Record<string, string>;
  /** Response body; a short HTML page naming the status when neither body nor file is given. */
  body?: string;
  /** File under the root to send as the body (its type from its extension). */
  file?: string;
}

/**
 * Keys of the path maps are URL paths. A key ending in `*` matches every path that starts with the
 * part before the `*` (`/console*` matches `/console` and `/console/keys`); exact keys win, then
 * the longest prefix.
 */
export interface RoutesConfig {
  redirects?: Record<string, RedirectRule>;
  statuses?: Record<string, StatusRule>;
  /** Paths that answer `Accept: text/markdown` with their `.md` twin (`/a/b` → `a/b.md`, `/a/` → `a/index.md`). */
  markdown?: string[];
  /** Extra headers for every response on the path (e.g. `X-Robots-Tag`, `Link`). */
  headers?: Record<string, Record<string, string>>;
  /** Paths answered 404 though a file exists (an answer key kept in the portal folder). */
  hidden?: string[];
  /** Delay in ms before answering (timeout tests). */
  delays?: Record<string, number>;
}

const KNOWN_KEYS = new Set(['$comment', 'redirects', 'statuses', 'markdown', 'headers', 'hidden', 'delays']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Parses and checks `_routes.json` text; throws ParseError (PP_ERR_PARSE) naming the problems. */
export function parseRoutes(text: string, source = ROUTES_FILE): RoutesConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ParseError(source, 'not valid JSON', {}, err);
  }
  const problems = validateRoutes(data);
  if (problems.length > 0) throw new ParseError(source, problems.join('; '), { problems });
  return data as RoutesConfig;
}

/** Lists what is wrong with a routes object ([] when it is valid). */
export function validateRoutes(data: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(data)) return ['the routes must be a JSON object'];
  for (const key of Object.keys(data)) if (!KNOWN_KEYS.has(key)) problems.push(`unknown key "${key}"`);
  checkPathMap(data.redirects, 'redirects', problems, (rule, where) => {
    if (!isRecord(rule) || typeof rule.location !== 'string') return `${where} needs a string "location"`;
    if (rule.status !== undefined && !REDIRECT_STATUSES.has(rule.status as number)) return `${where}.status must be 301, 302, 303, 307 or 308`;
    return null;
  });
  checkPathMap(data.statuses, 'statuses', problems, (rule, where) => {
    if (!isRecord(rule) || !Number.isInteger(rule.status) || (rule.status as number) < 100 || (rule.status as number) > 599) {
      return `${where} needs an integer "status" between 100 and 599`;
    }
    if (rule.headers !== undefined && !isStringRecord(rule.headers)) return `${where}.headers must map names to strings`;
    if (rule.body !== undefined && typeof rule.body !== 'string') return `${where}.body must be a string`;
    if (rule.file !== undefined && typeof rule.file !== 'string') return `${where}.file must be a string`;
    return null;
  });
  checkPathMap(data.headers, 'headers', problems, (rule, where) => (isStringRecord(rule) ? null : `${where} must map names to strings`));
  checkPathMap(data.delays, 'delays', problems, (rule, where) =>
    typeof rule === 'number' && rule >= 0 && rule <= 120_000 ? null : `${where} must be a number of ms from 0 to 120000`,
  );
  for (const key of ['markdown', 'hidden'] as const) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.startsWith('/'))) {
      problems.push(`${key} must be a list of paths starting with "/"`);
    }
  }
  return problems;
}

/** Entries of `override` replace entries of `base` for the same path; lists are joined. */
export function mergeRoutes(base: RoutesConfig, override: RoutesConfig = {}): RoutesConfig {
  return {
    redirects: { ...base.redirects, ...override.redirects },
    statuses: { ...base.statuses, ...override.statuses },
    headers: { ...base.headers, ...override.headers },
    delays: { ...base.delays, ...override.delays },
    markdown: [...new Set([...(base.markdown ?? []), ...(override.markdown ?? [])])],
    hidden: [...new Set([...(base.hidden ?? []), ...(override.hidden ?? [])])],
  };
}

/** The value whose key matches `path`: the exact key, else the longest `prefix*` key. */
export function matchPath<T>(map: Record<string, T> | undefined, path: string): T | undefined {
  if (!map) return undefined;
  if (Object.hasOwn(map, path)) return map[path];
  let best: { length: number; value: T } | undefined;
  for (const [key, value] of Object.entries(map)) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (path.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, value };
  }
  return best?.value;
}

/** True when a list of path patterns (exact or `prefix*`) matches `path`. */
export function listMatches(list: string[] | undefined, path: string): boolean {
  if (!list) return false;
  return matchPath(Object.fromEntries(list.map((p) => [p, true])), path) === true;
}

function checkPathMap(
  value: unknown,
  name: string,
  problems: string[],
  check: (rule: unknown, where: string) => string | null,
): void {
  if (value === undefined) return;
  if (!isRecord(value)) {
    problems.push(`${name} must be an object keyed by path`);
    return;
  }
  for (const [path, rule] of Object.entries(value)) {
    if (!path.startsWith('/')) problems.push(`${name}["${path}"]: paths must start with "/"`);
    const problem = check(rule, `${name}["${path}"]`);
    if (problem) problems.push(problem);
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}
