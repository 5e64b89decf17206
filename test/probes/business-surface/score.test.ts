// Unit tests of probes/business-surface/score.ts: combining signals and choosing a kind's verdict.
import { describe, expect, it } from 'vitest';
import { combine, decide, FOUND_AT, type Scored } from '../../../probes/business-surface/score.js';
import type { KindEvidence, SignalType } from '../../../src/contract/index.js';

const ev = (signal: SignalType, weight: number): KindEvidence => ({ url: 'https://a.example/x', signal, note: signal, weight });

describe('combine', () => {
  it.each<[string, KindEvidence[], number]>([
    ['nothing', [], 0],
    ['one signal', [ev('path', 0.35)], 0.35],
    ['the same signal twice counts once', [ev('anchor', 0.4), ev('anchor', 0.25)], 0.4],
    ['nav link + path', [ev('anchor', 0.4), ev('path', 0.35)], 0.61],
    ['title + h1', [ev('title', 0.25), ev('heading', 0.3)], 0.48],
    ['text is capped', [ev('text', 0.15), ev('text', 0.15), ev('text', 0.15), ev('text', 0.15)], 0.35],
    ['access notes weigh nothing', [ev('access', 1)], 0],
  ])('%s', (_name, evidence, expected) => expect(combine(evidence)).toBe(expected));

  it('lets a sentence decide for text-decided kinds', () => {
    expect(combine([ev('text', 0.45)], true)).toBeGreaterThanOrEqual(FOUND_AT);
    expect(combine([ev('text', 0.45), ev('text', 0.45), ev('text', 0.45)], true)).toBe(0.6);
  });

  it('keeps one signal below the threshold and two weak ones too', () => {
    expect(combine([ev('anchor', 0.4)])).toBeLessThan(FOUND_AT);
    expect(combine([ev('anchor', 0.25), ev('path', 0.2)])).toBeLessThan(FOUND_AT);
  });
});

const scored = (url: string, access: Scored['access'], confidence: number, extra: Partial<Scored> = {}): Scored => ({
  url, access, reason: access === 'gated' ? 'HTTP 401' : access === 'broken' ? 'HTTP 404' : null, external: false,
  read: access === 'public', confidence, evidence: [ev('anchor', confidence)], depth: 1, ...extra,
});

describe('decide', () => {
  it('is missing with the closest candidate when nothing reaches the threshold', () => {
    const r = decide([scored('https://a.example/a', 'public', 0.3), scored('https://a.example/b', 'public', 0.2)]);
    expect(r).toMatchObject({ found: false, status: 'missing', url: null, confidence: 0.3 });
  });
  it('prefers a found page to a gated one, and gated to broken', () => {
    const gated = scored('https://a.example/g', 'gated', 0.9);
    const broken = scored('https://a.example/b', 'broken', 0.9);
    expect(decide([gated, broken, scored('https://a.example/p', 'public', 0.5)]).status).toBe('found');
    expect(decide([broken, gated]).status).toBe('gated');
    const r = decide([broken]);
    expect(r).toMatchObject({ status: 'broken', broken: true, linkedOnly: true });
    expect(r.evidence[0]).toMatchObject({ signal: 'access', note: 'HTTP 404' });
  });
  it('treats a gated page as found where an account is expected (API keys)', () => {
    expect(decide([scored('https://a.example/signup', 'gated', 0.5)], true)).toMatchObject({ found: true, gated: true });
  });
  it('prefers a page it read on near-ties, and lists the others', () => {
    const r = decide([scored('https://b.example/pricing', 'linked', 0.62, { external: true }), scored('https://a.example/pricing', 'public', 0.6)]);
    expect(r).toMatchObject({ url: 'https://a.example/pricing', linkedOnly: false, otherUrls: ['https://b.example/pricing'] });
  });
  it('takes a much stronger link over a weakly matching page', () => {
    const r = decide([scored('https://b.example/pricing', 'linked', 0.9, { external: true }), scored('https://a.example/', 'public', 0.5)]);
    expect(r).toMatchObject({ url: 'https://b.example/pricing', external: true, linkedOnly: true, found: true });
  });
});
