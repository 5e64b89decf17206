// Validates OpenAPI / Swagger documents with @readme/openapi-parser (v9 `validate()`: the official
// JSON Schemas for 2.0 / 3.0 / 3.1 plus semantic rules) in a worker thread, so that a document
// which makes the validator run away (a $ref graph that expands exponentially under AJV, a
// memory blow-up) is stopped by a timeout and a heap limit instead of freezing the audit.
//
// External references are never resolved: `resolve.external: false` makes the parser leave every
// non-local `$ref` alone (no HTTP, no file system), and `resolve.file: false` keeps file access off
// even if that changed. The probe reports external refs itself (probes/openapi/refs.ts).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One document may take this long (the 1.9 MB Twilio API validates in well under a second). */
export const VALIDATE_TIMEOUT_MS = 20_000;
/** Loading the parser in a fresh worker (not counted in VALIDATE_TIMEOUT_MS: a busy machine is slow to start). */
export const STARTUP_TIMEOUT_MS = 60_000;
/** Heap of the validator worker; a document that needs more is reported, not validated. */
export const VALIDATOR_HEAP_MB = 512;
/** Error and warning messages kept per document. */
export const MAX_MESSAGES = 5;
const MAX_MESSAGE_CHARS = 300;

const TEXT = {
  unsupported: (v: string) => `the validator does not support OpenAPI ${v} yet; not validated`,
  timeout: (ms: number) => `validation did not finish within ${ms / 1000} s; not validated`,
  crashed: (m: string) => `the validator stopped: ${m}; not validated`,
  noStart: (m: string) => `the validator could not start: ${m}; not validated`,
  notString: (field: string) => `the "${field}" field must be a string`,
  threw: (m: string) => `the validator could not read the document: ${m}`,
} as const;

/** Options handed to @readme/openapi-parser's validate() (structured-cloned into the worker). */
export const PARSER_OPTIONS = {
  resolve: { external: false, file: false },
  // Bounds dereferencing inside the parser as well (json-schema-ref-parser `timeoutMs`).
  timeoutMs: 10_000,
} as const;

export interface ValidationOutcome {
  /** The validator's verdict; null when it gave none (unsupported version, timeout, crash). */
  valid: boolean | null;
  errors: string[];
  warnings: string[];
  /** Errors beyond `errors` (the validator's own count plus the ones we cut). */
  moreErrors: number;
  /** Why there is no verdict. */
  skipped?: 'unsupportedVersion' | 'timeout' | 'crashed';
}

export interface SpecValidator {
  validate(spec: Record<string, unknown>): Promise<ValidationOutcome>;
  /** Ends the worker. */
  close(): Promise<void>;
}

export interface SpecValidatorOptions {
  /** @default VALIDATE_TIMEOUT_MS */
  timeoutMs?: number;
  /** @default VALIDATOR_HEAP_MB */
  maxHeapMb?: number;
}

/**
 * `REQUIRED must have required property 'url'\n\n  8 | …\n> 9 | { …` → one line: the headline plus
 * the source line it points at. The validator prints a code frame of a re-serialised document, so
 * its line numbers are not the file's; the quoted line is what helps a reader.
 */
export function compactMessage(message: string): string {
  // eslint-disable-next-line no-control-regex
  const lines = message.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const head = lines[0].trim();
  const pointer = lines.find((l) => /^\s*>\s*\d+\s*\|/.test(l));
  const at = pointer ? pointer.replace(/^\s*>\s*\d+\s*\|/, '').trim() : '';
  const text = at && at !== '{' ? `${head} (at ${at})` : head;
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text;
}

/** Checks the validator cannot make sense of, done before handing the document over. */
export function precheck(spec: Record<string, unknown>): ValidationOutcome | null {
  const field = spec.openapi !== undefined ? 'openapi' : spec.swagger !== undefined ? 'swagger' : null;
  if (field && typeof spec[field] !== 'string') {
    return { valid: false, errors: [TEXT.notString(field)], warnings: [], moreErrors: 0 };
  }
  const version = typeof spec.openapi === 'string' ? spec.openapi : '';
  // @readme/openapi-parser 9 throws "OpenAPI 3.2 is currently unsupported" (and has no 3.3+ schema).
  if (/^3\.([2-9]|\d\d)/.test(version) || /^[4-9]\./.test(version)) {
    return { valid: null, errors: [], warnings: [TEXT.unsupported(version)], moreErrors: 0, skipped: 'unsupportedVersion' };
  }
  return null;
}

// The worker: CommonJS evaluated from a string so it runs the same from TypeScript sources (tests)
// and from the compiled build, with the parser loaded by absolute path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let parser;
try {
  parser = require(workerData.parserPath);
  parentPort.postMessage({ ready: true });
} catch (err) {
  parentPort.postMessage({ ready: false, message: String((err && err.message) || err) });
}
parentPort.on('message', async ({ id, spec }) => {
  try {
    const r = await parser.validate(spec, workerData.options);
    const pick = (list) => (Array.isArray(list) ? list.map((e) => String(e && e.message)) : []);
    parentPort.postMessage({ id, result: { valid: r.valid, errors: r.valid ? [] : pick(r.errors), warnings: pick(r.warnings), additionalErrors: r.additionalErrors || 0 } });
  } catch (err) {
    parentPort.postMessage({ id, thrown: { name: (err && err.name) || 'Error', message: String((err && err.message) || err) } });
  }
});
`;

interface WorkerReply {
  id: number;
  result?: { valid: boolean; errors: string[]; warnings: string[]; additionalErrors: number };
  thrown?: { name: string; message: string };
}

function fromReply(reply: WorkerReply): ValidationOutcome {
  if (reply.result) {
    const { valid, errors, warnings, additionalErrors } = reply.result;
    return {
      valid,
      errors: errors.slice(0, MAX_MESSAGES).map(compactMessage),
      warnings: warnings.slice(0, MAX_MESSAGES).map(compactMessage),
      moreErrors: Math.max(0, errors.length - MAX_MESSAGES) + additionalErrors,
    };
  }
  const thrown = reply.thrown ?? { name: 'Error', message: 'no answer' };
  if (/unsupported/i.test(thrown.message)) {
    return { valid: null, errors: [], warnings: [compactMessage(thrown.message)], moreErrors: 0, skipped: 'unsupportedVersion' };
  }
  // Stack exhaustion and the parser's own dereference timeout say nothing about the document's validity.
  if (thrown.name === 'RangeError' || /timeout|timed out/i.test(thrown.name + thrown.message)) {
    return { valid: null, errors: [], warnings: [TEXT.crashed(compactMessage(thrown.message))], moreErrors: 0, skipped: 'crashed' };
  }
  return { valid: false, errors: [TEXT.threw(compactMessage(thrown.message))], warnings: [], moreErrors: 0 };
}

export function createSpecValidator(options: SpecValidatorOptions = {}): SpecValidator {
  const timeoutMs = options.timeoutMs ?? VALIDATE_TIMEOUT_MS;
  const maxHeapMb = options.maxHeapMb ?? VALIDATOR_HEAP_MB;
  const parserPath = createRequire(import.meta.url).resolve('@readme/openapi-parser');
  let worker: { w: Worker; ready: Promise<string | null> } | null = null;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  /** Set when a worker could not start: later documents are not retried (each try could cost the startup timeout). */
  let broken: string | null = null;

  /** A worker plus a promise of its start-up: null once the parser is loaded, else why it is not. */
  const spawn = (): { w: Worker; ready: Promise<string | null> } => {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { parserPath, options: PARSER_OPTIONS },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    w.unref();
    // Always listened to: an 'error' event without a listener would be thrown in the audit's process.
    w.on('error', () => undefined);
    const ready = new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => resolve(`no answer within ${STARTUP_TIMEOUT_MS / 1000} s`), STARTUP_TIMEOUT_MS);
      const done = (why: string | null): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        resolve(why);
      };
      const onMessage = (m: { ready?: boolean; message?: string }): void => {
        if (m.ready !== undefined) done(m.ready ? null : (m.message ?? 'unknown error'));
      };
      const onError = (err: Error): void => done(err.message);
      w.on('message', onMessage);
      w.on('error', onError);
    });
    return { w, ready };
  };

  const noVerdict = (skipped: 'timeout' | 'crashed', warning: string): ValidationOutcome => ({ valid: null, errors: [], warnings: [warning], moreErrors: 0, skipped });

  const run = async (spec: Record<string, unknown>): Promise<ValidationOutcome> => {
    if (broken) return noVerdict('crashed', TEXT.noStart(broken));
    const slot = (worker ??= spawn());
    const { w } = slot;
    const notReady = await slot.ready;
    if (notReady) {
      broken = compactMessage(notReady);
      if (worker === slot) worker = null;
      void w.terminate();
      return noVerdict('crashed', TEXT.noStart(broken));
    }
    return new Promise<ValidationOutcome>((resolve) => {
      const id = nextId++;
      let settled = false;
      const finish = (outcome: ValidationOutcome, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          if (worker === slot) worker = null;
          void w.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id === id) finish(fromReply(reply), false);
      };
      // A heap overflow (ERR_WORKER_OUT_OF_MEMORY) or any crash ends up here.
      const onError = (err: Error): void => finish(noVerdict('crashed', TEXT.crashed(compactMessage(err.message))), true);
      const onExit = (): void => onError(new Error('the validator worker exited'));
      const timer = setTimeout(() => finish(noVerdict('timeout', TEXT.timeout(timeoutMs)), true), timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      try {
        w.postMessage({ id, spec });
      } catch (err) {
        // The document cannot be cloned (far too deep, say): no verdict, the worker is fine.
        finish(noVerdict('crashed', TEXT.crashed(err instanceof Error ? err.message : String(err))), false);
      }
    });
  };

  return {
    validate(spec) {
      const pre = precheck(spec);
      if (pre) return Promise.resolve(pre);
      // One document at a time per worker: a timeout then always belongs to the document at hand.
      const next = queue.then(() => run(spec));
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      const slot = worker;
      worker = null;
      if (slot) await slot.w.terminate();
    },
  };
}
