import 'server-only';
import { and, asc, desc, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  migrationAuthorisations,
  splitSupplyDesignations,
  splitSupplyPublicationItems,
  splitSupplyPublications,
} from '@/db/schema';
import type { SplitSupplyScope } from './scope';

// The shared reads behind every split-supply view: designations with their publication, and the MAs per side.
// Internal to lib/data: callers get DTOs shaped by lib/data/split-supply.ts and lib/data/split-supply-plan.ts.

const d = splitSupplyDesignations;
const items = splitSupplyPublicationItems;

/**
 * The outer designation's id, qualified by hand: inside a correlated subquery Drizzle renders a column of the
 * query's own table unqualified, and a bare "id" would bind to the subquery's table instead.
 */
const outerDesignationId = sql.raw('"split_supply_designations"."id"');

/** True when the designation has been published (it appears in a publication). */
export const isPublished = () =>
  sql<boolean>`exists (select 1 from ${items} where ${items.designationId} = ${outerDesignationId})`;

/**
 * Each installation's current designation as the scope allows: its newest row for the MCC (drafts included), its
 * newest published row for a supplier. A subquery to join on `installationId`.
 */
export function currentDesignations(db: Database, scope: SplitSupplyScope) {
  return db
    .selectDistinctOn([d.installationId], {
      installationId: d.installationId,
      designationId: d.id,
      week: d.migrationWeek,
      designatedAt: d.designatedAt,
      published: isPublished().as('published'),
    })
    .from(d)
    .where(scope.includeDrafts ? undefined : isPublished())
    .orderBy(d.installationId, desc(d.id))
    .as('current_designation');
}

export interface DesignationRecord {
  id: number;
  installationId: number;
  week: string;
  designatedAt: Date;
  designatedByUserId: string | null;
  supersedesId: number | null;
  reason: string | null;
  publishedAt: Date | null;
}

/** Every designation of these installations the scope allows, oldest first, with its first publication. */
export async function designationsOf(
  db: Database,
  installationIds: readonly number[],
  scope: SplitSupplyScope,
): Promise<DesignationRecord[]> {
  if (installationIds.length === 0) return [];
  const publishedAt = sql<Date | null>`(select min(${splitSupplyPublications.publishedAt}) from ${items}
    join ${splitSupplyPublications} on ${splitSupplyPublications.id} = ${items.publicationId}
    where ${items.designationId} = ${outerDesignationId})`.mapWith((v: string | Date | null) =>
    v === null ? null : new Date(v),
  );
  const rows = await db
    .select({
      id: d.id,
      installationId: d.installationId,
      week: d.migrationWeek,
      designatedAt: d.designatedAt,
      designatedByUserId: d.designatedByUserId,
      supersedesId: d.supersedesId,
      reason: d.reason,
      publishedAt,
    })
    .from(d)
    .where(
      and(inArray(d.installationId, [...installationIds]), scope.includeDrafts ? undefined : isPublished()),
    )
    .orderBy(asc(d.installationId), asc(d.id));
  return rows;
}

export interface SideAuthorisationRecord {
  installationId: number;
  partyId: number;
  migrationWeek: string;
  validationStatus: 'accepted' | 'rejected';
  completionCode: string | null;
}

/**
 * Both sides' MAs of these installations. Read server-side only: callers reduce them to "arrived or not" before
 * anything reaches a supplier, which never sees the other supplier's MA itself.
 */
export async function authorisationsOf(
  db: Database,
  installationIds: readonly number[],
): Promise<SideAuthorisationRecord[]> {
  if (installationIds.length === 0) return [];
  const m = migrationAuthorisations;
  const rows = await db
    .select({
      installationId: m.installationId,
      partyId: m.authorisingPartyId,
      migrationWeek: m.migrationWeek,
      validationStatus: m.validationStatus,
      completionCode: m.completionCode,
    })
    .from(m)
    .where(inArray(m.installationId, [...installationIds]))
    .orderBy(asc(m.receivedAt));
  return rows.map((r) => ({ ...r, installationId: r.installationId as number }));
}

/** Groups rows by installation id. */
export function byInstallation<T extends { installationId: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.installationId) ?? [];
    list.push(row);
    map.set(row.installationId, list);
  }
  return map;
}

/** The weeks an installation failed MA106 in (the arrived MA carries the completion code, Appendix A.1). */
export function ma106Weeks(authorisations: readonly SideAuthorisationRecord[]): string[] {
  return [
    ...new Set(authorisations.filter((a) => a.completionCode === 'MA106').map((a) => a.migrationWeek)),
  ].sort();
}
