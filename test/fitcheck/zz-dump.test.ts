import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crawlPortal } from './portal.js';
for (const [name, root] of [['demo', '../fixtures/demo-portal/'], ['skylark', '../fixtures/fitcheck/portals/skylark/'], ['meridian', '../fixtures/fitcheck/portals/meridian/'], ['tallyo', '../fixtures/fitcheck/portals/tallyo/'], ['veriform', '../fixtures/fitcheck/portals/veriform/']]) {
  it('dump ' + name, async () => {
    const p = await crawlPortal(fileURLToPath(new URL(root, import.meta.url)));
    writeFileSync(`/tmp/${name}-snapshot.json`, JSON.stringify({ snapshot: p.snapshot, probes: p.probes, robotsTxt: p.robotsTxt }, null, 1));
    await p.close();
  }, 60000);
}
