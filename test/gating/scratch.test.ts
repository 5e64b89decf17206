import { it } from 'vitest';
import gatingProbe from '../../probes/gating.js';
import { crawl } from '../../src/crawl/crawler.js';
import { createPageParser } from '../../src/crawl/parse-pool.js';
import { startStaticPortal } from '../../src/demo/static-server.js';
import { createAuditFetch } from '../../src/fetch/audit-fetch.js';
import { createHttpClient } from '../../src/fetch/client.js';
it('demo', async () => {
  const portal = await startStaticPortal({ root: 'test/fixtures/demo-portal', host: '127.0.0.1', port: 0 });
  const client = createHttpClient({ allowPrivate: true });
  const fetch = createAuditFetch(client);
  const snapshot = await crawl(`${portal.url}/`, { fetch, parser: createPageParser(0), robotsPolicy: 'ignored' }, { maxPages: 60 });
  const t = performance.now();
  const out = await gatingProbe.run({ snapshot, fetch, signal: new AbortController().signal, options: { maxLinkChecks: 50, maxSitemapDepth: 3 } });
  console.log('ms', performance.now() - t, 'pages', snapshot.pages.length);
  console.log(JSON.stringify(out, null, 1).slice(0, 6000));
  await client.close(); await portal.close();
}, 60000);
