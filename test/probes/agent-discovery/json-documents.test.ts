// The JSON discovery documents of agent discovery: MCP server cards (SEP-2127 and older shapes),
// the legacy ai-plugin.json and A2A agent cards.
import { describe, expect, it } from 'vitest';
import { parseAgentCard } from '../../../probes/agent-discovery/agent-card.js';
import { parseAiPlugin } from '../../../probes/agent-discovery/ai-plugin.js';
import { parseMcpCard } from '../../../probes/agent-discovery/mcp.js';

describe('parseMcpCard', () => {
  const CARD = 'https://books.example.com/.well-known/mcp/server-card.json';
  it.each<[string, object, object]>([
    ['SEP-2127 server card', {
      $schema: 'https://static.modelcontextprotocol.io/schemas/v1/server-card.schema.json', name: 'com.example.books/mcp', version: '1.2.0', title: 'Books',
      remotes: [{ type: 'streamable-http', url: 'https://books.example.com/mcp' }],
    }, { name: 'com.example.books/mcp', title: 'Books', version: '1.2.0', endpoint: 'https://books.example.com/mcp', transport: 'streamable-http', toolCount: null }],
    ['serverInfo + transport + tools', {
      serverInfo: { name: 'Acme', version: '0.3' }, transport: { type: 'sse', endpoint: '/mcp/sse' }, tools: [{ name: 'a' }, { name: 'b' }],
    }, { name: 'Acme', version: '0.3', endpoint: 'https://books.example.com/mcp/sse', transport: 'sse', toolCount: 2 }],
    ['client-config mcpServers map', { mcpServers: { acme: { type: 'http', url: 'https://mcp.acme.test/' } } }, { name: 'acme', endpoint: 'https://mcp.acme.test/', transport: 'http' }],
    ['capabilities.tools and a flat endpoint', { name: 'X', endpoint: 'https://x.test/mcp', capabilities: { tools: [{}, {}, {}] } }, { toolCount: 3, endpoint: 'https://x.test/mcp' }],
  ])('%s', (_name, doc, expected) => {
    const r = parseMcpCard(JSON.stringify(doc), CARD);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.card).toMatchObject(expected);
  });

  it('warns when a card names no endpoint, and refuses JSON that is no card', () => {
    const r = parseMcpCard('{"name": "X"}', CARD);
    expect(r.ok && r.warnings).toEqual(['names no endpoint to connect to (remotes[].url, transport.url or endpoint)']);
    expect(parseMcpCard('{"error": "not found"}', CARD)).toEqual({ ok: false, reason: 'names neither a server nor an endpoint' });
    expect(parseMcpCard('<html>', CARD).ok).toBe(false);
  });
});

describe('parseAiPlugin', () => {
  it('reads the manifest and lists missing required fields', () => {
    const full = parseAiPlugin(JSON.stringify({
      schema_version: 'v1', name_for_human: 'TODO List', name_for_model: 'todo', description_for_human: 'Manage your TODO list.',
      description_for_model: 'Plugin for managing a TODO list.', auth: { type: 'none' }, api: { type: 'openapi', url: '/openapi.yaml' },
      logo_url: 'https://example.com/logo.png', contact_email: 'support@example.com', legal_info_url: 'https://example.com/legal',
    }), 'https://example.com/.well-known/ai-plugin.json');
    expect(full).toEqual({ ok: true, plugin: { schemaVersion: 'v1', nameForModel: 'todo', nameForHuman: 'TODO List', apiType: 'openapi', apiUrl: 'https://example.com/openapi.yaml', authType: 'none', missing: [] } });
    const partial = parseAiPlugin('{"name_for_model": "x"}', 'https://example.com/');
    expect(partial.ok && partial.plugin.missing).toEqual(['schema_version', 'name_for_human', 'description_for_model', 'api.url']);
  });
});

describe('parseAgentCard', () => {
  it('reads name, endpoint and skills; refuses unrelated JSON', () => {
    expect(parseAgentCard(JSON.stringify({ name: 'Support agent', url: 'https://a.example.com/a2a', version: '1.0.0', skills: [{ id: 'refunds' }] }), 'https://a.example.com/.well-known/agent-card.json'))
      .toEqual({ ok: true, card: { name: 'Support agent', endpoint: 'https://a.example.com/a2a', version: '1.0.0', skillCount: 1 } });
    expect(parseAgentCard(JSON.stringify({ name: 'New', supportedInterfaces: [{ url: '/a2a/v1', protocolBinding: 'JSONRPC' }] }), 'https://a.example.com/x').ok && true).toBe(true);
    expect(parseAgentCard('{"status": "ok"}', 'https://a.example.com/x').ok).toBe(false);
  });
});
