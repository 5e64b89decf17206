// How the service describes itself to crawlers and agents, the way it asks portals to: /llms.txt
// (https://llmstxt.org/: an H1, a blockquote summary, notes, then H2 sections of
// `- [name](url): notes` links), /robots.txt (RFC 9309), /sitemap.xml (sitemaps.org) and the API
// catalog /.well-known/api-catalog (RFC 9727, a linkset per RFC 9264). Absolute URLs use
// --public-url when set, else the request's own origin (set it behind a caching proxy).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';

export const LLMS_TXT = {
  title: 'portalprobe service',
  summary:
    'An HTTP API that audits how visible and usable a developer portal is to AI agents, answer engines and business buyers: submit an audit, follow its progress, fetch the report as JSON, Markdown or HTML, track a portal\'s scores over time and compare portals.',
  authOn: 'Send `Authorization: Bearer <key>` on /v1 routes (keys come from `portalprobe keys create`); GET /v1/model needs no key.',
  authOff: 'This server runs without API keys (--no-auth); /v1 routes need no Authorization header.',
  flow: 'Audits are asynchronous: POST /v1/audits {"url": "https://developer.example.com"} answers 202 with an id and links; follow GET /v1/audits/{id} or its /events stream until the status is done, then GET /v1/audits/{id}/report?format=json|md|html. Errors are {"error": {"code": "PP_ERR_…", "message": "…"}}.',
};

interface Link {
  name: string;
  path: string;
  notes: string;
}

const SECTIONS: { name: string; links: Link[] }[] = [
  {
    name: 'API reference',
    links: [
      { name: 'OpenAPI document', path: '/openapi.json', notes: 'every route with its request and response schemas (OpenAPI 3)' },
      { name: 'API documentation', path: '/docs', notes: 'interactive Swagger UI over the same document' },
      { name: 'Maturity model', path: '/v1/model', notes: 'the focus areas, lenses, enablers and practices the scores come from (JSON)' },
    ],
  },
  {
    name: 'Service',
    links: [
      { name: 'Dashboard', path: '/', notes: 'start audits, watch their progress, open reports, see score history and compare portals' },
      { name: 'Health', path: '/healthz', notes: 'liveness; /readyz answers 503 while the service cannot take work' },
    ],
  },
  {
    name: 'Optional',
    links: [{ name: 'Metrics', path: '/metrics', notes: 'Prometheus text format: audits by status, durations, pages fetched, LLM tokens' }],
  },
];

export function renderLlmsTxt(options: { auth: boolean; publicUrl?: string }): string {
  const base = options.publicUrl?.replace(/\/+$/, '') ?? '';
  const lines = [`# ${LLMS_TXT.title}`, '', `> ${LLMS_TXT.summary}`, '', options.auth ? LLMS_TXT.authOn : LLMS_TXT.authOff, '', LLMS_TXT.flow, ''];
  for (const section of SECTIONS) {
    lines.push(`## ${section.name}`, '');
    for (const link of section.links) lines.push(`- [${link.name}](${base}${link.path}): ${link.notes}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Public pages worth listing in the sitemap. */
export const PUBLIC_PAGES = ['/', '/docs', '/openapi.json', '/llms.txt', '/v1/model'];

export function renderRobotsTxt(origin: string): string {
  return `# portalprobe service. Everything public may be crawled; the /v1 job routes need an API key.
User-agent: *
Allow: /
Disallow: /v1/audits
Disallow: /v1/portals
Disallow: /v1/comparisons
Disallow: /v1/schedules

Sitemap: ${origin}/sitemap.xml
`;
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderSitemap(origin: string): string {
  const urls = PUBLIC_PAGES.map((p) => `  <url><loc>${xmlEscape(origin + p)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** RFC 9727 §4: one link context for this API, its description (RFC 8631 service-desc) and docs. */
export function renderApiCatalog(origin: string) {
  return {
    linkset: [
      {
        anchor: `${origin}/v1`,
        'service-desc': [{ href: `${origin}/openapi.json`, type: 'application/vnd.oai.openapi+json;version=3.0' }],
        'service-doc': [{ href: `${origin}/docs`, type: 'text/html' }],
        status: [{ href: `${origin}/healthz`, type: 'application/json' }],
      },
    ],
  };
}

/** --public-url, else the origin the client used (Host, or X-Forwarded-* with --trust-proxy). */
export function publicOrigin(config: Pick<ServerConfig, 'publicUrl'>, request: FastifyRequest): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

const text = { 200: { type: 'string' } } as const;

const discoveryRoutes: FastifyPluginAsync = async (fastify) => {
  const { config } = fastify;
  const llms = renderLlmsTxt({ auth: config.auth, publicUrl: config.publicUrl });
  fastify.get('/llms.txt', {
    config: { public: true },
    schema: { tags: ['service'], summary: 'This API described for language models (llmstxt.org)', operationId: 'getLlmsTxt', security: [], produces: ['text/markdown'], response: text },
  }, async (_request, reply) => reply.type('text/markdown; charset=utf-8').send(llms));
  fastify.get('/robots.txt', { config: { public: true }, schema: { hide: true, response: text } }, async (request, reply) =>
    reply.type('text/plain; charset=utf-8').send(renderRobotsTxt(publicOrigin(config, request))),
  );
  fastify.get('/sitemap.xml', { config: { public: true }, schema: { hide: true, response: text } }, async (request, reply) =>
    reply.type('application/xml; charset=utf-8').send(renderSitemap(publicOrigin(config, request))),
  );
  fastify.get('/.well-known/api-catalog', { config: { public: true }, schema: { hide: true, response: text } }, async (request, reply) =>
    reply
      .type('application/linkset+json; profile="https://www.rfc-editor.org/info/rfc9727"')
      .send(JSON.stringify(renderApiCatalog(publicOrigin(config, request)))),
  );
};

export default discoveryRoutes;
