// Tests for probes/gating/key-pages.ts: which URLs are docs, reference, pricing, sandbox, specs,
// getting started and API keys, judged by the requested URL and the link texts pointing to it.
import { describe, expect, it } from 'vitest';
import { GATING_RULES } from '../../../probes/gating/index.js';
import { findKeyCandidates, pathScore, textScore } from '../../../probes/gating/key-pages.js';
import { makePage } from '../../helpers/probe-context.js';
import type { KeyKind } from '../../../src/contract/index.js';

const O = 'https://developer.example-bank.test';
const kind = (k: KeyKind) => GATING_RULES.keyKinds.find((x) => x.kind === k)!;

describe('pathScore', () => {
  it.each([
    ['docs', `${O}/docs/`, 3],
    ['docs', `${O}/docs/accounts`, 1],
    ['docs', `${O}/documentation.html`, 3],
    ['reference', `${O}/docs/api-reference`, 3],
    ['reference', `${O}/docs/API_Reference`, 3],
    ['pricing', `${O}/pricing`, 3],
    ['pricing', `${O}/en/plans-and-pricing/`, 3],
    ['pricing', `${O}/blog/pricing-update`, 0],
    ['sandbox', `${O}/sandbox`, 3],
    ['specs', `${O}/openapi.json`, 3],
    ['specs', `${O}/files/accounts-openapi.yaml`, 3],
    ['specs', `${O}/v3/api-docs`, 3],
    ['gettingStarted', `${O}/docs/getting-started`, 3],
    ['apiKeys', `${O}/console/keys`, 3],
    ['docs', `${O}/`, 0],
    ['docs', 'not a url', 0],
  ] as const)('%s %s → %i', (k, url, score) => {
    expect(pathScore(url, kind(k))).toBe(score);
  });
});

describe('textScore', () => {
  it.each([
    ['pricing', 'Pricing', 3],
    ['pricing', 'Plans & pricing', 3],
    ['pricing', 'See our pricing for banks', 1],
    ['reference', 'API reference', 3],
    ['sandbox', 'Open sandbox', 3],
    ['sandbox', 'Try it', 3],
    ['specs', 'Download the OpenAPI spec', 1],
    ['specs', 'OpenAPI specification', 3],
    ['gettingStarted', 'Get started', 3],
    ['apiKeys', 'Get an API key', 3],
    ['docs', 'Log in', 0],
    ['pricing', `Pricing ${'x'.repeat(100)}`, 0],
  ] as const)('%s "%s" → %i', (k, text, score) => {
    expect(textScore(text, kind(k))).toBe(score);
  });
});

describe('findKeyCandidates', () => {
  const nav = '<nav><a href="/docs/">Docs</a> <a href="/docs/api-reference">API reference</a> <a href="/pricing">Pricing</a> <a href="/login">Log in</a></nav>';
  const home = makePage({ url: `${O}/`, html: `<html><body>${nav}<main><h1>Home</h1><a href="/get-started">Get started</a> <a href="https://partners.example-bank.test/console">Developer console</a></main></body></html>` });
  // The crawl fetched /pricing, which redirected to the login page: its requested URL still makes it the pricing page.
  const pricing = makePage({ url: `${O}/pricing`, finalUrl: `${O}/login?next=/pricing`, redirects: [`${O}/pricing`], html: `<html><body>${nav}<form><input type="password"></form></body></html>`, depth: 1 });
  const docs = makePage({ url: `${O}/docs/`, html: `<html><head><link rel="service-desc" href="/specs/accounts.json" type="application/openapi+json"></head><body>${nav}<a href="/docs/accounts">Accounts</a></body></html>`, depth: 1 });
  const candidates = findKeyCandidates([home, pricing, docs], GATING_RULES, new Set([`${O}/`]));

  it('ranks the strongest candidate first and keeps the crawled page', () => {
    expect(candidates.docs[0]).toMatchObject({ url: `${O}/docs/`, score: 6, page: docs, depth: 1, text: 'Docs' });
    expect(candidates.docs.map((c) => c.url)).toContain(`${O}/docs/accounts`);
    expect(candidates.pricing[0]).toMatchObject({ url: `${O}/pricing`, score: 6, page: pricing });
    expect(candidates.reference[0]).toMatchObject({ url: `${O}/docs/api-reference`, score: 6 });
    expect(candidates.reference[0].page).toBeUndefined();
    expect(candidates.gettingStarted[0]).toMatchObject({ url: `${O}/get-started`, score: 6, depth: 1 });
    expect(candidates.apiKeys[0]).toMatchObject({ url: 'https://partners.example-bank.test/console', text: 'Developer console' });
  });

  it('reads <link rel="service-desc"> as a spec', () => {
    // "specs" is not the last segment (1) + the service-desc link (3).
    expect(candidates.specs[0]).toMatchObject({ url: `${O}/specs/accounts.json`, score: 4, depth: 2, text: "openapi" });
  });

  it('never offers the excluded start page, the login link or nothing-matching URLs', () => {
    const all = Object.values(candidates).flat().map((c) => c.url);
    expect(all).not.toContain(`${O}/`);
    expect(all).not.toContain(`${O}/login`);
    expect(candidates.sandbox).toEqual([]);
  });
});
