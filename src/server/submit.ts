// Turns a client's audit request (POST /v1/audits, POST /v1/schedules) into a vetted target and
// options: the URL passes the address guard (unless the server allows private targets), the
// options respect the server's caps, and an assessment is checked against the model. Everything
// a request can get wrong is a 400 here, before anything is stored.
import { UsageError } from '../errors.js';
import { assertAssessmentMatches, loadModel, toAssessment } from '../model/index.js';
import type { HostResolver } from '../fetch/types.js';
import { loadQuestions } from '../fitcheck/index.js';
import { vetTarget } from './target.js';
import type { RequestedAuditOptions } from './types.js';

const TEXT = {
  tooManyPages: 'options.maxPages must be at most {max} on this server (got {got})',
  unknownQuestions: 'Unknown fit-check question id(s): {ids} (the built-in question ids are listed in prompts/questions/)',
  noLlm: 'options.answerer "llm" needs an LLM configured on this server (PORTALPROBE_MODEL and OPENAI_BASE_URL or OPENAI_API_KEY); use "retrieval-only"',
};

export interface SubmitLimits {
  allowPrivate: boolean;
  maxPagesLimit: number;
  /** Whether `answerer: "llm"` can run here. */
  llmConfigured: boolean;
  lookup?: HostResolver;
}

let knownQuestionIds: Set<string> | undefined;

/** The built-in fit-check question ids (the service takes no question files). */
function questionIds(): Set<string> {
  knownQuestionIds ??= new Set(loadQuestions().questions.map((q) => q.id));
  return knownQuestionIds;
}

export interface PreparedAudit {
  url: string;
  host: string;
  options: RequestedAuditOptions;
}

/** The limits a server's config puts on submissions. */
export function submitLimits(fastify: { config: { allowPrivate: boolean; maxPagesLimit: number; llmConfigured: boolean }; targetLookup: HostResolver | undefined }): SubmitLimits {
  const { allowPrivate, maxPagesLimit, llmConfigured } = fastify.config;
  return { allowPrivate, maxPagesLimit, llmConfigured, lookup: fastify.targetLookup };
}

export async function prepareAudit(input: { url: string; options?: RequestedAuditOptions }, limits: SubmitLimits): Promise<PreparedAudit> {
  const options: RequestedAuditOptions = { ...input.options };
  if (options.maxPages !== undefined && options.maxPages > limits.maxPagesLimit) {
    throw new UsageError(TEXT.tooManyPages.replace('{max}', String(limits.maxPagesLimit)).replace('{got}', String(options.maxPages)));
  }
  const unknown = (options.questions ?? []).filter((id) => !questionIds().has(id));
  if (unknown.length > 0) throw new UsageError(TEXT.unknownQuestions.replace('{ids}', unknown.join(', ')), { questions: unknown });
  if (options.answerer === 'llm' && !limits.llmConfigured) throw new UsageError(TEXT.noLlm);
  if (options.assessment !== undefined) {
    const assessment = toAssessment(options.assessment);
    assertAssessmentMatches(assessment, loadModel());
    options.assessment = assessment;
  }
  const url = await vetTarget(input.url, { allowPrivate: limits.allowPrivate, lookup: limits.lookup });
  return { url: url.href, host: url.host, options };
}
