// Tests of probes/business-surface/index.ts: the contract metadata, the findings, and an integration run
// against the fixture portal test/fixtures/business-surface/site/ served on 127.0.0.1 by
// startStaticPortal and crawled with the real HTTP client (see ../business-surface/crawl-fixture.ts).
// That portal has pricing, use cases, a trust page with certifications, an SDK page with three
// languages, a status page on another host, a GitHub organisation, a partner portal behind a login,
// a linked changelog that is missing, and no SLA. The status host does not exist: the test's fetch
// answers every other host with a DNS failure (no test touches the internet), so the status checks
// there are "not checked".
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import probe, { findingsFor, KIND_LABELS } from '../../../probes/business-surface/index.js';
import { KEY_BUYER_KINDS, KINDS } from '../../../probes/business-surface/types.js';
import { startStaticPortal, type RunningPortal } from '../../../src/demo/static-server.js';
import type { BusinessSurfaceFacts } from '../../../src/contract/index.js';
import { crawlFixture } from './crawl-fixture.js';
import { analyze, home } from './site.js';
import { makeContext, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

describe('business-surface probe: contract', () => {
  it('has the contract metadata', () => {
    expect(probe.id).toBe('business-surface');
    expect(probe.reads).toEqual(['pages', 'fetch']);
    expect(probe.title).toBeTruthy();
    expect(probe.description).toContain('pricing');
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...KINDS].sort());
  });

  it('fetches nothing without a status page and reports every kind, even for an empty snapshot', async () => {
    const { ctx, calls } = makeContext(makeSnapshot('https://portal.example', []));
    const out = await probe.run(ctx);
    expect(calls).toEqual([]);
    expect(Object.keys(out.facts.pages)).toEqual([...KINDS]);
    expect(out.facts.missingKinds).toEqual([...KINDS]);
    expect(out.facts.pagesChecked).toBe(0);
    expect(out.facts.statusMachineReadable).toMatchObject({ found: false, endpointsFound: null, statusPage: null, checked: [] });
    expect(out.facts).toMatchObject({ changelogNewestDate: null, changelogNewestAgeDays: null, blogNewestDate: null, blogNewestAgeDays: null });
    const warnings = out.findings.filter((f) => f.severity === 'warning');
    expect(warnings).toHaveLength(KEY_BUYER_KINDS.length);
  });
});

describe('business-surface probe: findings', () => {
  it('warns for each missing key buyer page, citing the closest candidate', async () => {
    const facts = await analyze([home([['Pricing', '/pricing'], ['Use cases', '/use-cases']], '<p>We target 99.9% uptime.</p>'), { path: '/use-cases', title: 'Use cases', body: '<h1>Use cases</h1>' }]);
    const findings = findingsFor(facts);
    const warnings = findings.filter((f) => f.severity === 'warning').map((f) => f.message);
    expect(warnings.some((m) => m.startsWith('No sandbox'))).toBe(true);
    expect(warnings.some((m) => m.startsWith('No compliance'))).toBe(true);
    expect(warnings.some((m) => m.startsWith('No support'))).toBe(true);
    expect(warnings.some((m) => m.startsWith('No public pricing'))).toBe(false);
    expect(warnings.some((m) => m.startsWith('No use-case'))).toBe(false);
    const sla = findings.find((f) => f.message.startsWith('No SLA'))!;
    expect(sla.evidence).toContain('closest candidate: https://portal.example/');
    expect(sla.evidence).toContain('99.9% uptime');
    // /pricing was linked but not crawled: an info, not a warning.
    const notRead = findings.find((f) => f.message.includes('was not crawled'));
    expect(notRead).toMatchObject({ severity: 'info', url: 'https://portal.example/pricing' });
  });

  it('warns for a gated page with the link, the path and where it redirected', async () => {
    const facts = await analyze([
      home([['Pricing', '/pricing']]),
      { path: '/pricing', finalPath: '/login?next=/pricing', title: 'Sign in', body: '<h1>Sign in</h1><form><input type="password"></form>' },
    ]);
    const gated = findingsFor(facts).find((f) => f.message.includes('asks for a login'));
    expect(gated).toMatchObject({ severity: 'warning', url: 'https://portal.example/pricing' });
    expect(gated!.message).toContain('pricing');
    expect(gated!.evidence).toBe("redirects to /login?next=/pricing; anchor text 'Pricing' on /; path /pricing");
  });

  it('ends with a summary of what was found', () => {
    const facts = { foundKinds: ['pricing'], missingKinds: ['sla', 'faq'], pages: Object.fromEntries(KINDS.map((k) => [k, { status: 'found', evidence: [] }])) } as unknown as BusinessSurfaceFacts;
    const last = findingsFor(facts).at(-1)!;
    expect(last).toEqual({ severity: 'info', message: `1 of ${KINDS.length} kinds of buyer page found; not found: SLA, FAQ.` });
  });
});

describe('business-surface probe: fixture portal over HTTP', () => {
  let portal: RunningPortal;
  let facts: BusinessSurfaceFacts;
  let findings: Awaited<ReturnType<typeof probe.run>>['findings'];
  let probeFetches = 0;
  const fetched: string[] = [];
  let origin: string;

  beforeAll(async () => {
    portal = await startStaticPortal({ root: path.resolve('test/fixtures/business-surface/site'), host: '127.0.0.1', port: 0 });
    origin = portal.url;
    const crawl = await crawlFixture(origin);
    const ctx = contextOf({
      snapshot: crawl.snapshot,
      fetch: async (url, request) => {
        probeFetches++;
        fetched.push(url);
        if (new URL(url).origin === origin) return crawl.fetch(url, request);
        return {
          url, finalUrl: url, status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, redirects: [], bytes: 0, durationMs: 0, ttfbMs: 0,
          error: { code: 'PP_ERR_DNS', message: `Cannot resolve host ${new URL(url).host}` },
        };
      },
      signal: new AbortController().signal,
      options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
    });
    const out = await probe.run(ctx);
    facts = out.facts;
    findings = out.findings;
  });

  afterAll(async () => {
    await portal?.close();
  });

  it('crawled the portal and fetched only the external status page and its three Statuspage URLs', () => {
    expect(facts.pagesChecked).toBe(12);
    // Was 0 before the machine-readable status check: the status page (not crawled, another host) once,
    // then /api/v2/status.json, /history.atom and /history.rss on its origin.
    expect(probeFetches).toBe(4);
    expect(fetched).toEqual([
      'https://status.acmepay.example/', 'https://status.acmepay.example/api/v2/status.json',
      'https://status.acmepay.example/history.atom', 'https://status.acmepay.example/history.rss',
    ]);
  });

  it('reports the status checks that failed as not checked, not as missing', () => {
    expect(facts.statusMachineReadable).toMatchObject({
      found: false, url: null, kind: null, checked: [], endpointsFound: null, statusPage: 'https://status.acmepay.example/', statusPageRead: 'failed',
    });
    expect(facts.statusMachineReadable.notChecked.map((n) => n.reason)).toEqual(Array(3).fill('no response: Cannot resolve host status.acmepay.example'));
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('3 status URL(s) not checked') }));
    expect(findings.some((f) => f.message.includes('offers no JSON status'))).toBe(false);
  });

  it('has no changelog date (the changelog is broken) and no blog', () => {
    expect(facts).toMatchObject({ changelogNewestDate: null, changelogNewestAgeDays: null, blogNewestDate: null, blogNewestAgeDays: null });
  });

  it('finds pricing from the nav link, path, heading and text', () => {
    expect(facts.pages.pricing).toMatchObject({ found: true, status: 'found', url: `${origin}/pricing`, linkedOnly: false, external: false });
    expect(facts.pages.pricing.confidence).toBeGreaterThanOrEqual(0.8);
    const notes = facts.pages.pricing.evidence.map((e) => e.note);
    expect(notes).toContain("anchor text 'Pricing' on / (and 10 more pages)");
    expect(notes).toContain('path /pricing');
    expect(notes).toContain("heading 'Plans and pricing'");
    expect(facts.pages.freeTier).toMatchObject({ found: true, url: `${origin}/pricing` });
    expect(facts.pricingModel.map((h) => h.model)).toEqual(['freeTier', 'perCall', 'tiered', 'contactSales', 'subscription']);
  });

  it('does not take the price in the API reference code sample for pricing', () => {
    expect(facts.pages.pricing.otherUrls).toEqual([]);
    expect(facts.pricingModel.every((h) => h.url === `${origin}/pricing`)).toBe(true);
  });

  it('finds use cases, the compliance page and its certifications, and data residency', () => {
    expect(facts.pages.useCases).toMatchObject({ found: true, url: `${origin}/use-cases/` });
    expect(facts.pages.compliance).toMatchObject({ found: true, url: `${origin}/trust` });
    expect(facts.certifications).toEqual(['ISO 27001', 'SOC 2', 'PCI DSS', 'GDPR']);
    expect(facts.pages.dataResidency).toMatchObject({ found: true, url: `${origin}/trust` });
  });

  it('finds the SDK page and exactly its three languages ("Go to …" is not Go)', () => {
    expect(facts.pages.sdks).toMatchObject({ found: true, url: `${origin}/docs/sdks` });
    expect(facts.sdkLanguages).toEqual(['Java', 'Python', 'JavaScript']);
    expect(facts.sdkEvidence.some((e) => e.note === "install command 'npm install @acmepay/node'")).toBe(true);
  });

  it('finds the external status page and the GitHub organisation from links alone', () => {
    expect(facts.pages.statusPage).toMatchObject({ found: true, url: 'https://status.acmepay.example/', external: true, linkedOnly: true });
    expect(facts.communityChannels).toEqual({ github: 'https://github.com/acmepay', forum: null, chat: null, stackOverflow: null });
    expect(facts.pages.community).toMatchObject({ found: true, url: 'https://github.com/acmepay', external: true });
  });

  it('finds support with its e-mail, phone and form', () => {
    expect(facts.pages.support).toMatchObject({ found: true, url: `${origin}/support` });
    expect(facts.supportChannels.email.map((e) => e.value)).toEqual(['support@acmepay.example']);
    expect(facts.supportChannels.phone).toHaveLength(1);
    expect(facts.supportChannels.form.map((e) => e.value)).toEqual([`${origin}/support/requests`]);
  });

  it('reports the partner portal as gated and the changelog as broken, with warnings', () => {
    expect(facts.pages.partners).toMatchObject({ found: false, status: 'gated', gated: true, url: `${origin}/partners` });
    expect(facts.pages.changelog).toMatchObject({ found: false, status: 'broken', broken: true, url: `${origin}/changelog` });
    expect(facts.gatedKinds).toEqual(['partners']);
    expect(facts.brokenKinds).toEqual(['changelog']);
    const gated = findings.find((f) => f.url === `${origin}/partners`);
    expect(gated?.severity).toBe('warning');
    expect(gated?.evidence).toContain('redirects to /login?next=/partners');
    expect(findings.find((f) => f.url === `${origin}/changelog`)?.evidence).toContain('HTTP 404');
  });

  it('has no SLA and says so', () => {
    expect(facts.pages.sla).toMatchObject({ found: false, status: 'missing', url: null });
    expect(facts.missingKinds).toContain('sla');
    const sla = findings.find((f) => f.message.startsWith('No SLA'));
    expect(sla?.severity).toBe('warning');
    // Every other key buyer page is there: SLA is the only missing-page warning.
    expect(findings.filter((f) => f.severity === 'warning' && f.message.startsWith('No '))).toHaveLength(1);
  });

  it('lists found kinds in report order', () => {
    expect(facts.foundKinds).toEqual([
      'pricing', 'freeTier', 'useCases', 'compliance', 'statusPage', 'support', 'sandbox', 'gettingStarted', 'sdks',
      'apiReference', 'community', 'termsOfUse', 'privacy', 'dataResidency', 'authentication',
    ]);
  });
});
