// Real third-party pages (mozilla/readability's test pages, see
// test/fixtures/business-surface/SOURCES.md) as realistic noise: blogs, a book chapter, news and
// shop pages that are not developer portals. What we assert, page by page:
//   - pricing: no page of theirs is taken for a pricing page; the only pricing result allowed is
//     topicseed-1's real nav link "Pricing" → /pricing, reported as linked only (not read);
//   - sla: never found (the SRE book chapter talks of 99.9% availability and links a chapter on
//     Service Level Objectives; neither is an SLA);
//   - compliance: never found (dropbox-blog and lwn-1 link a "Security" section, mozilla-1 a
//     "trust" marketing page) and no certification is listed;
//   - no SDK language, no GitHub organisation and no pricing-model hint is claimed;
//   - each page is analysed in well under a few seconds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keywordRegistry } from '../../../probes/business-surface/index.js';
import { analyzeSurface } from '../../../probes/business-surface/surface.js';
import { makePage, makeSnapshot } from '../../helpers/probe-context.js';

const DIR = new URL('../../fixtures/readability-pages/', import.meta.url);
const PAGES = ['google-sre-book-1', 'topicseed-1', 'simplyfound-1', 'dropbox-blog', 'lwn-1', 'mozilla-1', 'gitlab-blog'];
// readability's own test base URL.
const URL_OF_PAGE = 'http://fakehost/test/page.html';

async function analyzeReal(name: string) {
  const html = readFileSync(new URL(`${name}.html`, DIR), 'utf8');
  const page = makePage({ url: URL_OF_PAGE, html });
  const started = performance.now();
  const facts = await analyzeSurface(makeSnapshot('http://fakehost', [page]), keywordRegistry());
  return { facts, ms: performance.now() - started };
}

describe('business-surface on real non-portal pages', () => {
  it.each(PAGES)('%s: no false pricing, SLA or compliance', async (name) => {
    const { facts, ms } = await analyzeReal(name);
    if (name === 'topicseed-1') {
      expect(facts.pages.pricing).toMatchObject({ status: 'found', url: 'http://fakehost/pricing', linkedOnly: true });
    } else {
      expect(facts.pages.pricing.status).toBe('missing');
    }
    expect(facts.pages.pricing.url).not.toBe(URL_OF_PAGE);
    expect(facts.pages.sla.status).toBe('missing');
    expect(facts.pages.compliance.status).toBe('missing');
    expect(facts.certifications).toEqual([]);
    expect(facts.sdkLanguages).toEqual([]);
    expect(facts.communityChannels.github).toBeNull();
    expect(facts.pricingModel).toEqual([]);
    expect(ms).toBeLessThan(5000);
  });

  it('still finds what these pages really link to (the checks above are not vacuous)', async () => {
    const { facts } = await analyzeReal('simplyfound-1');
    expect(facts.pages.privacy).toMatchObject({ status: 'found', url: 'http://fakehost/site/privacy-policy', linkedOnly: true });
    expect(facts.pages.termsOfUse.url).toBe('http://fakehost/site/terms-conditions');
    const sre = await analyzeReal('google-sre-book-1');
    // The chapter's text does give a weak SLA-like signal; it just stays below the threshold.
    expect(sre.facts.pages.sla.confidence).toBeGreaterThan(0);
    expect(sre.facts.pages.sla.evidence[0].note).toContain('99.9%');
  });
});

describe('business-surface on hostile input', () => {
  // The crawl bounds pages (body size, 2,000 anchors); these pages are built past what its parser
  // would produce quickly, by filling the parsed fields directly, to test this probe's own bounds.
  it('survives huge, repetitive and malformed pages quickly', async () => {
    const base = 'https://portal.example';
    const huge = makePage({ url: `${base}/`, html: '<html lang="en"><body><p>x</p></body></html>' });
    huge.html = `<pre>${'<code a="'.repeat(50_000)}${'<pre>€49 per month '.repeat(50_000)}`;
    huge.mainText = `${'€49 per month, '.repeat(100_000)}${'1,'.repeat(200_000)} free calls ${'9'.repeat(200_000)} per month`;
    huge.headings = Array.from({ length: 5000 }, (_, i) => ({ level: 2, text: i % 2 ? 'Pricing' : 'x'.repeat(10_000) }));
    huge.title = 'Pricing '.repeat(10_000);
    huge.anchors = Array.from({ length: 2000 }, (_, i) => ({ href: `${base}/p${i}`, text: i % 2 ? 'Pricing' : 'a '.repeat(5000) }));
    const odd = makePage({ url: `${base}/odd`, html: '<html><body><p>y</p></body></html>' });
    odd.anchors = [{ href: 'http://[::1', text: 'Pricing' }, { href: 'mailto:x@y', text: 'Support' }, { href: `${base}/pricing`, text: '' }];
    odd.lang = '\u0000<script>';
    odd.jsonLd = ['{"@type": ['.repeat(10_000)];
    const pdf = makePage({ url: `${base}/terms.pdf`, headers: { 'content-type': 'application/pdf' } });
    pdf.contentType = 'application/pdf';
    const started = performance.now();
    const facts = await analyzeSurface(makeSnapshot(base, [huge, odd, pdf]), keywordRegistry());
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(facts.pagesChecked).toBe(2);
    expect(facts.pages.pricing.status).toBe('found');
    expect(facts.pages.pricing.url).toBe(`${base}/`);
  });
});
