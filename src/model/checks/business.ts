// Named checks over what a buyer's tools read: schema.org data (structured-data probe), stated
// certifications and support channels (business-surface), and feeds (agent-discovery).
import type { Evidence } from '../../contract/index.js';
import { fill, isText, listOf, stringsOf, withUrl, type NamedCheck } from './common.js';
import { isRecord } from '../../util/is-record.js';

// User-facing strings.
const T = {
  noOrganization: 'structured-data: no schema.org Organization found on the checked pages',
  organization: 'structured-data: Organization "{name}" ({type}) with {has}; missing {missing}',
  organizationFull: 'structured-data: Organization "{name}" ({type}) with name, url and logo or sameAs',
  noWebApi: 'structured-data: no schema.org WebAPI found on the checked pages',
  webApi: 'structured-data: WebAPI "{name}" with {has}{missing}',
  typesFound: 'structured-data: {k} of {n} content types present ({found}); pass at 4, partial from 2',
  noTypes: 'structured-data: the businessTypes fact is missing or malformed',
  certification: 'business-surface: {name} stated ({note})',
  noCertification: 'business-surface: no security certification or attestation stated (regulations found: {regs})',
  noCertificationAtAll: 'business-surface: no certification, attestation or regulation stated on the portal',
  noChannelFacts: 'business-surface: supportChannels is missing or malformed',
  channels: 'business-surface: {n} kind(s) of support channel: {kinds}',
  noChannels: 'business-surface: no support channel (email, form, phone, chat, help centre) found',
  channel: 'business-surface: {kind} {value}',
  noFeeds: 'agent-discovery: no RSS, Atom or JSON feed is declared on the portal',
  feedValid: 'agent-discovery: {format} feed "{title}" with {entries} entries (newest {newest})',
  feedInvalid: 'agent-discovery: the feed {url} does not parse ({error})',
  noChangelogFeed: 'agent-discovery: {n} valid feed(s), none of them a changelog or release-notes feed',
} as const;

/** Names in business-surface.certifications that are laws or regulations, not attestations a provider holds. */
export const REGULATIONS: ReadonlySet<string> = new Set(['GDPR', 'PSD2', 'CCPA', 'LGPD', 'DORA', 'NIS2', 'eIDAS']);

/** schema.org content types that describe a portal; alternatives in one group count once. */
const CONTENT_TYPE_GROUPS: readonly (readonly string[])[] = [
  ['Organization'], ['WebSite'], ['WebAPI'], ['FAQPage'], ['BreadcrumbList'], ['TechArticle', 'APIReference'], ['HowTo'],
];
const SUPPORT_KINDS = ['email', 'form', 'phone', 'chat', 'helpCenter'] as const;
/** A changelog or release-notes feed, by its title or address. */
const CHANGELOG_FEED = /change\s?log|release|what.?s new|updates|news/i;

interface Feed {
  url: string;
  valid: boolean;
  title: string;
  format: string;
  entries: number;
  newest: string;
  error: string;
}

function readFeeds(v: unknown): Feed[] | undefined {
  const list = listOf(v);
  if (!list) return undefined;
  return list.filter(isRecord).filter((f) => isText(f.url)).map((f) => ({
    url: String(f.url),
    valid: f.valid === true,
    title: isText(f.title) ? f.title : '',
    format: isText(f.format) ? f.format : 'feed',
    entries: typeof f.entries === 'number' ? f.entries : 0,
    newest: isText(f.newest) ? f.newest.slice(0, 10) : 'undated',
    error: isText(f.error) ? f.error : 'invalid',
  }));
}

const feedNote = (f: Feed): Evidence => withUrl(fill(T.feedValid, { format: f.format, title: f.title, entries: f.entries, newest: f.newest }), f.url);

export const BUSINESS_CHECKS: Readonly<Record<string, NamedCheck>> = {
  /** Organization with name, url and logo/sameAs: one third each (DI-27, DM-22). */
  organizationStructuredData: {
    uses: ['structured-data.organization'],
    description: 'A schema.org Organization with name, url and logo or sameAs; score = share of those three present.',
    run(facts) {
      const org = facts['structured-data']?.organization;
      if (!isRecord(org)) return { score: 0, evidence: [{ note: T.noOrganization }] };
      const url = isText(org.foundOn) ? org.foundOn : undefined;
      const parts: [string, boolean][] = [
        ['name', isText(org.name)],
        ['url', isText(org.url)],
        ['logo or sameAs', isText(org.logo) || (stringsOf(org.sameAs) ?? []).length > 0],
      ];
      const has = parts.filter(([, ok]) => ok).map(([n]) => n);
      const missing = parts.filter(([, ok]) => !ok).map(([n]) => n);
      const vars = { name: isText(org.name) ? org.name : '?', type: isText(org.type) ? org.type : 'Organization' };
      const note = missing.length === 0 ? fill(T.organizationFull, vars) : fill(T.organization, { ...vars, has: has.join(', ') || 'nothing', missing: missing.join(', ') });
      return { score: has.length / parts.length, evidence: [withUrl(note, url)] };
    },
  },

  /** WebAPI with documentation, termsOfService and provider (schema.org WebAPI, catalogue X3). */
  webApiStructuredData: {
    uses: ['structured-data.webApi'],
    description: 'A schema.org WebAPI with documentation, termsOfService and provider; score = share of those three present.',
    run(facts) {
      const api = facts['structured-data']?.webApi;
      if (!isRecord(api)) return { score: 0, evidence: [{ note: T.noWebApi }] };
      const props = ['documentation', 'termsOfService', 'provider'];
      const has = props.filter((p) => isText(api[p]));
      const missing = props.filter((p) => !isText(api[p]));
      const note = fill(T.webApi, {
        name: isText(api.name) ? api.name : '?',
        has: has.join(', ') || 'none of documentation, termsOfService, provider',
        missing: missing.length > 0 ? `; missing ${missing.join(', ')}` : '',
      });
      return { score: has.length / props.length, evidence: [withUrl(note, isText(api.foundOn) ? api.foundOn : undefined)] };
    },
  },

  /** Breadth of schema.org content types: pass at 4 groups, 0.5 at 2 (DI-27). */
  businessStructuredDataTypes: {
    uses: ['structured-data.businessTypes'],
    description: 'How many of Organization, WebSite, WebAPI, FAQPage, BreadcrumbList, TechArticle/APIReference and HowTo are present: pass at 4, 0.5 from 2.',
    run(facts) {
      const types = facts['structured-data']?.businessTypes;
      if (!isRecord(types)) return { score: null, evidence: [{ note: T.noTypes }] };
      const found = CONTENT_TYPE_GROUPS.filter((g) => g.some((t) => types[t] === true)).map((g) => g.join('/'));
      const note = fill(T.typesFound, { k: found.length, n: CONTENT_TYPE_GROUPS.length, found: found.join(', ') || 'none' });
      return { score: found.length >= 4 ? 1 : found.length >= 2 ? 0.5 : 0, evidence: [{ note }] };
    },
  },

  /** At least one certification or attestation held (ISO 27001, SOC 2 …); regulations alone do not count. */
  certificationsStated: {
    uses: ['business-surface.certifications', 'business-surface.certificationEvidence'],
    description: 'The portal states at least one security certification or attestation (ISO 27001, SOC 2, PCI DSS …); laws and regulations (GDPR, PSD2 …) alone do not count.',
    run(facts) {
      const bs = facts['business-surface'] ?? {};
      const names = stringsOf(bs.certifications);
      if (!names) return { score: null, evidence: [{ note: T.noCertificationAtAll }] };
      const held = names.filter((n) => !REGULATIONS.has(n));
      if (held.length === 0) {
        const regs = names.filter((n) => REGULATIONS.has(n));
        return { score: 0, evidence: [{ note: regs.length > 0 ? fill(T.noCertification, { regs: regs.join(', ') }) : T.noCertificationAtAll }] };
      }
      const evidenceList = (listOf(bs.certificationEvidence) ?? []).filter(isRecord);
      const evidence: Evidence[] = held.slice(0, 6).map((name) => {
        const e = evidenceList.find((x) => x.name === name);
        const note = fill(T.certification, { name, note: e && isText(e.note) ? e.note : 'stated' });
        if (!e || !isText(e.url)) return { note };
        return isText(e.quote) ? { url: e.url, note, quote: e.quote } : { url: e.url, note };
      });
      return { score: 1, evidence };
    },
  },

  /** Two or more kinds of support channel: pass; one: 0.5; none: 0 (MT-18). */
  supportChannelKinds: {
    uses: ['business-surface.supportChannels'],
    description: 'Kinds of support channel offered (email, form, phone, chat, help centre): pass at 2, 0.5 for one.',
    run(facts) {
      const ch = facts['business-surface']?.supportChannels;
      if (!isRecord(ch)) return { score: null, evidence: [{ note: T.noChannelFacts }] };
      const kinds = SUPPORT_KINDS.filter((k) => (listOf(ch[k]) ?? []).some((h) => isRecord(h) && isText(h.value)));
      if (kinds.length === 0) return { score: 0, evidence: [{ note: T.noChannels }] };
      const evidence: Evidence[] = [{ note: fill(T.channels, { n: kinds.length, kinds: kinds.join(', ') }) }];
      for (const k of kinds) {
        const hit = (listOf(ch[k]) ?? []).find((h) => isRecord(h) && isText(h.value)) as Record<string, unknown>;
        evidence.push(withUrl(fill(T.channel, { kind: k, value: String(hit.value) }), isText(hit.url) ? hit.url : undefined));
      }
      return { score: kinds.length >= 2 ? 1 : 0.5, evidence };
    },
  },

  /** A valid feed is declared (RSS 2.0, Atom RFC 4287, JSON Feed) — DM-31. */
  validFeedDeclared: {
    uses: ['agent-discovery.feeds'],
    description: 'At least one RSS, Atom or JSON feed declared by the portal parses.',
    run(facts) {
      const feeds = readFeeds(facts['agent-discovery']?.feeds);
      if (!feeds) return { score: null, evidence: [{ note: T.noFeeds }] };
      if (feeds.length === 0) return { score: 0, evidence: [{ note: T.noFeeds }] };
      const valid = feeds.filter((f) => f.valid);
      if (valid.length > 0) return { score: 1, evidence: valid.slice(0, 3).map(feedNote) };
      return { score: 0, evidence: feeds.slice(0, 3).map((f) => withUrl(fill(T.feedInvalid, { url: f.url, error: f.error }), f.url)) };
    },
  },

  /** A valid feed whose title or address marks it as a changelog, release notes or updates (MT-10). */
  changelogFeed: {
    uses: ['agent-discovery.feeds'],
    description: 'A valid feed whose title or address names a changelog, release notes or updates.',
    run(facts) {
      const feeds = readFeeds(facts['agent-discovery']?.feeds);
      if (!feeds) return { score: null, evidence: [{ note: T.noFeeds }] };
      const valid = feeds.filter((f) => f.valid);
      if (valid.length === 0) return { score: 0, evidence: [{ note: T.noFeeds }] };
      const changelog = valid.find((f) => CHANGELOG_FEED.test(f.title) || CHANGELOG_FEED.test(f.url));
      if (changelog) return { score: 1, evidence: [feedNote(changelog)] };
      return { score: 0, evidence: [{ note: fill(T.noChangelogFeed, { n: valid.length }) }] };
    },
  },
};
