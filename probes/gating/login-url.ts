// Is a URL a login, SSO or registration page? Decided from the path (segments such as /login,
// /signin, /register, /sso; IdP paths such as Keycloak's /realms/<realm>/protocol/openid-connect/auth),
// the host (identity providers such as login.microsoftonline.com, *.okta.com, or a portal's own
// login.<domain>) and the query (an OAuth 2.0 authorization request carries redirect_uri, RFC 6749
// §4.1.1; a login page usually carries the page to return to). Patterns are data
// (probes/gating/data/login-patterns.json, compiled by rules.ts). Pure.
import type { GatingRules } from './rules.js';

export interface LoginUrlMatch {
  /** The URL without query and fragment: the login destination to report. */
  loginUrl: string;
  /** Human-readable rule, e.g. `path segment "login"`. */
  rule: string;
  /** True when the URL names a registration / sign-up page rather than a sign-in. */
  registration: boolean;
}

export interface LoginUrlOptions {
  /**
   * The URL the visitor asked for. A return parameter (`?next=`, `?returnUrl=` …) marks a login URL
   * only when its value points back to this URL: `/search?next=2` is not a login page.
   */
  requestedUrl?: string;
  /**
   * Only the sign-in / registration entries count (not bare /auth, /sso, /oauth segments): used to
   * decide whether a crawled page is the portal's own sign-in page, where /docs/auth must stay a doc.
   */
  entryOnly?: boolean;
}

function parse(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

/** The URL without query and fragment. */
export function withoutQuery(url: string): string {
  const u = parse(url);
  if (!u) return url;
  return `${u.origin}${u.pathname}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether a return-parameter value refers to the requested URL (its path, or the full URL). */
function pointsBackTo(value: string, requested: URL): boolean {
  const decoded = safeDecode(safeDecode(value));
  const target = parse(decoded, requested.origin);
  if (!target) return false;
  const strip = (p: string): string => p.replace(/\/+$/, '') || '/';
  return strip(target.pathname) === strip(requested.pathname) && (target.origin === requested.origin || decoded.startsWith('/'));
}

export function matchLoginUrl(url: string, rules: GatingRules, options: LoginUrlOptions = {}): LoginUrlMatch | null {
  const u = parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  const r = rules.login;
  const loginUrl = `${u.origin}${u.pathname}`;
  const path = safeDecode(u.pathname);
  const host = u.hostname.toLowerCase();
  const found = (rule: string, registration = false): LoginUrlMatch => ({ loginUrl, rule, registration });

  const entry = r.entrySegments.exec(path);
  if (entry) return found(`path segment "${entry[1].toLowerCase()}"`, r.registrationSegments.test(path));
  for (const h of r.hosts) if (h.test(host)) return found(`identity provider host ${h.pattern}`);
  if (options.entryOnly) return null;

  for (const { pattern, regex } of r.pathPatterns) if (regex.test(path)) return found(`identity provider path ${pattern}`);
  const any = r.allSegments.exec(path);
  if (any) return found(`path segment "${any[1].toLowerCase()}"`);
  const label = host.split('.')[0];
  // A portal's own login host (login.bank.example) — never an IP address or a bare name.
  if (host.includes('.') && !/^[0-9.]+$/.test(host) && !host.includes(':') && r.hostLabels.has(label)) return found(`login host "${label}."`);

  const params = [...u.searchParams.keys()].map((k) => k.toLowerCase());
  const oauth = params.find((k) => r.oauthParams.has(k));
  if (oauth) return found(`sign-in request parameter "${oauth}"`);
  const requested = options.requestedUrl ? parse(options.requestedUrl) : null;
  if (requested) {
    for (const [key, value] of u.searchParams) {
      if (r.returnParams.has(key.toLowerCase()) && pointsBackTo(value, requested)) {
        return found(`return parameter "${key}" pointing back to the requested page`);
      }
    }
  }
  return null;
}

/**
 * The first URL after the requested one in a redirect chain that is a login URL. `chain` is the
 * requested URL, every URL redirected through, then the final URL.
 */
export function loginInChain(chain: string[], rules: GatingRules): (LoginUrlMatch & { index: number }) | null {
  const requestedUrl = chain[0];
  for (let i = 1; i < chain.length; i++) {
    const match = matchLoginUrl(chain[i], rules, { requestedUrl });
    if (match) return { ...match, index: i };
  }
  return null;
}
