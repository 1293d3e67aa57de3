import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@/db/client';
import { ANALYST_USER_ID } from './rows';

/**
 * The demo's split-supply calendar (MAM, MEHRS v5.0 conclusions), derived from the generated migration: every week a
 * split-supply installation was authorised or is planned for was designated by the MCC three weeks ahead (never
 * after `now`) and published an hour later. Failed split-supply installations that were not rescheduled are left
 * without a new week: that is the MCC's work on /split-supply. Returns the number of designations.
 */
export async function seedSplitSupplyCalendar(handle: DatabaseHandle, now: Date): Promise<number> {
  const db = handle.db;
  const latest = new Date(now.getTime() - 2 * 3_600_000).toISOString();
  await db.execute(sql`
    INSERT INTO split_supply_designations (installation_id, migration_week, designated_at, designated_by_user_id)
    SELECT installation_id, migration_week,
           least((migration_week::timestamp AT TIME ZONE 'Europe/London') - interval '21 days', ${latest}::timestamptz),
           ${ANALYST_USER_ID}
    FROM (
      SELECT m.installation_id, m.migration_week
      FROM migration_authorisations m JOIN installations i ON i.id = m.installation_id
      WHERE i.split_supply
      UNION
      SELECT i.id, i.migration_week FROM installations i
      WHERE i.split_supply AND i.migration_week IS NOT NULL AND i.status <> 'migrated'
    ) weeks
    ORDER BY installation_id, migration_week`);
  await db.execute(sql`
    INSERT INTO split_supply_publications (published_at, published_by_user_id, designation_count)
    SELECT designated_at + interval '1 hour', ${ANALYST_USER_ID}, count(*)
    FROM split_supply_designations GROUP BY designated_at ORDER BY designated_at`);
  await db.execute(sql`
    INSERT INTO split_supply_publication_items (publication_id, designation_id)
    SELECT p.id, d.id FROM split_supply_designations d
    JOIN split_supply_publications p ON p.published_at = d.designated_at + interval '1 hour'`);
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(sql`split_supply_designations`);
  return row?.n ?? 0;
}
