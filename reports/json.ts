// The JSON renderer and validator for the report contract (docs/ARCHITECTURE.md §3, schemaVersion 1).
// renderJson writes keys in contract order so diffs between two reports stay readable;
// validateReport checks a value (a saved report, an upload) against report.schema.json with ajv.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { ReportInvalidError } from '../src/errors.js';
import type { Report } from '../src/contract/index.js';
import reportSchema from './report.schema.json' with { type: 'json' };
import { isRecord } from '../src/util/is-record.js';

const INVALID_TITLE = 'The report does not match the contract (schemaVersion 1)';
/** Errors listed in the message; all of them are in `details.errors`. */
const MAX_ERRORS_IN_MESSAGE = 20;
const MAX_ERRORS_COLLECTED = 200;

/**
 * Key order, per object. Keys the contract lists come first in this order; any other key (the
 * contract allows additions) follows in its original order. `items` applies to array elements,
 * `each` to every value of a record, `keys` children by name.
 */
interface Order {
  keys?: string[];
  children?: Record<string, Order>;
  items?: Order;
  each?: Order;
}

const EVIDENCE: Order = { keys: ['url', 'note', 'quote'] };

const REPORT_ORDER: Order = {
  keys: ['schemaVersion', 'tool', 'target', 'run', 'model', 'scores', 'practices', 'probes', 'fitCheck', 'roadmap'],
  children: {
    tool: { keys: ['name', 'version'] },
    target: { keys: ['url', 'finalUrl', 'startedAt', 'finishedAt'] },
    run: {
      keys: ['durationMs', 'pagesFetched', 'requests', 'bytesFetched', 'answerer', 'tokens', 'robots', 'pagesSkippedByRobots'],
      children: { tokens: { keys: ['prompt', 'completion'] } },
    },
    model: { keys: ['id', 'version'] },
    scores: {
      keys: ['overall', 'lenses', 'focusAreas', 'enablers'],
      children: {
        lenses: { keys: ['core', 'businessReadiness', 'aiVisibility'] },
        focusAreas: {
          keys: ['discovery', 'decisionMaking', 'onboarding', 'goLive', 'maintenance', 'community'],
          each: { keys: ['score', 'stage'] },
        },
        enablers: { items: { keys: ['id', 'name', 'focusArea', 'score', 'stage', 'met', 'total'] } },
      },
    },
    practices: {
      items: {
        keys: ['id', 'name', 'focusArea', 'enabler', 'stage', 'lenses', 'score', 'status', 'evidence', 'decidedBy', 'definition', 'weight'],
        children: { evidence: { items: EVIDENCE } },
      },
    },
    probes: {
      items: {
        keys: ['id', 'status', 'durationMs', 'facts', 'findings', 'error'],
        children: {
          findings: { items: { keys: ['severity', 'message', 'url', 'evidence'] } },
          error: { keys: ['code', 'message'] },
        },
      },
    },
    fitCheck: {
      items: {
        keys: ['id', 'persona', 'question', 'answerable', 'answer', 'confidence', 'citations', 'human', 'agent'],
        children: {
          citations: { items: { keys: ['url', 'quote', 'verified'] } },
          human: { keys: ['clickDepth', 'gated'] },
          agent: { keys: ['reachable', 'blockedBy'] },
        },
      },
    },
    roadmap: {
      items: {
        keys: ['priority', 'practiceId', 'title', 'why', 'evidence', 'done', 'focusArea'],
        children: { evidence: { items: EVIDENCE } },
      },
    },
  },
};

/** A copy of `value` with object keys in contract order; values the spec does not describe are kept as they are. */
function ordered(value: unknown, order: Order | undefined): unknown {
  if (!order) return value;
  if (Array.isArray(value)) return order.items ? value.map((item) => ordered(item, order.items)) : value;
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  const known = order.keys ?? [];
  const rest = Object.keys(value).filter((key) => !known.includes(key));
  for (const key of [...known, ...rest]) {
    if (!Object.hasOwn(value, key)) continue;
    out[key] = ordered(value[key], order.children?.[key] ?? order.each);
  }
  return out;
}

/** The report as JSON: 2-space indent, keys in contract order, trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(ordered(report, REPORT_ORDER), null, 2)}\n`;
}

export interface SchemaProblem {
  /** JSON Pointer to the offending value (RFC 6901), e.g. `/practices/3/status`; a missing key is pointed at. */
  path: string;
  message: string;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    // allErrors so one validation lists every problem; capped below for hostile input.
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    // ajv-formats is CommonJS with `exports.default`; under NodeNext the namespace import holds it.
    const addFormats = ajvFormats.default as unknown as (instance: Ajv2020) => Ajv2020;
    addFormats(ajv);
    compiled = ajv.compile(reportSchema);
  }
  return compiled;
}

function toProblem(error: ErrorObject): SchemaProblem {
  const base = error.instancePath;
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    return { path: `${base}/${missing}`, message: 'is required' };
  }
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    message += ` (${allowed.map((v) => JSON.stringify(v)).join(', ')})`;
  } else if (error.keyword === 'const') {
    message += ` (${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)})`;
  }
  return { path: base === '' ? '/' : base, message };
}

/**
 * Checks `value` against the contract and returns it typed as a Report. Throws ReportInvalidError
 * whose message lists the problems by path and whose `details.errors` holds them all (capped).
 */
export function validateReport(value: unknown): Report {
  const validate = validator();
  if (validate(value)) return value as Report;
  const problems = (validate.errors ?? []).slice(0, MAX_ERRORS_COLLECTED).map(toProblem);
  const shown = problems.slice(0, MAX_ERRORS_IN_MESSAGE).map((p) => `- ${p.path}: ${p.message}`);
  const more = problems.length > MAX_ERRORS_IN_MESSAGE ? [`- … and ${problems.length - MAX_ERRORS_IN_MESSAGE} more`] : [];
  throw new ReportInvalidError([`${INVALID_TITLE}:`, ...shown, ...more].join('\n'), { errors: problems });
}
