// `npm run demo` is the README's first command: its script must point at real files, and the demo
// command must serve the bundled portal, audit it offline and write all three reports.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

const root = new URL('../../', import.meta.url);

describe('npm run demo', () => {
  it('runs the CLI launcher that package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    expect(pkg.scripts.demo).toBe('node bin/portalprobe.js demo');
    expect(pkg.bin.portalprobe).toBe('bin/portalprobe.js');
    expect(existsSync(new URL('bin/portalprobe.js', root))).toBe(true);
    expect(readFileSync(new URL('bin/portalprobe.js', root), 'utf8')).toContain("import { main } from '../dist/src/cli/main.js'");
  });

  it('audits the bundled demo portal and writes json, md and html', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portalprobe-demo-'));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    stdout.on('data', (d) => { out += d; });
    stderr.resume();
    try {
      expect(await main(['demo', '--out', dir, '--quiet'], { stdout, stderr: stderr as unknown as NodeJS.WriteStream })).toBe(0);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
      expect(report.target.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(report.run.answerer).toBe('retrieval-only');
      expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain('No LLM was used');
      expect(await readFile(join(dir, 'report.md'), 'utf8')).toContain('Roadmap');
      expect(out).toContain('retrieval-only (no LLM was used)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
