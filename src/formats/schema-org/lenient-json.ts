// Reads a JSON-LD block the way a forgiving consumer does. Strict JSON.parse first; when that fails,
// one linear pass removes what pages commonly leave in <script type="application/ld+json"> — HTML
// comment and CDATA markers around the JSON, JavaScript // and /* */ comments, raw control
// characters inside strings, trailing commas — and parses again. This mirrors scrapinghub/extruct
// (json.loads(strict=False), then jstyleson after dropping a leading `//` or `<!-- -->` line).
// A block that needed this is still reported: strict consumers (JSON.parse, most JSON-LD
// processors) reject it.
import { jsonErrorOffset } from './json-error-offset.js';

/** What a lenient re-read had to change, in the words used in reasons. */
export type Repair = 'byte-order mark' | 'HTML comment markers' | 'CDATA markers' | 'JavaScript comments' | 'control characters in strings' | 'trailing commas';

export type LenientResult =
  | { ok: true; value: unknown; repairs: [] }
  | { ok: true; value: unknown; repairs: Repair[]; error: string }
  | { ok: false; error: string };

const EXCERPT_CHARS = 40;
const CONTROL_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

/** "message (line L, column C) near "…"" from a JSON.parse error on `text`. */
export function describeJsonError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  if (text.trim() === '') return 'empty block';
  // V8 quotes the input in "Unexpected token" messages ('…, "…" is not valid JSON') and gives no
  // position; keep its first clause and find the position ourselves.
  const short = message.replace(/,\s*".*$/s, '').replace(/\s+in JSON at position \d+.*$/s, '').trim();
  const at = /at position (\d+)/.exec(message);
  const pos = at ? Number(at[1]) : jsonErrorOffset(text);
  if (pos === null) return short;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  const column = pos - text.lastIndexOf('\n', pos - 1);
  const excerpt = text.slice(Math.max(0, pos - EXCERPT_CHARS), pos + EXCERPT_CHARS).replace(/\s+/g, ' ').trim();
  return `${short} (line ${line}, column ${column}) near "${excerpt}"`;
}

/** JSON.parse, then a lenient re-read; never throws. */
export function parseLenientJson(text: string): LenientResult {
  try {
    return { ok: true, value: JSON.parse(text), repairs: [] };
  } catch (err) {
    const error = describeJsonError(err, text);
    const { cleaned, repairs } = clean(text);
    if (repairs.length === 0) return { ok: false, error };
    try {
      return { ok: true, value: JSON.parse(cleaned), repairs, error };
    } catch {
      return { ok: false, error };
    }
  }
}

/** Markers that wrap the JSON as a whole: a BOM, `<!--` … `-->`, `<![CDATA[` … `]]>`. */
function unwrap(text: string, repairs: Set<Repair>): string {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) {
    t = t.slice(1);
    repairs.add('byte-order mark');
  }
  // A whole comment line before the JSON (extruct's HTML_OR_JS_COMMENTLINE) is dropped as a comment.
  const leading = /^\s*<!--[^]*?-->/.exec(t);
  if (leading && !/^\s*<!--\s*[[{]/.test(t)) {
    t = t.slice(leading[0].length);
    repairs.add('HTML comment markers');
  }
  const open = /^\s*<!--/.exec(t);
  if (open) {
    t = t.slice(open[0].length);
    repairs.add('HTML comment markers');
  }
  const close = /-->\s*$/.exec(t);
  if (close) {
    t = t.slice(0, close.index);
    repairs.add('HTML comment markers');
  }
  return t;
}

/**
 * One pass over the text tracking whether we are inside a string: outside strings drop comments
 * and CDATA markers, inside strings escape raw control characters. A second pass drops trailing
 * commas (a comma followed, after whitespace, by `}` or `]`). Linear in the input.
 */
export function clean(text: string): { cleaned: string; repairs: Repair[] } {
  const repairs = new Set<Repair>();
  const t = unwrap(text, repairs);
  const out: string[] = [];
  let start = 0; // start of the pending verbatim slice
  let inString = false;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        i++; // skip the escaped character
      } else if (c === 0x22) {
        inString = false;
      } else if (c < 0x20) {
        out.push(t.slice(start, i), CONTROL_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, '0')}`);
        start = i + 1;
        repairs.add('control characters in strings');
      }
      continue;
    }
    if (c === 0x22) {
      inString = true;
    } else if (c === 0x2f && t.charCodeAt(i + 1) === 0x2f) {
      // `// …` to the end of the line
      let end = t.indexOf('\n', i);
      if (end < 0) end = n;
      out.push(t.slice(start, i));
      start = end;
      i = end - 1;
      repairs.add('JavaScript comments');
    } else if (c === 0x2f && t.charCodeAt(i + 1) === 0x2a) {
      // `/* … */` (an unclosed one runs to the end)
      let end = t.indexOf('*/', i + 2);
      end = end < 0 ? n : end + 2;
      out.push(t.slice(start, i), ' ');
      start = end;
      i = end - 1;
      repairs.add('JavaScript comments');
    } else if (c === 0x3c && t.startsWith('<![CDATA[', i)) {
      out.push(t.slice(start, i));
      start = i + 9;
      i = start - 1;
      repairs.add('CDATA markers');
    } else if (c === 0x5d && t.startsWith(']]>', i)) {
      out.push(t.slice(start, i));
      start = i + 3;
      i = start - 1;
      repairs.add('CDATA markers');
    }
  }
  out.push(t.slice(start));
  const cleaned = dropTrailingCommas(out.join(''), repairs);
  return { cleaned, repairs: [...repairs] };
}

function dropTrailingCommas(t: string, repairs: Set<Repair>): string {
  const out: string[] = [];
  let start = 0;
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
    } else if (c === 0x2c) {
      let j = i + 1;
      while (j < t.length && /\s/.test(t[j])) j++;
      if (t[j] === '}' || t[j] === ']') {
        out.push(t.slice(start, i));
        start = i + 1;
        repairs.add('trailing commas');
      }
      i = j - 1;
    }
  }
  out.push(t.slice(start));
  return out.join('');
}
