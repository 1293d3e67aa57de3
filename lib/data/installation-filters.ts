import 'server-only';
import { and, eq, gt, gte, inArray, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import {
  installationEvents,
  installationOutcomeRollups,
  installationRollups,
  installations,
  ROLLUP_ALL_WEEKS,
  ROLLUP_NO_WEEK,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { type InstallationFilter, OUTCOMES, selectedMoveKinds } from '@/lib/filters/installations';
import { addMigrationWeeks, migrationWeekStart } from '@/lib/rules/weeks';
import { nextMoveKindIn } from './next-move-sql';
import { chosenSupplierClause, effectiveRollupScope, installationsVisibleTo } from './scope';

/** The list's Migration Week sort key (lib/data/installations.ts), which its week index is built on. */
export const WEEK_OR_NONE = sql`coalesce(${installations.migrationWeek}, ${sql.raw(`DATE '${ROLLUP_NO_WEEK}'`)})`;

/** The smallest digit string greater than every string starting with `prefix`, or null if none (all 9s). */
function prefixUpperBound(prefix: string): string | null {
  const digits = prefix.replace(/9+$/, '');
  if (!digits) return null;
  return digits.slice(0, -1) + String(Number(digits.at(-1)) + 1);
}

function startsWith(column: typeof installations.mpan | typeof installations.mprn, prefix: string): SQL {
  // A range, not LIKE: it uses the unique btree index whatever the database collation.
  const upper = prefixUpperBound(prefix);
  return (upper ? and(gte(column, prefix), lt(column, upper)) : gte(column, prefix)) as SQL;
}

/** WHERE clauses over `installations` for a viewer and filter (scope first: no caller can forget it). */
export function installationClauses(viewer: Viewer, filter: InstallationFilter): SQL[] {
  const clauses: SQL[] = [];
  const scope = installationsVisibleTo(viewer);
  if (scope) clauses.push(scope);
  const chosenSupplier = chosenSupplierClause(viewer, filter.supplier);
  if (chosenSupplier) clauses.push(chosenSupplier);
  // On the list's week-sort expression (NO_WEEK for none), so a week range is a range of its index: a null week is
  // before every real week, and NO_WEEK (a Thursday) is never one.
  if (filter.weekFrom) clauses.push(gte(WEEK_OR_NONE, filter.weekFrom));
  if (filter.weekTo) clauses.push(lte(WEEK_OR_NONE, filter.weekTo), gt(WEEK_OR_NONE, ROLLUP_NO_WEEK));
  if (filter.groupId) clauses.push(eq(installations.groupId, filter.groupId));
  if (filter.type) clauses.push(eq(installations.installationType, filter.type));
  if (filter.stage) clauses.push(eq(installations.stage, filter.stage));
  if (filter.status) clauses.push(eq(installations.status, filter.status));
  if (filter.code) clauses.push(eq(installations.lastCode, filter.code));
  if (filter.outcomeWeek) clauses.push(outcomeDuringWeek(filter.outcomeWeek, filter.outcome));
  const moves = selectedMoveKinds(filter);
  if (moves) clauses.push(nextMoveKindIn(moves));
  if (filter.q) {
    clauses.push(
      filter.q.length === 13
        ? eq(installations.mpan, filter.q)
        : (or(startsWith(installations.mpan, filter.q), startsWith(installations.mprn, filter.q)) as SQL),
    );
  }
  return clauses;
}

/**
 * The same filter over the rollups. The MPAN/MPRN search and the next move are not rollup dimensions: callers check
 * `q`, and count next moves with next-move-counts.ts.
 */
export function rollupClauses(
  viewer: Viewer,
  filter: Omit<InstallationFilter, 'q' | 'owner' | 'move'>,
): SQL[] {
  return [
    eq(installationRollups.supplierId, effectiveRollupScope(viewer, filter)),
    ...rollupFilterClauses(filter),
  ];
}

/** rollupClauses without the scope: for a breakdown by supplier, which reads every supplier's rows. */
export function rollupFilterClauses(filter: Omit<InstallationFilter, 'q' | 'owner' | 'move'>): SQL[] {
  const r = installationRollups;
  const clauses: SQL[] = [ne(r.count, 0)];
  if (!filter.weekFrom && !filter.weekTo) {
    // No week range: the "all weeks" rows, a few hundred per scope at any scale.
    clauses.push(eq(r.migrationWeek, ROLLUP_ALL_WEEKS));
  } else {
    clauses.push(ne(r.migrationWeek, ROLLUP_ALL_WEEKS));
    if (filter.weekFrom) clauses.push(gte(r.migrationWeek, filter.weekFrom));
    if (filter.weekTo) clauses.push(lte(r.migrationWeek, filter.weekTo), ne(r.migrationWeek, ROLLUP_NO_WEEK));
  }
  if (filter.groupId) clauses.push(eq(r.groupId, filter.groupId));
  if (filter.type) clauses.push(eq(r.installationType, filter.type));
  if (filter.stage) clauses.push(eq(r.stage, filter.stage));
  if (filter.status) clauses.push(eq(r.status, filter.status));
  if (filter.code) clauses.push(eq(r.lastCode, filter.code));
  return clauses;
}

/**
 * The installation ended an attempt (with `outcome`, or any) during Migration Week `week`, London time. The week's
 * outcomes are read once, through the events' time index, into an array the list then looks up by primary key: as a
 * correlated EXISTS, PostgreSQL walked the list's sort order and probed every installation (40 s at 1,000,000).
 */
function outcomeDuringWeek(week: string, outcome: InstallationFilter['outcome']): SQL {
  const e = installationEvents;
  const from = migrationWeekStart(week);
  const to = migrationWeekStart(addMigrationWeeks(week, 1));
  return sql`${installations.id} = ANY(ARRAY(SELECT ${e.installationId} FROM ${e} WHERE ${and(
    outcome ? eq(e.status, outcome) : inArray(e.status, [...OUTCOMES]),
    gte(e.occurredAt, from),
    lt(e.occurredAt, to),
  )}))`;
}

/**
 * The filter over the outcome rollups, for the given Migration Weeks (when outcomes happened): scope, GroupID,
 * type, stage and code as elsewhere; a status filter keeps only that outcome (none for in-progress).
 */
export function outcomeRollupClauses(
  viewer: Viewer,
  filter: Omit<InstallationFilter, 'q'>,
  weeks: readonly string[],
): SQL[] {
  const r = installationOutcomeRollups;
  const clauses: SQL[] = [
    eq(r.supplierId, effectiveRollupScope(viewer, filter)),
    ne(r.count, 0),
    inArray(r.outcomeWeek, [...weeks]),
  ];
  if (filter.groupId) clauses.push(eq(r.groupId, filter.groupId));
  if (filter.type) clauses.push(eq(r.installationType, filter.type));
  if (filter.stage) clauses.push(eq(r.stage, filter.stage));
  if (filter.status) clauses.push(eq(r.outcome, filter.status));
  if (filter.code) clauses.push(eq(r.code, filter.code));
  return clauses;
}
