// Named checks for the regulated-banking (PSD2 / open banking) practices. They apply only to portals
// under PSD2 (Reg. (EU) 2015/2366 and its RTS, Reg. (EU) 2018/389); for every other portal they are
// notApplicable and carry no weight (docs/ARCHITECTURE.md §2).
//
// The applicability rule: a portal is treated as a PSD2 portal when the business-surface probe found
// "PSD2" stated on it — on its compliance pages, or elsewhere in a sentence with a compliance word
// (probes/business-surface/certifications.ts). A bank portal that never says PSD2 in such a sentence is
// treated as out of scope; an assessor can still score these practices (assessor input overrides
// notApplicable).
import type { Evidence } from '../../contract/index.js';
import { fill, isText, listOf, stringsOf, type CheckFacts, type CheckOutcome, type NamedCheck } from './common.js';
import { isRecord } from '../../util/is-record.js';

// User-facing strings.
const T = {
  notStated: 'business-surface: PSD2 is not stated on the portal, so this regulated-banking practice does not apply',
  stated: 'business-surface: PSD2 stated ({note}), so this regulated-banking practice applies',
  assessor: 'needs an assessor: PSD2 applies; judge this practice from its definition (RTS 2018/389)',
  eidas: 'business-surface: eIDAS certificates stated ({note})',
  noEidas: 'business-surface: PSD2 is stated but the eIDAS certificates third-party providers need (QWAC, QSealC) are not',
  page: 'business-surface: {label} page found',
  noPage: 'business-surface: no public {label} page found',
} as const;

export const PSD2 = 'PSD2';
const EIDAS = 'eIDAS';

/** The evidence entry behind a stated name (first one), as report evidence. */
function statedEvidence(facts: CheckFacts, name: string, template: string): Evidence {
  const list = (listOf(facts['business-surface']?.certificationEvidence) ?? []).filter(isRecord);
  const e = list.find((x) => x.name === name);
  const note = fill(template, { note: e && isText(e.note) ? e.note : 'stated' });
  if (!e || !isText(e.url)) return { note };
  return isText(e.quote) ? { url: e.url, note, quote: e.quote } : { url: e.url, note };
}

/**
 * Runs `judge` for PSD2 portals; notApplicable for the others; null when the certifications fact is
 * malformed. The "PSD2 applies" note leads the evidence so a reader sees why the practice counts.
 */
function forPsd2(facts: CheckFacts, judge: () => CheckOutcome): CheckOutcome {
  const names = stringsOf(facts['business-surface']?.certifications);
  if (!names) return { score: null, evidence: [{ note: T.notStated }] };
  if (!names.includes(PSD2)) return { notApplicable: true, evidence: [{ note: T.notStated }] };
  const out = judge();
  return { ...out, evidence: [statedEvidence(facts, PSD2, T.stated), ...out.evidence] };
}

/** Whether business-surface found a public page of `kind` (pages.<kind>.found). */
function pageFound(facts: CheckFacts, kind: string, label: string): CheckOutcome {
  const pages = facts['business-surface']?.pages;
  const page = isRecord(pages) ? pages[kind] : undefined;
  if (!isRecord(page)) return { score: null, evidence: [{ note: fill(T.noPage, { label }) }] };
  if (page.found === true) {
    const note = fill(T.page, { label });
    return { score: 1, evidence: [isText(page.url) ? { url: page.url, note } : { note }] };
  }
  return { score: 0, evidence: [{ note: fill(T.noPage, { label }) }] };
}

const USES = ['business-surface.certifications', 'business-surface.certificationEvidence'];

export const PSD2_CHECKS: Readonly<Record<string, NamedCheck>> = {
  /** RTS Art. 30(1)(a): TPPs identify with eIDAS certificates; passes when the portal states them. */
  psd2CertificatesStated: {
    uses: USES,
    description: 'PSD2 portals only: the eIDAS certificates (QWAC, QSealC) third-party providers identify with are stated.',
    run: (facts) => forPsd2(facts, () => {
      const names = stringsOf(facts['business-surface']?.certifications) ?? [];
      if (names.includes(EIDAS)) return { score: 1, evidence: [statedEvidence(facts, EIDAS, T.eidas)] };
      return { score: 0, evidence: [{ note: T.noEidas }] };
    }),
  },

  /** RTS Art. 30(3): a public summary of the interface documentation — a public API reference. */
  psd2InterfaceSummary: {
    uses: [...USES, 'business-surface.pages'],
    description: 'PSD2 portals only: a public API reference (the public summary of the interface specification, RTS Art. 30(3)).',
    run: (facts) => forPsd2(facts, () => pageFound(facts, 'apiReference', 'API reference')),
  },

  /** RTS Art. 30(5): a testing facility — a documented sandbox. */
  psd2TestingFacility: {
    uses: [...USES, 'business-surface.pages'],
    description: 'PSD2 portals only: a documented sandbox (the testing facility of RTS Art. 30(5)).',
    run: (facts) => forPsd2(facts, () => pageFound(facts, 'sandbox', 'sandbox')),
  },

  /** Applicability only: notApplicable without PSD2; with PSD2 an assessor judges (score null). */
  psd2AssessorJudges: {
    uses: USES,
    applicabilityOnly: true,
    description: 'PSD2 portals only, judged by an assessor: notApplicable when PSD2 is not stated, otherwise left to the assessor.',
    run: (facts) => forPsd2(facts, () => ({ score: null, evidence: [{ note: T.assessor }] })),
  },
};
