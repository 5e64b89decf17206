// Every recorded Lighthouse SEO unit case (is-crawlable, canonical, hreflang, meta-description,
// http-status-code; test/fixtures/lighthouse-seo/unit-cases, see its SOURCES.md) run through our pure
// judges, with Lighthouse's artifacts adapted to our inputs. Each assertion Lighthouse makes is
// compared with our answer; deliberate differences are listed in EXPECTED_DIFFERENCES with the reason
// and our answer, so a change of behaviour in either direction fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeCanonical, CANONICAL_ISSUE_KINDS } from '../../../probes/indexability/canonical.js';
import { judgeCrawlable } from '../../../probes/indexability/crawlable.js';
import type { HeadLink } from '../../../probes/indexability/head-links.js';
import { judgeHreflang } from '../../../probes/indexability/hreflang.js';
import { judgeDescription, judgeStatus } from '../../../probes/indexability/page-text.js';
import { robotsSignals } from '../../../probes/indexability/robots-rules.js';
import { summarizeSite } from '../../../probes/indexability/site.js';
import { parseRobots } from '../../../src/robots/index.js';
import type { HreflangReason } from '../../../src/contract/index.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const DIR = new URL('../../fixtures/lighthouse-seo/unit-cases/', import.meta.url);

interface Assertion {
  assert: string;
  actual: string;
  expected: unknown;
}
interface LhCase {
  it: string;
  auditCallInTest?: number;
  audit: string;
  note?: string;
  artifacts: Record<string, any>;
  assertions?: Assertion[];
}

function load(name: string): LhCase[] {
  return (JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as { cases: LhCase[] }).cases;
}

/**
 * Where our answer deliberately differs from Lighthouse's, keyed `<audit>#<auditCallInTest> <assertion path>`.
 * `ours` is what we answer; the test checks both that we still answer it and that it still differs.
 */
const EXPECTED_DIFFERENCES: Record<string, { ours: unknown; why: string }> = {
  'is-crawlable#18 warnings': {
    ours: 1,
    why:
      'Lighthouse compares the header agent prefix case-sensitively, so `googlebot: unavailable_after: <2007>` does not reach ' +
      'its "Googlebot"; Google documents agent names as case-insensitive, so we list Googlebot as blocked (the score is the same).',
  },
  'is-crawlable#25 details.items.length': {
    ours: 3,
    why:
      'Two X-Robots-Tag headers (none; noindex) reach us joined as one value "none, noindex" (Fetch standard, as our HTTP ' +
      'client reports them), so they are one piece of evidence, not two.',
  },
  'is-crawlable#25 details.items': {
    ours: ['<meta name="robots" content="noindex">', 'X-Robots-Tag: none, noindex', 'robots.txt line 2: Disallow: /'],
    why: "Lighthouse's snapshot is its report rendering; ours is the evidence we cite (same three sources, joined headers as above).",
  },
};

function compare(key: string, ours: unknown, lighthouse: unknown): void {
  const diff = EXPECTED_DIFFERENCES[key];
  if (diff) {
    expect(ours, `${key}: ${diff.why}`).toEqual(diff.ours);
    expect(ours, `${key} now agrees with Lighthouse: remove it from EXPECTED_DIFFERENCES`).not.toEqual(lighthouse);
  } else {
    expect(ours, key).toEqual(lighthouse);
  }
}

/** The main document's response headers as our HTTP client gives them: names lower-cased, repeats joined with ", ". */
function joinedHeaders(records: Array<{ responseHeaders?: Array<{ name: string; value: string }> }>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of records[0]?.responseHeaders ?? []) {
    const name = h.name.toLowerCase();
    headers[name] = headers[name] === undefined ? h.value : `${headers[name]}, ${h.value}`;
  }
  return headers;
}

/** Lighthouse LinkElement → our HeadLink. */
function headLink(l: { rel: string; href?: string | null; hrefRaw?: string; hreflang?: string; source: HeadLink['source'] }): HeadLink {
  const hrefRaw = l.hrefRaw ?? l.href ?? '';
  return { rel: [l.rel.toLowerCase()], href: l.href === undefined ? hrefRaw || null : l.href, hrefRaw, hreflang: l.hreflang ?? '', source: l.source };
}

function caseKey(c: LhCase, i: number): string {
  return `${c.audit}#${c.auditCallInTest ?? `untranscribed-${i}`}`;
}

describe('Lighthouse is-crawlable cases', () => {
  const cases = load('is-crawlable');
  it('has all 28 recorded cases', () => expect(cases).toHaveLength(28));
  it.each(cases.map((c, i) => [caseKey(c, i), c.it, c] as const))('%s: %s', (key, _title, c) => {
    const a = c.artifacts;
    const url: string = a.URL.mainDocumentUrl;
    const signals = robotsSignals(a.MetaElements ?? [], joinedHeaders(a.DevtoolsLog.__networkRecords));
    const robots = a.RobotsTxt?.content ? parseRobots(a.RobotsTxt.content) : null;
    const v = judgeCrawlable(signals, url, robots, NOW);
    const warnings = !v.blocked && v.blockedAgents.length > 0 ? [`blocked from crawling: ${v.blockedAgents.join(', ')}.`] : [];
    for (const as of c.assertions ?? []) {
      const path = `${key} ${as.actual}`;
      if (as.actual === 'score') compare(path, v.blocked ? 0 : 1, as.expected);
      else if (as.actual === 'details.items.length') compare(path, v.blocked ? v.genericBlocks.length : 0, as.expected);
      else if (as.actual === 'warnings') compare(path, warnings.length, (as.expected as number[])[0]);
      else if (as.actual === 'warnings.0') compare(path, warnings[0]?.includes((as.expected as string[])[0]), true);
      else if (as.actual === 'details.items') compare(path, v.genericBlocks, as.expected);
      else throw new Error(`unmapped assertion ${path}`);
    }
  });
});

/** Lighthouse's explanation text for our canonical verdict (its UI strings, to compare kind and URLs). */
function canonicalExplanation(pageUrl: string, kind: string, canonical?: string, candidates?: string[]): string | undefined {
  switch (kind) {
    case 'conflict': return `Multiple conflicting URLs (${candidates?.join(', ')})`;
    case 'invalid': return `Invalid URL (${canonical})`;
    case 'relative': return `Is not an absolute URL (${canonical})`;
    case 'hreflang': return `Points to another \`hreflang\` location (${new URL(pageUrl).href})`;
    case 'root': return "Points to the domain's root URL (the homepage), instead of an equivalent page of content";
    default: return undefined;
  }
}

describe('Lighthouse canonical cases', () => {
  const cases = load('canonical');
  it('has all 12 recorded cases', () => expect(cases).toHaveLength(12));
  it.each(cases.map((c, i) => [caseKey(c, i), c.it, c] as const))('%s: %s', (key, _title, c) => {
    const url: string = c.artifacts.URL.mainDocumentUrl;
    const v = judgeCanonical(url, (c.artifacts.LinkElements as any[]).map(headLink));
    const issue = v.problems.find((p) => CANONICAL_ISSUE_KINDS.has(p.kind));
    for (const as of c.assertions ?? []) {
      const path = `${key} ${as.actual}`;
      if (as.actual === 'score') compare(path, issue ? 0 : 1, as.expected);
      else if (as.actual === 'explanation') compare(path, issue && canonicalExplanation(url, issue.kind, issue.canonical, issue.candidates), (as.expected as string[])[0]);
      else throw new Error(`unmapped assertion ${path}`);
    }
  });
});

const LH_REASON: Record<HreflangReason, string> = {
  language: 'Unexpected language code',
  region: 'Unexpected language code',
  relative: 'Relative href value',
  'missing-href': 'Relative href value',
};

describe('Lighthouse hreflang cases', () => {
  const cases = load('hreflang');
  it('has all 16 recorded cases', () => expect(cases).toHaveLength(16));
  it.each(cases.map((c, i) => [caseKey(c, i), c.it, c] as const))('%s: %s', (key, _title, c) => {
    const issues = judgeHreflang((c.artifacts.LinkElements as any[]).map(headLink));
    for (const as of c.assertions ?? []) {
      const path = `${key} ${as.actual}`;
      const sub = /^details\.items\.(\d+)\.subItems\.items(?:\.(\d+)\.reason|\.length)$/.exec(as.actual);
      if (as.actual === 'score') compare(path, issues.length === 0 ? 1 : 0, as.expected);
      else if (as.actual === 'details.items.length') compare(path, issues.length, as.expected);
      else if (sub && sub[2] === undefined) compare(path, issues[Number(sub[1])]?.reasons.length, as.expected);
      else if (sub) compare(path, LH_REASON[issues[Number(sub[1])].reasons[Number(sub[2])]], (as.expected as string[])[0]);
      else throw new Error(`unmapped assertion ${path}`);
    }
  });
});

describe('Lighthouse meta-description cases', () => {
  const cases = load('meta-description');
  it('has all 4 recorded cases', () => expect(cases).toHaveLength(4));
  it.each(cases.map((c, i) => [caseKey(c, i), c.it, c] as const))('%s: %s', (key, _title, c) => {
    const v = judgeDescription(c.artifacts.MetaElements);
    for (const as of c.assertions ?? []) {
      const path = `${key} ${as.actual}`;
      if (as.actual === 'score') compare(path, v.missing ? 0 : 1, as.expected);
      else if (as.actual === 'explanation') compare(path, v.empty ? 'Description text is empty.' : undefined, (as.expected as string[])[0]);
      else throw new Error(`unmapped assertion ${path}`);
    }
  });
});

describe('Lighthouse http-status-code cases', () => {
  const cases = load('http-status-code');
  it('has all 6 recorded cases', () => expect(cases).toHaveLength(6));
  it.each(cases.map((c, i) => [caseKey(c, i), c.it, c] as const))('%s: %s', (key, _title, c) => {
    const records = (Array.isArray(c.artifacts.DevtoolsLog) ? [] : c.artifacts.DevtoolsLog.__networkRecords) as Array<{ url: string; statusCode: number }>;
    const url: string = c.artifacts.URL.mainDocumentUrl;
    // No network record: Lighthouse throws (no main resource). Our counterpart is "no response" (status 0),
    // which is never counted as an HTTP error.
    const status = records.find((r) => r.url === url)?.statusCode ?? 0;
    const facts = summarizeSite({ verdicts: [], titles: new Map(), statuses: [{ url, status }], targets: new Map(), robotsTxt: 'not-checked' });
    if (!c.assertions?.length) {
      expect(judgeStatus(status), `${key}: Lighthouse throws here`).toBe('unreachable');
      expect(facts.errorStatusUrls).toEqual([]);
    }
    for (const as of c.assertions ?? []) {
      const path = `${key} ${as.actual}`;
      const shown = /^displayValue\.includes\(\[(\d+)\]\)$/.exec(as.actual);
      if (as.actual === 'score') compare(path, judgeStatus(status) === 'error' ? 0 : 1, as.expected);
      else if (shown) compare(path, facts.errorStatusUrls.some((e) => e.status === Number(shown[1])) ? 'truthy' : 'falsy', as.expected);
      else throw new Error(`unmapped assertion ${path}`);
    }
  });
});
