import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { auditDemoPortal } from './demo-audit.js';
it('dump', async () => {
  const a = await auditDemoPortal();
  writeFileSync('/tmp/ppm/demo.json', JSON.stringify({ origin: a.origin, unregistered: a.unregistered, probes: a.probes, fitCheck: a.report.fitCheck }, null, 1));
}, 180_000);
