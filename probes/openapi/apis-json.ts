// Reads an APIs.json file (apisjson.org, spec 0.14–0.19): `apis[]`, each with `properties[]` of
// `{ type, url }`; a property typed Swagger / OpenAPI (any case, `x-` prefixed too) points to the
// API's spec. YAML variants exist (apis.yaml) but /apis.json is the registered location. Pure.
import { isRecord } from './load.js';
import { absoluteUrl } from './discover.js';

const TEXT = {
  notJson: (m: string) => `not JSON: ${m}`,
  noApis: 'no "apis" array',
} as const;

/** Property types that name a machine-readable API definition. */
const SPEC_PROPERTY = /^(x-)?(swagger|open-?api|oas)\b/i;
const MAX_APIS = 1000;

export interface ApisJson {
  name: string | null;
  apiCount: number;
  /** Spec URLs from Swagger/OpenAPI properties, absolute, deduplicated. */
  specUrls: string[];
}

export type ApisJsonParse = { ok: true; apisJson: ApisJson } | { ok: false; reason: string };

export function parseApisJson(text: string, baseUrl: string): ApisJsonParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, reason: TEXT.notJson(err instanceof Error ? err.message.split('\n', 1)[0] : String(err)) };
  }
  if (!isRecord(data) || !Array.isArray(data.apis)) return { ok: false, reason: TEXT.noApis };
  const specUrls = new Set<string>();
  const apis = data.apis.slice(0, MAX_APIS).filter(isRecord);
  for (const api of apis) {
    const properties = Array.isArray(api.properties) ? api.properties : [];
    for (const p of properties) {
      if (!isRecord(p) || typeof p.type !== 'string' || typeof p.url !== 'string') continue;
      if (!SPEC_PROPERTY.test(p.type.trim())) continue;
      const url = absoluteUrl(p.url, baseUrl);
      if (url) specUrls.add(url);
    }
  }
  return {
    ok: true,
    apisJson: { name: typeof data.name === 'string' ? data.name : null, apiCount: apis.length, specUrls: [...specUrls] },
  };
}
