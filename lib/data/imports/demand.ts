/**
 * Migration Demand Commitment files (MEHRS 2.2.1): what DCC committed to migrate per supplier per Migration Week,
 * against which Report 8 counts the authorisations received. A row that restates the current commitment is a replay.
 */
import { sql } from 'drizzle-orm';
import type { ChunkResult, ImportContext, KindHandler } from './handler';
import type { DemandRow, FileImportProblem } from './rows';
import { rows as query } from './store';

async function apply(ctx: ImportContext, rows: readonly DemandRow[]): Promise<ChunkResult> {
  const keys = rows.map((r) => ({ supplier: ctx.suppliers.get(r.secPartyId), week: r.migrationWeek }));
  const existing = await query<{ supplier_id: number; week: string; committed: number }>(
    ctx.tx,
    sql`SELECT w.supplier_id, to_char(w.migration_week, 'YYYY-MM-DD') AS week, w.committed
        FROM weekly_demand w
        JOIN json_to_recordset(${JSON.stringify(keys)}::json) AS k(supplier integer, week date)
          ON w.supplier_id = k.supplier AND w.migration_week = k.week`,
  );
  const current = new Map(existing.map((e) => [`${e.supplier_id}|${e.week}`, Number(e.committed)]));
  const next = new Map<string, { supplier: number; week: string; committed: number }>();
  const skipped: FileImportProblem[] = [];
  for (const row of rows) {
    const supplier = ctx.suppliers.get(row.secPartyId) as number;
    const key = `${supplier}|${row.migrationWeek}`;
    if (current.get(key) === row.commitment) {
      skipped.push({
        line: row.line,
        column: null,
        message: `Already applied: ${row.secPartyId}'s commitment for ${row.migrationWeek} is already ${row.commitment}.`,
      });
      continue;
    }
    current.set(key, row.commitment);
    next.set(key, { supplier, week: row.migrationWeek, committed: row.commitment });
  }
  if (next.size > 0) {
    // A new week's row has no forecast yet (the Indicative Forecast is not one of these files): 0 until one arrives.
    await ctx.tx.execute(sql`
      INSERT INTO weekly_demand AS w (supplier_id, migration_week, forecast, committed)
      SELECT d.supplier, d.week, 0, d.committed
      FROM json_to_recordset(${JSON.stringify([...next.values()])}::json) AS d(supplier integer, week date, committed integer)
      ON CONFLICT (supplier_id, migration_week) DO UPDATE SET committed = EXCLUDED.committed`);
  }
  return { applied: rows.length - skipped.length, skipped };
}

export const demandHandler: KindHandler<'demand'> = {
  check: async () => [],
  apply,
};
