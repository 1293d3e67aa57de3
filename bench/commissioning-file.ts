/**
 * A large S1SP Commissioning File for the installations `loadDeviceValidation` creates: one row in twenty a
 * failure (12.9.1.ET01), the rest commissioned. Shared by the import benchmark and the load test.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { IMPORT_COLUMNS } from '@/lib/data/imports/kinds';

const FIRST_MPAN = 1500000000000;

/**
 * `rows` installations in device validation in `week` (MPANs from 1500000000001 up), for the given supplier and
 * SMSO; added in bulk without the row trigger, then one rebuild of the rollups, as the seed does.
 */
export async function loadDeviceValidation(
  db: Database,
  rows: number,
  week: string,
  parties: { supplier: string; smso: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('mcc.rollups_by_statement', 'on', true)`);
    await tx.execute(sql`
      INSERT INTO installations (mpan, group_id, smso_party_id, electricity_supplier_id, electricity_state,
        installation_type, migration_week, stage, status, attempt_count)
      SELECT (${FIRST_MPAN}::bigint + n)::text, (ARRAY['AA','BA','CB','DA','EA'])[1 + n % 5]::group_id,
        (SELECT id FROM parties WHERE slug = ${parties.smso}), (SELECT id FROM parties WHERE slug = ${parties.supplier}),
        'active', 'active-only', ${week}::date, 'device-validation', 'in-progress', 1
      FROM generate_series(1, ${rows}) AS n`);
    await tx.execute(sql`SELECT rebuild_installation_rollups()`);
  });
  await db.execute(sql`VACUUM ANALYZE installations`);
}

/** Writes the file for those installations; with `badLast`, the last line's MPAN is malformed. */
export function writeCommissioningFile(
  file: string,
  rows: number,
  week: string,
  badLast = false,
): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${IMPORT_COLUMNS.commissioning.join(',')}\n`);
  let buffer = '';
  for (let n = 1; n <= rows; n++) {
    const bad = badLast && n === rows;
    buffer +=
      n % 20 === 0
        ? `${FIRST_MPAN + n},,${week},failed,,12.9.1.ET01,No WAN after retries,N\n`
        : `${bad ? '15' : FIRST_MPAN + n},,${week},commissioned,,,,N\n`;
    if (buffer.length > 1 << 20) {
      out.write(buffer);
      buffer = '';
    }
  }
  out.end(buffer);
  return new Promise<void>((resolve) => out.on('finish', () => resolve()));
}
