import 'server-only';
import { and, asc, count, desc, eq, gte, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { installations, parties } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import {
  type Ma106Reading,
  type MaSideStatus,
  maSideStatus,
  readMa106,
  timeLeftToSubmit,
} from '@/lib/rules/split-supply';
import {
  chosenSupplierClause,
  installationsVisibleTo,
  splitSupplyScope,
  supplierNameFor,
  viewerParty,
  withViewerScope,
} from './scope';
import {
  authorisationsOf,
  byInstallation,
  currentDesignations,
  designationsOf,
  ma106Weeks,
  type SideAuthorisationRecord,
} from './split-supply-history';

// The split-supply calendar as each reader sees it (MAM, MEHRS v5.0 conclusions): the MCC with its drafts and every
// name; a supplier only published weeks, its own MA status, and "the other supplier" for the other side.

export const CALENDAR_PAGE_SIZE = 50;

export interface CalendarSide {
  fuel: 'electricity' | 'gas';
  /** The supplier's name, or "Other supplier" when a supplier reads the other side. */
  supplier: string | null;
  /** True when this side is the reading supplier itself. */
  isViewer: boolean;
  status: MaSideStatus;
}

export interface CalendarEntry {
  installationId: number;
  mpan: string | null;
  mprn: string | null;
  week: string;
  published: boolean;
  designatedAt: string;
  cutOff: string;
  timeLeft: string;
  cutOffPassed: boolean;
  sides: [CalendarSide, CalendarSide];
}

export interface CalendarPage {
  rows: CalendarEntry[];
  nextCursor: string | null;
}

const electricitySupplier = alias(parties, 'electricity_supplier');
const gasSupplier = alias(parties, 'gas_supplier');

/** An installation with both sides' suppliers, as every calendar read selects it (joined by `withSupplierNames`). */
const installationSides = {
  id: installations.id,
  mpan: installations.mpan,
  mprn: installations.mprn,
  electricityId: installations.electricitySupplierId,
  electricityName: electricitySupplier.name,
  gasId: installations.gasSupplierId,
  gasName: gasSupplier.name,
};
interface InstallationSides {
  id: number;
  mpan: string | null;
  mprn: string | null;
  electricityId: number | null;
  electricityName: string | null;
  gasId: number | null;
  gasName: string | null;
}

function withSupplierNames<T extends PgSelect>(query: T) {
  return query
    .leftJoin(electricitySupplier, eq(electricitySupplier.id, installations.electricitySupplierId))
    .leftJoin(gasSupplier, eq(gasSupplier.id, installations.gasSupplierId));
}

function sidesFor(
  viewer: Viewer,
  i: InstallationSides,
  week: string,
  mas: readonly SideAuthorisationRecord[],
  now: Date,
): [CalendarSide, CalendarSide] {
  const side = (fuel: CalendarSide['fuel'], id: number | null, name: string | null): CalendarSide => ({
    fuel,
    supplier: supplierNameFor(viewer, id, name),
    isViewer: id !== null && viewerParty(viewer) === id,
    status: maSideStatus(
      week,
      mas.filter((a) => a.partyId === id),
      now,
    ),
  });
  return [side('electricity', i.electricityId, i.electricityName), side('gas', i.gasId, i.gasName)];
}

/** One calendar row: an installation's current designation, its cut-off and both sides' MA status. */
function calendarEntry(
  viewer: Viewer,
  i: InstallationSides,
  designation: { week: string; published: boolean; designatedAt: Date },
  mas: readonly SideAuthorisationRecord[],
  now: Date,
): CalendarEntry {
  const left = timeLeftToSubmit(designation.week, now);
  return {
    installationId: i.id,
    mpan: i.mpan,
    mprn: i.mprn,
    week: designation.week,
    published: designation.published,
    designatedAt: designation.designatedAt.toISOString(),
    cutOff: left.cutOff.toISOString(),
    timeLeft: left.label,
    cutOffPassed: left.passed,
    sides: sidesFor(viewer, i, designation.week, mas, now),
  };
}

function decodeCursor(cursor: string | undefined): [string, number] | null {
  const match = cursor ? /^(\d{4}-\d{2}-\d{2})_(\d{1,15})$/.exec(cursor) : null;
  return match ? [match[1] as string, Number(match[2])] : null;
}

/**
 * The calendar: each split-supply installation not yet migrated that has a designation the viewer may see, newest
 * week first. A supplier gets its own installations' published weeks only; an analyst may narrow to one supplier.
 */
export async function listCalendar(
  viewer: Viewer,
  query: { cursor?: string; pageSize?: number; supplier?: number },
  now: Date,
): Promise<CalendarPage> {
  return withViewerScope(viewer, async (db) => {
    const scope = splitSupplyScope(viewer);
    const current = currentDesignations(db, scope);
    const pageSize = query.pageSize ?? CALENDAR_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const rows = await withSupplierNames(
      db
        .select({
          ...installationSides,
          week: current.week,
          published: current.published,
          designatedAt: current.designatedAt,
        })
        .from(installations)
        .innerJoin(current, eq(current.installationId, installations.id))
        .$dynamic(),
    )
      .where(
        and(
          eq(installations.splitSupply, true),
          ne(installations.status, 'migrated'),
          installationsVisibleTo(viewer),
          chosenSupplierClause(viewer, query.supplier),
          after ? sql`(${current.week}, ${installations.id}) < (${after[0]}::date, ${after[1]})` : undefined,
        ),
      )
      .orderBy(desc(current.week), desc(installations.id))
      .limit(pageSize + 1);
    const page = rows.slice(0, pageSize);
    const mas = byInstallation(
      await authorisationsOf(
        db,
        page.map((r) => r.id),
      ),
    );
    const last = page.at(-1);
    return {
      rows: page.map((r) => calendarEntry(viewer, r, r, mas.get(r.id) ?? [], now)),
      nextCursor: rows.length > pageSize && last ? `${last.week}_${last.id}` : null,
    };
  });
}

/** Every calendar row the viewer may see, a page at a time, for the CSV export (memory stays flat). */
export async function* calendarBatches(
  viewer: Viewer,
  query: { supplier?: number; pageSize?: number },
  now: Date,
): AsyncGenerator<CalendarEntry[]> {
  let cursor: string | undefined;
  do {
    const page = await listCalendar(viewer, { ...query, cursor, pageSize: query.pageSize ?? 1_000 }, now);
    if (page.rows.length > 0) yield page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export interface CurrentDesignation {
  week: string;
  published: boolean;
  designatedAt: string;
}

/** An installation's current designation as the viewer may see it, or null (none, or not the viewer's). */
export async function getCurrentDesignation(
  viewer: Viewer,
  installationId: number,
): Promise<CurrentDesignation | null> {
  return withViewerScope(viewer, async (db) => {
    const current = currentDesignations(db, splitSupplyScope(viewer));
    const [row] = await db
      .select({ week: current.week, published: current.published, designatedAt: current.designatedAt })
      .from(installations)
      .innerJoin(current, eq(current.installationId, installations.id))
      .where(and(eq(installations.id, installationId), installationsVisibleTo(viewer)));
    return row ? { ...row, designatedAt: row.designatedAt.toISOString() } : null;
  });
}

export interface WeekDesignations {
  week: string;
  /** Installations whose current designation for this week both suppliers can see. */
  published: number;
  /** Designated but not yet published (the MCC only; always 0 for a supplier). */
  draft: number;
}

/**
 * Split-supply installations designated per Migration Week in [from, to], not yet migrated, scoped to the viewer's
 * installations: the calendar's part of the demand page's planned volume.
 */
export async function designatedPerWeek(
  viewer: Viewer,
  range: { from: string; to: string },
): Promise<WeekDesignations[]> {
  return withViewerScope(viewer, async (db) => {
    const current = currentDesignations(db, splitSupplyScope(viewer));
    const where: (SQL | undefined)[] = [
      eq(installations.splitSupply, true),
      ne(installations.status, 'migrated'),
      gte(current.week, range.from),
      lte(current.week, range.to),
      installationsVisibleTo(viewer),
    ];
    const rows = await db
      .select({ week: current.week, published: current.published, n: count() })
      .from(installations)
      .innerJoin(current, eq(current.installationId, installations.id))
      .where(and(...where))
      .groupBy(current.week, current.published)
      .orderBy(asc(current.week));
    const weeks = new Map<string, WeekDesignations>();
    for (const r of rows) {
      const entry = weeks.get(r.week) ?? { week: r.week, published: 0, draft: 0 };
      if (r.published) entry.published += r.n;
      else entry.draft += r.n;
      weeks.set(r.week, entry);
    }
    return [...weeks.values()];
  });
}

export interface SplitSupplyReading {
  /** The current designation and both sides' MA status, or null when none is visible yet. */
  entry: CalendarEntry | null;
  /** The latest MA106 failure read from the viewer's side, or null when it never failed MA106. */
  ma106: (Ma106Reading & { failedWeek: string }) | null;
}

/**
 * The split-supply card of an installation page: null when the installation is not split supply or the viewer may
 * not see it (the page answers that with its own 404).
 */
export async function getSplitSupplyReading(
  viewer: Viewer,
  installationId: number,
  now: Date,
): Promise<SplitSupplyReading | null> {
  return withViewerScope(viewer, async (db) => {
    const scope = splitSupplyScope(viewer);
    const [i] = await withSupplierNames(db.select(installationSides).from(installations).$dynamic()).where(
      and(
        eq(installations.id, installationId),
        eq(installations.splitSupply, true),
        installationsVisibleTo(viewer),
      ),
    );
    if (!i) return null;
    const [designations, mas] = await Promise.all([
      designationsOf(db, [i.id], scope),
      authorisationsOf(db, [i.id]),
    ]);
    const current = designations.at(-1);
    const entry = current
      ? calendarEntry(viewer, i, { ...current, published: current.publishedAt !== null }, mas, now)
      : null;

    const failedWeek = ma106Weeks(mas).at(-1);
    if (!failedWeek) return { entry, ma106: null };
    const arrived = (partyId: number | null) =>
      mas.some((a) => a.partyId === partyId && a.migrationWeek === failedWeek);
    const ownParty = viewerParty(viewer);
    const supplierReader = ownParty !== null;
    const ownId = ownParty ?? i.electricityId;
    const otherId = ownId === i.electricityId ? i.gasId : i.electricityId;
    const published = designations.filter((d) => d.publishedAt !== null);
    const next = published.at(-1);
    const reading = readMa106({
      reader: supplierReader ? 'supplier' : 'mcc',
      failedWeek,
      wasDesignated: published.some((d) => d.week === failedWeek),
      readerSide: {
        name: supplierReader ? 'you' : (i.electricityName ?? 'The electricity supplier'),
        arrived: arrived(ownId),
      },
      otherSide: {
        name: supplierReader ? 'the other supplier' : (i.gasName ?? 'The gas supplier'),
        arrived: arrived(otherId),
      },
      nextWeek: next && next.week > failedWeek ? next.week : null,
      now,
    });
    return { entry, ma106: { ...reading, failedWeek } };
  });
}
