// Collects sitemap problems so that one kind of problem is reported once with a count and a first
// example ("1,204 URLs have an invalid <lastmod>, first: …"), not once per URL: a 50,000-URL sitemap
// must not produce 50,000 findings.
import type { SitemapIssue, SitemapIssueCode } from './types.js';

interface Entry {
  code: SitemapIssueCode;
  count: number;
  render: (count: number) => string;
}

export class IssueCollector {
  private readonly entries = new Map<string, Entry>();

  /**
   * Records one occurrence. `key` groups occurrences (default: the code); `render` builds the
   * message from the final count and is taken from the first occurrence.
   */
  add(code: SitemapIssueCode, render: string | ((count: number) => string), key: string = code): void {
    const existing = this.entries.get(key);
    if (existing) {
      existing.count += 1;
      return;
    }
    this.entries.set(key, { code, count: 1, render: typeof render === 'string' ? () => render : render });
  }

  get size(): number {
    return this.entries.size;
  }

  list(): SitemapIssue[] {
    return [...this.entries.values()].map((e) => (e.count > 1
      ? { code: e.code, message: e.render(e.count), count: e.count }
      : { code: e.code, message: e.render(1) }));
  }
}

/** "1 URL" / "3 URLs" with thousands separators. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}
