// Assembles the JSON report (contract: docs/ARCHITECTURE.md §3) from gathered evidence. Pure: the
// same snapshot summary, probe results and fit-check answers always give the same scores.
import { packageInfo } from '../util/package-info.js';
import { loadModel, scorePractices, scoreModel, buildRoadmap, factsFromProbes, type Assessment } from '../model/index.js';
import { type FitCheckEntry, type Page, type ProbeResultEntry, type Report, SCHEMA_VERSION, type Snapshot } from '../contract/index.js';

export interface ReportInput {
  snapshot: Omit<Snapshot, 'pages'> & { pages: Pick<Page, 'url' | 'finalUrl' | 'status' | 'depth' | 'via' | 'contentType' | 'title' | 'parseNote'>[] };
  probes: ProbeResultEntry[];
  fitCheck: FitCheckEntry[];
  answerer: string;
  tokens: { prompt: number; completion: number };
  assessment?: Assessment;
  durationMs: number;
  /** URLs fetched although robots.txt disallows them for portalprobe (--ignore-robots). */
  robotsIgnoredOn?: string[];
  modelPath?: string;
  /** Extra fit-check run information (cache, requests, suspected prompt injections …). */
  fitCheckRun?: Record<string, unknown>;
  /** The LLM prompts used (printed in the report's appendix). */
  prompts?: { version: string; system: string; answerInstructions: string };
}

export function buildReport(input: ReportInput): Report {
  const model = loadModel(input.modelPath);
  const facts = factsFromProbes(input.probes);
  const practices = scorePractices(model, facts, input.fitCheck, input.assessment);
  const scores = scoreModel(model, practices);
  const roadmap = buildRoadmap(model, practices);
  const tool = packageInfo();
  const { snapshot } = input;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: tool.name, version: tool.version },
    target: { url: snapshot.startUrl, finalUrl: snapshot.finalUrl, startedAt: snapshot.startedAt, finishedAt: snapshot.finishedAt },
    run: {
      durationMs: input.durationMs,
      pagesFetched: snapshot.pages.length,
      requests: snapshot.requests,
      bytesFetched: snapshot.bytesFetched,
      answerer: input.answerer,
      tokens: input.tokens,
      robots: snapshot.robotsPolicy,
      pagesSkippedByRobots: snapshot.skippedByRobots,
      pagesFetchedDespiteRobots: input.robotsIgnoredOn ?? [],
      pagesNotFetched: snapshot.notFetched,
      ...(input.fitCheckRun ? { fitCheck: input.fitCheckRun } : {}),
    },
    model: { id: model.id, version: model.version },
    scores,
    practices,
    probes: input.probes,
    fitCheck: input.fitCheck,
    roadmap,
    ...(input.prompts ? { prompts: input.prompts } : {}),
    // The crawl's page list (no bodies): where each page was found and how deep, for the
    // human-vs-agent comparison and for anyone checking what the audit saw.
    pages: snapshot.pages.map((p) => ({
      url: p.url, finalUrl: p.finalUrl, status: p.status, depth: p.depth, via: p.via,
      contentType: p.contentType, title: p.title,
      // Markup that had to be flattened, or could not be parsed at all, is said per page.
      ...(p.parseNote ? { parseNote: p.parseNote } : {}),
    })),
  };
}
