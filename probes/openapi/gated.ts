// Decides whether a spec URL is behind a login rather than missing: 401 / 407 (RFC 9110 §15.5.2,
// §15.5.8), a redirect that ends on a login or SSO page, a 403 at a URL the portal itself points
// to, or a login form served in place of the file. Pure.
import type { Strength } from './types.js';

/** Path segments of login / SSO pages. */
const LOGIN_PATH =
  /(^|\/)(log-?in|sign-?in|signon|sso|auth|oauth2?|authori[sz]e|saml2?|openid-connect|session|sessions|idp|cas|users\/sign_in|account\/login|u\/login)(\/|$|\.|\?|;)/i;
/** Hosts of login services (own subdomains and the big identity providers). */
const LOGIN_HOST = /^(login|signin|sso|auth|accounts?|id|idp|identity)\.|(^|\.)(okta|oktapreview|auth0|onelogin|pingidentity|pingone|microsoftonline|b2clogin|cognito)\.(com|net|io)$|^accounts\.google\.com$/i;
const PASSWORD_INPUT = /<input\b[^>]{0,500}?\btype\s*=\s*["']?password\b/i;

export interface GateInput {
  status: number;
  finalUrl: string;
  redirects: readonly string[];
  headers: Record<string, string>;
  /** The start of the body as text (only HTML bodies are looked at). */
  bodyStart: string;
}

export function isLoginUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return LOGIN_PATH.test(u.pathname) || LOGIN_HOST.test(u.hostname);
  } catch {
    return false;
  }
}

/**
 * Evidence that the URL needs a login, or null. A 403 only counts for URLs the portal points to
 * (or with WWW-Authenticate): many hosts (S3, CDNs, WAFs) answer 403 for any unknown path, so a
 * guessed /openapi.json answering 403 says nothing.
 */
export function gateEvidence(res: GateInput, strength: Strength): string | null {
  const auth = res.headers['www-authenticate'];
  const authNote = auth ? `; WWW-Authenticate: ${auth.slice(0, 120)}` : '';
  if (res.status === 401 || res.status === 407) return `HTTP ${res.status}${authNote}`;
  if (res.status === 403 && (strength !== 'guessed' || auth)) return `HTTP 403${authNote}`;
  if (res.redirects.length > 0 && isLoginUrl(res.finalUrl)) return `redirects to ${res.finalUrl}`;
  const html = /html/i.test(res.headers['content-type'] ?? '') || /^\s*</.test(res.bodyStart);
  if (res.status >= 200 && res.status < 300 && html && PASSWORD_INPUT.test(res.bodyStart)) {
    // A catch-all single-page app may show its login at every path: trust it only where the portal points.
    if (strength !== 'guessed' || res.redirects.length > 0) return `HTTP ${res.status} login form at ${res.finalUrl}`;
  }
  return null;
}
