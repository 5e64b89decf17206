// RDFa Lite 1.1 (vocab, typeof, property, resource, prefix) → Entities. RDFa Lite is the subset
// schema.org documents; we read it the way its examples are written: `typeof` opens an item, a
// `property` on the same element makes that item the value of the enclosing item's property,
// other `property` elements give literal or IRI values to the nearest enclosing item.
// https://www.w3.org/TR/rdfa-lite/ ; value rules from RDFa Core 1.1 §7.5 step 11
// (https://www.w3.org/TR/rdfa-core/#s_sequence), reduced to @content, @resource/@href/@src,
// @datetime and text. Deliberately not RDFa Core: @about/@rel/@rev and the subject an `href` sets
// on its own are ignored (authors of schema.org RDFa Lite do not rely on them).
// Walks the DOM with an explicit stack (no recursion), bounded in elements and nesting.
import type { BlockWarning, Entity } from '../../src/formats/schema-org/types.js';
import { DEFAULT_PREFIXES, isSchemaOrgIri, normalizeName } from '../../src/formats/schema-org/vocab.js';

export interface RdfaLimits {
  /** Items nested inside one another. @default 32 */
  maxDepth: number;
  /** Elements walked per page. @default 200000 */
  maxVisits: number;
  /** Text values are clipped to this many characters. @default 2000 */
  maxValueChars: number;
}

export const DEFAULT_RDFA_LIMITS: RdfaLimits = { maxDepth: 32, maxVisits: 200_000, maxValueChars: 2000 };

const TEXT = {
  noVocab: (terms: string[]) => `RDFa typeof ${terms.map((t) => `"${t}"`).join(', ')} without a vocab (or prefix): RDFa processors ignore it`,
  tooDeep: (max: number) => `RDFa items nested deeper than ${max} levels were not read`,
  tooMany: (max: number) => `the page has more than ${max} elements; RDFa after that was not read`,
} as const;

interface Scope {
  vocab: string | null;
  prefixes: ReadonlyMap<string, string>;
  /** The item properties attach to (null: the document itself, e.g. Open Graph <meta property>). */
  subject: Entity | null;
  depth: number;
}

const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\/\//i;
const tokens = (value: string | null): string[] => (value ?? '').split(/[\t\n\f\r ]+/).filter(Boolean);

function parsePrefixes(attr: string, inherited: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const prefixes = new Map(inherited);
  for (const m of attr.matchAll(/([A-Za-z_][\w.-]*):\s+(\S+)/g)) prefixes.set(m[1], m[2]);
  return prefixes;
}

/**
 * A typeof/property term → normalised name; null for a bare term with no vocab (ignored by RDFa).
 * RDFa appends a term to the vocab IRI as written, so vocab="https://schema.org" (no slash, as in
 * some of schema.org's own examples) would give "https://schema.orgProduct"; search engines read it
 * as schema.org, and so do we.
 */
function resolveTerm(term: string, scope: Scope): string | null {
  if (ABSOLUTE_IRI.test(term)) return normalizeName(term);
  if (term.includes(':')) return normalizeName(term, scope.prefixes);
  if (!scope.vocab) return null;
  return isSchemaOrgIri(scope.vocab) ? term : normalizeName(scope.vocab + term);
}

function resolveUrl(value: string, base: string): string {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return value.trim();
  }
}

function literal(el: Element, base: string, max: number): string {
  const content = el.getAttribute('content');
  if (content !== null) return content;
  const resource = el.getAttribute('resource');
  if (resource !== null) return resource.trim();
  for (const attr of ['href', 'src']) {
    const v = el.getAttribute(attr);
    if (v !== null) return resolveUrl(v, base);
  }
  const datetime = el.getAttribute('datetime');
  if (datetime !== null) return datetime;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max) : text;
}

function add(subject: Entity, name: string, value: string | Entity): void {
  const existing = subject.props.get(name);
  if (existing) existing.push(value);
  else subject.props.set(name, [value]);
}

/** Top-level RDFa Lite items of a parsed document. Never throws for odd markup. */
export function extractRdfa(doc: Document, baseUrl: string, limits: Partial<RdfaLimits> = {}): { entities: Entity[]; warnings: BlockWarning[] } {
  const lim = { ...DEFAULT_RDFA_LIMITS, ...limits };
  const entities: Entity[] = [];
  const warnings: BlockWarning[] = [];
  const unresolved = new Set<string>();
  let tooDeep = false;
  let visits = 0;
  const root = doc.documentElement;
  const stack: Array<{ el: Element; scope: Scope }> = root ? [{ el: root, scope: { vocab: null, prefixes: DEFAULT_PREFIXES, subject: null, depth: 0 } }] : [];
  while (stack.length > 0) {
    if (++visits > lim.maxVisits) {
      warnings.push({ syntax: 'rdfa', kind: 'too-many', detail: TEXT.tooMany(lim.maxVisits) });
      break;
    }
    const { el, scope: parent } = stack.pop() as { el: Element; scope: Scope };
    let scope = parent;
    const vocab = el.getAttribute('vocab');
    if (vocab !== null) scope = { ...scope, vocab: vocab.trim() || null };
    const prefix = el.getAttribute('prefix');
    if (prefix !== null) scope = { ...scope, prefixes: parsePrefixes(prefix, scope.prefixes) };

    const properties = tokens(el.getAttribute('property'))
      .map((p) => resolveTerm(p, scope) ?? p);
    const typeofAttr = el.getAttribute('typeof');
    if (typeofAttr !== null) {
      if (scope.depth >= lim.maxDepth) {
        tooDeep = true;
        scope = { ...scope, subject: null };
      } else {
        const terms = tokens(typeofAttr);
        const types = terms.flatMap((t) => {
          const name = resolveTerm(t, scope);
          if (name === null) unresolved.add(t);
          return name === null ? [] : [name];
        });
        const entity: Entity = { syntax: 'rdfa', types: [...new Set(types)], props: new Map() };
        const resource = el.getAttribute('resource');
        if (resource !== null) entity.id = resource.trim();
        if (properties.length > 0 && parent.subject) for (const p of properties) add(parent.subject, p, entity);
        else entities.push(entity);
        scope = { ...scope, subject: entity, depth: scope.depth + 1 };
      }
    } else if (properties.length > 0 && scope.subject) {
      const value = literal(el, baseUrl, lim.maxValueChars);
      for (const p of properties) add(scope.subject, p, value);
    }
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ el: children[i], scope });
  }
  if (unresolved.size > 0) warnings.push({ syntax: 'rdfa', kind: 'rdfa-no-vocab', detail: TEXT.noVocab([...unresolved].slice(0, 5)) });
  if (tooDeep) warnings.push({ syntax: 'rdfa', kind: 'too-deep', detail: TEXT.tooDeep(lim.maxDepth) });
  return { entities, warnings };
}
