import { it } from 'vitest';
import fs from 'node:fs';
import { keywordRegistry } from '../../probes/business-surface.js';
import { analyzeSurface } from '../../src/business-surface/surface.js';
import { makePage, makeSnapshot } from '../helpers/probe-context.js';

it('real', async () => {
  for (const f of fs.readdirSync('test/fixtures/business-surface/real-pages')) {
    const html = fs.readFileSync(`test/fixtures/business-surface/real-pages/${f}`, 'utf8');
    const page = makePage({ url: 'http://fakehost/test/page.html', html });
    const facts = await analyzeSurface(makeSnapshot('http://fakehost', [page]), keywordRegistry());
    console.log('==', f, 'found:', facts.foundKinds.join(','), '| gated', facts.gatedKinds.join(','));
    for (const k of facts.foundKinds) { const r = facts.pages[k]; console.log('  ', k, r.url, r.confidence, r.linkedOnly ? 'L' : '', r.evidence.map((e) => e.note).join(' ; ')); }
    for (const k of ['pricing','sla','compliance']) { const r = (facts.pages as any)[k]; console.log('  --', k, r.status, r.confidence, r.evidence.map((e: any) => e.note).join(' ; ')); }
    console.log('  certs', facts.certifications, 'sdk', facts.sdkLanguages, JSON.stringify(facts.communityChannels), 'pm', facts.pricingModel.length, JSON.stringify(facts.supportChannels));
  }
});
