// known-probes.ts lists every probe folder in probes/ (the compiler checks each fact list against the
// probe's Facts type; this test checks that no probe is missing and no entry is stale).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_PROBES } from '../../probes/index.js';
import { factPathProblem, KNOWN_PROBE_FACTS, KNOWN_PROBES } from '../../src/model/known-probes.js';
import type { Probe } from '../../src/contract/index.js';

const PROBES_DIR = fileURLToPath(new URL('../../probes/', import.meta.url));
// One folder per probe, holding its index.ts (probes/data/ holds shared data, no probe).
const probeFiles = readdirSync(PROBES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(PROBES_DIR, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

describe('known probes', () => {
  it('names exactly the probes in probes/', () => {
    expect([...KNOWN_PROBES].sort()).toEqual(probeFiles);
  });

  it.each(probeFiles)('probes/%s/index.ts exports a probe with that id', async (file) => {
    const mod = (await import(/* @vite-ignore */ join(PROBES_DIR, file, 'index.ts'))) as { default: Probe };
    expect(mod.default.id).toBe(file);
  });

  it('covers every registered probe', () => {
    for (const p of ALL_PROBES) expect(KNOWN_PROBES).toContain(p.id);
  });

  it('lists each fact once', () => {
    for (const [probe, facts] of Object.entries(KNOWN_PROBE_FACTS)) expect(new Set(facts).size, probe).toBe(facts.length);
  });

  it.each([
    ['robots', 'aiAgents', undefined],
    ['business-surface', 'pages.pricing.status', undefined],
    ['robots', 'aiAgent', /probe "robots" has no fact "aiAgent"/],
    ['robot', 'present', /unknown probe "robot"/],
    ['sitemap', 'errors..length', /empty segment/],
    ['gating', 'keyPages.__proto__', /reserved name/],
  ] as [string, string, RegExp | undefined][])('factPathProblem(%s, %s)', (probe, path, problem) => {
    const got = factPathProblem(probe, path);
    if (problem) expect(got).toMatch(problem);
    else expect(got).toBeUndefined();
  });
});
