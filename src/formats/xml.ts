// One XML reading setup for the discovery documents (OpenSearch descriptions, RSS/Atom feeds):
// fast-xml-parser with entity processing OFF, so a DOCTYPE's entities (a "billion laughs" bomb)
// are never expanded — only the five predefined entities and character references are decoded, by
// decodeXmlText. Well-formedness is checked first with XMLValidator so malformed input is a
// finding with a line number, never a crash. Pure.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeXmlText, xmlTextOf } from '../util/xml-text.js';

/** Larger documents are not parsed (feeds and descriptions are far smaller). */
export const MAX_XML_CHARS = 5 * 1024 * 1024;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Namespaces are matched by local name: <atom:link>, <dc:date>, <os:Url> read as link, date, Url.
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  isArray: (name: string) => name === 'item' || name === 'entry' || name === 'Url',
});

export type XmlParse = { ok: true; doc: Record<string, unknown> } | { ok: false; reason: string; line?: number };

export function parseXml(text: string): XmlParse {
  if (text.length > MAX_XML_CHARS) return { ok: false, reason: `larger than ${MAX_XML_CHARS} characters` };
  const body = text.replace(/^\uFEFF/, '');
  if (!/^\s*</.test(body)) return { ok: false, reason: 'not XML (does not start with "<")' };
  const check = XMLValidator.validate(body);
  if (check !== true) return { ok: false, reason: `malformed XML: ${check.err.msg}`, line: check.err.line };
  try {
    return { ok: true, doc: parser.parse(body) as Record<string, unknown> };
  } catch (err) {
    return { ok: false, reason: `malformed XML: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Text of a parsed element: entity-decoded text plus literal CDATA ('' when absent). */
export const textOf = xmlTextOf;

/** An attribute of a parsed element ('' when absent). */
export function attrOf(node: unknown, name: string): string {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return '';
  const value = (node as Record<string, unknown>)[`@_${name}`];
  return typeof value === 'string' ? decodeXmlText(value).trim() : '';
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
