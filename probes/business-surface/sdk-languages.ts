// Which languages a portal offers SDKs in. Language names are everywhere in docs (code tabs show
// cURL, Python and Node.js on every page), so only places that speak of SDKs count: the SDK pages
// themselves (names in title, headings, links and text, and install commands), install commands on
// getting-started pages, link texts and headings that name an SDK word and a language together
// ("Python SDK"), links to package registries (pypi.org/project/…), and GitHub repositories of the
// portal's organisation, or named like an SDK, whose name carries a language (acme-java). Pure.
import type { Candidate } from './candidates.js';
import type { CommonLists, KeywordRegistry } from './keywords.js';
import type { PageText } from './signals.js';
import { execAll, matches, quoteAround, testRe } from './text-match.js';
import { parseUrl, shortLabel } from './url-parts.js';
import type { NamedEvidence } from '../../src/contract/index.js';

const MAX_EVIDENCE_PER_LANGUAGE = 3;
/** Mentions of one language checked for a nearby SDK word on an SDK page. */
const MAX_MENTIONS = 10;

export interface SdkInput {
  /** Readable SDK pages (the sdks kind's found page and others over the threshold). */
  sdkPages: readonly Candidate[];
  /** Readable getting-started pages (install commands only). */
  installPages: readonly Candidate[];
  candidates: readonly Candidate[];
  textOf(cand: Candidate): PageText | null;
  registry: KeywordRegistry;
  origin: string;
  githubOwner: string | null;
  brand: string | null;
}

class Collector {
  private readonly evidence = new Map<string, NamedEvidence[]>();

  add(name: string, url: string, note: string, quote?: string): void {
    const list = this.evidence.get(name) ?? [];
    if (list.length >= MAX_EVIDENCE_PER_LANGUAGE || list.some((e) => e.note === note)) return;
    list.push(quote ? { name, url, note, quote } : { name, url, note });
    this.evidence.set(name, list);
  }

  result(order: readonly string[]): { languages: string[]; evidence: NamedEvidence[] } {
    const languages = order.filter((n) => this.evidence.has(n));
    return { languages, evidence: languages.flatMap((n) => this.evidence.get(n)!) };
  }
}

function languagesIn(text: string, common: CommonLists): string[] {
  return common.sdkLanguages.filter((l) => l.patterns.some((re) => testRe(re, text))).map((l) => l.name);
}

function installCommands(text: string, common: CommonLists): Array<{ language: string; index: number; match: string }> {
  const out: Array<{ language: string; index: number; match: string }> = [];
  for (const cmd of common.installCommands) {
    const m = cmd.re.exec(text);
    if (m) out.push({ language: cmd.language, index: m.index, match: m[0] });
  }
  return out;
}

/** Language of a GitHub repository URL by its name tokens (acme-python-sdk → Python), or null. */
export function repoLanguage(url: string, common: CommonLists, githubOwner: string | null, brand: string | null): { name: string; owner: string; repo: string } | null {
  const u = parseUrl(url);
  if (!u || !/^(?:www\.)?github\.com$/i.test(u.hostname)) return null;
  const [owner, repo] = u.pathname.split('/').filter(Boolean).map((s) => s.toLowerCase());
  if (!owner || !repo || common.githubReservedOwners.has(owner)) return null;
  const tokens = repo.replace(/\.git$/, '').split(/[-_.]+/).filter(Boolean);
  const sdkNamed = tokens.some((t) => common.sdkRepoTokens.has(t));
  const ownOrg = owner === githubOwner || (brand !== null && brand.length >= 3 && (owner.includes(brand) || repo.includes(brand)));
  if (!sdkNamed && !ownOrg) return null;
  const lang = common.sdkLanguages.find((l) => tokens.some((t) => l.repoTokens.has(t)));
  return lang ? { name: lang.name, owner, repo } : null;
}

export function detectSdkLanguages(input: SdkInput): { languages: string[]; evidence: NamedEvidence[] } {
  const { common } = input.registry;
  const found = new Collector();
  const label = (url: string) => shortLabel(url, input.origin);

  for (const cand of input.sdkPages) {
    const page = cand.page!;
    const url = page.finalUrl || page.url;
    const lists = input.registry.forLang(page.lang);
    for (const text of [page.title ?? '', ...page.headings.map((h) => h.text)]) {
      for (const name of languagesIn(text, common)) found.add(name, url, `SDK page heading '${text.slice(0, 80)}'`);
    }
    for (const a of page.anchors) {
      if (a.text.length <= 80) for (const name of languagesIn(a.text, common)) found.add(name, url, `SDK page link '${a.text}'`);
    }
    const text = input.textOf(cand);
    if (!text) continue;
    for (const cmd of installCommands(text.text, common)) found.add(cmd.language, url, `install command '${cmd.match.slice(0, 80)}'`);
    for (const lang of common.sdkLanguages) {
      let tries = 0;
      for (const re of lang.patterns) {
        for (const m of execAll(re, text.text, MAX_MENTIONS)) {
          if (++tries > MAX_MENTIONS) break;
          const quote = quoteAround(text.text, m.index, m[0].length);
          // Prose that names the language next to an SDK word ("the Python SDK", "libraries for Go").
          if (lists.sdkWords.some((w) => matches(quote, w))) {
            found.add(lang.name, url, `SDK page text '${m[0]}'`, quote);
            tries = MAX_MENTIONS;
            break;
          }
        }
      }
    }
  }

  for (const cand of input.installPages) {
    const text = input.textOf(cand);
    if (!text) continue;
    const url = cand.page!.finalUrl || cand.page!.url;
    for (const cmd of installCommands(text.text, common)) found.add(cmd.language, url, `install command '${cmd.match.slice(0, 80)}' on ${label(url)}`);
  }

  for (const cand of input.candidates) {
    for (const g of cand.anchors) {
      if (g.self || !g.text || g.text.length > 80) continue;
      const lists = input.registry.forLang(g.lang);
      if (!lists.sdkWords.some((w) => matches(g.text, w))) continue;
      for (const name of languagesIn(g.text, common)) found.add(name, cand.url, `link '${g.text}' on ${label(g.from[0])}`);
    }
    if (!cand.anchors.some((g) => !g.self)) continue;
    const registry = common.packageRegistries.find((r) => r.re.test(cand.url));
    if (registry) found.add(registry.language, cand.url, `package link ${label(cand.url)}`);
    const repo = repoLanguage(cand.url, common, input.githubOwner, input.brand);
    if (repo) found.add(repo.name, cand.url, `GitHub repository ${repo.owner}/${repo.repo}`);
    if (cand.page && cand.access === 'public') {
      const lists = input.registry.forLang(cand.page.lang);
      for (const h of cand.page.headings) {
        if (h.text.length > 120 || !lists.sdkWords.some((w) => matches(h.text, w))) continue;
        for (const name of languagesIn(h.text, common)) found.add(name, cand.page.finalUrl || cand.url, `heading '${h.text}'`);
      }
    }
  }
  return found.result(common.sdkLanguages.map((l) => l.name));
}
