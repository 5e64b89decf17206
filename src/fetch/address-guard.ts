// The SSRF guard. portalprobe fetches URLs that strangers type in (and that their redirects and
// llms.txt links point at), so it must never be a way into the machine it runs on or its network.
// Two layers:
//  1. checkUrl(): before any request, refuse non-http(s) schemes and literal IP hosts in blocked
//     ranges (the WHATWG URL parser has already normalised 2130706433, 0x7f.1, 0177.0.0.1 …).
//  2. createGuardedConnector(): the undici connector. It resolves the host itself, refuses blocked
//     addresses and dials exactly the address it checked — no second lookup, so no DNS-rebinding
//     gap between check and connect. Every redirect hop and every new connection passes through it.
// Ranges: IANA IPv4/IPv6 Special-Purpose Address Registries (RFC 6890) as encoded by ipaddr.js.
import { lookup as dnsLookup } from 'node:dns/promises';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { buildConnector } from 'undici';
import {
  BlockedAddressError,
  DnsError,
  FetchTimeoutError,
  InvalidUrlError,
  PortalProbeError,
  UnsupportedSchemeError,
} from '../errors.js';
import type { AddressClass, HostResolver, ResolvedAddress } from './types.js';

const ALLOWED: AddressClass = { blocked: false, range: 'unicast' };

/** Pure verdict on one IP address (v4 or v6, no brackets). Only globally routable unicast passes. */
export function classifyAddress(ip: string): AddressClass {
  if (!ipaddr.isValid(ip)) return { blocked: true, range: 'invalid' };
  const addr = ipaddr.parse(ip);
  return addr.kind() === 'ipv4' ? classifyV4(addr as ipaddr.IPv4) : classifyV6(addr as ipaddr.IPv6);
}

function classifyV4(addr: ipaddr.IPv4): AddressClass {
  const range = addr.range();
  return range === 'unicast' ? ALLOWED : { blocked: true, range };
}

function embedded(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/** An IPv6 range that carries an IPv4 address is judged by that IPv4 address. */
function viaV4(kind: string, v4: ipaddr.IPv4): AddressClass {
  const inner = classifyV4(v4);
  return inner.blocked ? { blocked: true, range: `${kind}(${inner.range})` } : ALLOWED;
}

function classifyV6(addr: ipaddr.IPv6): AddressClass {
  const p = addr.parts;
  const range = addr.range();
  switch (range) {
    case 'unicast':
      // ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291 §2.5.5.1), which ipaddr.js
      // calls unicast: some stacks still route it to the IPv4 address, so it is refused.
      if (p.slice(0, 6).every((x) => x === 0)) return { blocked: true, range: 'ipv4Compatible' };
      return ALLOWED;
    case 'ipv4Mapped': // ::ffff:a.b.c.d (RFC 4291 §2.5.5.2)
    case 'rfc6145': // ::ffff:0:a.b.c.d (RFC 6145)
      return viaV4(range, embedded(p[6], p[7]));
    case 'rfc6052': // 64:ff9b::a.b.c.d well-known NAT64 prefix; 64:ff9b:1::/48 is local-use
      return p[1] === 0xff9b && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0
        ? viaV4(range, embedded(p[6], p[7]))
        : { blocked: true, range };
    case '6to4': // 2002:AABB:CCDD::/48 (RFC 3056)
      return viaV4(range, embedded(p[1], p[2]));
    default:
      return { blocked: true, range };
  }
}

/** Strips the brackets WHATWG URL keeps around IPv6 hosts. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

export type Classifier = (address: string, hostname: string) => AddressClass;

const defaultClassifier: Classifier = (address) => classifyAddress(address);

/**
 * Parses and vets a URL before any request: http(s) only, and no literal IP in a blocked range.
 * Host names are vetted later, at connect time, by the guarded connector.
 */
export function checkUrl(input: string, allowPrivate: boolean, classify: Classifier = defaultClassifier): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch (err) {
    throw new InvalidUrlError(input, err);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UnsupportedSchemeError(input, url.protocol.replace(/:$/, ''));
  }
  const host = bareHost(url.hostname);
  if (!allowPrivate && net.isIP(host)) {
    const verdict = classify(host, host);
    if (verdict.blocked) throw new BlockedAddressError(url.href, host, verdict.range);
  }
  return url;
}

/** node:dns lookup (getaddrinfo, so /etc/hosts counts), every address, in resolver order. */
export const systemResolver: HostResolver = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Resolves no host name over the network: `localhost` (and its subdomains, RFC 6761 §6.3) answers
 * with the loopback addresses, every other name fails as an unknown host would. IP literals never
 * reach a resolver. For the demo and hermetic test runs, which must not leave this machine even for
 * a DNS query (the demo portal links hosts such as status.northwindbank.example); selected with
 * PORTALPROBE_OFFLINE=1 or the client's `lookup` option.
 */
export const offlineResolver: HostResolver = async (hostname) => {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (offline: portalprobe resolves no host names in this run)`), { code: 'ENOTFOUND', hostname });
};

/** The resolver a client uses when none is given: offline when PORTALPROBE_OFFLINE is set (1/true/yes). */
export function defaultResolver(env: NodeJS.ProcessEnv = process.env): HostResolver {
  return /^(?:1|true|yes)$/i.test(env.PORTALPROBE_OFFLINE ?? '') ? offlineResolver : systemResolver;
}

export interface GuardOptions {
  allowPrivate: boolean;
  connectTimeoutMs: number;
  lookup?: HostResolver;
  classify?: Classifier;
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves a host and vets every address; a host with any blocked address is refused outright. */
export async function resolveAndVet(
  hostname: string,
  origin: string,
  options: GuardOptions,
): Promise<ResolvedAddress[]> {
  const classify = options.classify ?? defaultClassifier;
  let addresses: ResolvedAddress[];
  const family = net.isIP(hostname);
  if (family !== 0) {
    addresses = [{ address: hostname, family: family as 4 | 6 }];
  } else {
    const resolve = options.lookup ?? systemResolver;
    try {
      addresses = await withTimeout(
        resolve(hostname),
        options.connectTimeoutMs,
        () => new FetchTimeoutError(origin, 'connect', options.connectTimeoutMs),
      );
    } catch (err) {
      throw err instanceof PortalProbeError ? err : new DnsError(hostname, err);
    }
    if (addresses.length === 0) throw new DnsError(hostname);
  }
  if (!options.allowPrivate) {
    // Strict on purpose: a public name that also answers with a private address is an attack
    // pattern (multi-answer rebinding), not a configuration worth supporting.
    for (const { address } of addresses) {
      const verdict = classify(address, hostname);
      if (verdict.blocked) throw new BlockedAddressError(origin, address, verdict.range);
    }
  }
  return addresses;
}

/** Tries the first address of each family, resolver order first (a poor man's Happy Eyeballs). */
function dialOrder(addresses: ResolvedAddress[]): ResolvedAddress[] {
  const first = addresses[0];
  const other = addresses.find((a) => a.family !== first.family);
  return other ? [first, other] : [first];
}

/**
 * The undici `connect` function: resolve, vet, then hand the vetted IP (not the name) to undici's
 * own connector. `host` is left untouched so TLS still sends SNI and checks the certificate
 * against the host name.
 */
export function createGuardedConnector(options: GuardOptions): buildConnector.connector {
  const base = buildConnector({ timeout: options.connectTimeoutMs });
  return (opts, callback) => {
    const origin = `${opts.protocol}//${opts.host ?? opts.hostname}`;
    resolveAndVet(opts.hostname, origin, options).then(
      (addresses) => {
        const candidates = dialOrder(addresses);
        const attempt = (i: number): void => {
          base({ ...opts, hostname: candidates[i].address }, (err, socket) => {
            if (err && i + 1 < candidates.length) attempt(i + 1);
            else if (err) callback(err, null);
            else callback(null, socket!);
          });
        };
        attempt(0);
      },
      (err: Error) => callback(err, null),
    );
  };
}
