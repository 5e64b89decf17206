// The sitemap probe's newestLastmodAgeDays: whole days from the newest <lastmod> to the snapshot's
// crawl start (never the clock), over in-memory responses: time-zone offsets, date-only values,
// a lastmod after the start (clamped to 0 and flagged), and no age without lastmod or start.
import { describe, expect, it } from 'vitest';
import sitemapProbe from '../../../probes/sitemap/index.js';
import { makeContext, makeSnapshot } from '../../helpers/probe-context.js';

const O = 'https://docs.acme.test';
const urlset = (...lastmods: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${
    lastmods.map((l, i) => `<url><loc>${O}/p${i}</loc>${l ? `<lastmod>${l}</lastmod>` : ''}</url>`).join('')
  }</urlset>`;

async function run(startedAt: string, ...lastmods: string[]) {
  const snapshot = makeSnapshot(O, []);
  snapshot.startedAt = startedAt;
  const { ctx } = makeContext(snapshot, {
    [`${O}/robots.txt`]: { headers: { 'content-type': 'text/plain' }, body: `Sitemap: ${O}/sitemap.xml\n` },
    [`${O}/sitemap.xml`]: { headers: { 'content-type': 'application/xml' }, body: urlset(...lastmods) },
  });
  return sitemapProbe.run(ctx);
}

describe('sitemap: newestLastmodAgeDays', () => {
  it.each([
    // [case, audit start, lastmods, newest, age]
    ['date-only lastmods (UTC midnight)', '2026-11-28T06:00:00Z', ['2026-11-12', '2026-06-03'], '2026-11-12', 16],
    ['the newest wins whatever the order', '2026-11-28T06:00:00Z', ['2026-01-01', '2026-11-27T23:00:00Z', '2026-03-01'], '2026-11-27T23:00:00Z', 0],
    ['an offset ahead of UTC', '2026-11-28T00:00:00Z', ['2026-11-27T01:00:00+02:00'], '2026-11-27T01:00:00+02:00', 1],
    ['an offset behind UTC moves it later (04:00Z: 20 hours)', '2026-11-28T00:00:00Z', ['2026-11-26T23:00:00-05:00'], '2026-11-26T23:00:00-05:00', 0],
    ['year and month only', '2026-11-28T00:00:00Z', ['2026-10'], '2026-10', 58],
    ['a leap year', '2028-03-01T12:00:00Z', ['2028-02-28'], '2028-02-28', 2],
  ] as const)('%s', async (_name, startedAt, lastmods, newest, age) => {
    const { facts, findings } = await run(startedAt, ...lastmods);
    expect(facts).toMatchObject({ present: true, newestLastmod: newest, newestLastmodAgeDays: age });
    expect(findings.some((f) => f.message.includes('later than the audit start'))).toBe(false);
  });

  it('clamps a lastmod after the audit start to 0 and says so', async () => {
    const { facts, findings } = await run('2026-11-28T00:00:00Z', '2026-11-01', '2027-02-01');
    expect(facts).toMatchObject({ newestLastmod: '2027-02-01', newestLastmodAgeDays: 0 });
    expect(findings).toContainEqual({ severity: 'info', message: expect.stringContaining('(2027-02-01) is later than the audit start'), url: `${O}/sitemap.xml`, evidence: '<lastmod>2027-02-01</lastmod>' });
  });

  it('is null without any lastmod', async () => {
    const { facts } = await run('2026-11-28T00:00:00Z', '', '');
    expect(facts).toMatchObject({ present: true, newestLastmod: null, newestLastmodAgeDays: null });
  });

  it('is null when the snapshot start does not parse (no clock fallback)', async () => {
    const { facts } = await run('garbage', '2026-11-12');
    expect(facts).toMatchObject({ newestLastmod: '2026-11-12', newestLastmodAgeDays: null });
  });
});
