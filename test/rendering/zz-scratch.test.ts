import { readFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { makePage } from '../helpers/probe-context.js';
import { detectAppShell } from '../../src/rendering/app-shell.js';
it('scratch', () => {
  const dir = '/work/shared/data/readability/test-pages';
  for (const name of readdirSync(dir)) {
    const html = readFileSync(`${dir}/${name}/source.html`, 'utf8');
    const t0 = performance.now();
    const page = makePage({ url: 'http://fakehost/test/page.html', html });
    const v = detectAppShell(page);
    console.log(name.padEnd(32), String(v.rawWords).padStart(6), v.likelyShell, page.scripts.count, page.scripts.external.length, page.scripts.inlineBytes, page.rawTextLength, v.signals.map((s) => s.id + (s.id==='empty-app-root'||s.id==='noscript-enable-js' ? '=' + s.evidence.slice(0,80) : '')).join(' | '), Math.round(performance.now()-t0));
  }
}, 120000);
