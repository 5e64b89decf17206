// `portalprobe demo` (npm run demo): serves the bundled fictional portal on 127.0.0.1, audits it
// with no network and no API key, writes the reports, stops the server.
import { join } from 'node:path';
import { packageRoot } from '../../util/package-info.js';
import { startStaticPortal } from '../../demo/static-server.js';
import { runAudit } from '../../audit/run-audit.js';
import { offlineResolver } from '../../fetch/address-guard.js';
import { createProgressPrinter } from '../progress-printer.js';
import { formatSummary } from '../summary.js';
import { parseFormats, writeReports } from '../write-reports.js';
import { EXIT } from '../exit-codes.js';
import { parseCommandArgs, type CliIo } from '../args.js';

export const DEMO_PORTAL_DIR = 'test/fixtures/demo-portal';

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(args, {
    out: { type: 'string' },
    format: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const server = await startStaticPortal({ root: join(packageRoot(), DEMO_PORTAL_DIR), host: '127.0.0.1', port: 0 });
  try {
    io.stderr.write(`Demo portal (fictional "Northwind Bank") served at ${server.url}\n`);
    const report = await runAudit(server.url, {
      allowPrivate: true,
      // The demo never leaves this machine, not even for a DNS query about the hosts its pages link.
      client: { lookup: offlineResolver },
      onProgress: values.quiet ? undefined : createProgressPrinter(io.stderr),
    });
    const dir = (values.out as string | undefined) ?? join('audits', 'demo');
    const files = await writeReports(report, dir, parseFormats(values.format as string | undefined));
    io.stdout.write(formatSummary(report, files));
    return EXIT.ok;
  } finally {
    await server.close();
  }
}
