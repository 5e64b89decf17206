// Unit tests for the pure parts of probes/openapi/validate.ts: message compaction and the prechecks
// that answer without the worker (the worker itself is exercised by corpus.test.ts and hostile.test.ts).
import { describe, expect, it } from 'vitest';
import { compactMessage, MAX_MESSAGES, precheck } from '../../../probes/openapi/validate.js';

describe('compactMessage', () => {
  it.each([
    [
      "REQUIRED must have required property 'url'\n\n   7 |   },\n   8 |   \"servers\": [\n>  9 |     {\n     |     ^ url is missing here!\n  10 |       \"urll\": \"x\"",
      "REQUIRED must have required property 'url'",
    ],
    [
      'UNEVALUATED PROPERTY must NOT have unevaluated properties\n\n  14 |         "explode": true,\n> 15 |         "allowReserved": true\n     |         ^^^^^^^^^^^^^^^ x',
      'UNEVALUATED PROPERTY must NOT have unevaluated properties (at "allowReserved": true)',
    ],
    ['\u001b[31mTYPE\u001b[39m must be array', 'TYPE must be array'],
    ['`/paths/pets/{id}/put` has a path parameter named `petId`', '`/paths/pets/{id}/put` has a path parameter named `petId`'],
  ])('%#', (input, expected) => {
    expect(compactMessage(input)).toBe(expected);
  });

  it('caps very long messages', () => {
    const out = compactMessage('x'.repeat(5000));
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
  });

  it('keeps at most a handful of messages per document', () => {
    expect(MAX_MESSAGES).toBe(5);
  });
});

describe('precheck', () => {
  it.each([
    [{ openapi: '3.2.0' }, { valid: null, skipped: 'unsupportedVersion' }],
    [{ openapi: '4.0.0' }, { valid: null, skipped: 'unsupportedVersion' }],
    [{ openapi: 3.1 }, { valid: false, errors: ['the "openapi" field must be a string'] }],
    [{ swagger: 2 }, { valid: false, errors: ['the "swagger" field must be a string'] }],
  ])('%j', (spec, expected) => {
    expect(precheck(spec)).toMatchObject(expected);
  });
  it.each([[{ openapi: '3.0.3' }], [{ openapi: '3.1.1' }], [{ swagger: '2.0' }]])('%j goes to the validator', (spec) => {
    expect(precheck(spec)).toBeNull();
  });
});
