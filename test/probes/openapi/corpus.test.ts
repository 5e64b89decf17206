// Corpus test for probes/openapi: every real document in test/fixtures/openapi (OAI examples and
// schema tests, Adyen, Twilio, APIs.guru xkcd) parses without throwing; the OAI examples validate
// with the right version and operation count (counted here independently: paths × HTTP methods);
// every OAS 3.1 schema-test `fail/` file is reported invalid with a reason and every `pass/` file
// valid, except the listed cases where @readme/openapi-parser 9 itself disagrees with the OAI suite.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../../probes/openapi/load.js';
import { assessQuality } from '../../../probes/openapi/quality.js';
import { createSpecValidator, type ValidationOutcome } from '../../../probes/openapi/validate.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/openapi');
const validator = createSpecValidator();
afterAll(() => validator.close());

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const corpusFiles = (): string[] =>
  walk(ROOT)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .map((f) => path.relative(ROOT, f))
    .sort();

/** Validation is the slow part (the parser compiles the OAS schema per call): once per file. */
const verdicts = new Map<string, Promise<ValidationOutcome>>();
function validateFile(file: string, spec: Record<string, unknown>): Promise<ValidationOutcome> {
  let v = verdicts.get(file);
  if (!v) verdicts.set(file, (v = validator.validate(spec)));
  return v;
}

const typeFor = (file: string): string => (file.endsWith('.json') ? 'application/json' : 'application/yaml');
const load = (file: string) => loadSpec(readFileSync(path.join(ROOT, file), 'utf8'), typeFor(file));

/** Independent count: every path × every HTTP-method key whose value is an object. */
function countOperations(spec: Record<string, unknown>): number {
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  let n = 0;
  for (const item of Object.values((spec.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const m of methods) if (item && typeof item[m] === 'object' && item[m] !== null) n++;
  }
  return n;
}

const ALL = corpusFiles().filter((f) => !f.startsWith('site/') && f !== 'quality-spec.yaml');
/** Pieces of the multi-file petstore-separate example: JSON/YAML fragments, not API documents. */
const FRAGMENT = /petstore-separate\/(common\/|spec\/(?!swagger\.))/;

describe('every corpus file parses without throwing', () => {
  it('finds the corpus', () => {
    expect(ALL.length).toBeGreaterThan(150);
  });
  it.each(ALL)('%s', async (file) => {
    const loaded = load(file);
    expect(['spec', 'notSpec']).toContain(loaded.kind);
    if (FRAGMENT.test(file)) {
      expect(loaded.kind).toBe('notSpec');
      return;
    }
    expect(loaded.kind).toBe('spec');
    if (loaded.kind !== 'spec') return;
    const quality = assessQuality(loaded.spec, loaded.family, loaded.version);
    expect(quality.operationCount).toBeGreaterThanOrEqual(0);
    const outcome = await validateFile(file, loaded.spec);
    expect([true, false, null]).toContain(outcome.valid);
    if (outcome.valid === false) expect(outcome.errors.length).toBeGreaterThan(0);
  });
});

const EXAMPLES = ALL.filter((f) => f.startsWith('oai/examples/') && !FRAGMENT.test(f));

describe('OAI examples: valid, right version and operation count', () => {
  it('has all 30 example documents', () => {
    expect(EXAMPLES).toHaveLength(30);
  });
  it.each(EXAMPLES)('%s', async (file) => {
    const loaded = load(file);
    if (loaded.kind !== 'spec') throw new Error(`not a spec: ${JSON.stringify(loaded)}`);
    const expectedVersion = file.includes('/v2.0/') ? /^2\.0$/ : file.includes('/v3.0/') ? /^3\.0\.\d+$/ : /^3\.1\.\d+$/;
    expect(loaded.version).toMatch(expectedVersion);
    expect(loaded.family).toBe(file.includes('/v2.0/') ? 'swagger' : 'openapi');
    expect(assessQuality(loaded.spec, loaded.family, loaded.version).operationCount).toBe(countOperations(loaded.spec));
    const outcome = await validateFile(file, loaded.spec);
    expect(outcome.errors).toEqual([]);
    expect(outcome.valid).toBe(true);
  });
  it('counts known operations (hand-checked)', () => {
    const count = (file: string) => {
      const l = load(file);
      return l.kind === 'spec' ? assessQuality(l.spec, l.family, l.version).operationCount : -1;
    };
    expect(count('oai/examples/v2.0/json/petstore.json')).toBe(3); // GET/POST /pets, GET /pets/{petId}
    expect(count('oai/examples/v3.0/petstore-expanded.json')).toBe(4); // + DELETE /pets/{id}
    expect(count('oai/examples/v3.0/uspto.json')).toBe(3);
    expect(count('oai/examples/v3.1/webhook-example.json')).toBe(0); // only a webhook
  });
});

/**
 * schema-tests-v3.1-dev files where @readme/openapi-parser 9 disagrees with the OAI test suite.
 * Kept explicit so a parser upgrade that fixes (or breaks) one shows up here.
 */
const EXPECTED_MISSES: Record<string, string> = {
  // The parser demands at least one *entry* in paths/webhooks/components; OAS 3.1 §4.8.1 only
  // requires one of the fields to be present (an empty `components: {}` or `paths: {}` is valid).
  'oai/schema-tests-v3.1-dev/pass/info-object-example.yaml': 'empty components rejected',
  'oai/schema-tests-v3.1-dev/pass/info_summary.yaml': 'empty components rejected',
  'oai/schema-tests-v3.1-dev/pass/license_identifier.yaml': 'empty components rejected',
  'oai/schema-tests-v3.1-dev/pass/minimal_comp.yaml': 'empty components rejected',
  'oai/schema-tests-v3.1-dev/pass/minimal_hooks.yaml': 'empty webhooks rejected',
  'oai/schema-tests-v3.1-dev/pass/minimal_paths.yaml': 'empty paths rejected',
  'oai/schema-tests-v3.1-dev/pass/servers.yaml': 'empty components rejected',
  'oai/schema-tests-v3.1-dev/pass/specification-extensions.yaml': 'empty components rejected',
  'oai/schema-tests-v3.1-dev/pass/tag-object-example.yaml': 'empty components rejected',
  // Schema-valid, but the parser's semantic rule is right: the `petId` parameter is not in the
  // path template `/pets/{id}` (the OAI file only tests the schema).
  'oai/schema-tests-v3.1-dev/pass/operation-object-example.yaml': 'path-parameters-not-in-path',
  // The parser keeps `summary`/`description` beside a dereferenced Parameter `$ref` (OAS 3.1
  // allows them on a Reference Object) and then rejects them as Parameter properties.
  'oai/schema-tests-v3.1-dev/pass/path_item_servers_parameters.yaml': 'Reference Object summary kept after dereference',
};

const SCHEMA_TESTS_31 = ALL.filter((f) => f.startsWith('oai/schema-tests-v3.1-dev/'));

describe('OAS 3.1 schema tests: fail/ invalid with a reason, pass/ valid (except expected misses)', () => {
  it('has 11 fail and 35 pass files', () => {
    expect(SCHEMA_TESTS_31.filter((f) => f.includes('/fail/'))).toHaveLength(11);
    expect(SCHEMA_TESTS_31.filter((f) => f.includes('/pass/'))).toHaveLength(35);
  });
  it.each(SCHEMA_TESTS_31)('%s', async (file) => {
    const loaded = load(file);
    if (loaded.kind !== 'spec') throw new Error(`not a spec: ${JSON.stringify(loaded)}`);
    expect(loaded.version).toMatch(/^3\.1\./);
    const outcome = await validateFile(file, loaded.spec);
    const shouldPass = file.includes('/pass/') !== Object.hasOwn(EXPECTED_MISSES, file);
    expect(outcome.valid).toBe(shouldPass);
    if (!shouldPass) {
      expect(outcome.errors.length).toBeGreaterThan(0);
      for (const e of outcome.errors) {
        expect(e.length).toBeGreaterThan(5);
        expect(e).not.toContain('\n');
      }
    }
  });
  it('every expected miss names an existing file', () => {
    for (const file of Object.keys(EXPECTED_MISSES)) expect(SCHEMA_TESTS_31).toContain(file);
  });
});

describe('OAS 3.2 documents: recognised, not validated (the parser has no 3.2 schema yet)', () => {
  const files = ALL.filter((f) => f.startsWith('oai/schema-tests-v3.2-dev/'));
  it.each(files)('%s', async (file) => {
    const loaded = load(file);
    if (loaded.kind !== 'spec') throw new Error(`not a spec: ${JSON.stringify(loaded)}`);
    expect(loaded.version).toMatch(/^3\.2\./);
    const outcome = await validateFile(file, loaded.spec);
    expect(outcome.valid).toBeNull();
    expect(outcome.skipped).toBe('unsupportedVersion');
  });
});

describe('large real documents', () => {
  const cases = [
    { file: 'adyen/CheckoutService-v71.json', version: /^3\.1\./ },
    { file: 'adyen/BinLookupService-v54.json', version: /^3\.1\./ },
    { file: 'twilio/twilio_api_v2010.json', version: /^3\.0\./ },
    { file: 'twilio/twilio_lookups_v1.yaml', version: /^3\.0\./ },
    { file: 'apis-guru/xkcd.com/swagger.yaml', version: /^2\.0$/ },
    { file: 'apis-guru/xkcd.com/openapi.yaml', version: /^3\.0\./ },
  ];
  it.each(cases)('$file validates and is measured', async ({ file, version }) => {
    const loaded = load(file);
    if (loaded.kind !== 'spec') throw new Error('not a spec');
    expect(loaded.version).toMatch(version);
    const q = assessQuality(loaded.spec, loaded.family, loaded.version);
    expect(q.operationCount).toBe(countOperations(loaded.spec));
    expect(q.operationCount).toBeGreaterThan(0);
    expect(q.qualityScore).not.toBeNull();
    expect(q.qualityScore!).toBeGreaterThanOrEqual(0);
    expect(q.qualityScore!).toBeLessThanOrEqual(1);
    // Valid means it also finished inside VALIDATE_TIMEOUT_MS (a timeout gives null).
    const outcome = await validateFile(file, loaded.spec);
    expect(outcome.valid).toBe(true);
  });
  it('xkcd 2.0 and 3.0 describe the same two operations', () => {
    const a = load('apis-guru/xkcd.com/swagger.yaml');
    const b = load('apis-guru/xkcd.com/openapi.yaml');
    if (a.kind !== 'spec' || b.kind !== 'spec') throw new Error('not a spec');
    expect(assessQuality(a.spec, a.family, a.version).operationCount).toBe(2);
    expect(assessQuality(b.spec, b.family, b.version).operationCount).toBe(2);
  });
});
