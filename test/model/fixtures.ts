// Probe facts for two imaginary portals, shaped as docs/ARCHITECTURE.md §3 describes, for scoring the real model.
import type { FactsByProbe } from '../../src/model/types.js';
import { agents, ok } from './helpers.js';

/** Everything the three first probes can check is in place. */
export const goodFacts: FactsByProbe = {
  robots: ok({
    url: 'https://dev.example/robots.txt',
    present: true,
    aiAgents: agents(
      ['GPTBot', 'training', 'none', 'GPTBot'],
      ['OAI-SearchBot', 'search', 'all', '*'],
      ['ChatGPT-User', 'user', 'all', '*'],
      ['PerplexityBot', 'search', 'all', '*'],
      ['Manus', 'other', 'all', '*'],
    ),
    sitemaps: ['https://dev.example/sitemap.xml'],
    portalprobeAllowed: true,
    contentSignals: [{ agent: '*', value: 'search=yes, ai-input=yes, ai-train=no', line: 4 }],
  }),
  sitemap: ok({ url: 'https://dev.example/sitemap.xml', present: true, urlCount: 240, errors: [], lastmodCoverage: 0.95, crawledPagesListed: 0.92 }),
  'llms-txt': ok({
    url: 'https://dev.example/llms.txt', present: true, valid: true, title: 'Example', sectionCount: 4, linkCount: 40,
    brokenLinks: 0, fullPresent: true, fullTokens: 120_000,
  }),
};

/** A portal that blocks AI crawlers and publishes nothing for machines. */
export const badFacts: FactsByProbe = {
  robots: ok({
    url: 'https://dev.example/robots.txt',
    present: true,
    aiAgents: agents(
      ['GPTBot', 'training', 'none', '*'],
      ['OAI-SearchBot', 'search', 'none', '*'],
      ['ChatGPT-User', 'user', 'none', '*'],
      ['Manus', 'other', 'none', '*'],
    ),
    sitemaps: [],
    portalprobeAllowed: false,
    contentSignals: [],
  }),
  sitemap: ok({ present: false, urlCount: 0, errors: [], lastmodCoverage: null, crawledPagesListed: null }),
  'llms-txt': ok({ present: false, valid: false, title: null, sectionCount: 0, linkCount: 0, brokenLinks: 0, fullPresent: false, fullTokens: 0 }),
};
