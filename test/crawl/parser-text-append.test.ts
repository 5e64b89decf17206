import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parsePage } from '../../src/crawl/parse-page.js';
import { parserTextAppend, parserTextAppendAvailable, withParserTextAppend } from '../../src/crawl/parser-text-append.js';

const DIRS = ['../fixtures/readability-pages/', '../fixtures/demo-portal/', '../fixtures/lighthouse-seo/fixtures/'];
const pages = DIRS.flatMap((dir) => {
  const base = new URL(dir, import.meta.url);
  return readdirSync(base, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.endsWith('.expected.html')).map((f) => ({ name: `${dir}${f}`, html: readFileSync(new URL(f, base), 'utf8') }));
});

afterEach(() => {
  parserTextAppend.enabled = true;
});

describe('faster text append while parsing', () => {
  it('is available with the installed jsdom (if a jsdom upgrade turns it off, parsing is ~10% slower: look at the module)', () => {
    expect(parserTextAppendAvailable).toBe(true);
  });

  it(`changes no parse result (${pages.length} real and fixture pages)`, () => {
    expect(pages.length).toBeGreaterThanOrEqual(45);
    for (const page of pages) {
      parserTextAppend.enabled = false;
      const plain = parsePage(page.html, 'https://portal.example/docs/page');
      parserTextAppend.enabled = true;
      const fast = parsePage(page.html, 'https://portal.example/docs/page');
      expect(fast, page.name).toEqual(plain);
    }
  });

  it('keeps the text-change steps: <textarea> default value, <style> sheet, text across entities', () => {
    const html = '<!doctype html><title>A &amp; B</title><style>p { color: red } em { color: blue }</style>'
      + '<textarea>two words &lt;here&gt;</textarea><p>one &amp; two</p>';
    const window = new JSDOM('').window;
    const parse = () => new window.DOMParser().parseFromString(html, 'text/html');
    const plain = parse();
    const fast = withParserTextAppend(parse);
    expect(fast.documentElement.outerHTML).toBe(plain.documentElement.outerHTML);
    expect(fast.title).toBe('A & B');
    expect((fast.querySelector('textarea') as HTMLTextAreaElement).value).toBe('two words <here>');
    expect((plain.querySelector('textarea') as HTMLTextAreaElement).value).toBe('two words <here>');
    expect(fast.querySelector('p')!.textContent).toBe('one & two');
  });

  it('leaves jsdom untouched outside a parse: setting data still reaches MutationObservers', async () => {
    const { window } = new JSDOM('<p>before</p>');
    const text = window.document.querySelector('p')!.firstChild as Text;
    const records: string[] = [];
    new window.MutationObserver((list) => records.push(...list.map((r) => `${r.type}:${r.oldValue}`)))
      .observe(window.document.body, { characterData: true, characterDataOldValue: true, subtree: true });
    text.data = 'after';
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(records).toEqual(['characterData:before']);
    expect(text.data).toBe('after');
  });
});
