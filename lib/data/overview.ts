import 'server-only';
import { and, desc, eq, inArray, ne, notInArray, type SQL, sql, sum } from 'drizzle-orm';
import {
  installationOutcomeRollups,
  installationRollups,
  parties,
  ROLLUP_ALL_WEEKS,
  ROLLUP_NO_CODE,
  ROLLUP_NO_WEEK,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { InstallationFilter, Outcome } from '@/lib/filters/installations';
import { describeCode } from '@/lib/rules/codes';
import type { InstallationStatus, StageId } from '@/lib/rules/types';
import { outcomeRollupClauses, rollupClauses, rollupFilterClauses } from './installation-filters';
import { countNextMoves, type NextMoveCounts } from './next-move-counts';
import { effectiveRollupScope, seesSupplierBreakdown, withViewerReadScope } from './scope';

/** How many failure codes the overview ranks; the rest are one "other codes" bar, so the total adds up. */
export const TOP_FAILURE_CODES = 10;

export interface StageStatusCount {
  stage: StageId;
  status: InstallationStatus;
  count: number;
}

/** Failures (failed or rolled back now) of one code. */
export interface CodeFailures {
  code: string;
  /** The code's meaning, read here so the browser never downloads the code catalogue (lib/rules/codes.ts). */
  description: string;
  failed: number;
  rolledBack: number;
}

/**
 * Failed installations against installations attempted, for one GroupID or supplier. Attempted: every installation of
 * the selection past the Demand stage (an MA has been sent for it), whatever its status now.
 */
export interface FailureRate {
  key: string;
  label: string;
  failures: number;
  attempted: number;
}

export interface Overview {
  byStageStatus: StageStatusCount[];
  /** The TOP_FAILURE_CODES codes with the most failures, most first. */
  failuresByCode: CodeFailures[];
  /** Every other code's failures together: `codes` codes. */
  otherCodes: CodeFailures & { codes: number };
  /** By failure rate, highest first. */
  failuresByGroup: FailureRate[];
  /** By failure rate, highest first; null for a supplier (it sees only its own). */
  failuresBySupplier: FailureRate[] | null;
  /** Failed and rolled-back installations by next move (the list's Next move column). */
  nextMoves: NextMoveCounts;
  /**
   * Outcomes that happened during this Migration Week and the one before (migrated, failed, rolled back: every
   * attempt's end, as Report 6 counts MA completions), whatever the week range filter and the installations' state now.
   */
  weekOutcomes: { week: string; outcome: Outcome; count: number }[];
}

const r = installationRollups;
const total = sum(r.count).mapWith(Number);
const FAILED = inArray(r.status, ['failed', 'rolled-back']);
const failures = sql<number>`coalesce(sum(${r.count}) filter (where ${r.status} = 'failed'), 0)`.mapWith(
  Number,
);
const attempted = sql<number>`coalesce(sum(${r.count}) filter (where ${r.stage} <> 'demand'), 0)`.mapWith(
  Number,
);

const byRate = (a: FailureRate, b: FailureRate) =>
  b.failures / Math.max(b.attempted, 1) - a.failures / Math.max(a.attempted, 1) || b.failures - a.failures;

/**
 * The overview, read from the rollups: a handful of indexed sums whose cost does not grow with the number of
 * installations (docs/decisions/0003-rollups.md); the next moves too, but for the few codes whose move the rollups
 * cannot decide (next-move-counts.ts).
 */
export async function getOverview(
  viewer: Viewer,
  filter: InstallationFilter,
  weeks: { current: string; previous: string },
): Promise<Overview> {
  return withViewerReadScope(viewer, async (db) => {
    const where = rollupClauses(viewer, filter);
    const o = installationOutcomeRollups;
    const [byStageStatus, byCode, byGroup, bySupplier, nextMoves, weekOutcomes] = await Promise.all([
      db
        .select({ stage: r.stage, status: r.status, count: total })
        .from(r)
        .where(and(...where))
        .groupBy(r.stage, r.status),
      db
        .select({
          code: r.lastCode,
          failed: sql<number>`coalesce(sum(${r.count}) filter (where ${r.status} = 'failed'), 0)`.mapWith(
            Number,
          ),
          rolledBack:
            sql<number>`coalesce(sum(${r.count}) filter (where ${r.status} = 'rolled-back'), 0)`.mapWith(
              Number,
            ),
        })
        .from(r)
        .where(and(...where, FAILED, ne(r.lastCode, ROLLUP_NO_CODE)))
        .groupBy(r.lastCode)
        .orderBy(desc(total), r.lastCode),
      db
        .select({ key: sql<string>`${r.groupId}::text`, failures, attempted })
        .from(r)
        .where(and(...where))
        .groupBy(r.groupId),
      seesSupplierBreakdown(viewer)
        ? db
            .select({ key: sql<string>`${r.supplierId}::text`, label: parties.name, failures, attempted })
            .from(r)
            .innerJoin(parties, eq(parties.id, r.supplierId))
            .where(and(...rollupFilterClauses(filter), ne(r.supplierId, 0), chosenRollupSupplier(filter)))
            .groupBy(r.supplierId, parties.name)
        : Promise.resolve(null),
      countNextMoves(viewer, filter),
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
    const rest = byCode.slice(TOP_FAILURE_CODES);
    return {
      byStageStatus,
      failuresByCode: byCode
        .slice(0, TOP_FAILURE_CODES)
        .map((c) => ({ ...c, description: describeCode(c.code).description })),
      otherCodes: {
        code: 'Other codes',
        description: '',
        codes: rest.length,
        failed: rest.reduce((n, c) => n + c.failed, 0),
        rolledBack: rest.reduce((n, c) => n + c.rolledBack, 0),
      },
      failuresByGroup: byGroup.map((g) => ({ ...g, label: g.key })).sort(byRate),
      failuresBySupplier: bySupplier ? bySupplier.sort(byRate) : null,
      nextMoves,
      weekOutcomes,
    };
  });
}

/** An analyst who chose a supplier sees that supplier's row only. */
function chosenRollupSupplier(filter: InstallationFilter): SQL | undefined {
  return filter.supplier ? eq(r.supplierId, filter.supplier) : undefined;
}

/** Migration Weeks that have installations in the viewer's scope, newest first (for the week filters). */
export async function listMigrationWeeks(viewer: Viewer): Promise<string[]> {
  return withViewerReadScope(viewer, async (db) => {
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
  });
}
