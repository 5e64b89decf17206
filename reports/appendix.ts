// The report's appendix: the LLM prompts the fit-check used (system prompt and answer
// instructions, with their version), so a reader can see exactly what an answerer was told.
import type { Report } from '../src/contract/index.js';

export const APPENDIX_TITLE = 'Appendix: fit-check prompts';

export interface Prompts {
  version: string;
  system: string;
  answerInstructions: string;
}

/** The prompts stored in the report, or null when it has none (older reports, other tools). */
export function reportPrompts(report: Report): Prompts | null {
  const p = report.prompts as Partial<Prompts> | undefined;
  if (!p || typeof p.system !== 'string' || typeof p.answerInstructions !== 'string') return null;
  return { version: String(p.version ?? ''), system: p.system, answerInstructions: p.answerInstructions };
}

export function appendixNote(report: Report): string {
  return report.run.answerer === 'retrieval-only'
    ? 'No LLM was used in this audit; these are the prompts an LLM answerer would get.'
    : `These prompts were sent to ${report.run.answerer} with the retrieved page text.`;
}
