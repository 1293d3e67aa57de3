import 'server-only';
import { and, asc, count, desc, eq, gte, lte, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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

function sidesFor(
  viewer: Viewer,
  i: {
    electricityId: number | null;
    electricityName: string | null;
    gasId: number | null;
    gasName: string | null;
  },
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

function decodeCursor(cursor: string | undefined): [string, number] | null {
  const match = cursor ? /^(\d{4}-\d{2}-\d{2})_(\d{1,15})$/.exec(cursor) : null;
  return match ? [match[1] as string, Number(match[2])] : null;
}

/**
 * The calendar: each split-supply installation not yet migrated that has a designation the viewer may see, newest
 * week first. A supplier gets its own installations' published weeks only.
 */
export async function listCalendar(
  viewer: Viewer,
  query: { cursor?: string; pageSize?: number },
  now: Date,
): Promise<CalendarPage> {
  return withViewerScope(viewer, async (db) => {
    const scope = splitSupplyScope(viewer);
    const current = currentDesignations(db, scope);
    const pageSize = query.pageSize ?? CALENDAR_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const rows = await db
      .select({
        id: installations.id,
        mpan: installations.mpan,
        mprn: installations.mprn,
        electricityId: installations.electricitySupplierId,
        electricityName: electricitySupplier.name,
        gasId: installations.gasSupplierId,
        gasName: gasSupplier.name,
        week: current.week,
        published: current.published,
        designatedAt: current.designatedAt,
      })
      .from(installations)
      .innerJoin(current, eq(current.installationId, installations.id))
      .leftJoin(electricitySupplier, eq(electricitySupplier.id, installations.electricitySupplierId))
      .leftJoin(gasSupplier, eq(gasSupplier.id, installations.gasSupplierId))
      .where(
        and(
          eq(installations.splitSupply, true),
          ne(installations.status, 'migrated'),
          installationsVisibleTo(viewer),
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
      rows: page.map((r) => {
        const left = timeLeftToSubmit(r.week, now);
        return {
          installationId: r.id,
          mpan: r.mpan,
          mprn: r.mprn,
          week: r.week,
          published: r.published,
          designatedAt: r.designatedAt.toISOString(),
          cutOff: left.cutOff.toISOString(),
          timeLeft: left.label,
          cutOffPassed: left.passed,
          sides: sidesFor(viewer, r, r.week, mas.get(r.id) ?? [], now),
        };
      }),
      nextCursor: rows.length > pageSize && last ? `${last.week}_${last.id}` : null,
    };
  });
}

/** Every calendar row the viewer may see, page by page, for the CSV export (memory stays flat). */
export async function* streamCalendar(viewer: Viewer, now: Date): AsyncGenerator<CalendarEntry> {
  let cursor: string | undefined;
  do {
    const page = await listCalendar(viewer, { cursor, pageSize: 500 }, now);
    yield* page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The CSV columns of the calendar export, in order; published once, never reordered. */
export const CALENDAR_CSV_COLUMNS = [
  'installation_id',
  'mpan',
  'mprn',
  'migration_week',
  'published',
  'submission_cut_off',
  'electricity_supplier',
  'electricity_ma',
  'gas_supplier',
  'gas_ma',
] as const;

export function calendarCsvRecord(entry: CalendarEntry): string[] {
  const [electricity, gas] = entry.sides;
  return [
    String(entry.installationId),
    entry.mpan ?? '',
    entry.mprn ?? '',
    entry.week,
    entry.published ? 'yes' : 'no',
    entry.cutOff,
    electricity.supplier ?? '',
    electricity.status,
    gas.supplier ?? '',
    gas.status,
  ];
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
    const [i] = await db
      .select({
        id: installations.id,
        mpan: installations.mpan,
        mprn: installations.mprn,
        electricityId: installations.electricitySupplierId,
        electricityName: electricitySupplier.name,
        gasId: installations.gasSupplierId,
        gasName: gasSupplier.name,
      })
      .from(installations)
      .leftJoin(electricitySupplier, eq(electricitySupplier.id, installations.electricitySupplierId))
      .leftJoin(gasSupplier, eq(gasSupplier.id, installations.gasSupplierId))
      .where(
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
    const entry: CalendarEntry | null = current
      ? (() => {
          const left = timeLeftToSubmit(current.week, now);
          return {
            installationId: i.id,
            mpan: i.mpan,
            mprn: i.mprn,
            week: current.week,
            published: current.publishedAt !== null,
            designatedAt: current.designatedAt.toISOString(),
            cutOff: left.cutOff.toISOString(),
            timeLeft: left.label,
            cutOffPassed: left.passed,
            sides: sidesFor(viewer, i, current.week, mas, now),
          };
        })()
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
