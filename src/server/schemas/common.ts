// JSON schemas shared by several routes, registered once with addSchema and referenced by $id
// (`{ $ref: 'Audit#' }`); @fastify/swagger turns them into components of /openapi.json.
import { AUDIT_STATUSES } from '../types.js';
import { REPORT_FORMATS } from '../../../reports/index.js';
import { EVERY_PATTERN } from '../every.js';
import { ID_PATTERN } from '../ids.js';
import { MAX_URL_LENGTH } from '../target.js';

export const ApiError = {
  $id: 'ApiError',
  type: 'object',
  description: 'Every error response. `code` is stable (PP_ERR_…); `message` is for people.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', example: 'PP_ERR_INVALID_URL' },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

export const AuditOptions = {
  $id: 'AuditOptions',
  type: 'object',
  description: 'What one audit may be told. Unknown keys are refused (400).',
  additionalProperties: false,
  properties: {
    maxPages: { type: 'integer', minimum: 1, description: 'Pages to crawl at most (default 200; the server caps it).' },
    maxDepth: { type: 'integer', minimum: 1, maximum: 10, description: 'Click depth to follow (default 5).' },
    formats: { type: 'array', items: { type: 'string', enum: [...REPORT_FORMATS] }, uniqueItems: true, maxItems: 3, description: 'Report formats to link to (default all).' },
    questions: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, maxItems: 100, description: 'Fit-check question ids to ask (default all).' },
    answerer: { type: 'string', enum: ['retrieval-only', 'llm'], description: '`llm` needs an LLM configured on the server.' },
    assessment: {
      type: 'object',
      description: 'Assessor scores merged into the model: {"practices": {"<id>": score | {score, note}}}.',
      additionalProperties: true,
    },
  },
} as const;

export const AuditProgress = {
  $id: 'AuditProgress',
  type: ['object', 'null'],
  properties: {
    phase: { type: 'string', enum: ['queued', 'crawl', 'probes', 'fitcheck', 'score', 'report', 'done'] },
    pagesFetched: { type: 'integer' },
    maxPages: { type: ['integer', 'null'] },
    probesStarted: { type: 'integer' },
    probesDone: { type: 'integer' },
    lastUrl: { type: ['string', 'null'] },
  },
} as const;

export const Audit = {
  $id: 'Audit',
  type: 'object',
  required: ['id', 'url', 'host', 'status', 'attempts', 'createdAt', 'links'],
  properties: {
    id: { type: 'string', pattern: ID_PATTERN },
    url: { type: 'string', format: 'uri' },
    host: { type: 'string' },
    status: { type: 'string', enum: [...AUDIT_STATUSES] },
    options: { $ref: 'AuditOptions#' },
    attempts: { type: 'integer', description: 'Times the audit was started (a restart mid-audit starts it again).' },
    progress: { $ref: 'AuditProgress#' },
    error: {
      type: ['object', 'null'],
      description: 'Why a failed audit failed (cancelled audits carry PP_ERR_ABORTED).',
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
    scheduleId: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    durationMs: { type: ['integer', 'null'] },
    scores: {
      type: ['object', 'null'],
      description: 'Headline scores (0–100) of a done audit; the report has the rest.',
      properties: { overall: { type: 'number' }, lenses: { type: 'object', additionalProperties: { type: 'number' } } },
    },
    links: {
      type: 'object',
      properties: {
        self: { type: 'string' },
        events: { type: 'string' },
        history: { type: 'string' },
        report: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
} as const;

export const Schedule = {
  $id: 'Schedule',
  type: 'object',
  required: ['id', 'url', 'host', 'everySeconds', 'nextRunAt', 'createdAt'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    host: { type: 'string' },
    everySeconds: { type: 'integer' },
    options: { $ref: 'AuditOptions#' },
    nextRunAt: { type: 'string', format: 'date-time' },
    lastAuditId: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    links: { type: 'object', properties: { self: { type: 'string' }, history: { type: 'string' } } },
  },
} as const;

export const ScoreDelta = {
  $id: 'ScoreDelta',
  type: 'object',
  properties: { from: { type: 'number' }, to: { type: 'number' }, delta: { type: 'number' } },
} as const;

export const PracticeState = {
  $id: 'PracticeState',
  type: ['object', 'null'],
  properties: { status: { type: 'string', enum: ['pass', 'partial', 'fail', 'manual', 'notApplicable'] }, score: { type: 'number' } },
} as const;

export const ScorePoint = {
  $id: 'ScorePoint',
  type: 'object',
  description: 'The scores of one done audit.',
  properties: {
    auditId: { type: 'string' },
    url: { type: 'string' },
    finishedAt: { type: 'string', format: 'date-time' },
    overall: { type: 'number' },
    lenses: { type: 'object', additionalProperties: { type: 'number' } },
    focusAreas: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { score: { type: 'number' }, stage: { type: 'integer' } } },
    },
    pagesFetched: { type: 'integer' },
  },
} as const;

export const SHARED_SCHEMAS = [ApiError, AuditOptions, AuditProgress, Audit, Schedule, ScoreDelta, PracticeState, ScorePoint];

/** Path parameter of an id. */
export const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: ID_PATTERN } },
} as const;

export const targetUrl = { type: 'string', minLength: 1, maxLength: MAX_URL_LENGTH, description: 'An http(s) URL.' } as const;
export const every = {
  description: 'Interval: seconds, or a duration such as "30m", "1h", "1d".',
  anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: EVERY_PATTERN }],
} as const;

export const errorRef = { $ref: 'ApiError#' } as const;

/** The error responses every /v1 route can give. */
export function errors(...statuses: number[]): Record<number, { $ref: string; description?: string }> {
  const described: Record<number, string> = {
    400: 'Bad request (invalid input, unknown option, refused target)',
    401: 'Missing, unknown or revoked API key',
    404: 'No such resource',
    409: 'The resource is not in a state that allows this',
    413: 'Request body too large',
    429: 'Rate limit or concurrent-audit cap reached',
  };
  return Object.fromEntries(statuses.map((s) => [s, { ...errorRef, description: described[s] }]));
}
