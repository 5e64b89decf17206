// Tests for reports/format.ts: durations, sizes, dates, counts, click depth and the http(s)-only
// link rule.
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatClickDepth,
  formatCount,
  formatDate,
  formatDuration,
  formatPracticeScore,
  formatScore,
  safeHttpUrl,
  shortUrl,
  truncate,
} from '../../reports/format.js';

describe('format helpers', () => {
  it.each([
    [0, '0 ms'],
    [999.4, '999 ms'],
    [1000, '1.0 s'],
    [12_345, '12.3 s'],
    [98_512, '1 min 39 s'],
    [3_605_000, '60 min 05 s'],
    [-1, '–'],
    [Number.NaN, '–'],
  ])('formatDuration(%s) = %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it.each([
    [512, '512 B'],
    [3_400, '3.4 kB'],
    [6_482_113, '6.5 MB'],
    [-3, '–'],
  ])('formatBytes(%s) = %s', (n, text) => expect(formatBytes(n)).toBe(text));

  it.each([
    ['2025-05-14T23:59:59.000Z', '2025-05-14'],
    ['2025-05-14T01:00:00+02:00', '2025-05-13'],
    ['not a date', 'not a date'],
  ])('formatDate(%s) = %s', (iso, text) => expect(formatDate(iso)).toBe(text));

  it('formats counts, scores and click depths', () => {
    expect(formatCount(18_422)).toBe('18,422');
    expect(formatScore(57.5)).toBe('58');
    expect(formatScore(Number.NaN)).toBe('–');
    expect(formatPracticeScore(0.5)).toBe('0.50');
    expect([formatClickDepth(null), formatClickDepth(0), formatClickDepth(1), formatClickDepth(3)]).toEqual(['not found', '0 clicks', '1 click', '3 clicks']);
  });

  it.each([
    ['https://example.com/a b', 'https://example.com/a%20b'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/X', 'https://example.com/X'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['file:///etc/passwd', undefined],
    ['//example.com/x', undefined],
    ['/relative', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('safeHttpUrl(%j) = %j', (url, href) => expect(safeHttpUrl(url)).toBe(href));

  it('shortUrl and truncate', () => {
    expect(shortUrl('https://docs.example.com/')).toBe('docs.example.com');
    expect(shortUrl('https://docs.example.com/a/b?x=1')).toBe('docs.example.com/a/b?x=1');
    expect(shortUrl(`https://docs.example.com/${'a'.repeat(100)}`)).toHaveLength(60);
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab', 4)).toBe('ab');
    expect(truncate('😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});
