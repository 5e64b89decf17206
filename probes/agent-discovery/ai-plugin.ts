// The legacy OpenAI plugin manifest, /.well-known/ai-plugin.json (pre-standard; ChatGPT plugins were
// retired in 2024 but the file still tells agents where an OpenAPI document lives): schema_version,
// name_for_model, name_for_human, description_for_model, auth.type, api.type ("openapi") and api.url.
// Pure.
import { absoluteHttpUrl, parseJsonObject, str } from '../../src/formats/json.js';
import { isRecord } from '../../src/util/is-record.js';

/** Fields the manifest format required. */
const REQUIRED = ['schema_version', 'name_for_model', 'name_for_human', 'description_for_model', 'api.url'] as const;

export interface AiPlugin {
  schemaVersion: string | null;
  nameForModel: string | null;
  nameForHuman: string | null;
  apiType: string | null;
  /** The API description the manifest points to (absolute). */
  apiUrl: string | null;
  authType: string | null;
  missing: string[];
}

export type AiPluginParse = { ok: true; plugin: AiPlugin } | { ok: false; reason: string };

export function parseAiPlugin(text: string, baseUrl: string): AiPluginParse {
  const json = parseJsonObject(text);
  if (!json.ok) return { ok: false, reason: json.reason };
  const d = json.data;
  const api = isRecord(d.api) ? d.api : {};
  const auth = isRecord(d.auth) ? d.auth : {};
  const present: Record<(typeof REQUIRED)[number], boolean> = {
    schema_version: str(d.schema_version) !== null,
    name_for_model: str(d.name_for_model) !== null,
    name_for_human: str(d.name_for_human) !== null,
    description_for_model: str(d.description_for_model) !== null,
    'api.url': str(api.url) !== null,
  };
  return {
    ok: true,
    plugin: {
      schemaVersion: str(d.schema_version),
      nameForModel: str(d.name_for_model),
      nameForHuman: str(d.name_for_human),
      apiType: str(api.type),
      apiUrl: absoluteHttpUrl(str(api.url), baseUrl),
      authType: str(auth.type),
      missing: REQUIRED.filter((f) => !present[f]),
    },
  };
}
