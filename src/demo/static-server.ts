// A small static web server for fixture portals (the bundled demo portal behind `npm run demo`, and
// the test portals of other suites). Pretty URLs (`/x/` → x/index.html, `/x` → x.html or
// x/index.html), correct media types, gzip, an HTML 404, `{{origin}}` substitution in text files so
// robots.txt / sitemap.xml / llms.txt can hold absolute URLs, and per-portal behaviour from
// `_routes.json` (see routes.ts). Request paths can never leave the root folder.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../errors.js';
import { addVary, contentTypeFor, escapeHtml, isTextType, originFor, prefersMarkdown, send } from './http-util.js';
import { ROUTES_FILE, listMatches, matchPath, mergeRoutes, parseRoutes, type RoutesConfig } from './routes.js';

const ORIGIN_PLACEHOLDER = /\{\{origin\}\}/g;
const NOT_FOUND_PAGE = '404.html';
const MESSAGES = {
  methodNotAllowed: 'Only GET and HEAD are supported.',
  badPath: 'The request path is not allowed.',
  notFound: 'There is no page at this address.',
  failed: 'The fixture server failed: {error}',
  notAFolder: 'Not a folder: {root}',
  notBound: 'The server did not bind to a TCP port',
};
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface StaticPortalOptions {
  /** Folder the portal is served from. */
  root: string;
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Rules merged over the root's `_routes.json` (same path → these win). */
  routes?: RoutesConfig;
  /** Called for every request before it is answered (tests count what an audit fetched). */
  onRequest?: (request: { method: string; url: string; headers: IncomingMessage['headers'] }) => void;
}

export interface RunningPortal {
  /** The server's origin, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

/** Starts serving `root`; resolves once listening. Throws UsageError if root is not a folder. */
export async function startStaticPortal(options: StaticPortalOptions): Promise<RunningPortal> {
  const root = await realpath(path.resolve(options.root)).catch(() => null);
  if (!root || !(await stat(root)).isDirectory()) throw new UsageError(MESSAGES.notAFolder.replace('{root}', options.root), { root: options.root });
  const routes = mergeRoutes(await loadRoutes(root), options.routes);
  const host = options.host ?? '127.0.0.1';
  const closing = new AbortController();
  let origin = '';

  const server = createServer((req, res) => {
    options.onRequest?.({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    handle({ root, routes, origin, signal: closing.signal }, req, res).catch((err: unknown) => {
      if (closing.signal.aborted) return;
      if (!res.headersSent) sendPage(req, res, 500, escapeHtml(MESSAGES.failed.replace('{error}', err instanceof Error ? err.message : String(err))));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new UsageError(MESSAGES.notBound);
  origin = originFor(host, address.port);

  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function loadRoutes(root: string): Promise<RoutesConfig> {
  const text = await readFile(path.join(root, ROUTES_FILE), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  return text === null ? {} : parseRoutes(text, path.join(root, ROUTES_FILE));
}

interface Context {
  root: string;
  routes: RoutesConfig;
  origin: string;
  signal: AbortSignal;
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendPage(req, res, 405, MESSAGES.methodNotAllowed, { Allow: 'GET, HEAD' });
    return;
  }
  const segments = pathSegments(req.url ?? '/');
  if (segments === null) {
    sendPage(req, res, 400, MESSAGES.badPath);
    return;
  }
  const urlPath = '/' + segments.join('/');
  const { routes } = ctx;
  const extraHeaders = substituteAll(matchPath(routes.headers, urlPath) ?? {}, ctx.origin);

  const delay = matchPath(routes.delays, urlPath);
  if (delay) await sleep(delay, undefined, { signal: ctx.signal });

  if (urlPath === '/' + ROUTES_FILE || listMatches(routes.hidden, urlPath)) {
    await sendNotFound(ctx, req, res, extraHeaders);
    return;
  }
  const redirect = matchPath(routes.redirects, urlPath);
  if (redirect) {
    const location = redirect.location.replace(ORIGIN_PLACEHOLDER, ctx.origin);
    sendPage(req, res, redirect.status ?? 302, `Moved to <a href="${escapeHtml(location)}">${escapeHtml(location)}</a>.`, {
      ...extraHeaders,
      Location: location,
    });
    return;
  }
  const fixed = matchPath(routes.statuses, urlPath);
  if (fixed) {
    const headers = { ...extraHeaders, ...substituteAll(fixed.headers ?? {}, ctx.origin) };
    const file = fixed.file ? await findFile(ctx.root, fixed.file.replace(/^\/+/, '').split('/')) : null;
    if (file) await sendFile(ctx, req, res, file, fixed.status, headers);
    else if (fixed.body !== undefined) send(req, res, { status: fixed.status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body: fixed.body });
    else sendPage(req, res, fixed.status, STATUS_TEXT[fixed.status] ?? `Status ${fixed.status}`, headers);
    return;
  }

  const negotiates = listMatches(routes.markdown, urlPath);
  if (negotiates) addVary(extraHeaders, 'Accept');
  if (negotiates && prefersMarkdown(req.headers.accept)) {
    const twin = await findMarkdownTwin(ctx.root, segments);
    if (twin) {
      await sendFile(ctx, req, res, twin, 200, extraHeaders);
      return;
    }
  }
  const file = await findFile(ctx.root, segments);
  if (file) await sendFile(ctx, req, res, file, 200, extraHeaders);
  else await sendNotFound(ctx, req, res, extraHeaders);
}

/**
 * Splits a raw request target into decoded path segments, or null when it must be refused: a
 * segment that decodes to `.`/`..` or holds a slash, backslash or NUL, or bad percent-encoding.
 * A trailing slash is kept as a final '' segment so `/docs/` and `/docs` stay distinct.
 */
export function pathSegments(target: string): string[] | null {
  if (!target.startsWith('/')) return null;
  const rawPath = target.split(/[?#]/, 1)[0];
  const segments: string[] = [];
  const parts = rawPath.split('/').slice(1);
  for (let i = 0; i < parts.length; i++) {
    let segment: string;
    try {
      segment = decodeURIComponent(parts[i]);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    // Empty segments (`//`) collapse, except the last one, which marks a directory URL.
    if (segment === '' && i < parts.length - 1) continue;
    segments.push(segment);
  }
  return segments;
}

/** Pretty-URL resolution: `/x/` → x/index.html; `/x` → x, x.html, x/index.html. */
async function findFile(root: string, segments: string[]): Promise<string | null> {
  const last = segments.at(-1) ?? '';
  const base = segments.filter((s) => s !== '');
  const candidates =
    last === '' ? [[...base, 'index.html']] : [base, [...base.slice(0, -1), `${last}.html`], [...base, 'index.html']];
  for (const candidate of candidates) {
    const file = await existingFileInside(root, candidate);
    if (file) return file;
  }
  return null;
}

/** The `.md` twin of a page path: `/a/b` → a/b.md or a/b/index.md; `/a/` → a/index.md. */
async function findMarkdownTwin(root: string, segments: string[]): Promise<string | null> {
  const last = segments.at(-1) ?? '';
  const base = segments.filter((s) => s !== '');
  const candidates =
    last === '' ? [[...base, 'index.md']] : [[...base.slice(0, -1), `${last}.md`], [...base, 'index.md']];
  for (const candidate of candidates) {
    const file = await existingFileInside(root, candidate);
    if (file) return file;
  }
  return null;
}

/** The real path of a regular file under root, or null (also null when a symlink leads outside). */
async function existingFileInside(root: string, segments: string[]): Promise<string | null> {
  const joined = path.join(root, ...segments);
  if (!isInside(root, joined)) return null;
  try {
    const real = await realpath(joined);
    if (!isInside(root, real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function sendFile(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  status: number,
  headers: Record<string, string>,
): Promise<void> {
  const contentType = contentTypeFor(file);
  let body: string | Buffer = await readFile(file);
  if (isTextType(contentType)) body = body.toString('utf8').replace(ORIGIN_PLACEHOLDER, ctx.origin);
  send(req, res, { status, headers: { 'Content-Type': contentType, ...headers }, body });
}

async function sendNotFound(ctx: Context, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const page = await existingFileInside(ctx.root, [NOT_FOUND_PAGE]);
  if (page) await sendFile(ctx, req, res, page, 404, headers);
  else sendPage(req, res, 404, MESSAGES.notFound, headers);
}

/** A minimal HTML page for a status the portal itself does not supply. */
function sendPage(req: IncomingMessage, res: ServerResponse, status: number, messageHtml: string, headers: Record<string, string> = {}): void {
  const title = `${status} ${STATUS_TEXT[status] ?? ''}`.trim();
  const body = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1><p>${messageHtml}</p></body></html>\n`;
  send(req, res, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body });
}

function substituteAll(headers: Record<string, string>, origin: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(ORIGIN_PLACEHOLDER, origin)]));
}
