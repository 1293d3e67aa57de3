import 'server-only';
import { and, inArray, ne, sql, sum } from 'drizzle-orm';
import { installationRollups, installations, ROLLUP_NO_CODE } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { InstallationFilter } from '@/lib/filters/installations';
import { isRollupRule, kindFromTable, rulesForKey } from '@/lib/rules/next-move-table';
import { NEXT_MOVE_TABLE } from '@/lib/rules/next-move-table.generated';
import { NEXT_MOVE_KIND_IDS, type NextMoveKind } from '@/lib/rules/next-moves';
import type { GroupId, InstallationType, MeterState } from '@/lib/rules/types';
import { installationClauses, rollupClauses } from './installation-filters';
import { matchesRules, nextMoveStepClass } from './next-move-sql';
import { withViewerScope } from './scope';

export type NextMoveCounts = Record<NextMoveKind, number>;

const NEEDS_ROWS = NEXT_MOVE_TABLE.filter((r) => !isRollupRule(r));

/**
 * Failed and rolled-back installations per next move (the list's Next move column), for a filter without an MPAN
 * search or outcome week. Codes whose move follows from code, type and GroupID are counted from the rollups (constant
 * cost); the few whose move also needs the meters, ToBeCommissionedByDCC or the FailedStepNumber are counted from
 * the installations they match, grouped by those facts and resolved through the same decision table.
 */
export async function countNextMoves(
  viewer: Viewer,
  filter: Omit<InstallationFilter, 'q' | 'owner' | 'move'>,
): Promise<NextMoveCounts> {
  return withViewerScope(viewer, async (db) => {
    const r = installationRollups;
    const i = installations;
    const counts = Object.fromEntries(NEXT_MOVE_KIND_IDS.map((k) => [k, 0])) as NextMoveCounts;
    const [fromRollups, fromRows] = await Promise.all([
      db
        .select({
          code: r.lastCode,
          type: r.installationType,
          groupId: r.groupId,
          n: sum(r.count).mapWith(Number),
        })
        .from(r)
        .where(
          and(
            ...rollupClauses(viewer, filter),
            inArray(r.status, ['failed', 'rolled-back']),
            ne(r.lastCode, ROLLUP_NO_CODE),
          ),
        )
        .groupBy(r.lastCode, r.installationType, r.groupId),
      NEEDS_ROWS.length === 0
        ? Promise.resolve([])
        : db
            .select({
              code: sql<string>`${i.lastCode}`,
              type: i.installationType,
              groupId: i.groupId,
              electricity: i.electricityState,
              gas: i.gasState,
              tbc: i.toBeCommissionedByDcc,
              step: sql<string>`${nextMoveStepClass()}`,
              n: sql<number>`count(*)`.mapWith(Number),
            })
            .from(i)
            .where(and(...installationClauses(viewer, filter), matchesRules(NEEDS_ROWS)))
            .groupBy(sql`1, 2, 3, 4, 5, 6, 7`),
    ]);
    for (const row of fromRollups) {
      const rules = rulesForKey(NEXT_MOVE_TABLE, row.code, row.type);
      // Counted from the rows instead: the rollups do not hold the fact that decides.
      if (!rules.every(isRollupRule)) continue;
      const kind = kindFromTable(NEXT_MOVE_TABLE, {
        code: row.code,
        installationType: row.type,
        groupId: row.groupId,
      });
      if (kind) counts[kind] += row.n;
    }
    for (const row of fromRows) {
      const kind = kindFromTable(NEXT_MOVE_TABLE, {
        code: row.code,
        installationType: row.type as InstallationType,
        groupId: row.groupId as GroupId,
        meters: [row.electricity as MeterState | null, row.gas as MeterState | null],
        toBeCommissionedByDcc: row.tbc,
        step: row.step,
      });
      if (kind) counts[kind] += row.n;
    }
    return counts;
  });
}
