// Machine-readable status: can a monitoring tool or an agent read the portal's operational status
// without a browser? Atlassian Statuspage, which most API providers use, serves
// /api/v2/status.json (`{"page":{…},"status":{"indicator":"none|minor|major|critical",…}}`,
// https://developer.statuspage.io/ and https://metastatuspage.com/api) and incident feeds at
// /history.atom and /history.rss; other status pages declare their feeds with
// <link rel="alternate" type="application/rss+xml | application/atom+xml | application/json">.
// The candidates are chosen from the status page (pure: statusCandidates), each answer is judged
// (pure: judgeStatusAnswer), and checkMachineReadableStatus wires them to the audit's cached fetch.
// A fetch that robots.txt forbids or that fails (no response, 429, 5xx) is "not checked", never
// "missing".
import type { Anchor, CandidateSource, KindResult, LinkTag, ProbeContext, Resource, StatusCheck, StatusEndpointKind, StatusMachineReadableFacts } from '../../src/contract/index.js';
import { parsePage } from '../../src/crawl/parse-page.js';
import { FEED_ACCEPT, parseFeed } from '../../src/formats/feeds.js';
import { parseJsonObject } from '../../src/formats/json.js';
import { CRAWL_ACCEPT, isHtmlAnswer, isOk, robotsBlocked, statusNote } from '../../src/audit/resource.js';
import { pagesByUrl } from '../../src/crawl/page-views.js';
import { mediaType } from '../../src/fetch/decode.js';
import { httpUrl, relTokens } from '../../src/util/url.js';
import { isRecord } from '../../src/util/is-record.js';

/** URLs checked at most per status page (the status page itself is read once more when it was not crawled). */
export const MAX_STATUS_CHECKS = 4;
export const JSON_ACCEPT = 'application/json, */*;q=0.5';

export const STATUSPAGE_PATHS = { json: '/api/v2/status.json', atom: '/history.atom', rss: '/history.rss' } as const;
const DECLARED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json']);
/** On a portal page (not a status host), a feed counts only when it names status or incidents: the site-wide blog feed does not. */
const STATUS_WORDS = /status|incident|history|uptime|outage|maintenance/i;
/** An anchor that points at a feed or a JSON document. */
const MACHINE_PATH = /(?:\.(?:rss|atom)|\/(?:feed|rss|atom)(?:\.xml)?\/?|\.json)$/i;

export interface StatusCandidate {
  url: string;
  source: CandidateSource;
  /** What a valid answer must be: a Statuspage status document, a feed, or either / any JSON. */
  expect: 'statuspage-json' | 'feed' | 'json' | 'any';
  /** Where it came from, for evidence: `<link rel="alternate" …> on …`, `anchor 'RSS feed' on …`, `Statuspage API`. */
  evidence: string;
}

export const NO_STATUS_PAGE: StatusMachineReadableFacts = Object.freeze({
  found: false, url: null, kind: null, checked: [], notChecked: [], endpointsFound: null, statusPage: null, statusPageRead: null,
}) as StatusMachineReadableFacts;

export interface StatusPageLinks {
  /** Final URL of the status page. */
  url: string;
  linkTags: LinkTag[];
  anchors: Anchor[];
}

/**
 * The URLs to check, at most MAX_STATUS_CHECKS, in order: Statuspage's JSON API on the status page's
 * origin, the feeds and JSON the page declares with <link rel="alternate">, anchors on the page to a
 * status feed or JSON, then Statuspage's incident feeds. `portalHost` is the audited portal's host:
 * on a portal page only feeds that name status or incidents count (a site-wide blog feed does not).
 */
export function statusCandidates(page: StatusPageLinks, portalHost: string): StatusCandidate[] {
  const origin = new URL(page.url).origin;
  const ownHost = new URL(page.url).host !== portalHost;
  const out: StatusCandidate[] = [];
  const add = (c: StatusCandidate) => {
    if (!out.some((o) => o.url === c.url)) out.push(c);
  };
  add({ url: origin + STATUSPAGE_PATHS.json, source: 'statuspage-api', expect: 'statuspage-json', evidence: `Statuspage API path ${STATUSPAGE_PATHS.json} on ${origin}` });
  for (const tag of page.linkTags) {
    const type = mediaType(tag.type);
    if (!relTokens(tag.rel).includes('alternate') || !DECLARED_TYPES.has(type)) continue;
    const href = httpUrl(tag.href, page.url);
    if (!href || !(ownHost || STATUS_WORDS.test(`${href} ${tag.title ?? ''}`))) continue;
    add({ url: href, source: 'link-alternate', expect: type === 'application/json' ? 'json' : 'feed', evidence: `<link rel="alternate" type="${type}" href="${tag.href}"> on ${page.url}` });
  }
  for (const a of page.anchors) {
    const href = httpUrl(a.href, page.url);
    if (!href) continue;
    const path = new URL(href).pathname;
    if (!MACHINE_PATH.test(path) || !(ownHost || STATUS_WORDS.test(`${href} ${a.text}`))) continue;
    add({ url: href, source: 'anchor', expect: 'any', evidence: `anchor '${a.text.slice(0, 60)}' on ${page.url}` });
  }
  add({ url: origin + STATUSPAGE_PATHS.atom, source: 'statuspage-history', expect: 'feed', evidence: `Statuspage incident feed ${STATUSPAGE_PATHS.atom} on ${origin}` });
  add({ url: origin + STATUSPAGE_PATHS.rss, source: 'statuspage-history', expect: 'feed', evidence: `Statuspage incident feed ${STATUSPAGE_PATHS.rss} on ${origin}` });
  return out.slice(0, MAX_STATUS_CHECKS);
}

/** Statuspage's status document: `status.indicator` is a string. */
export function statuspageIndicator(data: Record<string, unknown>): string | null {
  const status = data.status;
  return isRecord(status) && typeof status.indicator === 'string' && status.indicator.trim() !== '' ? status.indicator.trim() : null;
}

export type Judgement = { checked: StatusCheck } | { notChecked: { url: string; reason: string } };

/** The verdict on one candidate's answer. Pure. */
export function judgeStatusAnswer(candidate: StatusCandidate, res: Resource): Judgement {
  const base = { url: candidate.url, source: candidate.source };
  const r = res;
  // Our own manners or the site's temporary trouble say nothing about whether the endpoint exists.
  if (robotsBlocked(r) || res.status === 0 || res.status === 429 || res.status >= 500) return { notChecked: { url: candidate.url, reason: statusNote(r) } };
  if (!isOk(r)) return { checked: { ...base, result: 'missing', kind: null, note: statusNote(r) } };
  if (isHtmlAnswer(r)) return { checked: { ...base, result: 'missing', kind: null, note: `${statusNote(r)}: an HTML page, not a status document (soft 404)` } };
  const text = res.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { checked: { ...base, result: 'invalid', kind: null, note: `${statusNote(r)}: empty body` } };
  const invalid = (why: string): Judgement => ({ checked: { ...base, result: 'invalid', kind: null, note: `${statusNote(r)}: ${why}` } });
  const found = (kind: StatusEndpointKind, extra: Partial<StatusCheck> = {}): Judgement => ({ checked: { ...base, result: 'found', kind, note: statusNote(r), ...extra } });

  if (/json/i.test(res.type) || /^\s*[[{]/.test(text)) {
    const json = parseJsonObject(text);
    if (!json.ok) return invalid(json.reason);
    const indicator = statuspageIndicator(json.data);
    if (indicator) return found('statuspage-json', { indicator });
    if (candidate.expect === 'statuspage-json') return invalid('JSON without status.indicator (not a Statuspage status document)');
    const feed = parseFeed(text, 'application/json');
    if (feed.ok) return found('feed');
    if (candidate.expect === 'feed') return invalid(feed.reason);
    return Object.keys(json.data).length > 0 ? found('json') : invalid('an empty JSON object');
  }
  if (candidate.expect === 'statuspage-json' || candidate.expect === 'json') return invalid('not JSON');
  const feed = parseFeed(text, res.type);
  if (feed.ok) return found('feed');
  return invalid(feed.reason + (feed.line ? ` (line ${feed.line})` : ''));
}

/** Summarises the checks into the fact. Pure. */
export function summarizeStatusChecks(statusPage: string, read: StatusMachineReadableFacts['statusPageRead'], judgements: Judgement[]): StatusMachineReadableFacts {
  const checked = judgements.flatMap((j) => ('checked' in j ? [j.checked] : []));
  const notChecked = judgements.flatMap((j) => ('notChecked' in j ? [j.notChecked] : []));
  const valid = checked.filter((c) => c.result === 'found');
  const first = valid[0];
  return {
    found: valid.length > 0,
    url: first?.url ?? null,
    kind: first?.kind ?? null,
    checked,
    notChecked,
    endpointsFound: valid.length > 0 || notChecked.length === 0 ? valid.length : null,
    statusPage,
    statusPageRead: read,
  };
}

/** The status page's links: the crawl's copy, or one fetch parsed with the crawl's parser. */
async function statusPageLinks(ctx: ProbeContext<'pages' | 'fetch'>, url: string): Promise<{ links: StatusPageLinks; read: 'crawled' | 'fetched' | 'failed' }> {
  const page = pagesByUrl(ctx.snapshot).get(url);
  if (page && page.status >= 200 && page.status < 300 && page.html !== '') {
    return { links: { url: page.finalUrl || page.url, linkTags: page.linkTags, anchors: page.anchors }, read: 'crawled' };
  }
  const res = await ctx.read(url, { accept: CRAWL_ACCEPT, useSnapshot: false });
  if (!isOk(res) || !isHtmlAnswer(res) || res.text === '') return { links: { url: res.finalUrl || url, linkTags: [], anchors: [] }, read: 'failed' };
  const parsed = parsePage(res.text, res.finalUrl || url);
  return { links: { url: res.finalUrl || url, linkTags: parsed.linkTags, anchors: parsed.anchors }, read: 'fetched' };
}

/**
 * Checks the status page the business-surface read-out found for a machine-readable twin. Nothing
 * is fetched without a public status page. Never throws for a site failure.
 */
export async function checkMachineReadableStatus(ctx: ProbeContext<'pages' | 'fetch'>, statusPage: KindResult): Promise<StatusMachineReadableFacts> {
  if (statusPage.status !== 'found' || !statusPage.url) return { ...NO_STATUS_PAGE, checked: [], notChecked: [] };
  const { links, read } = await statusPageLinks(ctx, statusPage.url);
  const candidates = statusCandidates(links, new URL(ctx.snapshot.origin).host);
  const judgements: Judgement[] = [];
  // One after another: these usually share a host, which the client queues anyway.
  for (const c of candidates) {
    const wantsFeed = c.expect === 'feed' || (c.expect === 'any' && !/\.json$/i.test(new URL(c.url).pathname));
    const res = await ctx.read(c.url, { accept: wantsFeed ? FEED_ACCEPT : JSON_ACCEPT });
    judgements.push(judgeStatusAnswer(c, res));
  }
  return summarizeStatusChecks(links.url, read, judgements);
}
