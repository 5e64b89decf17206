// `portalprobe keys create|list|revoke` through main() against a temp database, and the flags of
// `portalprobe serve`.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { main, USAGE } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/args.js';
import { serveConfigFromArgs } from '../../src/cli/commands/serve.js';
import { formatKeyList } from '../../src/cli/commands/keys.js';
import { SERVER_DEFAULTS } from '../../src/server/config.js';
import { openSqlite } from '../../src/server/store/index.js';
import { hashKey } from '../../src/server/store/keys.js';
import { tempDb, type TempDir } from './helpers.js';

function io(): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  (stderr as unknown as PassThrough).on('data', (c) => (err += c));
  return { stdout, stderr, out: () => out, err: () => err };
}

let db: TempDir;
beforeEach(() => {
  db = tempDb();
});
afterEach(() => db.remove());

describe('portalprobe keys', () => {
  it('creates a key shown once, lists it, revokes it', async () => {
    const created = io();
    expect(await main(['keys', 'create', '--name', 'ci pipeline', '--db', db.file], created)).toBe(0);
    const key = /(ppk_[A-Za-z0-9_-]+)/.exec(created.out())![1];
    expect(created.out()).toMatch(/not shown again/);
    const store = openSqlite(db.file);
    const [record] = await store.keys.list();
    expect(record.name).toBe('ci pipeline');
    expect(store.db.prepare('SELECT hash FROM api_keys').get()).toEqual({ hash: hashKey(key) });
    await store.close();

    const listed = io();
    expect(await main(['keys', 'list', '--db', db.file], listed)).toBe(0);
    expect(listed.out()).toContain(record.id);
    expect(listed.out()).toContain('ci pipeline');
    expect(listed.out()).not.toContain(key);

    const revoked = io();
    expect(await main(['keys', 'revoke', record.id, '--db', db.file], revoked)).toBe(0);
    expect(revoked.out()).toMatch(/Revoked API key/);
    const json = io();
    await main(['keys', 'list', '--json', '--db', db.file], json);
    expect(JSON.parse(json.out())[0].revokedAt).toEqual(expect.any(Number));
  });

  it('creates an admin key and a key in another key\'s tenant', async () => {
    const first = io();
    await main(['keys', 'create', '--name', 'owner', '--json', '--db', db.file], first);
    const owner = JSON.parse(first.out());
    expect(owner).toMatchObject({ tenant: owner.id, admin: false });
    const admin = io();
    expect(await main(['keys', 'create', '--name', 'root', '--admin', '--db', db.file], admin)).toBe(0);
    expect(admin.out()).toMatch(/admin key: it sees/);
    const team = io();
    await main(['keys', 'create', '--name', 'mate', '--tenant', owner.id, '--json', '--db', db.file], team);
    expect(JSON.parse(team.out())).toMatchObject({ tenant: owner.id, admin: false });
    const listed = io();
    await main(['keys', 'list', '--db', db.file], listed);
    expect(listed.out()).toMatch(/TENANT\s+ADMIN/);
    expect(listed.out()).toMatch(/root .* yes /);
  });

  it.each([
    [['keys'], /Unknown keys command/],
    [['keys', 'list', '--admin'], /go with keys create/],
    [['keys', 'create', '--name', 'x', '--tenant', 'bad tenant!'], /--tenant must be/],
    [['keys', 'rotate'], /Unknown keys command/],
    [['keys', 'create'], /needs --name/],
    [['keys', 'revoke'], /needs the id/],
    [['keys', 'revoke', 'key_nope'], /does not exist/],
    [['keys', 'list', '--bogus'], /Unknown option/],
  ])('%j fails with a usage error', async (args, message) => {
    const out = io();
    const code = await main([...args, '--db', db.file], out);
    expect(code).not.toBe(0);
    expect(out.err()).toMatch(message);
  });

  it('lists no keys helpfully', () => {
    expect(formatKeyList([])).toMatch(/No API keys/);
  });
});

describe('portalprobe serve flags', () => {
  it('defaults: 127.0.0.1:8080, auth on, private targets refused', () => {
    expect(serveConfigFromArgs([])).toEqual(SERVER_DEFAULTS);
  });

  it('maps every flag', () => {
    const config = serveConfigFromArgs([
      '--port', '0', '--host', '0.0.0.0', '--db', 'x.db', '--no-auth', '--allow-private', '--no-browser',
      '--concurrency', '4', '--max-active-per-key', '9', '--rate-limit', '60', '--public-url', 'https://probe.example.com',
      '--trust-proxy', '--log-level', 'warn',
    ]);
    expect(config).toMatchObject({
      port: 0, host: '0.0.0.0', db: 'x.db', auth: false, allowPrivate: true, browser: false, concurrency: 4, maxActivePerKey: 9,
      rateLimit: { max: 60, timeWindowMs: 60_000 }, publicUrl: 'https://probe.example.com', trustProxy: true, logLevel: 'warn',
    });
  });

  it.each([
    [['--port', '70000'], /--port/],
    [['--port', 'x'], /--port/],
    [['--concurrency', '0'], /--concurrency/],
    [['--public-url', 'ftp://x'], /--public-url/],
    [['--log-level', 'loud'], /--log-level/],
    [['--auth'], /Unknown option/],
    [['extra'], /no arguments/],
    [['--workers', '0', '--db', 'x.db'], /--workers 0 needs a PostgreSQL store/],
    [['--workers', 'two'], /--workers must be/],
    [['--job-expiry', '5'], /--job-expiry/],
  ])('refuses %j', (args, message) => expect(() => serveConfigFromArgs(args)).toThrow(message));

  it('reads the scale-out flags: --workers 0 with PostgreSQL, --job-expiry, --min-schedule-seconds, DATABASE_URL', () => {
    expect(serveConfigFromArgs(['--db', 'postgres://u@127.0.0.1/db', '--workers', '0', '--job-expiry', '60', '--min-schedule-seconds', '4'])).toMatchObject({
      db: 'postgres://u@127.0.0.1/db', concurrency: 0, jobExpirySeconds: 60, minScheduleSeconds: 4, schedulerTickMs: 2_000,
    });
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = 'postgresql://u@127.0.0.1/other';
    try {
      expect(serveConfigFromArgs([]).db).toBe('postgresql://u@127.0.0.1/other');
      expect(serveConfigFromArgs(['--db', 'x.db']).db).toBe('x.db');
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });

  it('the help names the service commands', () => {
    expect(USAGE).toMatch(/^ {2}serve {2,}/m);
    expect(USAGE).toMatch(/^ {2}worker {2,}/m);
    expect(USAGE).toMatch(/^ {2}keys <sub> {2,}/m);
    expect(USAGE).toContain('--allow-private');
  });
});
