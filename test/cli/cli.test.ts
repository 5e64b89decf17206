import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { startStaticPortal } from '../../src/demo/static-server.js';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as PassThrough & { isTTY?: boolean };
  let out = '';
  let err = '';
  stdout.on('data', (d) => { out += d; });
  stderr.on('data', (d) => { err += d; });
  return { io: { stdout, stderr: stderr as unknown as NodeJS.WriteStream }, out: () => out, err: () => err };
}

let server: { url: string; close(): Promise<void> };
let dir: string;
beforeAll(async () => {
  server = await startStaticPortal({ root: fileURLToPath(new URL('../fixtures/crawl/site/', import.meta.url)), host: '127.0.0.1', port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'portalprobe-cli-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('portalprobe CLI exit codes', () => {
  it.each([
    [['audit'], 2, /exactly one URL/],
    [['audit', 'a', 'b'], 2, /exactly one URL/],
    [['audit', 'not a url'], 2, /PP_ERR_INVALID_URL/],
    [['audit', 'ftp://example.com/'], 2, /PP_ERR_UNSUPPORTED_SCHEME/],
    [['audit', 'https://example.com/', '--bogus'], 2, /Unknown option '--bogus'/],
    [['audit', 'https://example.com/', '--max-pages', 'zero'], 2, /--max-pages must be a positive whole number/],
    [['audit', 'https://example.com/', '--format', 'pdf'], 2, /Unknown report format/],
    [['frobnicate'], 2, /Unknown command/],
  ])('%j → exit %i', async (argv, code, message) => {
    const t = io();
    expect(await main(argv as string[], t.io)).toBe(code);
    expect(t.err()).toMatch(message);
  });

  it('refuses a loopback target without --allow-private (exit 3, clear message)', async () => {
    const t = io();
    expect(await main(['audit', server.url, '--quiet', '--out', dir], t.io)).toBe(3);
    expect(t.err()).toMatch(/PP_ERR_TARGET_UNAUDITABLE|PP_ERR_BLOCKED_ADDRESS/);
    expect(t.err()).toMatch(/--allow-private/);
  });

  it('exit 3 when the target does not answer', async () => {
    const t = io();
    // Port 9 on loopback (discard) is closed here: connection refused.
    expect(await main(['audit', 'http://127.0.0.1:9/', '--allow-private', '--quiet', '--out', dir], t.io)).toBe(3);
    expect(t.err()).toMatch(/Cannot audit http:\/\/127\.0\.0\.1:9.*PP_ERR_TARGET_UNAUDITABLE/);
  });

  it('audits with --allow-private, writes the chosen formats and prints a summary', async () => {
    const t = io();
    const out = join(dir, 'run');
    expect(await main(['audit', server.url, '--allow-private', '--format', 'json,md', '--out', out], t.io)).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.run.pagesFetched).toBeGreaterThan(5);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('#');
    await expect(readFile(join(out, 'report.html'), 'utf8')).rejects.toThrow();
    expect(t.out()).toMatch(/Overall\s+\d/);
    expect(t.out()).toContain('retrieval-only (no LLM was used)');
    expect(t.err()).toMatch(/pages fetched: 1\/200/);
  });

  it('prints help and version', async () => {
    const t = io();
    expect(await main(['help'], t.io)).toBe(0);
    expect(t.out()).toContain('audit <url>');
    const v = io();
    expect(await main(['--version'], v.io)).toBe(0);
    expect(v.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
