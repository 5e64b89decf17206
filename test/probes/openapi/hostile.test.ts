// Hostile input for the OpenAPI code: a 20 MB spec, a YAML alias bomb, malformed JSON, deep
// nesting, cyclic aliases, invalid UTF-8, a $ref bomb that makes the validator run away, and
// external $refs that must never be fetched. Each ends in a result or a finding, fast.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/fetch/decode.js';
import { loadSpec, MAX_DEPTH, MAX_PARSE_BYTES, MAX_YAML_ALIASES } from '../../../probes/openapi/load.js';
import { assessQuality } from '../../../probes/openapi/quality.js';
import { externalRefs } from '../../../probes/openapi/refs.js';
import { createSpecValidator, PARSER_OPTIONS } from '../../../probes/openapi/validate.js';
import { hugeSpec, yamlAliasBomb } from './hostile-inputs.js';

describe('loadSpec on hostile bodies', () => {
  it('refuses a 20 MB document before parsing', () => {
    const text = hugeSpec(20 * 1024 * 1024);
    const started = Date.now();
    const r = loadSpec(text, 'application/json');
    expect(r.kind).toBe('tooLarge');
    if (r.kind === 'tooLarge') expect(r.bytes).toBeGreaterThan(MAX_PARSE_BYTES);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('defuses a YAML alias bomb quickly', () => {
    const started = Date.now();
    const r = loadSpec(yamlAliasBomb(), 'application/yaml');
    expect(r.kind).toBe('unparsable');
    if (r.kind === 'unparsable') expect(r.reason).toContain(`more than ${MAX_YAML_ALIASES} alias`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['truncated JSON', '{"openapi": "3.0.3", "info": {"title": "x"', 'application/json', /malformed JSON/],
    ['trailing comma', '{"openapi": "3.0.3",}', 'application/json', /malformed JSON/],
    ['JSON served as text/plain', '{"openapi": 3.0.3}', 'text/plain', /malformed JSON/],
    ['bad YAML indentation', 'openapi: 3.0.3\ninfo:\n  title: x\n version: 1\n  - a', 'application/yaml', /malformed YAML/],
    ['unclosed YAML flow mapping', 'openapi: 3.0.3\ninfo: {title: x\n', 'application/yaml', /malformed YAML/],
    ['empty body', '   \n', 'application/json', /empty/],
  ])('%s → unparsable with a reason', (_name, text, type, reason) => {
    const r = loadSpec(text, type);
    expect(r.kind).toBe('unparsable');
    if (r.kind === 'unparsable') expect(r.reason).toMatch(reason);
  });

  it('refuses nesting deeper than MAX_DEPTH without overflowing the stack', () => {
    const depth = 200_000;
    const r = loadSpec(`{"openapi":"3.0.3","x":${'['.repeat(depth)}${']'.repeat(depth)}}`, 'application/json');
    expect(r.kind).toBe('unparsable');
    if (r.kind === 'unparsable') expect(r.reason).toContain(String(MAX_DEPTH));
  });

  it.each([
    ['an HTML soft 404', '<!doctype html><html><body>Not found</body></html>', 'text/html', 'html'],
    ['HTML served as JSON', '\n  <html><body>Oops</body></html>', 'application/json', 'html'],
    ['a JSON array', '[1,2,3]', 'application/json', 'notSpec'],
    ['a JSON object without openapi/swagger', '{"name":"acme"}', 'application/json', 'notSpec'],
    ['plain text', 'Not Found', 'text/plain', 'notSpec'],
  ])('%s → %s', (_name, text, type, kind) => {
    expect(loadSpec(text, type).kind).toBe(kind);
  });

  it('survives invalid UTF-8 (decoded to U+FFFD)', () => {
    const bytes = Buffer.concat([Buffer.from('openapi: 3.0.3\ninfo:\n  title: "caf'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"\n  version: "1"\npaths: {}\n')]);
    const r = loadSpec(decodeBody(bytes, 'application/yaml'), 'application/yaml');
    expect(r.kind).toBe('spec');
    if (r.kind === 'spec') expect(String((r.spec.info as Record<string, unknown>).title)).toContain('\uFFFD');
  });

  it('keeps a cyclic YAML alias from hanging the walkers', () => {
    const r = loadSpec('openapi: 3.0.3\ninfo: &i\n  title: t\n  version: "1"\n  x-self: *i\npaths:\n  /a:\n    get: &g\n      responses:\n        "200": {description: ok}\n      x-loop: *g\n', 'application/yaml');
    expect(r.kind).toBe('spec');
    if (r.kind !== 'spec') return;
    expect(assessQuality(r.spec, r.family, r.version).operationCount).toBe(1);
    expect(externalRefs(r.spec).total).toBe(0);
  });
});

describe('the validator worker', () => {
  let server: Server;
  let origin = '';
  let hits = 0;
  const validator = createSpecValidator();

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"string"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await validator.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('is configured never to resolve external references', () => {
    expect(PARSER_OPTIONS.resolve).toEqual({ external: false, file: false });
  });

  it('leaves external $refs alone: no request, no file read, document still judged', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'ext', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              200: { $ref: `${origin}/responses.json#/Ok` },
              404: { $ref: '../../../../../../etc/passwd' },
            },
          },
        },
      },
    };
    const outcome = await validator.validate(spec);
    expect(hits).toBe(0);
    // Resolving either ref would have failed (unsafe URL, not JSON): valid means they were left alone.
    expect(outcome.valid).toBe(true);
    expect(externalRefs(spec).total).toBe(2);
  });

  it('stops a runaway validation ($ref bomb) at the timeout and keeps working afterwards', async () => {
    const schemas: Record<string, unknown> = { S0: { type: 'string' } };
    for (let i = 1; i <= 40; i++) {
      schemas[`S${i}`] = { type: 'object', properties: { a: { $ref: `#/components/schemas/S${i - 1}` }, b: { $ref: `#/components/schemas/S${i - 1}` } } };
    }
    const bomb = {
      openapi: '3.0.3',
      info: { title: 'bomb', version: '1' },
      components: { schemas },
      paths: { '/x': { get: { responses: { 200: { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/S40' } } } } } } } },
    };
    // 8 s, not 3: on a busy test machine even a small document's first validation can take seconds.
    const short = createSpecValidator({ timeoutMs: 8000 });
    try {
      const started = Date.now();
      const outcome = await short.validate(bomb);
      // 8 s of validation plus the worker's start-up; unbounded, it would never end (2^40 paths).
      expect(Date.now() - started).toBeLessThan(40_000);
      expect(outcome.valid).toBeNull();
      expect(outcome.skipped).toBe('timeout');
      expect(outcome.warnings[0]).toMatch(/did not finish within 8 s/);

      const next = await short.validate({ openapi: '3.0.3', info: { title: 'ok', version: '1' }, paths: {} });
      expect(next.valid).toBe(true);
    } finally {
      await short.close();
    }
  }, 90_000);

  it('reports a worker that runs out of memory as no verdict, and does not retry it', async () => {
    const starved = createSpecValidator({ maxHeapMb: 4 });
    try {
      const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
      const first = await starved.validate(doc);
      expect(first).toMatchObject({ valid: null, skipped: 'crashed' });
      expect(first.warnings[0]).toMatch(/memory/);
      const started = Date.now();
      const second = await starved.validate(doc);
      expect(second).toMatchObject({ valid: null, skipped: 'crashed' });
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await starved.close();
    }
  });

  it('judges a cyclic document without crashing the audit', async () => {
    const info: Record<string, unknown> = { title: 't', version: '1' };
    info['x-self'] = info;
    const outcome = await validator.validate({ openapi: '3.0.3', info, paths: {} });
    expect([true, false, null]).toContain(outcome.valid);
  });

  it('reports a non-string version field as invalid without asking the parser', async () => {
    const outcome = await validator.validate({ openapi: 3, info: { title: 't', version: '1' }, paths: {} });
    expect(outcome).toMatchObject({ valid: false, errors: ['the "openapi" field must be a string'] });
  });
});
