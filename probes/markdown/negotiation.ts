// Markdown for agents, by content negotiation: the same URL answers `Accept: text/markdown` with
// the page's Markdown (RFC 7763 registers text/markdown; RFC 9110 §12 is content negotiation).
// A server that negotiates must say so with `Vary: Accept` (RFC 9110 §12.5.5), or shared caches may
// hand the Markdown to browsers and the HTML to agents. Pure judges of one response each.
import { isHtmlAnswer, isOk, robotsBlocked } from '../../src/audit/resource.js';
import type { NegotiationOutcome, Resource } from '../../src/contract/index.js';

/** The Accept header an agent sends for Markdown. */
export const MARKDOWN_ACCEPT = 'text/markdown';

/** Media types that are Markdown (text/x-markdown is the unregistered name still in use). */
export const MARKDOWN_TYPES: ReadonlySet<string> = new Set(['text/markdown', 'text/x-markdown']);

export interface NegotiationResult {
  outcome: NegotiationOutcome;
  status: number;
  contentType: string;
  /** The response names Accept (or `*`) in Vary. */
  varyAccept: boolean;
  /** The Markdown body when outcome is 'markdown'. */
  markdown: string | null;
}

/** True when a Vary header value lists Accept or `*` (field names are case-insensitive). */
export function varyListsAccept(vary: string | undefined): boolean {
  if (!vary) return false;
  return vary.split(',').some((token) => {
    const name = token.trim().toLowerCase();
    return name === 'accept' || name === '*';
  });
}

/** Judges the answer to a request with `Accept: text/markdown`. */
export function classifyNegotiation(res: Resource): NegotiationResult {
  const base = { status: res.status, contentType: res.type, varyAccept: varyListsAccept(res.headers.vary), markdown: null };
  if (robotsBlocked(res)) return { ...base, outcome: 'robots' };
  if (!isOk(res)) return { ...base, outcome: 'failed' };
  if (MARKDOWN_TYPES.has(res.type)) {
    if (res.text.trim() === '') return { ...base, outcome: 'empty' };
    if (isHtmlAnswer({ type: '', text: res.text })) return { ...base, outcome: 'mislabelled-html' };
    return { ...base, outcome: 'markdown', markdown: res.text };
  }
  return { ...base, outcome: 'ignored' };
}
