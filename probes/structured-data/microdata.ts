// HTML microdata (itemscope / itemtype / itemprop / itemid / itemref) → Entities, following the
// WHATWG algorithms: top-level items are elements with itemscope and no itemprop; an item's
// properties are found by "crawling the properties" (children, then itemref targets, never inside
// a nested itemscope, with a memory so itemref loops end); values per "the property value" table.
// https://html.spec.whatwg.org/multipage/microdata.html
// Works on a parsed Document (jsdom, scripts never run); bounded in depth, items and elements visited.
import type { BlockWarning, Entity, Value } from '../../src/formats/schema-org/types.js';
import { normalizeName } from '../../src/formats/schema-org/vocab.js';

export interface MicrodataLimits {
  /** Nested items followed below a top-level item. @default 32 */
  maxDepth: number;
  /** Top-level items read per page. @default 1000 */
  maxItems: number;
  /** Elements visited while crawling properties, per page. @default 200000 */
  maxVisits: number;
  /** Text values are clipped to this many characters. @default 2000 */
  maxValueChars: number;
}

export const DEFAULT_MICRODATA_LIMITS: MicrodataLimits = { maxDepth: 32, maxItems: 1000, maxVisits: 200_000, maxValueChars: 2000 };

const TEXT = {
  tooDeep: (max: number) => `microdata items nested deeper than ${max} levels were not read`,
  tooMany: (what: string) => `the page has more microdata than is read (${what}); the rest was skipped`,
} as const;

/** Elements whose value is a URL attribute (HTML "the property value" table). */
const URL_ATTR: Record<string, string> = {
  AUDIO: 'src', EMBED: 'src', IFRAME: 'src', IMG: 'src', SOURCE: 'src', TRACK: 'src', VIDEO: 'src',
  A: 'href', AREA: 'href', LINK: 'href', OBJECT: 'data',
};

interface State {
  limits: MicrodataLimits;
  base: string;
  visits: number;
  tooDeep: boolean;
  tooMany: boolean;
}

const tokens = (value: string | null): string[] => (value ?? '').split(/[\t\n\f\r ]+/).filter(Boolean);

function resolveUrl(value: string | null, base: string): string {
  const v = (value ?? '').trim();
  if (!v) return '';
  try {
    return new URL(v, base).href;
  } catch {
    return v;
  }
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max) : t;
}

/** "The property value" of a non-item element. */
function propertyValue(el: Element, state: State): string {
  const tag = el.tagName.toUpperCase();
  if (tag === 'META') return el.getAttribute('content') ?? '';
  const urlAttr = URL_ATTR[tag];
  if (urlAttr) return resolveUrl(el.getAttribute(urlAttr), state.base);
  if (tag === 'DATA' || tag === 'METER') return el.getAttribute('value') ?? '';
  if (tag === 'TIME' && el.hasAttribute('datetime')) return el.getAttribute('datetime') ?? '';
  return clip(el.textContent ?? '', state.limits.maxValueChars);
}

/** "Crawl the properties" of the item `root`: its property elements in tree order. */
function crawlProperties(root: Element, state: State): Element[] {
  const doc = root.ownerDocument;
  const results: Element[] = [];
  const memory = new Set<Element>([root]);
  const pending: Element[] = Array.from(root.children);
  for (const id of tokens(root.getAttribute('itemref'))) {
    const target = doc.getElementById(id);
    if (target) pending.push(target);
  }
  while (pending.length > 0) {
    if (++state.visits > state.limits.maxVisits) {
      state.tooMany = true;
      break;
    }
    const current = pending.pop() as Element;
    if (memory.has(current)) continue; // a microdata error (loop); skip as the spec says
    memory.add(current);
    if (!current.hasAttribute('itemscope')) pending.push(...Array.from(current.children));
    if (tokens(current.getAttribute('itemprop')).length > 0) results.push(current);
  }
  // Tree order (Node.DOCUMENT_POSITION_FOLLOWING = 4).
  return results.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

function readItem(el: Element, state: State, path: Set<Element>): Entity {
  const entity: Entity = {
    syntax: 'microdata',
    types: [...new Set(tokens(el.getAttribute('itemtype')).map((t) => normalizeName(t)))],
    props: new Map(),
  };
  if (el.hasAttribute('itemid')) entity.id = resolveUrl(el.getAttribute('itemid'), state.base);
  path.add(el);
  for (const prop of crawlProperties(el, state)) {
    let value: Value | null;
    if (prop.hasAttribute('itemscope')) {
      if (path.has(prop)) value = null; // an item that is its own (indirect) property
      else if (path.size >= state.limits.maxDepth) {
        state.tooDeep = true;
        value = null;
      } else value = readItem(prop, state, path);
    } else {
      value = propertyValue(prop, state);
    }
    if (value === null) continue;
    for (const name of tokens(prop.getAttribute('itemprop'))) {
      const key = normalizeName(name);
      const existing = entity.props.get(key);
      if (existing) existing.push(value);
      else entity.props.set(key, [value]);
    }
  }
  path.delete(el);
  return entity;
}

/** Top-level microdata items of a parsed document. Never throws for odd markup. */
export function extractMicrodata(doc: Document, baseUrl: string, limits: Partial<MicrodataLimits> = {}): { entities: Entity[]; warnings: BlockWarning[] } {
  const state: State = { limits: { ...DEFAULT_MICRODATA_LIMITS, ...limits }, base: baseUrl, visits: 0, tooDeep: false, tooMany: false };
  const entities: Entity[] = [];
  const warnings: BlockWarning[] = [];
  const tops = Array.from(doc.querySelectorAll('[itemscope]')).filter((el) => !el.hasAttribute('itemprop'));
  if (tops.length > state.limits.maxItems) state.tooMany = true;
  for (const el of tops.slice(0, state.limits.maxItems)) {
    entities.push(readItem(el, state, new Set()));
    if (state.visits > state.limits.maxVisits) break;
  }
  if (state.tooDeep) warnings.push({ syntax: 'microdata', kind: 'too-deep', detail: TEXT.tooDeep(state.limits.maxDepth) });
  if (state.tooMany) warnings.push({ syntax: 'microdata', kind: 'too-many', detail: TEXT.tooMany(`${state.limits.maxItems} items, ${state.limits.maxVisits} elements`) });
  return { entities, warnings };
}
