// Content signals (pre-standard, contentsignals.org): a `Content-Signal: search=yes, ai-input=yes,
// ai-train=no` line in robots.txt states how the content may be used once fetched. The robots
// parser (src/robots) collects the lines with the group they sit in; this turns them into one
// entry per agent with the signals split out. Pure.
import { parseRobots } from '../../src/robots/parse.js';
import type { ContentSignal } from '../../src/contract/index.js';

/** The signals contentsignals.org defines; others are kept but noted. */
export const KNOWN_SIGNALS: readonly string[] = ['search', 'ai-input', 'ai-train'];

export function parseSignalValue(value: string): { signals: Record<string, string>; unknown: string[] } {
  const signals: Record<string, string> = {};
  const unknown: string[] = [];
  for (const part of value.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (!m) {
      if (part.trim()) unknown.push(part.trim());
      continue;
    }
    const name = m[1].toLowerCase();
    const v = m[2].toLowerCase();
    signals[name] = v;
    if (!KNOWN_SIGNALS.includes(name) || (v !== 'yes' && v !== 'no')) unknown.push(`${m[1]}=${m[2]}`);
  }
  return { signals, unknown };
}

/** Content-Signal entries of a robots.txt body. */
export function contentSignalsFrom(robotsTxt: string | Uint8Array): ContentSignal[] {
  const out: ContentSignal[] = [];
  for (const line of parseRobots(robotsTxt).contentSignals) {
    const { signals, unknown } = parseSignalValue(line.value);
    for (const agent of line.agents.length > 0 ? line.agents : ['*']) out.push({ agent, value: line.value, signals, line: line.line, unknown });
  }
  return out;
}
