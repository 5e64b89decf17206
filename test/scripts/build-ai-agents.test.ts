// Keeps probes/data/ai-agents.json in sync with its source (test/fixtures/ai-robots-txt/robots.json)
// and checks the purpose rules on agents whose purpose is well known.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildAiAgents,
  plainOperator,
  purposeOf,
  PURPOSE_OVERRIDES,
  serializeAiAgents,
} from '../../scripts/build-ai-agents.js';
import { parseAiAgentsFile } from '../../src/robots/ai-agents.js';
import { PortalProbeError } from '../../src/errors.js';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const sourceJson = JSON.parse(read('../fixtures/ai-robots-txt/robots.json')) as Record<string, { function: string }>;
const committed = read('../../probes/data/ai-agents.json');
const data = parseAiAgentsFile(JSON.parse(committed));

describe('probes/data/ai-agents.json', () => {
  it('is exactly what the generator builds from the source (regenerate with build-ai-agents.js)', () => {
    expect(committed).toBe(serializeAiAgents(buildAiAgents(sourceJson)));
  });

  it('holds every source agent, in source order', () => {
    expect(Object.keys(sourceJson)).toHaveLength(166);
    expect(data.agents.map((a) => a.agent)).toEqual(Object.keys(sourceJson));
  });

  it('keeps the original texts', () => {
    const gpt = data.agents.find((a) => a.agent === 'GPTBot');
    expect(gpt).toMatchObject({
      operator: 'OpenAI',
      function: sourceJson.GPTBot.function,
      respectsRobots: 'Yes',
    });
  });

  it.each([
    ['GPTBot', 'training'],
    ['OAI-SearchBot', 'search'],
    ['ChatGPT-User', 'user'],
    ['ClaudeBot', 'training'],
    ['Claude-User', 'user'],
    ['Claude-SearchBot', 'search'],
    ['PerplexityBot', 'search'],
    ['Perplexity-User', 'user'],
    ['Google-Extended', 'training'],
    ['CCBot', 'training'],
    ['Applebot-Extended', 'training'],
    ['MistralAI-User/1.0', 'user'],
    ['LAIONDownloader', 'training'], // "research" must not read as "search"
    ['Claude-Web', 'other'],
    ['omgili', 'other'],
  ])('%s is %s', (agent, purpose) => {
    expect(data.agents.find((a) => a.agent === agent)?.purpose).toBe(purpose);
  });

  it('uses every purpose', () => {
    const counts = new Map<string, number>();
    for (const a of data.agents) counts.set(a.purpose, (counts.get(a.purpose) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['other', 'search', 'training', 'user']);
  });

  it('has overrides only for agents that exist in the source', () => {
    for (const agent of Object.keys(PURPOSE_OVERRIDES)) expect(sourceJson).toHaveProperty([agent]);
  });
});

describe('purpose rules', () => {
  it.each([
    ['AI Assistants', 'user'],
    ['AI Coding Agents', 'user'],
    ['Undocumented AI Agents', 'other'],
    ['AI Search Crawlers', 'search'],
    ['AI Data Scrapers', 'training'],
    ['AI Data Providers', 'other'],
    ['Retrieves data to provide responses to user-initiated prompts.', 'user'],
    ['Scrapes data to train X.', 'training'],
    ['Data is sold.', 'other'],
  ])('%s → %s', (text, purpose) => {
    expect(purposeOf('SomeNewBot', text)).toBe(purpose);
  });

  it('cleans operators', () => {
    expect(plainOperator('[OpenAI](https://openai.com)')).toBe('OpenAI');
    expect(plainOperator('Unclear at this time.')).toBeNull();
  });

  it('rejects a malformed source with a stable error code', () => {
    expect(() => buildAiAgents([])).toThrow(PortalProbeError);
    expect(() => buildAiAgents({ Bot: { operator: 'x' } })).toThrow(/function|respect|description/);
  });
});
