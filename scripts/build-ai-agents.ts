// Builds probes/data/ai-agents.json from ai.robots.txt's robots.json (github.com/ai-robots-txt/ai.robots.txt):
// one entry per AI user agent with a normalised `purpose` derived from the source's free-text
// `function` field by the keyword rules below, plus a small override table for agents whose text
// misleads. Pure `buildAiAgents(sourceJson)`; run as a CLI to regenerate the data file:
//   node dist/scripts/build-ai-agents.js <robots.json> <out.json> [<source commit>]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ParseError } from '../src/errors.js';
import type { AgentPurpose } from '../src/contract/index.js';
import { AGENT_PURPOSES, type AiAgent, type AiAgentsFile } from '../src/robots/ai-agents.js';

/** The ai.robots.txt snapshot in test/fixtures/ai-robots-txt (see its SOURCES.md). */
export const DEFAULT_SOURCE: AiAgentsFile['source'] = {
  repository: 'https://github.com/ai-robots-txt/ai.robots.txt',
  path: 'robots.json',
  commit: '738c80df2169027ce0e07c9976fd3f2f57dd8f7b',
  licence: 'MIT',
};

/**
 * Keyword rules over the `function` text, tried in order; the first that matches decides.
 * - "user": fetches made because a person asked an assistant or agent right now (ai.robots.txt's
 *   "AI Assistants", "AI Agents", "AI Coding Agents" categories, or text about user prompts/queries).
 * - "search": crawling to build an AI search index or answer engine.
 * - "training": collecting data for model training (LLM, machine learning, datasets, ai.robots.txt's
 *   "AI Data Scrapers" category).
 * - "other": everything else (ai.robots.txt's "AI Data Providers" and "Undocumented AI Agents",
 *   data resellers, vague or missing text).
 */
export const PURPOSE_RULES: ReadonlyArray<{ purpose: AgentPurpose; pattern: RegExp; why: string }> = [
  { purpose: 'other', pattern: /\bundocumented\b/i, why: '"Undocumented AI Agents": nothing is known of their purpose' },
  {
    purpose: 'user',
    pattern: /^AI (assistants?|agents|coding agents)\.?$|user[- ]initiated|user prompts?|prompted by (a )?users?|user quer(y|ies)|on behalf of (its )?users/i,
    why: 'assistant/agent categories, or fetching because a user asked',
  },
  { purpose: 'search', pattern: /\bsearch\b/i, why: 'mentions search (AI search crawlers, search result generation), not "research"' },
  {
    purpose: 'training',
    pattern: /\btrain(s|ing|ed)?\b|\bLLMs?\b|language models?|machine learning|\bdatasets?\b|AI development|^AI data scrapers?\.?$/i,
    why: 'mentions training, LLMs, machine learning, datasets, or the "AI Data Scrapers" category',
  },
];

/** Agents whose `function` text gives the wrong (or no) answer, with the operator's own word. */
export const PURPOSE_OVERRIDES: Readonly<Record<string, { purpose: AgentPurpose; why: string }>> = {
  Amazonbot: { purpose: 'training', why: 'Amazon documents that Amazonbot data may be used to train Amazon AI models; the text only mentions Alexa answers' },
  'Applebot-Extended': { purpose: 'training', why: "Apple documents Applebot-Extended as the opt-out token for training Apple's foundation models" },
  Bravebot: { purpose: 'search', why: "Brave Search's own crawler; the text only gives the ai.robots.txt category" },
  'iaskspider/2.0': { purpose: 'search', why: 'crawls sites for the iAsk AI search engine rather than per user request' },
  'meta-webindexer': { purpose: 'search', why: 'Meta documents it as the crawler that improves Meta AI search results' },
};

/** Decides an agent's purpose: override table first, then PURPOSE_RULES, else 'other'. */
export function purposeOf(agent: string, functionText: string): AgentPurpose {
  const override = PURPOSE_OVERRIDES[agent];
  if (override) return override.purpose;
  const text = functionText.trim();
  return PURPOSE_RULES.find((r) => r.pattern.test(text))?.purpose ?? 'other';
}

const UNCLEAR = /^(unclear at this time\.?|unknown\.?|no information( provided)?\.?)$/i;

/** "[OpenAI](https://openai.com)" → "OpenAI"; "Unclear at this time." → null. */
export function plainOperator(operator: string): string | null {
  const text = operator.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
  return text === '' || UNCLEAR.test(text) ? null : text;
}

interface SourceEntry {
  operator: string;
  respect: string;
  function: string;
  frequency: string;
  description: string;
}

function readSource(sourceJson: unknown): Array<[string, SourceEntry]> {
  if (typeof sourceJson !== 'object' || sourceJson === null || Array.isArray(sourceJson)) {
    throw new ParseError('ai.robots.txt robots.json', 'expected an object keyed by user-agent name');
  }
  return Object.entries(sourceJson).map(([agent, entry]) => {
    const e = entry as Partial<Record<keyof SourceEntry, unknown>> | null;
    for (const field of ['operator', 'respect', 'function', 'description'] as const) {
      if (typeof e?.[field] !== 'string') {
        throw new ParseError('ai.robots.txt robots.json', `agent "${agent}" has no string "${field}"`, { agent, field });
      }
    }
    return [agent, e as SourceEntry];
  });
}

/** Pure: ai.robots.txt robots.json (parsed) → the ai-agents.json content, in source order. */
export function buildAiAgents(sourceJson: unknown, source: AiAgentsFile['source'] = DEFAULT_SOURCE): AiAgentsFile {
  const agents = readSource(sourceJson).map(([agent, e]): AiAgent => ({
    agent,
    operator: plainOperator(e.operator),
    purpose: purposeOf(agent, e.function),
    function: e.function,
    respectsRobots: e.respect,
    description: e.description,
  }));
  return {
    source,
    purposeRules: [
      ...Object.entries(PURPOSE_OVERRIDES).map(([agent, o]) => `override ${agent} → ${o.purpose}: ${o.why}`),
      ...PURPOSE_RULES.map((r) => `function text ${r.pattern} → ${r.purpose}: ${r.why}`),
      'otherwise → other',
    ],
    agents,
  };
}

/** Serialises the data file the way it is committed (2-space JSON, final newline). */
export function serializeAiAgents(file: AiAgentsFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

function main(argv: string[]): number {
  const [sourcePath, outPath, commit] = argv;
  if (!sourcePath || !outPath) {
    process.stderr.write('usage: node dist/scripts/build-ai-agents.js <robots.json> <out.json> [<source commit>]\n');
    return 2;
  }
  const source = JSON.parse(readFileSync(sourcePath, 'utf8')) as unknown;
  const file = buildAiAgents(source, commit ? { ...DEFAULT_SOURCE, commit } : DEFAULT_SOURCE);
  writeFileSync(outPath, serializeAiAgents(file));
  const counts = AGENT_PURPOSES.map((p) => `${p} ${file.agents.filter((a) => a.purpose === p).length}`).join(', ');
  process.stdout.write(`wrote ${file.agents.length} agents to ${outPath} (${counts})\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
