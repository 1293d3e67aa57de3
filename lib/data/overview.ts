import 'server-only';
import { and, desc, eq, ne, notInArray, sql, sum } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { installationRollups, ROLLUP_ALL_WEEKS, ROLLUP_NO_CODE, ROLLUP_NO_WEEK } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { InstallationFilter } from '@/lib/filters/installations';
import type { GroupId, InstallationStatus, StageId } from '@/lib/rules/types';
import { rollupClauses } from './installation-filters';
import { effectiveRollupScope } from './scope';

/** How many failure codes the overview ranks. */
export const TOP_FAILURE_CODES = 10;

export interface StageStatusCount {
  stage: StageId;
  status: InstallationStatus;
  count: number;
}

export interface Overview {
  byStageStatus: StageStatusCount[];
  failuresByCode: { code: string; count: number }[];
  failuresByGroup: { groupId: GroupId; count: number }[];
  /** Counts by status for this Migration Week and the one before, whatever the week range filter. */
  weekComparison: { week: string; status: InstallationStatus; count: number }[];
}

const r = installationRollups;
const total = sum(r.count).mapWith(Number);

/**
 * The overview, read only from the rollups: a handful of indexed sums whose cost does not grow with the
 * number of installations (docs/decisions/0003-rollups.md).
 */
export async function getOverview(
  viewer: Viewer,
  filter: InstallationFilter,
  weeks: { current: string; previous: string },
): Promise<Overview> {
  const db = await getDb();
  const where = rollupClauses(viewer, filter);
  const failed = rollupClauses(viewer, { ...filter, status: 'failed' });
  const twoWeeks = { ...filter, weekFrom: weeks.previous, weekTo: weeks.current };
  const [byStageStatus, failuresByCode, failuresByGroup, weekComparison] = await Promise.all([
    db
      .select({ stage: r.stage, status: r.status, count: total })
      .from(r)
      .where(and(...where))
      .groupBy(r.stage, r.status),
    db
      .select({ code: r.lastCode, count: total })
      .from(r)
      .where(and(...failed, ne(r.lastCode, ROLLUP_NO_CODE)))
      .groupBy(r.lastCode)
      .orderBy(desc(total), r.lastCode)
      .limit(TOP_FAILURE_CODES),
    db
      .select({ groupId: r.groupId, count: total })
      .from(r)
      .where(and(...failed))
      .groupBy(r.groupId)
      .orderBy(r.groupId),
    db
      .select({ week: sql<string>`${r.migrationWeek}::text`, status: r.status, count: total })
      .from(r)
      .where(and(...rollupClauses(viewer, twoWeeks)))
      .groupBy(r.migrationWeek, r.status),
  ]);
  return { byStageStatus, failuresByCode, failuresByGroup, weekComparison };
}

/** Migration Weeks that have installations in the viewer's scope, newest first (for the week filters). */
export async function listMigrationWeeks(viewer: Viewer): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ week: sql<string>`${r.migrationWeek}::text` })
    .from(r)
    .where(
      and(
        eq(r.supplierId, effectiveRollupScope(viewer, {})),
        ne(r.count, 0),
        notInArray(r.migrationWeek, [ROLLUP_NO_WEEK, ROLLUP_ALL_WEEKS]),
      ),
    )
    .orderBy(desc(sql`${r.migrationWeek}::text`));
  return rows.map((row) => row.week);
}
