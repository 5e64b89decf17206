// Tells a WAF / bot-management block or challenge (Cloudflare, Akamai, Imperva, DataDome, HUMAN,
// AWS WAF, F5, Sucuri, CAPTCHAs …) from a real authorisation wall. A bot block says nothing about
// whether the content is public — the remedy is the WAF's bot policy, not publishing the page — so
// it is reported apart from login walls. Signatures are data (probes/gating/data/gating-bot-signatures.json).
// Pure.
import type { CompiledBotSignature, GatingRules } from './rules.js';

/** Only the start of a body is searched: block pages are small and bodies can be huge. */
export const BOT_SCAN_CHARS = 64 * 1024;

export interface BotBlockInput {
  status: number;
  headers: Record<string, string>;
  html: string;
  title: string | null;
  visibleText: string;
  /** Whether the page shows a real sign-in (WWW-Authenticate, password form, sign-in link or wording); asked only when a weak signature matches. */
  looksLikeSignIn: () => boolean;
}

export interface BotBlockMatch {
  id: string;
  vendor: string | null;
}

function matches(sig: CompiledBotSignature, input: BotBlockInput, body: string): boolean {
  if (sig.statuses && !sig.statuses.has(input.status)) return false;
  for (const [name, pattern] of sig.headers) {
    const value = input.headers[name];
    if (value === undefined) return false;
    if (pattern && !pattern.test(value)) return false;
  }
  if (sig.body && !sig.body.test(body)) return false;
  return true;
}

/** The first signature the response matches, or null. Weak signatures yield to signs of a real sign-in. */
export function matchBotBlock(input: BotBlockInput, rules: GatingRules): BotBlockMatch | null {
  const body = `${input.title ?? ''}\n${input.html.slice(0, BOT_SCAN_CHARS)}\n${input.visibleText.slice(0, BOT_SCAN_CHARS)}`;
  let signIn: boolean | undefined;
  for (const sig of rules.botSignatures) {
    if (!matches(sig, input, body)) continue;
    if (sig.weak && (signIn ??= input.looksLikeSignIn())) continue;
    return { id: sig.id, vendor: sig.vendor };
  }
  return null;
}
