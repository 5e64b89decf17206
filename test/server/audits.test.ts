// /v1/audits routes over inject(): submit and every way a submission is refused, read, list with
// cursor pages, cancel, delete, report formats, diff — with a fake audit core, so no network.
import { afterEach, describe, expect, it } from 'vitest';
import { DnsError, TargetUnauditableError } from '../../src/errors.js';
import { validateReport } from '../../reports/json.js';
import { loadModel } from '../../src/model/index.js';
import type { HostResolver } from '../../src/fetch/types.js';
import { reportCsp } from '../../src/server/routes/audits.js';
import { sampleReport } from '../reports/sample-report.js';
import { aimedAt, fakeRunner, testApp, waitFor, waitForStatus, type TestApp } from './helpers.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const post = (payload: unknown) => t!.app.inject({ method: 'POST', url: '/v1/audits', payload: payload as object });

describe('POST /v1/audits', () => {
  it('answers 202 with the id, a Location and links, then runs the audit to done', async () => {
    const runner = fakeRunner();
    t = await testApp({}, runner);
    const res = await post({ url: 'https://developer.example.com/docs', options: { maxPages: 7, formats: ['json', 'html'] } });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.id).toMatch(/^aud_[A-Za-z0-9_-]+$/);
    expect(res.headers.location).toBe(`/v1/audits/${body.id}`);
    expect(body).toMatchObject({ url: 'https://developer.example.com/docs', host: 'developer.example.com', links: { self: `/v1/audits/${body.id}`, events: `/v1/audits/${body.id}/events` } });
    const done = await waitForStatus(t.app, body.id, ['done']);
    expect(done).toMatchObject({ attempts: 1, error: null, progress: { phase: 'done', pagesFetched: 3, maxPages: 7, probesDone: 1 }, scores: { overall: 58 } });
    expect((done.links as { report: Record<string, string> }).report).toEqual({
      json: `/v1/audits/${body.id}/report?format=json`,
      html: `/v1/audits/${body.id}/report?format=html`,
    });
    expect(done.durationMs).toBeGreaterThanOrEqual(0);
    // Server settings reach the core; nothing in the request can set them.
    expect(runner.calls[0].options).toMatchObject({ maxPages: 7, allowPrivate: false });
    expect(runner.calls[0].options.signal).toBeInstanceOf(AbortSignal);
  });

  const lookups: Record<string, HostResolver> = {
    private: async () => [{ address: '10.1.2.3', family: 4 }],
    mixed: async () => [{ address: '93.184.215.14', family: 4 }, { address: '127.0.0.1', family: 4 }],
    failing: async () => {
      throw new DnsError('x');
    },
  };

  it.each([
    ['not a URL', { url: 'not a url' }, 'PP_ERR_INVALID_URL'],
    ['an unsupported scheme', { url: 'ftp://files.example.com/' }, 'PP_ERR_UNSUPPORTED_SCHEME'],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'PP_ERR_UNSUPPORTED_SCHEME'],
    ['an unknown option', { url: 'https://a.example/', options: { foo: 1 } }, 'PP_ERR_USAGE', /"foo"/],
    ['allowPrivate as a request option', { url: 'https://a.example/', options: { allowPrivate: true } }, 'PP_ERR_USAGE', /"allowPrivate"/],
    ['an unknown top-level key', { url: 'https://a.example/', priority: 1 }, 'PP_ERR_USAGE', /"priority"/],
    ['no url', { options: {} }, 'PP_ERR_USAGE', /url/],
    ['maxPages 0', { url: 'https://a.example/', options: { maxPages: 0 } }, 'PP_ERR_USAGE'],
    ['maxPages over the server cap', { url: 'https://a.example/', options: { maxPages: 501 } }, 'PP_ERR_USAGE', /at most 500/],
    ['an unknown format', { url: 'https://a.example/', options: { formats: ['pdf'] } }, 'PP_ERR_USAGE'],
    ['an assessment of an unknown practice', { url: 'https://a.example/', options: { assessment: { practices: { 'no-such-practice': 1 } } } }, 'PP_ERR_ASSESSMENT_INVALID'],
    ['credentials in the URL', { url: 'https://user:secret@a.example/' }, 'PP_ERR_USAGE', /credentials/],
    ['a loopback IP', { url: 'http://127.0.0.1:9/' }, 'PP_ERR_BLOCKED_ADDRESS'],
    ['a private IP', { url: 'http://10.0.0.5/' }, 'PP_ERR_BLOCKED_ADDRESS'],
    ['a link-local metadata IP', { url: 'http://169.254.169.254/latest/meta-data/' }, 'PP_ERR_BLOCKED_ADDRESS'],
    ['an IPv6 loopback', { url: 'http://[::1]/' }, 'PP_ERR_BLOCKED_ADDRESS'],
    ['a name resolving to a private address', { url: 'https://intranet.example/' }, 'PP_ERR_BLOCKED_ADDRESS', undefined, 'private'],
    ['a name resolving to public and loopback', { url: 'https://rebind.example/' }, 'PP_ERR_BLOCKED_ADDRESS', undefined, 'mixed'],
    ['a name that does not resolve', { url: 'https://nx.example/' }, 'PP_ERR_DNS', undefined, 'failing'],
    // JSON bodies are not coerced (issue 14 item 6): these were turned into strings and accepted.
    ['url as a number', { url: 123 }, 'PP_ERR_USAGE', /url must be string/],
    ['url as an array', { url: ['https://a.example/'] }, 'PP_ERR_USAGE', /url must be string/],
    ['url as a boolean', { url: true }, 'PP_ERR_USAGE', /url must be string/],
    ['maxPages as a string', { url: 'https://a.example/', options: { maxPages: '5' } }, 'PP_ERR_USAGE', /maxPages must be integer/],
    ['an unknown fit-check question id', { url: 'https://a.example/', options: { questions: ['pricing-model', 'no-such-question'] } }, 'PP_ERR_USAGE', /Unknown fit-check question id\(s\): no-such-question /],
    ['answerer "llm" with no LLM configured', { url: 'https://a.example/', options: { answerer: 'llm' } }, 'PP_ERR_USAGE', /needs an LLM configured/],
  ] as const)('refuses %s with 400', async (_name, payload, code, message?: RegExp, lookup?: keyof typeof lookups) => {
    const runner = fakeRunner();
    t = await testApp({}, runner, lookup ? lookups[lookup] : undefined);
    const res = await post(payload);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe(code);
    if (message) expect(body.error.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+:\d+/);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect((await t.app.inject({ url: '/v1/audits' })).json().items).toEqual([]);
    expect(runner.calls).toEqual([]);
  });

  it('resolves localhost with the system resolver and refuses it', async () => {
    t = await testApp({}, fakeRunner(), undefined as unknown as HostResolver);
    t.app.targetLookup = undefined;
    const res = await post({ url: 'http://localhost:8080/' });
    expect(res.json().error.code).toBe('PP_ERR_BLOCKED_ADDRESS');
  });

  it('accepts private targets, and passes allowPrivate to the core, when the server allows them', async () => {
    const runner = fakeRunner();
    t = await testApp({ allowPrivate: true }, runner);
    const res = await post({ url: 'http://127.0.0.1:9/' });
    expect(res.statusCode).toBe(202);
    await waitForStatus(t.app, res.json().id, ['done']);
    expect(runner.calls[0].options.allowPrivate).toBe(true);
  });

  it('accepts a valid assessment and hands it to the core', async () => {
    const runner = fakeRunner();
    t = await testApp({}, runner);
    const id = loadModel().practices[0].id;
    const res = await post({ url: 'https://a.example/', options: { assessment: { practices: { [id]: { score: 'pass', note: 'seen' } } } } });
    expect(res.statusCode).toBe(202);
    await runner.started(1);
    expect(runner.calls[0].options.assessment).toEqual({ practices: { [id]: { score: 'pass', note: 'seen' } } });
  });

  it('runs at most `concurrency` audits at once; the rest wait queued', async () => {
    const runner = fakeRunner({ hold: true });
    t = await testApp({ concurrency: 2 }, runner);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await post({ url: `https://p${i}.example/` })).json().id);
    await runner.started(2);
    const statuses = async () => Promise.all(ids.map(async (id) => (await t!.app.inject({ url: `/v1/audits/${id}` })).json().status));
    expect(await statuses()).toEqual(['running', 'running', 'queued']);
    runner.release();
    await waitFor(async () => ((await statuses()).every((s) => s === 'done') ? true : undefined));
    expect(runner.calls).toHaveLength(3);
  });

  it('records why an audit failed', async () => {
    t = await testApp({}, fakeRunner({ fail: new TargetUnauditableError('https://a.example/', new DnsError('a.example')) }));
    const id = (await post({ url: 'https://a.example/' })).json().id;
    const failed = await waitForStatus(t.app, id, ['failed']);
    expect(failed.error).toEqual({ code: 'PP_ERR_TARGET_UNAUDITABLE', message: expect.stringContaining('Cannot audit https://a.example/') });
    expect((await t.app.inject({ url: `/v1/audits/${id}/report` })).statusCode).toBe(409);
  });

  it('fails an audit whose report breaks the contract instead of storing it', async () => {
    t = await testApp({}, fakeRunner({ report: () => ({ ...sampleReport(), schemaVersion: 2 }) as never }));
    const id = (await post({ url: 'https://a.example/' })).json().id;
    expect((await waitForStatus(t.app, id, ['failed'])).error).toMatchObject({ code: 'PP_ERR_REPORT_INVALID' });
  });
});

describe('GET /v1/audits/:id and the report', () => {
  it('404 for an unknown id, 400 for a malformed one', async () => {
    t = await testApp();
    const res = await t.app.inject({ url: '/v1/audits/aud_doesnotexist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'PP_ERR_NOT_FOUND', message: 'Audit aud_doesnotexist does not exist', details: { what: 'Audit', id: 'aud_doesnotexist' } } });
    expect((await t.app.inject({ url: '/v1/audits/..%2Fetc' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/v1/audits/aud_x/report' })).statusCode).toBe(404);
  });

  it('serves the report as the JSON contract, Markdown and a locked-down HTML page', async () => {
    t = await testApp();
    const id = (await post({ url: 'https://developer.example.com/' })).json().id;
    await waitForStatus(t.app, id, ['done']);
    const json = await t.app.inject({ url: `/v1/audits/${id}/report?format=json` });
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(validateReport(json.json()).target.url).toBe('https://developer.example.com/');
    expect((await t.app.inject({ url: `/v1/audits/${id}/report` })).body).toBe(json.body);
    const md = await t.app.inject({ url: `/v1/audits/${id}/report?format=md` });
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toMatch(/^# /m);
    const html = await t.app.inject({ url: `/v1/audits/${id}/report?format=html` });
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toMatch(/^<!doctype html>/i);
    expect(html.headers['content-security-policy']).toBe(reportCsp(html.body));
    expect(html.headers['content-security-policy']).toMatch(/default-src 'none'.*script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect((await t.app.inject({ url: `/v1/audits/${id}/report?format=pdf` })).json().error.code).toBe('PP_ERR_USAGE');
  });

  it('the report CSP blesses only a trailing renderer script', () => {
    expect(reportCsp('<html><body><p>x</p></body></html>')).toContain("script-src 'none'");
    expect(reportCsp('<html><body><script>evil()</script><p>x</p></body></html>')).toContain("script-src 'none'");
  });
});

describe('DELETE /v1/audits/:id', () => {
  it('cancels a running audit: the core is aborted and nothing is stored', async () => {
    const runner = fakeRunner({ hold: true });
    t = await testApp({}, runner);
    const id = (await post({ url: 'https://a.example/' })).json().id;
    await runner.started(1);
    const res = await t.app.inject({ method: 'DELETE', url: `/v1/audits/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'cancelled', error: { code: 'PP_ERR_ABORTED' } });
    expect(runner.calls[0].options.signal!.aborted).toBe(true);
    runner.release();
    await new Promise((r) => setTimeout(r, 50));
    expect((await t.app.inject({ url: `/v1/audits/${id}` })).json().status).toBe('cancelled');
    expect((await t.app.store.audits.report(id))?.json).toBeUndefined();
  });

  it('cancels a queued audit before it ever starts', async () => {
    const runner = fakeRunner({ hold: true });
    t = await testApp({ concurrency: 1 }, runner);
    await post({ url: 'https://a.example/' });
    const queued = (await post({ url: 'https://b.example/' })).json();
    expect(queued.status).toBe('queued');
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/audits/${queued.id}` })).json().status).toBe('cancelled');
    runner.release();
    await waitFor(() => (t!.app.queue.activeCount === 0 ? true : undefined));
    expect(runner.calls.map((c) => c.url)).toEqual(['https://a.example/']);
  });

  it('deletes a finished audit and its report (204), then it is gone (404)', async () => {
    t = await testApp();
    const id = (await post({ url: 'https://a.example/' })).json().id;
    await waitForStatus(t.app, id, ['done']);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/audits/${id}` })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/v1/audits/${id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/v1/audits/${id}` })).statusCode).toBe(404);
  });
});

describe('GET /v1/audits (list)', () => {
  it('pages newest first with nextCursor and filters by host and status', async () => {
    t = await testApp();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post({ url: `https://${i % 2 ? 'b' : 'a'}.example/` })).json().id);
    await waitFor(async () => ((await t!.app.inject({ url: '/v1/audits?status=done&limit=100' })).json().items.length === 5 ? true : undefined));
    const seen: string[] = [];
    let url = '/v1/audits?limit=2';
    for (;;) {
      const page = (await t.app.inject({ url })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a: { id: string }) => a.id));
      if (!page.nextCursor) break;
      url = `/v1/audits?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    expect(seen).toEqual([...ids].reverse());
    const b = (await t.app.inject({ url: '/v1/audits?host=B.example' })).json();
    expect(b.items.map((a: { id: string }) => a.id)).toEqual([ids[3], ids[1]]);
    expect((await t.app.inject({ url: '/v1/audits?status=failed' })).json()).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['limit=0'],
    ['limit=101'],
    ['status=paused'],
    ['cursor=not-a-cursor'],
    ['unknown=1'],
  ])('400 for %s', async (query) => {
    t = await testApp();
    const res = await t.app.inject({ url: `/v1/audits?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PP_ERR_USAGE');
  });
});

describe('GET /v1/audits/:id/diff', () => {
  it('lists the practices that changed between two audits of one portal', async () => {
    const runner = fakeRunner({
      report: (url, n) => {
        const r = aimedAt(sampleReport(), url);
        if (n === 2) {
          r.practices[2] = { ...r.practices[2], status: 'pass', score: 1 };
          r.practices[1] = { ...r.practices[1], status: 'fail', score: 0 };
          r.scores.overall = 61;
        }
        return r;
      },
    });
    t = await testApp({ concurrency: 1 }, runner);
    const first = (await post({ url: 'https://a.example/' })).json().id;
    await waitForStatus(t.app, first, ['done']);
    const second = (await post({ url: 'https://a.example/' })).json().id;
    await waitForStatus(t.app, second, ['done']);
    const res = await t.app.inject({ url: `/v1/audits/${second}/diff?against=${first}` });
    expect(res.statusCode).toBe(200);
    const diff = res.json();
    expect(diff).toMatchObject({ audit: second, against: first, host: 'a.example', overall: { from: 58, to: 61, delta: 3 } });
    expect(diff.changes.map((c: { id: string; direction: string }) => [c.id, c.direction])).toEqual([
      ['discovery.sitemap', 'regressed'],
      ['discovery.ai-crawlers-allowed', 'improved'],
    ]);
    expect(diff.changes[1]).toMatchObject({ from: { status: 'fail', score: 0 }, to: { status: 'pass', score: 1 } });
    expect(diff.unchanged).toBe(sampleReport().practices.length - 2);

    const other = (await post({ url: 'https://b.example/' })).json().id;
    await waitForStatus(t.app, other, ['done']);
    expect((await t.app.inject({ url: `/v1/audits/${other}/diff?against=${first}` })).json().error.code).toBe('PP_ERR_CONFLICT');
    expect((await t.app.inject({ url: `/v1/audits/${second}/diff` })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/v1/audits/${second}/diff?against=aud_missing` })).statusCode).toBe(404);
  });
});

describe('submission validation that must still accept', () => {
  it('known question ids, "llm" on a server with an LLM, and numbers in query strings', async () => {
    const runner = fakeRunner();
    t = await testApp({ llmConfigured: true }, runner);
    const res = await post({ url: 'https://a.example/', options: { questions: ['pricing-model', 'free-tier'], answerer: 'llm' } });
    expect(res.statusCode).toBe(202);
    await waitForStatus(t.app, res.json().id, ['done']);
    expect(runner.calls[0].options).toMatchObject({ questionIds: ['pricing-model', 'free-tier'], answerer: 'llm' });
    // Query strings are text: "limit=1" is still coerced to a number.
    const list = await t.app.inject({ url: '/v1/audits?limit=1' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect((await t.app.inject({ url: '/v1/audits?limit=x' })).statusCode).toBe(400);
  });
});
