// Probe `openapi`: finds the portal's machine-readable API descriptions and judges them for agents.
// Discovery: `<link rel="service-desc">` (RFC 8631) and OpenAPI-typed `describedby` links, HTTP
// Link headers, the spec a docs UI loads, links to spec files, /.well-known/api-catalog (RFC 9727),
// /apis.json (APIs.json) and the usual paths (probes/openapi/discover.ts). Each candidate is fetched
// once (at most MAX_CANDIDATES), parsed (JSON / YAML with hostile-input limits), validated with
// @readme/openapi-parser in a time-bounded worker (external $refs never fetched) and scored for
// agent-readiness (probes/openapi/quality.ts). A spec behind a login is reported `gated`, not missing.
// Rate limits (429, Retry-After, RateLimit headers) and deprecation (`deprecated: true`, the
// Deprecation and Sunset headers) are read from the specs and the crawled docs (probes/openapi/machine-signals.ts).
import { type CandidateResult, defineProbe, type Finding, type FoundVia, type OpenapiDocument, type OpenapiFacts, type Page, type ProbeContext, type QualitySignal } from '../../src/contract/index.js';
import { parseApiCatalog } from '../../src/formats/api-catalog.js';
import { parseApisJson } from '../../src/formats/apis-json.js';
import { isHtmlAnswer, isOk } from '../../src/audit/resource.js';
import { absoluteUrl, addCommonPaths, addPageCandidates, API_CATALOG_PATH, APIS_JSON_PATH, CandidateSet, catalogSpecUrls, linkHeaderTargets } from './discover.js';
import { classify, describeSpec, unreadDocument, withValidation } from './document.js';
import { MAX_PARSE_BYTES, type SpecFamily } from './load.js';
import { machineSignals, type AssessedSpec } from './machine-signals.js';
import { SIGNALS } from './quality.js';
import { strengthOf } from './types.js';
import { createSpecValidator, type SpecValidator } from './validate.js';
import { mapPool } from '../../src/util/map-pool.js';

const TEXT = {
  title: 'OpenAPI documents',
  description:
    'Finds the OpenAPI / Swagger documents a portal publishes (service-desc links, RFC 9727 API catalog, APIs.json, links, usual paths), validates them and measures how well they describe operations for AI agents.',
  none: 'No OpenAPI or Swagger document was found: agents, answer engines and code generators have no machine-readable description of the API.',
  invalid: (url: string, version: string | null, error: string) =>
    `The API description at ${url}${version ? ` (${version})` : ''} does not validate: ${error}`,
  unparsable: (url: string, reason: string) => `The API description at ${url} cannot be read: ${reason}.`,
  tooLarge: (url: string) =>
    `The API description at ${url} is too large for portalprobe to read and was not checked; many agent tools load even less.`,
  gated: (url: string, evidence: string) =>
    `The API description at ${url} needs a login (${evidence}): agents and answer engines cannot read it.`,
  notValidated: (url: string, why: string) => `The API description at ${url} was not validated: ${why}.`,
  poorQuality: (url: string, n: number, parts: string) => `Few of the ${n} operations in ${url} carry what agents need: ${parts}.`,
  noServers: (url: string) => `${url} lists no server URL: clients and agents must guess where the API lives.`,
  uselessServers: (url: string) => `${url} lists no server URL a client could call.`,
  someUselessServers: (url: string, n: number) => `${url} lists ${n} server URL(s) a client could not call.`,
  externalRefs: (url: string, n: number) =>
    `${url} has ${n} external $ref(s); portalprobe does not follow them, and agents that load only this file miss what they point to.`,
  declaredMissing: (url: string, via: string, status: string) => `${url} is pointed to as an API description (${via}) but answers ${status}.`,
  declaredFailed: (url: string, via: string, reason: string) => `${url} is pointed to as an API description (${via}) but could not be fetched (${reason}).`,
  declaredNotSpec: (url: string, via: string, reason: string) =>
    `${url} is pointed to as an API description (${via}) but is not an OpenAPI document: ${reason}.`,
  robots: (url: string) => `${url} was not checked (robots.txt disallows it for portalprobe).`,
  budget: (seconds: number) => `the validation time budget (${seconds} s) was used up`,
  capped: (n: number) => `${n} more candidate spec URL(s) were not checked (limit ${MAX_CANDIDATES}).`,
  signal: { summary: 'summary', description: 'description', operationId: 'operationId', example: 'example', errorResponse: 'documented error response' } as Record<QualitySignal, string>,
} as const;

/** Spec URLs fetched per audit at most (declared ones first). */
export const MAX_CANDIDATES = 20;
/** Candidate fetches in flight (the client also caps each host). */
const FETCH_CONCURRENCY = 4;
/** Wall-clock budget for validating all documents of one audit; later ones are reported not validated. */
export const VALIDATION_BUDGET_MS = 60_000;
/** Below these shares a document gets a quality finding. */
export const QUALITY_THRESHOLDS: Readonly<Record<QualitySignal, number>> = {
  summary: 0.5,
  description: 0.5,
  operationId: 0.8,
  example: 0.3,
  errorResponse: 0.5,
};
const SPEC_ACCEPT = 'application/vnd.oai.openapi+json, application/json, application/yaml;q=0.9, text/yaml;q=0.9, */*;q=0.5';
// The same Accept headers as the agent-discovery probe's for these files: one cache entry each.
const CATALOG_ACCEPT = 'application/linkset+json, application/json;q=0.9, */*;q=0.5';
const JSON_ACCEPT = 'application/json, */*;q=0.5';

const pct = (share: number): string => `${Math.round(share * 100)}%`;

/** Spec URLs an RFC 9727 catalog lists; the agent-discovery probe reports on the catalog itself. */
async function catalogSpecs(ctx: ProbeContext<'fetch'>, url: string): Promise<string[]> {
  const res = await ctx.read(url, { accept: CATALOG_ACCEPT });
  if (!isOk(res) || isHtmlAnswer(res)) return [];
  const catalog = parseApiCatalog(res.text, res.finalUrl);
  return catalog.parsed ? catalogSpecUrls(catalog.targets, res.finalUrl) : [];
}

/** Spec URLs of an APIs.json file's Swagger / OpenAPI properties; agent-discovery reports on the file. */
async function apisJsonSpecs(ctx: ProbeContext<'fetch'>, url: string): Promise<string[]> {
  const res = await ctx.read(url, { accept: JSON_ACCEPT });
  if (!isOk(res) || isHtmlAnswer(res)) return [];
  const apisJson = parseApisJson(res.text, res.finalUrl);
  return apisJson.parsed ? apisJson.specUrls : [];
}

/** The catalog a page points to with rel="api-catalog" (RFC 9727 §3), if not the well-known one. */
function linkedCatalog(pages: Page[]): string | null {
  for (const page of pages) {
    const base = page.finalUrl || page.url;
    for (const link of page.linkTags) {
      if (link.rel.split(/\s+/).includes('api-catalog')) return absoluteUrl(link.href, base);
    }
    for (const t of linkHeaderTargets(page.headers.link)) {
      if (t.rel.split(/\s+/).includes('api-catalog')) return absoluteUrl(t.href, base);
    }
  }
  return null;
}

function documentFindings(doc: OpenapiDocument): Finding[] {
  const url = doc.url;
  const findings: Finding[] = [];
  if (doc.gated) return findings;
  if (doc.tooLarge) {
    findings.push({ severity: 'warning', message: TEXT.tooLarge(url), url, evidence: `${doc.sizeBytes} bytes read, limit ${MAX_PARSE_BYTES} bytes or the fetch limit` });
    return findings;
  }
  if (doc.specification === null) {
    findings.push({ severity: 'error', message: TEXT.unparsable(url, doc.errors[0] ?? 'unknown reason'), url, evidence: doc.errors[0] });
    return findings;
  }
  if (doc.valid === false) {
    findings.push({
      severity: 'error',
      message: TEXT.invalid(url, doc.version, doc.errors[0] ?? 'unknown reason'),
      url,
      evidence: doc.errors.join(' | ') + (doc.moreErrors > 0 ? ` (+${doc.moreErrors} more)` : ''),
    });
  } else if (doc.valid === null) {
    findings.push({ severity: 'info', message: TEXT.notValidated(url, doc.warnings[0] ?? doc.notValidated ?? 'unknown reason'), url });
  }
  if (doc.operationCount > 0) {
    const shares: Record<QualitySignal, number | null> = {
      summary: doc.summaryShare, description: doc.descriptionShare, operationId: doc.operationIdShare,
      example: doc.exampleShare, errorResponse: doc.errorResponseShare,
    };
    const low = SIGNALS.filter((s) => shares[s] !== null && shares[s]! < QUALITY_THRESHOLDS[s]);
    if (low.length > 0) {
      findings.push({
        severity: 'warning',
        message: TEXT.poorQuality(url, doc.operationCount, low.map((s) => `${pct(shares[s]!)} have a ${TEXT.signal[s]}`).join(', ')),
        url,
        evidence: doc.worstOperations.map((w) => `${w.operation} lacks ${w.missing.join(', ')}`).join('; '),
      });
    }
  }
  const useless = doc.servers.filter((s) => !s.useful);
  if (doc.servers.length === 0) {
    findings.push({ severity: 'warning', message: TEXT.noServers(url), url, evidence: doc.specification === 'Swagger' ? 'no host' : 'no servers array' });
  } else if (useless.length > 0) {
    const all = useless.length === doc.servers.length;
    findings.push({
      severity: all ? 'warning' : 'info',
      message: all ? TEXT.uselessServers(url) : TEXT.someUselessServers(url, useless.length),
      url,
      evidence: useless.map((s) => `${s.url}: ${s.reason}`).join('; '),
    });
  }
  if (doc.externalRefCount > 0) {
    findings.push({ severity: 'warning', message: TEXT.externalRefs(url, doc.externalRefCount), url, evidence: doc.externalRefs.map((r) => `$ref: ${r}`).join('; ') });
  }
  return findings;
}

export const openapiProbe = defineProbe<OpenapiFacts>()({
  id: 'openapi',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages', 'fetch'],
  async run(ctx) {
    const { snapshot } = ctx;
    const origin = snapshot.origin;
    const findings: Finding[] = [];

    // 1. Pointers in the crawled pages.
    const set = new CandidateSet();
    for (const page of snapshot.pages) addPageCandidates(set, page, origin);

    // 2. Catalogs: RFC 9727 and APIs.json. The well-known catalog is always read, and one a page
    // links with rel="api-catalog" (RFC 9727 §3) too; the specs either lists are candidates.
    const wellKnown = new URL(API_CATALOG_PATH, origin).href;
    const linked = linkedCatalog(snapshot.pages);
    const apisJsonUrl = new URL(APIS_JSON_PATH, origin).href;
    const [known, other, listed] = await Promise.all([
      catalogSpecs(ctx, wellKnown),
      linked && linked !== wellKnown ? catalogSpecs(ctx, linked) : [],
      apisJsonSpecs(ctx, apisJsonUrl),
    ]);
    for (const url of known) set.add(url, wellKnown, 'api-catalog', wellKnown);
    for (const url of other) set.add(url, linked!, 'api-catalog', linked);
    for (const url of listed) set.add(url, apisJsonUrl, 'apis-json', apisJsonUrl);

    // 3. Usual locations, checked last.
    addCommonPaths(set, origin);
    const ordered = set.ordered();
    const toCheck = ordered.slice(0, MAX_CANDIDATES);
    const skipped = ordered.slice(MAX_CANDIDATES);
    if (skipped.length > 0) findings.push({ severity: 'info', message: TEXT.capped(skipped.length), evidence: skipped.slice(0, 5).map((c) => c.url).join(', ') });

    // 4. Fetch and classify.
    const responses = await mapPool(toCheck, FETCH_CONCURRENCY, (c) => ctx.read(c.url, { accept: SPEC_ACCEPT }));
    const candidates: CandidateResult[] = [];
    const documents: OpenapiDocument[] = [];
    const parsed: Array<{ index: number; spec: Record<string, unknown>; family: SpecFamily; version: string }> = [];
    const byFinalUrl = new Map<string, OpenapiDocument>();
    toCheck.forEach((c, i) => {
      const res = responses[i];
      const strength = strengthOf(c.foundVia);
      const result = classify(res, strength);
      const note = result.outcome === 'spec' ? `${result.loaded.family} ${result.loaded.version}` : result.note;
      candidates.push({ ...c, status: res.status, outcome: result.outcome, ...(note ? { note } : {}) });
      const via = c.foundVia.join(', ');
      if (result.outcome === 'robots') {
        if (strength !== 'guessed') findings.push({ severity: 'info', message: TEXT.robots(c.url), url: c.url });
        return;
      }
      if (result.outcome === 'spec' || result.outcome === 'gated' || result.outcome === 'tooLarge' || result.outcome === 'unparsable') {
        // One document reached by two URLs (a redirect) is reported once, with every route; gated
        // URLs all end on the same login page, so they are told apart by the URL asked for.
        const key = result.outcome === 'gated' ? `gated ${res.url}` : res.finalUrl;
        const same = byFinalUrl.get(key);
        if (same) {
          for (const v of c.foundVia) if (!same.foundVia.includes(v)) same.foundVia.push(v);
          return;
        }
        let doc: OpenapiDocument;
        if (result.outcome === 'spec') {
          const { spec, family, version, format } = result.loaded;
          doc = describeSpec(res, [...c.foundVia], spec, family, version, format);
          parsed.push({ index: documents.length, spec, family, version });
        } else {
          doc = unreadDocument(res, [...c.foundVia], result);
          if (doc.gated) findings.push({ severity: 'warning', message: TEXT.gated(c.url, result.note ?? ''), url: c.url, evidence: result.note });
        }
        byFinalUrl.set(key, doc);
        documents.push(doc);
        return;
      }
      if (strength === 'guessed') return;
      if (result.outcome === 'missing') {
        findings.push({ severity: 'warning', message: TEXT.declaredMissing(c.url, via, result.note ?? ''), url: c.url, evidence: `found on ${c.foundOn ?? origin}` });
      } else if (result.outcome === 'failed') {
        findings.push({ severity: 'warning', message: TEXT.declaredFailed(c.url, via, result.note ?? ''), url: c.url, evidence: `found on ${c.foundOn ?? origin}` });
      } else if (result.outcome === 'html' || result.outcome === 'notSpec') {
        // A visible link to an HTML page is often the docs UI itself; only declared pointers must be specs.
        if (strength === 'declared') findings.push({ severity: 'warning', message: TEXT.declaredNotSpec(c.url, via, result.note ?? ''), url: c.url, evidence: `found on ${c.foundOn ?? origin}` });
      }
    });
    for (const c of skipped) candidates.push({ ...c, status: 0, outcome: 'notChecked' });

    // 5. Validate, one document at a time, within the budget.
    if (parsed.length > 0) {
      const validator: SpecValidator = createSpecValidator();
      const started = performance.now();
      try {
        for (const { index, spec } of parsed) {
          if (ctx.signal.aborted) break;
          if (performance.now() - started > VALIDATION_BUDGET_MS) {
            documents[index] = { ...documents[index], notValidated: 'budget', warnings: [TEXT.budget(VALIDATION_BUDGET_MS / 1000)] };
            continue;
          }
          documents[index] = withValidation(documents[index], await validator.validate(spec));
        }
      } finally {
        await validator.close();
      }
    }

    for (const doc of documents) findings.push(...documentFindings(doc));

    // 6. Rate limits and deprecation for machines: in every document the validator did not reject
    // (valid, or not validated for lack of time or support), and in what the crawled pages say.
    const assessed: AssessedSpec[] = parsed
      .filter(({ index }) => documents[index].valid !== false)
      .map(({ index, spec, family, version }) => ({ url: documents[index].url, spec, family, version }));
    const docsText = snapshot.pages
      .filter((p) => p.status >= 200 && p.status < 300)
      .map((p) => ({ url: p.url, text: p.mainText || p.visibleText }));
    const signals = machineSignals(assessed, docsText);
    findings.push(...signals.findings);
    const readable = documents.filter((d) => d.specification !== null);
    if (documents.length === 0) {
      const robots = candidates.filter((c) => c.outcome === 'robots').length;
      const evidence = `checked ${toCheck.map((c) => c.url).slice(0, 10).join(', ')}${robots > 0 ? `; ${robots} not checked (robots.txt)` : ''}`;
      findings.push({ severity: 'warning', message: TEXT.none, url: origin, evidence });
    }

    const discoveredVia: Partial<Record<FoundVia, number>> = {};
    for (const doc of documents) {
      if (doc.specification === null && !doc.gated) continue;
      for (const v of doc.foundVia) discoveredVia[v] = (discoveredVia[v] ?? 0) + 1;
    }
    const scores = readable.map((d) => d.qualityScore).filter((s): s is number => s !== null);

    return {
      facts: {
        present: readable.length > 0,
        documents,
        validCount: documents.filter((d) => d.valid === true).length,
        operationCount: readable.reduce((n, d) => n + d.operationCount, 0),
        qualityScore: scores.length > 0 ? Math.max(...scores) : null,
        candidatesChecked: toCheck.length,
        candidates,
        gatedUrls: documents.filter((d) => d.gated).map((d) => d.url),
        discoveredVia,
        rateLimits: signals.rateLimits,
        deprecation: signals.deprecation,
      },
      findings,
    };
  },
});

export default openapiProbe;
