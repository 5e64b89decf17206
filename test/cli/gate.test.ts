// The CI quality gate: parsing --fail-under / --fail-under-lens (bad input is a usage error, exit 2,
// before any audit), pure evaluation against a report, the one-line reason, the JSON summary and
// the text summary's "not assessed"; then the real CLI auditing a fixture portal served on
// 127.0.0.1 with --allow-private: exit 1 with one stderr line when the gate fails, 0 when it passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { evaluateGate, gateReason, parseGate } from '../../src/cli/gate.js';
import { ciSummary, formatSummary } from '../../src/cli/summary.js';
import { startStaticPortal } from '../../src/demo/static-server.js';
import { sampleReport } from '../reports/sample-report.js';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  return { io: { stdout, stderr: stderr as unknown as NodeJS.WriteStream }, out: () => out, err: () => err };
}

describe('parseGate', () => {
  it.each([
    [undefined, undefined, undefined],
    [undefined, [], undefined],
    ['60', undefined, { overall: 60, lenses: {} }],
    ['0', undefined, { overall: 0, lenses: {} }],
    ['72.5', ['aiVisibility=50', 'core = 40'], { overall: 72.5, lenses: { aiVisibility: 50, core: 40 } }],
    [undefined, ['businessReadiness=100'], { lenses: { businessReadiness: 100 } }],
  ])('%j %j → %j', (overall, lenses, expected) => {
    expect(parseGate(overall, lenses)).toEqual(expected);
  });

  it.each([
    ['abc', undefined, '--fail-under needs a score from 0 to 100, not "abc"'],
    ['101', undefined, '--fail-under needs a score from 0 to 100, not "101"'],
    ['-1', undefined, '--fail-under needs a score from 0 to 100'],
    ['', undefined, '--fail-under needs a score from 0 to 100'],
    ['Infinity', undefined, '--fail-under needs a score'],
    [undefined, ['core'], '--fail-under-lens takes name=score (e.g. aiVisibility=50), not "core"'],
    [undefined, ['=50'], '--fail-under-lens takes name=score'],
    [undefined, ['speed=50'], 'Unknown lens "speed" in --fail-under-lens (choose from core, businessReadiness, aiVisibility)'],
    [undefined, ['core=high'], '--fail-under-lens core needs a score from 0 to 100, not "high"'],
    [undefined, ['core=50', 'core=60'], '--fail-under-lens core is given more than once'],
  ])('%j %j is a usage error', (overall, lenses, message) => {
    expect(() => parseGate(overall, lenses)).toThrow(expect.objectContaining({ code: 'PP_ERR_USAGE', message: expect.stringContaining(message) }));
  });
});

describe('evaluateGate', () => {
  const report = sampleReport(); // overall 58; core 64, businessReadiness 47, aiVisibility 41

  it.each([
    [{ overall: 58, lenses: {} }, true, undefined],
    [{ overall: 58.1, lenses: {} }, false, 'overall 58 < 58.1'],
    [{ lenses: { core: 64, aiVisibility: 40 } }, true, undefined],
    [{ overall: 60, lenses: { core: 70, aiVisibility: 40, businessReadiness: 50 } }, false, 'overall 58 < 60; core 64 < 70; businessReadiness 47 < 50'],
    [{ lenses: {} }, true, undefined],
  ])('%j → passed %s, reason %j', (spec, passed, reason) => {
    const result = evaluateGate(report, spec);
    expect(result.passed).toBe(passed);
    expect(result.reason).toBe(reason);
  });

  it('lists every check, overall first then lenses in contract order', () => {
    const result = evaluateGate(report, { overall: 50, lenses: { aiVisibility: 50, core: 50 } });
    expect(result.checks).toEqual([
      { name: 'overall', threshold: 50, actual: 58, assessed: true, passed: true },
      { name: 'core', threshold: 50, actual: 64, assessed: true, passed: true },
      { name: 'aiVisibility', threshold: 50, actual: 41, assessed: true, passed: false },
    ]);
  });

  it('fails a lens nothing could assess unless its bar is 0, and says why', () => {
    const r = sampleReport();
    r.scores.lenses.aiVisibility = 0;
    r.practices = r.practices.map((p) => (p.lenses.includes('aiVisibility') ? { ...p, status: 'manual' as const } : p));
    expect(evaluateGate(r, { lenses: { aiVisibility: 10 } }).reason).toBe('aiVisibility 0 (not assessed) < 10');
    expect(evaluateGate(r, { lenses: { aiVisibility: 0 } }).passed).toBe(true);
  });

  it('writes the one stderr line', () => {
    const r = sampleReport();
    r.scores.overall = 41.2;
    expect(gateReason(evaluateGate(r, { overall: 60, lenses: {} }))).toBe('portalprobe: quality gate failed: overall 41.2 < 60');
  });
});

describe('CLI summaries', () => {
  it('ciSummary holds target, overall, lenses, focus areas with stage, gate and report paths', () => {
    const r = sampleReport();
    r.scores.focusAreas.community = { score: 0, stage: 0, assessed: false };
    const gate = evaluateGate(r, { overall: 60, lenses: {} });
    const s = ciSummary(r, gate, ['out/report.json']);
    expect(s).toEqual({
      kind: 'portalprobe-summary',
      schemaVersion: 1,
      tool: { name: 'portalprobe', version: '0.1.0' },
      target: { url: 'https://developer.example-pay.com/', finalUrl: 'https://developer.example-pay.com/docs/' },
      overall: 58,
      lenses: { core: { score: 64, assessed: true }, businessReadiness: { score: 47, assessed: true }, aiVisibility: { score: 41, assessed: true } },
      focusAreas: {
        discovery: { score: 62, stage: 0, assessed: true },
        decisionMaking: { score: 44, stage: 0, assessed: true },
        onboarding: { score: 71, stage: 1, assessed: true },
        goLive: { score: 82, stage: 1, assessed: true },
        maintenance: { score: 55, stage: 0, assessed: true },
        community: { score: 0, stage: 0, assessed: false },
      },
      roadmap: { p1: 2, p2: 2, p3: 1 },
      gate: { passed: false, checks: [{ name: 'overall', threshold: 60, actual: 58, assessed: true, passed: false }], reason: 'overall 58 < 60' },
      reports: ['out/report.json'],
    });
  });

  it('formatSummary writes "not assessed" instead of a 0 and a stage', () => {
    const r = sampleReport();
    r.scores.focusAreas.community = { score: 0, stage: 0, assessed: false };
    const lines = formatSummary(r).split('\n');
    expect(lines.find((l) => l.startsWith('Community'))).toBe(`${'Community'.padEnd(30)}   not assessed`);
    expect(lines.find((l) => l.startsWith('Go Live'))).toMatch(/^Go Live\s+82 {2}stage 1 {2}█/);
  });
});

describe('portalprobe audit with a quality gate (fixture portal)', () => {
  let server: { url: string; close(): Promise<void> };
  let dir: string;
  beforeAll(async () => {
    server = await startStaticPortal({ root: fileURLToPath(new URL('../fixtures/crawl/site/', import.meta.url)), host: '127.0.0.1', port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'portalprobe-gate-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    [['--fail-under', 'lots'], /--fail-under needs a score from 0 to 100, not "lots"/],
    [['--fail-under-lens', 'speed=1'], /Unknown lens "speed"/],
    [['--fail-under-lens', 'core'], /takes name=score/],
    [['--summary-json', ''], /--summary-json needs a file path/],
  ])('%j is a usage error (exit 2) found before any page is fetched', async (flags, message) => {
    const t = io();
    expect(await main(['audit', server.url, '--allow-private', '--out', join(dir, 'never'), ...flags], t.io)).toBe(2);
    expect(t.err()).toMatch(message);
    expect(t.err()).not.toContain('pages fetched');
    await expect(stat(join(dir, 'never'))).rejects.toThrow();
  });

  it('exits 1 with one stderr line when the gate fails, still writing the reports and the JSON summary', async () => {
    const t = io();
    const out = join(dir, 'failing');
    const summaryFile = join(dir, 'ci', 'summary.json');
    const code = await main(
      ['audit', server.url, '--allow-private', '--quiet', '--max-pages', '8', '--format', 'json', '--out', out, '--fail-under', '100', '--fail-under-lens', 'core=0', '--summary-json', summaryFile],
      t.io,
    );
    expect(code).toBe(1);
    const lines = t.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^portalprobe: quality gate failed: overall \d+(\.\d)? < 100$/);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    const summary = JSON.parse(await readFile(summaryFile, 'utf8'));
    expect(summary.kind).toBe('portalprobe-summary');
    expect(summary.target.url).toBe(new URL(server.url).href);
    expect(summary.overall).toBe(report.scores.overall);
    expect(summary.gate.passed).toBe(false);
    expect(summary.gate.checks.map((c: { name: string; passed: boolean }) => [c.name, c.passed])).toEqual([['overall', false], ['core', true]]);
    expect(summary.reports).toEqual([join(out, 'report.json')]);
    expect(t.out()).toMatch(/Overall\s+\d/); // the text summary is still printed
  }, 60_000);

  it('exits 0 when the gate passes, and --summary-json - prints only JSON on stdout', async () => {
    const t = io();
    const out = join(dir, 'passing');
    const code = await main(['audit', server.url, '--allow-private', '--quiet', '--max-pages', '8', '--format', 'json', '--out', out, '--fail-under', '0', '--summary-json', '-'], t.io);
    expect(code).toBe(0);
    expect(t.err()).toBe('');
    const summary = JSON.parse(t.out());
    expect(summary.gate).toEqual({ passed: true, checks: [{ name: 'overall', threshold: 0, actual: summary.overall, assessed: true, passed: true }] });
    expect(Object.keys(summary.focusAreas)).toEqual(['discovery', 'decisionMaking', 'onboarding', 'goLive', 'maintenance', 'community']);
  }, 60_000);
});
