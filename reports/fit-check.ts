// The "human vs agent" view of the fit-check, shared by the Markdown and HTML renderers: how many
// buyer questions a person clicking through the portal can answer, how many an AI agent can reach,
// and which questions only the human gets to. Pure.
import type { FitCheckEntry } from '../src/contract/index.js';

export interface FitCheckCounts {
  total: number;
  /** The answer was found on the portal (by any route). */
  answerable: number;
  /** A human reaches the answer by clicking, without signing in. */
  humanOpen: number;
  /** A human reaches it, but only behind a login. */
  humanGated: number;
  /** An AI agent can fetch the pages holding the answer. */
  agentReachable: number;
  /** Questions a human answers openly and an agent cannot reach: the gap this table is for. */
  agentGap: number;
}

/** True when a human finds the answer by clicking, with no login. */
export function humanOpen(q: FitCheckEntry): boolean {
  return q.human.clickDepth !== null && q.human.gated !== true;
}

/** True when the human gets to the answer and the agent does not. */
export function agentGap(q: FitCheckEntry): boolean {
  return humanOpen(q) && !q.agent.reachable;
}

export function fitCheckCounts(entries: readonly FitCheckEntry[]): FitCheckCounts {
  return {
    total: entries.length,
    answerable: entries.filter((q) => q.answerable).length,
    humanOpen: entries.filter(humanOpen).length,
    humanGated: entries.filter((q) => q.human.clickDepth !== null && q.human.gated === true).length,
    agentReachable: entries.filter((q) => q.agent.reachable).length,
    agentGap: entries.filter(agentGap).length,
  };
}

/** One sentence: "Humans reach 2 of 3 answers without a login (1 more behind one); agents reach 1 of 3." */
export function fitCheckSentence(c: FitCheckCounts): string {
  const gated = c.humanGated > 0 ? ` (${c.humanGated} more behind one)` : '';
  const gap = c.agentGap > 0 ? ` ${c.agentGap} answer${c.agentGap === 1 ? '' : 's'} a human finds openly ${c.agentGap === 1 ? 'is' : 'are'} out of an agent's reach.` : '';
  return `Humans reach ${c.humanOpen} of ${c.total} answers without a login${gated}; agents reach ${c.agentReachable} of ${c.total}.${gap}`;
}
