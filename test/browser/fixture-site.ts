// Test fixture for the browser and rendering suites: the portal in test/fixtures/rendering/site/
// served on 127.0.0.1 but reached under a fake *public* host name, through the real guarded client
// with allowPrivate off — so loopback, private and link-local targets (127.0.0.1, 10.0.0.1, the
// 169.254.169.254 metadata service) stay blocked exactly as in production. A canary server on
// 127.0.0.1 stands for an internal service: no request may ever reach it. Every fetch and every
// host-name lookup is recorded.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticPortal, type RunningPortal } from '../../src/demo/static-server.js';
import { classifyAddress } from '../../src/fetch/address-guard.js';
import { createAuditFetch } from '../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../src/fetch/client.js';
import type { FetchRequest, FetchResult, HttpClient } from '../../src/fetch/types.js';
import { findChromium } from '../../src/browser/launch.js';

export const SITE_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/rendering/site');
export const PUBLIC_HOST = 'docs.acme-portal.test';

/** Chromium present, whatever PORTALPROBE_NO_BROWSER says (the tests decide that themselves). */
export const chromium = findChromium({ ...process.env, PORTALPROBE_NO_BROWSER: undefined });
export const chromiumAvailable = chromium.executablePath !== null;
if (!chromiumAvailable) {
  console.warn(`[portalprobe tests] Browser tests SKIPPED: ${'reason' in chromium ? chromium.reason : ''}`);
}

export interface FetchCall {
  url: string;
  accept?: string;
  status: number;
  errorCode?: string;
}

export interface FixtureSite {
  /** http://docs.acme-portal.test:<port> */
  origin: string;
  portal: RunningPortal;
  client: HttpClient;
  fetch: (url: string, request?: FetchRequest) => Promise<FetchResult>;
  calls: FetchCall[];
  lookups: string[];
  canaryHits: string[];
  canaryUrl: string;
  close(): Promise<void>;
}

export async function startFixtureSite(options: { delays?: Record<string, number> } = {}): Promise<FixtureSite> {
  const canaryHits: string[] = [];
  const canary = createServer((req, res) => {
    canaryHits.push(req.url ?? '');
    res.end('internal secret');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  const canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}/`;

  const portal = await startStaticPortal({
    root: SITE_ROOT,
    host: '127.0.0.1',
    port: 0,
    routes: {
      statuses: {
        '/canary-config.js': {
          status: 200,
          headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
          body: `window.CANARY = ${JSON.stringify(canaryUrl)};`,
        },
      },
      delays: options.delays,
    },
  });
  const port = new URL(portal.url).port;
  const lookups: string[] = [];
  const client = createHttpClient({
    lookup: async (hostname) => {
      lookups.push(hostname);
      if (hostname === PUBLIC_HOST) return [{ address: '127.0.0.1', family: 4 }];
      throw new Error(`no such host in the test resolver: ${hostname}`);
    },
    // Only the fixture's host name counts as public; every other address is judged for real.
    classify: (address, hostname) =>
      hostname === PUBLIC_HOST && address === '127.0.0.1' ? { blocked: false, range: 'unicast' } : classifyAddress(address),
    maxRetries: 0,
  });
  const auditFetch = createAuditFetch(client);
  const calls: FetchCall[] = [];
  const fetch = async (url: string, request?: FetchRequest): Promise<FetchResult> => {
    const result = await auditFetch(url, request);
    calls.push({ url, accept: request?.headers?.accept, status: result.status, errorCode: result.error?.code });
    return result;
  };
  return {
    origin: `http://${PUBLIC_HOST}:${port}`,
    portal,
    client,
    fetch,
    calls,
    lookups,
    canaryHits,
    canaryUrl,
    async close() {
      await client.close();
      await portal.close();
      await new Promise<void>((resolve) => {
        canary.closeAllConnections();
        canary.close(() => resolve());
      });
    },
  };
}
