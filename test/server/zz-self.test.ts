import { it } from 'vitest';
import { resolveConfig } from '../../src/server/config.js';
import { startServer } from '../../src/server/server.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { tempDb } from './helpers.js';
it('self', async () => {
  const db = tempDb();
  const s = await startServer(resolveConfig({ port: 0, dbFile: db.file, logLevel: 'silent' }));
  const r = await runAudit(`${s.url}/`, { allowPrivate: true, browser: false, maxPages: 30 });
  for (const p of r.probes) console.log(p.id, p.status, JSON.stringify(p.facts).slice(0, 400), p.findings.map(f => f.severity + ':' + f.message).slice(0, 4));
  console.log(r.scores.overall, (r.pages as any[]).map((p) => p.url + ' ' + p.status));
  await s.close(); db.remove();
}, 120000);
