// Builds the chat messages for one question: the system prompt, then the answer instructions with
// the retrieved page text as delimited, untrusted data. Each page is one <page url="…"> … </page>
// block; anything in the page text that could close or open a block (or fake a new one) is
// neutralised, so a page cannot step outside its block and pose as instructions (OWASP LLM01).
import { fillTemplate, type Prompts } from '../prompts.js';
import type { Persona, Question, RetrievedChunk } from '../types.js';

/** "<page", "</page", "< / page" in any case → "‹page" (a look-alike that closes nothing). */
export function neutralizeDelimiters(text: string): string {
  return text.replace(/<\s*(\/?)\s*page\b/gi, '‹$1page').replace(/<\s*\/?\s*(?:system|instructions?|assistant|user)\s*>/gi, (m) => m.replace('<', '‹'));
}

function attr(value: string): string {
  return neutralizeDelimiters(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/[\r\n]+/g, ' ');
}

/** Groups chunks by page (best page first) and renders the <page> blocks. */
export function renderPages(chunks: readonly RetrievedChunk[]): string {
  const byUrl = new Map<string, RetrievedChunk[]>();
  for (const c of chunks) byUrl.set(c.url, [...(byUrl.get(c.url) ?? []), c]);
  const blocks: string[] = [];
  for (const [url, list] of byUrl) {
    const title = list[0].title;
    const body = list
      .map((c) => (c.heading ? `## ${neutralizeDelimiters(c.heading)}\n${neutralizeDelimiters(c.text)}` : neutralizeDelimiters(c.text)))
      .join('\n\n');
    blocks.push(`<page url="${attr(url)}" title="${attr(title)}">\n${body}\n</page>`);
  }
  return blocks.length > 0 ? blocks.join('\n\n') : '(no page text matched this question)';
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export function buildMessages(prompts: Prompts, question: Question, chunks: readonly RetrievedChunk[], personas: readonly Persona[] = []): ChatMessage[] {
  const persona = personas.find((p) => p.id === question.persona)?.name ?? question.persona;
  return [
    { role: 'system', content: prompts.system.text },
    {
      role: 'user',
      content: fillTemplate(prompts.answer.text, {
        id: question.id,
        persona,
        question: question.text,
        criteria: question.answer.criteria,
        pages: renderPages(chunks),
      }),
    },
  ];
}
