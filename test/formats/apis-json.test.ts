// APIs.json (src/formats/apis-json.ts): the checks agent-discovery reports, and the spec URLs of
// Swagger / OpenAPI properties the openapi probe takes.
import { describe, expect, it } from 'vitest';
import { parseApisJson } from '../../src/formats/apis-json.js';

const BASE = 'https://api.example.com/apis.json';

describe('parseApisJson', () => {
  it('reads a 0.16-style file', () => {
    const r = parseApisJson(JSON.stringify({
      name: 'Example APIs', description: 'All our APIs', url: 'https://api.example.com/apis.json', specificationVersion: '0.16',
      apis: [
        { name: 'Payments', baseURL: 'https://api.example.com/v1', humanURL: '/docs/payments', properties: [{ type: 'OpenAPI', url: '/openapi.json' }, { type: 'x-pricing', url: '/pricing' }] },
        { name: 'Refunds', humanURL: 'https://api.example.com/docs/refunds' },
      ],
    }), BASE);
    expect(r).toMatchObject({ parsed: true, valid: true, name: 'Example APIs', specificationVersion: '0.16', apiCount: 2, errors: [], warnings: [] });
    expect(r.apis[0]).toEqual({ name: 'Payments', baseURL: 'https://api.example.com/v1', humanURL: 'https://api.example.com/docs/payments', propertyTypes: ['OpenAPI', 'x-pricing'] });
  });

  it.each<[string, string, object, string[]]>([
    ['not JSON', 'apis:', { parsed: false, valid: false }, ['not JSON']],
    ['no apis array', '{"name": "X"}', { parsed: false, name: 'X' }, ['no "apis" array']],
    ['no name', '{"apis": []}', { parsed: true, valid: false }, ['no top-level "name"']],
    ['API without URLs or name', '{"name": "X", "description": "d", "url": "u", "apis": [{}]}', { valid: true, apiCount: 1 }, []],
  ])('%s', (_name, text, expected, errors) => {
    const r = parseApisJson(text, BASE);
    expect(r).toMatchObject(expected);
    for (const e of errors) expect(r.errors.join(' | ')).toContain(e);
  });

  it('warns about an API without name or URLs', () => {
    expect(parseApisJson('{"name": "X", "description": "d", "url": "u", "apis": [{}]}', BASE).warnings).toEqual(['apis[0] has no "name"', 'apis[0] has neither "baseURL" nor "humanURL"']);
  });
});

describe('parseApisJson: spec URLs (what the openapi probe takes)', () => {
  it('takes Swagger / OpenAPI properties of every API', () => {
    const text = JSON.stringify({
      name: 'Acme',
      apis: [
        { name: 'Payments', properties: [{ type: 'Swagger', url: 'https://acme.io/payments/swagger.json' }, { type: 'x-postman-collection', url: 'https://acme.io/p.json' }] },
        { name: 'Orders', properties: [{ type: 'OpenAPI', url: '/orders/openapi.yaml' }, { type: 'x-openapi-spec', url: '/orders/openapi.yaml' }] },
        { name: 'Legacy' },
      ],
    });
    const r = parseApisJson(text, 'https://acme.io/apis.json');
    if (!r.parsed) throw new Error(r.errors[0]);
    expect({ name: r.name, apiCount: r.apiCount, specUrls: r.specUrls }).toEqual({ name: 'Acme', apiCount: 3, specUrls: ['https://acme.io/payments/swagger.json', 'https://acme.io/orders/openapi.yaml'] });
  });

  it('rejects a file without apis', () => {
    expect(parseApisJson('{"name":"x"}', 'https://acme.io/apis.json').parsed).toBe(false);
    expect(parseApisJson('{', 'https://acme.io/apis.json').parsed).toBe(false);
  });
});
