// llms.txt parser: AnswerDotAI's own parser cases, the spec's sample files, and 15 real llms.txt /
// llms-full.txt files checked against the structural facts recorded in MANIFEST.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMarkdownUrl } from '../../probes/llms-txt/links.js';
import { isSameSite, siteOf } from '../../src/util/site.js';
import { countMarkdownLinks, listedUrls, parseLlmsTxt } from '../../src/llms-txt/parse.js';

const FIXTURES = new URL('../fixtures/llms-txt/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

interface ParseCase {
  name: string;
  llmsTxt: string;
  expect: {
    title: string;
    summary?: string | null;
    info?: string;
    sectionsInclude?: string[];
    sectionLinkCounts?: Record<string, number>;
    sections?: Record<string, never>;
  };
}
interface ParseLinkCase { input: string; expect: { title: string; url: string; desc: string | null } }
const answerdotai = JSON.parse(read('answerdotai/parse-cases.json')) as { parseCases: ParseCase[]; parseLinkCases: ParseLinkCase[] };

describe('AnswerDotAI parse cases (tests/test-parse.py)', () => {
  it('has all 4 cases', () => {
    expect(answerdotai.parseCases).toHaveLength(4);
  });

  it.each(answerdotai.parseCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const doc = parseLlmsTxt(c.llmsTxt);
    const names = doc.sections.map((s) => s.name);
    expect(doc.title).toBe(c.expect.title);
    if ('summary' in c.expect) expect(doc.summary).toBe(c.expect.summary);
    if (c.expect.info !== undefined) expect(doc.info).toBe(c.expect.info);
    for (const name of c.expect.sectionsInclude ?? []) expect(names).toContain(name);
    for (const [name, count] of Object.entries(c.expect.sectionLinkCounts ?? {})) {
      expect(doc.sections.find((s) => s.name === name)?.links).toHaveLength(count);
    }
    if (c.expect.sections) expect(doc.sections).toEqual([]);
  });

  it.each(answerdotai.parseLinkCases.map((c) => [c.input, c.expect] as const))('parse_link %s', (input, expected) => {
    const doc = parseLlmsTxt(`# T\n\n## S\n\n${input}\n`);
    expect(doc.links).toHaveLength(1);
    expect(doc.links[0]).toMatchObject({ title: expected.title, url: expected.url, notes: expected.desc });
  });
});

describe('spec samples', () => {
  it('llms-sample.txt (FastHTML, the spec example): sections, Optional, notes, info with a list', () => {
    const doc = parseLlmsTxt(read('answerdotai/llms-sample.txt'), 'https://fastht.ml/llms.txt');
    expect(doc.title).toBe('FastHTML');
    expect(doc.summary).toMatch(/^FastHTML is a python library/);
    expect(doc.info).toMatch(/^Remember:\n\n- Use `serve\(\)`/);
    expect(doc.sections.map((s) => [s.name, s.links.length])).toEqual([['Docs', 3], ['Examples', 1], ['Optional', 1]]);
    expect(doc.sections[0].links[2]).toMatchObject({ title: 'Starlette quick guide', notes: null, section: 'Docs' });
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it("llmstxt.org's own llms.txt is valid", () => {
    const doc = parseLlmsTxt(read('answerdotai/llms.txt'), 'https://llmstxt.org/llms.txt');
    expect(doc).toMatchObject({ title: 'llms.txt', errors: [], warnings: [] });
    expect(listedUrls(doc)).toEqual(['https://llmstxt.org/index.md', 'https://llmstxt.org/intro.html.md', 'https://llmstxt.org/ed-commonmark.md']);
  });
});

interface ManifestFile {
  file: string;
  observed: { firstLineIsH1: boolean; blockquoteInFirst10Lines: boolean; h2Sections: number; markdownLinks: number };
}
const manifest = JSON.parse(read('real-sites/MANIFEST.json')) as { files: ManifestFile[] };

describe('real sites agree with MANIFEST.json observed facts', () => {
  it('has the 15 files', () => {
    expect(manifest.files).toHaveLength(15);
  });

  it.each(manifest.files.map((f) => [f.file, f.observed] as const))('%s', (file, observed) => {
    const doc = parseLlmsTxt(read(`real-sites/${file}`), 'https://docs.example.com/llms.txt');
    expect(doc.stats.firstLineIsH1).toBe(observed.firstLineIsH1);
    expect(doc.title !== null).toBe(observed.firstLineIsH1);
    // Every blockquote seen in the first 10 lines of these files is the summary right after the H1.
    expect(doc.summary !== null).toBe(observed.blockquoteInFirst10Lines);
    expect(doc.sections).toHaveLength(observed.h2Sections);
    expect(doc.stats.h2Count).toBe(observed.h2Sections);
    expect(doc.stats.markdownLinkCount).toBe(observed.markdownLinks);
    // List-item links are a subset of all markdown links.
    expect(doc.links.length).toBeLessThanOrEqual(observed.markdownLinks);
    expect(doc.errors.some((e) => e.code === 'no-links')).toBe(observed.markdownLinks === 0);
  });

  it('reads links listed without H2 sections (BerriAI) and flags them', () => {
    const doc = parseLlmsTxt(read('real-sites/BerriAI__litellm-docs__static_llms.txt'), 'https://docs.litellm.ai/llms.txt');
    expect(doc.sections).toEqual([]);
    expect(doc.links).toHaveLength(50);
    expect(doc.links[0]).toMatchObject({ title: 'LiteLLM Overview', href: 'https://docs.litellm.ai/', section: null });
    expect(doc.warnings.map((w) => w.code)).toContain('links-outside-sections');
  });

  it('resolves relative links against the file URL (datenoio)', () => {
    const doc = parseLlmsTxt(read('real-sites/datenoio__dataportals-registry__llms.txt'), 'https://datenoio.github.io/dataportals-registry/llms.txt');
    expect(doc.links[0]).toMatchObject({ url: 'docs/getting-started.md', href: 'https://datenoio.github.io/dataportals-registry/docs/getting-started.md' });
  });

  it('flags bare-URL list items (OpenBox)', () => {
    const doc = parseLlmsTxt(read('real-sites/OpenBox-AI__openbox-document__website_static_llms.txt'));
    expect(doc.title).toBe('OpenBox Docs: LLM-Friendly Index');
    expect(doc.links).toEqual([]);
    expect(doc.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['list-item-without-link', 'empty-section', 'multiple-h1']));
  });
});

describe('structure rules', () => {
  it.each([
    ['no H1', 'Intro text with a [link](https://a.example/) and more words to be long enough.', ['missing-h1']],
    ['H1 not first', 'Preamble line\n\n# Title\n\n## Docs\n\n- [A](https://a.example/a): long enough notes here', ['h1-not-first']],
    ['empty', '', ['missing-h1', 'no-links', 'too-short']],
    ['an H1 only after the sections is no title', '## Docs\n\n- [A](https://a.example/a): long enough notes here\n\n# Late', ['missing-h1']],
  ])('%s → %j', (_name, text, codes) => {
    expect(parseLlmsTxt(text).errors.map((e) => e.code)).toEqual(codes);
  });

  it('ignores headings inside fenced code and strips closing #s', () => {
    const doc = parseLlmsTxt('# Title ##\n\n> Sum\n\n```md\n## Not a section\n- [x](https://a.example/x)\n```\n\n## Real ##\n\n- [A](<https://a.example/a> "t"): note\n');
    expect(doc.title).toBe('Title');
    expect(doc.sections.map((s) => s.name)).toEqual(['Real']);
    expect(doc.links).toHaveLength(1);
    expect(doc.links[0]).toMatchObject({ url: 'https://a.example/a', notes: 'note' });
  });

  it('joins a multi-line summary and reports invalid link URLs', () => {
    const doc = parseLlmsTxt('# T\n> one\n> two\n\n## S\n- [bad](javascript:alert(1))\n- [ok](/rel)\n', 'https://a.example/llms.txt');
    expect(doc.summary).toBe('one two');
    expect(doc.links.map((l) => l.href)).toEqual([null, 'https://a.example/rel']);
    expect(doc.warnings.map((w) => w.code)).toContain('invalid-link-url');
  });

  it.each([
    ['a million spaces after #', `# ${' '.repeat(1_000_000)}x`],
    ['a long line of brackets', `# T\n${'[]('.repeat(300_000)}`],
    ['a long line of opening brackets', `# T\n- ${'['.repeat(1_000_000)}`],
    ['many list items', `# T\n\n## S\n${'- [a](https://a.example/)\n'.repeat(50_000)}`],
  ])('%s parses in linear time', (_name, text) => {
    // Generous bound (the machine may be busy): quadratic work on these inputs takes minutes.
    const started = performance.now();
    const doc = parseLlmsTxt(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(doc.title).not.toBeNull();
  });
});

describe('countMarkdownLinks', () => {
  it.each([
    ['[a](b)', 1], ['[a](b) and [c](d)', 2], ['[a]\n(b)', 0], ['[a](b\n)', 0], ['[a] (b)', 0], ['x [a [b](c)', 1], ['[](x)', 1], ['', 0],
  ])('%j → %d', (text, n) => {
    expect(countMarkdownLinks(text)).toBe(n);
  });
});

describe('link helpers', () => {
  it.each([
    ['docs.example.com', 'example.com'], ['example.com', 'example.com'], ['a.b.example.co.uk', 'example.co.uk'],
    ['127.0.0.1', '127.0.0.1'], ['localhost', 'localhost'],
  ])('siteOf(%s) = %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });

  it('same site and markdown tests', () => {
    expect(isSameSite('https://docs.example.com/x', 'https://www.example.com')).toBe(true);
    expect(isSameSite('https://github.com/example', 'https://www.example.com')).toBe(false);
    expect(isMarkdownUrl('https://a.example/page.md?x=1#y')).toBe(true);
    expect(isMarkdownUrl('https://a.example/page.mdx')).toBe(false);
  });
});
