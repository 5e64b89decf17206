// Loads the maturity model from its versioned data file, validates it and caches it per path. The
// default file is src/model/model.v1.json under the package root (found from package.json), so the
// same path works from src/ under vitest and from dist/ after tsc, which does not copy JSON.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelInvalidError } from '../errors.js';
import { findPackageJson } from '../util/package-info.js';
import type { Model } from './types.js';
import { validateModel } from './validate.js';

/** Relative to the package root. */
export const DEFAULT_MODEL_FILE = 'src/model/model.v1.json';

const cache = new Map<string, Model>();

/** Absolute path of the bundled model file. */
export function defaultModelPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const pkg = findPackageJson(here);
  // Without a package.json (unusual bundling) fall back to the layout of the source tree.
  const root = pkg ? dirname(pkg) : resolve(here, '..', '..');
  return join(root, DEFAULT_MODEL_FILE);
}

/**
 * Reads, validates and caches the model at `path` (default: the bundled model). The returned
 * object is deeply frozen because every caller shares it.
 * @throws ModelInvalidError listing every problem, or saying why the file cannot be read.
 */
export function loadModel(path?: string): Model {
  const file = resolve(path ?? defaultModelPath());
  const hit = cache.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ModelInvalidError([`cannot read ${file}: ${(err as Error).message}`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ModelInvalidError([`${file} is not valid JSON: ${(err as Error).message}`]);
  }
  const model = deepFreeze(validateModel(data));
  cache.set(file, model);
  return model;
}

/** Forgets cached models (for tests that rewrite a model file). */
export function clearModelCache(): void {
  cache.clear();
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
