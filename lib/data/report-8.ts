import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { migrationAuthorisations, parties, weeklyDemand } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { report8Weeks } from '@/lib/rules/reports';
import type { IsoDate } from '@/lib/rules/weeks';
import { weeklyDemandVisibleTo, withViewerReadScope } from './scope';

/**
 * Report 8 (S1MIG-008), "Summary of Migration Authorisations Received vs DCC Migration Commitment" (MEHRS 2.2.1):
 * per Authorising Party and Migration Week, the commitment from `weekly_demand` and the MAs received, counted live
 * from `migration_authorisations` so the report can never disagree with the authorisations themselves.
 * One function for the report download and the demand page.
 */
export interface Report8Row {
  supplierId: number;
  partySecId: string | null;
  partyName: string;
  migrationWeek: IsoDate;
  committed: number;
  received: number;
  valid: number;
  /** Received minus committed: negative when the commitment was not met. */
  difference: number;
  /** Received as a percentage of the commitment, one decimal place; null when nothing was committed. */
  percentOfCommitment: number | null;
}

export async function listReport8Rows(
  viewer: Viewer,
  query: { week: IsoDate; supplier?: number },
): Promise<Report8Row[]> {
  return withViewerReadScope(viewer, async (db) => {
    const d = weeklyDemand;
    const a = migrationAuthorisations;
    const received = db
      .select({
        partyId: a.authorisingPartyId,
        week: a.migrationWeek,
        received: sql<number>`count(*)::int`.as('received'),
        valid: sql<number>`(count(*) filter (where ${a.validationStatus} = 'accepted'))::int`.as('valid'),
      })
      .from(a)
      .where(inArray(a.migrationWeek, report8Weeks(query.week)))
      .groupBy(a.authorisingPartyId, a.migrationWeek)
      .as('received');
    const rows = await db
      .select({
        supplierId: d.supplierId,
        partySecId: parties.secPartyId,
        partyName: parties.name,
        migrationWeek: d.migrationWeek,
        committed: d.committed,
        received: sql<number>`coalesce(${received.received}, 0)`,
        valid: sql<number>`coalesce(${received.valid}, 0)`,
      })
      .from(d)
      .innerJoin(parties, eq(parties.id, d.supplierId))
      .leftJoin(received, and(eq(received.partyId, d.supplierId), eq(received.week, d.migrationWeek)))
      .where(
        and(
          inArray(d.migrationWeek, report8Weeks(query.week)),
          weeklyDemandVisibleTo(viewer),
          query.supplier === undefined ? undefined : eq(d.supplierId, query.supplier),
        ),
      )
      .orderBy(asc(parties.name), asc(d.supplierId), asc(d.migrationWeek));
    return rows.map((row) => ({
      ...row,
      received: Number(row.received),
      valid: Number(row.valid),
      difference: Number(row.received) - row.committed,
      percentOfCommitment:
        row.committed > 0 ? Math.round((Number(row.received) / row.committed) * 1000) / 10 : null,
    }));
  });
}
