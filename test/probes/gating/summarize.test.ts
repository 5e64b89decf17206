// Tests for probes/gating/summarize.ts: the decisions behind gatedUrls, gatedShare and loginWall.
import { describe, expect, it } from 'vitest';
import { summarize, MAX_PAGE_ENTRIES } from '../../../probes/gating/summarize.js';
import { KEY_KINDS, type PageRole, type PageVerdict } from '../../../probes/gating/types.js';
import type { Gate, KeyKind, KeyPage } from '../../../src/contract/index.js';

const O = 'https://p.example';
const v = (path: string, gate: Gate, role: PageRole = 'content', extra: Partial<PageVerdict['evidence']> = {}): PageVerdict => ({
  url: `${O}${path}`, finalUrl: `${O}${path}`, gate, role, evidence: { status: 200, ...extra },
});
const noKeys = (): Record<KeyKind, KeyPage | null> => Object.fromEntries(KEY_KINDS.map((k) => [k, null])) as Record<KeyKind, KeyPage | null>;
const key = (path: string, gate: Gate): KeyPage => ({ url: `${O}${path}`, gated: gate !== 'open' && gate !== 'bot-blocked', gate, status: 200, source: 'crawl' });

describe('summarize', () => {
  it.each([
    { name: 'all open', verdicts: [v('/', 'open'), v('/docs', 'open')], keys: {}, wall: [] },
    { name: 'gated start page', verdicts: [v('/', 'login-redirect'), v('/a', 'open'), v('/b', 'open')], keys: {}, wall: ['start'] },
    { name: 'gated docs', verdicts: [v('/', 'open'), v('/docs', 'login-form'), v('/a', 'open')], keys: { docs: key('/docs', 'login-form') }, wall: ['docs'] },
    { name: 'gated reference (401)', verdicts: [v('/', 'open')], keys: { reference: key('/ref', 'status-401') }, wall: ['reference'] },
    { name: 'most pages gated', verdicts: [v('/', 'open'), v('/a', 'status-401'), v('/b', 'registration-interstitial')], keys: {}, wall: ['most-pages'] },
    { name: 'exactly half is not most', verdicts: [v('/', 'open'), v('/a', 'status-401')], keys: {}, wall: [] },
    { name: 'partial docs are readable: no wall', verdicts: [v('/', 'open'), v('/docs', 'partial')], keys: { docs: key('/docs', 'partial') }, wall: [] },
    { name: 'partial pages never make "most"', verdicts: [v('/', 'open'), v('/a', 'partial'), v('/b', 'partial')], keys: {}, wall: [] },
    { name: 'bot blocks are not a login wall', verdicts: [v('/', 'bot-blocked'), v('/a', 'bot-blocked')], keys: { docs: key('/docs', 'bot-blocked') }, wall: [] },
    { name: 'gated pricing alone is no login wall', verdicts: [v('/', 'open'), v('/pricing', 'login-redirect'), v('/a', 'open')], keys: { pricing: key('/pricing', 'login-redirect') }, wall: [] },
  ])('$name → loginWall because $wall', ({ verdicts, keys, wall }) => {
    const s = summarize({ verdicts, keyPages: { ...noKeys(), ...keys }, startUrl: `${O}/` });
    expect(s.loginWallBecause).toEqual(wall);
    expect(s.loginWall).toBe(wall.length > 0);
  });

  it('counts only ordinary pages that answered, and lists bot blocks apart', () => {
    const s = summarize({
      verdicts: [
        v('/', 'open'), v('/pricing', 'login-redirect', 'content', { loginUrl: `${O}/login` }), v('/faq', 'partial'), v('/status', 'bot-blocked'),
        v('/login', 'open', 'login-page'), v('/gone', 'open', 'error-status'), v('/down', 'open', 'no-response'),
      ],
      keyPages: { ...noKeys(), pricing: key('/pricing', 'login-redirect'), docs: key('/docs', 'open') },
      startUrl: `${O}/`,
      extraLoginUrls: [`${O}/register?next=/x`],
    });
    expect(s.assessedPages).toBe(4);
    expect(s.gatedUrls).toEqual([`${O}/pricing`, `${O}/faq`]);
    expect(s.gatedShare).toBe(0.5);
    expect(s.botBlockedUrls).toEqual([`${O}/status`]);
    expect(s.pages.map((p) => [p.url, p.gate])).toEqual([[`${O}/pricing`, 'login-redirect'], [`${O}/faq`, 'partial'], [`${O}/status`, 'bot-blocked']]);
    expect(s.gateCounts).toEqual({ 'login-redirect': 1, partial: 1, 'bot-blocked': 1 });
    expect(s.gatedKeyPages).toEqual(['pricing']);
    expect(s.loginUrls).toEqual([`${O}/login`, `${O}/register`]);
  });

  it('keeps the report small: at most MAX_PAGE_ENTRIES pages with evidence, every URL in gatedUrls', () => {
    const verdicts = Array.from({ length: 80 }, (_, i) => v(`/p${i}`, 'status-401'));
    const s = summarize({ verdicts, keyPages: noKeys(), startUrl: `${O}/` });
    expect(s.pages).toHaveLength(MAX_PAGE_ENTRIES);
    expect(s.gatedUrls).toHaveLength(80);
    expect(s.gatedShare).toBe(1);
  });

  it('an empty snapshot gives zeros, not NaN', () => {
    const s = summarize({ verdicts: [], keyPages: noKeys(), startUrl: `${O}/` });
    expect(s).toMatchObject({ gatedShare: 0, assessedPages: 0, loginWall: false, gatedUrls: [] });
  });
});
