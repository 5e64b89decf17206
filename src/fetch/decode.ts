// Bytes to text for everything probes read. Follows the WHATWG Encoding Standard's order for
// HTML (https://html.spec.whatwg.org/#determining-the-character-encoding): a BOM wins, then the
// Content-Type charset, then a <meta charset> in the first 1024 bytes, else UTF-8. Invalid bytes
// become U+FFFD: hostile or broken input never throws.

const SNIFF_BYTES = 1024;

/** `text/HTML; charset=UTF-8` → `text/html`; '' when absent. */
export function mediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  return contentType.split(';', 1)[0].trim().toLowerCase();
}

/** The charset parameter of a Content-Type, lower-cased, quotes removed. */
export function charsetParam(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? match[2].toLowerCase() : undefined;
}

function bomEncoding(body: Buffer): string | undefined {
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', '']);

/** <meta charset="x"> or <meta http-equiv="Content-Type" content="…; charset=x"> (HTML only). */
function sniffMeta(body: Buffer): string | undefined {
  const head = body.subarray(0, SNIFF_BYTES).toString('latin1');
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : undefined;
}

/** <?xml version="1.0" encoding="x"?> (XML only). */
function sniffXmlDeclaration(body: Buffer): string | undefined {
  const head = body.subarray(0, SNIFF_BYTES).toString('latin1');
  const match = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match ? match[1].toLowerCase() : undefined;
}

function isXml(type: string): boolean {
  return type.endsWith('/xml') || type.endsWith('+xml');
}

function decoderFor(label: string | undefined): TextDecoder {
  if (label) {
    try {
      return new TextDecoder(label, { fatal: false });
    } catch {
      // Unknown label (RangeError): fall back to UTF-8 like browsers do.
    }
  }
  return new TextDecoder('utf-8', { fatal: false });
}

/** Which encoding decodeBody will use (exported for tests and for evidence notes). */
export function detectEncoding(body: Buffer, contentType?: string): string {
  const type = mediaType(contentType);
  let label = bomEncoding(body) ?? charsetParam(contentType);
  if (!label && HTML_TYPES.has(type)) {
    label = sniffMeta(body);
    // A meta that claims UTF-16 is wrong by definition (ASCII bytes were just read): HTML spec.
    if (label?.startsWith('utf-16')) label = 'utf-8';
  }
  if (!label && isXml(type)) label = sniffXmlDeclaration(body);
  return decoderFor(label).encoding;
}

// windows-1252 bytes 0x80–0x9F (WHATWG index-windows-1252). Node 20.18.3+ decodes this label as
// ISO-8859-1 (nodejs/node#60888), turning curly quotes and dashes into C1 controls, so the one
// encoding most legacy pages declare (every latin1 label maps to it) is decoded here instead.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(body: Buffer): string {
  const latin1 = body.toString('latin1');
  // Only bytes 0x80–0x9F differ from ISO-8859-1; skip the rewrite when there are none.
  if (!/[\x80-\x9f]/.test(latin1)) return latin1;
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Decodes a response body to text; never throws; strips a BOM. */
export function decodeBody(body: Buffer, contentType?: string): string {
  const encoding = detectEncoding(body, contentType);
  if (encoding === 'windows-1252') return decodeWindows1252(body);
  // TextDecoder drops a BOM that matches its encoding (ignoreBOM defaults to false).
  return decoderFor(encoding).decode(body);
}
