// Community channels a portal links to — its GitHub organisation, a forum, a chat (Discord, Slack,
// Gitter, Matrix, Telegram) and a Stack Overflow tag — read from links only (nothing is fetched).
// GitHub needs care: docs link to many repositories that are not the vendor's, so an owner counts
// only when a link to it says "GitHub", or its name carries the portal's brand, or the portal
// links the organisation itself from more than one page. Pure.
import type { Candidate } from './candidates.js';
import type { CommonLists } from './keywords.js';
import { parseUrl } from './url-parts.js';
import type { CommunityChannels } from '../../src/contract/index.js';

export interface ChannelPick {
  url: string;
  /** Why this one, for evidence. */
  note: string;
}

export interface CommunityPicks {
  channels: CommunityChannels;
  github: ChannelPick | null;
  /** Owner of the picked GitHub organisation (lower case), for SDK repository checks. */
  githubOwner: string | null;
}

const GITHUB_HOST = /^(?:www\.)?github\.com$/i;

function linkCount(cand: Candidate): number {
  return cand.anchors.reduce((n, g) => n + (g.self ? 0 : g.count), 0);
}

/** The owner segment of a github.com URL (orgs/<owner>/… too), or null. */
export function githubOwnerOf(url: string, reserved: ReadonlySet<string>): { owner: string; root: boolean } | null {
  const u = parseUrl(url);
  if (!u || !GITHUB_HOST.test(u.hostname)) return null;
  const segments = u.pathname.split('/').filter(Boolean);
  let owner = segments[0];
  let root = segments.length === 1;
  if (owner === 'orgs' && segments[1]) {
    owner = segments[1];
    root = segments.length === 2;
  }
  if (!owner || reserved.has(owner.toLowerCase()) || !/^[a-z\d](?:[a-z\d-]{0,38})$/i.test(owner)) return null;
  return { owner: owner.toLowerCase(), root };
}

function brandMatches(owner: string, brand: string | null): boolean {
  if (!brand || brand.length < 3) return false;
  const flat = owner.replace(/-/g, '');
  return flat.includes(brand) || (flat.length >= 3 && brand.includes(flat));
}

/** The most-linked candidate whose address matches; else the most-linked one `fallback` accepts. */
function pickByCount(cands: Candidate[], patterns: readonly RegExp[], fallback?: (c: Candidate) => boolean): string | null {
  const byAddress = mostLinked(cands.filter((c) => patterns.some((re) => re.test(c.url))));
  return byAddress ?? (fallback ? mostLinked(cands.filter(fallback)) : null);
}

function mostLinked(cands: Candidate[]): string | null {
  let best: Candidate | null = null;
  let bestCount = -1;
  for (const c of cands) {
    const n = linkCount(c);
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best ? best.url : null;
}

export function pickCommunityChannels(candidates: readonly Candidate[], common: CommonLists, brand: string | null): CommunityPicks {
  const linked = candidates.filter((c) => c.anchors.some((g) => !g.self));
  const owners = new Map<string, { score: number; eligible: boolean; notes: string[]; root: boolean; pages: number }>();
  for (const c of linked) {
    const gh = githubOwnerOf(c.url, common.githubReservedOwners);
    if (!gh) continue;
    const entry = owners.get(gh.owner) ?? { score: 0, eligible: false, notes: [], root: false, pages: 0 };
    const says = c.anchors.find((g) => !g.self && /\bgithub\b/.test(g.label));
    if (says && !entry.notes.some((n) => n.startsWith('link text'))) {
      entry.score += 3;
      entry.eligible = true;
      entry.notes.push(`link text '${says.text}'`);
    }
    if (gh.root && !entry.root) {
      entry.root = true;
      entry.score += 1;
    }
    entry.pages += linkCount(c);
    owners.set(gh.owner, entry);
  }
  let github: ChannelPick | null = null;
  let githubOwner: string | null = null;
  let bestScore = 0;
  for (const [owner, e] of owners) {
    let score = e.score + Math.min(3, e.pages);
    let eligible = e.eligible || (e.root && e.pages >= 2);
    const notes = [...e.notes];
    if (brandMatches(owner, brand)) {
      score += 2;
      eligible = true;
      notes.push(`name matches the portal (${brand})`);
    }
    if (!eligible || score <= bestScore) continue;
    bestScore = score;
    githubOwner = owner;
    github = { url: `https://github.com/${owner}`, note: `GitHub organisation ${owner}: ${[...notes, `${e.pages} link(s)`].join(', ')}` };
  }
  const saysForum = (c: Candidate) => c.anchors.some((g) => !g.self && /\b(?:forum|forums)\b/.test(g.label));
  return {
    channels: {
      github: github?.url ?? null,
      forum: pickByCount(linked, common.communityChannels.forum, saysForum),
      chat: pickByCount(linked, common.communityChannels.chat),
      stackOverflow: pickByCount(linked, common.communityChannels.stackOverflow),
    },
    github,
    githubOwner,
  };
}
