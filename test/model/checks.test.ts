import { describe, expect, it } from 'vitest';
import { CHECKS, type CheckOutcome } from '../../src/model/checks.js';
import { agents } from './helpers.js';

const run = (name: string, robots: Record<string, unknown>): CheckOutcome => CHECKS[name].run({ robots });
const scoreOf = (o: CheckOutcome): number | null | 'notApplicable' => ('notApplicable' in o ? 'notApplicable' : o.score);

describe('aiSearchAgentsAllowed', () => {
  it.each([
    ['all search and user agents allowed', agents(['OAI-SearchBot', 'search', 'all'], ['ChatGPT-User', 'user', 'all'], ['GPTBot', 'training', 'none', 'GPTBot']), 1],
    ['one of two blocked', agents(['OAI-SearchBot', 'search', 'all'], ['PerplexityBot', 'search', 'none', 'PerplexityBot']), 0.5],
    ['partial counts half', agents(['OAI-SearchBot', 'search', 'partial'], ['ChatGPT-User', 'user', 'all']), 0.75],
    ['all blocked', agents(['OAI-SearchBot', 'search', 'none'], ['ChatGPT-User', 'user', 'none']), 0],
    ['training agents do not count', agents(['GPTBot', 'training', 'none'], ['Claude-SearchBot', 'search', 'all']), 1],
    ['no search or user agents: cannot tell', agents(['GPTBot', 'training', 'all']), null],
  ])('%s', (_name, list, expected) => {
    expect(scoreOf(run('aiSearchAgentsAllowed', { aiAgents: list }))).toBe(expected);
  });

  it('names the blocked agent and its group, with the robots url', () => {
    const out = run('aiSearchAgentsAllowed', {
      url: 'https://p.example/robots.txt',
      aiAgents: agents(['OAI-SearchBot', 'search', 'all'], ['PerplexityBot', 'search', 'none', 'PerplexityBot']),
    });
    expect(out.evidence).toEqual([{ url: 'https://p.example/robots.txt', note: 'robots: PerplexityBot access none (group PerplexityBot)' }]);
  });

  it('bounds the number of per-agent notes', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ agent: `Bot${i}`, purpose: 'search', access: 'none', group: '*' }));
    const out = run('aiSearchAgentsAllowed', { aiAgents: many });
    expect(out.evidence).toHaveLength(9);
    expect(out.evidence.at(-1)?.note).toBe('robots: … and 22 more agents');
  });

  it.each([undefined, 'nope', [null, 3, { agent: 1 }]])('malformed aiAgents %j never throws', (aiAgents) => {
    expect(() => run('aiSearchAgentsAllowed', { aiAgents })).not.toThrow();
    expect(scoreOf(run('aiSearchAgentsAllowed', { aiAgents }))).toBeNull();
  });
});

describe('aiTrainingPolicyExplicit', () => {
  it.each([
    ['a training agent refused in its own group', agents(['GPTBot', 'training', 'none', 'GPTBot']), 1],
    ['a training agent allowed in its own group', agents(['CCBot', 'training', 'all', 'CCBot']), 1],
    ['training agents only under *', agents(['GPTBot', 'training', 'all', '*'], ['CCBot', 'training', 'all', '*']), 0],
    ['no robots.txt (no group applies)', agents(['GPTBot', 'training', 'all', null]), 0],
    ['a named search group is not a training policy', agents(['OAI-SearchBot', 'search', 'all', 'OAI-SearchBot'], ['GPTBot', 'training', 'all', '*']), 0],
    ['no training agents evaluated', agents(['OAI-SearchBot', 'search', 'all']), null],
  ])('%s', (_name, list, expected) => {
    expect(scoreOf(run('aiTrainingPolicyExplicit', { aiAgents: list }))).toBe(expected);
  });

  it('says where training crawlers fall when none is named', () => {
    expect(run('aiTrainingPolicyExplicit', { aiAgents: agents(['GPTBot', 'training', 'all', '*'], ['CCBot', 'training', 'all', '*']) }).evidence)
      .toEqual([{ note: 'robots: no group names an AI training crawler; they fall under the * group (2 evaluated)' }]);
  });

  it('says which agent shows the policy', () => {
    expect(run('aiTrainingPolicyExplicit', { aiAgents: agents(['GPTBot', 'training', 'none', 'GPTBot']) }).evidence)
      .toEqual([{ note: 'robots: training crawler GPTBot is named in its own group (access none)' }]);
  });
});

describe('noAgentBlockedFromDocs', () => {
  it.each([
    ['nobody blocked', agents(['OAI-SearchBot', 'search', 'all'], ['Manus', 'other', 'partial']), 1],
    ['training blocks are a legitimate choice', agents(['GPTBot', 'training', 'none'], ['OAI-SearchBot', 'search', 'all']), 1],
    ['one of four blocked', agents(['A', 'search', 'all'], ['B', 'user', 'all'], ['C', 'other', 'all'], ['D', 'other', 'none']), 0.75],
    ['all blocked', agents(['A', 'search', 'none'], ['B', 'user', 'none']), 0],
    ['only training agents: cannot tell', agents(['GPTBot', 'training', 'none']), null],
  ])('%s', (_name, list, expected) => {
    expect(scoreOf(run('noAgentBlockedFromDocs', { aiAgents: list }))).toBe(expected);
  });
});
