// Content-Signal lines (contentsignals.org) read from robots.txt through the robots parser.
import { describe, expect, it } from 'vitest';
import { contentSignalsFrom, parseSignalValue } from '../../../probes/agent-discovery/content-signal.js';

describe('parseSignalValue', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['search=yes, ai-train=no', { search: 'yes', 'ai-train': 'no' }, []],
    ['search=yes,ai-input=yes,ai-train=no', { search: 'yes', 'ai-input': 'yes', 'ai-train': 'no' }, []],
    ['Search=YES', { search: 'yes' }, []],
    ['ai-train=maybe, foo=yes, junk', { 'ai-train': 'maybe', foo: 'yes' }, ['ai-train=maybe', 'foo=yes', 'junk']],
    ['', {}, []],
  ])('%j', (value, signals, unknown) => {
    expect(parseSignalValue(value)).toEqual({ signals, unknown });
  });
});

describe('contentSignalsFrom', () => {
  it('gives one entry per agent of the group, and * for a line outside any group', () => {
    const robots = [
      'Content-Signal: search=yes',
      '',
      'User-agent: *',
      'Content-Signal: search=yes, ai-train=no',
      'Allow: /',
      '',
      'User-agent: GPTBot',
      'User-agent: ClaudeBot',
      'Content-Signal: ai-input=yes',
      'Disallow: /private/',
    ].join('\n');
    expect(contentSignalsFrom(robots)).toEqual([
      { agent: '*', value: 'search=yes', signals: { search: 'yes' }, line: 1, unknown: [] },
      { agent: '*', value: 'search=yes, ai-train=no', signals: { search: 'yes', 'ai-train': 'no' }, line: 4, unknown: [] },
      { agent: 'GPTBot', value: 'ai-input=yes', signals: { 'ai-input': 'yes' }, line: 9, unknown: [] },
      { agent: 'ClaudeBot', value: 'ai-input=yes', signals: { 'ai-input': 'yes' }, line: 9, unknown: [] },
    ]);
  });

  it('finds none in a file without the line', () => {
    expect(contentSignalsFrom('User-agent: *\nDisallow:\n')).toEqual([]);
  });
});
