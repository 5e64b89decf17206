// Named checks: pure judges for practices whose evidence a single fact test cannot express. Each
// declares the `probe.fact` values it reads (`uses`); the scorer hands it only those probes' facts
// and only when every one of them ran cleanly. A check never throws on odd facts: a malformed
// value is "cannot tell" (score null), never a crash. The checks live by subject in checks/*.ts;
// this file gathers them under their names (the names model.v1.json refers to).
import { BUSINESS_CHECKS } from './checks/business.js';
import type { NamedCheck } from './checks/common.js';
import { OPENAPI_CHECKS } from './checks/openapi.js';
import { PAGE_CHECKS } from './checks/pages.js';
import { PSD2_CHECKS } from './checks/psd2.js';
import { ROBOTS_CHECKS } from './checks/robots.js';

export type { CheckFacts, CheckOutcome, NamedCheck } from './checks/common.js';

function merge(...groups: Readonly<Record<string, NamedCheck>>[]): Readonly<Record<string, NamedCheck>> {
  const out: Record<string, NamedCheck> = {};
  for (const g of groups) {
    for (const [name, check] of Object.entries(g)) {
      if (Object.hasOwn(out, name)) throw new Error(`duplicate named check ${name}`);
      out[name] = check;
    }
  }
  return Object.freeze(out);
}

export const CHECKS: Readonly<Record<string, NamedCheck>> = merge(ROBOTS_CHECKS, OPENAPI_CHECKS, PAGE_CHECKS, BUSINESS_CHECKS, PSD2_CHECKS);
