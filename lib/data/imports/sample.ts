/**
 * A fresh good file of each kind for the database as it is now (`npm run import -- <kind> --sample`, and the upload
 * page's "Download a sample"): rows chosen so that each applies (valid MAs for future weeks, outcomes for attempts
 * at the right stage). A supplier gets only its own installations.
 */

import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { addCalendarDays, addMigrationWeeks, londonDate, migrationWeekOfDate } from '@/lib/rules/weeks';
import { IMPORT_COLUMNS, type ImportKind } from './kinds';
import { rows as query } from './store';

export const SAMPLE_ROWS = 20;

interface Candidate {
  id: number;
  mpan: string | null;
  mprn: string | null;
  week: string | null;
  e_id: number | null;
  g_id: number | null;
  e_sec: string | null;
  g_sec: string | null;
  e_active: boolean;
  g_active: boolean;
  tbc: boolean;
}

async function candidates(
  db: Database,
  where: ReturnType<typeof sql>,
  supplierId: number | null,
): Promise<Candidate[]> {
  const scope =
    supplierId === null
      ? sql`TRUE`
      : sql`(i.electricity_supplier_id = ${supplierId} OR i.gas_supplier_id = ${supplierId})`;
  const found = await query<Candidate>(
    db,
    sql`SELECT i.id, i.mpan, i.mprn, to_char(i.migration_week, 'YYYY-MM-DD') AS week, e.id AS e_id, g.id AS g_id, e.sec_party_id AS e_sec,
          g.sec_party_id AS g_sec, i.electricity_state = 'active' AS e_active, i.gas_state = 'active' AS g_active,
          i.to_be_commissioned_by_dcc AS tbc
        FROM installations i
        LEFT JOIN parties e ON e.id = i.electricity_supplier_id
        LEFT JOIN parties g ON g.id = i.gas_supplier_id
        WHERE ${where} AND ${scope}
        ORDER BY i.id LIMIT ${SAMPLE_ROWS * 5}`,
  );
  return found.map((c) => ({ ...c, id: Number(c.id) }));
}

const CERT = (n: number, device: string) =>
  `${(0x1000 + n).toString(16).toUpperCase()}${device}|DCC SMKI Issuing CA`;

/** Valid MAs: each installation's active meters, from their own supplier, for a week whose Migrate On is future. */
async function authorisations(db: Database, now: Date, supplierId: number | null): Promise<unknown[][]> {
  const today = londonDate(now);
  const firstWeek = addMigrationWeeks(migrationWeekOfDate(today), 1);
  const found = await candidates(
    db,
    sql`i.stage = 'demand' AND i.status = 'in-progress' AND i.installation_type = 'active-only'`,
    supplierId,
  );
  const out: unknown[][] = [];
  for (const c of found) {
    const week = c.week && c.week >= firstWeek ? c.week : firstWeek;
    const migrateOn = addCalendarDays(week, 1);
    // A supplier's sample holds only its own MAs (it may not submit for the other supplier of a split supply).
    const own = (id: number | null) => supplierId === null || id === supplierId;
    const suppliers = [
      ...new Set([c.e_active && own(c.e_id) ? c.e_sec : null, c.g_active && own(c.g_id) ? c.g_sec : null]),
    ].filter(Boolean);
    for (const sec of suppliers) {
      if (supplierId !== null && out.length >= SAMPLE_ROWS) break;
      const mpan = c.e_active && c.e_sec === sec ? c.mpan : null;
      const mprn = c.g_active && c.g_sec === sec ? c.mprn : null;
      out.push([
        sec,
        week,
        migrateOn,
        mpan ?? '',
        mprn ?? '',
        mpan ? CERT(c.id, 'E') : '',
        mprn ? CERT(c.id, 'A') : '',
        mprn ? CERT(c.id, 'B') : '',
        'N',
        '',
        '',
      ]);
    }
    if (out.length >= SAMPLE_ROWS) break;
  }
  return out;
}

async function outcomes(db: Database, kind: ImportKind, supplierId: number | null): Promise<unknown[][]> {
  if (kind === 'completions') {
    const found = await candidates(
      db,
      sql`i.stage = 'commissioning' AND i.status = 'in-progress' AND EXISTS (
            SELECT 1 FROM migration_authorisations m WHERE m.installation_id = i.id
              AND m.migration_week = i.migration_week AND m.validation_status = 'accepted'
              AND m.completion_status IS NULL)`,
      supplierId,
    );
    return found.slice(0, SAMPLE_ROWS).map((c) => [c.mpan ?? '', c.mprn ?? '', c.week, 'success', '']);
  }
  if (kind === 'commissioning') {
    const found = await candidates(
      db,
      sql`i.stage IN ('common-file', 'sim-cutover', 'device-validation') AND i.status = 'in-progress'`,
      supplierId,
    );
    return found
      .slice(0, SAMPLE_ROWS)
      .map((c, n) =>
        n % 5 === 4
          ? [
              c.mpan ?? '',
              c.mprn ?? '',
              c.week,
              'failed',
              '',
              '12.9.1.ET01',
              'WAN test failed after 48 hours of retries',
              c.tbc ? 'Y' : 'N',
            ]
          : [c.mpan ?? '', c.mprn ?? '', c.week, 'commissioned', '', '', '', c.tbc ? 'Y' : 'N'],
      );
  }
  // Commissioning Outcome File: one Responsible Supplier's file, with its next counter.
  const found = await candidates(
    db,
    sql`i.stage IN ('authorisation', 'common-file', 'sim-cutover', 'device-validation', 'commissioning') AND i.status = 'in-progress' AND i.to_be_commissioned_by_dcc`,
    supplierId,
  );
  const sec = found.map((c) => c.e_sec ?? c.g_sec).find(Boolean) ?? '';
  const [last] = await query<{ last: number | null }>(
    db,
    sql`SELECT max(file_counter) AS last FROM file_imports WHERE party_signifier = ${sec} AND status = 'applied'`,
  );
  const counter = Number(last?.last ?? 0) + 1;
  return found
    .filter((c) => c.e_sec === sec || c.g_sec === sec)
    .slice(0, SAMPLE_ROWS)
    .map((c, n) =>
      n % 6 === 5
        ? [sec, counter, c.mpan ?? '', c.mprn ?? '', c.week, 'failed', '6.3', 'E48', '']
        : [sec, counter, c.mpan ?? '', c.mprn ?? '', c.week, 'commissioned', '', '', ''],
    );
}

async function demand(db: Database, now: Date, supplierId: number | null): Promise<unknown[][]> {
  const suppliers = await query<{ sec: string }>(
    db,
    sql`SELECT sec_party_id AS sec FROM parties WHERE role = 'supplier' AND sec_party_id IS NOT NULL
        ${supplierId === null ? sql`` : sql`AND id = ${supplierId}`} ORDER BY id LIMIT 5`,
  );
  const week = addMigrationWeeks(migrationWeekOfDate(londonDate(now)), 2);
  return suppliers.flatMap((s, i) =>
    [0, 1, 2, 3].map((n) => [s.sec, addMigrationWeeks(week, n), 400 + 25 * i + 10 * n]),
  );
}

/** The CSV text of a fresh sample file of the kind. */
export async function sampleFile(
  db: Database,
  kind: ImportKind,
  now: Date,
  supplierId: number | null = null,
): Promise<string> {
  const records =
    kind === 'authorisations'
      ? await authorisations(db, now, supplierId)
      : kind === 'demand'
        ? await demand(db, now, supplierId)
        : await outcomes(db, kind, supplierId);
  return stringify([[...IMPORT_COLUMNS[kind]], ...records]);
}
