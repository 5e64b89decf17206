// Tests for probes/structured-data/site.ts and business.ts: the site-wide facts built from pages.
import { describe, expect, it } from 'vitest';
import { countFaqQuestions, findOrganization, findWebApi } from '../../../probes/structured-data/business.js';
import { extractPage } from '../../../probes/structured-data/extract-page.js';
import { summarizeSite, type CheckedPage } from '../../../probes/structured-data/site.js';

const O = 'https://portal.example';
const ld = (v: unknown): string => JSON.stringify({ '@context': 'https://schema.org', ...(v as object) });
function page(path: string, blocks: string[], html = '', isHome = false): CheckedPage {
  return { data: extractPage({ url: O + path, html, jsonLd: blocks }), isHome };
}

const faq = (qs: string[]) => ld({ '@type': 'FAQPage', mainEntity: qs.map((name) => ({ '@type': 'Question', name, acceptedAnswer: { '@type': 'Answer', text: 'a' } })) });

describe('summarizeSite', () => {
  const pages: CheckedPage[] = [
    page('/', [
      ld({
        '@type': 'WebSite', url: `${O}/`,
        publisher: { '@type': 'Corporation', name: 'Acme Inc', url: 'https://acme.example/', sameAs: ['https://github.com/acme', 'https://x.example/acme'],
          contactPoint: [{ '@type': 'ContactPoint', contactType: 'sales', email: 'sales@acme.example' }, { '@type': 'ContactPoint', contactType: 'support', telephone: '+1-555-0100' }] },
        potentialAction: { '@type': 'SearchAction', target: `${O}/search?q={q}`, 'query-input': 'required name=q' },
      }),
    ], '', true),
    page('/docs/api', [ld({ '@type': 'WebAPI', name: 'Acme Payments API', documentation: `${O}/docs/api`, termsOfService: `${O}/terms`, provider: { '@type': 'Organization', name: 'Acme Inc' } })]),
    page('/faq', [faq(['How much does it cost?', 'Is there a sandbox?'])]),
    page('/support', [faq(['Is there a  sandbox?', 'How do I get a key?'])]),
    page('/broken', ['{"@type": "Product",}', '{"@type": "Product" "name": 1}']),
    page('/plain', []),
    page('/shop', [], `<div itemscope itemtype="https://schema.org/Product"><div itemprop="offers" itemscope itemtype="https://schema.org/Offer"></div></div>`),
  ];
  const site = summarizeSite(pages);

  it('lists every schema.org type, nested included, sorted', () => {
    expect(site.types).toEqual(['Answer', 'ContactPoint', 'Corporation', 'FAQPage', 'Offer', 'Organization', 'Product', 'Question', 'SearchAction', 'WebAPI', 'WebSite']);
  });

  it('counts pages and blocks', () => {
    expect(site.pagesChecked).toBe(7);
    expect(site.pagesWithStructuredData).toBe(6);
    expect(site.invalidBlocks).toBe(2);
    expect(site.recoveredBlocks).toBe(1);
    expect(site.jsonLdBlocks).toBe(6);
    expect(site.syntaxes).toEqual({ jsonLd: 5, microdata: 1, rdfa: 0 });
    expect(site.homeTypes).toEqual(['ContactPoint', 'Corporation', 'SearchAction', 'WebSite']);
  });

  it('maps types to pages', () => {
    expect(site.byType.Question).toEqual([`${O}/faq`, `${O}/support`]);
    expect(site.byType.Offer).toEqual([`${O}/shop`]);
    expect(site.typePageCounts.Question).toBe(2);
    // The recovered block's Product counts too.
    expect(site.byType.Product).toEqual([`${O}/broken`, `${O}/shop`]);
  });

  it('lists invalid blocks with url, syntax and reason', () => {
    expect(site.invalid).toEqual([
      { url: `${O}/broken`, syntax: 'json-ld', block: 0, recovered: true, reason: expect.stringContaining('trailing commas') },
      { url: `${O}/broken`, syntax: 'json-ld', block: 1, recovered: false, reason: expect.stringContaining('line 1, column 21') },
    ]);
  });

  it('answers the business types, subtypes included', () => {
    expect(site.businessTypes).toMatchObject({
      Organization: true, WebSite: true, SearchAction: true, ContactPoint: true, WebAPI: true, Service: true, FAQPage: true,
      Product: true, Offer: true, SoftwareApplication: false, HowTo: false, BreadcrumbList: false, Event: false, APIReference: false,
    });
  });

  it('reads the organisation from the home page publisher', () => {
    expect(site.organization).toEqual({
      type: 'Corporation', name: 'Acme Inc', url: 'https://acme.example/', logo: null,
      sameAs: ['https://github.com/acme', 'https://x.example/acme'],
      contactPoint: [{ contactType: 'sales', email: 'sales@acme.example' }, { contactType: 'support', telephone: '+1-555-0100' }],
      foundOn: `${O}/`,
    });
  });

  it('reads the WebAPI', () => {
    expect(site.webApi).toEqual({ name: 'Acme Payments API', documentation: `${O}/docs/api`, termsOfService: `${O}/terms`, provider: 'Acme Inc', foundOn: `${O}/docs/api` });
  });

  it('counts distinct FAQ questions across pages', () => {
    expect(site.faqQuestions).toBe(3);
  });

  it('lists pages with items, bounded, with item summaries', () => {
    expect(site.pages.map((p) => p.url)).toEqual([`${O}/`, `${O}/docs/api`, `${O}/faq`, `${O}/support`, `${O}/broken`, `${O}/shop`]);
    expect(site.pages[0].items[0]).toEqual({
      syntax: 'json-ld', types: ['WebSite'], properties: ['potentialAction', 'publisher', 'url'], nestedTypes: ['ContactPoint', 'Corporation', 'SearchAction'],
    });
  });

  it('gives empty facts for no pages', () => {
    const empty = summarizeSite([]);
    expect(empty).toMatchObject({ types: [], invalidBlocks: 0, pagesChecked: 0, organization: null, webApi: null, faqQuestions: 0, homeTypes: null });
  });
});

describe('findOrganization', () => {
  it('prefers the home page, then top-level, then the most complete', () => {
    const seller = page('/p', [ld({ '@type': 'Offer', seller: { '@type': 'Organization', name: 'Reseller' } })]);
    const top = page('/about', [ld({ '@type': 'Organization', name: 'Acme', url: 'https://acme.example/' })]);
    const homeNested = page('/', [ld({ '@type': 'WebSite', publisher: { '@type': 'Organization', name: 'Acme Home' } })], '', true);
    const asPages = (cs: CheckedPage[]) => cs.map((c) => ({ url: c.data.url, isHome: c.isHome, entities: c.data.entities }));
    expect(findOrganization(asPages([seller, top]))?.name).toBe('Acme');
    expect(findOrganization(asPages([seller, top, homeNested]))?.name).toBe('Acme Home');
    expect(findOrganization(asPages([seller]))?.name).toBe('Reseller');
    expect(findOrganization(asPages([page('/x', [ld({ '@type': 'Person', name: 'A' })])]))).toBeNull();
  });

  it('reads an image logo, a legalName and an http @id', () => {
    const p = page('/', [ld({ '@type': 'BankOrCreditUnion', '@id': 'https://bank.example/#org', legalName: 'Bank AG', logo: { '@type': 'ImageObject', url: 'https://bank.example/logo.png' } })]);
    expect(findOrganization([{ url: p.data.url, isHome: true, entities: p.data.entities }])).toMatchObject({
      type: 'BankOrCreditUnion', name: 'Bank AG', url: 'https://bank.example/#org', logo: 'https://bank.example/logo.png', sameAs: [],
    });
  });
});

describe('findWebApi and countFaqQuestions', () => {
  it('takes the most complete WebAPI, reading documentation given as a CreativeWork', () => {
    const a = page('/a', [ld({ '@type': 'WebAPI', name: 'Thin' })]);
    const b = page('/b', [ld({ '@type': 'WebAPI', name: 'Full', documentation: { '@type': 'APIReference', url: `${O}/ref` }, provider: 'Acme' })]);
    const pages = [a, b].map((c) => ({ url: c.data.url, isHome: false, entities: c.data.entities }));
    expect(findWebApi(pages)).toEqual({ name: 'Full', documentation: `${O}/ref`, termsOfService: null, provider: 'Acme', foundOn: `${O}/b` });
    expect(findWebApi([])).toBeNull();
  });

  it('counts only questions inside an FAQPage', () => {
    const p = page('/', [ld({ '@type': 'QAPage', mainEntity: { '@type': 'Question', name: 'Q?' } }), faq(['A?', 'B?', 'A?'])]);
    expect(countFaqQuestions([{ url: p.data.url, isHome: false, entities: p.data.entities }])).toBe(2);
  });
});
