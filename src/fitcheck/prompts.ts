// The LLM prompts, read from versioned files in prompts/ (docs/CONTRIBUTING.md, habit 5: never inline strings):
// prompts/system.md and prompts/answer-instructions.md, each with a small front matter block
// (id, version). The combined version ("system@1+answer-instructions@1") is part of the answer
// cache key, so editing a prompt and bumping its version invalidates cached answers. The report's
// appendix prints the texts (`loadPrompts().system.text`, `.answer.text`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../util/package-info.js';

export interface PromptFile {
  id: string;
  version: number;
  /** The body after the front matter. */
  text: string;
  path: string;
}

export interface Prompts {
  system: PromptFile;
  answer: PromptFile;
  /** "system@<v>+answer-instructions@<v>" */
  version: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function defaultPromptsDir(): string {
  return join(packageRoot(), 'prompts');
}

/** Parses a prompt file's front matter (`id: …`, `version: N`) and body. */
export function parsePromptFile(text: string, path: string): PromptFile {
  const m = FRONT_MATTER.exec(text);
  const fields = new Map<string, string>();
  for (const line of (m?.[1] ?? '').split(/\r?\n/)) {
    const kv = /^\s*([a-z]+)\s*:\s*(.+?)\s*$/i.exec(line);
    if (kv) fields.set(kv[1].toLowerCase(), kv[2]);
  }
  const id = fields.get('id');
  const version = Number(fields.get('version'));
  if (!m || !id || !Number.isInteger(version) || version < 1) {
    throw new UsageError(`Prompt file ${path} needs a front matter block with "id" and a positive integer "version"`, { path });
  }
  return { id, version, text: text.slice(m[0].length).trim(), path };
}

let cached: Prompts | undefined;

export function loadPrompts(dir?: string): Prompts {
  if (!dir && cached) return cached;
  const base = dir ?? defaultPromptsDir();
  const read = (name: string) => {
    const path = join(base, name);
    return parsePromptFile(readFileSync(path, 'utf8'), path);
  };
  const system = read('system.md');
  const answer = read('answer-instructions.md');
  const prompts = { system, answer, version: `${system.id}@${system.version}+${answer.id}@${answer.version}` };
  if (!dir) cached = prompts;
  return prompts;
}

/** Fills {{name}} placeholders; unknown placeholders are left as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-z]+)\s*\}\}/gi, (whole, name: string) => (name in values ? values[name] : whole));
}
