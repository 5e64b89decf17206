import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnswerer } from '../../../src/fitcheck/answerers/index.js';
import { cacheKey, createFileCache } from '../../../src/fitcheck/answerers/cache.js';
import { UsageError } from '../../../src/errors.js';

describe('createAnswerer', () => {
  it.each([
    [{}, {}, 'retrieval-only'],
    [{}, { PORTALPROBE_MODEL: 'gpt-4.1-mini' }, 'retrieval-only'],
    [{}, { PORTALPROBE_MODEL: 'gpt-4.1-mini', OPENAI_API_KEY: 'sk-x' }, 'llm:gpt-4.1-mini'],
    [{}, { PORTALPROBE_MODEL: 'llama3.1', OPENAI_BASE_URL: 'http://localhost:11434/v1' }, 'llm:llama3.1'],
    [{ answerer: 'retrieval' }, { PORTALPROBE_MODEL: 'm', OPENAI_API_KEY: 'k' }, 'retrieval-only'],
    [{ answerer: 'llm', model: 'qwen2.5', baseURL: 'http://127.0.0.1:8000/v1' }, {}, 'llm:qwen2.5'],
  ])('%j with env %j → %s', (config, env, id) => {
    expect(createAnswerer({ ...config, env, cacheDir: false }).id).toBe(id);
  });

  it('refuses --answerer llm without a model, and an unknown answerer', () => {
    expect(() => createAnswerer({ answerer: 'llm', env: {} })).toThrow(UsageError);
    expect(() => createAnswerer({ answerer: 'oracle', env: {} })).toThrow(/Unknown answerer/);
  });
});

describe('answer cache', () => {
  const key = (over: Partial<Parameters<typeof cacheKey>[0]> = {}) => cacheKey({
    question: { id: 'q', text: 'Q?', answer: { criteria: 'c', patterns: [], exclude: [], context: [] } },
    chunks: [{ url: 'u', heading: 'h', text: 't' }], model: 'm', promptVersion: 'p@1', ...over,
  });

  it('keys on question, page text, model and prompt version', () => {
    expect(key()).toBe(key());
    expect(key({ model: 'm2' })).not.toBe(key());
    expect(key({ promptVersion: 'p@2' })).not.toBe(key());
    expect(key({ chunks: [{ url: 'u', heading: 'h', text: 't!' }] })).not.toBe(key());
    expect(key({ question: { id: 'q', text: 'Q2?', answer: { criteria: 'c', patterns: [], exclude: [], context: [] } } })).not.toBe(key());
  });

  it('stores, reads back, and treats a corrupt file as a miss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-cache-'));
    const cache = createFileCache(dir);
    const draft = { answerable: true, answer: 'a', confidence: 0.5, citations: [{ url: 'u', quote: 'q' }] };
    await cache.set('k1', { questionId: 'q', model: 'm', promptVersion: 'p' }, draft);
    expect(await cache.get('k1')).toEqual(draft);
    expect(readdirSync(join(dir, 'fitcheck'))).toEqual(['k1.json']);
    writeFileSync(join(dir, 'fitcheck', 'k2.json'), '{ not json');
    expect(await cache.get('k2')).toBeNull();
    writeFileSync(join(dir, 'fitcheck', 'k3.json'), JSON.stringify({ format: 1, key: 'other', draft }));
    expect(await cache.get('k3')).toBeNull();
    expect(await cache.get('missing')).toBeNull();
  });
});
