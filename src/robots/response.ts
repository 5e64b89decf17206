// Turns the HTTP outcome of fetching /robots.txt into a RobotsFile, per RFC 9309 §2.3.1: a 2xx body is
// parsed; "unavailable" (4xx) means no restrictions; "unreachable" (5xx, or no response at all) means
// complete disallow. Redirects are followed by the fetcher (§2.3.1.2); a 3xx that still reaches us
// means the redirect limit was hit, which the RFC lets us treat as unavailable.
import { blanketRobots, parseRobots, type RobotsFile } from './parse.js';

export type RobotsOutcome = 'parsed' | 'unavailable' | 'unreachable';

/**
 * Which §2.3.1 case a status is. 429 counts as unreachable (a server asking us to back off), as
 * Google documents for its crawlers; 0 is our fetcher's "no HTTP response" (DNS, timeout, refused).
 */
export function robotsOutcome(status: number): RobotsOutcome {
  if (status >= 200 && status < 300) return 'parsed';
  if (status === 429) return 'unreachable';
  if (status >= 300 && status < 500) return 'unavailable';
  return 'unreachable';
}

/** The robots.txt to obey given a fetch result: `status` 0 means the server could not be reached. */
export function robotsFromResponse(status: number, body: string | Uint8Array | null | undefined): RobotsFile {
  switch (robotsOutcome(status)) {
    case 'parsed':
      return parseRobots(body ?? '');
    case 'unavailable':
      return blanketRobots('allow-all');
    default:
      return blanketRobots('disallow-all');
  }
}
