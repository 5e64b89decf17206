// A portal auditor should pass its own audit: portalprobe audits the running service (real
// listen on 127.0.0.1, the real audit core) and the discovery practices it preaches hold —
// llms.txt valid with no broken links, the OpenAPI document found and valid, a sitemap, an API
// catalog, Markdown for agents, no AI crawler shut out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run-audit.js';
import { resolveConfig } from '../../src/server/config.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import type { Report } from '../../src/contract/index.js';
import { tempDb, type TempDir } from './helpers.js';

let server: RunningServer;
let db: TempDir;
let report: Report;
const facts = (id: string) => report.probes.find((p) => p.id === id)!.facts as Record<string, any>;

beforeAll(async () => {
  db = tempDb();
  server = await startServer(resolveConfig({ port: 0, db: db.file, logLevel: 'silent' }));
  report = await runAudit(`${server.url}/`, { allowPrivate: true, browser: false, maxPages: 30 });
}, 120_000);
afterAll(async () => {
  await server.close();
  db.remove();
});

describe('the service audited by itself', () => {
  it('serves a valid llms.txt whose links all work', () => {
    expect(facts('llms-txt')).toMatchObject({ present: true, valid: true, title: 'portalprobe service', sectionCount: 3, brokenLinks: 0 });
  });

  it('publishes a valid OpenAPI document that agents find from the home page and the API catalog', () => {
    const doc = facts('openapi').documents.find((d: { url: string }) => d.url === `${server.url}/openapi.json`);
    expect(doc).toMatchObject({ valid: true, version: '3.0.3', operationCount: 18 });
    expect(doc.foundVia).toEqual(expect.arrayContaining(['link-service-desc', 'api-catalog']));
  });

  it('has a sitemap declared in robots.txt, an RFC 9727 API catalog and Markdown for agents', () => {
    expect(facts('sitemap')).toMatchObject({ present: true, urlCount: 5, errors: [] });
    expect(facts('sitemap').declaredInRobots).toEqual([`${server.url}/sitemap.xml`]);
    expect(facts('agent-discovery').apiCatalog).toMatchObject({ present: true, valid: true, profile: true });
    expect(facts('markdown').negotiation).toBe(true);
    expect(facts('structured-data').types).toContain('WebAPI');
  });

  it('lets every AI agent read the public pages and gates none of them', () => {
    expect(facts('robots').aiAgents.filter((a: { access: string }) => a.access === 'none')).toEqual([]);
    expect(facts('gating')).toMatchObject({ gatedUrls: [], loginWall: false });
    expect(facts('indexability').noindexUrls).toEqual([]);
  });
});
