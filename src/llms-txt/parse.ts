// llms.txt parser per https://llmstxt.org/ ("Format"): in order, an H1 with the project's name (the
// only required part), an optional blockquote summary, optional free text ("info", no headings),
// then H2 sections each holding a markdown list of links `- [name](url): optional notes`; a section
// named "Optional" holds links that can be skipped when context is short.
// Pure: text in, structure out, never throws. Link URLs are resolved against the file's URL.
//
// Errors mirror Lighthouse's llms-txt audit where the meaning is the same (missing H1, no links at
// all, shorter than 50 characters) and add the spec's own rule that the H1 comes first.
// Deviations from the spec that readers tolerate (prose in sections, links outside sections, bare
// URLs) are warnings.

export type LlmsTxtIssueCode =
  | 'missing-h1'
  | 'h1-not-first'
  | 'no-links'
  | 'too-short'
  | 'multiple-h1'
  | 'heading-in-info'
  | 'links-outside-sections'
  | 'section-prose'
  | 'list-item-without-link'
  | 'empty-section'
  | 'invalid-link-url'
  | 'duplicate-section';

export interface LlmsTxtIssue {
  code: LlmsTxtIssueCode;
  message: string;
  /** 1-based line of the first occurrence. */
  line?: number;
  count?: number;
}

export interface LlmsTxtLink {
  title: string;
  /** The URL as written. */
  url: string;
  /** Absolute http(s) URL, or null when it cannot be resolved to one. */
  href: string | null;
  notes: string | null;
  /** The H2 section it is listed under; null for a list before the first H2. */
  section: string | null;
  line: number;
}

export interface LlmsTxtSection {
  name: string;
  links: LlmsTxtLink[];
  line: number;
}

export interface LlmsTxtDocument {
  title: string | null;
  summary: string | null;
  info: string | null;
  sections: LlmsTxtSection[];
  /** Every list-item link, in order: those of the sections and any listed before the first H2. */
  links: LlmsTxtLink[];
  errors: LlmsTxtIssue[];
  warnings: LlmsTxtIssue[];
  stats: {
    /** The first non-blank line is the H1. */
    firstLineIsH1: boolean;
    h1Count: number;
    h2Count: number;
    /** Markdown links `[text](url)` anywhere in the file (inline ones included). */
    markdownLinkCount: number;
    chars: number;
  };
}

/** Lighthouse's llms-txt audit: "File is suspiciously short" below this many characters. */
export const MIN_LLMS_TXT_CHARS = 50;

const MSG = {
  missingH1: 'The file has no H1 title ("# Name"), the one required part of llms.txt.',
  h1NotFirst: (line: number) => `The H1 title is on line ${line}; llms.txt must start with it.`,
  noLinks: 'The file contains no markdown links ("[name](url)").',
  tooShort: (chars: number) => `The file is suspiciously short (${chars} characters).`,
  multipleH1: (n: number) => `${n} more H1 heading(s) after the title; llms.txt has one H1.`,
  headingInInfo: (n: number) => `${n} heading(s) before the first H2 section; the text after the summary takes no headings.`,
  linksOutside: (n: number) => `${n} link(s) listed before the first H2 section; llms.txt lists links under H2 sections.`,
  sectionProse: (n: number) => `${n} line(s) in H2 sections that are not link list items.`,
  itemWithoutLink: (n: number) => `${n} list item(s) in H2 sections without a markdown link (e.g. a bare URL).`,
  emptySections: (names: string[]) =>
    `${names.length} section(s) list no links: ${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}${names.length > 5 ? ', …' : ''}.`,
  invalidUrl: (url: string) => `Link URL "${url.slice(0, 120)}" is not a valid http(s) URL.`,
  duplicateSections: (names: string[]) => `Section name(s) used more than once: ${names.slice(0, 5).map((n) => `"${n}"`).join(', ')}.`,
};

// Every pattern below is anchored and free of nested quantifiers that could backtrack
// quadratically on a hostile line (a million spaces or brackets).
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const H1 = /^ {0,3}#[ \t]+(\S.*)$/;
const H2 = /^ {0,3}##[ \t]+(\S.*)$/;
const ANY_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
/** A list item whose content starts with a markdown link (AnswerDotAI's parse_link, list markers widened). */
const LINK_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]*\[([^\]]+)\]\(([^)]*)\)(.*)$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Heading text without the optional closing run of '#' (CommonMark ATX headings). */
function headingText(raw: string): string {
  const text = raw.trimEnd();
  const stripped = text.replace(/#+$/, '');
  if (stripped !== text && (stripped === '' || stripped.endsWith(' ') || stripped.endsWith('\t'))) return stripped.trim();
  return text.trim();
}

/** `(url "title")` / `(<url>)` → url. */
function linkDestination(inner: string): string {
  const trimmed = inner.trim();
  if (trimmed.startsWith('<')) {
    const close = trimmed.indexOf('>');
    return close > 0 ? trimmed.slice(1, close) : trimmed.slice(1);
  }
  const space = trimmed.search(/\s/);
  return space >= 0 ? trimmed.slice(0, space) : trimmed;
}

/**
 * Counts markdown links `[text](url)` on single lines, in one linear pass (a regex such as
 * Lighthouse's /\[.+\]\(.+\)/ backtracks quadratically on long lines of brackets).
 */
export function countMarkdownLinks(text: string): number {
  let count = 0;
  let open = -1;
  let nextClose = -2; // cached indexOf(')') result; -2 = not computed yet
  let nextNewline = -2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) open = -1;
    else if (c === 91 /* [ */) {
      if (open < 0) open = i;
    } else if (c === 93 /* ] */) {
      if (open >= 0 && text.charCodeAt(i + 1) === 40 /* ( */) {
        if (nextClose !== -1 && nextClose < i + 2) nextClose = text.indexOf(')', i + 2);
        if (nextNewline !== -1 && nextNewline < i + 2) nextNewline = text.indexOf('\n', i + 2);
        if (nextClose >= 0 && (nextNewline < 0 || nextClose < nextNewline)) {
          count += 1;
          i = nextClose;
        }
      }
      open = -1;
    }
  }
  return count;
}

function resolveHref(url: string, base: string | undefined): string | null {
  try {
    const u = base ? new URL(url, base) : new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function notesOf(rest: string): string | null {
  const trimmed = rest.trim();
  if (!trimmed) return null;
  const text = trimmed.replace(/^[:\-–—]\s*/, '').trim();
  return text || null;
}

/** One issue per code; repeats raise its count (a 5,000-link file must not give 5,000 warnings). */
class Issues {
  private readonly map = new Map<LlmsTxtIssueCode, LlmsTxtIssue>();
  add(code: LlmsTxtIssueCode, line: number | undefined, message: string): void {
    const found = this.map.get(code);
    if (found) found.count = (found.count ?? 1) + 1;
    else this.map.set(code, { code, message, ...(line ? { line } : {}) });
  }
  list(): LlmsTxtIssue[] {
    return [...this.map.values()];
  }
}

/** Parses llms.txt (or llms-full.txt) text. `baseUrl` (where it was fetched) resolves relative links. */
export function parseLlmsTxt(content: string, baseUrl?: string): LlmsTxtDocument {
  const text = content.replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  const errors = new Issues();
  const warnings = new Issues();

  // Mark lines inside fenced code blocks: their '#' lines are code, not headings.
  const inFence: boolean[] = new Array(lines.length).fill(false);
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const m = FENCE.exec(line);
    if (fence) {
      inFence[i] = true;
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (m) {
      inFence[i] = true;
      fence = m[1];
    }
  });
  const isH1 = (i: number) => !inFence[i] && H1.test(lines[i]);
  const isH2 = (i: number) => !inFence[i] && H2.test(lines[i]);

  const firstContent = lines.findIndex((l) => l.trim() !== '');
  let titleLine = -1;
  if (firstContent >= 0 && isH1(firstContent)) titleLine = firstContent;
  else {
    for (let i = 0; i < lines.length && titleLine < 0; i++) {
      if (isH2(i)) break; // an H1 after the sections would be no title
      if (isH1(i)) titleLine = i;
    }
    if (titleLine >= 0) errors.add('h1-not-first', titleLine + 1, MSG.h1NotFirst(titleLine + 1));
    else errors.add('missing-h1', undefined, MSG.missingH1);
  }
  const title = titleLine >= 0 ? headingText(H1.exec(lines[titleLine])![1]) : null;

  let h1Count = 0;
  let h2Count = 0;
  for (let i = 0; i < lines.length; i++) {
    if (isH1(i)) h1Count += 1;
    else if (isH2(i)) h2Count += 1;
  }
  if (h1Count > 1) warnings.add('multiple-h1', undefined, MSG.multipleH1(h1Count - 1));

  // Summary: a blockquote right after the title (blank lines allowed between).
  let cursor = titleLine >= 0 ? titleLine + 1 : Math.max(firstContent, 0);
  let summary: string | null = null;
  if (titleLine >= 0) {
    let i = cursor;
    while (i < lines.length && lines[i].trim() === '') i++;
    if (i < lines.length && /^ {0,3}>/.test(lines[i])) {
      const parts: string[] = [];
      while (i < lines.length && /^ {0,3}>/.test(lines[i])) {
        parts.push(lines[i].replace(/^ {0,3}>\s?/, '').trim());
        i++;
      }
      summary = parts.filter(Boolean).join(' ') || null;
      cursor = i;
    }
  }

  const firstH2 = lines.findIndex((_, i) => isH2(i));
  const infoEnd = firstH2 >= 0 ? firstH2 : lines.length;
  const infoLines = lines.slice(cursor, infoEnd);
  const info = infoLines.join('\n').trim() || null;

  const links: LlmsTxtLink[] = [];
  const readLink = (i: number, section: string | null): LlmsTxtLink | null => {
    if (inFence[i]) return null;
    const m = LINK_ITEM.exec(lines[i]);
    if (!m) return null;
    const url = linkDestination(m[2]);
    const href = resolveHref(url, baseUrl);
    if (!href) warnings.add('invalid-link-url', i + 1, MSG.invalidUrl(url));
    return { title: m[1].trim(), url, href, notes: notesOf(m[3]), section, line: i + 1 };
  };

  // Before the first H2: headings are out of place; listed links are kept but flagged.
  let headingsInInfo = 0;
  let linksOutside = 0;
  for (let i = cursor; i < infoEnd; i++) {
    if (i === titleLine || inFence[i]) continue;
    if (ANY_HEADING.test(lines[i]) && !isH1(i)) headingsInInfo += 1;
    const link = readLink(i, null);
    if (link) {
      links.push(link);
      linksOutside += 1;
    }
  }
  if (headingsInInfo > 0) warnings.add('heading-in-info', undefined, MSG.headingInInfo(headingsInInfo));
  if (linksOutside > 0) warnings.add('links-outside-sections', undefined, MSG.linksOutside(linksOutside));

  const sections: LlmsTxtSection[] = [];
  let prose = 0;
  let bareItems = 0;
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const empty: string[] = [];
  for (let i = infoEnd; i < lines.length; i++) {
    if (!isH2(i)) continue;
    const name = headingText(H2.exec(lines[i])![1]);
    const section: LlmsTxtSection = { name, links: [], line: i + 1 };
    if (seen.has(name) && !duplicates.includes(name)) duplicates.push(name);
    seen.add(name);
    let j = i + 1;
    for (; j < lines.length && !isH2(j); j++) {
      const line = lines[j];
      if (line.trim() === '' || inFence[j] || ANY_HEADING.test(line)) continue;
      const link = readLink(j, name);
      if (link) section.links.push(link);
      else if (LIST_ITEM.test(line)) bareItems += 1;
      else if (!/^[ \t]{2,}\S/.test(line)) prose += 1; // indented lines continue a list item
    }
    if (section.links.length === 0) empty.push(name);
    for (const link of section.links) links.push(link); // no spread: a section may list 100,000s
    sections.push(section);
    i = j - 1;
  }
  if (empty.length > 0) warnings.add('empty-section', undefined, MSG.emptySections(empty));
  if (duplicates.length > 0) warnings.add('duplicate-section', undefined, MSG.duplicateSections(duplicates));
  if (prose > 0) warnings.add('section-prose', undefined, MSG.sectionProse(prose));
  if (bareItems > 0) warnings.add('list-item-without-link', undefined, MSG.itemWithoutLink(bareItems));

  const markdownLinkCount = countMarkdownLinks(text);
  if (markdownLinkCount === 0) errors.add('no-links', undefined, MSG.noLinks);
  if (text.length < MIN_LLMS_TXT_CHARS) errors.add('too-short', undefined, MSG.tooShort(text.length));

  return {
    title,
    summary,
    info,
    sections,
    links,
    errors: errors.list(),
    warnings: warnings.list(),
    stats: {
      firstLineIsH1: firstContent >= 0 && titleLine === firstContent,
      h1Count,
      h2Count,
      markdownLinkCount,
      chars: text.length,
    },
  };
}

/** Distinct absolute http(s) URLs the file lists, fragments removed, in order. */
export function listedUrls(doc: LlmsTxtDocument): string[] {
  const out = new Set<string>();
  for (const link of doc.links) {
    if (!link.href) continue;
    const u = new URL(link.href);
    u.hash = '';
    out.add(u.href);
  }
  return [...out];
}
