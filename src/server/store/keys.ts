// API keys. A key is 32 random bytes shown once, at creation; the store keeps only its sha-256
// (a fast hash is right here: the key is random and long, so there is nothing to brute-force,
// unlike a password) and a short prefix for people to tell keys apart. Key material and the
// tenant rules are shared with the PostgreSQL store (newKeyMaterial, shouldTouch).
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { NotFoundError } from '../../errors.js';
import { newId } from '../ids.js';
import type { ApiKeyRecord } from '../types.js';
import { toKeyRecord, type KeyRow } from './rows.js';
import type { KeyRepo, NewKey } from './types.js';

export const KEY_PREFIX = 'ppk_';
const SHOWN_PREFIX_LENGTH = 10;
/** last_used_at is written at most this often per key, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A new key's id, secret, hash, prefix and tenant (its own id unless it joins a team's). */
export function newKeyMaterial(input: NewKey) {
  const id = newId('key');
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashKey(key), prefix: key.slice(0, SHOWN_PREFIX_LENGTH), name: input.name, tenant: input.tenant ?? id, admin: input.admin === true };
}

export function shouldTouch(lastUsedAt: number | null, now: number): boolean {
  return lastUsedAt === null || now - lastUsedAt > TOUCH_INTERVAL_MS;
}

export class KeyStore implements KeyRepo {
  private readonly s;

  constructor(db: Database.Database, private readonly now: () => number = Date.now) {
    this.s = {
      insert: db.prepare('INSERT INTO api_keys (id, name, hash, prefix, tenant, admin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *'),
      list: db.prepare('SELECT * FROM api_keys ORDER BY created_at, id'),
      byHash: db.prepare('SELECT * FROM api_keys WHERE hash = ?'),
      revoke: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      get: db.prepare('SELECT * FROM api_keys WHERE id = ?'),
      touch: db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?'),
    };
  }

  async create(input: NewKey): Promise<ApiKeyRecord & { key: string }> {
    const m = newKeyMaterial(input);
    const row = this.s.insert.get(m.id, m.name, m.hash, m.prefix, m.tenant, m.admin ? 1 : 0, this.now()) as KeyRow;
    return { ...toKeyRecord(row), key: m.key };
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (this.s.list.all() as KeyRow[]).map(toKeyRecord);
  }

  async revoke(id: string): Promise<ApiKeyRecord> {
    this.s.revoke.run(this.now(), id);
    const row = this.s.get.get(id) as KeyRow | undefined;
    if (!row) throw new NotFoundError('API key', id);
    return toKeyRecord(row);
  }

  async verify(key: string): Promise<ApiKeyRecord | undefined> {
    const row = this.s.byHash.get(hashKey(key)) as KeyRow | undefined;
    if (!row || row.revoked_at !== null) return undefined;
    const now = this.now();
    if (shouldTouch(row.last_used_at, now)) {
      this.s.touch.run(now, row.id);
      row.last_used_at = now;
    }
    return toKeyRecord(row);
  }
}
