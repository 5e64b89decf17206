// Sitemap parser per https://www.sitemaps.org/protocol.html: <urlset> and <sitemapindex> XML (gzip
// allowed) and the plain-text form (one URL per line). Pure: content in, result out; the only I/O-
// like step is bounded gunzip in parseSitemapBody. Malformed or hostile input gives errors, never a
// throw: fast-xml-parser runs with entity processing OFF, so a DOCTYPE's entities (billion laughs,
// quadratic blow-up) are never expanded; only the five predefined XML entities and character
// references are decoded, by decodeXmlText, in one linear pass.
import { decodeXmlText, xmlTextOf as textOf } from '../util/xml-text.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeBody } from '../fetch/decode.js';
import { MAX_SITEMAP_BYTES, gunzipCapped, isGzip } from './gzip.js';
import { IssueCollector, plural } from './issues.js';
import type { SitemapParseResult, SitemapRef, SitemapUrl } from './types.js';
import { isW3cDatetime } from './w3c-datetime.js';

/** sitemaps.org: "no more than 50,000 URLs"; the same bound holds for sitemaps in an index. */
export const MAX_SITEMAP_URLS = 50_000;
/** sitemaps.org: URLs "must be less than 2,048 characters". */
const MAX_LOC_LENGTH = 2048;
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const CHANGEFREQS = new Set(['always', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'never']);
const URL_FIELDS = new Set(['loc', 'lastmod', 'changefreq', 'priority']);
const INDEX_FIELDS = new Set(['loc', 'lastmod']);

const MSG = {
  empty: 'The sitemap is empty.',
  noEntries: (what: string) => `The sitemap lists no ${what}.`,
  html: 'The response is an HTML page, not a sitemap (a soft 404 or an error page).',
  notXml: 'The content is neither XML nor a plain-text list of URLs.',
  malformed: (msg: string, line?: number, col?: number) =>
    `The XML is not well-formed${line ? ` (line ${line}, column ${col})` : ''}: ${msg}`,
  doctype: 'The sitemap declares a DOCTYPE; sitemaps need none and its entities were not expanded.',
  wrongRoot: (name: string) => `The root element is <${name}>; a sitemap's root must be <urlset> or <sitemapindex>.`
    + (name === 'rss' || name === 'feed' ? ' RSS/Atom feeds are not read as sitemaps here.' : ''),
  wrongNamespace: (ns: string | null) => (ns
    ? `The root element's namespace is "${ns}", not ${SITEMAP_NS}.`
    : `The root element does not declare the sitemap namespace ${SITEMAP_NS}.`),
  tooMany: (total: number, what: string) =>
    `The sitemap lists ${total.toLocaleString('en-US')} ${what}; the limit is 50,000 (only the first 50,000 were read).`,
  tooLarge: (bytes: number | null) =>
    `The sitemap is larger than the 50 MB (52,428,800 bytes) uncompressed limit${bytes ? ` (${bytes.toLocaleString('en-US')} bytes)` : ''}.`,
  gzipCut: 'The gzip body inflates to more than 50 MB; only the first 50 MB were read.',
  gzipInvalid: (msg: string) => `The gzip body could not be decompressed: ${msg}`,
  missingLoc: (n: number, what: string) => `No <loc>: ${plural(n, what)}.`,
  badLastmod: (first: string) => (n: number) =>
    `<lastmod> not a W3C datetime: ${plural(n, 'entry', 'entries')} (first: "${first.slice(0, 80)}").`,
  badChangefreq: (first: string) => (n: number) => `Invalid <changefreq>: ${plural(n, 'URL')} (first: "${first.slice(0, 80)}").`,
  badPriority: (first: string) => (n: number) => `<priority> outside 0.0–1.0: ${plural(n, 'URL')} (first: "${first.slice(0, 80)}").`,
  notAbsolute: (first: string) => (n: number) => `Not an absolute http(s) URL: ${plural(n, 'location')} (first: "${first.slice(0, 120)}").`,
  otherHost: (host: string, first: string) => (n: number) =>
    `On another host than the sitemap's (${host}): ${plural(n, 'location')} (first: "${first.slice(0, 120)}").`,
  tooLong: (first: string) => (n: number) => `2,048 characters or longer: ${plural(n, 'location')} (first: "${first.slice(0, 80)}…").`,
  unknownTag: (name: string) => (n: number) => `Unhandled tag <${name}>${n > 1 ? ` (${n} times)` : ''}.`,
  textNotUrl: (first: string) => (n: number) => `Not an absolute URL: ${plural(n, 'line')} of the text sitemap (first: "${first.slice(0, 80)}").`,
};

export interface ParseSitemapOptions {
  /** Entries kept at most. @default 50_000 (the protocol's limit) */
  maxUrls?: number;
}

const parser = new XMLParser({
  // Entity processing OFF: no DOCTYPE entity is ever expanded (fast-xml-parser docs, "processEntities").
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  // CDATA kept apart: its text is literal and must not be entity-decoded.
  cdataPropName: '#cdata',
  // Matcher objects instead of jPath strings for callbacks we do not use: about twice as fast.
  jPath: false,
});


function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function emptyResult(): SitemapParseResult {
  return { kind: 'invalid', format: 'unknown', gzipped: false, urls: [], sitemaps: [], errors: [], warnings: [] };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function isAbsoluteHttp(loc: string): boolean {
  try {
    const u = new URL(loc);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks a <loc> (or a text line) against the sitemap's own URL; warnings only. */
function checkLoc(loc: string, sitemapHost: string | null, warnings: IssueCollector): void {
  if (!isAbsoluteHttp(loc)) {
    warnings.add('loc-not-absolute', MSG.notAbsolute(loc));
    return;
  }
  if (sitemapHost && hostOf(loc) !== sitemapHost) warnings.add('loc-other-host', MSG.otherHost(sitemapHost, loc));
  if (loc.length >= MAX_LOC_LENGTH) warnings.add('loc-too-long', MSG.tooLong(loc));
}

/**
 * Index of the first markup after the prolog's XML declaration, processing instructions, comments
 * and whitespace. A loop with indexOf, because a regex that repeats a lazy comment pattern
 * backtracks exponentially on many short comments.
 */
function afterProlog(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return i;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return i;
      i = end + 3;
    } else return i;
  }
}

function looksLikeHtml(text: string): boolean {
  const start = afterProlog(text);
  return /^<(?:!doctype\s+html|html[\s>])/i.test(text.slice(start, start + 64));
}

/** Parses sitemap text (XML or plain text). `url` is where it was fetched, for host checks. */
export function parseSitemap(url: string, content: string, options: ParseSitemapOptions = {}): SitemapParseResult {
  const maxUrls = options.maxUrls ?? MAX_SITEMAP_URLS;
  const result = emptyResult();
  const errors = new IssueCollector();
  const warnings = new IssueCollector();
  const finish = (): SitemapParseResult => {
    result.errors = [...result.errors, ...errors.list()];
    result.warnings = [...result.warnings, ...warnings.list()];
    return result;
  };

  const text = content.replace(/^\uFEFF/, '').trimStart();
  if (text.trim() === '') {
    errors.add('empty', MSG.empty);
    return finish();
  }
  // Byte length only matters near the limit; a UTF-16 unit is at most 3 UTF-8 bytes.
  if (text.length * 3 > MAX_SITEMAP_BYTES) {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_SITEMAP_BYTES) errors.add('too-large', MSG.tooLarge(bytes));
  }
  const sitemapHost = hostOf(url);

  if (!text.startsWith('<')) return parseTextSitemap(text, sitemapHost, maxUrls, result, errors, warnings, finish);

  if (looksLikeHtml(text)) {
    errors.add('html', MSG.html);
    return finish();
  }
  result.format = 'xml';
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    errors.add('malformed-xml', MSG.malformed(valid.err.msg, valid.err.line, valid.err.col));
    return finish();
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch (err) {
    errors.add('malformed-xml', MSG.malformed(err instanceof Error ? err.message : String(err)));
    return finish();
  }
  const prologEnd = afterProlog(text);
  if (/^<!DOCTYPE/i.test(text.slice(prologEnd, prologEnd + 16))) errors.add('doctype', MSG.doctype);

  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('!') && k !== '#text');
  if (!rootName) {
    errors.add('not-xml', MSG.notXml);
    return finish();
  }
  const colon = rootName.indexOf(':');
  const prefix = colon >= 0 ? rootName.slice(0, colon + 1) : '';
  const local = rootName.slice(prefix.length);
  if (local !== 'urlset' && local !== 'sitemapindex') {
    errors.add('wrong-root', MSG.wrongRoot(local.toLowerCase()));
    return finish();
  }
  checkNamespace(text, rootName, prefix, warnings);
  const root = doc[rootName];
  const children = root && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, unknown>) : {};
  const entryName = local === 'urlset' ? 'url' : 'sitemap';
  for (const key of Object.keys(children)) {
    if (key === `${prefix}${entryName}` || key === '#text') continue;
    if (!key.startsWith(prefix) || (prefix === '' && key.includes(':'))) continue; // an extension namespace
    warnings.add('unknown-tag', MSG.unknownTag(key), `unknown-tag:${key}`);
  }
  const entries = asArray(children[`${prefix}${entryName}`]);
  if (entries.length > maxUrls) errors.add('too-many-urls', MSG.tooMany(entries.length, local === 'urlset' ? 'URLs' : 'sitemaps'));
  const kept = entries.length > maxUrls ? entries.slice(0, maxUrls) : entries;

  if (entries.length === 0) warnings.add('empty', MSG.noEntries(local === 'urlset' ? 'URLs' : 'sitemaps'));
  if (local === 'urlset') {
    result.kind = 'urlset';
    for (const entry of kept) {
      const item = readEntry(entry, prefix, URL_FIELDS, sitemapHost, errors, warnings, 'URL');
      if (item) result.urls.push(item);
    }
  } else {
    result.kind = 'index';
    for (const entry of kept) {
      const item = readEntry(entry, prefix, INDEX_FIELDS, sitemapHost, errors, warnings, 'sitemap');
      if (item) result.sitemaps.push({ loc: item.loc, ...(item.lastmod ? { lastmod: item.lastmod } : {}) });
    }
  }
  return finish();
}

function checkNamespace(text: string, rootName: string, prefix: string, warnings: IssueCollector): void {
  const open = new RegExp(`<${rootName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b[^>]*>`).exec(text);
  const attr = prefix ? `xmlns:${prefix.slice(0, -1)}` : 'xmlns';
  const ns = open ? new RegExp(`\\s${attr}\\s*=\\s*(["'])(.*?)\\1`).exec(open[0])?.[2] ?? null : null;
  if (ns?.replace(/\/$/, '') !== SITEMAP_NS) warnings.add('wrong-namespace', MSG.wrongNamespace(ns));
}

function readEntry(
  entry: unknown,
  prefix: string,
  fields: Set<string>,
  sitemapHost: string | null,
  errors: IssueCollector,
  warnings: IssueCollector,
  what: 'URL' | 'sitemap',
): (SitemapUrl & SitemapRef) | undefined {
  const obj = entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : {};
  for (const key of Object.keys(obj)) {
    if (key === '#text' || key === '#cdata') continue;
    const isOwn = prefix ? key.startsWith(prefix) : !key.includes(':');
    if (isOwn && !fields.has(key.slice(prefix.length))) warnings.add('unknown-tag', MSG.unknownTag(key), `unknown-tag:${key}`);
  }
  const loc = textOf(obj[`${prefix}loc`]);
  if (!loc) {
    errors.add('missing-loc', (n) => MSG.missingLoc(n, what === 'URL' ? '<url> entry' : '<sitemap> entry'));
    return undefined;
  }
  checkLoc(loc, sitemapHost, warnings);
  const item: SitemapUrl & SitemapRef = { loc };
  const lastmodRaw = obj[`${prefix}lastmod`];
  if (lastmodRaw !== undefined) {
    const lastmod = textOf(lastmodRaw);
    if (isW3cDatetime(lastmod)) item.lastmod = lastmod;
    else errors.add('invalid-lastmod', MSG.badLastmod(lastmod));
  }
  if (what === 'URL') {
    const cfRaw = obj[`${prefix}changefreq`];
    if (cfRaw !== undefined) {
      const cf = textOf(cfRaw).toLowerCase();
      if (CHANGEFREQS.has(cf)) item.changefreq = cf;
      else warnings.add('invalid-changefreq', MSG.badChangefreq(cf));
    }
    const prRaw = obj[`${prefix}priority`];
    if (prRaw !== undefined) {
      const text = textOf(prRaw);
      const pr = /^\s*(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)\s*$/.test(text) ? Number(text) : NaN;
      if (pr >= 0 && pr <= 1) item.priority = pr;
      else warnings.add('invalid-priority', MSG.badPriority(text));
    }
  }
  return item;
}

function parseTextSitemap(
  text: string,
  sitemapHost: string | null,
  maxUrls: number,
  result: SitemapParseResult,
  errors: IssueCollector,
  warnings: IssueCollector,
  finish: () => SitemapParseResult,
): SitemapParseResult {
  // sitemaps.org "Text file": one absolute URL per line, UTF-8, nothing else.
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
  const good: string[] = [];
  const bad = new IssueCollector();
  for (const line of lines) {
    if (isAbsoluteHttp(line) && !/\s/.test(line)) good.push(line);
    else bad.add('text-not-url', MSG.textNotUrl(line));
  }
  if (good.length === 0) {
    errors.add('not-xml', MSG.notXml);
    return finish();
  }
  result.errors.push(...bad.list());
  result.kind = 'urlset';
  result.format = 'text';
  if (good.length > maxUrls) errors.add('too-many-urls', MSG.tooMany(good.length, 'URLs'));
  for (const loc of good.slice(0, maxUrls)) {
    checkLoc(loc, sitemapHost, warnings);
    result.urls.push({ loc });
  }
  return finish();
}

/**
 * Parses a fetched sitemap body: gunzips it when it is gzip (magic bytes; `.xml.gz` files are
 * often served without Content-Encoding), capped at 50 MB, then decodes the text and parses it.
 */
export async function parseSitemapBody(
  url: string,
  body: Buffer,
  contentType?: string,
  options: ParseSitemapOptions = {},
): Promise<SitemapParseResult> {
  if (!isGzip(body)) {
    const result = parseSitemap(url, decodeBody(body, contentType), options);
    if (body.length > MAX_SITEMAP_BYTES && !result.errors.some((e) => e.code === 'too-large')) {
      result.errors.unshift({ code: 'too-large', message: MSG.tooLarge(body.length) });
    }
    return result;
  }
  const inflated = await gunzipCapped(body, MAX_SITEMAP_BYTES);
  if (inflated.error && inflated.data.length === 0) {
    const result = emptyResult();
    result.gzipped = true;
    result.errors.push({ code: 'gzip-invalid', message: MSG.gzipInvalid(inflated.error) });
    return result;
  }
  const result = parseSitemap(url, decodeBody(inflated.data, 'application/xml'), options);
  result.gzipped = true;
  if (inflated.truncated) result.errors.unshift({ code: 'too-large', message: MSG.gzipCut });
  if (inflated.error) result.errors.unshift({ code: 'gzip-invalid', message: MSG.gzipInvalid(inflated.error) });
  return result;
}

export { decodeXmlText };
