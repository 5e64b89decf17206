// The business facts read out of the entities: who the company is (Organization: name, url, sameAs
// profiles, contact points), what its API says about itself (WebAPI: documentation, terms, provider)
// and how many FAQ questions it answers in markup. Pure; works on the pages' extracted entities.
import { entities, firstText, texts, walk } from '../../src/formats/schema-org/summarize.js';
import type { Entity } from '../../src/formats/schema-org/types.js';
import { anyIsA } from '../../src/formats/schema-org/vocab.js';
import type { ContactPointSummary, OrganizationSummary, WebApiSummary } from '../../src/contract/index.js';

export interface PageEntities {
  url: string;
  isHome: boolean;
  entities: readonly Entity[];
}

const MAX_SAME_AS = 20;
const MAX_CONTACT_POINTS = 10;

function contactPoints(org: Entity): ContactPointSummary[] {
  return entities(org, 'contactPoint').slice(0, MAX_CONTACT_POINTS).map((cp) => {
    const summary: ContactPointSummary = {};
    for (const key of ['contactType', 'telephone', 'email', 'url'] as const) {
      const v = firstText(cp, key);
      if (v) summary[key] = v;
    }
    return summary;
  });
}

/**
 * The organisation that best describes the portal's company: on the home page before elsewhere,
 * top-level before nested (a WebSite's publisher before a product's seller), the most complete one
 * (name, url, sameAs, contact points) among equals, the first seen among ties.
 */
export function findOrganization(pages: readonly PageEntities[]): OrganizationSummary | null {
  let best: { score: number; entity: Entity; url: string } | null = null;
  for (const page of pages) {
    for (const root of page.entities) {
      for (const { entity, depth } of walk(root)) {
        if (!anyIsA(entity.types, 'Organization')) continue;
        const score =
          (page.isHome ? 16 : 0) + (depth === 0 ? 8 : 0) + (firstText(entity, 'name') ? 2 : 0) + (firstText(entity, 'url') ? 1 : 0) +
          (texts(entity, 'sameAs').length > 0 ? 1 : 0) + (entities(entity, 'contactPoint').length > 0 ? 1 : 0);
        if (!best || score > best.score) best = { score, entity, url: page.url };
      }
    }
  }
  if (!best) return null;
  const { entity } = best;
  const org: OrganizationSummary = {
    type: entity.types.find((t) => anyIsA([t], 'Organization')) ?? 'Organization',
    name: firstText(entity, 'name') ?? firstText(entity, 'legalName') ?? null,
    url: firstText(entity, 'url') ?? (entity.id && /^https?:\/\//i.test(entity.id) ? entity.id : null),
    logo: firstText(entity, 'logo') ?? null,
    sameAs: texts(entity, 'sameAs').slice(0, MAX_SAME_AS),
    foundOn: best.url,
  };
  const cps = contactPoints(entity);
  if (cps.length > 0) org.contactPoint = cps;
  return org;
}

/** The first WebAPI described (the most complete one if there are several). */
export function findWebApi(pages: readonly PageEntities[]): WebApiSummary | null {
  let best: { score: number; summary: WebApiSummary } | null = null;
  for (const page of pages) {
    for (const root of page.entities) {
      for (const { entity } of walk(root)) {
        if (!anyIsA(entity.types, 'WebAPI')) continue;
        const summary: WebApiSummary = {
          name: firstText(entity, 'name') ?? null,
          documentation: firstText(entity, 'documentation') ?? null,
          termsOfService: firstText(entity, 'termsOfService') ?? null,
          provider: firstText(entity, 'provider') ?? null,
          foundOn: page.url,
        };
        const score = Object.values(summary).filter((v) => v !== null).length;
        if (!best || score > best.score) best = { score, summary };
      }
    }
  }
  return best?.summary ?? null;
}

/**
 * Questions marked up inside FAQPage items (usually its mainEntity), counted once per distinct
 * question text across the site (the same FAQ block often repeats on many pages).
 */
export function countFaqQuestions(pages: readonly PageEntities[]): number {
  const questions = new Set<string>();
  let unnamed = 0;
  for (const page of pages) {
    for (const root of page.entities) {
      for (const { entity: faq } of walk(root)) {
        if (!anyIsA(faq.types, 'FAQPage')) continue;
        for (const { entity, depth } of walk(faq)) {
          if (depth === 0 || !entity.types.includes('Question')) continue;
          const text = firstText(entity, 'name') ?? firstText(entity, 'text');
          if (text) questions.add(text.replace(/\s+/g, ' ').trim().toLowerCase());
          else unnamed++;
        }
      }
    }
  }
  return questions.size + unnamed;
}
