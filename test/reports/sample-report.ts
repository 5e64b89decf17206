// A realistic sample report (full schemaVersion 1 contract) shared by the renderer tests. The
// portal is fictional; the numbers are plausible for a mid-sized payments API portal. The first
// element of each list carries every optional field, because the golden shape test reads first
// elements. Each call returns a fresh copy, so tests may mutate it.
import type { PracticeResult, Report } from '../../src/contract/index.js';

const BASE = 'https://developer.example-pay.com';

type P = Omit<PracticeResult, 'decidedBy'> & { decidedBy?: PracticeResult['decidedBy'] };

function practice(p: P): PracticeResult {
  return { decidedBy: p.status === 'manual' ? 'none' : 'probe', ...p };
}

const PRACTICES: PracticeResult[] = [
  // discovery
  practice({
    id: 'discovery.site-search', name: 'Site search returns relevant results', focusArea: 'discovery', enabler: 'search', stage: 1,
    lenses: ['core'], score: 1, status: 'pass', definition: 'A visitor can search the portal and the first results match the query.',
    evidence: [{ url: `${BASE}/search?q=refund`, note: 'Search for "refund" lists the Refunds API first', quote: 'Refunds API: return all or part of a payment' }],
  }),
  practice({
    id: 'discovery.sitemap', name: 'XML sitemap lists the documentation', focusArea: 'discovery', enabler: 'search', stage: 1,
    lenses: ['core', 'aiVisibility'], score: 0.5, status: 'partial', definition: 'sitemap.xml is declared in robots.txt and lists every public docs page.',
    evidence: [{ url: `${BASE}/sitemap.xml`, note: 'Sitemap found but 3 of 212 entries return 404' }],
  }),
  practice({
    id: 'discovery.ai-crawlers-allowed', name: 'AI search crawlers may read the portal', focusArea: 'discovery', enabler: 'ai-visibility', stage: 1,
    lenses: ['aiVisibility'], score: 0, status: 'fail', definition: 'robots.txt lets search and user-triggered AI agents fetch public documentation.',
    evidence: [{ url: `${BASE}/robots.txt`, note: 'GPTBot, ClaudeBot and PerplexityBot are disallowed from /', quote: 'User-agent: GPTBot Disallow: /' }],
  }),
  practice({
    id: 'discovery.llms-txt', name: 'llms.txt describes the portal', focusArea: 'discovery', enabler: 'ai-visibility', stage: 2,
    lenses: ['aiVisibility'], score: 1, status: 'pass', definition: 'A valid /llms.txt (llmstxt.org) links the key documentation.',
    evidence: [{ url: `${BASE}/llms.txt`, note: 'Valid llms.txt with 4 sections and 38 links' }],
  }),
  // decisionMaking
  practice({
    id: 'decision.pricing-public', name: 'Pricing is public', focusArea: 'decisionMaking', enabler: 'commercial-transparency', stage: 1,
    lenses: ['core', 'businessReadiness'], score: 0, status: 'fail', decidedBy: 'fitCheck',
    definition: 'Prices or a pricing model can be read without signing up or contacting sales.',
    evidence: [{ url: `${BASE}/pricing`, note: 'The pricing page only offers a contact form', quote: 'Talk to our sales team for a custom quote.' }],
  }),
  practice({
    id: 'decision.use-cases', name: 'Use cases are described', focusArea: 'decisionMaking', enabler: 'use-cases', stage: 1,
    lenses: ['businessReadiness'], score: 1, status: 'pass', definition: 'The portal shows what can be built, by industry or problem.',
    evidence: [{ url: `${BASE}/solutions/marketplaces`, note: 'Solutions pages for marketplaces, SaaS and retail' }],
  }),
  practice({
    id: 'decision.compliance', name: 'Security and compliance statements', focusArea: 'decisionMaking', enabler: 'commercial-transparency', stage: 2,
    lenses: ['businessReadiness'], score: 0.5, status: 'partial', decidedBy: 'fitCheck',
    definition: 'Certifications (SOC 2, PCI DSS) are named on a public page.',
    evidence: [{ url: `${BASE}/trust`, note: 'PCI DSS named; SOC 2 report behind a login', quote: 'PCI DSS Level 1 service provider' }],
  }),
  practice({
    id: 'decision.customer-stories', name: 'Customer stories', focusArea: 'decisionMaking', enabler: 'use-cases', stage: 3,
    lenses: ['businessReadiness'], score: 0, status: 'manual', evidence: [],
  }),
  // onboarding
  practice({
    id: 'onboarding.sandbox', name: 'Free sandbox without sales contact', focusArea: 'onboarding', enabler: 'api-access-testing', stage: 1,
    lenses: ['core', 'businessReadiness'], score: 1, status: 'pass', decidedBy: 'fitCheck', definition: 'A developer can get test credentials self-service.',
    evidence: [{ url: `${BASE}/docs/sandbox`, note: 'Sandbox keys on sign-up', quote: 'Sandbox accounts are free and never expire.' }],
  }),
  practice({
    id: 'onboarding.openapi', name: 'OpenAPI description is published', focusArea: 'onboarding', enabler: 'api-access-testing', stage: 2,
    lenses: ['core', 'aiVisibility'], score: 0, status: 'fail', definition: 'A valid OpenAPI document is linked from the reference.',
    evidence: [{ url: `${BASE}/openapi.yaml`, note: 'The OpenAPI probe timed out fetching the document' }],
  }),
  practice({
    id: 'onboarding.quickstart', name: 'Quickstart under 10 minutes', focusArea: 'onboarding', enabler: 'api-access-testing', stage: 1,
    lenses: ['core'], score: 1, status: 'pass', evidence: [{ url: `${BASE}/docs/quickstart`, note: 'Quickstart with 5 steps and copyable code' }],
  }),
  practice({
    id: 'onboarding.sdks', name: 'SDKs in the main languages', focusArea: 'onboarding', enabler: 'sdks-tools', stage: 2,
    lenses: ['core'], score: 0.5, status: 'partial', definition: 'Maintained SDKs for at least four popular languages.',
    evidence: [{ url: `${BASE}/docs/sdks`, note: 'SDKs for Node.js and Python only' }],
  }),
  // goLive
  practice({
    id: 'golive.checklist', name: 'Go-live checklist', focusArea: 'goLive', enabler: 'go-live-essentials', stage: 1,
    lenses: ['core'], score: 1, status: 'pass', evidence: [{ url: `${BASE}/docs/go-live`, note: 'Checklist with 12 items' }],
  }),
  practice({
    id: 'golive.rate-limits', name: 'Rate limits are documented', focusArea: 'goLive', enabler: 'go-live-essentials', stage: 1,
    lenses: ['core', 'aiVisibility'], score: 1, status: 'pass', evidence: [{ url: `${BASE}/docs/rate-limits`, note: 'Limits per endpoint and headers explained' }],
  }),
  practice({
    id: 'golive.sla', name: 'SLA is public', focusArea: 'goLive', enabler: 'go-live-essentials', stage: 2,
    lenses: ['businessReadiness'], score: 0, status: 'fail', definition: 'Availability commitments and credits are published.',
    evidence: [{ note: 'No page mentions an SLA or uptime commitment' }],
  }),
  practice({
    id: 'golive.mtls', name: 'Mutual TLS option', focusArea: 'goLive', enabler: 'go-live-essentials', stage: 3,
    lenses: ['core'], score: 0, status: 'notApplicable', evidence: [{ note: 'Not relevant for a public REST API with OAuth' }],
  }),
  // maintenance
  practice({
    id: 'maintenance.status-page', name: 'Public status page', focusArea: 'maintenance', enabler: 'operational-transparency', stage: 1,
    lenses: ['core', 'businessReadiness'], score: 0, status: 'fail', definition: 'A status page shows current incidents and their history.',
    evidence: [{ note: 'No link to a status page from the portal footer or support pages' }],
  }),
  practice({
    id: 'maintenance.changelog', name: 'Changelog is maintained', focusArea: 'maintenance', enabler: 'operational-transparency', stage: 1,
    lenses: ['core'], score: 0.5, status: 'partial', definition: 'A dated changelog with entries in the last 90 days.',
    evidence: [{ url: `${BASE}/changelog`, note: 'Latest entry is 7 months old' }],
  }),
  practice({
    id: 'maintenance.deprecation-policy', name: 'Deprecation policy', focusArea: 'maintenance', enabler: 'lifecycle-versioning', stage: 2,
    lenses: ['core', 'businessReadiness'], score: 1, status: 'pass', evidence: [{ url: `${BASE}/docs/versioning`, note: '12 months notice for breaking changes' }],
  }),
  practice({
    id: 'maintenance.support-channels', name: 'Support channels are listed', focusArea: 'maintenance', enabler: 'support', stage: 1,
    lenses: ['core'], score: 1, status: 'pass', evidence: [{ url: `${BASE}/support`, note: 'Email and ticket portal with response times' }],
  }),
  // community
  practice({
    id: 'community.forum', name: 'Developer forum', focusArea: 'community', enabler: 'community-engagement', stage: 2,
    lenses: ['core'], score: 0, status: 'fail', definition: 'A public forum or discussion board where developers help each other.',
    evidence: [{ note: 'No forum, Discord or GitHub Discussions link found' }],
  }),
  practice({
    id: 'community.github', name: 'Public GitHub organisation', focusArea: 'community', enabler: 'community-engagement', stage: 1,
    lenses: ['core', 'aiVisibility'], score: 1, status: 'pass', evidence: [{ url: 'https://github.com/example-pay', note: 'SDK repositories with recent commits' }],
  }),
  practice({
    id: 'community.events', name: 'Events and webinars', focusArea: 'community', enabler: 'marketing-bizdev', stage: 3,
    lenses: ['businessReadiness'], score: 0, status: 'manual', evidence: [],
  }),
];

const REPORT: Report = {
  schemaVersion: 1,
  tool: { name: 'portalprobe', version: '0.1.0' },
  target: { url: `${BASE}/`, finalUrl: `${BASE}/docs/`, startedAt: '2025-05-14T09:12:03.000Z', finishedAt: '2025-05-14T09:13:41.512Z' },
  run: {
    durationMs: 98512,
    pagesFetched: 87,
    requests: 131,
    bytesFetched: 6_482_113,
    answerer: 'llm:gpt-4o-mini',
    tokens: { prompt: 18_422, completion: 1_310 },
    robots: 'respected',
    pagesSkippedByRobots: [`${BASE}/internal/`, `${BASE}/admin/`],
  },
  model: { id: 'portalprobe-maturity', version: '1.0.0' },
  scores: {
    overall: 58,
    lenses: { core: 64, businessReadiness: 47, aiVisibility: 41 },
    focusAreas: {
      discovery: { score: 62, stage: 0 },
      decisionMaking: { score: 44, stage: 0 },
      onboarding: { score: 71, stage: 1 },
      goLive: { score: 82, stage: 1 },
      maintenance: { score: 55, stage: 0 },
      community: { score: 33, stage: 1 },
    },
    enablers: [
      { id: 'search', name: 'Search', focusArea: 'discovery', score: 75, stage: 1, met: 1, total: 2 },
      { id: 'ai-visibility', name: 'AI visibility', focusArea: 'discovery', score: 50, stage: 0, met: 1, total: 2 },
      { id: 'commercial-transparency', name: 'Commercial transparency', focusArea: 'decisionMaking', score: 20, stage: 0, met: 0, total: 2 },
      { id: 'use-cases', name: 'Use cases & solutions', focusArea: 'decisionMaking', score: 100, stage: 1, met: 1, total: 1 },
      { id: 'api-access-testing', name: 'API access & testing', focusArea: 'onboarding', score: 67, stage: 1, met: 2, total: 3 },
      { id: 'sdks-tools', name: 'SDKs & tools', focusArea: 'onboarding', score: 50, stage: 0, met: 0, total: 1 },
      { id: 'go-live-essentials', name: 'Go-live essentials', focusArea: 'goLive', score: 82, stage: 1, met: 2, total: 3 },
      { id: 'operational-transparency', name: 'Operational transparency', focusArea: 'maintenance', score: 25, stage: 0, met: 0, total: 2 },
      { id: 'lifecycle-versioning', name: 'Lifecycle & versioning', focusArea: 'maintenance', score: 100, stage: 2, met: 1, total: 1 },
      { id: 'support', name: 'Support', focusArea: 'maintenance', score: 100, stage: 1, met: 1, total: 1 },
      { id: 'community-engagement', name: 'Community & engagement', focusArea: 'community', score: 40, stage: 1, met: 1, total: 2 },
      { id: 'marketing-bizdev', name: 'Marketing & business development', focusArea: 'community', score: 0, stage: 0, met: 0, total: 0 },
    ],
  },
  practices: PRACTICES,
  probes: [
    {
      id: 'robots',
      status: 'ok',
      durationMs: 212,
      facts: {
        present: true,
        aiAgents: [
          { agent: 'GPTBot', operator: 'OpenAI', purpose: 'training', access: 'none' },
          { agent: 'OAI-SearchBot', operator: 'OpenAI', purpose: 'search', access: 'all' },
          { agent: 'PerplexityBot', operator: 'Perplexity', purpose: 'search', access: 'none' },
        ],
        sitemaps: [`${BASE}/sitemap.xml`],
      },
      findings: [
        { severity: 'warning', message: 'PerplexityBot (search) may not fetch anything', url: `${BASE}/robots.txt`, evidence: 'User-agent: PerplexityBot' },
        { severity: 'info', message: 'GPTBot (training) is blocked', url: `${BASE}/robots.txt` },
      ],
    },
    {
      id: 'llms-txt',
      status: 'ok',
      durationMs: 640,
      facts: { present: true, valid: true, title: 'Example Pay', sectionCount: 4, linkCount: 38, brokenLinks: 1, fullPresent: false, fullTokens: 0 },
      findings: [{ severity: 'warning', message: '1 of 38 links in llms.txt is broken', url: `${BASE}/docs/legacy/webhooks` }],
    },
    {
      id: 'openapi',
      status: 'error',
      durationMs: 15_000,
      facts: {},
      findings: [],
      error: { code: 'PP_ERR_TIMEOUT', message: `Timed out (body, 15000 ms) fetching ${BASE}/openapi.yaml` },
    },
  ],
  fitCheck: [
    {
      id: 'soc2',
      persona: 'security reviewer',
      question: 'Is the service SOC 2 Type II certified?',
      answerable: true,
      answer: 'A SOC 2 Type II report is available to customers on request.',
      confidence: 0.55,
      citations: [
        { url: `${BASE}/trust`, quote: 'PCI DSS Level 1 service provider', verified: true },
        { url: `${BASE}/trust/soc2`, quote: 'SOC 2 Type II report available on request', verified: false },
      ],
      human: { clickDepth: 3, gated: true },
      agent: { reachable: false, blockedBy: ['login wall'] },
    },
    {
      id: 'pricing-model',
      persona: 'buyer',
      question: 'How much does it cost to process 10,000 payments a month?',
      answerable: false,
      answer: '',
      confidence: 0.1,
      citations: [],
      human: { clickDepth: null, gated: false },
      agent: { reachable: false, blockedBy: ['robots.txt (GPTBot, PerplexityBot)'] },
    },
    {
      id: 'sandbox',
      persona: 'developer',
      question: 'Can I try the API for free before signing a contract?',
      answerable: true,
      answer: 'Yes: sandbox accounts are free and never expire.',
      confidence: 0.92,
      citations: [{ url: `${BASE}/docs/sandbox`, quote: 'Sandbox accounts are free and never expire.', verified: true }],
      human: { clickDepth: 2, gated: false },
      agent: { reachable: true, blockedBy: [] },
    },
  ],
  // Deliberately not in priority order: renderers must sort.
  roadmap: [
    {
      priority: 2, practiceId: 'maintenance.status-page', title: 'Publish a status page', focusArea: 'maintenance',
      why: 'Integrators cannot tell an outage from their own bug during live operation.',
      evidence: [{ url: `${BASE}/support`, note: 'Support page links no status page', quote: 'Contact us if you experience problems.' }],
      done: 'A status page linked from the footer shows current incidents and 90 days of history.',
    },
    {
      priority: 1, practiceId: 'decision.pricing-public', title: 'Publish pricing',
      why: 'Buyers and answer engines cannot compare you without prices; "contact sales" ends most evaluations.',
      evidence: [{ url: `${BASE}/pricing`, note: 'Contact form only', quote: 'Talk to our sales team for a custom quote.' }],
      done: 'A public page states prices or the pricing model, readable without sign-up.',
    },
    {
      priority: 3, practiceId: 'community.forum', title: 'Open a developer forum',
      why: 'Peer answers reduce support load and are what answer engines quote.',
    },
    {
      priority: 1, practiceId: 'discovery.ai-crawlers-allowed', title: 'Let AI search crawlers read the docs',
      why: 'Blocked search agents cannot cite the portal in answers.',
      evidence: [{ url: `${BASE}/robots.txt`, note: 'PerplexityBot disallowed from /' }],
    },
    {
      priority: 2, practiceId: 'maintenance.changelog', title: 'Keep the changelog current',
      why: 'A stale changelog makes integrators doubt the API is maintained.',
    },
  ],
};

/** A fresh, complete sample report. */
export function sampleReport(): Report {
  return structuredClone(REPORT);
}

/** Strings a hostile page could plant in titles, quotes and answers. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  mdLink: '[click me](javascript:alert(1))',
  lines: 'first line\n# Injected heading\n| injected | row |',
  pipe: 'cell | breaker',
} as const;

const HOSTILE_TEXT = `${HOSTILE.script} ${HOSTILE.img} ${HOSTILE.mdLink}`;

/** The sample report with hostile page text in every page-derived field and non-http URLs. */
export function hostileReport(): Report {
  const r = sampleReport();
  r.target.url = `https://evil.example/?q=${HOSTILE.script}`;
  r.scores.enablers[0].name = `Search ${HOSTILE.script}`;
  r.practices[0].name = HOSTILE_TEXT;
  r.practices[0].evidence = [
    { url: 'javascript:alert(1)', note: HOSTILE.lines, quote: HOSTILE_TEXT },
    { url: 'data:text/html,<script>alert(1)</script>', note: HOSTILE.pipe },
  ];
  r.fitCheck[0].question = `${HOSTILE.lines} ${HOSTILE.pipe}`;
  r.fitCheck[0].answer = HOSTILE_TEXT;
  r.fitCheck[0].agent.blockedBy = [HOSTILE.script];
  r.fitCheck[0].citations[0] = { url: 'javascript:alert(1)', quote: HOSTILE_TEXT, verified: false };
  r.probes[0].findings[0].message = HOSTILE_TEXT;
  r.probes[0].findings[0].url = 'javascript:alert(1)';
  r.probes[1].facts.title = HOSTILE.script;
  r.probes[2].error = { code: 'PP_ERR_TIMEOUT', message: HOSTILE.img };
  r.roadmap[0].title = HOSTILE_TEXT;
  r.roadmap[0].why = HOSTILE.lines;
  r.roadmap[0].done = HOSTILE.mdLink;
  return r;
}
