// How signals become a confidence, and how the best candidate per kind is chosen. Signals of one
// type do not add up (200 nav links saying "Pricing" are one signal, not 200); different types
// combine as independent evidence, 1 − Π(1 − wᵢ) ("noisy-or"), so a page at /pricing whose title
// says Pricing and that the nav links as "Pricing" is surer than any one of these alone. Pure.
import type { CandidateAccess } from './candidates.js';
import type { KindEvidence, KindResult, SignalType } from '../../src/contract/index.js';

/**
 * Base weights per signal, before a phrase's own weight scales them. Chosen so that no single
 * signal reaches FOUND_AT, two strong ones do (nav link "Pricing" + path /pricing: 0.61; title +
 * h1: 0.48; path + a phrase in the text: 0.45), and two weak ones do not (a link containing
 * "troubleshooting" + a path containing it: 0.40).
 */
export const WEIGHTS = {
  /** The last path segment is a slug of the kind: /pricing. */
  pathLast: 0.35,
  /** The last segment contains the slug's words: /docs/managing-api-keys. */
  pathTokenLast: 0.2,
  /** A segment above the last: /pricing/enterprise. */
  pathInner: 0.15,
  /** A link's whole text is a phrase of the kind: "Pricing". */
  anchorExact: 0.4,
  /** A short link (≤ 6 words) contains the phrase: "See our pricing". */
  anchorContains: 0.25,
  /** The link is on the page it points to (in-page link, own nav entry). */
  anchorSelf: 0.15,
  title: 0.25,
  h1: 0.3,
  heading: 0.15,
  /** One phrase in the main text; distinct phrases combine up to textCap. */
  text: 0.15,
  textCap: 0.35,
  /** For kinds that a sentence can show (a free tier, a data-residency statement). */
  textDecides: 0.45,
  textDecidesCap: 0.6,
  structuredData: 0.3,
} as const;

/** A candidate at or above this confidence shows the kind. */
export const FOUND_AT = 0.45;
/** Link texts longer than this are sentences, not names of a page. */
export const MAX_ANCHOR_WORDS = 6;
/** Crawled pages win near-ties against pages only seen in links (their content was read). */
const READ_BONUS = 0.05;
const MAX_EVIDENCE = 5;
const MAX_OTHER_URLS = 5;

export function round2(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;
}

function noisyOr(weights: number[]): number {
  return 1 - weights.reduce((p, w) => p * (1 - Math.min(1, Math.max(0, w))), 1);
}

/** Confidence of one candidate from its evidence (access notes weigh nothing). */
export function combine(evidence: readonly KindEvidence[], textDecides = false): number {
  const best = new Map<SignalType, number>();
  const texts: number[] = [];
  for (const e of evidence) {
    if (e.signal === 'access') continue;
    if (e.signal === 'text') texts.push(e.weight);
    else best.set(e.signal, Math.max(best.get(e.signal) ?? 0, e.weight));
  }
  const parts = [...best.values()];
  if (texts.length > 0) {
    const top = texts.sort((a, b) => b - a).slice(0, 3);
    parts.push(Math.min(noisyOr(top), textDecides ? WEIGHTS.textDecidesCap : WEIGHTS.textCap));
  }
  return round2(noisyOr(parts));
}

export interface Scored {
  url: string;
  access: CandidateAccess;
  reason: string | null;
  external: boolean;
  /** The page's content was read (a crawled public page). */
  read: boolean;
  confidence: number;
  evidence: KindEvidence[];
  /** Shorter is better on ties (fewer path segments). */
  depth: number;
}

const FOUND_ACCESS = new Set<CandidateAccess>(['public', 'linked', 'unchecked']);

function byStrength(a: Scored, b: Scored): number {
  const sa = a.confidence + (a.read ? READ_BONUS : 0);
  const sb = b.confidence + (b.read ? READ_BONUS : 0);
  return sb - sa || a.depth - b.depth || a.url.length - b.url.length;
}

function strongest(evidence: KindEvidence[]): KindEvidence[] {
  return [...evidence].sort((a, b) => (a.signal === 'access' ? -1 : 0) - (b.signal === 'access' ? -1 : 0) || b.weight - a.weight).slice(0, MAX_EVIDENCE);
}

/**
 * The verdict for one kind: the strongest candidate that is readable or only linked (found); else
 * the strongest gated one; else the strongest broken one; else missing, with the closest
 * candidate's confidence and evidence (url null) so a reader sees what almost matched.
 */
export function decide(scored: readonly Scored[], authPagesOk = false): KindResult {
  const over = scored.filter((s) => s.confidence >= FOUND_AT);
  const isFound = (s: Scored) => FOUND_ACCESS.has(s.access) || (authPagesOk && s.access === 'gated');
  const found = over.filter(isFound).sort(byStrength);
  const gated = over.filter((s) => !isFound(s) && s.access === 'gated').sort(byStrength);
  const broken = over.filter((s) => s.access === 'broken').sort(byStrength);
  const best = found[0] ?? gated[0] ?? broken[0];
  if (!best) {
    const closest = [...scored].sort(byStrength)[0];
    return {
      found: false, status: 'missing', url: null, confidence: closest?.confidence ?? 0, evidence: closest ? strongest(closest.evidence) : [],
      linkedOnly: false, gated: false, broken: false, external: false, otherUrls: [],
    };
  }
  const isFoundBest = found[0] === best;
  const status = isFoundBest ? 'found' : best.access === 'gated' ? 'gated' : 'broken';
  const evidence = [...best.evidence];
  if (best.reason) evidence.push({ url: best.url, signal: 'access', note: best.reason, weight: 0 });
  const otherUrls = [...new Set(found.filter((s) => s !== best).map((s) => s.url))].filter((u) => u !== best.url).slice(0, MAX_OTHER_URLS);
  return {
    found: isFoundBest,
    status,
    url: best.url,
    confidence: best.confidence,
    evidence: strongest(evidence),
    linkedOnly: !best.read,
    gated: best.access === 'gated',
    broken: best.access === 'broken',
    external: best.external,
    otherUrls,
  };
}
