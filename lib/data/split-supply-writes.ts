import 'server-only';
import { and, desc, eq, isNotNull, max, ne, sql } from 'drizzle-orm';
import { inTransaction, type Transaction } from '@/db/client';
import {
  installations,
  migrationAuthorisations,
  splitSupplyDesignations,
  splitSupplyPublicationItems,
  splitSupplyPublications,
  users,
} from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { ConflictError, DomainError } from '@/lib/errors';
import type { SplitSupplyFilter } from '@/lib/filters/split-supply';
import { designationWeekProblem } from '@/lib/rules/split-supply';
import { migrationWeekOf } from '@/lib/rules/weeks';
import { recordAudit } from './audit';
import { splitSupplyScope, withViewerScope } from './scope';
import { currentDesignations } from './split-supply-history';
import { planClauses } from './split-supply-plan';

// Designating and publishing the split-supply calendar (MAM, MEHRS v5.0 conclusions). Every write appends: a
// designation is superseded by a newer row, never changed (db/schema/split-supply.ts).

const INSERT_CHUNK = 1_000;

export interface DesignationInput {
  /** One installation, a whole supplier pair, or every installation matching the planning filter. */
  target: 'installation' | 'pair' | 'filter';
  installationId?: number;
  filter: SplitSupplyFilter;
  week: string;
  /** Required when a published designation is superseded. */
  reason?: string;
}

export interface DesignationOutcome {
  designated: number;
  /** Already designated for that very week: nothing to change. */
  unchanged: number;
  /** Skipped, with the rules' reason (e.g. the week is not after its last attempted week). */
  skipped: { reason: string; count: number }[];
}

function targetFilter(input: DesignationInput): SplitSupplyFilter {
  if (input.target === 'filter') return input.filter;
  if (input.target === 'pair') {
    if (!input.filter.pair) throw new DomainError('invalid', 'Choose a supplier pair first.');
    return { pair: input.filter.pair };
  }
  return {};
}

async function candidates(tx: Transaction, viewer: Viewer, input: DesignationInput, now: Date) {
  if (input.target === 'installation' && !input.installationId)
    throw new DomainError('invalid', 'Choose an installation first.');
  const current = currentDesignations(tx, splitSupplyScope(viewer));
  const m = migrationAuthorisations;
  // A failed attempt is followed by a subsequent week (MEHRS 2.3.2): the last week whose MAs completed.
  const lastAttempted = tx
    .select({ installationId: m.installationId, week: max(m.migrationWeek).as('last_week') })
    .from(m)
    .where(isNotNull(m.completionStatus))
    .groupBy(m.installationId)
    .as('last_attempted');
  return tx
    .select({
      id: installations.id,
      currentId: current.designationId,
      currentWeek: current.week,
      published: current.published,
      lastWeek: lastAttempted.week,
    })
    .from(installations)
    .leftJoin(current, eq(current.installationId, installations.id))
    .leftJoin(lastAttempted, eq(lastAttempted.installationId, installations.id))
    .where(
      and(
        ...planClauses(current, targetFilter(input), now),
        input.target === 'installation' ? eq(installations.id, input.installationId as number) : undefined,
      ),
    );
}

/**
 * Designates a Migration Week for the targeted split-supply installations. A published designation is superseded
 * only with a reason; installations the week does not suit are skipped and counted, never silently moved.
 */
export async function designateWeek(
  viewer: Viewer,
  input: DesignationInput,
  now: Date,
  outerTx?: Transaction,
): Promise<DesignationOutcome> {
  assertCan(viewer, 'splitSupply.plan');
  const weekProblem = designationWeekProblem(input.week, now, null);
  if (weekProblem) throw new DomainError('invalid', weekProblem);
  const reason = input.reason?.trim() || null;
  return inTransaction(outerTx, async (tx) => {
    const rows = await candidates(tx, viewer, input, now);
    if (rows.length === 0) throw new DomainError('not_found', 'No split-supply installation matches.');
    // Superseding a published week that is still ahead needs a reason; a week that has passed (an MA106, say) is
    // followed by a new designation, which puts the installation back on the calendar.
    const thisWeek = migrationWeekOf(now);
    const supersedesPublished = rows.filter(
      (r) =>
        r.published && r.currentWeek !== null && r.currentWeek >= thisWeek && r.currentWeek !== input.week,
    );
    if (supersedesPublished.length > 0 && !reason)
      throw new ConflictError(
        `${supersedesPublished.length} of these installations already have a published week: give a reason to supersede it.`,
      );
    const skipped = new Map<string, number>();
    let unchanged = 0;
    const values: (typeof splitSupplyDesignations.$inferInsert)[] = [];
    for (const r of rows) {
      if (r.currentWeek === input.week) {
        unchanged++;
        continue;
      }
      const problem = designationWeekProblem(input.week, now, r.lastWeek ?? null);
      if (problem) {
        skipped.set(problem, (skipped.get(problem) ?? 0) + 1);
        continue;
      }
      values.push({
        installationId: r.id,
        migrationWeek: input.week,
        designatedAt: now,
        designatedByUserId: viewer.userId,
        supersedesId: r.currentId ?? null,
        reason,
      });
    }
    for (let n = 0; n < values.length; n += INSERT_CHUNK) {
      await tx.insert(splitSupplyDesignations).values(values.slice(n, n + INSERT_CHUNK));
    }
    const outcome = {
      designated: values.length,
      unchanged,
      skipped: [...skipped].map(([why, count]) => ({ reason: why, count })),
    };
    await recordAudit(tx, viewer, {
      action: 'split-supply.designate',
      entity: 'split_supply_designations',
      entityId: input.target === 'installation' ? String(input.installationId) : input.target,
      detail: { week: input.week, reason, filter: targetFilter(input), ...outcome },
    });
    return outcome;
  });
}

/** Publishes every current draft designation: from now on both suppliers see those weeks. */
export async function publishCalendar(
  viewer: Viewer,
  now: Date,
  outerTx?: Transaction,
): Promise<{ id: number; count: number }> {
  assertCan(viewer, 'splitSupply.plan');
  return inTransaction(outerTx, async (tx) => {
    const current = currentDesignations(tx, splitSupplyScope(viewer));
    const drafts = await tx
      .select({ id: current.designationId })
      .from(current)
      .innerJoin(installations, eq(installations.id, current.installationId))
      .where(
        and(
          eq(current.published, false),
          eq(installations.splitSupply, true),
          ne(installations.status, 'migrated'),
        ),
      );
    if (drafts.length === 0) throw new ConflictError('There is nothing new to publish.');
    const [publication] = await tx
      .insert(splitSupplyPublications)
      .values({ publishedAt: now, publishedByUserId: viewer.userId, designationCount: drafts.length })
      .returning({ id: splitSupplyPublications.id });
    if (!publication) throw new Error('publication not created');
    for (let n = 0; n < drafts.length; n += INSERT_CHUNK) {
      await tx
        .insert(splitSupplyPublicationItems)
        .values(
          drafts
            .slice(n, n + INSERT_CHUNK)
            .map((d) => ({ publicationId: publication.id, designationId: d.id })),
        );
    }
    await recordAudit(tx, viewer, {
      action: 'split-supply.publish',
      entity: 'split_supply_publications',
      entityId: String(publication.id),
      detail: { designations: drafts.length },
    });
    return { id: publication.id, count: drafts.length };
  });
}

export interface PublicationSummary {
  id: number;
  publishedAt: string;
  publishedBy: string | null;
  designationCount: number;
}

/** The latest publications of the calendar, newest first, with who published them. */
export async function listPublications(viewer: Viewer, limit = 10): Promise<PublicationSummary[]> {
  assertCan(viewer, 'splitSupply.plan');
  return withViewerScope(viewer, async (db) => {
    const p = splitSupplyPublications;
    const rows = await db
      .select({
        id: p.id,
        publishedAt: p.publishedAt,
        by: users.name,
        byId: p.publishedByUserId,
        n: p.designationCount,
      })
      .from(p)
      .leftJoin(users, eq(users.id, p.publishedByUserId))
      .orderBy(desc(p.id))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      publishedAt: r.publishedAt.toISOString(),
      publishedBy: r.by ?? r.byId,
      designationCount: r.n,
    }));
  });
}

/** How many designations wait for publication. */
export async function countDrafts(viewer: Viewer): Promise<number> {
  assertCan(viewer, 'splitSupply.plan');
  return withViewerScope(viewer, async (db) => {
    const current = currentDesignations(db, splitSupplyScope(viewer));
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(current)
      .innerJoin(installations, eq(installations.id, current.installationId))
      .where(
        and(
          eq(current.published, false),
          eq(installations.splitSupply, true),
          ne(installations.status, 'migrated'),
        ),
      );
    return row?.n ?? 0;
  });
}
