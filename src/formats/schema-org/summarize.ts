// Pure helpers over Entities: walk a tree without recursion, collect its types, reduce an item to
// what the report keeps (types, top-level property names, nested types), read a property as text.
import type { Entity, Value } from './types.js';
import { isSchemaName } from './vocab.js';
import type { ItemSummary } from '../../contract/index.js';

/** Upper bound on entities visited by one walk (the extractors already bound what they build). */
const MAX_WALK = 100_000;

export interface Visit {
  entity: Entity;
  /** 0 for the root. */
  depth: number;
  /** The entity this one is a property value of (null for the root). */
  parent: Entity | null;
}

/** Every entity of the tree under `root` (root first, then depth-first), each once. */
export function* walk(root: Entity): Generator<Visit> {
  const seen = new Set<Entity>();
  const stack: Visit[] = [{ entity: root, depth: 0, parent: null }];
  while (stack.length > 0 && seen.size < MAX_WALK) {
    const visit = stack.pop() as Visit;
    if (seen.has(visit.entity)) continue;
    seen.add(visit.entity);
    yield visit;
    const children: Visit[] = [];
    for (const values of visit.entity.props.values()) {
      for (const v of values) if (typeof v !== 'string') children.push({ entity: v, depth: visit.depth + 1, parent: visit.entity });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** All types in the tree (root included), normalised as the extractors wrote them. */
export function treeTypes(root: Entity): Set<string> {
  const types = new Set<string>();
  for (const { entity } of walk(root)) for (const t of entity.types) types.add(t);
  return types;
}

/** The schema.org names among `types`, sorted. */
export function schemaTypes(types: Iterable<string>): string[] {
  return [...new Set(types)].filter(isSchemaName).sort();
}

export function summarizeItem(entity: Entity): ItemSummary {
  const nested = new Set<string>();
  for (const { entity: e, depth } of walk(entity)) if (depth > 0) for (const t of e.types) nested.add(t);
  return {
    syntax: entity.syntax,
    types: [...entity.types],
    properties: [...entity.props.keys()].sort(),
    nestedTypes: [...nested].sort(),
  };
}

/** A value as text: strings as they are; an entity by its url, name or @id. */
export function valueText(value: Value): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  for (const prop of ['url', 'name']) {
    const v = value.props.get(prop)?.find((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (v) return v.trim();
  }
  return value.id?.trim() || undefined;
}

/** The values of a property as text (entities by url, name or @id), without blanks or repeats. */
export function texts(entity: Entity, prop: string): string[] {
  const out = (entity.props.get(prop) ?? []).map(valueText).filter((v): v is string => v !== undefined);
  return [...new Set(out)];
}

/** The first text value of a property. */
export function firstText(entity: Entity, prop: string): string | undefined {
  return texts(entity, prop)[0];
}

/** The entity values of a property. */
export function entities(entity: Entity, prop: string): Entity[] {
  return (entity.props.get(prop) ?? []).filter((v): v is Entity => typeof v !== 'string');
}
