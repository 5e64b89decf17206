// A2A agent card (pre-standard, Agent2Agent protocol): /.well-known/agent-card.json describes an
// agent a client can delegate to — name, description, url (the A2A endpoint; newer versions list
// supportedInterfaces[].url), version and skills[]. Read leniently. Pure.
import { absoluteHttpUrl, parseJsonObject, str } from '../../src/formats/json.js';
import { isRecord } from '../../src/util/is-record.js';

export interface AgentCard {
  name: string | null;
  endpoint: string | null;
  version: string | null;
  skillCount: number | null;
}

export type AgentCardParse = { ok: true; card: AgentCard } | { ok: false; reason: string };

export function parseAgentCard(text: string, baseUrl: string): AgentCardParse {
  const json = parseJsonObject(text);
  if (!json.ok) return { ok: false, reason: json.reason };
  const d = json.data;
  const iface = [d.supportedInterfaces, d.additionalInterfaces].flatMap((v) => (Array.isArray(v) ? v : [])).find(isRecord);
  const name = str(d.name);
  const endpoint = absoluteHttpUrl(str(d.url) ?? str(iface?.url), baseUrl);
  // Something that is neither named nor reachable is not an agent card (e.g. an unrelated JSON file).
  if (!name && !endpoint) return { ok: false, reason: 'no "name" and no "url"' };
  return { ok: true, card: { name, endpoint, version: str(d.version), skillCount: Array.isArray(d.skills) ? d.skills.length : null } };
}
