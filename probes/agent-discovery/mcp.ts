// MCP server discovery documents (pre-standard): /.well-known/mcp/server-card.json (SEP-2127 "MCP
// Server Cards": name, version, title, description, remotes[{type, url}]) and the older
// /.well-known/mcp.json shapes seen in the wild (serverInfo{name, version}, transport{type, url|endpoint},
// endpoint/url, tools[], or a client-style mcpServers map). Read leniently: the formats are still
// moving, so we record what an agent needs (a name and where to connect) and never fail the shape. Pure.
import { absoluteHttpUrl, parseJsonObject, str } from '../../src/formats/json.js';
import { isRecord } from '../../src/util/is-record.js';

export interface McpCard {
  name: string | null;
  title: string | null;
  version: string | null;
  /** Where to connect (absolute), null when the card names none. */
  endpoint: string | null;
  /** e.g. streamable-http, sse. */
  transport: string | null;
  /** Tools listed in the card, null when it lists none (newer cards leave tools to tools/list). */
  toolCount: number | null;
  schema: string | null;
}

export type McpCardParse = { ok: true; card: McpCard; warnings: string[] } | { ok: false; reason: string };

const TEXT = {
  noEndpoint: 'names no endpoint to connect to (remotes[].url, transport.url or endpoint)',
  noName: 'has no server name',
  notACard: 'names neither a server nor an endpoint',
} as const;

function firstRecord(value: unknown): Record<string, unknown> | null {
  if (Array.isArray(value)) return value.find(isRecord) ?? null;
  return isRecord(value) ? value : null;
}

export function parseMcpCard(text: string, baseUrl: string): McpCardParse {
  const json = parseJsonObject(text);
  if (!json.ok) return { ok: false, reason: json.reason };
  let data = json.data;
  // Client-config shape: { "mcpServers": { "<name>": { "url": …, "type": … } } }.
  let configName: string | null = null;
  if (isRecord(data.mcpServers)) {
    const [name, server] = Object.entries(data.mcpServers).find(([, v]) => isRecord(v)) ?? [];
    if (isRecord(server)) {
      configName = name ?? null;
      data = server;
    }
  }
  const info = isRecord(data.serverInfo) ? data.serverInfo : isRecord(data.server) ? data.server : {};
  const remote = firstRecord(data.remotes) ?? firstRecord(data.endpoints);
  const transport = isRecord(data.transport) ? data.transport : null;
  const endpointRaw = str(remote?.url) ?? str(transport?.url) ?? str(transport?.endpoint) ?? str(data.endpoint) ?? str(data.url)
    ?? (isRecord(data.endpoints) ? str(Object.values(data.endpoints).find((v) => typeof v === 'string')) : null);
  const tools = Array.isArray(data.tools) ? data.tools : isRecord(data.capabilities) && Array.isArray(data.capabilities.tools) ? data.capabilities.tools : null;
  const card: McpCard = {
    name: str(data.name) ?? str(info.name) ?? configName,
    title: str(data.title) ?? str(info.title),
    version: str(data.version) ?? str(info.version),
    endpoint: absoluteHttpUrl(endpointRaw, baseUrl),
    transport: str(remote?.type) ?? str(transport?.type) ?? (typeof data.transport === 'string' ? str(data.transport) : null) ?? str(data.type),
    toolCount: tools ? tools.length : null,
    schema: str(data.$schema),
  };
  // Neither a server nor an endpoint: some other JSON (an error object, an SPA's data), not a card.
  if (!card.endpoint && !card.name && !card.title) return { ok: false, reason: TEXT.notACard };
  const warnings: string[] = [];
  if (!card.endpoint) warnings.push(TEXT.noEndpoint);
  if (!card.name && !card.title) warnings.push(TEXT.noName);
  return { ok: true, card, warnings };
}
