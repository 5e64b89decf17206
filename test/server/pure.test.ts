// The service's pure helpers, table-driven: schedule intervals, progress folding, SSE framing,
// practice diffs, cursors, API views.
import { describe, expect, it } from 'vitest';
import { parseEvery } from '../../src/server/every.js';
import { applyProgress, initialProgress } from '../../src/server/jobs/progress.js';
import { formatEvent } from '../../src/server/sse.js';
import { diffReports } from '../../src/compare/diff.js';
import { decodeCursor, encodeCursor, newId } from '../../src/server/ids.js';
import { auditView } from '../../src/server/views.js';
import { finalEvent } from '../../src/server/routes/audit-events.js';
import { summarizeReport } from '../../src/server/jobs/report-summary.js';
import type { AuditRecord } from '../../src/server/types.js';
import { sampleReport } from '../reports/sample-report.js';

describe('parseEvery', () => {
  it.each([
    ['1h', 3600],
    ['30m', 1800],
    ['1d', 86_400],
    ['2w', 1_209_600],
    ['600s', 600],
    [900, 900],
  ] as const)('%s → %i s', (input, seconds) => expect(parseEvery(input, 300)).toBe(seconds));

  it.each([
    ['hourly', /must be a number of seconds/],
    ['0h', /must be a number of seconds/],
    ['1.5h', /must be a number of seconds/],
    [1.5, /must be a number of seconds/],
    [-60, /must be a number of seconds/],
    ['1m', /at least 300 seconds/],
    [299, /at least 300 seconds/],
    ['400d', /at most one year/],
  ] as const)('refuses %s', (input, message) => expect(() => parseEvery(input, 300)).toThrow(message));
});

describe('applyProgress', () => {
  it('folds phase, page and probe events into one record', () => {
    let p = initialProgress(20);
    p = applyProgress(p, { type: 'page', url: 'https://a/1', status: 200, fetched: 1, maxPages: 20 });
    p = applyProgress(p, { type: 'page', url: 'https://a/3', status: 200, fetched: 3, maxPages: 20 });
    // Out-of-order events never move the count back.
    p = applyProgress(p, { type: 'page', url: 'https://a/2', status: 404, fetched: 2, maxPages: 20 });
    p = applyProgress(p, { type: 'phase', phase: 'probes', at: 1 });
    p = applyProgress(p, { type: 'probe', id: 'robots', status: 'running' });
    p = applyProgress(p, { type: 'probe', id: 'robots', status: 'error', durationMs: 2 });
    p = applyProgress(p, { type: 'question', id: 'q', answerable: true, done: 1, total: 2 });
    expect(p).toEqual({ phase: 'probes', pagesFetched: 3, maxPages: 20, probesStarted: 1, probesDone: 1, lastUrl: 'https://a/2' });
  });
});

describe('formatEvent', () => {
  it('writes one SSE frame with the data JSON on a single line', () => {
    expect(formatEvent('progress', { a: 'x\ny' }, 7)).toBe('id: 7\nevent: progress\ndata: {"a":"x\\ny"}\n\n');
    expect(formatEvent('done', 1)).toBe('event: done\ndata: 1\n\n');
  });
});

describe('diffReports', () => {
  it('reports added, removed and non-ranked changes, regressions first', () => {
    const a = sampleReport();
    const b = sampleReport();
    const removed = b.practices.splice(0, 1)[0];
    b.practices.push({ ...a.practices[1], id: 'new.practice', name: 'New' });
    b.practices[0] = { ...b.practices[0], status: 'manual', score: 0 };
    b.practices[2] = { ...b.practices[2], status: 'fail', score: 0 };
    const diff = diffReports(a, b);
    const byId = Object.fromEntries(diff.changes.map((c) => [c.id, c]));
    expect(byId[removed.id]).toMatchObject({ from: { status: removed.status }, to: null, direction: 'changed' });
    expect(byId['new.practice']).toMatchObject({ from: null, direction: 'changed' });
    expect(byId[a.practices[1].id]).toMatchObject({ from: { status: 'partial' }, to: { status: 'manual' }, direction: 'changed' });
    expect(diff.changes[0].direction).toBe('regressed');
    expect(diff.overall).toEqual({ from: a.scores.overall, to: b.scores.overall, delta: 0 });
  });

  it('a partial whose score moves is an improvement or a regression', () => {
    const a = sampleReport();
    const b = sampleReport();
    const i = a.practices.findIndex((p) => p.status === 'partial');
    b.practices[i] = { ...b.practices[i], score: b.practices[i].score + 0.25 };
    expect(diffReports(a, b).changes).toEqual([expect.objectContaining({ id: a.practices[i].id, direction: 'improved' })]);
    expect(diffReports(b, a).changes).toEqual([expect.objectContaining({ direction: 'regressed' })]);
  });
});

describe('ids and cursors', () => {
  it('ids are prefixed, URL-safe and unique', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newId('aud')));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^aud_[A-Za-z0-9_-]{14}$/);
  });

  it.each(['', 'x', Buffer.from('[1]').toString('base64url'), Buffer.from('["1","a"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')])('refuses cursor %j', (c) => {
    expect(() => decodeCursor(c)).toThrow(/cursor is not valid/);
  });

  it('round-trips a cursor', () => expect(decodeCursor(encodeCursor({ createdAt: 5, id: 'aud_x' }))).toEqual({ createdAt: 5, id: 'aud_x' }));
});

describe('views and final events', () => {
  const record = (over: Partial<AuditRecord>): AuditRecord => ({
    id: 'aud_1', url: 'https://a.example/', host: 'a.example:8443', status: 'queued', options: {}, apiKeyId: 'key_secret', tenant: 'key_secret', scheduleId: null,
    attempts: 0, error: null, progress: null, createdAt: 0, startedAt: null, finishedAt: null, durationMs: null, ...over,
  });

  it('never shows the API key id, dates are ISO, report links only when done', () => {
    const queued = auditView(record({}));
    expect(JSON.stringify(queued)).not.toContain('key_secret');
    expect(queued.createdAt).toBe('1970-01-01T00:00:00.000Z');
    expect(queued.links).not.toHaveProperty('report');
    expect(queued.links.history).toBe('/v1/portals/a.example%3A8443/history');
    const done = auditView(record({ status: 'done', options: { formats: ['md'] }, summary: summarizeReport(sampleReport()) }));
    expect(done.links.report).toEqual({ md: '/v1/audits/aud_1/report?format=md' });
    expect(done.scores).toEqual({ overall: 58, lenses: sampleReport().scores.lenses });
  });

  it.each([
    ['queued', null],
    ['running', null],
    ['done', 'done'],
    ['failed', 'failed'],
    ['cancelled', 'failed'],
  ] as const)('a %s audit ends the stream with %s', (status, event) => {
    expect(finalEvent(record({ status }))?.event ?? null).toBe(event);
  });
});
