// Vets an audit target at submit time, so a bad one gets a 400 at once instead of a failed job
// later: http(s) only, and — unless the server allows private targets — a host that resolves only
// to public addresses (classifyAddress via resolveAndVet). The fetch layer checks again at
// connect time, so a DNS answer that changes after this check is still refused.
import { parseTargetUrl } from '../audit/run-audit.js';
import { UsageError } from '../errors.js';
import { bareHost, resolveAndVet } from '../fetch/address-guard.js';
import type { HostResolver } from '../fetch/types.js';

export const MAX_URL_LENGTH = 2048;
const DNS_TIMEOUT_MS = 5_000;

export interface TargetCheck {
  allowPrivate: boolean;
  /** @default node:dns lookup */
  lookup?: HostResolver;
}

/** @returns the normalised URL. @throws InvalidUrlError, UnsupportedSchemeError, BlockedAddressError, DnsError */
export async function vetTarget(input: string, check: TargetCheck): Promise<URL> {
  const url = parseTargetUrl(input);
  if (url.username || url.password) throw new UsageError('Audit URLs must not contain credentials', { url: url.origin });
  if (!check.allowPrivate) {
    await resolveAndVet(bareHost(url.hostname), url.origin, { allowPrivate: false, connectTimeoutMs: DNS_TIMEOUT_MS, lookup: check.lookup });
  }
  return url;
}
