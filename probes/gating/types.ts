// Shapes of the gating analysis: why a page cannot be read anonymously (its gate), the evidence for
// it, and the key buyer/developer pages found on a portal. Pure data, shared by probes/gating/* and
// probes/gating/index.ts.
import type { Gate, GateEvidence, KeyKind } from '../../src/contract/index.js';

/** Gates that hide the whole page (a `partial` page is still readable; a bot block is no login). */
export const FULL_LOGIN_GATES: ReadonlySet<Gate> = new Set<Gate>([
  'status-401', 'status-403', 'login-redirect', 'login-form', 'registration-interstitial',
]);

/** How the page relates to the audit besides its gate. */
export type PageRole =
  /** An ordinary page. */
  | 'content'
  /** The portal's own sign-in or registration page (its URL is a login URL): not a wall itself. */
  | 'login-page'
  /** No HTTP response (network failure): nothing can be said. */
  | 'no-response'
  /** 404, 410, 5xx …: missing or broken, neither open nor gated. */
  | 'error-status';

export interface PageVerdict {
  url: string;
  finalUrl: string;
  gate: Gate;
  role: PageRole;
  evidence: GateEvidence;
}

export const KEY_KINDS: readonly KeyKind[] = ['docs', 'reference', 'pricing', 'sandbox', 'specs', 'gettingStarted', 'apiKeys'];

