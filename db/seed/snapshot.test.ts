/**
 * The demo seed is deterministic for (installations, seed, now): this pins a hash of everything a small seed writes,
 * so a refactor of the generator that changes one byte of output fails here. When the data is changed on purpose,
 * update EXPECTED_HASH in the same commit and say why in its message.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '@/db/client';
import { seedDatabase } from './index';

const EXPECTED_HASH = 'eaef4ddaf9240f6e0ddbbfab9f4b8328';

const OPTIONS = { installations: 1_500, seed: 20_251_125, now: new Date('2026-03-18T10:30:00Z') };

/** Columns whose values are not the generator's: creation times and the salted demo password hash. */
const NOT_DETERMINISTIC: Readonly<Record<string, readonly string[]>> = {
  users: ['created_at', 'updated_at'],
  accounts: ['password', 'created_at', 'updated_at'],
};

async function rows<T>(handle: DatabaseHandle, query: string): Promise<T[]> {
  const result: unknown = await handle.db.execute(sql.raw(query));
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Every table of the schema, each dumped row by row in primary-key order, hashed table by table. */
async function databaseDigest(
  handle: DatabaseHandle,
): Promise<{ tables: Record<string, string>; hash: string }> {
  await handle.db.execute(sql.raw(`SET TimeZone = 'UTC'`));
  const columns = await rows<{ table: string; column: string }>(
    handle,
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const keys = await rows<{ table: string; column: string }>(
    handle,
    `SELECT t.relname AS "table", a.attname AS "column"
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) ON true
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE c.contype = 'p' AND t.relnamespace = current_schema()::regnamespace
     ORDER BY t.relname, k.n`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) {
    if (NOT_DETERMINISTIC[table]?.includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`]);
  }
  const tables: Record<string, string> = {};
  for (const [table, cols] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    const pk = keys.filter((k) => k.table === table).map((k) => `"${k.column}"`);
    const order = (pk.length > 0 ? pk : cols).join(', ');
    const [row] = await rows<{ hash: string; n: number | string }>(
      handle,
      `SELECT md5(coalesce(string_agg(ROW(${cols.join(', ')})::text, E'\\n' ORDER BY ${order}), '')) AS hash,
              count(*) AS n
       FROM "${table}"`,
    );
    tables[table] = `${row?.n}:${row?.hash}`;
  }
  const [all] = await rows<{ hash: string }>(
    handle,
    `SELECT md5('${Object.entries(tables)
      .map(([t, h]) => `${t}=${h}`)
      .join(';')}') AS hash`,
  );
  return { tables, hash: all?.hash ?? '' };
}

describe('the demo seed, byte for byte', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await openDatabase({ dataDir: 'memory://' });
    await seedDatabase(handle, OPTIONS);
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
  });

  it('writes exactly the pinned contents for a fixed seed and now', async () => {
    const digest = await databaseDigest(handle);
    expect(Number(digest.tables.installations?.split(':')[0])).toBe(OPTIONS.installations);
    expect(digest.hash, JSON.stringify(digest.tables, null, 2)).toBe(EXPECTED_HASH);
  });
});
