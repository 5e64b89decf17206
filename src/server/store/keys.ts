// API keys. A key is 32 random bytes shown once, at creation; the store keeps only its sha-256
// (a fast hash is right here: the key is random and long, so there is nothing to brute-force,
// unlike a password) and a short prefix for people to tell keys apart.
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { NotFoundError } from '../../errors.js';
import { newId } from '../ids.js';
import type { ApiKeyRecord } from '../types.js';

export const KEY_PREFIX = 'ppk_';
const SHOWN_PREFIX_LENGTH = 10;
/** last_used_at is written at most this often per key, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

function toRecord(row: KeyRow): ApiKeyRecord {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.created_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at };
}

export class KeyStore {
  private readonly s;

  constructor(db: Database.Database, private readonly now: () => number = Date.now) {
    this.s = {
      insert: db.prepare('INSERT INTO api_keys (id, name, hash, prefix, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *'),
      list: db.prepare('SELECT * FROM api_keys ORDER BY created_at, id'),
      byHash: db.prepare('SELECT * FROM api_keys WHERE hash = ?'),
      revoke: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      get: db.prepare('SELECT * FROM api_keys WHERE id = ?'),
      touch: db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?'),
    };
  }

  /** Creates a key; the returned `key` is the only time the secret exists outside its holder. */
  create(name: string): ApiKeyRecord & { key: string } {
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = this.s.insert.get(newId('key'), name, hashKey(key), key.slice(0, SHOWN_PREFIX_LENGTH), this.now()) as KeyRow;
    return { ...toRecord(row), key };
  }

  list(): ApiKeyRecord[] {
    return (this.s.list.all() as KeyRow[]).map(toRecord);
  }

  /** @throws NotFoundError for an unknown id. Revoking twice is not an error. */
  revoke(id: string): ApiKeyRecord {
    this.s.revoke.run(this.now(), id);
    const row = this.s.get.get(id) as KeyRow | undefined;
    if (!row) throw new NotFoundError('API key', id);
    return toRecord(row);
  }

  /** The active key matching `key`, or undefined (unknown or revoked). */
  verify(key: string): ApiKeyRecord | undefined {
    const row = this.s.byHash.get(hashKey(key)) as KeyRow | undefined;
    if (!row || row.revoked_at !== null) return undefined;
    const now = this.now();
    if (row.last_used_at === null || now - row.last_used_at > TOUCH_INTERVAL_MS) {
      this.s.touch.run(now, row.id);
      row.last_used_at = now;
    }
    return toRecord(row);
  }
}
