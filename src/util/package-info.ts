// Reads portalprobe's own name, version and homepage from package.json (for the User-Agent, the
// report's `tool` block and `--version`). The file is found by walking up from this module, so it
// works from src/util/ (vitest, tsx) and from dist/src/util/ (after tsc) alike.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  name: string;
  version: string;
  homepage: string;
}

let cached: PackageInfo | undefined;

/** Walks up from `startDir` to the first package.json that has a name; returns its path. */
export function findPackageJson(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const json = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: unknown };
        if (typeof json.name === 'string') return candidate;
      } catch {
        // An unreadable package.json is skipped; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The folder holding portalprobe's package.json (to find bundled data such as the demo portal). */
export function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const path = findPackageJson(here);
  return path ? dirname(path) : here;
}

/** portalprobe's package metadata; falls back to placeholders if package.json cannot be found. */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  const path = findPackageJson(dirname(fileURLToPath(import.meta.url)));
  const json = path ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<Record<keyof PackageInfo, unknown>>) : {};
  cached = {
    name: typeof json.name === 'string' ? json.name : 'portalprobe',
    version: typeof json.version === 'string' ? json.version : '0.0.0',
    homepage: typeof json.homepage === 'string' ? json.homepage : '',
  };
  return cached;
}
