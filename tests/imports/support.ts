import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '@/db/client';
import { parties } from '@/db/schema';
import type { ImportKind } from '@/lib/data/imports/kinds';
import { type ImportActor, type ImportOutcome, runImport } from '@/lib/data/imports/pipeline';

export const OPERATOR: ImportActor = { userId: null, supplierId: null };
/** Tuesday 24 November 2026, 10:00 London: Migration Week 2026-11-23 is under way, 2026-11-30 is next. */
export const NOW = new Date('2026-11-24T10:00:00Z');

export function csv(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

export function importText(
  db: Database,
  kind: ImportKind,
  text: string,
  actor: ImportActor = OPERATOR,
  filename = `${kind}.csv`,
  chunkRows = 3,
): Promise<ImportOutcome> {
  return runImport(
    db,
    actor,
    kind,
    { filename, open: () => Readable.from([Buffer.from(text)]) },
    { now: NOW, chunkRows },
  );
}

/** Every table an import may change, counted, with the installations' changing columns: "nothing changed" is equality. */
export async function fingerprint(db: Database) {
  const [counts] = await queryRows<{
    events: number;
    mas: number;
    receipts: number;
    demand: number;
    installations: string;
    rollups: string;
  }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM installation_events) AS events,
          (SELECT count(*)::int FROM migration_authorisations) AS mas,
          (SELECT count(*)::int FROM commissioning_outcome_receipts) AS receipts,
          (SELECT coalesce(sum(committed), 0)::int FROM weekly_demand) AS demand,
          (SELECT string_agg(concat_ws('/', id, stage, status, attempt_count, last_code, migration_week), ',' ORDER BY id)
             FROM installations) AS installations,
          (SELECT string_agg(concat_ws('/', supplier_id, migration_week, stage, status, last_code, count), ','
             ORDER BY supplier_id, migration_week, stage, status, group_id, installation_type, last_code)
             FROM installation_rollups WHERE count <> 0) AS rollups`,
  );
  if (!counts) throw new Error('no fingerprint');
  return counts;
}

/** The rollups the trigger kept must equal a rebuild from scratch. */
export async function rollupsExact(db: Database): Promise<boolean> {
  const before = (await fingerprint(db)).rollups;
  await db.execute(sql`SELECT rebuild_installation_rollups()`);
  return before === (await fingerprint(db)).rollups;
}

export async function createDcc(db: Database) {
  const [row] = await db
    .insert(parties)
    .values({ slug: `dcc-${Math.random().toString(36).slice(2)}`, name: 'DCC', role: 'dcc' })
    .returning();
  return row;
}
