import 'server-only';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
  sum,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { installationRollups, installations, parties, users, weeklyDemand } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { CalendarState, SplitSupplyFilter } from '@/lib/filters/split-supply';
import { type MaSideStatus, maSideStatus, offCalendarWeeks } from '@/lib/rules/split-supply';
import type { InstallationStatus } from '@/lib/rules/types';
import { migrationWeekOf } from '@/lib/rules/weeks';
import { weeklyCapacity } from './demand';
import { seesCapacity, splitSupplyScope, withViewerScope } from './scope';
import {
  authorisationsOf,
  byInstallation,
  currentDesignations,
  designationsOf,
  ma106Weeks,
} from './split-supply-history';

// The MCC's planning view of the split-supply calendar (MAM, MEHRS v5.0 conclusions). Reads only; the writes
// (designate, publish) are in ./split-supply-writes.ts.

export const PLAN_PAGE_SIZE = 50;

const pairLow = sql<number>`least(${installations.electricitySupplierId}, ${installations.gasSupplierId})`;
const pairHigh = sql<number>`greatest(${installations.electricitySupplierId}, ${installations.gasSupplierId})`;

type Current = ReturnType<typeof currentDesignations>;

/** The clauses that make "split supply, not yet migrated, matching the filter" (the planning population). */
export function planClauses(current: Current, filter: SplitSupplyFilter, now: Date): (SQL | undefined)[] {
  const thisWeek = migrationWeekOf(now);
  const state: Record<CalendarState, SQL | undefined> = {
    'needs-week': or(isNull(current.week), lt(current.week, thisWeek)),
    draft: and(eq(current.published, false), gte(current.week, thisWeek)),
    published: and(eq(current.published, true), gte(current.week, thisWeek)),
  };
  return [
    eq(installations.splitSupply, true),
    ne(installations.status, 'migrated'),
    filter.pair ? and(eq(pairLow, filter.pair[0]), eq(pairHigh, filter.pair[1])) : undefined,
    filter.code ? eq(installations.lastCode, filter.code) : undefined,
    filter.state ? state[filter.state] : undefined,
  ];
}

export interface SupplierPair {
  key: string;
  suppliers: [{ id: number; name: string }, { id: number; name: string }];
  total: number;
  needsWeek: number;
  draft: number;
  published: number;
}

/** Every supplier pair with split-supply installations not yet migrated, largest first, counted by calendar state. */
export async function listSupplierPairs(viewer: Viewer, now: Date): Promise<SupplierPair[]> {
  assertCan(viewer, 'splitSupply.plan');
  return withViewerScope(viewer, async (db) => {
    const current = currentDesignations(db, splitSupplyScope(viewer));
    const thisWeek = migrationWeekOf(now);
    const rows = await db
      .select({
        low: pairLow,
        high: pairHigh,
        total: count(),
        needsWeek:
          sql<number>`count(*) filter (where ${current.week} is null or ${current.week} < ${thisWeek}::date)`.mapWith(
            Number,
          ),
        draft:
          sql<number>`count(*) filter (where not ${current.published} and ${current.week} >= ${thisWeek}::date)`.mapWith(
            Number,
          ),
      })
      .from(installations)
      .leftJoin(current, eq(current.installationId, installations.id))
      .where(and(...planClauses(current, {}, now)))
      .groupBy(pairLow, pairHigh)
      .orderBy(desc(count()), asc(pairLow), asc(pairHigh));
    const ids = [...new Set(rows.flatMap((r) => [Number(r.low), Number(r.high)]))];
    const names = new Map(
      ids.length === 0
        ? []
        : (
            await db
              .select({ id: parties.id, name: parties.name })
              .from(parties)
              .where(inArray(parties.id, ids))
          ).map((p) => [p.id, p.name]),
    );
    return rows.map((r) => {
      const [low, high] = [Number(r.low), Number(r.high)];
      return {
        key: `${low}-${high}`,
        suppliers: [
          { id: low, name: names.get(low) ?? String(low) },
          { id: high, name: names.get(high) ?? String(high) },
        ],
        total: r.total,
        needsWeek: r.needsWeek,
        draft: r.draft,
        published: r.total - r.needsWeek - r.draft,
      };
    });
  });
}

export interface PlanHistoryDesignation {
  week: string;
  designatedAt: string;
  designatedBy: string | null;
  publishedAt: string | null;
  reason: string | null;
  /** Replaced by a newer designation. */
  superseded: boolean;
}

export interface PlanRow {
  id: number;
  mpan: string | null;
  mprn: string | null;
  electricitySupplier: string;
  gasSupplier: string;
  status: InstallationStatus;
  lastCode: string | null;
  current: { week: string; published: boolean } | null;
  history: PlanHistoryDesignation[];
  /** For each designated week: whether each side's MA arrived (electricity, gas). */
  weeks: { week: string; electricity: MaSideStatus; gas: MaSideStatus }[];
  ma106Weeks: string[];
  /** Weeks a side sent MAs for that no designation named. */
  offCalendarWeeks: string[];
}

export interface PlanPage {
  rows: PlanRow[];
  total: number;
  nextCursor: number | null;
}

const electricity = alias(parties, 'electricity_supplier');
const gas = alias(parties, 'gas_supplier');

/** The split-supply installations matching the filter, with their calendar history (MCC only). */
export async function listPlan(
  viewer: Viewer,
  filter: SplitSupplyFilter,
  cursor: number | undefined,
  now: Date,
): Promise<PlanPage> {
  assertCan(viewer, 'splitSupply.plan');
  return withViewerScope(viewer, async (db) => {
    const scope = splitSupplyScope(viewer);
    const current = currentDesignations(db, scope);
    const where = planClauses(current, filter, now);
    const [rows, [totalRow]] = await Promise.all([
      db
        .select({
          i: installations,
          electricityName: electricity.name,
          gasName: gas.name,
          week: current.week,
          published: current.published,
        })
        .from(installations)
        .leftJoin(current, eq(current.installationId, installations.id))
        .innerJoin(electricity, eq(electricity.id, installations.electricitySupplierId))
        .innerJoin(gas, eq(gas.id, installations.gasSupplierId))
        .where(and(...where, cursor ? gt(installations.id, cursor) : undefined))
        .orderBy(asc(installations.id))
        .limit(PLAN_PAGE_SIZE + 1),
      db
        .select({ n: count() })
        .from(installations)
        .leftJoin(current, eq(current.installationId, installations.id))
        .where(and(...where)),
    ]);
    const page = rows.slice(0, PLAN_PAGE_SIZE);
    const ids = page.map((r) => r.i.id);
    const [designations, mas, people] = await Promise.all([
      designationsOf(db, ids, scope),
      authorisationsOf(db, ids),
      db.select({ id: users.id, name: users.name }).from(users),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const designationsBy = byInstallation(designations);
    const masBy = byInstallation(mas);
    return {
      rows: page.map(({ i, electricityName, gasName, week, published }) => {
        const history = designationsBy.get(i.id) ?? [];
        const own = masBy.get(i.id) ?? [];
        const designatedWeeks = [...new Set(history.map((h) => h.week))];
        const side = (partyId: number | null) => own.filter((a) => a.partyId === partyId);
        return {
          id: i.id,
          mpan: i.mpan,
          mprn: i.mprn,
          electricitySupplier: electricityName,
          gasSupplier: gasName,
          status: i.status,
          lastCode: i.lastCode,
          current: week === null ? null : { week, published: Boolean(published) },
          history: history.map((h, n) => ({
            week: h.week,
            designatedAt: h.designatedAt.toISOString(),
            designatedBy: h.designatedByUserId
              ? (names.get(h.designatedByUserId) ?? h.designatedByUserId)
              : null,
            publishedAt: h.publishedAt?.toISOString() ?? null,
            reason: h.reason,
            superseded: n < history.length - 1,
          })),
          weeks: designatedWeeks.map((w) => ({
            week: w,
            electricity: maSideStatus(w, side(i.electricitySupplierId), now),
            gas: maSideStatus(w, side(i.gasSupplierId), now),
          })),
          ma106Weeks: ma106Weeks(own),
          offCalendarWeeks: offCalendarWeeks(own, designatedWeeks),
        };
      }),
      total: totalRow?.n ?? 0,
      nextCursor: rows.length > PLAN_PAGE_SIZE ? (page.at(-1)?.i.id ?? null) : null,
    };
  });
}

export interface WeekFigures {
  week: string;
  /** DCC Migration Commitment for the week (Report 8), summed over the suppliers in scope. */
  committed: number;
  /** Installations already in the week (the installation rollups), over the same suppliers. */
  planned: number;
  /** Split-supply installations currently designated for the week (drafts included). */
  designated: number;
  /** DCC's capacity for the week, as the demand page shows it; null when not recorded, or for a supplier pair. */
  capacity: number | null;
}

/**
 * Demand and capacity for candidate weeks: the DCC commitment against what is already planned, for the whole
 * migration or for a pair's two suppliers (an installation both supply counts once for each).
 */
export async function weekFigures(
  viewer: Viewer,
  weeks: readonly string[],
  supplierIds: readonly number[] | null,
): Promise<WeekFigures[]> {
  assertCan(viewer, 'splitSupply.plan');
  if (weeks.length === 0) return [];
  return withViewerScope(viewer, async (db) => {
    const current = currentDesignations(db, splitSupplyScope(viewer));
    const pairFilter = supplierIds
      ? and(eq(pairLow, Math.min(...supplierIds)), eq(pairHigh, Math.max(...supplierIds)))
      : undefined;
    // DCC's capacity is migration-wide: shown for the whole migration only, as on the demand page.
    const capacityShown = seesCapacity(viewer, supplierIds ? (supplierIds[0] ?? null) : null);
    const [committed, planned, designated, capacity] = await Promise.all([
      db
        .select({ week: weeklyDemand.migrationWeek, n: sum(weeklyDemand.committed).mapWith(Number) })
        .from(weeklyDemand)
        .where(
          and(
            inArray(weeklyDemand.migrationWeek, [...weeks]),
            supplierIds ? inArray(weeklyDemand.supplierId, [...supplierIds]) : undefined,
          ),
        )
        .groupBy(weeklyDemand.migrationWeek),
      db
        .select({
          week: installationRollups.migrationWeek,
          n: sum(installationRollups.count).mapWith(Number),
        })
        .from(installationRollups)
        .where(
          and(
            inArray(installationRollups.migrationWeek, [...weeks]),
            inArray(installationRollups.supplierId, supplierIds ? [...supplierIds] : [0]),
          ),
        )
        .groupBy(installationRollups.migrationWeek),
      db
        .select({ week: current.week, n: count() })
        .from(installations)
        .innerJoin(current, eq(current.installationId, installations.id))
        .where(
          and(
            eq(installations.splitSupply, true),
            ne(installations.status, 'migrated'),
            inArray(current.week, [...weeks]),
            pairFilter,
          ),
        )
        .groupBy(current.week),
      capacityShown ? weeklyCapacity(db, weeks) : Promise.resolve(new Map<string, number>()),
    ]);
    const of = (rows: { week: string; n: number | null }[], week: string) =>
      rows.find((r) => r.week === week)?.n ?? 0;
    return weeks.map((week) => ({
      week,
      committed: of(committed, week),
      planned: of(planned, week),
      designated: of(designated, week),
      capacity: capacity.get(week) ?? null,
    }));
  });
}
