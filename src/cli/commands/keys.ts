// `portalprobe keys create|list|revoke`: manages the service's API keys in its database (the
// same SQLite file or PostgreSQL URL `serve --db` uses; safe while the service runs). A new key is
// printed once; only its sha-256 is stored. A key owns what it creates (its tenant: its own id, or
// a team's with --tenant); an --admin key sees every tenant's audits, reports and schedules.
import { UsageError } from '../../errors.js';
import { dbLocation, openStore } from '../../server/store/index.js';
import type { ApiKeyRecord } from '../../server/types.js';
import { EXIT } from '../exit-codes.js';
import { parseCommandArgs, type CliIo } from '../args.js';

export const KEYS_USAGE = 'keys create --name NAME [--admin] [--tenant T] | keys list | keys revoke <id>   (each takes --db FILE|URL)';
const TEXT = {
  admin: 'This is an admin key: it sees and deletes every tenant\'s audits, reports and schedules.\n',
  created: 'Created API key {id} ({name}). Store it now; it is not shown again:\n\n  {key}\n\nUse it as: Authorization: Bearer <key>\n',
  revoked: 'Revoked API key {id} ({name}).\n',
  none: 'No API keys. Create one with `portalprobe keys create --name <who>`.\n',
  needName: 'keys create needs --name NAME (who or what the key is for)',
  needId: 'keys revoke needs the id of one key (see `portalprobe keys list`)',
  unknownSub: 'Unknown keys command "{sub}"; use: {usage}',
  createOnly: '--admin and --tenant go with keys create',
  badTenant: '--tenant must be 1-64 letters, digits, _ or - (e.g. the id of a key whose audits the new key should share)',
};
const TENANT_RE = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_NAME = 100;

function iso(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString();
}

export function formatKeyList(keys: ApiKeyRecord[]): string {
  if (keys.length === 0) return TEXT.none;
  const rows = [
    ['ID', 'NAME', 'PREFIX', 'TENANT', 'ADMIN', 'CREATED', 'LAST USED', 'REVOKED'],
    ...keys.map((k) => [k.id, k.name, `${k.prefix}…`, k.tenant, k.admin ? 'yes' : '-', iso(k.createdAt), iso(k.lastUsedAt), iso(k.revokedAt)]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return `${rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n')}\n`;
}

export async function keysCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommandArgs(rest, {
    db: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean' },
    admin: { type: 'boolean' },
    tenant: { type: 'string' },
  });
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') throw new UsageError(TEXT.unknownSub.replace('{sub}', String(sub ?? '')).replace('{usage}', KEYS_USAGE));
  if (sub !== 'create' && (values.admin || values.tenant)) throw new UsageError(TEXT.createOnly);
  if (values.tenant !== undefined && !TENANT_RE.test(values.tenant)) throw new UsageError(TEXT.badTenant);
  const store = await openStore(dbLocation(values.db));
  try {
    if (sub === 'create') {
      const name = values.name?.trim();
      if (!name || name.length > MAX_NAME || positionals.length > 0) throw new UsageError(TEXT.needName);
      const key = await store.keys.create({ name, admin: values.admin, tenant: values.tenant });
      if (values.json) {
        io.stdout.write(`${JSON.stringify({ id: key.id, name: key.name, key: key.key, tenant: key.tenant, admin: key.admin, createdAt: iso(key.createdAt) })}\n`);
      } else io.stdout.write((key.admin ? TEXT.admin : '') + TEXT.created.replace('{id}', key.id).replace('{name}', key.name).replace('{key}', key.key));
    } else if (sub === 'list') {
      const keys = await store.keys.list();
      io.stdout.write(values.json ? `${JSON.stringify(keys)}\n` : formatKeyList(keys));
    } else {
      if (positionals.length !== 1) throw new UsageError(TEXT.needId);
      const key = await store.keys.revoke(positionals[0]);
      io.stdout.write(TEXT.revoked.replace('{id}', key.id).replace('{name}', key.name));
    }
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
