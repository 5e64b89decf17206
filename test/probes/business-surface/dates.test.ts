// probes/business-surface/dates.ts: dates written in page text (formats, languages, implausible and
// impossible dates, hostile text) and whole-day ages relative to the audit start (time-zone edges).
import { describe, expect, it } from 'vitest';
import { ageInDays, calendarDateMs, datesInText, MAX_DATES, MAX_TEXT_CHARS, newestDateInText } from '../../../probes/business-surface/dates.js';

const START = Date.parse('2026-11-28T06:00:00Z');

describe('datesInText: formats and languages', () => {
  it.each([
    // ISO 8601
    ['2026-11-03', '2026-11-03'],
    ['Released 2026-11-03T10:00:00Z.', '2026-11-03'],
    ['2026/11/03 — fixes', '2026-11-03'],
    // day month year
    ['3 November 2026', '2026-11-03'],
    ['03 November 2026', '2026-11-03'],
    ['3rd November 2026', '2026-11-03'],
    ['21st Nov 2026', '2026-11-21'],
    ['3 Nov. 2026', '2026-11-03'],
    ['3 NOVEMBER 2026', '2026-11-03'],
    ['12\u00a0November\u00a02026', '2026-11-12'],
    ['3 Sept 2026', '2026-09-03'],
    // month day year
    ['November 3, 2026', '2026-11-03'],
    ['Nov 3, 2026', '2026-11-03'],
    ['Nov. 3rd 2026', '2026-11-03'],
    ['November 3 2026', '2026-11-03'],
    ['Updated: May 1, 2026', '2026-05-01'],
    // day.month.year
    ['03.11.2026', '2026-11-03'],
    ['3.1.2026', '2026-01-03'],
    // German
    ['3. November 2026', '2026-11-03'],
    ['12. März 2026', '2026-03-12'],
    ['12. Ma\u0308rz 2026', '2026-03-12'],
    ['1. Dez. 2026', '2026-12-01'],
    ['5. Jänner 2026', '2026-01-05'],
    // French
    ['1er novembre 2026', '2026-11-01'],
    ['14 février 2026', '2026-02-14'],
    ['15 août 2026', '2026-08-15'],
    ['3 déc. 2026', '2026-12-03'],
    // Spanish / Portuguese / Italian / Dutch
    ['3 de noviembre de 2026', '2026-11-03'],
    ['7 de março de 2026', '2026-03-07'],
    ['3 settembre 2026', '2026-09-03'],
    ['3 mei 2026', '2026-05-03'],
    ['17 maart 2026', '2026-03-17'],
  ])('%j → %s', (text, date) => {
    expect(datesInText(text).map((d) => d.date)).toEqual([date]);
  });

  it('keeps the words each date was read from', () => {
    expect(datesInText('Since 12 November 2026 — v2.6')).toEqual([{ date: '2026-11-12', ms: Date.UTC(2026, 10, 12), quote: '12 November 2026' }]);
  });

  it.each([
    ['no day', 'November 2026'],
    ['two-digit year', '3 Nov 26'],
    ['US/EU slashes are ambiguous', '11/03/2026'],
    ['31 February', '31 February 2026'],
    ['month 13', '2026-13-01'],
    ['day 32', '32.01.2026'],
    ['30 February ISO', '2026-02-30'],
    ['29 February in a common year', '29.02.2026'],
    ['a version number', 'SDK 2.12.2026.1 and v1.2.3'],
    ['a longer number', '1234-56-7890 and 20261103'],
    ['a month word inside a word', '3 Mayfair 2026 and 3 decimal 2026'],
    ['a date in a URL path', '/blog/2026/11/03/post'],
  ])('reads no date from %s', (_why, text) => {
    expect(datesInText(text)).toEqual([]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(datesInText('29 Feb 2028').map((d) => d.date)).toEqual(['2028-02-29']);
  });

  it('reads every date of a changelog, in text order', () => {
    const text = '12 November 2026 — Purpose codes. 6 October 2026 — VoP. 2026-08-19 SDKs. Jun 3, 2026 headers.';
    expect(datesInText(text).map((d) => d.date)).toEqual(['2026-11-12', '2026-10-06', '2026-08-19', '2026-06-03']);
  });
});

describe('newestDateInText: plausibility', () => {
  it.each([
    ['newest first', '12 November 2026 … 6 October 2026', '2026-11-12', 2, 0],
    ['oldest first', '2025-01-01, 2025-06-01, 2026-10-30', '2026-10-30', 3, 0],
    ['ignores a date after the audit start + 1 day', 'Planned: 2027-01-15. Shipped: 2026-11-20.', '2026-11-20', 1, 1],
    ['keeps a date within a day of the start (time zones)', 'Released 29 November 2026', '2026-11-29', 1, 0],
    ['ignores a date 2 days ahead', 'Released 30 November 2026', null, 0, 1],
    ['ignores dates before 1995', 'Unix epoch 1970-01-01, RFC 1994-12-31, and 1995-01-01', '1995-01-01', 1, 2],
    ['no dates', 'Changelog. Subscribe to the feed.', null, 0, 0],
  ] as const)('%s', (_name, text, newest, count, ignored) => {
    const got = newestDateInText(text, { notAfterMs: START });
    expect(got).toMatchObject({ newest, count, ignored });
    if (newest) expect(got.quote).toBeTruthy();
  });

  it('reads a huge text quickly, only its first MAX_TEXT_CHARS characters', () => {
    const filler = 'lorem 12 ipsum 3 dolor Nov sit 2026 amet. '.repeat(Math.ceil((MAX_TEXT_CHARS * 5) / 42));
    const text = `2026-01-01 ${filler} 2026-11-20`;
    const t0 = performance.now();
    const got = newestDateInText(text, { notAfterMs: START });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(got.newest).toBe('2026-01-01');
  });

  it('stops after MAX_DATES dates', () => {
    const text = '2026-01-01 '.repeat(MAX_DATES + 50) + '2026-11-20';
    const got = newestDateInText(text, { notAfterMs: START });
    expect(got.count).toBe(MAX_DATES);
    expect(got.newest).toBe('2026-01-01');
  });

  it('survives hostile near-matches without backtracking blow-up', () => {
    const text = `${'1 '.repeat(50_000)}${'November '.repeat(20_000)}${'12.'.repeat(30_000)}`;
    const t0 = performance.now();
    expect(newestDateInText(text, { notAfterMs: START }).newest).toBeNull();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('ageInDays', () => {
  it.each([
    ['a date alone is UTC midnight', '2026-11-12', '2026-11-28T06:00:00Z', { days: 16, future: false }],
    ['the day of the audit', '2026-11-28', '2026-11-28T23:59:59Z', { days: 0, future: false }],
    ['the day before, one second after midnight', '2026-11-27', '2026-11-28T00:00:01Z', { days: 1, future: false }],
    ['23 h 59 m is 0 whole days', '2026-11-27T00:00:01Z', '2026-11-28T00:00:00Z', { days: 0, future: false }],
    ['an offset is honoured', '2026-11-28T01:00:00+02:00', '2026-11-28T00:00:00Z', { days: 0, future: false }],
    ['tomorrow in a zone ahead of UTC', '2026-11-29', '2026-11-28T20:00:00Z', { days: 0, future: true }],
    ['a future date is clamped and flagged', '2027-01-01', '2026-11-28T00:00:00Z', { days: 0, future: true }],
    ['RFC 822', 'Sat, 28 Nov 2026 00:00:00 GMT', '2026-12-08T00:00:00Z', { days: 10, future: false }],
    ['a reference in ms', '2026-11-18', Date.parse('2026-11-28T00:00:00Z'), { days: 10, future: false }],
  ] as const)('%s', (_name, date, reference, age) => {
    expect(ageInDays(date, reference)).toEqual(age);
  });

  it.each([
    [null, '2026-11-28T00:00:00Z'],
    ['', '2026-11-28T00:00:00Z'],
    ['garbage', '2026-11-28T00:00:00Z'],
    ['2026-11-12', 'not a date'],
    ['2026-11-12', null],
  ])('is null for %j at %j', (date, reference) => {
    expect(ageInDays(date, reference)).toBeNull();
  });
});

describe('calendarDateMs', () => {
  it.each([
    [2026, 2, 28, Date.UTC(2026, 1, 28)],
    [2026, 2, 29, null],
    [2028, 2, 29, Date.UTC(2028, 1, 29)],
    [2026, 4, 31, null],
    [2026, 0, 1, null],
    [2026, 12, 31, Date.UTC(2026, 11, 31)],
  ])('%i-%i-%i', (y, m, d, ms) => {
    expect(calendarDateMs(y, m, d)).toBe(ms);
  });
});
