// `portalprobe keys create|list|revoke`: manages the service's API keys in its database (the
// same file `serve --db` uses; safe while the service runs, thanks to WAL). A new key is printed
// once; only its sha-256 is stored.
import { UsageError } from '../../errors.js';
import { DEFAULT_DB_FILE, openStore } from '../../server/store/index.js';
import type { ApiKeyRecord } from '../../server/types.js';
import { EXIT } from '../exit-codes.js';
import { parseCommandArgs, type CliIo } from '../args.js';

export const KEYS_USAGE = 'keys create --name NAME | keys list | keys revoke <id>   (each takes --db FILE)';
const TEXT = {
  created: 'Created API key {id} ({name}). Store it now; it is not shown again:\n\n  {key}\n\nUse it as: Authorization: Bearer <key>\n',
  revoked: 'Revoked API key {id} ({name}).\n',
  none: 'No API keys. Create one with `portalprobe keys create --name <who>`.\n',
  needName: 'keys create needs --name NAME (who or what the key is for)',
  needId: 'keys revoke needs the id of one key (see `portalprobe keys list`)',
  unknownSub: 'Unknown keys command "{sub}"; use: {usage}',
};
const MAX_NAME = 100;

function iso(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString();
}

export function formatKeyList(keys: ApiKeyRecord[]): string {
  if (keys.length === 0) return TEXT.none;
  const rows = [['ID', 'NAME', 'PREFIX', 'CREATED', 'LAST USED', 'REVOKED'], ...keys.map((k) => [k.id, k.name, `${k.prefix}…`, iso(k.createdAt), iso(k.lastUsedAt), iso(k.revokedAt)])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return `${rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n')}\n`;
}

export async function keysCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommandArgs(rest, { db: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } });
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') throw new UsageError(TEXT.unknownSub.replace('{sub}', String(sub ?? '')).replace('{usage}', KEYS_USAGE));
  const store = openStore(values.db ?? DEFAULT_DB_FILE);
  try {
    if (sub === 'create') {
      const name = values.name?.trim();
      if (!name || name.length > MAX_NAME || positionals.length > 0) throw new UsageError(TEXT.needName);
      const key = store.keys.create(name);
      if (values.json) io.stdout.write(`${JSON.stringify({ id: key.id, name: key.name, key: key.key, createdAt: iso(key.createdAt) })}\n`);
      else io.stdout.write(TEXT.created.replace('{id}', key.id).replace('{name}', key.name).replace('{key}', key.key));
    } else if (sub === 'list') {
      const keys = store.keys.list();
      io.stdout.write(values.json ? `${JSON.stringify(keys)}\n` : formatKeyList(keys));
    } else {
      if (positionals.length !== 1) throw new UsageError(TEXT.needId);
      const key = store.keys.revoke(positionals[0]);
      io.stdout.write(TEXT.revoked.replace('{id}', key.id).replace('{name}', key.name));
    }
    return EXIT.ok;
  } finally {
    store.close();
  }
}
