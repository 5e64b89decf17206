// The dashboard: a static page (src/server/dashboard/: index.html, app.js, style.css — no build
// step, no CDN) read once at start from the package root, since tsc does not copy these files.
// The home page also answers `Accept: text/markdown` with the service's llms.txt, so an agent
// that asks for Markdown gets the API description instead of an app shell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { prefersMarkdown } from '../../demo/http-util.js';
import { packageRoot } from '../../util/package-info.js';
import { renderLlmsTxt } from './discovery.js';

export const DASHBOARD_DIR = 'src/server/dashboard';
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/dashboard/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/dashboard/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

const dashboardRoutes: FastifyPluginAsync = async (fastify) => {
  const dir = join(packageRoot(), DASHBOARD_DIR);
  const markdown = renderLlmsTxt({ auth: fastify.config.auth, publicUrl: fastify.config.publicUrl });
  for (const [path, { file, type }] of Object.entries(FILES)) {
    const content = readFileSync(join(dir, file), 'utf8');
    const negotiates = path === '/';
    fastify.get(path, { config: { public: true }, schema: { hide: true, response: { 200: { type: 'string' } } } }, async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      if (!negotiates) return reply.type(type).send(content);
      reply.header('vary', 'Accept');
      return prefersMarkdown(request.headers.accept) ? reply.type('text/markdown; charset=utf-8').send(markdown) : reply.type(type).send(content);
    });
  }
};

export default dashboardRoutes;
