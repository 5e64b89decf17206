// APIs.json (apisjson.org, specification 0.14–0.19): a machine-readable index of a provider's APIs
// at /apis.json — top-level `name`, `description`, `url`, `apis[]`; each API with `name`,
// `baseURL` (where it is called), `humanURL` (its docs) and `properties[]` of `{type, url}`
// (Swagger/OpenAPI, pricing, terms…). RFC 9727 Appendix A.3 lists it as another catalog format.
// One parser for the format: the agent-discovery probe reports on the file, the openapi probe takes
// the spec URLs of its Swagger / OpenAPI properties. Pure.
import { absoluteHttpUrl, parseJsonObject, str } from './json.js';
import { httpUrl } from '../util/url.js';
import { capIssues } from './api-catalog.js';
import type { ApisJsonApi } from '../contract/index.js';
import { isRecord } from '../util/is-record.js';

const TEXT = {
  noApis: 'no "apis" array',
  noName: 'no top-level "name"',
  noDescription: 'no top-level "description"',
  noUrl: 'no top-level "url" (where this file lives)',
  apiNoName: (i: number) => `apis[${i}] has no "name"`,
  apiNoUrl: (i: number) => `apis[${i}] has neither "baseURL" nor "humanURL"`,
} as const;

const MAX_APIS = 1000;
/** Property types that name a machine-readable API definition (any case, `x-` prefixed too). */
const SPEC_PROPERTY = /^(x-)?(swagger|open-?api|oas)\b/i;
const MAX_APIS_KEPT = 50;

export interface ApisJsonParse {
  parsed: boolean;
  /** Parsed with a name and an apis array (the fields every consumer needs). */
  valid: boolean;
  name: string | null;
  specificationVersion: string | null;
  apiCount: number;
  apis: ApisJsonApi[];
  errors: string[];
  warnings: string[];
  /** URLs of Swagger / OpenAPI properties over every API read (absolute, no fragment, deduplicated). */
  specUrls: string[];
}

export function parseApisJson(text: string, baseUrl: string): ApisJsonParse {
  const result: ApisJsonParse = { parsed: false, valid: false, name: null, specificationVersion: null, apiCount: 0, apis: [], specUrls: [], errors: [], warnings: [] };
  const json = parseJsonObject(text);
  if (!json.ok) {
    result.errors.push(json.reason);
    return result;
  }
  const data = json.data;
  result.name = str(data.name);
  result.specificationVersion = str(data.specificationVersion) ?? (typeof data.specificationVersion === 'number' ? String(data.specificationVersion) : null);
  if (!result.name) result.errors.push(TEXT.noName);
  if (!str(data.description)) result.warnings.push(TEXT.noDescription);
  if (!str(data.url)) result.warnings.push(TEXT.noUrl);
  if (!Array.isArray(data.apis)) {
    result.errors.push(TEXT.noApis);
    return result;
  }
  result.parsed = true;
  data.apis.slice(0, MAX_APIS).forEach((api, i) => {
    if (!isRecord(api)) return;
    result.apiCount++;
    const entry: ApisJsonApi = {
      name: str(api.name),
      baseURL: absoluteHttpUrl(str(api.baseURL), baseUrl),
      humanURL: absoluteHttpUrl(str(api.humanURL), baseUrl),
      propertyTypes: (Array.isArray(api.properties) ? api.properties : []).flatMap((p) => (isRecord(p) && str(p.type) ? [str(p.type)!] : [])).slice(0, 20),
    };
    for (const p of Array.isArray(api.properties) ? api.properties : []) {
      if (!isRecord(p) || typeof p.type !== 'string' || typeof p.url !== 'string' || !SPEC_PROPERTY.test(p.type.trim())) continue;
      const url = httpUrl(p.url.trim(), baseUrl);
      if (url && !result.specUrls.includes(url)) result.specUrls.push(url);
    }
    if (!entry.name) result.warnings.push(TEXT.apiNoName(i));
    if (!entry.baseURL && !entry.humanURL) result.warnings.push(TEXT.apiNoUrl(i));
    if (result.apis.length < MAX_APIS_KEPT) result.apis.push(entry);
  });
  result.valid = result.errors.length === 0;
  result.errors = capIssues(result.errors);
  result.warnings = capIssues(result.warnings);
  return result;
}
