// Heuristics that tell, from the raw HTML alone (no browser), whether a page is an "app shell": a
// page whose content only exists after its JavaScript runs, so crawlers and agents that read HTML
// (most AI crawlers and answer-engine fetchers do not run JavaScript) see an empty page. Used to
// pick the pages worth rendering, to decide which crawl pages get their rendered links, and as the
// verdict when no browser is available. Pure: reads the crawl's Page artifacts, never the network.
//
// Signals, strongest first:
//  - empty-app-root: a framework mount point with nothing readable inside — <div id="root"></div>
//    (React/CRA), #app (Vue), #__next (Next.js), #__nuxt (Nuxt), #___gatsby, #svelte, <app-root>
//    (Angular) …; a "Loading…" placeholder counts as nothing.
//  - noscript-enable-js: a <noscript> asking the reader to enable JavaScript.
//  - low-text-to-script: almost no text for the script weight (inline bytes plus a nominal size per
//    external script, whose bodies the crawl does not fetch).
//  - framework:<name>: markers of a client-side framework (informative only: server-rendered
//    Next/Nuxt/Gatsby pages carry them too).
// A page is a likely shell only when its text is also thin — a long static article with an empty
// widget mount point is not an app shell.
import type { Page } from '../contract/index.js';
import { countWords } from './words.js';

export type ShellInput = Pick<Page, 'html' | 'visibleText' | 'mainText' | 'noscriptText' | 'scripts' | 'rawTextLength'>;

export type ShellSignalId = 'empty-app-root' | 'noscript-enable-js' | 'low-text-to-script' | `framework:${string}`;

export interface ShellSignal {
  id: ShellSignalId;
  /** The element, text or numbers that show it. */
  evidence: string;
}

export interface ShellVerdict {
  likelyShell: boolean;
  /** Meaningful words in the raw HTML's visible text. */
  rawWords: number;
  signals: ShellSignal[];
  /** The empty mount point as written in the HTML (opening and closing tag), or null. */
  emptyRoot: string | null;
}

/** Mount-point ids of common client-side frameworks (case-insensitive). */
const ROOT_IDS = new Set([
  'root', 'app', 'app-root', 'react-root', 'reactroot', 'main-app', 'application', 'spa-root',
  '__next', '__nuxt', '___gatsby', 'svelte', 'q-app', 'ember-app', 'elm-root', 'docs-root',
]);
/** Custom elements used as the mount point itself (Angular's default <app-root>). */
const ROOT_TAGS = new Set(['app-root']);
/** Below this many visible words the raw page is "thin" (tuned on test/fixtures/rendering). */
export const THIN_WORDS = 150;
/** Below this, scripts alone (with no mount point or noscript) make a page a likely shell. */
export const VERY_THIN_WORDS = 25;
/** Nominal bytes per external script: the crawl does not fetch them, a bundle is rarely smaller. */
export const EXTERNAL_SCRIPT_BYTES = 20_000;
/** Text characters per script byte under which a page is "mostly script". */
export const LOW_TEXT_PER_SCRIPT_BYTE = 0.02;
/** Inner HTML of a mount point scanned at most (a real shell's placeholder is tiny). */
const MAX_ROOT_SCAN = 8_000;
/** Mount-point candidates examined at most (hostile pages can repeat them by the thousand). */
const MAX_ROOT_CANDIDATES = 20;
/** A placeholder of this many words or fewer ("Loading…", "Please wait") counts as empty. */
const PLACEHOLDER_WORDS = 3;

const ENABLE_JS = new RegExp(
  [
    String.raw`enable\s+javascript`, String.raw`javascript\s+(?:is\s+)?(?:required|disabled|needed|must\s+be\s+enabled)`,
    String.raw`(?:requires?|needs?)\s+javascript`, String.raw`turn\s+on\s+javascript`, String.raw`activate\s+javascript`,
    String.raw`javascript\s+(?:aktivieren|einschalten)`, String.raw`activ(?:er|ez)\s+(?:le\s+)?javascript`,
    String.raw`(?:habilit|activ)a\s+(?:el\s+)?javascript`, String.raw`(?:abilita|attiva)\s+javascript`,
    String.raw`support\s+javascript`, String.raw`without\s+javascript`,
  ].join('|'),
  'i',
);

/** Framework markers in raw HTML: name → pattern. */
const FRAMEWORKS: Array<[string, RegExp]> = [
  ['next', /\bid=["']?__next\b|__NEXT_DATA__|\/_next\/static\//],
  ['nuxt', /\bid=["']?__nuxt\b|window\.__NUXT__|\/_nuxt\//],
  ['gatsby', /\bid=["']?___gatsby\b/],
  ['angular', /<app-root\b|\bng-version=|\bng-app\b/i],
  ['vue', /\bdata-v-app\b|\bdata-server-rendered\b|vue(?:\.runtime)?(?:\.global)?(?:\.prod)?\.js\b/i],
  ['react', /\bdata-reactroot\b|react-dom(?:\.production)?(?:\.min)?\.js\b/i],
  ['svelte', /\bdata-sveltekit-|\bsvelte-[a-z0-9]{5,}\b/],
  ['ember', /\bember-application\b|ember-cli/i],
  ['vite', /\/@vite\/client|\/assets\/index-[\w-]{6,}\.js/],
];

const OPEN_TAG = /<([a-z][a-z0-9-]*)(\s[^>]*)?>/gi;
const ID_ATTR = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

/** Text of an HTML fragment: comments, scripts, styles, noscript and tags removed. */
function fragmentText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .trim();
}

/** Inner HTML of the element whose open tag ends at `from`, or null when it does not close soon. */
function innerHtml(html: string, tag: string, from: number): string | null {
  const scan = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  scan.lastIndex = from;
  let depth = 1;
  for (let m = scan.exec(html); m; m = scan.exec(html)) {
    if (m.index - from > MAX_ROOT_SCAN) return null;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(from, m.index);
  }
  return null;
}

/** The first framework mount point with no readable content, as `<tag …></tag>`, or null. */
export function findEmptyAppRoot(html: string): string | null {
  OPEN_TAG.lastIndex = 0;
  let examined = 0;
  for (let m = OPEN_TAG.exec(html); m && examined < MAX_ROOT_CANDIDATES; m = OPEN_TAG.exec(html)) {
    const tag = m[1].toLowerCase();
    const attrs = m[2] ?? '';
    const idMatch = ID_ATTR.exec(attrs);
    const id = (idMatch?.[1] ?? idMatch?.[2] ?? idMatch?.[3] ?? '').toLowerCase();
    if (!ROOT_TAGS.has(tag) && !ROOT_IDS.has(id)) continue;
    examined++;
    if (attrs.trimEnd().endsWith('/')) return `${m[0]}`;
    const inner = innerHtml(html, tag, OPEN_TAG.lastIndex);
    if (inner === null) continue;
    if (countWords(fragmentText(inner)) <= PLACEHOLDER_WORDS) {
      const open = m[0].length > 200 ? `${m[0].slice(0, 197)}…>` : m[0];
      return inner.trim() ? `${open}…</${tag}>` : `${open}</${tag}>`;
    }
  }
  return null;
}

export function frameworkMarkers(html: string): string[] {
  const head = html.length > 2_000_000 ? html.slice(0, 2_000_000) : html;
  return FRAMEWORKS.filter(([, pattern]) => pattern.test(head)).map(([name]) => name);
}

/** Characters of visible text per byte of script (Infinity without scripts). */
export function textPerScriptByte(page: Pick<ShellInput, 'scripts' | 'rawTextLength'>): number {
  const weight = page.scripts.inlineBytes + page.scripts.external.length * EXTERNAL_SCRIPT_BYTES;
  return weight > 0 ? page.rawTextLength / weight : Number.POSITIVE_INFINITY;
}

function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The verdict on one crawled page from its raw HTML. */
export function detectAppShell(page: ShellInput): ShellVerdict {
  const rawWords = countWords(page.visibleText || page.mainText);
  const signals: ShellSignal[] = [];

  const emptyRoot = page.html ? findEmptyAppRoot(page.html) : null;
  if (emptyRoot) signals.push({ id: 'empty-app-root', evidence: emptyRoot });

  const noscriptJs = ENABLE_JS.test(page.noscriptText);
  if (noscriptJs) signals.push({ id: 'noscript-enable-js', evidence: `<noscript>${clip(page.noscriptText)}</noscript>` });

  const perByte = textPerScriptByte(page);
  const lowText = perByte < LOW_TEXT_PER_SCRIPT_BYTE;
  if (lowText) {
    signals.push({
      id: 'low-text-to-script',
      evidence: `${page.rawTextLength} characters of text for ${page.scripts.count} script(s) (${page.scripts.inlineBytes} inline bytes, ${page.scripts.external.length} external)`,
    });
  }

  for (const name of page.html ? frameworkMarkers(page.html) : []) signals.push({ id: `framework:${name}`, evidence: name });

  const thin = rawWords < THIN_WORDS;
  const likelyShell = thin && (emptyRoot !== null || noscriptJs || (lowText && rawWords < VERY_THIN_WORDS));
  return { likelyShell, rawWords, signals, emptyRoot };
}
