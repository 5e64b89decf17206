// Tests for reports/json.ts: the contract schema accepts the sample and rejects each broken
// variant with a message naming the path; renderJson is stable and ordered; a golden file records
// the report's shape so any contract change shows up as a diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderJson, validateReport } from '../../reports/json.js';
import { ReportInvalidError } from '../../src/errors.js';
import type { Report } from '../../src/contract/index.js';
import { sampleReport } from './sample-report.js';

const GOLDEN = new URL('./golden/report-shape.json', import.meta.url);

// Tests break the contract on purpose, so they need an untyped view of the report.
type Mutable = Record<string, any>;

function rejectionOf(value: unknown): ReportInvalidError {
  try {
    validateReport(value);
  } catch (err) {
    if (err instanceof ReportInvalidError) return err;
    throw err;
  }
  throw new Error('expected validateReport to throw');
}

/**
 * The shape of a JSON value: every key path with its type, arrays collapsed to their first element
 * (`practices[].evidence[].url`). Sorted, so it diffs cleanly.
 */
export function shapeOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      out[path] = v.length === 0 ? 'array(empty)' : 'array';
      if (v.length > 0) walk(v[0], `${path}[]`);
    } else if (v === null) {
      out[path] = 'null';
    } else if (typeof v === 'object') {
      out[path] = 'object';
      for (const [key, child] of Object.entries(v as object)) walk(child, path === '$' ? key : `${path}.${key}`);
    } else {
      out[path] = typeof v;
    }
  };
  walk(value, '$');
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe('validateReport', () => {
  it('accepts the sample report and returns it', () => {
    const report = sampleReport();
    expect(validateReport(report)).toBe(report);
  });

  it('accepts keys the contract does not list (keys may be added)', () => {
    const report = sampleReport() as Mutable;
    report.comparison = { competitors: [] };
    report.run.browser = 'chromium';
    report.practices[0].assessorNote = 'checked by hand';
    expect(() => validateReport(report)).not.toThrow();
  });

  it('accepts an empty fit check and roadmap, a null click depth and a report without the optional model', () => {
    const report = sampleReport() as Mutable;
    report.fitCheck = [];
    report.roadmap = [];
    delete report.model;
    expect(() => validateReport(report)).not.toThrow();
  });

  const REQUIRED_TOP = ['schemaVersion', 'tool', 'target', 'run', 'scores', 'practices', 'probes', 'fitCheck', 'roadmap'];
  it.each(REQUIRED_TOP)('rejects a report without %s, naming the path', (key) => {
    const report = sampleReport() as Mutable;
    delete report[key];
    const err = rejectionOf(report);
    expect(err.code).toBe('PP_ERR_REPORT_INVALID');
    expect(err.message).toContain(`/${key}: is required`);
    expect(err.details.errors).toEqual([{ path: `/${key}`, message: 'is required' }]);
  });

  const BROKEN: [string, (r: Mutable) => void, string][] = [
    ['schemaVersion 2', (r) => (r.schemaVersion = 2), '/schemaVersion'],
    ['practice status not in the enum', (r) => (r.practices[2].status = 'great'), '/practices/2/status'],
    ['unknown lens', (r) => (r.practices[0].lenses = ['core', 'seo']), '/practices/0/lenses/1'],
    ['unknown focus area on a practice', (r) => (r.practices[0].focusArea = 'marketing'), '/practices/0/focusArea'],
    ['practice stage 4', (r) => (r.practices[1].stage = 4), '/practices/1/stage'],
    ['practice score above 1', (r) => (r.practices[0].score = 1.5), '/practices/0/score'],
    ['evidence without a note', (r) => delete r.practices[0].evidence[0].note, '/practices/0/evidence/0/note'],
    ['probe status not in the enum', (r) => (r.probes[0].status = 'failed'), '/probes/0/status'],
    ['finding severity not in the enum', (r) => (r.probes[0].findings[0].severity = 'critical'), '/probes/0/findings/0/severity'],
    ['robots policy not in the enum', (r) => (r.run.robots = 'obeyed'), '/run/robots'],
    ['answerer neither llm:<model> nor retrieval-only', (r) => (r.run.answerer = 'gpt-4o'), '/run/answerer'],
    ['negative request count', (r) => (r.run.requests = -1), '/run/requests'],
    ['missing token counts', (r) => delete r.run.tokens.completion, '/run/tokens/completion'],
    ['start time not a date-time', (r) => (r.target.startedAt = 'yesterday'), '/target/startedAt'],
    ['overall above 100', (r) => (r.scores.overall = 101), '/scores/overall'],
    ['lens below 0', (r) => (r.scores.lenses.aiVisibility = -3), '/scores/lenses/aiVisibility'],
    ['missing focus area', (r) => delete r.scores.focusAreas.community, '/scores/focusAreas/community'],
    ['focus area stage 4', (r) => (r.scores.focusAreas.goLive.stage = 4), '/scores/focusAreas/goLive/stage'],
    ['enabler in an unknown focus area', (r) => (r.scores.enablers[0].focusArea = 'sales'), '/scores/enablers/0/focusArea'],
    ['fit-check confidence above 1', (r) => (r.fitCheck[0].confidence = 2), '/fitCheck/0/confidence'],
    ['fractional click depth', (r) => (r.fitCheck[1].human.clickDepth = 1.5), '/fitCheck/1/human/clickDepth'],
    ['blockedBy not a list', (r) => (r.fitCheck[0].agent.blockedBy = 'robots'), '/fitCheck/0/agent/blockedBy'],
    ['citation verified not a boolean', (r) => (r.fitCheck[2].citations[0].verified = 'yes'), '/fitCheck/2/citations/0/verified'],
    ['fit-check entry without human', (r) => delete r.fitCheck[0].human, '/fitCheck/0/human'],
    ['roadmap priority 4', (r) => (r.roadmap[0].priority = 4), '/roadmap/0/priority'],
    ['roadmap item without why', (r) => delete r.roadmap[3].why, '/roadmap/3/why'],
  ];
  it.each(BROKEN)('rejects %s at %s', (_name, breakIt, path) => {
    const report = sampleReport() as Mutable;
    breakIt(report);
    const err = rejectionOf(report);
    expect(err.message).toContain(`- ${path}:`);
    expect((err.details.errors as { path: string }[]).map((e) => e.path)).toContain(path);
  });

  it('lists the allowed values of an enum in the message', () => {
    const report = sampleReport() as Mutable;
    report.practices[0].status = 'great';
    expect(rejectionOf(report).message).toContain('"pass", "partial", "fail", "manual", "notApplicable"');
  });

  it.each([null, [], 'report', 42])('rejects a non-object (%j)', (value) => {
    expect(rejectionOf(value).message).toContain('- /: must be object');
  });

  it('caps the message for a report with thousands of errors, and stays fast', () => {
    const report = sampleReport() as Mutable;
    report.practices = Array.from({ length: 5000 }, () => ({ id: 'x', status: 'nope' }));
    const start = performance.now();
    const err = rejectionOf(report);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(err.message.split('\n').length).toBeLessThanOrEqual(22);
    expect(err.message).toMatch(/… and \d+ more/);
    expect((err.details.errors as unknown[]).length).toBe(200);
  });
});

describe('renderJson', () => {
  it('round-trips the report', () => {
    const report = sampleReport();
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });

  it('uses a 2-space indent and ends with a newline', () => {
    const text = renderJson(sampleReport());
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "tool": {\n    "name": "portalprobe"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes keys in contract order whatever order they were built in, extra keys last', () => {
    const report = sampleReport() as Mutable;
    // Rebuild with reversed key insertion order at every level.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    const shuffled = reversed({ ...report, extra: true }) as Mutable;
    // Facts are free-form (probe-owned): their order is kept as given, so restore it here.
    shuffled.probes.forEach((p: Mutable, i: number) => (p.facts = report.probes[i].facts));
    const parsed = JSON.parse(renderJson(shuffled as Report));
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'target', 'run', 'model', 'scores', 'practices', 'probes', 'fitCheck', 'roadmap', 'extra']);
    expect(Object.keys(parsed.run)).toEqual(['durationMs', 'pagesFetched', 'requests', 'bytesFetched', 'answerer', 'tokens', 'robots', 'pagesSkippedByRobots']);
    expect(Object.keys(parsed.scores.focusAreas)).toEqual(['discovery', 'decisionMaking', 'onboarding', 'goLive', 'maintenance', 'community']);
    expect(Object.keys(parsed.scores.focusAreas.discovery)).toEqual(['score', 'stage']);
    expect(Object.keys(parsed.practices[0]).slice(0, 9)).toEqual(['id', 'name', 'focusArea', 'enabler', 'stage', 'lenses', 'score', 'status', 'evidence']);
    expect(Object.keys(parsed.fitCheck[0])).toEqual(['id', 'persona', 'question', 'answerable', 'answer', 'confidence', 'citations', 'human', 'agent']);
    expect(Object.keys(parsed.roadmap[1]).slice(0, 4)).toEqual(['priority', 'practiceId', 'title', 'why']);
    // Same content, so the same text as the report built in order (except the extra key).
    expect(renderJson(shuffled as Report)).toBe(renderJson({ ...(report as Report), extra: true }));
  });

  it('keeps the insertion order of free-form probe facts', () => {
    const parsed = JSON.parse(renderJson(sampleReport()));
    expect(Object.keys(parsed.probes[0].facts)).toEqual(['present', 'aiAgents', 'sitemaps']);
  });
});

describe('golden report shape', () => {
  it('matches test/reports/golden/report-shape.json', () => {
    const shape = shapeOf(JSON.parse(renderJson(sampleReport())));
    // Regenerate on purpose after a deliberate contract change: UPDATE_GOLDEN=1 npx vitest run test/reports
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, `${JSON.stringify(shape, null, 2)}\n`);
    }
    expect(existsSync(GOLDEN)).toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    expect(shape).toEqual(golden);
  });

  it('shapeOf collapses arrays to their first element and records types', () => {
    expect(shapeOf({ a: [{ b: 1 }, { c: 'x' }], d: null, e: [] })).toEqual({
      $: 'object',
      a: 'array',
      'a[]': 'object',
      'a[].b': 'number',
      d: 'null',
      e: 'array(empty)',
    });
  });
});
