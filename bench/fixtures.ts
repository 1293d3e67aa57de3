/**
 * What the page benchmarks ask for, read from a seeded database before the app starts (the embedded database may
 * be open in one process only): the largest supplier and its user, cursors 90% deep into the list, the failure
 * codes to filter and export by, and sample values for every list filter.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { ROLLUP_ALL_WEEKS } from '@/db/schema';
import { encodeCursor } from '@/lib/data/keyset-cursor';
import { currentAndPreviousWeek } from '@/lib/rules/weeks';
import type { FreeFilterValues } from './list-combinations';

export interface Viewer {
  label: 'analyst' | 'largest supplier';
  email: string;
  /** null for the analyst (every installation). */
  supplierId: number | null;
  /** A keyset cursor 90% of the way through the default order (newest change first). */
  deepCursor: string;
  /** The same for "failed, by Migration Week, oldest first". */
  failedByWeekDeepCursor: string;
  /** The failure code whose installations (in this viewer's scope) number closest to 1,000: the CSV export. */
  exportCode: string;
}

export interface Fixtures {
  viewers: Viewer[];
  free: FreeFilterValues;
}

const WEEK_SORT = sql.raw(`coalesce(migration_week, DATE '1970-01-01')`);

function scopeOf(supplierId: number | null) {
  return supplierId === null
    ? sql`true`
    : sql`(electricity_supplier_id = ${supplierId} or gas_supplier_id = ${supplierId})`;
}

/** The row 90% of the way through `where` in `order`, as the list's cursor. */
async function deepCursor(
  db: Database,
  where: ReturnType<typeof sql>,
  sortValue: ReturnType<typeof sql>,
  dir: 'asc' | 'desc',
): Promise<string> {
  const order = sql.raw(dir);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from installations where ${where}`,
  );
  const [row] = await queryRows<{ value: string; id: number }>(
    db,
    sql`select (${sortValue})::text as value, id from installations where ${where}
        order by ${sortValue} ${order}, id ${order} offset ${Math.floor((count?.n ?? 0) * 0.9)} limit 1`,
  );
  if (!row) throw new Error('no row 90% deep: is the database seeded?');
  return encodeCursor({ values: [row.value], id: Number(row.id) });
}

/** Installations per failure code in a rollup scope (0: the whole migration), most first. */
function codeCounts(db: Database, scope: number) {
  return queryRows<{ code: string; n: number }>(
    db,
    sql`select last_code as code, sum(count)::int as n from installation_rollups
        where supplier_id = ${scope} and migration_week = ${ROLLUP_ALL_WEEKS} and last_code <> ''
        group by last_code order by n desc`,
  );
}

async function viewer(db: Database, label: Viewer['label'], email: string, supplierId: number | null) {
  const scope = scopeOf(supplierId);
  const codes = await codeCounts(db, supplierId ?? 0);
  const closest = [...codes].sort((a, b) => Math.abs(a.n - 1000) - Math.abs(b.n - 1000))[0];
  if (!closest) throw new Error('no failure codes in the rollups: is the database seeded?');
  return {
    label,
    email,
    supplierId,
    deepCursor: await deepCursor(db, scope, sql.raw('last_changed_at'), 'desc'),
    failedByWeekDeepCursor: await deepCursor(db, sql`${scope} and status = 'failed'`, WEEK_SORT, 'asc'),
    exportCode: closest.code,
  };
}

export async function readFixtures(db: Database, analystEmail: string): Promise<Fixtures> {
  const [largest] = await queryRows<{ id: number; email: string }>(
    db,
    sql`select r.supplier_id as id, (select email from users where party_id = r.supplier_id order by email limit 1)
        as email from installation_rollups r where r.supplier_id <> 0 and r.migration_week = ${ROLLUP_ALL_WEEKS}
        group by r.supplier_id order by sum(r.count) desc limit 1`,
  );
  if (!largest?.email) throw new Error('the largest supplier has no user: is the database seeded?');
  const [mostCommon] = await codeCounts(db, 0);
  if (!mostCommon) throw new Error('no failure codes in the rollups: is the database seeded?');
  const [mpan] = await queryRows<{ prefix: string }>(
    db,
    sql`select left(min(mpan), 6) as prefix from installations`,
  );
  const weeks = currentAndPreviousWeek(new Date());
  return {
    viewers: [
      await viewer(db, 'analyst', analystEmail, null),
      await viewer(db, 'largest supplier', largest.email, Number(largest.id)),
    ],
    free: {
      supplier: Number(largest.id),
      weekFrom: weeks.current,
      weekTo: weeks.previous,
      outcomeWeek: weeks.previous,
      code: mostCommon.code,
      q: mpan?.prefix ?? '1',
    },
  };
}
