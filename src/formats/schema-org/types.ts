// The one shape every syntax is read into. JSON-LD, microdata and RDFa Lite all describe the same
// thing — typed entities with property values — so the extractors produce Entities and everything
// after them (type lists, business facts, findings) is written once, whatever the markup.
import type { Syntax } from '../../contract/index.js';

/** A property value: text (literals and IRIs alike) or a nested entity. */
export type Value = string | Entity;

export interface Entity {
  syntax: Syntax;
  /**
   * Normalised types: schema.org types as bare names (`Product`, whatever prefix the markup used);
   * other vocabularies as absolute IRIs (or as written when they cannot be resolved). A bare name
   * therefore always means schema.org (see vocab.ts).
   */
  types: string[];
  /** `@id` / `itemid` / RDFa `resource`, when given. */
  id?: string;
  /** Property name (schema.org names bare) → values in document order. A Map: keys are page content. */
  props: Map<string, Value[]>;
}

export interface InvalidBlock {
  syntax: Syntax;
  /** 0-based index of the block among the page's JSON-LD blocks. */
  block: number;
  /** Parser message with line/column and a short excerpt. */
  reason: string;
  /** True when a lenient re-read (comments, control characters… removed) could still use it. */
  recovered: boolean;
}

export type WarningKind = 'context-missing' | 'context-not-schema-org' | 'not-an-object' | 'too-large' | 'too-deep' | 'too-many' | 'rdfa-no-vocab';

export interface BlockWarning {
  syntax: Syntax;
  kind: WarningKind;
  /** JSON-LD block index, when the warning is about one block. */
  block?: number;
  detail: string;
}

export interface PageStructuredData {
  url: string;
  /** Top-level entities of every syntax, in document order per syntax (JSON-LD, microdata, RDFa). */
  entities: Entity[];
  invalid: InvalidBlock[];
  warnings: BlockWarning[];
  /** Number of JSON-LD blocks read. */
  jsonLdBlocks: number;
  /** Whether the page's HTML was parsed for microdata / RDFa (the cheap string check matched). */
  domParsed: boolean;
}
