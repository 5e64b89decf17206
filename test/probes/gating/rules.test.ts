// Tests for probes/gating/rules.ts: the shipped data files compile, and malformed data is refused with
// a ParseError that names every problem.
import { describe, expect, it } from 'vitest';
import { GATING_RULES } from '../../../probes/gating/index.js';
import botSignatures from '../../../probes/gating/data/gating-bot-signatures.json' with { type: 'json' };
import keyPages from '../../../probes/gating/data/gating-key-pages.json' with { type: 'json' };
import phrases from '../../../probes/gating/data/gating-phrases.json' with { type: 'json' };
import login from '../../../probes/gating/data/login-patterns.json' with { type: 'json' };
import { ParseError } from '../../../src/errors.js';
import { compileGatingRules } from '../../../probes/gating/rules.js';
import { KEY_KINDS } from '../../../probes/gating/types.js';

const good = { login, keyPages, phrases, botSignatures };

function problemsOf(files: Partial<typeof good> & Record<string, unknown>): string[] {
  try {
    compileGatingRules({ ...good, ...files });
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    expect((err as ParseError).code).toBe('PP_ERR_PARSE');
    return (err as ParseError).details.problems as string[];
  }
  return [];
}

describe('compileGatingRules', () => {
  it('compiles the shipped data', () => {
    expect(GATING_RULES.keyKinds.map((k) => k.kind)).toEqual(KEY_KINDS);
    expect(GATING_RULES.login.hosts.length).toBeGreaterThan(10);
    expect(GATING_RULES.botSignatures.map((s) => s.id)).toContain('cloudflare-challenge');
    expect(GATING_RULES.phrases.partial.every((re) => re.flags.includes('g'))).toBe(true);
    expect(GATING_RULES.keyKinds.find((k) => k.kind === 'apiKeys')?.severity).toBe('info');
    expect(GATING_RULES.keyKinds.find((k) => k.kind === 'docs')?.severity).toBe('error');
  });

  it.each([
    { name: 'bad regular expression', files: { phrases: { ...phrases, partial: ['(unclosed'] } }, problem: /partial\[0\] is not a valid regular expression/ },
    { name: 'missing list', files: { login: { ...login, hosts: undefined } }, problem: /hosts must be a list/ },
    { name: 'missing kind', files: { keyPages: { kinds: { ...keyPages.kinds, pricing: undefined } } }, problem: /kinds\.pricing is missing/ },
    { name: 'bad severity', files: { keyPages: { kinds: { ...keyPages.kinds, docs: { ...keyPages.kinds.docs, severity: 'fatal' } } } }, problem: /kinds\.docs\.severity/ },
    { name: 'signature without headers or body', files: { botSignatures: { signatures: [{ id: 'x', vendor: null }] } }, problem: /signatures\[0\] needs headers or body/ },
    { name: 'not an object', files: { phrases: 'nope' }, problem: /phrases must be an object/ },
  ])('refuses $name', ({ files, problem }) => {
    const problems = problemsOf(files as Record<string, unknown>);
    expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true);
  });
});
