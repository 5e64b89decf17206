// Audits the bundled demo portal (test/fixtures/demo-portal, answer key in its README.md) once for
// the model tests: a real runAudit over 127.0.0.1, without a browser (rendering runs in heuristic
// mode, so the result does not depend on a Chromium being installed).
import { fileURLToPath } from 'node:url';
import { runAudit } from '../../src/audit/run-audit.js';
import { startStaticPortal } from '../../src/demo/static-server.js';
import type { Report } from '../../src/contract/index.js';

export const DEMO_ROOT = fileURLToPath(new URL('../fixtures/demo-portal/', import.meta.url));

export interface DemoAudit {
  /** http://127.0.0.1:<port> of the server that was audited. */
  origin: string;
  report: Report;
}

/** Serves the demo portal, audits it and closes the server. */
export async function auditDemoPortal(): Promise<DemoAudit> {
  const server = await startStaticPortal({ root: DEMO_ROOT, host: '127.0.0.1', port: 0 });
  try {
    const report = await runAudit(server.url, { allowPrivate: true, browser: false });
    return { origin: new URL(server.url).origin, report };
  } finally {
    await server.close();
  }
}
