// Answer cache for the LLM answerer: one JSON file per key in a cache folder (default
// .portalprobe-cache/fitcheck/, git-ignored), so re-auditing unchanged pages costs nothing. The
// key is a SHA-256 of (question id, question text, answer criteria, a hash of the retrieved chunks,
// model, prompt version): change any of them and the question is asked again. Only successful
// answers are stored, before verification (verification always runs on the current snapshot).
// Files are written to a temporary name and renamed, so a crash never leaves half a file; an
// unreadable or mismatching file is a miss, never an error.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AnswerDraft, Question, RetrievedChunk } from '../types.js';
import { toDraft } from './llm-output.js';

export const DEFAULT_CACHE_DIR = '.portalprobe-cache';
const SUBDIR = 'fitcheck';
const FORMAT = 1;

export interface CacheKeyInput {
  question: Pick<Question, 'id' | 'text' | 'answer'>;
  chunks: readonly Pick<RetrievedChunk, 'url' | 'heading' | 'text'>[];
  model: string;
  promptVersion: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Hash of the page text an answer was based on (URL, heading and text of each chunk, in order). */
export function contentHash(chunks: CacheKeyInput['chunks']): string {
  return sha256(JSON.stringify(chunks.map((c) => [c.url, c.heading, c.text])));
}

export function cacheKey(input: CacheKeyInput): string {
  return sha256(JSON.stringify({
    format: FORMAT,
    id: input.question.id,
    text: input.question.text,
    criteria: input.question.answer.criteria,
    content: contentHash(input.chunks),
    model: input.model,
    prompt: input.promptVersion,
  }));
}

interface CacheFile {
  format: number;
  key: string;
  questionId: string;
  model: string;
  promptVersion: string;
  createdAt: string;
  draft: AnswerDraft;
}

export interface AnswerCache {
  get(key: string): Promise<AnswerDraft | null>;
  set(key: string, meta: { questionId: string; model: string; promptVersion: string }, draft: AnswerDraft): Promise<void>;
  readonly dir: string;
}

export function createFileCache(dir: string = DEFAULT_CACHE_DIR): AnswerCache {
  const root = resolve(dir, SUBDIR);
  const file = (key: string) => join(root, `${key}.json`);
  return {
    dir: root,
    async get(key) {
      try {
        const parsed = JSON.parse(await readFile(file(key), 'utf8')) as Partial<CacheFile>;
        if (parsed.format !== FORMAT || parsed.key !== key) return null;
        return toDraft(parsed.draft);
      } catch {
        return null;
      }
    },
    async set(key, meta, draft) {
      const body: CacheFile = { format: FORMAT, key, ...meta, createdAt: new Date().toISOString(), draft };
      try {
        await mkdir(root, { recursive: true });
        const tmp = `${file(key)}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, JSON.stringify(body, null, 2));
        await rename(tmp, file(key));
      } catch {
        // A cache that cannot be written only costs a repeat question next time.
      }
    },
  };
}

/** An in-memory cache (tests, and runs with caching turned off but repeated questions). */
export function createMemoryCache(): AnswerCache {
  const map = new Map<string, AnswerDraft>();
  return {
    dir: ':memory:',
    async get(key) {
      return map.get(key) ?? null;
    },
    async set(key, _meta, draft) {
      map.set(key, draft);
    },
  };
}
