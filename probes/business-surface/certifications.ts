// Certifications and regulations a portal states (ISO 27001, SOC 2, PCI DSS, GDPR, PSD2, HIPAA …).
// A name alone is not a claim — a blog post may discuss GDPR — so a mention counts on the
// portal's compliance pages, or elsewhere when its sentence has a compliance word ("certified",
// "compliant", "audited", "in accordance with"), and never in a sentence that denies it ("PCI DSS
// does not apply"). Pure.
import type { Candidate } from './candidates.js';
import type { CommonLists, KeywordRegistry } from './keywords.js';
import type { PageText } from './signals.js';
import { execAll, matches, quoteAround, sentenceAround } from './text-match.js';
import type { NamedEvidence } from '../../src/contract/index.js';

const MAX_EVIDENCE_PER_NAME = 2;

export interface CertificationInput {
  /** Readable pages with their text. */
  pages: ReadonlyArray<{ cand: Candidate; text: PageText }>;
  /** Final URLs of the compliance pages (the kind's found page and others over the threshold). */
  complianceUrls: ReadonlySet<string>;
  registry: KeywordRegistry;
}

export function collectCertifications(input: CertificationInput): { names: string[]; evidence: NamedEvidence[] } {
  const byName = new Map<string, NamedEvidence[]>();
  for (const { cand, text } of input.pages) {
    const url = cand.page!.finalUrl || cand.url;
    const onCompliancePage = input.complianceUrls.has(url);
    const lists = input.registry.forLang(cand.page!.lang);
    for (const hit of text.certifications) {
      const list = byName.get(hit.name) ?? [];
      if (list.length >= MAX_EVIDENCE_PER_NAME || list.some((e) => e.url === url)) continue;
      const sentence = sentenceAround(text.text, hit.index, hit.match.length);
      if (lists.certificationNegation.some((m) => matches(sentence, m))) continue;
      const context = lists.certificationContext.find((m) => matches(sentence, m));
      if (!onCompliancePage && !context) continue;
      const note = onCompliancePage ? 'stated on the compliance page' : `stated with '${context!.label}'`;
      list.push({ name: hit.name, url, note, quote: quoteAround(text.text, hit.index, hit.match.length) });
      byName.set(hit.name, list);
    }
  }
  const order = input.registry.common.certifications.map((c) => c.name);
  const names = order.filter((n) => byName.has(n));
  return { names, evidence: names.flatMap((n) => byName.get(n)!) };
}

/** Certification mentions in a text (first few per name), code samples excluded by the caller. */
export function certificationHits(text: string, common: CommonLists, reject: (index: number, length: number) => boolean, perName = 3): Array<{ name: string; index: number; match: string }> {
  const out: Array<{ name: string; index: number; match: string }> = [];
  for (const cert of common.certifications) {
    let n = 0;
    for (const re of cert.patterns) {
      for (const m of execAll(re, text, 50)) {
        if (reject(m.index, m[0].length)) continue;
        out.push({ name: cert.name, index: m.index, match: m[0] });
        if (++n >= perName) break;
      }
      if (n >= perName) break;
    }
  }
  return out;
}
