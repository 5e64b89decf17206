// Text out of fast-xml-parser results. Entity processing is off everywhere we parse XML (no
// billion-laughs expansion), so the five predefined entities and character references are decoded
// here, in one pass, and nothing else is.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and character references; anything else stays as is. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g, (whole, hex, dec, name) => {
    if (name) return ENTITIES[name];
    const code = hex ? parseInt(hex, 16) : parseInt(dec, 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text of a parsed element: entity-decoded text plus literal CDATA ('' when absent). */
export function xmlTextOf(node: unknown): string {
  if (typeof node === 'string') return decodeXmlText(node).trim();
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return xmlTextOf(node[0]);
  if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    let out = '';
    if (obj['#text'] !== undefined) out += decodeXmlText(String(obj['#text']));
    const cdata = obj['#cdata'];
    if (cdata !== undefined) out += Array.isArray(cdata) ? cdata.join('') : String(cdata);
    return out.trim();
  }
  return '';
}
