import { it } from 'vitest';
import path from 'node:path';
import { startStaticPortal } from '../../src/demo/static-server.js';
import { keywordRegistry } from '../../probes/business-surface.js';
import { buildCandidates } from '../../src/business-surface/candidates.js';
import { kindEvidence, pageTextOf } from '../../src/business-surface/signals.js';
import { KINDS } from '../../src/business-surface/types.js';
import { crawlFixture } from './crawl-fixture.js';

it('prof', async () => {
  const portal = await startStaticPortal({ root: path.resolve('test/fixtures/demo-portal') });
  try {
    const { snapshot } = await crawlFixture(portal.url);
    const reg = keywordRegistry();
    let t = performance.now();
    const { candidates } = buildCandidates(snapshot, reg);
    console.log('cands', candidates.length, performance.now() - t);
    t = performance.now();
    const texts = new Map();
    for (const c of candidates) if (c.page && c.page.mainText) texts.set(c, pageTextOf(c.page.html, c.page.mainText, reg.common));
    console.log('texts', performance.now() - t);
    const ctx = { registry: reg, origin: snapshot.origin, textOf: (c: any) => texts.get(c) ?? null };
    const cache = new Map();
    for (const kind of KINDS) {
      t = performance.now();
      for (const c of candidates) kindEvidence(kind, c, ctx, cache);
      const ms = performance.now() - t;
      if (ms > 20) console.log(kind, ms);
    }
  } finally {
    await portal.close();
  }
});
