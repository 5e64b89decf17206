// Three fictional portals for the comparison tests, built from the realistic sample report with a
// known ordering: rival-a (strong, 74) > the subject example-pay (58) > rival-b (weak, 40, with
// community not assessed). Rival A passes pricing, status page and AI crawler access, which the
// subject fails; rival B passes the OpenAPI practice, which the subject fails too.
import type { PracticeStatus, Report } from '../../src/contract/index.js';
import { sampleReport } from '../reports/sample-report.js';

function setPractice(report: Report, id: string, status: PracticeStatus, note: string, url?: string): void {
  const p = report.practices.find((x) => x.id === id);
  if (!p) throw new Error(`no practice ${id}`);
  p.status = status;
  p.score = status === 'pass' ? 1 : status === 'partial' ? 0.5 : 0;
  p.evidence = [{ ...(url ? { url } : {}), note }];
}

function retarget(report: Report, origin: string): void {
  report.target.url = `${origin}/`;
  report.target.finalUrl = `${origin}/docs/`;
  const from = 'https://developer.example-pay.com';
  for (const p of report.practices) for (const e of p.evidence) if (e.url) e.url = e.url.replace(from, origin);
}

export const SUBJECT_HOST = 'developer.example-pay.com';
export const RIVAL_A = 'https://developer.rival-a.com';
export const RIVAL_B = 'https://docs.rival-b.io';

export function rivalA(): Report {
  const r = sampleReport();
  retarget(r, RIVAL_A);
  r.scores.overall = 74;
  r.scores.lenses = { core: 78, businessReadiness: 70, aiVisibility: 72 };
  r.scores.focusAreas = {
    discovery: { score: 88, stage: 2, assessed: true },
    decisionMaking: { score: 80, stage: 1, assessed: true },
    onboarding: { score: 70, stage: 1, assessed: true },
    goLive: { score: 75, stage: 1, assessed: true },
    maintenance: { score: 72, stage: 1, assessed: true },
    community: { score: 59, stage: 1, assessed: true },
  };
  for (const e of r.scores.enablers) if (e.id === 'commercial-transparency') e.score = 90;
  for (const e of r.scores.enablers) if (e.id === 'operational-transparency') e.score = 80;
  setPractice(r, 'decision.pricing-public', 'pass', 'Per-transaction prices on a public page', `${RIVAL_A}/pricing`);
  setPractice(r, 'maintenance.status-page', 'pass', 'status.rival-a.com with 90 days of history', 'https://status.rival-a.com/');
  setPractice(r, 'discovery.ai-crawlers-allowed', 'pass', 'robots.txt allows search and user agents', `${RIVAL_A}/robots.txt`);
  return r;
}

export function rivalB(): Report {
  const r = sampleReport();
  retarget(r, RIVAL_B);
  r.scores.overall = 40;
  r.scores.lenses = { core: 45, businessReadiness: 30, aiVisibility: 38 };
  r.scores.focusAreas = {
    discovery: { score: 50, stage: 0, assessed: true },
    decisionMaking: { score: 30, stage: 0, assessed: true },
    onboarding: { score: 75, stage: 1, assessed: true },
    goLive: { score: 40, stage: 0, assessed: true },
    maintenance: { score: 25, stage: 0, assessed: true },
    community: { score: 0, stage: 0, assessed: false },
  };
  r.scores.enablers = r.scores.enablers.filter((e) => e.focusArea !== 'community');
  r.practices = r.practices.filter((p) => p.focusArea !== 'community');
  setPractice(r, 'onboarding.openapi', 'pass', 'openapi.json linked from the reference, valid 3.1', `${RIVAL_B}/openapi.json`);
  return r;
}

/** Subject first, then the strong and the weak rival. */
export function competitorReports(): Report[] {
  return [sampleReport(), rivalA(), rivalB()];
}
