// Probe `agent-discovery`: the machine-readable front door of a portal — the files and links an
// agent, a tool or a security team looks for before reading any page. Standards: the API catalog
// (RFC 9727, at /.well-known/api-catalog or via Link rel="api-catalog"), security.txt (RFC 9116),
// OpenSearch descriptions, RSS/Atom/JSON feeds. Also APIs.json, and pre-standard signals reported
// with `preStandard: true`: MCP server cards, the legacy ai-plugin.json, A2A agent cards,
// Content-Signal lines in robots.txt and llms.txt. And whether machines can discover how to
// authenticate: OAuth / OpenID Connect discovery metadata (RFC 8414, OIDC Discovery 1.0, RFC 9728;
// probes/agent-discovery/auth-discovery.ts). Parsing lives in probes/agent-discovery; this file gathers
// through the audit's cached fetch and reports.
import { type AgentDiscoveryFacts, type ApiCatalogFacts, type ContentSignal, defineProbe, type FeedFacts, type Finding, type ProbeContext, type Resource, type SecurityTxtFacts } from '../../src/contract/index.js';
import { parseAiPlugin } from './ai-plugin.js';
import { parseAgentCard } from './agent-card.js';
import { catalogContentType, parseApiCatalog } from '../../src/formats/api-catalog.js';
import { parseApisJson } from '../../src/formats/apis-json.js';
import { discoverAuthMetadata } from './auth-discovery.js';
import { contentSignalsFrom } from './content-signal.js';
import { FEED_ACCEPT, parseFeed } from '../../src/formats/feeds.js';
import { parseMcpCard } from './mcp.js';
import { parseOpenSearch } from './opensearch.js';
import { discoverPageLinks, type PageLink } from './page-links.js';
import { isHtmlAnswer, isOk, robotsBlocked, statusNote } from '../../src/audit/resource.js';
import { parseSecurityTxt } from './security-txt.js';
import { ageInDays } from '../../src/util/age.js';
import { llmsTxtFromResponse } from '../../src/llms-txt/response.js';

const TEXT = {
  title: 'Agent discovery files',
  description:
    'Looks for the files agents and tools discover a portal by: API catalog (RFC 9727), APIs.json, MCP server cards, ai-plugin.json, A2A agent cards, security.txt (RFC 9116), OpenSearch, feeds, Content-Signal in robots.txt and llms.txt, and OAuth / OpenID Connect discovery metadata (RFC 8414, OIDC Discovery, RFC 9728).',
  noneFound: (paths: string[]) => `No agent discovery files found (${paths.join(', ')}): agents cannot find the APIs or tools without reading pages.`,
  catalogInvalid: (url: string) => `The API catalog at ${url} is not a valid RFC 9727 linkset.`,
  catalogType: (url: string, type: string) => `${url} is served as ${type}; RFC 9727 §4.2 requires application/linkset+json.`,
  catalogProfile: (url: string) => `${url} does not name the RFC 9727 profile in its Content-Type (profile="https://www.rfc-editor.org/info/rfc9727"), which RFC 9727 §4.2 recommends.`,
  catalogIssues: (url: string) => `The API catalog at ${url} has problems that some clients trip over.`,
  catalogNotWellKnown: (linked: string) => `The API catalog ${linked} is only linked; /.well-known/api-catalog does not serve it, though RFC 9727 §2 says a publisher SHALL resolve it there.`,
  apisJsonInvalid: (url: string) => `${url} is not a usable APIs.json file.`,
  mcpInvalid: (url: string) => `${url} is not a readable MCP server card.`,
  mcpNoEndpoint: (url: string) => `The MCP server card at ${url} names no endpoint, so agents cannot connect from it.`,
  aiPlugin: (url: string) => `${url} is a legacy OpenAI plugin manifest (plugins were retired in 2024); agents that still read it need its api.url to point to a current OpenAPI document.`,
  aiPluginMissing: (url: string, fields: string[]) => `${url} lacks ${fields.join(', ')}.`,
  noSecurityTxt: (url: string) => `No security.txt at ${url} (RFC 9116): researchers and buyers' security reviews find no official contact for reporting vulnerabilities.`,
  securityLegacy: (url: string) => `security.txt is only at the legacy location ${url}; RFC 9116 §3 puts it at /.well-known/security.txt.`,
  securityType: (url: string, type: string) => `${url} is served as ${type || 'no content type'}; RFC 9116 §3 requires text/plain.`,
  securityIssue: (message: string) => `security.txt: ${message}.`,
  securityHttp: (url: string) => `${url} is served over plain HTTP; RFC 9116 §3 requires HTTPS.`,
  openSearchBroken: (url: string, why: string) => `The OpenSearch description ${url} cannot be read (${why}).`,
  openSearchInvalid: (url: string) => `The OpenSearch description ${url} is not usable for search.`,
  feedBroken: (url: string, why: string) => `The feed ${url} cannot be read (${why}).`,
  feedInvalid: (url: string) => `The feed ${url} does not parse as RSS, Atom or JSON Feed.`,
  feedStale: (url: string, days: number) => `The newest entry of the feed ${url} is ${days} days old.`,
  feedFuture: (url: string, date: string) => `The newest entry of the feed ${url} is dated ${date}, after the audit started; its age is counted as 0 days.`,
  signalUnknown: (values: string[]) => `Content-Signal uses values outside search / ai-input / ai-train = yes / no: ${values.join(', ')}.`,
  notChecked: (urls: string[]) => `${urls.length} discovery URL(s) not checked because robots.txt disallows them for portalprobe (not counted as missing).`,
} as const;

// Accept headers equal to the other probes' (openapi reads the same catalog files) share the audit cache.
const CATALOG_ACCEPT = 'application/linkset+json, application/json;q=0.9, */*;q=0.5';
const JSON_ACCEPT = 'application/json, */*;q=0.5';
const TEXT_ACCEPT = 'text/plain, */*;q=0.5';
const OPENSEARCH_ACCEPT = 'application/opensearchdescription+xml, application/xml;q=0.9, */*;q=0.5';

const PATHS = {
  apiCatalog: '/.well-known/api-catalog',
  apisJson: '/apis.json',
  mcpCard: '/.well-known/mcp/server-card.json',
  mcpJson: '/.well-known/mcp.json',
  aiPlugin: '/.well-known/ai-plugin.json',
  agentCard: '/.well-known/agent-card.json',
  securityTxt: '/.well-known/security.txt',
  securityTxtLegacy: '/security.txt',
  robots: '/robots.txt',
  llmsTxt: '/llms.txt',
} as const;

const MAX_FEEDS = 5;
const MAX_OPENSEARCH = 2;
/** A feed whose newest entry is older than this is reported as stale. */
const STALE_FEED_DAYS = 365;

export interface AgentDiscoveryOptions {
  /**
   * The clock for Expires and feed age. @default the audit's start (snapshot.startedAt); Expires
   * falls back to now when that does not parse, feed ages are then null (scoring never reads the clock).
   */
  now?: () => Date;
}

type Collect = { findings: Finding[]; notChecked: string[] };

/** A file is there: 2xx, not an HTML page (soft 404), not empty. */
const found = (r: Resource): boolean => isOk(r) && !isHtmlAnswer(r) && r.text.trim() !== '';

function note(c: Collect, r: Resource): void {
  if (robotsBlocked(r)) c.notChecked.push(r.url);
}

async function readApiCatalog(ctx: ProbeContext<'fetch'>, origin: string, linked: PageLink | undefined, c: Collect): Promise<ApiCatalogFacts> {
  const wellKnown = origin + PATHS.apiCatalog;
  let res = await ctx.read(wellKnown, { accept: CATALOG_ACCEPT });
  note(c, res);
  let via: ApiCatalogFacts['via'] = found(res) ? 'well-known' : null;
  if (!via && linked && linked.href !== wellKnown) {
    res = await ctx.read(linked.href, { accept: CATALOG_ACCEPT });
    note(c, res);
    if (found(res)) {
      via = linked.via;
      c.findings.push({ severity: 'info', message: TEXT.catalogNotWellKnown(linked.href), url: wellKnown, evidence: `${linked.via === 'link-header' ? 'Link header' : '<link rel="api-catalog">'} on ${linked.page}` });
    }
  }
  const facts: ApiCatalogFacts = {
    present: via !== null, url: via ? res.url : wellKnown, valid: false, linkCount: 0, apiCount: 0, via, linked: linked?.href ?? null,
    contentType: via ? (res.headers['content-type'] ?? null) : null, profile: false, entries: [], nestedCatalogs: [], errors: [],
  };
  if (!via) return facts;
  const parsed = parseApiCatalog(res.text, res.finalUrl);
  const type = catalogContentType(res.headers['content-type']);
  Object.assign(facts, {
    valid: parsed.valid, linkCount: parsed.linkCount, apiCount: parsed.apiCount, profile: type.profile, nestedCatalogs: parsed.nestedCatalogs,
    errors: parsed.errors,
    entries: parsed.entries.slice(0, 20).map((e) => ({ anchor: e.anchor, serviceDesc: e.serviceDesc.map((t) => t.href), serviceDoc: e.serviceDoc.map((t) => t.href) })),
  });
  if (!parsed.valid) c.findings.push({ severity: 'warning', message: TEXT.catalogInvalid(facts.url), url: facts.url, evidence: parsed.errors.slice(0, 3).join('; ') });
  else if (parsed.warnings.length > 0) c.findings.push({ severity: 'info', message: TEXT.catalogIssues(facts.url), url: facts.url, evidence: parsed.warnings.slice(0, 3).join('; ') });
  if (!type.linkset) c.findings.push({ severity: 'warning', message: TEXT.catalogType(facts.url, res.type || 'no content type'), url: facts.url, evidence: `Content-Type: ${facts.contentType ?? '(none)'}` });
  else if (!type.profile) c.findings.push({ severity: 'info', message: TEXT.catalogProfile(facts.url), url: facts.url, evidence: `Content-Type: ${facts.contentType}` });
  return facts;
}

async function readApisJson(ctx: ProbeContext<'fetch'>, origin: string, c: Collect): Promise<AgentDiscoveryFacts['apisJson']> {
  const url = origin + PATHS.apisJson;
  const res = await ctx.read(url, { accept: JSON_ACCEPT });
  note(c, res);
  const facts: AgentDiscoveryFacts['apisJson'] = { present: false, url, valid: false, name: null, apiCount: 0, apis: [] };
  if (!found(res)) return facts;
  const parsed = parseApisJson(res.text, res.finalUrl);
  // A 2xx JSON body that is not an APIs.json at all (no name, no apis) does not count as one.
  if (!parsed.parsed && parsed.name === null) {
    c.findings.push({ severity: 'warning', message: TEXT.apisJsonInvalid(url), url, evidence: parsed.errors.join('; ') });
    return facts;
  }
  Object.assign(facts, { present: true, valid: parsed.valid, name: parsed.name, apiCount: parsed.apiCount, apis: parsed.apis.slice(0, 20) });
  if (!parsed.valid || parsed.warnings.length > 0) {
    c.findings.push({ severity: parsed.valid ? 'info' : 'warning', message: TEXT.apisJsonInvalid(url), url, evidence: [...parsed.errors, ...parsed.warnings].slice(0, 3).join('; ') });
  }
  return facts;
}

async function readMcp(ctx: ProbeContext<'fetch'>, origin: string, c: Collect): Promise<AgentDiscoveryFacts['mcp']> {
  const urls = [origin + PATHS.mcpCard, origin + PATHS.mcpJson];
  const facts: AgentDiscoveryFacts['mcp'] = { present: false, url: null, name: null, version: null, endpoint: null, transport: null, toolCount: null, checkedUrls: urls, preStandard: true };
  const responses = await Promise.all(urls.map((u) => ctx.read(u, { accept: JSON_ACCEPT })));
  for (const res of responses) {
    note(c, res);
    if (!found(res)) continue;
    const parsed = parseMcpCard(res.text, res.finalUrl);
    if (!parsed.ok) {
      c.findings.push({ severity: 'warning', message: TEXT.mcpInvalid(res.url), url: res.url, evidence: parsed.reason });
      continue;
    }
    if (facts.present) continue;
    const { card } = parsed;
    Object.assign(facts, { present: true, url: res.url, name: card.name ?? card.title, version: card.version, endpoint: card.endpoint, transport: card.transport, toolCount: card.toolCount });
    if (!card.endpoint) c.findings.push({ severity: 'warning', message: TEXT.mcpNoEndpoint(res.url), url: res.url, evidence: parsed.warnings.join('; ') });
  }
  return facts;
}

async function readAiPlugin(ctx: ProbeContext<'fetch'>, origin: string, c: Collect): Promise<AgentDiscoveryFacts['aiPlugin']> {
  const url = origin + PATHS.aiPlugin;
  const res = await ctx.read(url, { accept: JSON_ACCEPT });
  note(c, res);
  const facts: AgentDiscoveryFacts['aiPlugin'] = { present: false, url, nameForModel: null, apiUrl: null, schemaVersion: null, preStandard: true };
  if (!found(res)) return facts;
  const parsed = parseAiPlugin(res.text, res.finalUrl);
  if (!parsed.ok) return facts;
  const p = parsed.plugin;
  Object.assign(facts, { present: true, nameForModel: p.nameForModel, apiUrl: p.apiUrl, schemaVersion: p.schemaVersion });
  c.findings.push({ severity: 'info', message: TEXT.aiPlugin(url), url, evidence: `api.url: ${p.apiUrl ?? '(none)'}` });
  if (p.missing.length > 0) c.findings.push({ severity: 'info', message: TEXT.aiPluginMissing(url, p.missing), url });
  return facts;
}

async function readAgentCard(ctx: ProbeContext<'fetch'>, origin: string, c: Collect): Promise<AgentDiscoveryFacts['a2aAgentCard']> {
  const url = origin + PATHS.agentCard;
  const res = await ctx.read(url, { accept: JSON_ACCEPT });
  note(c, res);
  const facts: AgentDiscoveryFacts['a2aAgentCard'] = { present: false, url, name: null, endpoint: null, skillCount: null, preStandard: true };
  if (!found(res)) return facts;
  const parsed = parseAgentCard(res.text, res.finalUrl);
  if (parsed.ok) Object.assign(facts, { present: true, ...parsed.card });
  return facts;
}

async function readSecurityTxt(ctx: ProbeContext<'fetch'>, origin: string, now: Date, c: Collect): Promise<SecurityTxtFacts> {
  const wellKnown = origin + PATHS.securityTxt;
  const atWellKnown = await ctx.read(wellKnown, { accept: TEXT_ACCEPT });
  note(c, atWellKnown);
  let res = atWellKnown;
  let legacyLocation = false;
  if (!found(res)) {
    // RFC 9116 §3: "For legacy compatibility, a security.txt file might be placed at the top-level path".
    const legacy = await ctx.read(origin + PATHS.securityTxtLegacy, { accept: TEXT_ACCEPT });
    note(c, legacy);
    if (found(legacy)) {
      res = legacy;
      legacyLocation = true;
    }
  }
  const facts: SecurityTxtFacts = {
    present: false, url: wellKnown, legacyLocation, signed: false,
    fields: { contact: [], expires: null, encryption: [], acknowledgments: [], preferredLanguages: null, canonical: [], policy: [], hiring: [], csaf: [] },
    missingRequired: [], expired: false, expires: null, expiresInDays: null, contentType: null,
  };
  if (!found(res)) {
    if (!robotsBlocked(res)) c.findings.push({ severity: 'warning', message: TEXT.noSecurityTxt(wellKnown), url: wellKnown, evidence: statusNote(res) });
    return facts;
  }
  const url = res.url;
  const parsed = parseSecurityTxt(res.text, { now, url: res.finalUrl });
  Object.assign(facts, {
    present: true, url, signed: parsed.signed, fields: parsed.fields, missingRequired: parsed.missingRequired, expired: parsed.expired,
    expires: parsed.fields.expires, expiresInDays: parsed.expiresInDays, contentType: res.headers['content-type'] ?? null,
  });
  if (legacyLocation) c.findings.push({ severity: 'warning', message: TEXT.securityLegacy(url), url, evidence: `${wellKnown}: ${statusNote(atWellKnown)}` });
  if (res.type !== 'text/plain') c.findings.push({ severity: 'warning', message: TEXT.securityType(url, res.type), url, evidence: `Content-Type: ${facts.contentType ?? '(none)'}` });
  if (new URL(res.finalUrl).protocol === 'http:') c.findings.push({ severity: 'info', message: TEXT.securityHttp(res.finalUrl), url });
  for (const issue of parsed.issues) {
    c.findings.push({ severity: issue.severity, message: TEXT.securityIssue(issue.message), url, ...(issue.line ? { evidence: `line ${issue.line}` } : {}) });
  }
  return facts;
}

async function readOpenSearch(ctx: ProbeContext<'fetch'>, links: PageLink[], c: Collect): Promise<AgentDiscoveryFacts['openSearch']> {
  const facts: AgentDiscoveryFacts['openSearch'] = { present: false, url: null, valid: false, shortName: null, template: null, declaredOn: null };
  for (const link of links.slice(0, MAX_OPENSEARCH)) {
    const res = await ctx.read(link.href, { accept: OPENSEARCH_ACCEPT });
    note(c, res);
    const evidence = `<link rel="search" type="application/opensearchdescription+xml" href="${link.href}"> on ${link.page}`;
    if (robotsBlocked(res)) continue;
    if (!found(res)) {
      c.findings.push({ severity: 'warning', message: TEXT.openSearchBroken(link.href, statusNote(res)), url: link.page, evidence });
      continue;
    }
    const parsed = parseOpenSearch(res.text);
    if (!parsed.valid) {
      c.findings.push({
        severity: 'warning', message: TEXT.openSearchInvalid(link.href), url: link.href,
        evidence: parsed.errors.join('; ') + (parsed.line ? ` (line ${parsed.line})` : ''),
      });
    }
    if (facts.present && facts.valid) continue;
    Object.assign(facts, { present: true, url: link.href, valid: parsed.valid, shortName: parsed.shortName, template: parsed.searchTemplate, declaredOn: link.page });
  }
  return facts;
}

async function readFeeds(ctx: ProbeContext<'fetch'>, links: PageLink[], ageRef: Date | null, c: Collect): Promise<FeedFacts[]> {
  const out: FeedFacts[] = [];
  for (const link of links.slice(0, MAX_FEEDS)) {
    const res = await ctx.read(link.href, { accept: FEED_ACCEPT });
    note(c, res);
    if (robotsBlocked(res)) continue;
    const facts: FeedFacts = {
      url: link.href, type: link.type, declaredOn: link.page, valid: false, format: null, title: null, entries: 0, newest: null, newestAgeDays: null, error: null,
    };
    const evidence = `<link rel="alternate" type="${link.type}" href="${link.href}"> on ${link.page}`;
    if (!found(res)) {
      facts.error = statusNote(res);
      c.findings.push({ severity: 'warning', message: TEXT.feedBroken(link.href, facts.error), url: link.page, evidence });
    } else {
      const parsed = parseFeed(res.text, res.type);
      if (!parsed.ok) {
        facts.error = parsed.reason;
        c.findings.push({ severity: 'warning', message: TEXT.feedInvalid(link.href), url: link.href, evidence: parsed.reason + (parsed.line ? ` (line ${parsed.line})` : '') });
      } else {
        const age = ageInDays(parsed.newest, ageRef);
        Object.assign(facts, { valid: true, format: parsed.format, title: parsed.title, entries: parsed.entries, newest: parsed.newest, newestAgeDays: age?.days ?? null });
        if (age?.future) c.findings.push({ severity: 'info', message: TEXT.feedFuture(link.href, parsed.newest!), url: link.href, evidence: `newest entry ${parsed.newest}; audit started ${ageRef!.toISOString()}` });
        else if (age && age.days > STALE_FEED_DAYS) c.findings.push({ severity: 'info', message: TEXT.feedStale(link.href, age.days), url: link.href, evidence: `newest entry ${parsed.newest}` });
      }
    }
    out.push(facts);
  }
  return out;
}

async function readContentSignals(ctx: ProbeContext<'fetch'>, origin: string, c: Collect): Promise<ContentSignal[]> {
  // No Accept, as the robots probe asks: the same cache entry.
  const res = await ctx.read(origin + PATHS.robots);
  note(c, res);
  if (!found(res)) return [];
  const signals = contentSignalsFrom(res.text);
  const unknown = [...new Set(signals.flatMap((s) => s.unknown))];
  if (unknown.length > 0) {
    c.findings.push({ severity: 'info', message: TEXT.signalUnknown(unknown), url: origin + PATHS.robots, evidence: signals.filter((s) => s.unknown.length > 0).map((s) => `line ${s.line}: Content-Signal: ${s.value}`).slice(0, 3).join('; ') });
  }
  return signals;
}

async function readLlmsTxt(ctx: ProbeContext<'fetch'>, origin: string, c: Collect): Promise<AgentDiscoveryFacts['llmsTxt']> {
  const url = origin + PATHS.llmsTxt;
  // No Accept, as the llms-txt probe asks: the same cache entry.
  const res = await ctx.read(url);
  note(c, res);
  const outcome = llmsTxtFromResponse({ status: res.status, contentType: res.headers['content-type'], body: res.text });
  return { present: outcome.present, url, preStandard: true };
}

/** The audit start, null when the snapshot's startedAt does not parse. */
function auditStart(ctx: ProbeContext<'pages'>): Date | null {
  const started = Date.parse(ctx.snapshot.startedAt);
  return Number.isNaN(started) ? null : new Date(started);
}

function defaultNow(ctx: ProbeContext<'pages'>): Date {
  return auditStart(ctx) ?? new Date();
}

/** The freshest valid feed's age in days, null when no valid feed is dated. */
export function minAge(feeds: Pick<FeedFacts, 'valid' | 'newestAgeDays'>[]): number | null {
  const ages = feeds.filter((f) => f.valid && f.newestAgeDays !== null).map((f) => f.newestAgeDays!);
  return ages.length > 0 ? Math.min(...ages) : null;
}

export function createAgentDiscoveryProbe(options: AgentDiscoveryOptions = {}) {
  return defineProbe<AgentDiscoveryFacts>()({
    id: 'agent-discovery',
    title: TEXT.title,
    description: TEXT.description,
    reads: ['pages', 'fetch'],
    async run(ctx) {
      const origin = new URL(ctx.snapshot.origin).origin;
      const now = options.now?.() ?? defaultNow(ctx);
      // Ages are relative to the audit start only: without one they are null, never "now".
      const ageRef = options.now ? now : auditStart(ctx);
      const links = discoverPageLinks(ctx.snapshot.pages);
      const c: Collect = { findings: [], notChecked: [] };
      const linkedCatalog = links.apiCatalog.find((l) => l.via === 'link-header') ?? links.apiCatalog[0];

      const [apiCatalog, apisJson, mcp, aiPlugin, a2aAgentCard, securityTxt, openSearch, feeds, signals, llmsTxt] = await Promise.all([
        readApiCatalog(ctx, origin, linkedCatalog, c),
        readApisJson(ctx, origin, c),
        readMcp(ctx, origin, c),
        readAiPlugin(ctx, origin, c),
        readAgentCard(ctx, origin, c),
        readSecurityTxt(ctx, origin, now, c),
        readOpenSearch(ctx, links.openSearch, c),
        readFeeds(ctx, links.feeds, ageRef, c),
        readContentSignals(ctx, origin, c),
        readLlmsTxt(ctx, origin, c),
      ]);
      // After the files above, not beside them: the per-host queue would hold these requests anyway,
      // and fewer requests wait on the audit's abort signal at once. A plain-HTTP portal (a local or
      // test one) cannot have https identifiers: that is a warning there, not a failure.
      const auth = await discoverAuthMetadata(ctx, origin, { allowHttp: origin.startsWith('http:') });
      c.findings.push(...auth.findings);
      c.notChecked.push(...auth.notChecked);

      const present: Array<[string, boolean, boolean]> = [
        ['api-catalog', apiCatalog.present, false],
        ['apis.json', apisJson.present, false],
        ['mcp-server-card', mcp.present, true],
        ['ai-plugin', aiPlugin.present, true],
        ['a2a-agent-card', a2aAgentCard.present, true],
        ['security.txt', securityTxt.present, false],
        ['opensearch', openSearch.present, false],
        ['feed', feeds.some((f) => f.valid), false],
        ['content-signal', signals.length > 0, true],
        ['llms.txt', llmsTxt.present, true],
        ['auth-metadata', auth.facts.valid, false],
      ];
      const signalsFound = present.filter(([, p]) => p).map(([name]) => name);
      const notChecked = [...new Set(c.notChecked)];
      const facts: AgentDiscoveryFacts = {
        apiCatalog, apisJson, mcp, aiPlugin, a2aAgentCard, securityTxt, openSearch, feeds,
        newestFeedAgeDays: minAge(feeds),
        contentSignals: signals.map(({ unknown: _unknown, ...rest }) => rest),
        contentSignalPreStandard: true,
        llmsTxt,
        authMetadata: auth.facts,
        notChecked,
        signalsFound,
        preStandardFound: present.filter(([, p, pre]) => p && pre).map(([name]) => name),
      };

      const findings: Finding[] = [];
      const agentFiles = [apiCatalog.present, apisJson.present, mcp.present, aiPlugin.present, a2aAgentCard.present];
      if (!agentFiles.some(Boolean)) {
        const missing = [PATHS.apiCatalog, PATHS.apisJson, PATHS.mcpCard, PATHS.mcpJson, PATHS.aiPlugin, PATHS.agentCard]
          .map((p) => origin + p).filter((u) => !notChecked.includes(u));
        if (missing.length > 0) findings.push({ severity: 'info', message: TEXT.noneFound(missing.map((u) => new URL(u).pathname)), url: origin + PATHS.apiCatalog });
      }
      findings.push(...c.findings);
      if (notChecked.length > 0) findings.push({ severity: 'info', message: TEXT.notChecked(notChecked), evidence: notChecked.slice(0, 5).join(', ') });
      return { facts, findings };
    },
  });
}

export const agentDiscoveryProbe = createAgentDiscoveryProbe();

export default agentDiscoveryProbe;
