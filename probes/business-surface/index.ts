// Probe `business-surface`: can a business buyer — or the AI agent working for one — find what it
// needs to evaluate the portal's API: pricing and plans, a free tier, use cases and case studies,
// compliance facts, SLA, status page, changelog, roadmap, deprecation policy, support, sandbox,
// getting started, API keys, SDKs (and in which languages), API reference, community channels,
// legal pages, data residency, rate limits, webhooks, authentication, errors and FAQ.
// Matching lives in probes/business-surface; the keyword lists are data in
// probes/business-surface/data/business-surface.<lang>.json (picked by each page's lang attribute, English always
// added) and business-surface.common.json. Pages are judged from the crawl (links to other hosts by
// address and link text); the newest date on the changelog and blog pages is read from their text
// (probes/business-surface/dates.ts). The only fetches: when a status page is found, up to four URLs on
// its origin for a machine-readable twin — Statuspage's /api/v2/status.json, /history.atom,
// /history.rss and the feeds it declares (probes/business-surface/machine-status.ts) — plus the status
// page itself when the crawl did not read it.
import commonJson from './data/business-surface.common.json' with { type: 'json' };
import enJson from './data/business-surface.en.json' with { type: 'json' };
import { createKeywordRegistry, type KeywordRegistry } from './keywords.js';
import { analyzeSurface } from './surface.js';
import { checkMachineReadableStatus } from './machine-status.js';
import { KEY_BUYER_KINDS, KINDS, type SurfaceFacts } from './types.js';
import { type BusinessSurfaceFacts, defineProbe, type Finding, type Kind, type KindResult, type StatusMachineReadableFacts } from '../../src/contract/index.js';

/** Above this age the newest changelog / blog date gets an info finding (the model's recency threshold). */
const RECENT_DAYS = 90;

/** Keyword lists per page language. To add one: business-surface.<lang>.json plus a line here. */
const LANGUAGE_FILES: Record<string, unknown> = { en: enJson };

export const KIND_LABELS: Record<Kind, string> = {
  pricing: 'pricing', freeTier: 'free tier', useCases: 'use cases', caseStudies: 'case studies',
  compliance: 'compliance / trust', sla: 'SLA', statusPage: 'status page', changelog: 'changelog', roadmap: 'roadmap',
  deprecationPolicy: 'deprecation / versioning policy', support: 'support / contact', sandbox: 'sandbox',
  gettingStarted: 'getting started', apiKeys: 'API keys', sdks: 'SDKs', apiReference: 'API reference',
  community: 'community', blog: 'blog', events: 'events', partners: 'partners', termsOfUse: 'terms of use',
  privacy: 'privacy policy', dataResidency: 'data residency', rateLimits: 'rate limits', webhooks: 'webhooks',
  authentication: 'authentication', errors: 'errors / troubleshooting', faq: 'FAQ',
};

const TEXT = {
  title: 'Business pages a buyer looks for',
  description:
    'Finds the pages a business buyer or its AI agent looks for on a developer portal — pricing, free tier, use cases, case studies, compliance, SLA, status, changelog, roadmap, deprecation policy, support, sandbox, getting started, API keys, SDKs, API reference, community, legal, data residency, rate limits, webhooks, authentication, errors, FAQ — from paths, link texts, titles, headings and page text, and says which are missing, behind a login or broken.',
  missing: {
    pricing: 'No public pricing page found: a buyer (or an AI agent comparing vendors) cannot tell what the API costs or how it is sold without contacting you.',
    sandbox: 'No sandbox or test-environment page found: developers cannot see how to try the API safely before committing.',
    useCases: 'No use-case or solutions page found: a buyer cannot see what the API is for or whether it fits their problem.',
    compliance: 'No compliance, security or trust page found: buyers in regulated industries cannot check certifications (ISO 27001, SOC 2, PCI DSS, GDPR …) before shortlisting.',
    sla: 'No SLA page found: nothing states the uptime commitment, support response times or service credits a buyer can rely on in production.',
    support: 'No support or contact page found: a buyer or developer cannot see how to reach you.',
  } as Partial<Record<Kind, string>>,
  gated: (label: string) => `The ${label} page asks for a login: buyers and AI agents cannot read it before signing up.`,
  broken: (label: string) => `The ${label} page is linked but does not load.`,
  notRead: (label: string) => `The ${label} page is linked but was not crawled, so its content was not checked.`,
  closest: (url: string, confidence: number, notes: string) => `closest candidate: ${url} (confidence ${confidence}: ${notes})`,
  nothing: (pages: number, links: number) => `no path, link text, title, heading or text matched on ${pages} page(s) and ${links} other link target(s)`,
  undated: (label: string, url: string) => `The ${label} page ${url} shows no date portalprobe can read: readers and agents cannot tell how recent it is.`,
  stale: (label: string, url: string, days: number, date: string) => `The newest date on the ${label} page ${url} is ${days} days old (${date}).`,
  futureDate: (label: string, url: string, date: string) => `The newest date on the ${label} page ${url} (${date}) is after the audit started; its age is counted as 0 days.`,
  statusFound: (url: string, kind: string) => `The status is machine-readable: ${url} (${kind}).`,
  statusNone: (page: string, urls: string[]) => `The status page ${page} offers no JSON status or incident feed that portalprobe could find (checked ${urls.join(', ')}): monitoring tools and agents must scrape the page.`,
  statusNotChecked: (urls: string[]) => `${urls.length} status URL(s) not checked (robots.txt or no answer), so a missing machine-readable status is not concluded from them.`,
  summary: (found: number, total: number, missing: string[]) =>
    `${found} of ${total} kinds of buyer page found${missing.length ? `; not found: ${missing.join(', ')}` : ''}.`,
} as const;

let registry: KeywordRegistry | undefined;

/** The keyword registry, built (and checked) on first use. */
export function keywordRegistry(): KeywordRegistry {
  registry ??= createKeywordRegistry({ common: commonJson, langs: LANGUAGE_FILES });
  return registry;
}

function evidenceText(result: KindResult): string {
  return result.evidence.map((e) => e.note).join('; ');
}

/** The findings for a read-out; `statusMachineReadable` may be absent (the pure read-out of analyzeSurface). */
export function findingsFor(facts: SurfaceFacts & { statusMachineReadable?: StatusMachineReadableFacts }): Finding[] {
  const findings: Finding[] = [];
  for (const kind of KINDS) {
    const result = facts.pages[kind];
    const label = KIND_LABELS[kind];
    if (result.status === 'gated') {
      findings.push({ severity: 'warning', message: TEXT.gated(label), url: result.url ?? undefined, evidence: evidenceText(result) });
    } else if (result.status === 'broken') {
      findings.push({ severity: 'warning', message: TEXT.broken(label), url: result.url ?? undefined, evidence: evidenceText(result) });
    } else if (result.status === 'missing' && KEY_BUYER_KINDS.includes(kind)) {
      const closest = result.evidence[0];
      const evidence = closest
        ? TEXT.closest(closest.url, result.confidence, evidenceText(result))
        : TEXT.nothing(facts.pagesChecked, facts.linksChecked);
      findings.push({ severity: 'warning', message: TEXT.missing[kind]!, evidence });
    } else if (result.status === 'found' && result.linkedOnly && !result.external && KEY_BUYER_KINDS.includes(kind)) {
      findings.push({ severity: 'info', message: TEXT.notRead(label), url: result.url ?? undefined, evidence: evidenceText(result) });
    }
  }
  findings.push(...dateFindings(facts, 'changelog'), ...dateFindings(facts, 'blog'), ...statusFindings(facts.statusMachineReadable));
  findings.push({
    severity: 'info',
    message: TEXT.summary(facts.foundKinds.length, KINDS.length, facts.missingKinds.map((k) => KIND_LABELS[k])),
  });
  return findings;
}

function dateFindings(facts: SurfaceFacts, kind: 'changelog' | 'blog'): Finding[] {
  const page = facts.pages[kind];
  if (page?.status !== 'found' || page.linkedOnly || !page.url) return [];
  const label = KIND_LABELS[kind];
  const date = kind === 'changelog' ? facts.changelogNewestDate : facts.blogNewestDate;
  const age = kind === 'changelog' ? facts.changelogNewestAgeDays : facts.blogNewestAgeDays;
  const quote = facts.dateQuotes?.[kind];
  if (date === undefined) return [];
  if (date === null) return [{ severity: 'info', message: TEXT.undated(label, page.url), url: page.url }];
  const evidence = quote ? `'${quote.quote}' (${quote.dates} date(s) read)` : undefined;
  if (quote?.future) return [{ severity: 'info', message: TEXT.futureDate(label, page.url, date), url: page.url, evidence }];
  if (age !== null && age > RECENT_DAYS) return [{ severity: 'info', message: TEXT.stale(label, page.url, age, date), url: page.url, evidence }];
  return [];
}

function statusFindings(status: StatusMachineReadableFacts | undefined): Finding[] {
  if (!status?.statusPage) return [];
  const out: Finding[] = [];
  if (status.found && status.url) {
    const first = status.checked.find((c) => c.url === status.url);
    out.push({ severity: 'info', message: TEXT.statusFound(status.url, status.kind ?? 'unknown'), url: status.url, evidence: first?.note });
  } else if (status.endpointsFound === 0) {
    out.push({
      severity: 'info', message: TEXT.statusNone(status.statusPage, status.checked.map((c) => c.url)), url: status.statusPage,
      evidence: status.checked.map((c) => `${c.url}: ${c.note}`).slice(0, 4).join('; '),
    });
  }
  if (status.notChecked.length > 0) {
    out.push({ severity: 'info', message: TEXT.statusNotChecked(status.notChecked.map((n) => n.url)), evidence: status.notChecked.map((n) => `${n.url}: ${n.reason}`).join('; ') });
  }
  return out;
}

export const businessSurfaceProbe = defineProbe<BusinessSurfaceFacts>()({
  id: 'business-surface',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages', 'fetch'],
  async run(ctx) {
    const surface = await analyzeSurface(ctx.snapshot, keywordRegistry(), { signal: ctx.signal });
    const statusMachineReadable = await checkMachineReadableStatus(ctx, surface.pages.statusPage);
    const facts: BusinessSurfaceFacts = { ...surface, statusMachineReadable };
    return { facts, findings: findingsFor(facts) };
  },
});

export default businessSurfaceProbe;
