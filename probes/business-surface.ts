// Probe `business-surface`: can a business buyer — or the AI agent working for one — find what it
// needs to evaluate the portal's API: pricing and plans, a free tier, use cases and case studies,
// compliance facts, SLA, status page, changelog, roadmap, deprecation policy, support, sandbox,
// getting started, API keys, SDKs (and in which languages), API reference, community channels,
// legal pages, data residency, rate limits, webhooks, authentication, errors and FAQ.
// Matching lives in src/business-surface; the keyword lists are data in
// probes/data/business-surface.<lang>.json (picked by each page's lang attribute, English always
// added) and business-surface.common.json. Reads only the crawled pages: nothing is fetched, links
// to other hosts are judged by address and link text.
import commonJson from './data/business-surface.common.json' with { type: 'json' };
import enJson from './data/business-surface.en.json' with { type: 'json' };
import { createKeywordRegistry, type KeywordRegistry } from '../src/business-surface/keywords.js';
import { analyzeSurface } from '../src/business-surface/surface.js';
import { KEY_BUYER_KINDS, KINDS, type BusinessSurfaceFacts as SurfaceFacts, type Kind, type KindResult } from '../src/business-surface/types.js';
import type { Finding, Probe, ProbeContext } from '../src/probes/types.js';

export type BusinessSurfaceFacts = SurfaceFacts;

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

export function findingsFor(facts: BusinessSurfaceFacts): Finding[] {
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
  findings.push({
    severity: 'info',
    message: TEXT.summary(facts.foundKinds.length, KINDS.length, facts.missingKinds.map((k) => KIND_LABELS[k])),
  });
  return findings;
}

export const businessSurfaceProbe: Probe<BusinessSurfaceFacts> = {
  id: 'business-surface',
  title: TEXT.title,
  description: TEXT.description,
  reads: ['pages'],
  async run(ctx: ProbeContext) {
    const facts = await analyzeSurface(ctx.snapshot, keywordRegistry(), { signal: ctx.signal });
    return { facts, findings: findingsFor(facts) };
  },
};

export default businessSurfaceProbe;
