// Web feeds a portal advertises with <link rel="alternate" type="application/rss+xml |
// application/atom+xml | application/feed+json">: RSS 2.0 (rss/channel/item, pubDate per RFC 822),
// RSS 1.0 (rdf:RDF/item, dc:date), Atom (RFC 4287: feed/entry, updated/published) and JSON Feed 1.x
// (items[], date_published/date_modified). A changelog or blog feed lets agents and tools follow
// changes. We count entries and find the newest date; malformed input is a result, not a throw. Pure.
import { parseJsonObject } from './json.js';
import { asArray, asRecord, parseXml, textOf } from './xml.js';
import type { FeedFormat } from '../contract/index.js';
import { isRecord } from '../util/is-record.js';

export const FEED_TYPES: ReadonlySet<string> = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml']);

/** The Accept header every probe sends for a feed, so the audit cache answers a feed only once. */
export const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5';

/** Dates read per feed at most. */
const MAX_DATED_ENTRIES = 10_000;

export type FeedParse =
  | { ok: true; format: FeedFormat; title: string | null; entries: number; newest: string | null; undated: number }
  | { ok: false; reason: string; line?: number };

function newestOf(dates: string[]): { newest: string | null; undated: number } {
  let best = Number.NEGATIVE_INFINITY;
  let undated = 0;
  for (const d of dates.slice(0, MAX_DATED_ENTRIES)) {
    // Date.parse reads RFC 822 (RSS) and RFC 3339 (Atom, JSON Feed) dates.
    const t = d ? Date.parse(d) : Number.NaN;
    if (Number.isNaN(t)) undated++;
    else if (t > best) best = t;
  }
  return { newest: Number.isFinite(best) ? new Date(best).toISOString() : null, undated };
}

function parseJsonFeed(text: string): FeedParse {
  const json = parseJsonObject(text);
  if (!json.ok) return { ok: false, reason: json.reason };
  const d = json.data;
  if (typeof d.version !== 'string' || !d.version.startsWith('https://jsonfeed.org/version/') || !Array.isArray(d.items)) {
    return { ok: false, reason: 'not a JSON Feed (no jsonfeed.org version or no items array)' };
  }
  const items = d.items.filter(isRecord);
  const dates = items.map((i) => (typeof i.date_published === 'string' ? i.date_published : typeof i.date_modified === 'string' ? i.date_modified : ''));
  return { ok: true, format: 'json', title: typeof d.title === 'string' ? d.title : null, entries: items.length, ...newestOf(dates) };
}

/** Parses a feed; `contentType` only decides between JSON Feed and XML. */
export function parseFeed(text: string, contentType = ''): FeedParse {
  const body = text.replace(/^\uFEFF/, '');
  if (/json/i.test(contentType) || /^\s*\{/.test(body)) return parseJsonFeed(body);
  const xml = parseXml(body);
  if (!xml.ok) return xml;
  const doc = xml.doc;
  const rss = asRecord(doc.rss);
  if (rss) {
    const channel = asRecord(asArray(rss.channel)[0]);
    if (!channel) return { ok: false, reason: 'RSS without a <channel>' };
    const items = asArray(channel.item);
    const dates = items.map((i) => textOf(asRecord(i)?.pubDate) || textOf(asRecord(i)?.date));
    return { ok: true, format: 'rss', title: textOf(channel.title) || null, entries: items.length, ...newestOf(dates) };
  }
  const rdf = asRecord(doc.RDF);
  if (rdf) {
    const items = asArray(rdf.item);
    const dates = items.map((i) => textOf(asRecord(i)?.date));
    return { ok: true, format: 'rdf', title: textOf(asRecord(asArray(rdf.channel)[0])?.title) || null, entries: items.length, ...newestOf(dates) };
  }
  const feed = asRecord(doc.feed);
  if (feed) {
    const entries = asArray(feed.entry);
    const dates = entries.map((e) => textOf(asRecord(e)?.updated) || textOf(asRecord(e)?.published));
    return { ok: true, format: 'atom', title: textOf(feed.title) || null, entries: entries.length, ...newestOf(dates) };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? '(none)';
  return { ok: false, reason: `not a feed: the root element is <${root}>, not <rss>, <rdf:RDF> or <feed>` };
}
