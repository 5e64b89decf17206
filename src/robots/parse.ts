// Parses robots.txt into groups, rules, sitemaps, Content-Signal lines and lint findings.
// Pure and network-free. Follows RFC 9309 (https://www.rfc-editor.org/rfc/rfc9309.html) and, where the
// RFC leaves room, Google's reference parser (github.com/google/robotstxt, robots.cc) so that our
// verdicts agree with the crawler most portals care about. Work is done on bytes, as robots.cc does,
// so BOM handling, the per-line cap and percent-encoding of non-ASCII octets match it exactly.

/** RFC 9309 §2.5: parsers must read at least 500 KiB; content after that is ignored. */
export const MAX_PARSE_BYTES = 500 * 1024;
/** robots.cc keeps at most kMaxLineLen - 1 = 2083 * 8 - 1 bytes of a line; the rest is dropped. */
export const MAX_LINE_BYTES = 2083 * 8 - 1;

/**
 * Non-standard directives that are widely used and documented, so they are not reported as unknown.
 * crawl-delay (Bing, Yandex), clean-param / host (Yandex), request-rate / visit-time / noindex (seen in
 * the wild; Lighthouse's robots-txt audit accepts the same list), content-signal (contentsignals.org),
 * content-usage (IETF AI Preferences draft).
 */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set([
  'crawl-delay', 'clean-param', 'host', 'request-rate', 'visit-time', 'noindex', 'content-signal', 'content-usage',
]);

const LINT_TEXT = {
  syntax: 'not a "name: value" line; crawlers ignore it',
  emptyKey: 'the line has no directive name; crawlers ignore it',
  outsideGroup: 'rule before any User-agent line; crawlers ignore it (RFC 9309 §2.1)',
  unknown: (name: string) => `unknown directive "${name}"; crawlers ignore it`,
  typo: (name: string, canonical: string) => `"${name}" is read as ${canonical} by Google only; other crawlers ignore it`,
  missingColon: 'missing ":" after the directive name; only Google reads this line',
  agentNotToken: (value: string, token: string) =>
    `user-agent "${value}" is not a product token; matched as "${token}" (RFC 9309 §2.2.1)`,
  agentInvalid: (value: string) => `user-agent "${value}" names no product token; the group applies to no crawler`,
  sitemapNotAbsolute: (value: string) => `Sitemap "${value}" is not an absolute http(s) URL; crawlers ignore it`,
} as const;

export type RuleDirective = 'allow' | 'disallow';

export interface RobotsRule {
  /** 1-based line number. */
  line: number;
  directive: RuleDirective;
  /** The path pattern after percent-encoding normalisation (non-ASCII octets escaped, %xx upper-cased). */
  pattern: string;
  /** The line as written (comment removed, trimmed), for evidence. */
  text: string;
}

export interface RobotsGroup {
  /** Line of the group's first User-agent line. */
  line: number;
  /** Product tokens as written ('*' for the global group); lines that name no token add nothing. */
  agents: string[];
  rules: RobotsRule[];
}

export interface RobotsSitemap {
  line: number;
  /** The value as written. */
  url: string;
  /** True when the value is an absolute http(s) URL (sitemaps.org requires a fully qualified URL). */
  valid: boolean;
}

export interface RobotsContentSignal {
  line: number;
  /** e.g. "search=yes, ai-train=no" (contentsignals.org). */
  value: string;
  /** Agents of the group the line sits in; empty when it comes before any User-agent line. */
  agents: string[];
  text: string;
}

export interface RobotsDirectiveLine {
  line: number;
  /** Directive name as written. */
  name: string;
  value: string;
  text: string;
}

export type LintKind =
  | 'syntax'
  | 'rule-outside-group'
  | 'unknown-directive'
  | 'directive-typo'
  | 'missing-colon'
  | 'user-agent-not-token'
  | 'user-agent-invalid'
  | 'sitemap-not-absolute';

export interface RobotsLintIssue {
  line: number;
  kind: LintKind;
  /** 'error': some crawlers ignore or misread the line; 'warning': read as meant by major crawlers. */
  severity: 'error' | 'warning';
  message: string;
  text: string;
}

/** Counters that mirror robots_test.cc's RobotsStatsReporter. */
export interface RobotsStats {
  /** User-agent, Allow, Disallow and Sitemap lines (wherever they are). */
  validDirectives: number;
  /** Every other "name: value" line, known extensions included (Google's unknown_directives). */
  otherDirectives: number;
  /** Last line that held a directive of any kind (0 when none). */
  lastLineSeen: number;
  /** Lines read (a final line without a line ending counts). */
  lineCount: number;
}

export interface RobotsFile {
  /**
   * How the file applies (RFC 9309 §2.3.1): 'rules' for a parsed file, or a blanket policy decided by
   * the HTTP status ('allow-all' for 4xx, 'disallow-all' for 5xx or an unreachable server).
   */
  policy: 'rules' | 'allow-all' | 'disallow-all';
  groups: RobotsGroup[];
  sitemaps: RobotsSitemap[];
  contentSignals: RobotsContentSignal[];
  /** Directives that are neither standard nor a known extension (see KNOWN_EXTENSIONS). */
  unknownDirectives: RobotsDirectiveLine[];
  /** Every other directive line that is not Allow/Disallow/User-agent/Sitemap (Crawl-delay, Host…). */
  extensions: RobotsDirectiveLine[];
  lint: RobotsLintIssue[];
  stats: RobotsStats;
  /** Size of the whole input in bytes. */
  sizeBytes: number;
  /** True when the input was larger than MAX_PARSE_BYTES and the rest was ignored. */
  truncated: boolean;
}

/** An empty file with a blanket policy (no rules); used for HTTP-status outcomes. */
export function blanketRobots(policy: 'allow-all' | 'disallow-all'): RobotsFile {
  const file = parseRobots('');
  file.policy = policy;
  return file;
}

// ---------------------------------------------------------------------------------------------------
// Line splitting (robots.cc RobotsTxtParser::Parse)

const BOM = [0xef, 0xbb, 0xbf];
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits bytes into lines the way robots.cc does: LF, CR and CRLF all end a line; a (possibly partial)
 * UTF-8 BOM at the very start is skipped; bytes past MAX_LINE_BYTES on a line are dropped; the last
 * line is emitted even without a line ending. Lines come back as latin1 strings (one char per byte).
 */
export function splitLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let bomPos = 0;
  let start = -1; // start index of the current line's kept bytes
  let kept = 0;
  let lastWasCr = false;
  const take = (): string => (kept === 0 ? '' : buf.toString('latin1', start, start + kept));
  for (let i = 0; i < buf.length; i++) {
    const ch = buf[i];
    if (bomPos < BOM.length && ch === BOM[bomPos++]) continue;
    bomPos = BOM.length;
    if (ch !== LF && ch !== CR) {
      if (kept === 0) start = i;
      // Bytes are contiguous within a line, so "kept" bytes are always buf[start .. start+kept).
      if (kept < MAX_LINE_BYTES) kept++;
      continue;
    }
    const crlfContinuation = kept === 0 && lastWasCr && ch === LF;
    if (!crlfContinuation) lines.push(take());
    kept = 0;
    lastWasCr = ch === CR;
  }
  lines.push(take());
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Key/value extraction (robots.cc GetKeyAndValueFrom)

const ASCII_SPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
const stripAscii = (s: string): string => s.replace(ASCII_SPACE, '');

interface KeyValue {
  key: string;
  value: string;
  missingColon: boolean;
}

/** Returns null for blank/comment-only lines, 'bad' for lines that are not "key: value". */
function keyValue(line: string): KeyValue | null | 'bad' {
  const hash = line.indexOf('#');
  const body = stripAscii(hash >= 0 ? line.slice(0, hash) : line);
  if (body === '') return null;
  let sep = body.indexOf(':');
  let missingColon = false;
  if (sep < 0) {
    // Google-specific: "disallow /x" (whitespace instead of the colon) is accepted when the line is
    // exactly two whitespace-separated words.
    const ws = body.search(/[ \t]/);
    if (ws < 0) return 'bad';
    const rest = body.slice(ws).replace(/^[ \t]+/, '');
    if (/[ \t]/.test(rest)) return 'bad';
    sep = ws;
    missingColon = true;
  }
  const key = stripAscii(body.slice(0, sep));
  if (key === '') return 'bad';
  return { key, value: stripAscii(body.slice(sep + 1)), missingColon };
}

type KeyType = 'user-agent' | 'allow' | 'disallow' | 'sitemap' | 'unknown';

/** robots.cc ParsedRobotsKey::Parse: prefix matching, case-insensitive, with common typos. */
function keyType(key: string): { type: KeyType; canonical?: string } {
  const k = key.toLowerCase();
  if (k.startsWith('user-agent') || k.startsWith('useragent') || k.startsWith('user agent')) {
    return { type: 'user-agent', canonical: 'User-agent' };
  }
  if (k.startsWith('allow')) return { type: 'allow', canonical: 'Allow' };
  if (['disallow', 'dissallow', 'dissalow', 'disalow', 'diasllow', 'disallaw'].some((p) => k.startsWith(p))) {
    return { type: 'disallow', canonical: 'Disallow' };
  }
  if (k.startsWith('sitemap') || k.startsWith('site-map')) return { type: 'sitemap', canonical: 'Sitemap' };
  return { type: 'unknown' };
}

// ---------------------------------------------------------------------------------------------------
// Percent-encoding (robots.cc MaybeEscapePattern; RFC 9309 §2.2.2)

const HEX = '0123456789ABCDEF';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9A-Fa-f]$/.test(c);

/** Escapes a latin1 byte string: octets >= 0x80 become %XX and existing %xx escapes are upper-cased. */
export function escapeBytes(bytes: string): string {
  if (!/[%\u0080-\u00ff]/.test(bytes)) return bytes;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    const code = bytes.charCodeAt(i);
    if (c === '%' && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out += '%' + bytes[i + 1].toUpperCase() + bytes[i + 2].toUpperCase();
      i += 2;
    } else if (code >= 0x80) {
      out += '%' + HEX[(code >> 4) & 0xf] + HEX[code & 0xf];
    } else {
      out += c;
    }
  }
  return out;
}

/** Normalises a path pattern as Google does: "/SanJoséSellers" → "/SanJos%C3%A9Sellers", "%aa" → "%AA". */
export function escapePattern(pattern: string): string {
  return escapeBytes(Buffer.from(pattern, 'utf8').toString('latin1'));
}

const utf8 = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');

// ---------------------------------------------------------------------------------------------------
// User-agent values (robots.cc HandleUserAgent / ExtractUserAgent)

/** The product token at the start of a user-agent value: the longest prefix of [A-Za-z_-]. */
export function extractAgentToken(value: string): string {
  const m = /^[A-Za-z_-]+/.exec(value);
  return m ? m[0] : '';
}

/** RFC 9309 §2.2.1: a product token is non-empty and made of [a-zA-Z_-] only. */
export function isValidAgentToken(value: string): boolean {
  return value.length > 0 && extractAgentToken(value) === value;
}

/** Google-specific: "*" alone or followed by whitespace is the global agent. */
function isGlobalAgent(value: string): boolean {
  return value.startsWith('*') && (value.length === 1 || /^\s/.test(value.slice(1)));
}

// ---------------------------------------------------------------------------------------------------
// The parser

/** Parses robots.txt text or raw bytes (bytes preferred: invalid UTF-8 is kept as Google keeps it). */
export function parseRobots(input: string | Uint8Array): RobotsFile {
  const all = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const sizeBytes = all.byteLength;
  let bytes = all;
  const truncated = sizeBytes > MAX_PARSE_BYTES;
  if (truncated) {
    // Drop the partial last line as well: a cut "Disallow: /private" would read as "Disallow: /p".
    bytes = all.subarray(0, MAX_PARSE_BYTES);
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] !== LF && bytes[end - 1] !== CR) end--;
    bytes = bytes.subarray(0, end);
  }

  const file: RobotsFile = {
    policy: 'rules',
    groups: [],
    sitemaps: [],
    contentSignals: [],
    unknownDirectives: [],
    extensions: [],
    lint: [],
    stats: { validDirectives: 0, otherDirectives: 0, lastLineSeen: 0, lineCount: 0 },
    sizeBytes,
    truncated,
  };

  const lines = splitLines(bytes);
  file.stats.lineCount = lines.length;
  let group: RobotsGroup | null = null;
  // A rule closes the agent list: the next User-agent line starts a new group (robots.cc
  // seen_separator_). Sitemap and other lines do not close it (ID_LineSyntax_Groups_OtherRules).
  let groupHasRules = false;

  lines.forEach((raw, index) => {
    const line = index + 1;
    // C strings end at NUL; robots.cc therefore never sees what follows one.
    const nul = raw.indexOf('\0');
    const content = nul >= 0 ? raw.slice(0, nul) : raw;
    const kv = keyValue(content);
    if (kv === null) return;
    const text = utf8(stripAscii(content.replace(/#.*$/, '')));
    const lint = (kind: LintKind, message: string, severity: 'error' | 'warning' = 'error'): void => {
      file.lint.push({ line, kind, severity, message, text });
    };
    if (kv === 'bad') {
      lint('syntax', LINT_TEXT.syntax);
      return;
    }
    const { type, canonical } = keyType(kv.key);
    file.stats.lastLineSeen = line;
    if (type === 'unknown') file.stats.otherDirectives++;
    else file.stats.validDirectives++;
    if (kv.missingColon) lint('missing-colon', LINT_TEXT.missingColon);
    if (canonical && kv.key.toLowerCase() !== canonical.toLowerCase()) {
      lint('directive-typo', LINT_TEXT.typo(utf8(kv.key), canonical));
    }

    switch (type) {
      case 'user-agent': {
        if (group === null || groupHasRules) {
          group = { line, agents: [], rules: [] };
          file.groups.push(group);
          groupHasRules = false;
        }
        const value = utf8(kv.value);
        if (isGlobalAgent(kv.value)) {
          group.agents.push('*');
        } else {
          const token = extractAgentToken(kv.value);
          if (token === '') {
            lint('user-agent-invalid', LINT_TEXT.agentInvalid(value));
          } else {
            group.agents.push(token);
            if (token !== kv.value) lint('user-agent-not-token', LINT_TEXT.agentNotToken(value, token), 'warning');
          }
        }
        return;
      }
      case 'allow':
      case 'disallow': {
        if (group === null) {
          lint('rule-outside-group', LINT_TEXT.outsideGroup);
          return;
        }
        group.rules.push({ line, directive: type, pattern: escapeBytes(kv.value), text });
        groupHasRules = true;
        return;
      }
      case 'sitemap': {
        const url = utf8(kv.value);
        const valid = isAbsoluteHttpUrl(url);
        file.sitemaps.push({ line, url, valid });
        if (!valid) lint('sitemap-not-absolute', LINT_TEXT.sitemapNotAbsolute(url));
        return;
      }
      default: {
        const entry: RobotsDirectiveLine = { line, name: utf8(kv.key), value: utf8(kv.value), text };
        const name = entry.name.toLowerCase();
        if (!KNOWN_EXTENSIONS.has(name)) {
          file.unknownDirectives.push(entry);
          lint('unknown-directive', LINT_TEXT.unknown(entry.name));
          return;
        }
        file.extensions.push(entry);
        if (name === 'content-signal') {
          const agents: string[] = group === null ? [] : [...(group as RobotsGroup).agents];
          file.contentSignals.push({ line, value: entry.value, agents, text });
        }
      }
    }
  });
  return file;
}

function isAbsoluteHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
