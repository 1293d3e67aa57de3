import 'server-only';
import { and, desc, eq, ne, notInArray, sql, sum } from 'drizzle-orm';
import { getReadDb } from '@/db/client';
import {
  installationOutcomeRollups,
  installationRollups,
  ROLLUP_ALL_WEEKS,
  ROLLUP_NO_CODE,
  ROLLUP_NO_WEEK,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { InstallationFilter, Outcome } from '@/lib/filters/installations';
import { describeCode } from '@/lib/rules/codes';
import type { GroupId, InstallationStatus, StageId } from '@/lib/rules/types';
import { outcomeRollupClauses, rollupClauses } from './installation-filters';
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
  /** With each code's meaning, so the browser never downloads the whole code catalogue (lib/rules/codes.ts). */
  failuresByCode: { code: string; count: number; description: string }[];
  failuresByGroup: { groupId: GroupId; count: number }[];
  /**
   * Outcomes that happened during this Migration Week and the one before (migrated, failed, rolled back: every
   * attempt's end, as Report 6 counts MA completions), whatever the week range filter and the installations' state now.
   */
  weekOutcomes: { week: string; outcome: Outcome; count: number }[];
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
  const db = await getReadDb();
  const where = rollupClauses(viewer, filter);
  const failed = rollupClauses(viewer, { ...filter, status: 'failed' });
  const o = installationOutcomeRollups;
  const [byStageStatus, failuresByCode, failuresByGroup, weekOutcomes] = await Promise.all([
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
      .select({
        week: sql<string>`${o.outcomeWeek}::text`,
        outcome: sql<Outcome>`${o.outcome}::text`,
        count: sum(o.count).mapWith(Number),
      })
      .from(o)
      .where(and(...outcomeRollupClauses(viewer, filter, [weeks.current, weeks.previous])))
      .groupBy(o.outcomeWeek, o.outcome),
  ]);
  return {
    byStageStatus,
    failuresByCode: failuresByCode.map((r) => ({ ...r, description: describeCode(r.code).description })),
    failuresByGroup,
    weekOutcomes,
  };
}

/** Migration Weeks that have installations in the viewer's scope, newest first (for the week filters). */
export async function listMigrationWeeks(viewer: Viewer): Promise<string[]> {
  const db = await getReadDb();
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
