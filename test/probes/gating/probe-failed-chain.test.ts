// The gating probe on fetches that failed part-way through a redirect to a login host: a crawled
// page and a key page the probe fetches itself both count as login redirects, and the finding's
// evidence says the login host did not answer (with the error code) or shows the loop.
import { describe, expect, it } from 'vitest';
import gatingProbe from '../../../probes/gating/index.js';
import type { Page } from '../../../src/contract/index.js';
import type { FetchResult } from '../../../src/fetch/types.js';
import { makePage, makeSnapshot, contextOf } from '../../helpers/probe-context.js';

const O = 'https://developer.bank.example';
const SSO = 'https://sso.bank.example/login';

function failedPage(url: string, redirects: string[], finalUrl: string, code: string): Page {
  const page = makePage({ url, status: 0, redirects, finalUrl });
  page.error = { code, message: code };
  return page;
}

function failedResult(url: string, redirects: string[], finalUrl: string, code: string): FetchResult {
  return {
    url, finalUrl, status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, redirects, bytes: 0, durationMs: 1, ttfbMs: 0,
    error: { code: code as never, message: code },
  };
}

function context(pages: Page[], responses: Record<string, FetchResult>) {
  return contextOf({
    snapshot: makeSnapshot(O, pages),
    fetch: async (url) => responses[url] ?? failedResult(url, [], url, 'PP_ERR_CONNECTION'),
    signal: new AbortController().signal,
    options: { maxLinkChecks: 50, maxSitemapDepth: 3 },
  });
}

const HOME = makePage({
  url: `${O}/`,
  html: `<html><head><title>Bank developers</title></head><body><nav><a href="/docs/">Documentation</a> <a href="/sandbox">Sandbox</a></nav>
    <main><h1>Bank APIs</h1><p>${'Accounts, payments and cards for partners. '.repeat(30)}</p></main></body></html>`,
});

describe('gating probe: failed redirect chains', () => {
  it('docs sent to an SSO host that times out, sandbox in an SSO loop → login wall with that evidence', async () => {
    const sandbox = failedPage(`${O}/sandbox`, [`${O}/sandbox`, `${SSO}?return=/sandbox`], `${O}/sandbox`, 'PP_ERR_REDIRECT_LOOP');
    const ctx = context([HOME, sandbox], {
      [`${O}/docs/`]: failedResult(`${O}/docs/`, [`${O}/docs/`], `${SSO}?next=/docs/`, 'PP_ERR_TIMEOUT'),
    });
    const { facts, findings } = await gatingProbe.run(ctx);

    expect(facts.keyPages.docs).toEqual({ url: `${O}/docs/`, gated: true, gate: 'login-redirect', status: 0, source: 'link' });
    expect(facts.keyPages.sandbox).toMatchObject({ url: `${O}/sandbox`, gated: true, gate: 'login-redirect', status: 0, source: 'crawl' });
    expect(facts.keyPagesFetched).toBe(1);
    expect(facts.loginWall).toBe(true);
    expect(facts.loginWallBecause).toContain('docs');
    expect(facts.gatedUrls).toEqual(expect.arrayContaining([`${O}/docs/`, `${O}/sandbox`]));
    expect(facts.loginUrls).toContain(SSO);

    const docs = findings.find((f) => f.url === `${O}/docs/` && f.severity === 'error');
    expect(docs?.evidence).toContain(`redirects ${O}/docs/ → ${SSO}?next=/docs/, then no answer from sso.bank.example (PP_ERR_TIMEOUT)`);
    expect(docs?.evidence).not.toContain('final HTTP 0');
    const loop = findings.find((f) => f.url === `${O}/sandbox`);
    expect(loop?.evidence).toContain(`redirect loop ${O}/sandbox → ${SSO}?return=/sandbox → ${O}/sandbox`);
  });

  it('a failed chain that never reached a login URL stays "not checked"', async () => {
    const ctx = context([HOME], {
      [`${O}/docs/`]: failedResult(`${O}/docs/`, [`${O}/docs/`], 'https://cdn.bank.example/docs/', 'PP_ERR_TIMEOUT'),
    });
    const { facts } = await gatingProbe.run(ctx);
    expect(facts.keyPages.docs).toEqual({ url: `${O}/docs/`, gated: null, gate: null, status: null, source: 'link', notChecked: 'PP_ERR_TIMEOUT' });
    expect(facts.loginWall).toBe(false);
    expect(facts.gatedUrls).toEqual([]);
  });
});
