// "The same site" for the probes that must tell the portal's own hosts (docs., api., auth., status.)
// from third parties: the registrable domain per the Public Suffix List (tldts), so bank.co.uk and
// other.co.uk are different sites. IP addresses and single-label names (localhost) are their own site.
import { getDomain } from 'tldts';

/** The registrable domain of a host name, or the host itself for IPs and names without one. */
export function siteOf(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
  return getDomain(h) ?? h;
}

/** True when two URLs are on the same site (false when either does not parse). */
export function isSameSite(a: string, b: string): boolean {
  try {
    return siteOf(new URL(a).hostname) === siteOf(new URL(b).hostname);
  } catch {
    return false;
  }
}
