// Table-driven tests of the page kinds the business-surface read-out finds: for every kind at least
// one handmade portal where it must be found (by path, link text, title, headings, text, JSON-LD or
// address), and the tricky negatives — a footer "Privacy" link is not pricing, a price in a code
// sample is no price list, an API resource called "Prices" is not the pricing page, a "Pricing" nav
// link that redirects to a login is gated.
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../probes/business-surface/types.js';
import { analyze, home, ORIGIN, type SitePage } from './site.js';
import type { Kind, KindStatus } from '../../../src/contract/index.js';

interface Case {
  name: string;
  kind: Kind;
  pages: SitePage[];
  skipped?: string[];
  status: KindStatus;
  /** Expected url (path on ORIGIN, or absolute). */
  url?: string;
  external?: boolean;
  linkedOnly?: boolean;
  /** A substring of some evidence note. */
  evidence?: string;
}

const abs = (p: string) => (/^https?:/.test(p) ? p : `${ORIGIN}${p}`);

const FOUND: Case[] = [
  {
    name: 'pricing page linked from the nav',
    kind: 'pricing',
    pages: [home([['Pricing', '/pricing']]), { path: '/pricing', title: 'Pricing | Acme', body: '<h1>Plans and pricing</h1><p>Growth: €49 per month, billed annually.</p>' }],
    status: 'found', url: '/pricing', linkedOnly: false, evidence: "anchor text 'Pricing' on /",
  },
  {
    name: 'pricing stated on the home page itself',
    kind: 'pricing',
    pages: [home([], '<h2>Pricing</h2><p>Starter is free. Growth costs $99 per month, billed monthly, and $0.01 per API call above 10,000 calls. Pay as you go.</p>')],
    status: 'found', url: '/', evidence: 'text:',
  },
  {
    name: 'pricing on the company site (external link)',
    kind: 'pricing',
    pages: [home([['Plans & Pricing', 'https://www.acme.example/pricing?utm_source=devportal']])],
    status: 'found', url: 'https://www.acme.example/pricing', external: true, linkedOnly: true,
  },
  {
    name: 'pricing page the crawl did not reach',
    kind: 'pricing',
    pages: [home([['Pricing', '/pricing']])],
    status: 'found', url: '/pricing', linkedOnly: true,
  },
  {
    name: 'pricing page robots.txt kept portalprobe from fetching',
    kind: 'pricing',
    pages: [home([['Pricing', '/pricing']])],
    skipped: ['/pricing'],
    status: 'found', url: '/pricing', linkedOnly: true, evidence: 'not checked (robots.txt)',
  },
  {
    name: 'free tier stated in a sentence of the pricing page',
    kind: 'freeTier',
    pages: [home([['Pricing', '/pricing']]), { path: '/pricing', title: 'Pricing', body: '<h1>Pricing</h1><p>The free plan includes 1,000 free API calls every month. No credit card required.</p>' }],
    status: 'found', url: '/pricing', evidence: 'text:',
  },
  {
    name: 'solutions page',
    kind: 'useCases',
    pages: [home([['Solutions', '/solutions']]), { path: '/solutions', title: 'Solutions', body: '<h1>Solutions for every industry</h1><p>Retail, travel and lending teams use Acme.</p>' }],
    status: 'found', url: '/solutions',
  },
  {
    name: 'customer stories',
    kind: 'caseStudies',
    pages: [home([['Customer stories', '/customers']]), { path: '/customers', title: 'Customer stories', body: '<h1>Customer stories</h1><p>How Globex cut checkout time by half.</p>' }],
    status: 'found', url: '/customers',
  },
  {
    name: 'trust center page with certifications',
    kind: 'compliance',
    pages: [home([['Trust Center', '/trust']]), { path: '/trust', title: 'Trust Center', body: '<h1>Trust Center</h1><p>Acme is ISO 27001 certified and holds a SOC 2 Type II report.</p>' }],
    status: 'found', url: '/trust', evidence: "text: 'ISO 27001'",
  },
  {
    name: 'trust center on its own host',
    kind: 'compliance',
    pages: [home([['Trust Center', 'https://trust.acme.example/']])],
    status: 'found', url: 'https://trust.acme.example/', external: true, evidence: 'address trust.acme.example',
  },
  {
    name: 'service level agreement page',
    kind: 'sla',
    pages: [home([['SLA', '/legal/sla']]), { path: '/legal/sla', title: 'Service Level Agreement', body: '<h1>Service Level Agreement</h1><p>We commit to 99.95% uptime each month; below it you receive service credits.</p>' }],
    status: 'found', url: '/legal/sla',
  },
  {
    name: 'status page on a status subdomain',
    kind: 'statusPage',
    pages: [home([['Status', 'https://status.acme.example/']])],
    status: 'found', url: 'https://status.acme.example/', external: true, evidence: 'address status.acme.example',
  },
  {
    name: 'status page hosted on statuspage.io',
    kind: 'statusPage',
    pages: [home([['System status', 'https://acme.statuspage.io/']])],
    status: 'found', url: 'https://acme.statuspage.io/', external: true,
  },
  {
    name: 'changelog page',
    kind: 'changelog',
    pages: [home([['Changelog', '/changelog']]), { path: '/changelog', title: 'Changelog', body: '<h1>Changelog</h1><h2>2026-03-01</h2><p>Added refunds.</p>' }],
    status: 'found', url: '/changelog',
  },
  {
    name: 'roadmap on GitHub projects',
    kind: 'roadmap',
    pages: [home([['Public roadmap', 'https://github.com/orgs/acme/projects/3']])],
    status: 'found', url: 'https://github.com/orgs/acme/projects/3', external: true,
  },
  {
    name: 'versioning and deprecation policy',
    kind: 'deprecationPolicy',
    pages: [home([['Versioning', '/docs/versioning']]), { path: '/docs/versioning', title: 'API versioning', body: '<h1>Versioning and deprecation policy</h1><p>Deprecated versions keep working with 12 months notice before the sunset date.</p>' }],
    status: 'found', url: '/docs/versioning',
  },
  {
    name: 'contact page',
    kind: 'support',
    pages: [home([['Contact us', '/contact-us']]), { path: '/contact-us', title: 'Contact us', body: '<h1>Contact us</h1><p>Our support team answers within one business day.</p>' }],
    status: 'found', url: '/contact-us',
  },
  {
    name: 'sandbox page',
    kind: 'sandbox',
    pages: [home([['Sandbox', '/docs/sandbox']]), { path: '/docs/sandbox', title: 'Sandbox', body: '<h1>Sandbox environment</h1><p>Use https://api.sandbox.acme.example with your test API key.</p>' }],
    status: 'found', url: '/docs/sandbox',
  },
  {
    name: 'quickstart',
    kind: 'gettingStarted',
    pages: [home([['Quickstart', '/docs/quickstart']]), { path: '/docs/quickstart', title: 'Quickstart', body: '<h1>Quickstart</h1><p>Make your first API call in five minutes.</p>' }],
    status: 'found', url: '/docs/quickstart',
  },
  {
    name: 'a "Get your API key" link to the sign-up page',
    kind: 'apiKeys',
    pages: [home([['Get your API key', '/signup']])],
    status: 'found', url: '/signup', linkedOnly: true,
  },
  {
    name: 'API keys guide',
    kind: 'apiKeys',
    pages: [home([['API keys', '/docs/api-keys']]), { path: '/docs/api-keys', title: 'API keys', body: '<h1>API keys</h1><p>Create an API key in the dashboard.</p>' }],
    status: 'found', url: '/docs/api-keys',
  },
  {
    name: 'client libraries page',
    kind: 'sdks',
    pages: [home([['Libraries', '/docs/libraries']]), { path: '/docs/libraries', title: 'Client libraries', body: '<h1>Client libraries</h1><p>Official SDKs for Python and Go.</p>' }],
    status: 'found', url: '/docs/libraries',
  },
  {
    name: 'API reference',
    kind: 'apiReference',
    pages: [home([['API Reference', '/reference']]), { path: '/reference', title: 'API Reference', body: '<h1>API Reference</h1><p>GET /v1/orders lists orders. Query parameters filter them.</p>' }],
    status: 'found', url: '/reference',
  },
  {
    name: 'Discord invite',
    kind: 'community',
    pages: [home([['Join our Discord', 'https://discord.gg/acme']])],
    status: 'found', url: 'https://discord.gg/acme', external: true,
  },
  {
    name: 'GitHub organisation linked as "GitHub"',
    kind: 'community',
    pages: [home([['GitHub', 'https://github.com/acme-dev']])],
    status: 'found', url: 'https://github.com/acme-dev', external: true, evidence: 'GitHub organisation acme-dev',
  },
  {
    name: 'blog index',
    kind: 'blog',
    pages: [home([['Blog', '/blog/']]), { path: '/blog/', title: 'Blog', body: '<h1>Blog</h1><p>Latest posts.</p>' }],
    status: 'found', url: '/blog/',
  },
  {
    name: 'events page',
    kind: 'events',
    pages: [home([['Events', '/events']]), { path: '/events', title: 'Events', body: '<h1>Upcoming events</h1><p>Meet us at API Days Paris.</p>' }],
    status: 'found', url: '/events',
  },
  {
    name: 'partner program',
    kind: 'partners',
    pages: [home([['Partners', '/partners']]), { path: '/partners', title: 'Partner program', body: '<h1>Partner program</h1><p>Become a partner and resell Acme.</p>' }],
    status: 'found', url: '/partners',
  },
  {
    name: 'terms of service',
    kind: 'termsOfUse',
    pages: [home([['Terms of Service', '/legal/terms-of-service']]), { path: '/legal/terms-of-service', title: 'Terms of Service', body: '<h1>Terms of Service</h1><p>These terms govern your use of the API.</p>' }],
    status: 'found', url: '/legal/terms-of-service',
  },
  {
    name: 'privacy policy',
    kind: 'privacy',
    pages: [home([['Privacy', '/privacy-policy']]), { path: '/privacy-policy', title: 'Privacy policy', body: '<h1>Privacy policy</h1><p>Which personal data we collect.</p>' }],
    status: 'found', url: '/privacy-policy',
  },
  {
    name: 'data residency stated on the security page',
    kind: 'dataResidency',
    pages: [home([['Security', '/security']]), { path: '/security', title: 'Security', body: '<h1>Security</h1><p>All customer data is stored exclusively in the EU. Backups are encrypted.</p>' }],
    status: 'found', url: '/security', evidence: "text: 'stored exclusively in the EU'",
  },
  {
    name: 'rate limits',
    kind: 'rateLimits',
    pages: [home([['Rate limits', '/docs/rate-limits']]), { path: '/docs/rate-limits', title: 'Rate limits', body: '<h1>Rate limits</h1><p>100 requests per second; then 429 Too Many Requests.</p>' }],
    status: 'found', url: '/docs/rate-limits',
  },
  {
    name: 'webhooks',
    kind: 'webhooks',
    pages: [home([['Webhooks', '/docs/webhooks']]), { path: '/docs/webhooks', title: 'Webhooks', body: '<h1>Webhooks</h1><p>Verify the webhook signature.</p>' }],
    status: 'found', url: '/docs/webhooks',
  },
  {
    name: 'authentication',
    kind: 'authentication',
    pages: [home([['Authentication', '/docs/auth']]), { path: '/docs/auth', title: 'Authentication', body: '<h1>Authentication</h1><p>Send a bearer token.</p>' }],
    status: 'found', url: '/docs/auth',
  },
  {
    name: 'error codes',
    kind: 'errors',
    pages: [home([['Error codes', '/docs/error-codes']]), { path: '/docs/error-codes', title: 'Error codes', body: '<h1>Error codes</h1><p>401 Unauthorized means the key is wrong.</p>' }],
    status: 'found', url: '/docs/error-codes',
  },
  {
    name: 'FAQ found by its heading and JSON-LD, not its path',
    kind: 'faq',
    pages: [{
      path: '/help/questions',
      html: '<html lang="en"><head><title>Help</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[]}</script></head><body><h1>Frequently asked questions</h1><p>Answers.</p></body></html>',
    }],
    status: 'found', url: '/help/questions', evidence: 'JSON-LD @type FAQPage',
  },
];

const TRICKY: Case[] = [
  {
    name: 'a footer "Privacy" link is privacy, not pricing',
    kind: 'pricing',
    pages: [home([['Privacy', '/privacy'], ['Pricing guidelines for partners? No: privacy.', '/privacy-center']]), { path: '/privacy', title: 'Privacy', body: '<h1>Privacy</h1><p>Personal data we collect.</p>' }],
    status: 'missing',
  },
  {
    name: 'a price inside a code sample makes no pricing page',
    kind: 'pricing',
    pages: [{
      path: '/docs/orders',
      title: 'Orders',
      body: '<h1>Orders</h1><p>Create an order for a plan. The response echoes the plan.</p><pre><code>{"plan": "growth", "price": "€49 per month", "billing": "billed annually", "mode": "pay as you go"}</code></pre>',
    }],
    status: 'missing',
  },
  {
    name: 'an API resource called Prices is not the pricing page',
    kind: 'pricing',
    pages: [
      home([['Prices', '/docs/api/prices']]),
      { path: '/docs/api/prices', title: 'Prices | API Reference', body: '<h1>Prices</h1><p>A Price object holds €49 per month.</p>' },
    ],
    status: 'missing',
  },
  {
    name: 'a blog post about new pricing is not the pricing page',
    kind: 'pricing',
    pages: [home([['Our new pricing', '/blog/new-pricing']]), { path: '/blog/new-pricing', title: 'Our new pricing', body: '<h1>Our new pricing</h1><p>From May, Growth costs €59 per month.</p>' }],
    status: 'missing',
  },
  {
    name: 'a "Pricing" nav link that redirects to the login page is gated',
    kind: 'pricing',
    pages: [
      home([['Pricing', '/pricing']]),
      { path: '/pricing', finalPath: '/login?next=/pricing', title: 'Sign in', body: '<h1>Sign in</h1><form><input type="email"><input type="password"></form>' },
    ],
    status: 'gated', url: '/pricing', linkedOnly: true, evidence: 'redirects to /login?next=/pricing',
  },
  {
    name: 'a pricing page answering 401 is gated',
    kind: 'pricing',
    pages: [home([['Pricing', '/pricing']]), { path: '/pricing', status: 401, title: 'Unauthorized', body: '<p>Sign in first.</p>' }],
    status: 'gated', url: '/pricing', evidence: 'HTTP 401',
  },
  {
    name: 'a "Pricing" link to a 404 is broken',
    kind: 'pricing',
    pages: [home([['Pricing', '/pricing']]), { path: '/pricing', status: 404, title: 'Not found', body: '<h1>Not found</h1>' }],
    status: 'broken', url: '/pricing', evidence: 'HTTP 404',
  },
  {
    name: 'a public pricing section beats a gated pricing page',
    kind: 'pricing',
    pages: [
      home([['Pricing', '/pricing']], '<h2>Pricing</h2><p>Growth costs $99 per month, billed annually. Pay as you go above that.</p>'),
      { path: '/pricing', finalPath: '/login', title: 'Log in', body: '<h1>Log in</h1><form><input type="password"></form>' },
    ],
    status: 'found', url: '/',
  },
  {
    name: '"99.9% uptime" in an article does not make an SLA page',
    kind: 'sla',
    pages: [{ path: '/docs/monitoring', title: 'Monitoring', body: '<h1>Monitoring</h1><p>We target 99.9% uptime for the sandbox, measured monthly.</p>' }],
    status: 'missing',
  },
  {
    name: 'a service level objectives chapter is no SLA',
    kind: 'sla',
    pages: [home([['4. Service Level Objectives', '/book/service-level-objectives']])],
    status: 'missing',
  },
  {
    name: 'a "Security" blog category is not a compliance page',
    kind: 'compliance',
    pages: [home([['Security', 'https://engineering.acme.example/security']])],
    status: 'missing',
  },
  {
    name: '"Get started" pointing at the sign-up page is no getting-started page',
    kind: 'gettingStarted',
    pages: [home([['Get started', '/signup']]), { path: '/signup', title: 'Sign up', body: '<h1>Create your account</h1><form><input type="email"><input type="password"></form>' }],
    status: 'missing',
  },
  {
    name: 'an in-page "Status" link in API docs is no status page',
    kind: 'statusPage',
    pages: [{ path: '/docs/orders', title: 'Orders', body: '<h1>Orders</h1><a href="#status">Status</a><h2 id="status">The status field</h2><p>pending or paid.</p>' }],
    status: 'missing',
  },
  {
    name: 'a link whose text merely contains "testing" is not a sandbox',
    kind: 'sandbox',
    pages: [home([['17. Testing for Reliability', '/book/testing-reliability']])],
    status: 'missing',
  },
  {
    name: '"explanations" does not contain the word "plans"',
    kind: 'pricing',
    pages: [{ path: '/docs/guide', title: 'Explanations', body: '<h1>Explanations</h1><p>Longer explanations of the API.</p>' }],
    status: 'missing',
  },
];

async function check(c: Case): Promise<void> {
  const facts = await analyze(c.pages, c.skipped);
  const result = facts.pages[c.kind];
  const notes = result.evidence.map((e) => e.note).join(' | ');
  expect(result.status, `${c.kind}: ${notes}`).toBe(c.status);
  expect(result.found).toBe(c.status === 'found');
  if (c.url !== undefined) expect(result.url).toBe(abs(c.url));
  if (c.status === 'missing') expect(result.url).toBeNull();
  if (c.external !== undefined) expect(result.external).toBe(c.external);
  if (c.linkedOnly !== undefined) expect(result.linkedOnly).toBe(c.linkedOnly);
  if (c.evidence !== undefined) expect(notes).toContain(c.evidence);
  if (c.status === 'found') expect(result.confidence).toBeGreaterThanOrEqual(0.45);
  expect(facts.foundKinds.includes(c.kind)).toBe(c.status === 'found');
  expect(facts.missingKinds.includes(c.kind)).toBe(c.status === 'missing');
}

describe('business-surface kinds: found', () => {
  it('covers every kind', () => {
    expect(new Set(FOUND.map((c) => c.kind))).toEqual(new Set(KINDS));
  });
  it.each(FOUND)('$kind: $name', check);
});

describe('business-surface kinds: tricky cases', () => {
  it.each(TRICKY)('$kind: $name', check);

  it('the price in a code sample would count in prose (the negative above is not vacuous)', async () => {
    const facts = await analyze([{ path: '/docs/orders', title: 'Orders', body: '<h1>Orders</h1><p>The growth plan costs €49 per month, billed annually; pay as you go above it.</p>' }]);
    expect(facts.pages.pricing.evidence.some((e) => e.signal === 'text')).toBe(true);
  });

  it('the footer link still finds the privacy page', async () => {
    const facts = await analyze(TRICKY[0].pages);
    expect(facts.pages.privacy).toMatchObject({ status: 'found', url: `${ORIGIN}/privacy` });
  });

  it('a gated page is gated for every kind it would show, and its login form counts for none', async () => {
    const facts = await analyze(TRICKY[4].pages);
    expect(facts.gatedKinds).toEqual(['pricing']);
    expect(facts.pages.pricing.gated).toBe(true);
    expect(facts.pages.pricing.found).toBe(false);
  });

  it('records other pages of the same kind', async () => {
    const facts = await analyze([
      home([['Webhooks', '/docs/webhooks'], ['Webhook events', '/docs/webhooks/events']]),
      { path: '/docs/webhooks', title: 'Webhooks', body: '<h1>Webhooks</h1><p>Receive webhook events.</p>' },
      { path: '/docs/webhooks/events', title: 'Webhook events', body: '<h1>Webhook events</h1><p>Every webhook payload.</p>' },
    ]);
    expect(facts.pages.webhooks.url).toBe(`${ORIGIN}/docs/webhooks`);
    expect(facts.pages.webhooks.otherUrls).toEqual([`${ORIGIN}/docs/webhooks/events`]);
  });

  it('a missing kind keeps the closest candidate as evidence, without a url', async () => {
    const facts = await analyze([{ path: '/docs/monitoring', title: 'Monitoring', body: '<p>We target 99.9% uptime.</p>' }]);
    expect(facts.pages.sla.url).toBeNull();
    expect(facts.pages.sla.confidence).toBeGreaterThan(0);
    expect(facts.pages.sla.confidence).toBeLessThan(0.45);
    expect(facts.pages.sla.evidence[0].note).toBe("text: '99.9% uptime'");
  });
});
