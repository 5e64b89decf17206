// The navigation probe over pages parsed by the crawl's own parser (makePage): facts, findings with
// evidence, and that it fetches nothing.
import { describe, expect, it } from 'vitest';
import navigation from '../../../probes/navigation/index.js';
import { makeContext, makePage, makeSnapshot } from '../../helpers/probe-context.js';

const ORIGIN = 'https://portal.example';
const OG = '<meta property="og:title" content="Portal"><meta property="og:description" content="APIs"><meta property="og:image" content="https://portal.example/og.png">';

async function run(pages: ReturnType<typeof makePage>[]) {
  const { ctx, calls } = makeContext(makeSnapshot(ORIGIN, pages));
  const out = await navigation.run(ctx);
  expect(calls).toEqual([]);
  return out;
}

describe('navigation probe', () => {
  it('has the probe conventions', () => {
    expect(navigation.id).toBe('navigation');
    expect(navigation.reads).toEqual(['pages']);
    expect(navigation.title).toBeTruthy();
    expect(navigation.description).toMatch(/breadcrumb/i);
  });

  it('finds no search, no breadcrumbs and missing Open Graph on a bare portal, with evidence', async () => {
    const { facts, findings } = await run([
      makePage({ url: `${ORIGIN}/`, depth: 0, html: '<html><head><title>Home</title></head><body><form action="/login" method="post"><input type="password" name="p"></form><form role="search" hidden action="/search"><input type="search"></form></body></html>' }),
      makePage({ url: `${ORIGIN}/docs/guide`, depth: 1, html: '<html><body><nav aria-label="Main"><a href="/">Home</a></nav></body></html>' }),
      makePage({ url: `${ORIGIN}/docs/guide/deep`, depth: 2, html: `<html><head>${OG}</head><body><p>text</p></body></html>` }),
    ]);
    expect(facts).toMatchObject({ pagesChecked: 3, searchUi: false, searchUiShare: 0, breadcrumbs: false, openGraphPages: 1 });

    const noSearch = findings.find((f) => /No search box/.test(f.message));
    expect(noSearch).toMatchObject({ severity: 'warning', url: `${ORIGIN}/` });
    expect(noSearch!.evidence).toContain('form[action="/login"]');

    const noCrumbs = findings.find((f) => /No breadcrumb trail/.test(f.message));
    expect(noCrumbs).toMatchObject({ url: `${ORIGIN}/docs/guide/deep` });
    expect(noCrumbs!.evidence).toMatch(/2 click\(s\)/);

    const og = findings.find((f) => /og:title or og:description/.test(f.message));
    expect(og).toMatchObject({ severity: 'warning', url: `${ORIGIN}/` });
    expect(og!.message).toMatch(/^2 of 3/);
    expect(og!.evidence).toContain('meta property="og:title" and meta property="og:description"');
    expect(og!.evidence).toContain('(+1 more)');
  });

  it('reports search, breadcrumbs and previews on a well-made portal without warnings', async () => {
    const page = (path: string, depth: number) => makePage({
      url: `${ORIGIN}${path}`, depth,
      html: `<html><head>${OG}<meta name="twitter:card" content="summary_large_image"></head><body>`
        + '<header><div id="docsearch"><button class="DocSearch DocSearch-Button">Search</button></div></header>'
        + '<nav aria-label="Breadcrumb"><ol itemscope itemtype="https://schema.org/BreadcrumbList"><li>Docs</li></ol></nav></body></html>',
    });
    const { facts, findings } = await run([page('/', 0), page('/docs', 1), page('/docs/a', 2)]);
    expect(facts).toMatchObject({
      searchUi: true, searchUiShare: 1, searchKinds: ['docsearch'], breadcrumbs: true, breadcrumbShare: 1, breadcrumbKinds: ['aria-label', 'microdata'],
      openGraphShare: 1, ogImageShare: 1, twitterCardTypes: { summary_large_image: 3 },
    });
    expect(facts.breadcrumbListPages).toBe(3);
    expect(facts.breadcrumbExamples[0]).toEqual({ url: `${ORIGIN}/`, kind: 'aria-label', element: 'nav[aria-label="Breadcrumb"]' });
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findings.find((f) => /BreadcrumbList/.test(f.message))).toBeUndefined();
    expect(findings.at(-1)!.message).toMatch(/Search UI on 3 of 3 page\(s\) \(docsearch\); breadcrumbs on 3/);
  });

  it('notes visual breadcrumbs without BreadcrumbList markup', async () => {
    const { findings } = await run([makePage({ url: `${ORIGIN}/docs/a`, html: `<html><head>${OG}</head><body><ol class="breadcrumb"><li>Docs</li></ol></body></html>` })]);
    expect(findings.find((f) => /BreadcrumbList/.test(f.message))).toMatchObject({ url: `${ORIGIN}/docs/a`, evidence: 'ol.breadcrumb' });
  });

  it('notes search offered on few pages, and relative og:image', async () => {
    const pages = [
      makePage({ url: `${ORIGIN}/`, html: `<html><head>${OG.replace('https://portal.example/og.png', '/og.png')}</head><body><search><input name="q"></search></body></html>` }),
      ...[1, 2, 3].map((i) => makePage({ url: `${ORIGIN}/p${i}`, html: `<html><head>${OG}</head><body><p>x</p></body></html>` })),
    ];
    const { facts, findings } = await run(pages);
    expect(facts.searchUiShare).toBe(0.25);
    expect(findings.find((f) => /only 1 of 4/.test(f.message))).toMatchObject({ severity: 'info', url: `${ORIGIN}/p1` });
    expect(findings.find((f) => /relative URL/.test(f.message))).toMatchObject({ url: `${ORIGIN}/`, evidence: 'meta property="og:image" content="/og.png"' });
  });

  it('skips error pages, non-HTML and duplicates; says so when nothing is left', async () => {
    const { facts, findings } = await run([
      makePage({ url: `${ORIGIN}/gone`, status: 404, html: '<html><body><input type="search"></body></html>' }),
      makePage({ url: `${ORIGIN}/data.json`, headers: { 'content-type': 'application/json' } }),
    ]);
    expect(facts.pagesChecked).toBe(0);
    expect(facts.searchUiShare).toBeNull();
    expect(findings).toEqual([{ severity: 'info', message: expect.stringMatching(/No HTML pages/) }]);
  });
});
