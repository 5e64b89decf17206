// Content of the generated benchmark portal, as pure functions of (options, page index): the page
// tree, each page's HTML (~15–30 KB, 10–20 internal links), robots.txt, sitemap(s) and llms.txt.
// Deterministic: every random choice comes from a PRNG seeded by (seed, page index), so two
// servers with the same options serve byte-identical pages and nothing has to be kept in memory.
import { UsageError } from '../errors.js';
import { escapeHtml } from './http-util.js';

/** Each page's children in the link tree. With 10, depth ≤ 5 covers 111,111 pages. */
export const DEFAULT_BRANCHING = 10;
export const DEFAULT_SEED = 20_261_128;
/** sitemaps.org: at most 50,000 URLs per sitemap file; more go into a sitemap index. */
export const SITEMAP_MAX_URLS = 50_000;
export const MAX_PAGES = 100_000;

const SITE_NAME = 'Contoso Cloud Docs';
const SECTIONS = ['guides', 'reference', 'tutorials', 'concepts', 'how-to', 'troubleshooting', 'sdks', 'release-notes'];
const NAV_LINKS = 8;
const MIN_LINKS = 10;
const MAX_LINKS = 20;
const MIN_BYTES = 16_000;
const MAX_BYTES = 26_000;

const VERBS = ['Configuring', 'Understanding', 'Managing', 'Testing', 'Securing', 'Monitoring', 'Migrating', 'Troubleshooting', 'Scaling', 'Automating', 'Querying', 'Rotating'];
const TOPICS = [
  'webhook retries', 'access tokens', 'payment batches', 'API keys', 'rate limits', 'idempotency keys', 'event streams',
  'sandbox data', 'pagination cursors', 'service accounts', 'audit logs', 'regional endpoints', 'error budgets',
  'client certificates', 'bulk exports', 'usage quotas', 'schema versions', 'scheduled jobs', 'refund flows', 'team roles',
];
const WORDS = (
  'the request response client server token scope endpoint header payload field value status error retry timeout ' +
  'limit quota window cursor page batch job event webhook signature secret certificate key rotation policy version ' +
  'release migration schema object array string integer timestamp region latency throughput cache replica queue ' +
  'consumer producer partition offset account project workspace member role permission audit log metric alert ' +
  'dashboard sandbox production environment deploy rollback build pipeline artifact dependency library module ' +
  'function handler middleware gateway proxy route path query parameter body encoding compression'
).split(' ');
const CONNECTORS = ['When', 'If', 'Because', 'After', 'Before', 'Although', 'Once', 'Unless', 'While'];

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface GeneratedSiteOptions {
  /** Number of HTML pages, the home page included (1–100,000). */
  pages: number;
  /** @default DEFAULT_SEED */
  seed?: number;
  /** @default DEFAULT_BRANCHING */
  branching?: number;
}

export interface GeneratedSite {
  readonly pageCount: number;
  /** URL path of page i ('/' for 0). */
  pathOf(index: number): string;
  /** Page index for a URL path, or -1. */
  indexOf(path: string): number;
  /** Click depth of page i from the home page through the tree links. */
  depthOf(index: number): number;
  /** Indexes of the pages page i links to (unique, excluding itself). */
  linksOf(index: number): number[];
  renderPage(index: number): string;
  robotsTxt(origin: string): string;
  /** Number of sitemap files (0 when a single /sitemap.xml holds every URL). */
  readonly sitemapParts: number;
  /** `/sitemap.xml`: a urlset, or a sitemap index when there are more than 50,000 pages. */
  sitemapXml(origin: string): string;
  /** `/sitemap-<part>.xml` (1-based) of a sitemap index; null for a part that does not exist. */
  sitemapPartXml(origin: string, part: number): string | null;
  llmsTxt(origin: string): string;
}

export function createGeneratedSite(options: GeneratedSiteOptions): GeneratedSite {
  const { pages } = options;
  if (!Number.isInteger(pages) || pages < 1 || pages > MAX_PAGES) {
    throw new UsageError(`pages must be an integer from 1 to ${MAX_PAGES}`, { pages });
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const branching = options.branching ?? DEFAULT_BRANCHING;
  if (!Number.isInteger(branching) || branching < 2) throw new UsageError('branching must be an integer of at least 2', { branching });

  const rngFor = (index: number, salt: number) => mulberry32(Math.imul(seed ^ (index + 1), 2_654_435_761) ^ salt);
  const parentOf = (i: number) => Math.floor((i - 1) / branching);
  const titleOf = (i: number) => {
    if (i === 0) return `${SITE_NAME}: developer documentation`;
    const rng = rngFor(i, 1);
    return `${pick(rng, VERBS)} ${pick(rng, TOPICS)} (${SECTIONS[i % SECTIONS.length].replace('-', ' ')} ${i})`;
  };
  const pathOf = (i: number) => {
    if (i === 0) return '/';
    const rng = rngFor(i, 1);
    const slug = `${pick(rng, VERBS)}-${pick(rng, TOPICS)}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return `/docs/${SECTIONS[i % SECTIONS.length]}/${slug}-${i}`;
  };
  const indexOf = (path: string) => {
    if (path === '/') return 0;
    const match = /^\/docs\/[a-z-]+\/[a-z0-9-]+-(\d+)$/.exec(path);
    if (!match) return -1;
    const i = Number(match[1]);
    return i > 0 && i < pages && pathOf(i) === path ? i : -1;
  };
  const depthOf = (i: number) => {
    let depth = 0;
    for (let at = i; at > 0; at = parentOf(at)) depth++;
    return depth;
  };
  const navPages = Array.from({ length: Math.min(NAV_LINKS, pages - 1) }, (_, k) => k + 1);

  const linksOf = (i: number): number[] => {
    const links = new Set<number>([0, ...navPages]);
    if (i > 0) links.add(parentOf(i));
    for (let c = branching * i + 1; c <= branching * i + branching && c < pages; c++) links.add(c);
    links.delete(i);
    const rng = rngFor(i, 2);
    const target = Math.min(pages - 1, MIN_LINKS + Math.floor(rng() * (MAX_LINKS - MIN_LINKS + 1)));
    // Cross-links to random pages until the target is reached; bounded tries keep small sites finite.
    for (let tries = 0; links.size < target && tries < 200; tries++) {
      const j = Math.floor(rng() * pages);
      if (j !== i) links.add(j);
    }
    return [...links];
  };

  const renderPage = (i: number): string => {
    const rng = rngFor(i, 3);
    const title = titleOf(i);
    const links = linksOf(i);
    const navSet = new Set([0, ...navPages]);
    const bodyLinks = links.filter((j) => !navSet.has(j));
    const target = MIN_BYTES + Math.floor(rng() * (MAX_BYTES - MIN_BYTES));
    const nav = [0, ...navPages].map((j) => `<li><a href="${pathOf(j)}">${j === 0 ? 'Home' : escapeHtml(titleOf(j))}</a></li>`).join('');
    const head =
      `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
      `<title>${escapeHtml(title)} | ${SITE_NAME}</title>\n<meta name="description" content="${escapeHtml(sentence(rng))}">\n` +
      `<link rel="canonical" href="${pathOf(i)}">\n</head>\n<body>\n<header><a href="/">${SITE_NAME}</a>\n<nav aria-label="Main"><ul>${nav}</ul></nav></header>\n` +
      `<main>\n<article>\n<h1>${escapeHtml(title)}</h1>\n`;
    const foot = `</article>\n</main>\n<footer><p>&copy; 2026 Contoso Cloud. Generated benchmark page ${i} of ${pages}.</p></footer>\n</body>\n</html>\n`;

    const parts: string[] = [];
    let size = head.length + foot.length;
    const add = (html: string) => {
      parts.push(html);
      size += html.length;
    };
    // Body links are spread over the first sections so every one of them is always present.
    const related = bodyLinks.map((j) => `<a href="${pathOf(j)}">${escapeHtml(titleOf(j))}</a>`);
    add(`<p class="lead">${paragraph(rng, 3)}</p>\n`);
    let section = 0;
    while (size < target || related.length > 0) {
      section++;
      add(`<h2 id="section-${section}">${escapeHtml(capitalize(`${pick(rng, WORDS)} ${pick(rng, WORDS)} ${pick(rng, WORDS)}`))}</h2>\n`);
      for (let p = 0; p < 3; p++) {
        const link = related.shift();
        add(`<p>${paragraph(rng, 4 + Math.floor(rng() * 4))}${link ? ` See ${link}.` : ''}</p>\n`);
      }
      if (section % 2 === 0) add(`<pre><code>${escapeHtml(codeSample(rng))}</code></pre>\n`);
      if (section % 3 === 0) add(table(rng));
    }
    return head + parts.join('') + foot;
  };

  const urlEntry = (origin: string, i: number) =>
    `  <url><loc>${origin}${pathOf(i)}</loc><lastmod>${lastmod(i)}</lastmod></url>\n`;
  const sitemapParts = pages > SITEMAP_MAX_URLS ? Math.ceil(pages / SITEMAP_MAX_URLS) : 0;
  const urlset = (origin: string, from: number, to: number) => {
    const entries: string[] = [];
    for (let i = from; i < to; i++) entries.push(urlEntry(origin, i));
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</urlset>\n`;
  };

  return {
    pageCount: pages,
    pathOf,
    indexOf,
    depthOf,
    linksOf,
    renderPage,
    sitemapParts,
    robotsTxt: (origin) => `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`,
    sitemapXml: (origin) => {
      if (sitemapParts === 0) return urlset(origin, 0, pages);
      const items = Array.from({ length: sitemapParts }, (_, k) => `  <sitemap><loc>${origin}/sitemap-${k + 1}.xml</loc></sitemap>\n`);
      return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('')}</sitemapindex>\n`;
    },
    sitemapPartXml: (origin, part) => {
      if (!Number.isInteger(part) || part < 1 || part > sitemapParts) return null;
      return urlset(origin, (part - 1) * SITEMAP_MAX_URLS, Math.min(pages, part * SITEMAP_MAX_URLS));
    },
    llmsTxt: (origin) => {
      const listed = Array.from({ length: Math.min(20, pages - 1) }, (_, k) => k + 1);
      const lines = listed.map((i) => `- [${titleOf(i)}](${origin}${pathOf(i)})`);
      return `# ${SITE_NAME}\n\n> Generated documentation portal with ${pages} pages, used to benchmark crawling.\n\n## Docs\n\n${lines.join('\n')}\n`;
    },
  };
}

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(rng: () => number): string {
  const length = 8 + Math.floor(rng() * 12);
  const words = Array.from({ length }, () => pick(rng, WORDS));
  const lead = rng() < 0.3 ? `${pick(rng, CONNECTORS)} the ${words.shift()} is ${pick(rng, WORDS)}, ` : '';
  return capitalize(`${lead}${words.join(' ')}.`);
}

function paragraph(rng: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => escapeHtml(sentence(rng))).join(' ');
}

function codeSample(rng: () => number): string {
  const resource = pick(rng, WORDS);
  return `curl -X POST https://api.contoso.example/v1/${resource}s \\\n  -H "Authorization: Bearer $TOKEN" \\\n  -d '{"${pick(rng, WORDS)}": "${pick(rng, WORDS)}", "limit": ${1 + Math.floor(rng() * 100)}}'`;
}

function table(rng: () => number): string {
  const rows = Array.from({ length: 4 + Math.floor(rng() * 4) }, () => {
    return `<tr><td><code>${pick(rng, WORDS)}_${pick(rng, WORDS)}</code></td><td>${pick(rng, ['string', 'integer', 'boolean', 'object'])}</td><td>${escapeHtml(sentence(rng))}</td></tr>`;
  });
  return `<table>\n<thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n`;
}

/** A stable lastmod date in 2026 for page i (sitemaps.org W3C date). */
function lastmod(i: number): string {
  const day = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
