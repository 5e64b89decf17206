// Feed ages in the agent-discovery probe: newestAgeDays per feed and newestFeedAgeDays, computed from
// the snapshot's crawl start (never the clock), with time-zone edges, a future entry clamped to 0
// and flagged, and no age without a usable start.
import { describe, expect, it } from 'vitest';
import agentDiscoveryProbe, { createAgentDiscoveryProbe, minAge } from '../../../probes/agent-discovery/index.js';
import { FEED_ACCEPT } from '../../../src/formats/feeds.js';
import { makeContext, makePage, makeSnapshot } from '../../helpers/probe-context.js';

const O = 'https://acme.test';

function rss(...dates: string[]): string {
  const items = dates.map((d, i) => `<item><title>Entry ${i}</title><pubDate>${d}</pubDate></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Acme changelog</title>${items}</channel></rss>`;
}

function atom(...dates: string[]): string {
  const entries = dates.map((d, i) => `<entry><id>e${i}</id><title>E${i}</title><updated>${d}</updated></entry>`).join('');
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Acme blog</title><id>x</id><updated>2020-01-01T00:00:00Z</updated>${entries}</feed>`;
}

/** A portal whose home page declares the given feeds, crawled at `startedAt`. */
function portal(startedAt: string, feeds: Record<string, { type: string; body: string }>) {
  const head = Object.entries(feeds).map(([p, f]) => `<link rel="alternate" type="${f.type}" href="${p}">`).join('');
  const snapshot = makeSnapshot(O, [makePage({ url: `${O}/`, html: `<html><head><title>Acme</title>${head}</head><body><p>Acme</p></body></html>` })]);
  snapshot.startedAt = startedAt;
  const responses = Object.fromEntries(Object.entries(feeds).map(([p, f]) => [`${O}${p}|${FEED_ACCEPT}`, { headers: { 'content-type': f.type }, body: f.body }]));
  return makeContext(snapshot, responses);
}

const RSS = 'application/rss+xml';
const ATOM = 'application/atom+xml';

describe('agent-discovery: feed ages relative to the audit start', () => {
  it.each([
    // [case, audit start, newest entry date, expected age]
    ['same instant', '2026-11-12T12:00:00Z', '2026-11-12T12:00:00Z', 0],
    ['23 hours earlier is 0 whole days', '2026-11-12T11:00:00Z', '2026-11-11T12:00:00Z', 0],
    ['exactly 24 hours is 1 day', '2026-11-12T12:00:00Z', '2026-11-11T12:00:00Z', 1],
    ['offset +14:00 crosses midnight UTC', '2026-11-12T00:00:00Z', '2026-11-12T10:00:00+14:00', 0],
    ['offset -12:00 is later in UTC than it reads', '2026-11-13T00:00:00Z', '2026-11-11T20:00:00-12:00', 0],
    ['RFC 822 date with a named zone', '2026-11-28T06:00:00Z', 'Thu, 12 Nov 2026 12:00:00 GMT', 15],
    ['across a leap day', '2028-03-01T00:00:00Z', '2028-02-28T00:00:00Z', 2],
    ['a year and a half', '2026-11-28T00:00:00Z', '2025-05-28T00:00:00Z', 549],
  ] as const)('%s', async (_name, startedAt, newest, age) => {
    const { ctx } = portal(startedAt, { '/changelog.rss': { type: RSS, body: rss(newest, '2020-01-01T00:00:00Z') } });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.feeds[0]).toMatchObject({ valid: true, newestAgeDays: age });
    expect(facts.newestFeedAgeDays).toBe(age);
    expect(findings.some((f) => f.message.includes('after the audit started'))).toBe(false);
  });

  it('clamps an entry dated after the audit start to 0 days and says so', async () => {
    const { ctx } = portal('2026-11-12T00:00:00Z', { '/changelog.rss': { type: RSS, body: rss('2026-12-24T00:00:00Z', '2026-11-01T00:00:00Z') } });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.feeds[0]).toMatchObject({ newest: '2026-12-24T00:00:00.000Z', newestAgeDays: 0 });
    expect(facts.newestFeedAgeDays).toBe(0);
    expect(findings).toContainEqual(expect.objectContaining({
      severity: 'info', url: `${O}/changelog.rss`, message: expect.stringContaining('dated 2026-12-24T00:00:00.000Z, after the audit started'),
      evidence: expect.stringContaining('audit started 2026-11-12T00:00:00.000Z'),
    }));
  });

  it('takes the freshest valid feed for newestFeedAgeDays; undated and malformed feeds do not count', async () => {
    const { ctx } = portal('2026-11-28T00:00:00Z', {
      '/changelog.rss': { type: RSS, body: rss('2026-06-01T00:00:00Z') },
      '/blog.atom': { type: ATOM, body: atom('2026-11-18T00:00:00Z', '2026-10-01T00:00:00Z') },
      '/undated.rss': { type: RSS, body: rss('') },
      '/broken.atom': { type: ATOM, body: '<feed><entry>' },
    });
    const { facts } = await agentDiscoveryProbe.run(ctx);
    expect(facts.feeds.map((f) => [f.url.slice(O.length), f.valid, f.newestAgeDays])).toEqual([
      ['/changelog.rss', true, 180], ['/blog.atom', true, 10], ['/undated.rss', true, null], ['/broken.atom', false, null],
    ]);
    expect(facts.newestFeedAgeDays).toBe(10);
  });

  it('reports a stale feed (over a year) as info, with its age', async () => {
    const { ctx } = portal('2026-11-28T00:00:00Z', { '/changelog.rss': { type: RSS, body: rss('2024-11-28T00:00:00Z') } });
    const { facts, findings } = await agentDiscoveryProbe.run(ctx);
    expect(facts.newestFeedAgeDays).toBe(730);
    expect(findings).toContainEqual(expect.objectContaining({ severity: 'info', message: expect.stringContaining('is 730 days old') }));
  });

  it('gives no age when the snapshot has no usable start, and never reads the clock for one', async () => {
    const { ctx } = portal('not a date', { '/changelog.rss': { type: RSS, body: rss('2026-11-01T00:00:00Z') } });
    const { facts } = await agentDiscoveryProbe.run(ctx);
    expect(facts.feeds[0]).toMatchObject({ valid: true, newest: '2026-11-01T00:00:00.000Z', newestAgeDays: null });
    expect(facts.newestFeedAgeDays).toBeNull();
  });

  it('uses an injected clock when one is given (tests, re-scoring an old snapshot)', async () => {
    const { ctx } = portal('2026-11-28T00:00:00Z', { '/changelog.rss': { type: RSS, body: rss('2026-11-01T00:00:00Z') } });
    const { facts } = await createAgentDiscoveryProbe({ now: () => new Date('2026-11-11T00:00:00Z') }).run(ctx);
    expect(facts.newestFeedAgeDays).toBe(10);
  });

  it('is null without feeds', async () => {
    const { ctx } = portal('2026-11-28T00:00:00Z', {});
    expect((await agentDiscoveryProbe.run(ctx)).facts.newestFeedAgeDays).toBeNull();
  });

  it.each([
    [[], null],
    [[{ valid: true, newestAgeDays: 5 }, { valid: true, newestAgeDays: 3 }], 3],
    [[{ valid: false, newestAgeDays: 1 }, { valid: true, newestAgeDays: 40 }], 40],
    [[{ valid: true, newestAgeDays: null }], null],
  ] as const)('minAge(%j) = %j', (feeds, expected) => {
    expect(minAge([...feeds])).toBe(expected);
  });
});
