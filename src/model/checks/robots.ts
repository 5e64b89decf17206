// Named checks over the robots probe's facts (docs/ARCHITECTURE.md §3): aiAgents[] = { agent, operator,
// purpose, access, group } with purpose training|search|user|other, access all|partial|none (RFC 9309
// matching done by the probe) and group = the user-agent line of the robots.txt group that applied
// ('*' for the wildcard group, null when no group applies).
import type { Evidence } from '../../contract/index.js';
import { fill, MAX_NOTES, withUrl, type NamedCheck } from './common.js';

// User-facing strings.
const T = {
  noAgents: 'robots: no AI agents were evaluated (aiAgents missing or empty)',
  noSearchAgents: 'robots: no AI search or user agents were evaluated',
  noTrainingAgents: 'robots: no AI training crawlers were evaluated',
  noReaderAgents: 'robots: no AI search, user or other agents were evaluated',
  allSearchAllowed: 'robots: all {n} AI search and user agents may fetch the whole site ({agents})',
  agentAccess: 'robots: {agent} access {access} ({group})',
  trainingNamed: 'robots: training crawler {agent} is named in its own group (access {access})',
  noTrainingNamed: 'robots: no group names an AI training crawler; they fall under {fallback} ({n} evaluated)',
  noneBlocked: 'robots: none of the {n} AI search, user or other agents is shut out of the site',
  moreAgents: 'robots: … and {n} more agents',
} as const;

/** At most this many per-agent notes, so a long agent list cannot flood the report. */
const MAX_AGENT_NOTES = MAX_NOTES;

interface Agent {
  agent: string;
  purpose: string;
  access: string;
  group: string | null;
}

/** The well-formed entries of robots.aiAgents; undefined when the fact is not a list. */
function readAgents(robots: Record<string, unknown> | undefined): Agent[] | undefined {
  const list = robots?.aiAgents;
  if (!Array.isArray(list)) return undefined;
  const agents: Agent[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const a = item as Record<string, unknown>;
    if (typeof a.agent !== 'string' || typeof a.access !== 'string') continue;
    agents.push({
      agent: a.agent,
      purpose: typeof a.purpose === 'string' ? a.purpose : 'other',
      access: a.access,
      group: typeof a.group === 'string' && a.group.trim() !== '' ? a.group : null,
    });
  }
  return agents;
}

function groupLabel(group: string | null): string {
  return group === null ? 'no group applies' : `group ${group}`;
}

function agentNotes(agents: Agent[], url: string | undefined): Evidence[] {
  const notes: Evidence[] = agents.slice(0, MAX_AGENT_NOTES).map((a) => withUrl(
    fill(T.agentAccess, { agent: a.agent, access: a.access, group: groupLabel(a.group) }), url));
  if (agents.length > MAX_AGENT_NOTES) notes.push(withUrl(fill(T.moreAgents, { n: agents.length - MAX_AGENT_NOTES }), url));
  return notes;
}

function robotsUrl(robots: Record<string, unknown> | undefined): string | undefined {
  return typeof robots?.url === 'string' ? robots.url : undefined;
}

const isNamedGroup = (group: string | null): boolean => group !== null && group !== '*';

export const ROBOTS_CHECKS: Readonly<Record<string, NamedCheck>> = {
  /**
   * Answer engines and assistants can only cite what their crawlers may fetch. Score = share of
   * search/user agents with access `all`, a `partial` one counting half.
   */
  aiSearchAgentsAllowed: {
    uses: ['robots.aiAgents'],
    description: 'Share of AI search and user-triggered agents that robots.txt lets fetch the whole site.',
    run(facts) {
      const url = robotsUrl(facts.robots);
      const agents = readAgents(facts.robots);
      if (!agents) return { score: null, evidence: [{ note: T.noAgents }] };
      const relevant = agents.filter((a) => a.purpose === 'search' || a.purpose === 'user');
      if (relevant.length === 0) return { score: null, evidence: [withUrl(T.noSearchAgents, url)] };
      const credit = relevant.reduce((sum, a) => sum + (a.access === 'all' ? 1 : a.access === 'partial' ? 0.5 : 0), 0);
      const restricted = relevant.filter((a) => a.access !== 'all');
      const evidence = restricted.length === 0
        ? [withUrl(fill(T.allSearchAllowed, { n: relevant.length, agents: relevant.slice(0, MAX_AGENT_NOTES).map((a) => a.agent).join(', ') }), url)]
        : agentNotes(restricted, url);
      return { score: credit / relevant.length, evidence };
    },
  },

  /**
   * A deliberate training policy, whichever way it goes: at least one robots.txt group names an AI
   * training crawler (GPTBot, Google-Extended, CCBot …) rather than leaving it to the `*` group.
   */
  aiTrainingPolicyExplicit: {
    uses: ['robots.aiAgents'],
    description: 'robots.txt names at least one AI training crawler in its own group (allowing or refusing it).',
    run(facts) {
      const url = robotsUrl(facts.robots);
      const agents = readAgents(facts.robots);
      if (!agents) return { score: null, evidence: [{ note: T.noAgents }] };
      const training = agents.filter((a) => a.purpose === 'training');
      if (training.length === 0) return { score: null, evidence: [withUrl(T.noTrainingAgents, url)] };
      const named = training.filter((a) => isNamedGroup(a.group));
      if (named.length > 0) {
        return {
          score: 1,
          evidence: named.slice(0, MAX_AGENT_NOTES).map((a) => withUrl(fill(T.trainingNamed, { agent: a.agent, access: a.access }), url)),
        };
      }
      const fallback = training.some((a) => a.group === '*') ? 'the * group' : 'no group';
      return { score: 0, evidence: [withUrl(fill(T.noTrainingNamed, { n: training.length, fallback }), url)] };
    },
  },

  /**
   * No AI agent that serves readers (search, user-triggered or other) is refused the whole site.
   * Training crawlers are left out on purpose: refusing them is a legitimate choice. `partial`
   * access is not counted as blocked. Score = share of those agents not blocked.
   */
  noAgentBlockedFromDocs: {
    uses: ['robots.aiAgents'],
    description: 'No AI search, user or other agent is disallowed from the whole site (training crawlers excepted).',
    run(facts) {
      const url = robotsUrl(facts.robots);
      const agents = readAgents(facts.robots);
      if (!agents) return { score: null, evidence: [{ note: T.noAgents }] };
      const relevant = agents.filter((a) => a.purpose !== 'training');
      if (relevant.length === 0) return { score: null, evidence: [withUrl(T.noReaderAgents, url)] };
      const blocked = relevant.filter((a) => a.access === 'none');
      if (blocked.length === 0) return { score: 1, evidence: [withUrl(fill(T.noneBlocked, { n: relevant.length }), url)] };
      return { score: 1 - blocked.length / relevant.length, evidence: agentNotes(blocked, url) };
    },
  },
};
