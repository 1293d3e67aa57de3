import 'server-only';
import { and, asc, between, desc, eq, gte, inArray, lt, ne, sql, sum } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  AUTHORISATION_ROLLUP_ALL_CODES,
  authorisationRollups,
  incidents,
  installationRollups,
  migrationCapacity,
  parties,
  triageRollups,
  weeklyDemand,
} from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { describeCode } from '@/lib/rules/codes';
import { DEMAND_DEFAULTS } from '@/lib/rules/config';
import {
  comingMigrationWeeks,
  type PlannedWeek,
  plannedWeek,
  type Report8Row,
  report8Row,
  report8Weeks,
  weeksEndingWith,
} from '@/lib/rules/demand';
import type { IncidentStatus } from '@/lib/rules/types';
import { type IsoDate, migrationWeekEnd, migrationWeekOf, migrationWeekStart } from '@/lib/rules/weeks';
import { rollupClauses } from './installation-filters';
import {
  authorisationRollupsVisibleTo,
  demandParty,
  effectiveRollupScope,
  incidentsVisibleTo,
  seesCapacity,
  suppliersVisibleTo,
  weeklyDemandVisibleTo,
  withViewerReadScope,
} from './scope';

/** An Authorising Party as the demand page names it. */
export interface DemandParty {
  id: number;
  name: string;
  secPartyId: string | null;
}

/** Which party's demand, for which Report 8 week. `party` null is every party the viewer may see. */
export interface DemandScope {
  week: IsoDate;
  party: DemandParty | null;
}

/** The name of the "every party" row: a sum over the Authorising Parties the viewer may see. */
export const ALL_PARTIES = 'All Authorising Parties';

// ---------------------------------------------------------------------------------------------------------
// Parties and weeks the page offers
// ---------------------------------------------------------------------------------------------------------

/** The Authorising Parties a viewer may choose: every supplier for the MCC, only itself for a supplier. */
export async function listDemandParties(viewer: Viewer): Promise<DemandParty[]> {
  return withViewerReadScope(viewer, async (db) => {
    return db
      .select({ id: parties.id, name: parties.name, secPartyId: parties.secPartyId })
      .from(parties)
      .where(suppliersVisibleTo(viewer))
      .orderBy(asc(parties.name));
  });
}

/**
 * The party a request looks at: a supplier is always itself (a forged `supplier` in the URL is ignored); the MCC's
 * choice when it names a supplier, otherwise every party.
 */
export async function resolveDemandScope(
  viewer: Viewer,
  week: IsoDate,
  requested: number | undefined,
): Promise<DemandScope> {
  const id = demandParty(viewer, requested);
  if (id === null) return { week, party: null };
  const party = (await listDemandParties(viewer)).find((p) => p.id === id) ?? null;
  return { week, party };
}

/** Migration Weeks with a commitment for the viewer, up to `latest`, newest first (the week picker). */
export async function listDemandWeeks(viewer: Viewer, latest: IsoDate, limit = 52): Promise<IsoDate[]> {
  return withViewerReadScope(viewer, async (db) => {
    const rows = await db
      .selectDistinct({ week: weeklyDemand.migrationWeek })
      .from(weeklyDemand)
      .where(and(weeklyDemandVisibleTo(viewer, null), sql`${weeklyDemand.migrationWeek} <= ${latest}`))
      .orderBy(desc(weeklyDemand.migrationWeek))
      .limit(limit);
    return rows.map((r) => r.week);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Commitment and MAs received, per party and week
// ---------------------------------------------------------------------------------------------------------

interface PartyWeekCounts {
  partyId: number;
  week: IsoDate;
  committed: number;
  received: number;
  rejected: number;
}

const key = (partyId: number, week: IsoDate) => `${partyId}|${week}`;

/**
 * Commitment from `weekly_demand`; MAs received and rejected counted from the MAs themselves (their rollup, exact in
 * the same transaction as every MA change). Only supplier parties: DCC's own MAs for dormant meters have no
 * Migration Demand Commitment.
 */
async function countsByPartyWeek(
  db: Database,
  viewer: Viewer,
  party: number | null,
  from: IsoDate,
  to: IsoDate,
): Promise<PartyWeekCounts[]> {
  const ar = authorisationRollups;
  const n = sum(ar.count).mapWith(Number);
  const [commitments, received] = await Promise.all([
    db
      .select({
        partyId: weeklyDemand.supplierId,
        week: weeklyDemand.migrationWeek,
        committed: weeklyDemand.committed,
      })
      .from(weeklyDemand)
      .where(and(weeklyDemandVisibleTo(viewer, party), between(weeklyDemand.migrationWeek, from, to))),
    db
      .select({ partyId: ar.authorisingPartyId, week: ar.migrationWeek, status: ar.validationStatus, n })
      .from(ar)
      .innerJoin(parties, and(eq(parties.id, ar.authorisingPartyId), eq(parties.role, 'supplier')))
      .where(
        and(
          authorisationRollupsVisibleTo(viewer, party),
          between(ar.migrationWeek, from, to),
          eq(ar.code, AUTHORISATION_ROLLUP_ALL_CODES),
          ne(ar.count, 0),
        ),
      )
      .groupBy(ar.authorisingPartyId, ar.migrationWeek, ar.validationStatus),
  ]);
  const byKey = new Map<string, PartyWeekCounts>();
  const at = (partyId: number, week: IsoDate) => {
    const k = key(partyId, week);
    let row = byKey.get(k);
    if (!row) {
      row = { partyId, week, committed: 0, received: 0, rejected: 0 };
      byKey.set(k, row);
    }
    return row;
  };
  for (const c of commitments) at(c.partyId, c.week).committed += c.committed;
  for (const r of received) {
    const row = at(r.partyId, r.week);
    row.received += r.n;
    if (r.status === 'rejected') row.rejected += r.n;
  }
  return [...byKey.values()];
}

/** Report 8 rows of one party (or the sum of all) for each week, zeros where nothing was committed or received. */
function rowsFor(
  name: string,
  secPartyId: string | null,
  weeks: readonly IsoDate[],
  counts: readonly PartyWeekCounts[],
): Report8Row[] {
  return weeks.map((week) => {
    const inWeek = counts.filter((c) => c.week === week);
    const total = (f: 'committed' | 'received' | 'rejected') => inWeek.reduce((s, c) => s + c[f], 0);
    return report8Row({
      partyName: name,
      secPartyId,
      migrationWeek: week,
      committed: total('committed'),
      received: total('received'),
      rejected: total('rejected'),
    });
  });
}

export interface Report8View {
  weeks: IsoDate[];
  /** The chosen party's rows, or the sum over every visible party, one per week. */
  total: Report8Row[];
  /** One block of rows per party with anything in the window (the MCC's small multiples and all-parties download). */
  parties: { party: DemandParty; rows: Report8Row[] }[];
  /** Installations whose current Migration Week is each week: the drill-down count of the installations list. */
  installationsInWeek: Record<IsoDate, number>;
}

/** Report 8 (MEHRS 2.2.1) for the four Migration Weeks ending with `scope.week`. The export reuses this function. */
export async function getReport8(viewer: Viewer, scope: DemandScope): Promise<Report8View> {
  return withViewerReadScope(viewer, async (db) => {
    const weeks = report8Weeks(scope.week);
    const first = weeks[0] as IsoDate;
    const partyId = demandParty(viewer, scope.party?.id);
    const [counts, visible, inWeek] = await Promise.all([
      countsByPartyWeek(db, viewer, partyId, first, scope.week),
      listDemandParties(viewer),
      installationsByWeek(db, viewer, partyId, first, scope.week),
    ]);
    const present = new Set(counts.filter((c) => c.committed > 0 || c.received > 0).map((c) => c.partyId));
    const blocks = visible
      .filter((p) => (partyId === null ? present.has(p.id) : p.id === partyId))
      .map((party) => ({
        party,
        rows: rowsFor(
          party.name,
          party.secPartyId,
          weeks,
          counts.filter((c) => c.partyId === party.id),
        ),
      }));
    const total = partyId === null ? rowsFor(ALL_PARTIES, null, weeks, counts) : (blocks[0]?.rows ?? []);
    return { weeks, total, parties: blocks, installationsInWeek: inWeek };
  });
}

/**
 * Report 8 as its CSV lists it: the page's per-party rows (getReport8, the one truth for the page, its charts and the
 * file), party by party and week by week. A supplier gets its own rows whatever it asks for; an analyst's
 * `supplier` narrows to that party.
 */
export async function* report8Batches(
  viewer: Viewer,
  week: IsoDate,
  supplier: number | undefined,
): AsyncGenerator<Report8Row[]> {
  const report = await getReport8(viewer, await resolveDemandScope(viewer, week, supplier));
  yield report.parties.flatMap((block) => block.rows);
}

async function installationsByWeek(
  db: Database,
  viewer: Viewer,
  party: number | null,
  from: IsoDate,
  to: IsoDate,
): Promise<Record<IsoDate, number>> {
  const r = installationRollups;
  const rows = await db
    .select({ week: r.migrationWeek, n: sum(r.count).mapWith(Number) })
    .from(r)
    .where(and(...rollupClauses(viewer, { weekFrom: from, weekTo: to, supplier: party ?? undefined })))
    .groupBy(r.migrationWeek);
  return Object.fromEntries(rows.map((row) => [row.week, row.n]));
}

// ---------------------------------------------------------------------------------------------------------
// Why the commitment was missed, where the data says (MEHRS 2.2.1 (a)–(e))
// ---------------------------------------------------------------------------------------------------------

export interface ShortfallReasons {
  weeks: IsoDate[];
  /** MEHRS 2.2.1 (d), 2.3.2: rejected MAs by reason code, per week (an MA failing two checks counts under both). */
  rejectedByCode: { code: string; description: string; counts: Record<IsoDate, number>; total: number }[];
  /** MEHRS 2.2.1 (e), 2.4.1: incidents "Requesting Party unable to generate Migration Common File" raised per week. */
  mcfIncidents: { id: number; reference: string; week: IsoDate; raisedAt: string; status: IncidentStatus }[];
}

export async function getShortfallReasons(viewer: Viewer, scope: DemandScope): Promise<ShortfallReasons> {
  return withViewerReadScope(viewer, async (db) => {
    const weeks = report8Weeks(scope.week);
    const first = weeks[0] as IsoDate;
    const ar = authorisationRollups;
    const n = sum(ar.count).mapWith(Number);
    const [codes, raised] = await Promise.all([
      db
        .select({ code: ar.code, week: ar.migrationWeek, n })
        .from(ar)
        .innerJoin(parties, and(eq(parties.id, ar.authorisingPartyId), eq(parties.role, 'supplier')))
        .where(
          and(
            authorisationRollupsVisibleTo(viewer, demandParty(viewer, scope.party?.id)),
            between(ar.migrationWeek, first, scope.week),
            eq(ar.validationStatus, 'rejected'),
            ne(ar.code, AUTHORISATION_ROLLUP_ALL_CODES),
            ne(ar.count, 0),
          ),
        )
        .groupBy(ar.code, ar.migrationWeek),
      // Only the reference, time and status are shown, and only of incidents the viewer may open: a supplier sees
      // those it is an Interested Party of, as in the incident queue (found by the isolation matrix, e2e/isolation).
      db
        .select({
          id: incidents.id,
          reference: incidents.reference,
          raisedAt: incidents.raisedAt,
          status: incidents.status,
        })
        .from(incidents)
        .where(
          and(
            incidentsVisibleTo(viewer),
            eq(incidents.scenario, '2.4.1'),
            gte(incidents.raisedAt, migrationWeekStart(first)),
            lt(incidents.raisedAt, migrationWeekEnd(scope.week)),
          ),
        )
        .orderBy(asc(incidents.raisedAt)),
    ]);
    const byCode = new Map<string, Record<IsoDate, number>>();
    for (const row of codes) {
      const counts = byCode.get(row.code) ?? {};
      counts[row.week] = (counts[row.week] ?? 0) + row.n;
      byCode.set(row.code, counts);
    }
    const rejectedByCode = [...byCode.entries()]
      .map(([code, counts]) => ({
        code,
        description: describeCode(code).description,
        counts,
        total: Object.values(counts).reduce((s, v) => s + v, 0),
      }))
      .sort((a, b) => b.total - a.total || a.code.localeCompare(b.code));
    return {
      weeks,
      rejectedByCode,
      mcfIncidents: raised.map((i) => ({
        id: i.id,
        reference: i.reference,
        week: migrationWeekOf(i.raisedAt),
        raisedAt: i.raisedAt.toISOString(),
        status: i.status,
      })),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Trend and planned volume
// ---------------------------------------------------------------------------------------------------------

export interface TrendPoint {
  week: IsoDate;
  committed: number;
  received: number;
  accepted: number;
}

/** Commitment against MAs received over the last 26 Migration Weeks ending with the Report 8 week. */
export async function getDemandTrend(viewer: Viewer, scope: DemandScope): Promise<TrendPoint[]> {
  return withViewerReadScope(viewer, async (db) => {
    const weeks = weeksEndingWith(scope.week, DEMAND_DEFAULTS.trendWeeks);
    const partyId = demandParty(viewer, scope.party?.id);
    const counts = await countsByPartyWeek(db, viewer, partyId, weeks[0] as IsoDate, scope.week);
    return rowsFor(ALL_PARTIES, null, weeks, counts).map((r) => ({
      week: r.migrationWeek,
      committed: r.committed,
      received: r.received,
      accepted: r.accepted,
    }));
  });
}

/**
 * DCC's migration capacity per Migration Week, where recorded: migration-wide, so shown only to a viewer who sees
 * capacity for the whole migration (`seesCapacity`). The one read of it, for the demand page and the split-supply
 * calendar's candidate weeks.
 */
export async function weeklyCapacity(db: Database, weeks: readonly IsoDate[]): Promise<Map<IsoDate, number>> {
  if (weeks.length === 0) return new Map();
  const rows = await db
    .select({ week: migrationCapacity.migrationWeek, capacity: migrationCapacity.capacity })
    .from(migrationCapacity)
    .where(inArray(migrationCapacity.migrationWeek, [...weeks]));
  return new Map(rows.map((r) => [r.week, r.capacity]));
}

export interface PlannedVolume {
  weeks: PlannedWeek[];
  /** False for a supplier, and for one party: DCC's capacity is migration-wide. */
  showsCapacity: boolean;
}

/**
 * Per coming Migration Week: installations scheduled (those the MCC rescheduled after dormant triage counted too),
 * against the commitment and, for the MCC looking at every party, DCC's capacity.
 */
export async function getPlannedVolume(
  viewer: Viewer,
  party: DemandParty | null,
  now: Date,
): Promise<PlannedVolume> {
  return withViewerReadScope(viewer, async (db) => {
    const weeks = comingMigrationWeeks(now);
    const first = weeks[0] as IsoDate;
    const last = weeks.at(-1) as IsoDate;
    const partyId = demandParty(viewer, party?.id);
    const capacityShown = seesCapacity(viewer, partyId);
    const [scheduled, counts, triaged, capacity] = await Promise.all([
      installationsByWeek(db, viewer, partyId, first, last),
      countsByPartyWeek(db, viewer, partyId, first, last),
      // Installations whose current triage decision (MEHRS 4) put them into the week they are planned in, from the
      // triage rollup: constant cost however many reschedules there are.
      db
        .select({ week: triageRollups.migrationWeek, n: sum(triageRollups.count).mapWith(Number) })
        .from(triageRollups)
        .where(
          and(
            eq(triageRollups.supplierId, effectiveRollupScope(viewer, { supplier: partyId ?? undefined })),
            eq(triageRollups.state, 'reschedule'),
            between(triageRollups.migrationWeek, first, last),
          ),
        )
        .groupBy(triageRollups.migrationWeek),
      capacityShown ? weeklyCapacity(db, weeks) : Promise.resolve(new Map<IsoDate, number>()),
    ]);
    const triagedByWeek = new Map(triaged.map((t) => [t.week, t.n]));
    return {
      showsCapacity: capacityShown,
      weeks: weeks.map((week) =>
        plannedWeek({
          migrationWeek: week,
          scheduled: scheduled[week] ?? 0,
          rescheduledByTriage: triagedByWeek.get(week) ?? 0,
          committed: counts.filter((c) => c.week === week).reduce((s, c) => s + c.committed, 0),
          capacity: capacityShown ? (capacity.get(week) ?? null) : null,
        }),
      ),
    };
  });
}
