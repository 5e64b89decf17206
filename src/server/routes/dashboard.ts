// The dashboard: a static page (src/server/dashboard/: index.html, app.js, style.css — no build
// step, no CDN) read once at start from the package root, since tsc does not copy these files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { packageRoot } from '../../util/package-info.js';

export const DASHBOARD_DIR = 'src/server/dashboard';
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/dashboard/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/dashboard/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

const dashboardRoutes: FastifyPluginAsync = async (fastify) => {
  const dir = join(packageRoot(), DASHBOARD_DIR);
  for (const [path, { file, type }] of Object.entries(FILES)) {
    const content = readFileSync(join(dir, file), 'utf8');
    fastify.get(path, { schema: { hide: true, response: { 200: { type: 'string' } } } }, async (_request, reply) =>
      reply.type(type).header('cache-control', 'no-cache').send(content),
    );
  }
};

export default dashboardRoutes;
