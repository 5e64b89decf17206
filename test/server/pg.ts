// PostgreSQL for tests: the server .ci/run makes sure of (127.0.0.1:5432, trust auth, database
// `test`), or PORTALPROBE_TEST_PG. Each test file gets fresh schemas (ours and pg-boss's) and drops
// them after, so files run in parallel without seeing each other's rows, jobs or notifications.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_BASE_URL = process.env.PORTALPROBE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  schema: string;
  /** The store URL: PG_BASE_URL with ?schema=… */
  url: string;
  drop(): Promise<void>;
}

export async function freshSchema(prefix = 't'): Promise<TestSchema> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const url = `${PG_BASE_URL}${PG_BASE_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    schema,
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_BASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.query(`DROP SCHEMA IF EXISTS ${schema}_boss CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** One query on a fresh connection (the test's view of the database). */
export async function pgQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: u.href, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
