// Tests for src/formats/schema-org/lenient-json.ts and json-error-offset.ts: what strict parsing
// rejects, what the lenient re-read repairs (extruct's rules), and where errors are located.
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../src/formats/schema-org/json-error-offset.js';
import { clean, describeJsonError, parseLenientJson, type Repair } from '../../../src/formats/schema-org/lenient-json.js';

describe('parseLenientJson', () => {
  const recovered: Array<{ name: string; text: string; value: unknown; repairs: Repair[] }> = [
    { name: 'line comment', text: '{"a": 1, // note\n"b": 2}', value: { a: 1, b: 2 }, repairs: ['JavaScript comments'] },
    { name: 'leading line comment (extruct AllocateAction)', text: '  // John allocated 5 hours\n{"@type": "AllocateAction"}', value: { '@type': 'AllocateAction' }, repairs: ['JavaScript comments'] },
    { name: 'block comment', text: '{"a": /* x */ 1}', value: { a: 1 }, repairs: ['JavaScript comments'] },
    { name: 'unclosed block comment runs to the end', text: '{"a": 1}/* x', value: { a: 1 }, repairs: ['JavaScript comments'] },
    { name: 'comment markers inside strings are kept', text: '{"u": "http://x.org/a", "c": "/* no */"}\n// end', value: { u: 'http://x.org/a', c: '/* no */' }, repairs: ['JavaScript comments'] },
    { name: 'raw newline in a string', text: '{"data": "line 1\n  line 2"}', value: { data: 'line 1\n  line 2' }, repairs: ['control characters in strings'] },
    { name: 'raw tab and NUL in a string', text: '{"d": "a\tb\u0000c"}', value: { d: 'a\tb\u0000c' }, repairs: ['control characters in strings'] },
    { name: 'trailing commas', text: '{"a": [1, 2, ], "b": 3 ,\n}', value: { a: [1, 2], b: 3 }, repairs: ['trailing commas'] },
    { name: 'comment then trailing comma (extruct JS comment sample)', text: '{"a": "x", // c\n //"b": ""\n}', value: { a: 'x' }, repairs: ['JavaScript comments', 'trailing commas'] },
    { name: 'leading HTML comment line (extruct JoinAction)', text: '\n<!-- John joined. -->\n{"@type": "JoinAction", "h": "<!-- kept --><b>x</b>"}', value: { '@type': 'JoinAction', h: '<!-- kept --><b>x</b>' }, repairs: ['HTML comment markers'] },
    { name: 'JSON wrapped in an HTML comment', text: '<!--\n{"a": 1}\n-->', value: { a: 1 }, repairs: ['HTML comment markers'] },
    { name: 'CDATA wrapper', text: '//<![CDATA[\n{"a": 1}\n//]]>', value: { a: 1 }, repairs: ['JavaScript comments'] },
    { name: 'bare CDATA markers', text: '<![CDATA[{"a": 1}]]>', value: { a: 1 }, repairs: ['CDATA markers'] },
    { name: 'byte-order mark', text: '\uFEFF{"a": 1}', value: { a: 1 }, repairs: ['byte-order mark'] },
  ];
  it.each(recovered)('recovers: $name', ({ text, value, repairs }) => {
    const r = parseLenientJson(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(value);
    expect([...r.repairs].sort()).toEqual([...repairs].sort());
    expect('error' in r && r.error).toBeTruthy();
  });

  const invalid: Array<{ name: string; text: string; reason: RegExp }> = [
    { name: 'missing comma', text: '{"a": 1\n "b": 2}', reason: /line 2, column 2/ },
    { name: 'truncated', text: '{"a": [1, 2', reason: /line 1, column 12/ },
    { name: 'single quotes', text: "{'a': 1}", reason: /line 1, column 2/ },
    { name: 'empty', text: '   ', reason: /^empty block$/ },
    { name: 'two objects', text: '{"a": 1}{"b": 2}', reason: /line 1, column 9/ },
    { name: 'unquoted key', text: '{a: 1}', reason: /Expected .*property name/ },
  ];
  it.each(invalid)('reports invalid: $name', ({ text, reason }) => {
    const r = parseLenientJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });

  it('leaves valid JSON untouched (no repairs, no error)', () => {
    const r = parseLenientJson('{"a": "b // not a comment", "c": [1, 2]}');
    expect(r).toEqual({ ok: true, value: { a: 'b // not a comment', c: [1, 2] }, repairs: [] });
  });

  it('cleans in linear time on a 2 MB input full of comments and commas', () => {
    const text = '[' + '1, // c\n'.repeat(250_000) + ']';
    const t0 = performance.now();
    const r = parseLenientJson(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as number[]).length).toBe(250_000);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('clean() escapes control characters with JSON escapes', () => {
    expect(clean('"a\nb\rc\u0001"').cleaned).toBe('"a\\nb\\rc\\u0001"');
  });
});

describe('jsonErrorOffset', () => {
  // Where V8 reports a position, ours must agree; where it does not, ours must point at the culprit.
  const cases = [
    '{"a":1,}', '{"a": "x\ny"}', '{ // c\n"a":1}', '{"a":1', 'null x', '{"a":1}}', '[1,,2]', '[01]', '{"a" 1}',
    '{"a":tru}', '{"a":"\\x"}', '{"a":"\\u12G4"}', '[-]', '{"a":1 "b":2}', '[1 2]', '{"a":[}', '{"a":{]}',
    '[1.]', '[1.5e]', '[1e+]', '[-x]', '{"a":"\\u12"}', '[1.2.3]', '[00]', '{"a":"b"', '["\u0001"]',
  ];
  it.each(cases)('agrees with V8 on %j', (text) => {
    let v8: number | null = null;
    try {
      JSON.parse(text);
    } catch (err) {
      const m = /at position (\d+)/.exec((err as Error).message);
      if (m) v8 = Number(m[1]);
    }
    const ours = jsonErrorOffset(text);
    expect(ours).not.toBeNull();
    if (v8 !== null) expect(ours).toBe(v8);
  });

  const located: Array<[string, number]> = [
    ['  // c\n{}', 2],
    ['<!-- x -->{}', 0],
    ["{'a':1}", 1],
    ['{"a": undefined}', 6],
  ];
  it.each(located)('locates the culprit in %j at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]} ', '"s"', '0'])('accepts valid %j', (text) => {
    expect(jsonErrorOffset(text)).toBeNull();
  });

  it('handles 100,000 nesting levels without recursion', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });

  it('describeJsonError gives line, column and an excerpt for an Unexpected token error', () => {
    const text = '{\n  "a": 1,\n  // c\n}';
    let err: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    expect(describeJsonError(err, text)).toMatch(/\(line 3, column 3\) near ".*\/\/ c/);
  });
});
