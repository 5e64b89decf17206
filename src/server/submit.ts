// Turns a client's audit request (POST /v1/audits, POST /v1/schedules) into a vetted target and
// options: the URL passes the address guard (unless the server allows private targets), the
// options respect the server's caps, and an assessment is checked against the model. Everything
// a request can get wrong is a 400 here, before anything is stored.
import { UsageError } from '../errors.js';
import { assertAssessmentMatches, loadModel, toAssessment } from '../model/index.js';
import type { HostResolver } from '../fetch/types.js';
import { vetTarget } from './target.js';
import type { RequestedAuditOptions } from './types.js';

const TEXT = { tooManyPages: 'options.maxPages must be at most {max} on this server (got {got})' };

export interface SubmitLimits {
  allowPrivate: boolean;
  maxPagesLimit: number;
  lookup?: HostResolver;
}

export interface PreparedAudit {
  url: string;
  host: string;
  options: RequestedAuditOptions;
}

export async function prepareAudit(input: { url: string; options?: RequestedAuditOptions }, limits: SubmitLimits): Promise<PreparedAudit> {
  const options: RequestedAuditOptions = { ...input.options };
  if (options.maxPages !== undefined && options.maxPages > limits.maxPagesLimit) {
    throw new UsageError(TEXT.tooManyPages.replace('{max}', String(limits.maxPagesLimit)).replace('{got}', String(options.maxPages)));
  }
  if (options.assessment !== undefined) {
    const assessment = toAssessment(options.assessment);
    assertAssessmentMatches(assessment, loadModel());
    options.assessment = assessment;
  }
  const url = await vetTarget(input.url, { allowPrivate: limits.allowPrivate, lookup: limits.lookup });
  return { url: url.href, host: url.host, options };
}
