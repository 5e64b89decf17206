import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crawlPortal } from './portal.js';
it('dump', async () => {
  const p = await crawlPortal(fileURLToPath(new URL('../fixtures/demo-portal/', import.meta.url)));
  writeFileSync('/tmp/demo-snapshot.json', JSON.stringify({ snapshot: p.snapshot, probes: p.probes, robotsTxt: p.robotsTxt }, null, 1));
  await p.close();
}, 60000);
