// Tests of the facts read beside the page kinds: SDK languages, certifications, community and
// support channels, pricing-model hints, and keyword lists picked by the page's lang attribute.
import { describe, expect, it } from 'vitest';
import commonJson from '../../../probes/business-surface/data/business-surface.common.json' with { type: 'json' };
import enJson from '../../../probes/business-surface/data/business-surface.en.json' with { type: 'json' };
import { createKeywordRegistry } from '../../../probes/business-surface/keywords.js';
import { analyzeSurface } from '../../../probes/business-surface/surface.js';
import { analyze, home, ORIGIN, siteOf } from './site.js';

describe('sdkLanguages', () => {
  const cases: Array<{ name: string; pages: Parameters<typeof analyze>[0]; languages: string[]; note?: string }> = [
    {
      name: 'headings and install commands of the SDK page',
      pages: [
        home([['SDKs', '/docs/sdks']]),
        {
          path: '/docs/sdks',
          title: 'SDKs',
          body: '<h1>SDKs</h1><h2>Python</h2><pre><code>pip install acme</code></pre><h2>Go</h2><pre><code>go get github.com/acme/acme-go</code></pre><h2>C# / .NET</h2><pre><code>dotnet add package Acme</code></pre>',
        },
      ],
      languages: ['Python', 'Go', '.NET'],
    },
    {
      name: '"Go to …" and a SWIFT code on the SDK page add no language',
      pages: [
        home([['SDKs', '/docs/sdks']]),
        { path: '/docs/sdks', title: 'SDKs', body: '<h1>SDKs</h1><p>Our Ruby SDK is the only official library. Go to the reference for endpoints. Payments need the SWIFT code of the bank; Swift transfers are supported by the SDK.</p>' },
      ],
      languages: ['Ruby'],
    },
    {
      name: 'language names on ordinary docs pages (code tabs) are not SDKs',
      pages: [{ path: '/docs/orders', title: 'Orders', body: '<h1>Orders</h1><p>Examples in Python, Java and PHP.</p><pre><code>pip install requests</code></pre>' }],
      languages: [],
    },
    {
      name: 'links naming an SDK, registry links and SDK repositories',
      pages: [
        home([
          ['Kotlin SDK', '/docs/kotlin'],
          ['acme on PyPI', 'https://pypi.org/project/acme/'],
          ['acme-php-sdk', 'https://github.com/someone/acme-php-sdk'],
          ['nodejs/node', 'https://github.com/nodejs/node'],
        ]),
      ],
      languages: ['Kotlin', 'Python', 'PHP'],
    },
  ];
  it.each(cases)('$name', async ({ pages, languages }) => {
    const facts = await analyze(pages);
    expect(facts.sdkLanguages).toEqual(languages);
    for (const name of languages) expect(facts.sdkEvidence.some((e) => e.name === name)).toBe(true);
  });
});

describe('certifications', () => {
  it('lists certifications on the compliance page, and elsewhere only with a compliance word', async () => {
    const facts = await analyze([
      home([['Trust', '/trust'], ['Blog', '/blog/']]),
      { path: '/trust', title: 'Trust', body: '<h1>Trust center</h1><p>ISO/IEC 27001:2022 covers the platform. SOC 2 Type II report on request. PCI DSS does not apply: we never see card data.</p>' },
      { path: '/blog/', title: 'Blog', body: '<h1>Blog</h1><p>What HIPAA means for startups, in five minutes.</p>' },
      { path: '/docs/psd2', title: 'Open banking', body: '<h1>Open banking</h1><p>We are a PSD2 licensed account information service provider, regulated by the FCA.</p>' },
    ]);
    expect(facts.certifications).toEqual(['ISO 27001', 'SOC 2', 'PSD2']);
    const psd2 = facts.certificationEvidence.find((e) => e.name === 'PSD2');
    expect(psd2).toMatchObject({ url: `${ORIGIN}/docs/psd2`, note: "stated with 'regulated'" });
    expect(facts.certificationEvidence.find((e) => e.name === 'ISO 27001')?.note).toBe('stated on the compliance page');
  });

  it('ignores certifications inside code samples', async () => {
    const facts = await analyze([{ path: '/docs/x', title: 'X', body: '<p>Flags.</p><pre><code>{"compliance": "SOC 2 certified"}</code></pre>' }]);
    expect(facts.certifications).toEqual([]);
  });
});

describe('communityChannels', () => {
  it('picks the portal GitHub organisation, a forum, a chat and a Stack Overflow tag', async () => {
    const facts = await analyze([
      home([
        ['GitHub', 'https://github.com/acme-dev'],
        ['Forum', 'https://community.acme.example/latest'],
        ['Join us on Slack', 'https://join.slack.com/t/acme/shared_invite/xyz'],
        ['Stack Overflow', 'https://stackoverflow.com/questions/tagged/acme-api'],
        ['a question', 'https://stackoverflow.com/questions/123/how-to'],
      ]),
      { path: '/docs/x', title: 'X', body: '<p>Uses <a href="https://github.com/nodejs/node">Node</a> and <a href="https://github.com/acme-dev/acme-js">acme-js</a>.</p>' },
    ]);
    expect(facts.communityChannels).toEqual({
      github: 'https://github.com/acme-dev',
      forum: 'https://community.acme.example/latest',
      chat: 'https://join.slack.com/t/acme/shared_invite/xyz',
      stackOverflow: 'https://stackoverflow.com/questions/tagged/acme-api',
    });
    expect(facts.pages.community.found).toBe(true);
  });

  it('does not take a third-party repository for the portal organisation', async () => {
    const facts = await analyze([{ path: '/docs/x', title: 'X', body: '<p>Built on <a href="https://github.com/nodejs/node">node</a>.</p>' }]);
    expect(facts.communityChannels).toEqual({ github: null, forum: null, chat: null, stackOverflow: null });
  });

  it('takes an organisation whose name carries the portal brand', async () => {
    const snapshot = siteOf([{ path: '/docs/x', title: 'X', body: '<p>See <a href="https://github.com/acmehq/examples">examples</a>.</p>' }]);
    snapshot.startUrl = snapshot.finalUrl = 'https://developer.acmehq.example/';
    snapshot.origin = 'https://developer.acmehq.example';
    const facts = await analyzeSurface(snapshot, createKeywordRegistry({ common: commonJson, langs: { en: enJson } }));
    expect(facts.communityChannels.github).toBe('https://github.com/acmehq');
  });
});

describe('supportChannels', () => {
  it('reads e-mail, phone, form, chat widget and help centre', async () => {
    const facts = await analyze([
      home([['Help Center', 'https://help.acme.example/hc/en-us'], ['Contact', '/contact']], '<p>Write to <a href="mailto:privacy@acme.example">privacy</a> or <a href="mailto:developers@acme.example">us</a>.</p>'),
      {
        path: '/contact',
        html: '<html lang="en"><head><title>Contact support</title><script src="https://widget.intercom.io/widget/abc"></script></head><body><h1>Contact support</h1><p>Call +44 20 7946 0000 or email help@acme.example.</p><form action="/contact/send"><input type="email" name="email"><input name="subject"><button>Send message</button></form><form action="/search"><input type="search"></form></body></html>',
      },
    ]);
    const s = facts.supportChannels;
    expect(s.email.map((e) => e.value)).toEqual(['developers@acme.example', 'help@acme.example']);
    expect(s.phone.map((e) => e.value)).toEqual(['+44 20 7946 0000']);
    expect(s.form).toEqual([{ value: `${ORIGIN}/contact/send`, url: `${ORIGIN}/contact` }]);
    expect(s.chat.map((e) => e.value)).toEqual(['Intercom']);
    expect(s.helpCenter.map((e) => e.value)).toEqual(['https://help.acme.example/']);
  });
});

describe('pricingModel', () => {
  it('quotes free tier, per-call, tiers, contact sales and subscription from the pricing page', async () => {
    const facts = await analyze([
      home([['Pricing', '/pricing']]),
      {
        path: '/pricing',
        title: 'Pricing',
        body: '<h1>Pricing</h1><p>Free plan: 500 calls a month. Pro plan: $29 per month, billed annually. Extra calls cost $0.001 per request. Enterprise: contact sales.</p><pre><code>{"tier": "custom plan"}</code></pre>',
      },
    ]);
    expect(facts.pricingModel.map((h) => h.model)).toEqual(['freeTier', 'perCall', 'tiered', 'contactSales', 'subscription']);
    expect(facts.pricingModel.every((h) => h.url === `${ORIGIN}/pricing`)).toBe(true);
    expect(facts.pricingModel.find((h) => h.model === 'perCall')?.quote).toContain('$0.001 per request');
  });

  it('finds no model where no page speaks of prices', async () => {
    const facts = await analyze([home([], '<p>Read our docs.</p><pre><code>price: "$5 per month", plan: "contact sales"</code></pre>')]);
    expect(facts.pricingModel).toEqual([]);
  });
});

describe('keyword lists by page language', () => {
  const de = {
    lang: 'de',
    pathGroups: { articles: ['blog'] },
    kinds: { pricing: { paths: ['preise'], anchors: ['preise'], headings: ['preise'], text: [] } },
  };
  const registry = createKeywordRegistry({ common: commonJson, langs: { en: enJson, de } });

  it('uses the page language list plus English', async () => {
    const snapshot = siteOf([
      { path: '/', lang: 'de-DE', title: 'Start', body: '<a href="/preise">Preise</a> <a href="/docs/changelog">Changelog</a>' },
      { path: '/preise', lang: 'de', title: 'Preise', body: '<h1>Preise</h1><p>Ab 49 € im Monat.</p>' },
    ]);
    const facts = await analyzeSurface(snapshot, registry);
    expect(facts.languages).toEqual(['de', 'en']);
    expect(facts.pages.pricing).toMatchObject({ status: 'found', url: `${ORIGIN}/preise` });
    expect(facts.pages.changelog.status).toBe('found');
  });

  it('falls back to English for a language without a list', async () => {
    const snapshot = siteOf([{ path: '/', lang: 'fr', title: 'Accueil', body: '<a href="/preise">Preise</a> <a href="/pricing">Pricing</a>' }]);
    const facts = await analyzeSurface(snapshot, registry);
    expect(facts.pages.pricing.url).toBe(`${ORIGIN}/pricing`);
    expect(registry.forLang('fr').langs).toEqual(['en']);
    expect(registry.forLang('DE-at').langs).toEqual(['de', 'en']);
    expect(registry.forLang(null).langs).toEqual(['en']);
  });
});
