// The answer format asked of the LLM (OpenAI structured outputs, response_format json_schema with
// strict: true) and a tolerant reader for what comes back: servers without json_schema support
// answer in json_object mode or in plain text, sometimes inside a ```json fence or with prose
// around the object. Whatever the route, the object is validated field by field; anything else is
// "malformed" (null).
import type { AnswerDraft } from '../types.js';

export const ANSWER_SCHEMA_NAME = 'fit_check_answer';

/** JSON Schema for strict structured output (every property required, no extras). */
export const ANSWER_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['answerable', 'answer', 'confidence', 'citations'],
  properties: {
    answerable: { type: 'boolean' },
    answer: { type: 'string' },
    confidence: { type: 'number' },
    citations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url', 'quote'],
        properties: { url: { type: 'string' }, quote: { type: 'string' } },
      },
    },
  },
} as const;

/** Citations kept per answer; a model that lists dozens is padding. */
const MAX_CITATIONS = 8;
const MAX_QUOTE_CHARS = 2_000;
const MAX_ANSWER_CHARS = 4_000;

/** The first balanced {...} object in text (strings and escapes respected), or null. */
export function extractJsonObject(text: string): string | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}

/** Validates a parsed object; null when it is not an answer. */
export function toDraft(value: unknown): AnswerDraft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.answerable !== 'boolean') return null;
  const answer = typeof v.answer === 'string' ? v.answer : v.answer === null || v.answer === undefined ? '' : null;
  if (answer === null) return null;
  const confidence = typeof v.confidence === 'number' && Number.isFinite(v.confidence) ? Math.min(1, Math.max(0, v.confidence)) : null;
  if (confidence === null) return null;
  const raw = v.citations ?? [];
  if (!Array.isArray(raw)) return null;
  const citations = [];
  for (const c of raw.slice(0, MAX_CITATIONS)) {
    if (typeof c !== 'object' || c === null) return null;
    const { url, quote } = c as Record<string, unknown>;
    if (typeof url !== 'string' || typeof quote !== 'string') return null;
    citations.push({ url: url.trim(), quote: quote.slice(0, MAX_QUOTE_CHARS) });
  }
  return { answerable: v.answerable, answer: answer.slice(0, MAX_ANSWER_CHARS), confidence, citations };
}

/** Reads the model's message content into a draft; null when malformed. */
export function parseAnswer(content: string | null | undefined): AnswerDraft | null {
  if (!content) return null;
  const attempts = [content.trim(), extractJsonObject(content)];
  for (const text of attempts) {
    if (!text) continue;
    try {
      const draft = toDraft(JSON.parse(text));
      if (draft) return draft;
    } catch {
      // Try the next reading.
    }
  }
  return null;
}
