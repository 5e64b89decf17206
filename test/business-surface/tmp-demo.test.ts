import { it } from 'vitest';
import path from 'node:path';
import { startStaticPortal } from '../../src/demo/static-server.js';
import probe from '../../probes/business-surface.js';
import { makeContext } from '../helpers/probe-context.js';
import { crawlFixture } from './crawl-fixture.js';

it('demo', async () => {
  const portal = await startStaticPortal({ root: path.resolve('test/fixtures/business-surface/site') });
  try {
    const { snapshot } = await crawlFixture(portal.url);
    const { ctx } = makeContext(snapshot);
    const t = performance.now();
    const out = await probe.run(ctx);
    console.log('ms', performance.now() - t, 'pages', snapshot.pages.length);
    const f = out.facts;
    for (const [k, v] of Object.entries(f.pages)) console.log(k, v.status, v.url, v.confidence, v.linkedOnly ? 'LINKED' : '', '|', v.evidence.map((e) => `${e.signal}:${e.weight} ${e.note}`).join(' ; '));
    console.log(JSON.stringify({ sdk: f.sdkLanguages, sdkE: f.sdkEvidence, certs: f.certifications, certE: f.certificationEvidence, comm: f.communityChannels, sup: f.supportChannels, pm: f.pricingModel, langs: f.languages, pc: f.pagesChecked, lc: f.linksChecked }, null, 1));
    for (const x of out.findings) console.log(x.severity, x.message, x.url ?? '', '::', x.evidence ?? '');
  } finally {
    await portal.close();
  }
});
