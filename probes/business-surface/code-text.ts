// The text of a page's code samples (<pre> and <code>), so that phrases inside them can be told
// apart from prose: a JSON example with "price": "€49 per month" is not a price list. Works on the
// raw HTML the crawl kept (the parsed DOM is gone by the time probes run). Pure and bounded.

/** Only the first part of a huge page is searched for code blocks. */
const MAX_HTML = 2_000_000;
const MAX_CODE_TEXT = 500_000;
/** An opening <pre> or <code> tag (attributes bounded so a tag without '>' cannot make it crawl). */
const OPEN_TAG = /<(pre|code)\b[^>]{0,300}>/gi;
const CLOSE_TAG = { pre: /<\/pre\b/gi, code: /<\/code\b/gi };
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', euro: '€', pound: '£', yen: '¥', dollar: '$' };
/** How much prose on either side of a match is checked against the code text. */
const CONTEXT = 12;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/**
 * All code-sample text of the page, tags removed, spaces normalised ('' when none). A closing tag
 * is searched forward from its opening tag, so unclosed tags in hostile HTML cost one scan,
 * not one per tag.
 */
export function codeTextOf(html: string): string {
  if (!html || !/<(?:pre|code)\b/i.test(html)) return '';
  const source = html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html;
  const exhausted = new Set<string>();
  const parts: string[] = [];
  let size = 0;
  OPEN_TAG.lastIndex = 0;
  for (let m = OPEN_TAG.exec(source); m; m = OPEN_TAG.exec(source)) {
    const tag = m[1].toLowerCase();
    if (exhausted.has(tag)) continue;
    const start = m.index + m[0].length;
    const close = CLOSE_TAG[tag as 'pre' | 'code'];
    close.lastIndex = start;
    const end = close.exec(source)?.index ?? -1;
    if (end === -1) {
      exhausted.add(tag);
      continue;
    }
    const text = decodeEntities(source.slice(start, end).replace(/<[^<>]*>/g, '')).replace(/\s+/g, ' ').trim();
    OPEN_TAG.lastIndex = end;
    if (!text) continue;
    parts.push(text);
    size += text.length;
    if (size > MAX_CODE_TEXT) break;
  }
  OPEN_TAG.lastIndex = 0;
  return parts.join(' \u0000 ');
}

/**
 * True when the match at `index` in `text` (normalised page text) sits in a code sample: the match
 * with a little of what precedes or follows it appears in the code text.
 */
export function inCode(text: string, index: number, length: number, codeText: string): boolean {
  if (!codeText) return false;
  const match = text.slice(index, index + length);
  if (!codeText.includes(match)) return false;
  const before = text.slice(Math.max(0, index - CONTEXT), index + length);
  const after = text.slice(index, index + length + CONTEXT);
  return codeText.includes(before) || codeText.includes(after) || (length >= 2 * CONTEXT && before === match && after === match);
}
