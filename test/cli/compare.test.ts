// `portalprobe compare`: saved report.json files (validated; a bad file is PP_ERR_REPORT_INVALID,
// exit 2, before any audit), the written comparison.json/.md/.html, the quality gate judged on the
// subject, and one run that audits a fixture portal served on 127.0.0.1 beside a saved report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { classifySource } from '../../src/cli/commands/compare.js';
import { startStaticPortal } from '../../src/demo/static-server.js';
import { renderJson } from '../../reports/json.js';
import { competitorReports } from '../compare/reports.js';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  return { io: { stdout, stderr: stderr as unknown as NodeJS.WriteStream }, out: () => out, err: () => err };
}

let dir: string;
let subject: string;
let rivalA: string;
let rivalB: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'portalprobe-compare-'));
  const [s, a, b] = competitorReports();
  [subject, rivalA, rivalB] = ['subject.json', 'rival-a.json', 'rival-b.json'].map((f) => join(dir, f));
  await writeFile(subject, renderJson(s));
  await writeFile(rivalA, renderJson(a));
  await writeFile(rivalB, renderJson(b));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('classifySource', () => {
  it.each([
    ['https://docs.example.com/', { kind: 'url', url: 'https://docs.example.com/' }],
    ['HTTP://EXAMPLE.COM', { kind: 'url', url: 'http://example.com/' }],
    ['audits/x/report.json', { kind: 'file', path: 'audits/x/report.json' }],
    ['report.json', { kind: 'file', path: 'report.json' }],
  ])('%s', (arg, expected) => {
    expect(classifySource(arg)).toEqual(expected);
  });

  it('refuses a URL with another scheme', () => {
    expect(() => classifySource('ftp://example.com/x.json')).toThrow(expect.objectContaining({ code: 'PP_ERR_UNSUPPORTED_SCHEME' }));
  });
});

describe('portalprobe compare with saved reports', () => {
  it('writes comparison.json, .md and .html and prints the ranking', async () => {
    const t = io();
    const out = join(dir, 'three');
    expect(await main(['compare', subject, rivalA, rivalB, '--out', out], t.io)).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['comparison.html', 'comparison.json', 'comparison.md']);
    const c = JSON.parse(await readFile(join(out, 'comparison.json'), 'utf8'));
    expect(c.ranking).toEqual([1, 0, 2]);
    expect(c.portals.map((p: { label: string }) => p.label)).toEqual(['developer.example-pay.com', 'developer.rival-a.com', 'docs.rival-b.io']);
    expect(c.gaps.map((g: { practiceId: string }) => g.practiceId)).toEqual(['decision.pricing-public', 'discovery.ai-crawlers-allowed', 'maintenance.status-page', 'onboarding.openapi']);
    expect(await readFile(join(out, 'comparison.html'), 'utf8')).toContain('<svg');
    expect(await readFile(join(out, 'comparison.md'), 'utf8')).toContain('## Competitors have, you lack');
    const lines = t.out().split('\n');
    expect(lines[0]).toBe('portalprobe 0.1.0 — comparison of 3 portals (subject: developer.example-pay.com)');
    const ranks = lines.filter((l) => /^\s+\d\s/.test(l)).map((l) => l.trim().split(/\s+/).at(-1));
    expect(ranks).toEqual(['developer.rival-a.com', '(subject)', 'docs.rival-b.io']);
    expect(t.out()).toContain('Competitors have, you lack: 4 practices');
    expect(t.err()).toContain('» portal 1/3: saved report');
  });

  it('--format picks the files', async () => {
    const t = io();
    const out = join(dir, 'md-only');
    expect(await main(['compare', subject, rivalB, '--out', out, '--format', 'md', '--quiet'], t.io)).toBe(0);
    expect(await readdir(out)).toEqual(['comparison.md']);
    expect(t.err()).toBe('');
  });

  it('judges the quality gate on the subject: exit 1 and one line, the comparison still written', async () => {
    const t = io();
    const out = join(dir, 'gate');
    const code = await main(['compare', subject, rivalA, '--out', out, '--quiet', '--fail-under-lens', 'aiVisibility=50', '--summary-json', '-'], t.io);
    expect(code).toBe(1);
    expect(t.err()).toBe('portalprobe: quality gate failed: aiVisibility 41 < 50\n');
    const summary = JSON.parse(t.out());
    expect(summary.target.url).toBe('https://developer.example-pay.com/');
    expect(summary.ranking).toEqual([
      { url: 'https://developer.rival-a.com/', overall: 74, rank: 1 },
      { url: 'https://developer.example-pay.com/', overall: 58, rank: 2 },
    ]);
    expect(summary.reports).toEqual(['json', 'md', 'html'].map((f) => join(out, `comparison.${f}`)));
    await stat(join(out, 'comparison.json'));
  });

  it.each([
    ['a missing file', async () => join(dir, 'nope.json'), /Cannot read report file .*nope\.json: no such file/],
    ['a file that is not JSON', async () => write('bad.json', '{"schemaVersion": 1,'), /Report file .*bad\.json is not JSON/],
    ['JSON that is not a report', async () => write('other.json', '{"hello": "world"}'), /Report file .*other\.json: The report does not match the contract[\s\S]*\/schemaVersion: is required/],
    ['a report with a bad field', async () => write('badfield.json', (await readFile(rivalA, 'utf8')).replace('"status": "pass"', '"status": "great"')), /\/practices\/0\/status: must be equal to one of the allowed values/],
    ['a folder', async () => dir, /Cannot read report file .*: not a file/],
  ])('refuses %s with PP_ERR_REPORT_INVALID (exit 2)', async (_what, make, message) => {
    const bad = await make();
    const t = io();
    expect(await main(['compare', subject, bad, '--out', join(dir, 'never')], t.io)).toBe(2);
    expect(t.err()).toMatch(message);
    expect(t.err()).toContain('[PP_ERR_REPORT_INVALID]');
    await expect(stat(join(dir, 'never'))).rejects.toThrow();
  });

  it.each([
    [['compare'], /at least two portals/],
    [['compare', 'only-one.json'], /at least two portals/],
    [['compare', 'a.json', 'b.json', '--fail-under', '200'], /--fail-under needs a score from 0 to 100/],
    [['compare', 'a.json', 'ftp://x.example/'], /PP_ERR_UNSUPPORTED_SCHEME/],
  ])('%j is a usage error', async (argv, message) => {
    const t = io();
    expect(await main(argv, t.io)).toBe(2);
    expect(t.err()).toMatch(message);
  });

  it('is listed in the help', async () => {
    const t = io();
    expect(await main(['help'], t.io)).toBe(0);
    expect(t.out()).toContain('compare <a> <b>...');
    expect(t.out()).toContain('--fail-under-lens L=N');
  });
});

async function write(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('portalprobe compare auditing a live portal beside a saved report', () => {
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await startStaticPortal({ root: fileURLToPath(new URL('../fixtures/crawl/site/', import.meta.url)), host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('audits the URL, keeps its report.json for reuse, and compares it with the saved one', async () => {
    const t = io();
    const out = join(dir, 'live');
    const code = await main(['compare', server.url, rivalA, '--allow-private', '--max-pages', '8', '--out', out, '--format', 'json'], t.io);
    expect(code).toBe(0);
    const host = new URL(server.url).host.replace(/[^a-z0-9.-]+/gi, '_');
    const saved = join(out, 'portals', `1-${host}`, 'report.json');
    const report = JSON.parse(await readFile(saved, 'utf8'));
    expect(report.target.url).toBe(new URL(server.url).href);
    const c = JSON.parse(await readFile(join(out, 'comparison.json'), 'utf8'));
    expect(c.portals.map((p: { url: string }) => p.url)).toEqual([new URL(server.url).href, 'https://developer.rival-a.com/']);
    expect(c.overall.scores[0]).toBe(report.scores.overall);
    expect(t.err()).toContain(`» portal 1/2: auditing ${new URL(server.url).href}`);
    expect(t.err()).toMatch(/pages fetched: 1\/8/);
    // The saved copy is a valid input for the next comparison.
    const again = io();
    expect(await main(['compare', saved, rivalA, '--out', join(dir, 'again'), '--quiet'], again.io)).toBe(0);
  }, 60_000);
});
