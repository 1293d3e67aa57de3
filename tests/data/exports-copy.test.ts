import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows, setDatabase } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import type { Viewer } from '@/lib/auth/viewer';
import type { CsvProfile } from '@/lib/exports/csv';
import { getExport } from '@/lib/exports/registry';
import { londonDate } from '@/lib/rules/weeks';
import { pglite as pgliteEngine, postgresEngine } from '../support/engines';
import { analyst, supplierViewer } from '../support/factories';

// On PostgreSQL the large exports are written by COPY with the CSV rules in SQL (lib/exports/csv.ts csvSqlCell);
// on PGlite by csv-stringify from rows read in batches. The same data must give the same bytes either way.
const serverUrl = process.env.TEST_DATABASE_URL;
const NOW = new Date('2026-11-25T12:00:00Z');
const YEAR_AGO = new Date(NOW.getTime() - 365 * 86_400_000);

/** Party names a spreadsheet or a CSV parser could trip on, given to seeded suppliers on both engines alike. */
const HOSTILE_NAMES = ['=HYPERLINK("http://x")', 'Comma, Quote " and\nnewline', '@Tab\tstart', ''];

async function seeded(handle: DatabaseHandle) {
  await seedDatabase(handle, { installations: 400, seed: 7, now: NOW });
  const suppliers = await queryRows<{ id: number }>(
    handle.db,
    sql`select id from parties where role = 'supplier' order by id limit ${HOSTILE_NAMES.length}`,
  );
  for (const [k, { id }] of suppliers.entries()) {
    await handle.db.execute(sql`update parties set name = ${HOSTILE_NAMES[k] ?? ''} where id = ${id}`);
  }
  await handle.db.execute(
    sql`update installations set last_code = '-1+1' where id = (select min(id) from installations)`,
  );
  return Number(suppliers[1]?.id);
}

async function download(
  handle: DatabaseHandle,
  name: string,
  query: string,
  viewer: Viewer,
  profile: CsvProfile,
) {
  setDatabase(handle);
  const prepared = getExport(name)?.prepare(new URLSearchParams(query), NOW);
  if (!prepared?.ok) throw new Error(`cannot prepare ${name}`);
  return Buffer.from(await new Response(prepared.stream(viewer, undefined, profile)).arrayBuffer());
}

describe.skipIf(!serverUrl)(
  'COPY exports on PostgreSQL write the same bytes as the batch exports on PGlite',
  () => {
    let pglite: DatabaseHandle;
    let postgres: DatabaseHandle;
    let disposers: (() => Promise<void>)[] = [];
    let supplier: number;

    beforeAll(async () => {
      const a = await pgliteEngine.create();
      const b = await postgresEngine(serverUrl as string).create();
      pglite = a.handle;
      postgres = b.handle;
      disposers = [a.dispose, b.dispose];
      supplier = await seeded(pglite);
      expect(await seeded(postgres)).toBe(supplier);
    }, 240_000);
    afterAll(async () => {
      for (const dispose of disposers) await dispose();
    }, 60_000);

    const cases = [
      ['installations', ''],
      ['installations', 'sort=week&dir=asc&status=failed'],
      ['report-2', `from=${londonDate(YEAR_AGO)}&to=${londonDate(NOW)}`],
    ] as const;
    for (const [name, query] of cases) {
      for (const profile of ['excel', 'plain'] as const) {
        it(`${name}?${query} (${profile}), for the MCC and for a supplier`, async () => {
          for (const viewer of [analyst, supplierViewer(supplier)]) {
            const expected = await download(pglite, name, query, viewer, profile);
            const copied = await download(postgres, name, query, viewer, profile);
            expect(expected.toString().split('\r\n').length).toBeGreaterThan(2);
            expect(copied.toString()).toBe(expected.toString());
          }
        }, 120_000);
      }
    }
  },
);
