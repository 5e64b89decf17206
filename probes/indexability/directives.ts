// Robots directives as Google documents them for `<meta name="robots">` (and agent-named metas such
// as `<meta name="googlebot">`) and the `X-Robots-Tag` HTTP header:
// https://developers.google.com/search/docs/crawling-indexing/robots-meta-tag
// Pure parsing and semantics; which agent a rule applies to is decided in robots-rules.ts.
//
// - Rules are comma-separated and case-insensitive; unknown rules are ignored.
// - `none` = `noindex, nofollow`; `unavailable_after: <date>` with a date in the past = `noindex`
//   (an unparsable date is ignored); `max-snippet: 0` = `nosnippet`.
// - In X-Robots-Tag a rule list may start with a user-agent token (`googlebot: noindex`); the rules
//   after it apply to that agent only. Repeated headers reach us joined with ", " (Fetch standard),
//   so an agent prefix applies until the next agent prefix: the header boundaries are gone.

/** Rules whose name is followed by `: value`; any other `name:` prefix in a header names an agent. */
export const VALUE_RULES: ReadonlySet<string> = new Set(['unavailable_after', 'max-snippet', 'max-image-preview', 'max-video-preview']);

/** Every rule Google documents, plus `nocache` (Bing's noarchive) and the `noai`/`noimageai` opt-outs some sites use. */
export const KNOWN_RULES: ReadonlySet<string> = new Set([
  'all', 'noindex', 'nofollow', 'none', 'noarchive', 'nocache', 'nosnippet', 'indexifembedded', 'notranslate',
  'noimageindex', 'noai', 'noimageai', ...VALUE_RULES,
]);

/** Rules that keep something from search engines or answer engines (for agent-specific reports). */
const RESTRICTIVE = new Set(['noindex', 'nofollow', 'none', 'noarchive', 'nocache', 'nosnippet', 'noimageindex', 'noai', 'noimageai']);

const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;
const PREFIX = /^([^\s:,]+)\s*:\s*(.*)$/s;
/** Longest rule list read; anything longer is hostile or broken, and the rest is ignored. */
const MAX_TEXT = 8 * 1024;

export interface Rule {
  /** Lower-cased rule name (`noindex`, `max-snippet` …). */
  name: string;
  /** The value after `:` for VALUE_RULES, trimmed. */
  value?: string;
  /** The rule as written (trimmed). */
  raw: string;
}

export interface RuleGroup {
  /** The agent token as written (`googlebot`), or null for rules that apply to every crawler. */
  agent: string | null;
  rules: Rule[];
}

function ruleFrom(token: string): Rule | null {
  const raw = token.trim();
  if (!raw) return null;
  const match = PREFIX.exec(raw);
  if (match && VALUE_RULES.has(match[1].toLowerCase())) return { name: match[1].toLowerCase(), value: match[2].trim(), raw };
  return { name: raw.toLowerCase(), raw };
}

/**
 * Splits on commas, but keeps an RFC 850 date together: `unavailable_after: Wednesday, 03-Nov-2027 …`
 * has a comma after the weekday, which is part of the value.
 */
function tokens(text: string): string[] {
  const parts = text.slice(0, MAX_TEXT).split(',');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i];
    const match = /unavailable_after\s*:\s*([^:]*)$/i.exec(part.trim());
    if (match && WEEKDAY.test(match[1].trim()) && i + 1 < parts.length) part = `${part},${parts[++i]}`;
    out.push(part);
  }
  return out;
}

/** The rules of a `<meta name="robots|<agent>" content="…">` (no agent prefixes inside a meta). */
export function parseMetaContent(content: string): Rule[] {
  return tokens(content).flatMap((t) => ruleFrom(t) ?? []);
}

/**
 * The rule groups of an X-Robots-Tag value (repeated headers joined with ", "). Rules before any
 * agent prefix form the group with agent null.
 */
export function parseRobotsHeader(value: string): RuleGroup[] {
  const groups: RuleGroup[] = [];
  let current: RuleGroup | null = null;
  for (const token of tokens(value)) {
    const trimmed = token.trim();
    if (!trimmed) continue;
    const match = PREFIX.exec(trimmed);
    if (match && !VALUE_RULES.has(match[1].toLowerCase())) {
      current = { agent: match[1], rules: [] };
      groups.push(current);
      const rule = ruleFrom(match[2]);
      if (rule) current.rules.push(rule);
      continue;
    }
    if (!current) {
      current = { agent: null, rules: [] };
      groups.push(current);
    }
    const rule = ruleFrom(trimmed);
    if (rule) current.rules.push(rule);
  }
  return groups;
}

/** True for `unavailable_after: <date>` whose date parses and lies before `now`. */
export function isExpired(rule: Rule, now: Date): boolean {
  if (rule.name !== 'unavailable_after' || !rule.value) return false;
  const date = Date.parse(rule.value);
  return !Number.isNaN(date) && date < now.getTime();
}

export function blocksIndexing(rule: Rule, now: Date): boolean {
  return rule.name === 'noindex' || rule.name === 'none' || isExpired(rule, now);
}

export function blocksFollowing(rule: Rule): boolean {
  return rule.name === 'nofollow' || rule.name === 'none';
}

/** nosnippet or max-snippet:0 — no text snippet, which also keeps the page out of AI answers' quotes. */
export function blocksSnippet(rule: Rule): boolean {
  return rule.name === 'nosnippet' || (rule.name === 'max-snippet' && rule.value !== undefined && Number(rule.value) === 0);
}

/** Any rule that withholds something (index, links, snippets, caching, images, AI use). */
export function isRestrictive(rule: Rule, now: Date): boolean {
  return RESTRICTIVE.has(rule.name) || blocksIndexing(rule, now) || blocksSnippet(rule);
}
