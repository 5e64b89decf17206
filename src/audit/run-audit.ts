// One audit, end to end: gather (crawl + probes) → judge (pure scoring) → a Report object.
// Renderers and storage take it from there; nothing here writes files.
import { setMaxListeners } from 'node:events';
import { AbortedError, InvalidUrlError, UnsupportedSchemeError, UsageError } from '../errors.js';
import { createHttpClient } from '../fetch/client.js';
import { createAuditFetch } from '../fetch/audit-fetch.js';
import { crawl } from '../crawl/crawler.js';
import { createPageParser } from '../crawl/parse-pool.js';
import { discoverSeeds } from '../crawl/seeds.js';
import { runProbes } from './probe-runner.js';
import { browserAccess, tryLaunchBrowser, closeBrowser, createRenderLinks } from '../browser/index.js';
import { createAnswerer, loadPrompts, loadQuestions, runFitCheck } from '../fitcheck/index.js';
import type { LoadedQuestions } from '../fitcheck/questions.js';
import { decodeBody } from '../fetch/decode.js';
import type { Report } from '../contract/index.js';
import { ALL_PROBES, PAGE_COLLECTORS } from '../../probes/index.js';
import { loadRobotsPolicy } from './robots-policy.js';
import { AUDIT_DEFAULTS, type AuditOptions } from './options.js';
import { buildReport } from './build-report.js';

export function parseTargetUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch (err) {
    throw new InvalidUrlError(input, err);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsupportedSchemeError(input, url.protocol.replace(/:$/, ''));
  return url;
}

function selectQuestions(loaded: LoadedQuestions, ids: string[] | undefined): LoadedQuestions {
  if (!ids || ids.length === 0) return loaded;
  const known = new Set(loaded.questions.map((q) => q.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UsageError(`Unknown fit-check question id(s): ${unknown.join(', ')}`);
  const wanted = new Set(ids);
  return { ...loaded, questions: loaded.questions.filter((q) => wanted.has(q.id)) };
}

export async function runAudit(target: string, options: AuditOptions = {}): Promise<Report> {
  const url = parseTargetUrl(target);
  const emit = options.onProgress ?? (() => {});
  // Question files and answerer settings are checked before any request, so bad input fails fast.
  const questions = selectQuestions(loadQuestions({ files: options.questionFiles }), options.questionIds);
  const answerer = createAnswerer({
    answerer: options.answerer,
    model: options.llmModel,
    baseURL: options.llmBaseUrl,
    cacheDir: options.llmCacheDir,
    personas: questions.sets.flatMap((s) => s.personas),
  });
  const t0 = performance.now();
  const maxPages = options.maxPages ?? AUDIT_DEFAULTS.maxPages;
  const client = createHttpClient({ ...options.client, allowPrivate: options.allowPrivate ?? false });
  const parser = createPageParser(undefined, { collectors: PAGE_COLLECTORS });
  const controller = new AbortController();
  // Every in-flight fetch, render and probe listens for cancellation on this one signal.
  setMaxListeners(0, controller.signal);
  // One headless browser per audit, when one is installed and wanted: the crawl renders app-shell
  // pages to follow the links a person would see, and the rendering probe compares raw vs rendered.
  const launched = options.browser === false || process.env.PORTALPROBE_NO_BROWSER
    ? { browser: null, reason: options.browser === false ? 'disabled for this audit' : 'PORTALPROBE_NO_BROWSER is set' }
    : await tryLaunchBrowser();
  const abort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const rawFetch = createAuditFetch(client);
    emit({ type: 'phase', phase: 'crawl', at: Date.now() });
    const robots = await loadRobotsPolicy(url.origin, rawFetch, client.userAgent, options.ignoreRobots ?? false);
    const fetch = robots.wrap(rawFetch);
    const snapshot = await crawl(url.href, {
      fetch,
      parser,
      robotsPolicy: robots.policy,
      seeds: (origin) => discoverSeeds(origin, fetch),
      renderLinks: launched.browser ? createRenderLinks(launched.browser, fetch) : undefined,
      onPage: (page, fetched) => emit({ type: 'page', url: page.url, status: page.status, fetched, maxPages }),
      signal: controller.signal,
      requestCount: () => client.stats,
    }, { maxPages, maxDepth: options.maxDepth ?? AUDIT_DEFAULTS.maxDepth });

    const checkCancelled = () => {
      if (controller.signal.aborted) throw new AbortedError(url.href, controller.signal.reason);
    };
    checkCancelled();
    emit({ type: 'phase', phase: 'probes', at: Date.now() });
    const probes = await runProbes(ALL_PROBES, {
      snapshot,
      fetch,
      signal: controller.signal,
      browser: browserAccess(launched),
      options: { maxLinkChecks: AUDIT_DEFAULTS.maxLinkChecks, maxSitemapDepth: AUDIT_DEFAULTS.maxSitemapDepth },
    }, {
      onProbeStart: (id) => emit({ type: 'probe', id, status: 'running' }),
      onProbeDone: (entry) => emit({ type: 'probe', id: entry.id, status: entry.status, durationMs: entry.durationMs }),
    }, { skip: options.skipProbes });

    checkCancelled();
    emit({ type: 'phase', phase: 'fitcheck', at: Date.now() });
    const robotsRes = await fetch(`${snapshot.origin}/robots.txt`); // cached: no new request
    const robotsOk = !robotsRes.error && robotsRes.status >= 200 && robotsRes.status < 300;
    const fit = await runFitCheck({
      snapshot,
      probes,
      questions,
      answerer,
      robotsTxt: robotsOk ? decodeBody(robotsRes.body, robotsRes.headers['content-type']) : null,
      budgetTokens: options.budgetTokens,
      signal: controller.signal,
      onProgress: emit,
    });

    checkCancelled();
    emit({ type: 'phase', phase: 'score', at: Date.now() });
    const stats = client.stats;
    const prompts = loadPrompts();
    const report = buildReport({
      snapshot: { ...snapshot, requests: stats.requests, bytesFetched: stats.bytes, skippedByRobots: robots.skipped() },
      probes,
      fitCheck: fit.entries,
      answerer: fit.answerer,
      tokens: fit.tokens,
      fitCheckRun: {
        costUsd: fit.costUsd ?? null,
        cache: fit.cache,
        requests: fit.requests,
        questionSets: fit.questionSets,
        promptVersion: prompts.version,
        suspectedInjections: fit.suspectedInjections,
        pagesIndexed: fit.pagesIndexed,
        chunksIndexed: fit.chunksIndexed,
      },
      prompts: { version: prompts.version, system: prompts.system.text, answerInstructions: prompts.answer.text },
      assessment: options.assessment,
      durationMs: Math.round(performance.now() - t0),
      robotsIgnoredOn: robots.ignoredOn(),
    });
    emit({ type: 'phase', phase: 'done', at: Date.now() });
    return report;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await parser.close();
    await closeBrowser(launched.browser);
    await client.close();
  }
}
