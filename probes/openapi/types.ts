// Shared shapes of the OpenAPI probe: how a candidate spec URL was found, and what is reported about
// each document. Parsing, discovery and quality code in probes/openapi/ and probes/openapi/index.ts use them.
import type { FoundVia } from '../../src/contract/index.js';

/**
 * How much a route vouches for the URL being a spec: `declared` (machine-readable pointers),
 * `linked` (a visible link to a spec file), `guessed` (anchor text or a usual path). A broken
 * declared or linked URL is a finding; a guessed one that answers 404 is just absent.
 */
export type Strength = 'declared' | 'linked' | 'guessed';

const STRENGTH: Record<FoundVia, Strength> = {
  'link-service-desc': 'declared',
  'link-describedby': 'declared',
  'link-header': 'declared',
  'api-catalog': 'declared',
  'apis-json': 'declared',
  'docs-ui': 'declared',
  anchor: 'linked',
  'anchor-text': 'guessed',
  'common-path': 'guessed',
};

export function strengthOf(via: readonly FoundVia[]): Strength {
  const strengths = via.map((v) => STRENGTH[v]);
  if (strengths.includes('declared')) return 'declared';
  if (strengths.includes('linked')) return 'linked';
  return 'guessed';
}

 // over the candidate cap

