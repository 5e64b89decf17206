// Named checks over the openapi probe's documents (probes/openapi/index.ts, probes/openapi/document.ts):
// validity, description/example/error-response coverage, security schemes, servers and how the
// specification was found. They judge the best parsed document — the one with the most operations —
// because a portal is as good as its main specification, and a stray petstore file should not
// drag it down (nor lift it up).
//
// No specification at all is a fail (0) with a note, not "cannot tell": these practices are about
// what the published specification says, and none was published. Specifications that exist but
// could not be read (gated, too large, not validated) are "cannot tell" (score null).
import type { Evidence } from '../../contract/index.js';
import { fill, isNum, isText, listOf, pct, shareScore, withUrl, type CheckFacts, type CheckOutcome, type NamedCheck } from './common.js';
import { isRecord } from '../../util/is-record.js';

// User-facing strings.
const T = {
  noDocuments: 'openapi: no OpenAPI or Swagger document was found',
  noneRead: 'openapi: {n} specification(s) found but none could be read (gated, too large or unparsable)',
  noneValidated: 'openapi: no specification could be validated ({n} found)',
  valid: 'openapi: {url} is a valid {spec} {version} document',
  invalid: 'openapi: {url} does not validate: {error}',
  share: 'openapi: {share} of the {n} operations of {url} have {what} (pass at {pass}, partial from {partial})',
  noOperations: 'openapi: {url} describes no operations',
  schemes: 'openapi: {url} declares security schemes {schemes}',
  noSchemes: 'openapi: {url} declares no security scheme',
  servers: 'openapi: {url} declares {n} server(s): {servers}',
  noServers: 'openapi: {url} declares no servers',
  serverUseless: 'openapi: server {server} is not usable by a client ({reason})',
  serverUseful: 'openapi: server {server} is an absolute URL of a real host',
  foundVia: 'openapi: {url} is linked from the portal ({via})',
  guessedOnly: 'openapi: {url} was found only at a guessed path, not linked from any page',
} as const;

/** Discovery routes that are only a guess at a common path, not a link from the portal. */
const GUESSED: ReadonlySet<string> = new Set(['common-path']);

interface Doc {
  url: string;
  valid: boolean | null;
  errors: string[];
  specification: string;
  version: string;
  operationCount: number;
  foundVia: string[];
  record: Record<string, unknown>;
}

function readDocs(openapi: Record<string, unknown> | undefined): Doc[] | undefined {
  const list = listOf(openapi?.documents);
  if (!list) return undefined;
  const docs: Doc[] = [];
  for (const d of list) {
    if (!isRecord(d) || !isText(d.url)) continue;
    docs.push({
      url: d.url,
      valid: typeof d.valid === 'boolean' ? d.valid : null,
      errors: (listOf(d.errors) ?? []).filter(isText),
      specification: isText(d.specification) ? d.specification : 'API',
      version: isText(d.version) ? d.version : '',
      operationCount: isNum(d.operationCount) ? d.operationCount : 0,
      foundVia: (listOf(d.foundVia) ?? []).filter(isText),
      record: d,
    });
  }
  return docs;
}

/** The parsed document with the most operations (first wins a tie); undefined when none has any. */
function bestDoc(docs: Doc[]): Doc | undefined {
  let best: Doc | undefined;
  for (const d of docs) if (d.operationCount > 0 && (!best || d.operationCount > best.operationCount)) best = d;
  return best;
}

/** Runs `judge` on the best document, handling "no spec" (0) and "none readable" (null). */
function onBest(facts: CheckFacts, judge: (doc: Doc) => CheckOutcome): CheckOutcome {
  const docs = readDocs(facts.openapi);
  if (!docs) return { score: null, evidence: [{ note: T.noDocuments }] };
  if (docs.length === 0) return { score: 0, evidence: [{ note: T.noDocuments }] };
  const best = bestDoc(docs);
  if (!best) {
    const parsedEmpty = docs.find((d) => d.valid !== null);
    if (parsedEmpty) return { score: 0, evidence: [withUrl(fill(T.noOperations, { url: parsedEmpty.url }), parsedEmpty.url)] };
    return { score: null, evidence: [{ note: fill(T.noneRead, { n: docs.length }) }] };
  }
  return judge(best);
}

/** A check on one coverage share of the best document (summaryShare, exampleShare …). */
function shareCheck(field: string, what: string, pass: number, partial: number, description: string): NamedCheck {
  return {
    uses: ['openapi.documents'],
    description,
    run: (facts) => onBest(facts, (doc) => {
      const share = doc.record[field];
      if (!isNum(share)) return { score: null, evidence: [withUrl(fill(T.noOperations, { url: doc.url }), doc.url)] };
      const note = fill(T.share, { share: pct(share), n: doc.operationCount, url: doc.url, what, pass: pct(pass), partial: pct(partial) });
      return { score: shareScore(share, pass, partial), evidence: [withUrl(note, doc.url)] };
    }),
  };
}

export const OPENAPI_CHECKS: Readonly<Record<string, NamedCheck>> = {
  /** Every validated document passes its validator (invalid ones are named with their first error). */
  specsValid: {
    uses: ['openapi.documents'],
    description: 'Every OpenAPI/Swagger document that could be validated is valid; score = share of valid documents.',
    run(facts) {
      const docs = readDocs(facts.openapi);
      if (!docs) return { score: null, evidence: [{ note: T.noDocuments }] };
      if (docs.length === 0) return { score: 0, evidence: [{ note: T.noDocuments }] };
      const judged = docs.filter((d) => d.valid !== null);
      if (judged.length === 0) return { score: null, evidence: [{ note: fill(T.noneValidated, { n: docs.length }) }] };
      const evidence: Evidence[] = judged.slice(0, 8).map((d) => withUrl(d.valid
        ? fill(T.valid, { url: d.url, spec: d.specification, version: d.version })
        : fill(T.invalid, { url: d.url, error: d.errors[0] ?? 'see the openapi probe' }), d.url));
      return { score: judged.filter((d) => d.valid).length / judged.length, evidence };
    },
  },

  specOperationSummaries: shareCheck('summaryShare', 'a summary', 0.9, 0.5,
    'Share of operations of the main specification with a summary: pass at 90%, partial from 50%.'),
  specExampleCoverage: shareCheck('exampleShare', 'an example', 0.8, 0.3,
    'Share of operations of the main specification with a request or response example: pass at 80%, partial from 30%.'),
  specErrorResponseCoverage: shareCheck('errorResponseShare', 'a documented error response', 0.8, 0.5,
    'Share of operations of the main specification that document 4xx/5xx or default responses: pass at 80%, partial from 50%.'),

  /** Agents and generated clients learn how to authenticate from securitySchemes. */
  specSecuritySchemes: {
    uses: ['openapi.documents'],
    description: 'The main specification declares at least one security scheme.',
    run: (facts) => onBest(facts, (doc) => {
      const schemes = (listOf(doc.record.securitySchemes) ?? []).filter(isRecord)
        .map((s) => `${isText(s.name) ? s.name : '?'} (${isText(s.type) ? s.type : '?'})`);
      if (schemes.length === 0) return { score: 0, evidence: [withUrl(fill(T.noSchemes, { url: doc.url }), doc.url)] };
      return { score: 1, evidence: [withUrl(fill(T.schemes, { url: doc.url, schemes: schemes.slice(0, 6).join(', ') }), doc.url)] };
    }),
  },

  /** Environments: two or more servers (sandbox and production, or regions); one earns half. */
  specEnvironments: {
    uses: ['openapi.documents'],
    description: 'The main specification lists at least two servers (environments); one server scores 0.5.',
    run: (facts) => onBest(facts, (doc) => {
      const servers = (listOf(doc.record.servers) ?? []).filter(isRecord).map((s) => (isText(s.url) ? s.url : '?'));
      if (servers.length === 0) return { score: 0, evidence: [withUrl(fill(T.noServers, { url: doc.url }), doc.url)] };
      const note = fill(T.servers, { url: doc.url, n: servers.length, servers: servers.slice(0, 5).join(', ') });
      return { score: servers.length >= 2 ? 1 : 0.5, evidence: [withUrl(note, doc.url)] };
    }),
  },

  /** Servers a client can call: absolute URLs of real hosts (the probe judges `useful`). */
  specServersUsable: {
    uses: ['openapi.documents'],
    description: 'Share of the main specification\'s servers that are absolute URLs of real hosts (not localhost, example domains or unfilled templates).',
    run: (facts) => onBest(facts, (doc) => {
      const servers = (listOf(doc.record.servers) ?? []).filter(isRecord);
      if (servers.length === 0) return { score: 0, evidence: [withUrl(fill(T.noServers, { url: doc.url }), doc.url)] };
      const useful = servers.filter((s) => s.useful === true);
      const evidence = servers.slice(0, 5).map((s) => withUrl(s.useful === true
        ? fill(T.serverUseful, { server: String(s.url) })
        : fill(T.serverUseless, { server: String(s.url), reason: isText(s.reason) ? s.reason : 'not usable' }), doc.url));
      return { score: useful.length / servers.length, evidence };
    }),
  },

  /** Found through a link from the portal rather than only at a guessed path (friendly4.ai, RFC 9727). */
  specDiscoverable: {
    uses: ['openapi.documents'],
    description: 'A specification is linked from the portal (rel=service-desc, a visible link, a catalog); one found only at a guessed path scores 0.',
    run(facts) {
      const docs = readDocs(facts.openapi);
      if (!docs) return { score: null, evidence: [{ note: T.noDocuments }] };
      if (docs.length === 0) return { score: 0, evidence: [{ note: T.noDocuments }] };
      const linked = docs.find((d) => d.foundVia.some((v) => !GUESSED.has(v)));
      if (linked) {
        const via = linked.foundVia.filter((v) => !GUESSED.has(v)).join(', ');
        return { score: 1, evidence: [withUrl(fill(T.foundVia, { url: linked.url, via }), linked.url)] };
      }
      return { score: 0, evidence: docs.slice(0, 3).map((d) => withUrl(fill(T.guessedOnly, { url: d.url }), d.url)) };
    },
  },
};
