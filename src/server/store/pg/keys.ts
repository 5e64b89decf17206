// PostgreSQL API keys: the same material and rules as the SQLite KeyStore (hash only, shown once).
import type pg from 'pg';
import { NotFoundError } from '../../../errors.js';
import type { ApiKeyRecord } from '../../types.js';
import { hashKey, newKeyMaterial, shouldTouch } from '../keys.js';
import { toKeyRecord, type KeyRow } from '../rows.js';
import type { KeyRepo, NewKey } from '../types.js';

export class PgKeyStore implements KeyRepo {
  constructor(private readonly pool: pg.Pool, private readonly now: () => number = Date.now) {}

  async create(input: NewKey): Promise<ApiKeyRecord & { key: string }> {
    const m = newKeyMaterial(input);
    const { rows } = await this.pool.query<KeyRow>(
      'INSERT INTO api_keys (id, name, hash, prefix, tenant, admin, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *',
      [m.id, m.name, m.hash, m.prefix, m.tenant, m.admin, this.now()],
    );
    return { ...toKeyRecord(rows[0]), key: m.key };
  }

  async list(): Promise<ApiKeyRecord[]> {
    return (await this.pool.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).rows.map(toKeyRecord);
  }

  async revoke(id: string): Promise<ApiKeyRecord> {
    await this.pool.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [this.now(), id]);
    const { rows } = await this.pool.query<KeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]);
    if (!rows[0]) throw new NotFoundError('API key', id);
    return toKeyRecord(rows[0]);
  }

  async verify(key: string): Promise<ApiKeyRecord | undefined> {
    const { rows } = await this.pool.query<KeyRow>('SELECT * FROM api_keys WHERE hash = $1', [hashKey(key)]);
    const row = rows[0];
    if (!row || row.revoked_at !== null) return undefined;
    const now = this.now();
    if (shouldTouch(row.last_used_at, now)) {
      await this.pool.query('UPDATE api_keys SET last_used_at = $1 WHERE id = $2', [now, row.id]);
      row.last_used_at = now;
    }
    return toKeyRecord(row);
  }
}
